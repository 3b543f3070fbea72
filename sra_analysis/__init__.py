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
from sra_analysis.evaluate import Evaluation, evaluate
from sra_analysis.event import Event, EventMeta, FileQuality, Ring, read_event_meta
from sra_analysis.io import load_event, load_incidents, load_risk_register, load_staffing
from sra_analysis.levels import RiskLevels
from sra_analysis.windows import review_windows


def run_reports(event_dirs, out_dir, **options):
    """Generate HTML review reports; see :func:`sra_analysis.report.run_reports`.

    Imported on first use, so ``import sra_analysis`` stays light for scripts.
    """
    from sra_analysis.report import run_reports as _run_reports

    return _run_reports(event_dirs, out_dir, **options)


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
