"""sra_analysis: check a Security Risk Assessment against what happened at the event.

Load an event folder, cut it into ring × time windows, score the SRA's predictions against
the incidents observed, and report staffing against incidents per ring.
"""

from importlib.metadata import PackageNotFoundError, version

from sra_analysis.errors import (
    EventConfigError,
    InputFileError,
    MissingColumnsError,
    OutputError,
    ParameterError,
    SRAError,
)
from sra_analysis.event import Event, EventMeta, FileQuality, Ring, read_event_meta
from sra_analysis.io import load_event, load_incidents, load_risk_register, load_staffing
from sra_analysis.levels import RiskLevels
from sra_analysis.review.evaluate import Evaluation, evaluate
from sra_analysis.review.windows import review_windows


def __getattr__(name: str):
    # run_reports needs papermill and nbconvert; import them on first use only, so that
    # ``import sra_analysis`` stays light for scripts
    if name == "run_reports":
        from sra_analysis.reports.batch import run_reports

        return run_reports
    raise AttributeError(f"module 'sra_analysis' has no attribute {name!r}")


try:
    __version__ = version("sra_analysis")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"

__all__ = [
    "Evaluation",
    "Event",
    "EventConfigError",
    "EventMeta",
    "FileQuality",
    "InputFileError",
    "MissingColumnsError",
    "OutputError",
    "ParameterError",
    "Ring",
    "RiskLevels",
    "SRAError",
    "__version__",
    "evaluate",
    "load_event",
    "load_incidents",
    "load_risk_register",
    "load_staffing",
    "read_event_meta",
    "review_windows",
    "run_reports",
]
