"""The batch: it runs the report notebooks (here, on an executor or on a Dask cluster), exports
them to offline HTML (and PDF), and writes the index and the roll-up page linking them.

:func:`run_reports` is the entry point (:mod:`sra_analysis.reports.batch.run`); the names
below load on first use, so importing this package stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sra_analysis.reports.batch.run import BatchResult, ReportResult, run_reports

__all__ = ["BatchResult", "ReportResult", "run_reports"]


def __getattr__(name: str):
    if name in __all__:
        return getattr(importlib.import_module("sra_analysis.reports.batch.run"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
