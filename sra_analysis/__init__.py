"""sra_analysis: check a Security Risk Assessment against what happened at the event.

Load an event folder, cut it into ring × time windows, score the SRA's predictions against
the incidents observed, and report staffing against incidents per ring.
"""

from importlib.metadata import PackageNotFoundError, version

from sra_analysis.errors import (
    EventConfigError,
    InputFileError,
    MissingColumnsError,
    ParameterError,
    SRAError,
)
from sra_analysis.event import Event, EventMeta, FileQuality, Ring, read_event_meta
from sra_analysis.io import load_event, load_incidents, load_risk_register, load_staffing
from sra_analysis.levels import RiskLevels

try:
    __version__ = version("sra_analysis")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"

__all__ = [
    "Event",
    "EventConfigError",
    "EventMeta",
    "FileQuality",
    "InputFileError",
    "MissingColumnsError",
    "ParameterError",
    "Ring",
    "RiskLevels",
    "SRAError",
    "__version__",
    "load_event",
    "load_incidents",
    "load_risk_register",
    "load_staffing",
    "read_event_meta",
]
