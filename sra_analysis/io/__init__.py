"""Reading event folders: readers, normalisation, validation with quarantine."""

from sra_analysis.io.load import (
    find_event_dirs,
    find_input,
    load_event,
    load_incidents,
    load_risk_register,
    load_staffing,
    sha256_of,
)
from sra_analysis.io.readers import RawTable, detect_delimiter, read_table
from sra_analysis.io.validate import LoadedTable, load_table

__all__ = [
    "LoadedTable",
    "RawTable",
    "detect_delimiter",
    "find_event_dirs",
    "find_input",
    "load_event",
    "load_incidents",
    "load_risk_register",
    "load_staffing",
    "load_table",
    "read_table",
    "sha256_of",
]
