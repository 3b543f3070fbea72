"""sra_analysis: check a Security Risk Assessment against what happened at the event.

Load an event folder, cut it into ring × time windows, score the SRA's predictions against
the incidents observed, and report staffing against incidents per ring.

The public names below are loaded on first use (PEP 562): ``import sra_analysis`` imports
none of pandas, scipy, pandera, plotly, papermill or nbconvert until a name that needs them
is touched, so scripts and ``sra-review --help`` start fast.

Examples
--------
>>> import sra_analysis
>>> sra_analysis.load_event.__module__
'sra_analysis.io.load'
>>> sra_analysis.evaluate.__module__  # the function; the module is sra_analysis.review.evaluate
'sra_analysis.review.evaluate'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what the names resolve to, for type checkers and editors
    from sra_analysis import charts, metrics
    from sra_analysis.errors import (
        ClusterError,
        EventConfigError,
        InputFileError,
        MissingColumnsError,
        OutputError,
        ParameterError,
        SRAError,
    )
    from sra_analysis.event import Event, EventMeta, FileQuality, Ring
    from sra_analysis.event_config import read_event_meta
    from sra_analysis.io import load_event, load_incidents, load_risk_register, load_staffing
    from sra_analysis.levels import RiskLevels
    from sra_analysis.report_folder import ReportFolderError
    from sra_analysis.report_summary import ReportSummary
    from sra_analysis.reports.batch import run_reports
    from sra_analysis.reports.rollup_result import Rollup, rollup_reports
    from sra_analysis.review.evaluate import Evaluation, evaluate
    from sra_analysis.review.windows import review_windows

#: Each public name and the module that defines it.
_EXPORTS = {
    "ClusterError": "sra_analysis.errors",
    "EventConfigError": "sra_analysis.errors",
    "InputFileError": "sra_analysis.errors",
    "MissingColumnsError": "sra_analysis.errors",
    "OutputError": "sra_analysis.errors",
    "ParameterError": "sra_analysis.errors",
    "SRAError": "sra_analysis.errors",
    "Event": "sra_analysis.event",
    "EventMeta": "sra_analysis.event",
    "FileQuality": "sra_analysis.event",
    "Ring": "sra_analysis.event",
    "read_event_meta": "sra_analysis.event_config",
    "RiskLevels": "sra_analysis.levels",
    "load_event": "sra_analysis.io",
    "load_incidents": "sra_analysis.io",
    "load_risk_register": "sra_analysis.io",
    "load_staffing": "sra_analysis.io",
    "review_windows": "sra_analysis.review.windows",
    "Evaluation": "sra_analysis.review.evaluate",
    "evaluate": "sra_analysis.review.evaluate",
    "run_reports": "sra_analysis.reports.batch",
    "Rollup": "sra_analysis.reports.rollup_result",
    "rollup_reports": "sra_analysis.reports.rollup_result",
    "ReportSummary": "sra_analysis.report_summary",
    "ReportFolderError": "sra_analysis.report_folder",
}

#: Subpackages reachable as attributes (``sra_analysis.charts.risk_matrix(...)``).
_SUBPACKAGES = ("charts", "io", "metrics", "reports", "review", "sample")

__all__ = [
    "ClusterError",
    "Evaluation",
    "Event",
    "EventConfigError",
    "EventMeta",
    "FileQuality",
    "InputFileError",
    "MissingColumnsError",
    "OutputError",
    "ParameterError",
    "ReportFolderError",
    "ReportSummary",
    "Ring",
    "RiskLevels",
    "Rollup",
    "SRAError",
    "__version__",
    "charts",
    "evaluate",
    "load_event",
    "load_incidents",
    "load_risk_register",
    "load_staffing",
    "metrics",
    "read_event_meta",
    "review_windows",
    "rollup_reports",
    "run_reports",
]


def __getattr__(name: str):
    """Import a public name, a subpackage or ``__version__`` on first use, then keep it."""
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    elif name in _SUBPACKAGES:
        value = importlib.import_module(f"{__name__}.{name}")
    elif name == "__version__":
        value = _version()
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_SUBPACKAGES})


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sra_analysis")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0+unknown"
