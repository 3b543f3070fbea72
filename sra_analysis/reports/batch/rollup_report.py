"""The roll-up report: run ``rollup_report.ipynb`` over a batch's reports, write its files.

:func:`run_rollup_report` is what ``sra-review report`` calls after a batch of more than one
event and what ``sra-review rollup`` calls alone. It writes ``rollup.html``, the executed
``rollup.ipynb`` and ``rollup.json`` into the output folder, each to a temporary name and
renamed into place. Like an event report, it never raises for its own trouble: a roll-up that
fails leaves a page saying FAILED and why, no ``rollup.json``, and the batch's reports as
they are.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sra_analysis.labels import check_lang, t
from sra_analysis.reports.batch.report_html import ASSETS, PLOTLY_ASSET, failure_page
from sra_analysis.reports.files import write_atomic
from sra_analysis.reports.outdir import clear_stale_temporaries, describe_os_error, remove_files

__all__ = ["ROLLUP_FILES", "RollupReport", "run_rollup_report"]
#: What a roll-up writes into its output folder.
ROLLUP_FILES = ("rollup.html", "rollup.ipynb", "rollup.json")


@dataclass(frozen=True)
class RollupReport:
    """How a roll-up report went.

    Attributes
    ----------
    status : {"ok", "failed"}
    folder : str
        Where its files are.
    seconds : float
    error : str or None
        Why it failed, in one line.
    """

    status: str
    folder: str
    seconds: float
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def html(self) -> Path:
        """``rollup.html``: the report, or the page saying why it failed."""
        return Path(self.folder) / "rollup.html"


def run_rollup_report(
    reports: Iterable[str | os.PathLike] | str | os.PathLike,
    out: str | os.PathLike,
    *,
    lang: str = "en",
    assets: str = "inline",
    notebook: str | os.PathLike | None = None,
) -> RollupReport:
    """Run the roll-up notebook over ``reports`` and write its files into ``out``.

    Parameters
    ----------
    reports : path or iterable of paths
        Report folders, or batch output folders standing for the report folders in them.
    out : path
        An existing folder for ``rollup.html``, ``rollup.ipynb`` and ``rollup.json``.
    lang : {"en", "id"}, default "en"
    assets : {"inline", "shared"}, default "inline"
        ``"shared"`` loads ``plotly.min.js`` from beside ``rollup.html`` (a batch writes it).
    notebook : path, optional
        A roll-up notebook of one's own with the same parameters (``reports``, ``lang``,
        ``rollup_path``) instead of the shipped ``rollup_report.ipynb``.

    Returns
    -------
    RollupReport
    """
    from sra_analysis.resources import rollup_notebook

    lang = check_lang(lang)
    if assets not in ASSETS:
        from sra_analysis.errors import ParameterError

        raise ParameterError(f"assets must be one of {list(ASSETS)}, got {assets!r}")
    if isinstance(reports, (str, os.PathLike)):
        reports = [reports]
    started = time.perf_counter()
    folder = Path(out)
    tag = f"{os.getpid()}.{threading.get_ident()}"
    json_tmp = folder / f".rollup.json.{tag}.tmp"
    executed = folder / f".rollup.{tag}.tmp.ipynb"
    parameters = {"reports": [str(Path(p).resolve()) for p in reports], "lang": lang,
                  "rollup_path": str(json_tmp)}  # fmt: skip
    clear_stale_temporaries(folder)
    try:
        error = _write(notebook or rollup_notebook(), folder, parameters, json_tmp, executed,
                       lang=lang, assets=assets)  # fmt: skip
    except OSError as failure:
        error = describe_os_error(failure, doing="writing the roll-up", out=folder)
        remove_files([folder / "rollup.json"])
        with contextlib.suppress(OSError):
            write_atomic(folder / "rollup.html", failure_page("roll-up", error))
    finally:
        remove_files([json_tmp, executed])
    return RollupReport(
        status="failed" if error else "ok",
        folder=str(folder),
        seconds=time.perf_counter() - started,
        error=error,
    )


def _write(notebook_file, folder: Path, parameters, json_tmp: Path, executed: Path, *,
           lang: str, assets: str) -> str | None:  # fmt: skip
    from sra_analysis.reports.batch.runner import execute_notebook, write_pages

    notebook, error, _ = execute_notebook(
        notebook_file, executed, parameters, expect=json_tmp, expect_name="rollup.json"
    )
    error = write_pages(
        notebook, error, folder / "rollup", title=t("rollup.page_title", lang), assets=assets,
        asset_href=PLOTLY_ASSET if assets == "shared" else None,
    )  # fmt: skip
    if error is None:
        os.replace(json_tmp, folder / "rollup.json")
    else:  # a rollup.json of an earlier run must not stand beside a roll-up that failed now
        remove_files([folder / "rollup.json"])
    return error
