"""A report as offline HTML: nbconvert without a CDN, and the pages that say FAILED.

The executed notebook becomes one self-contained page (code hidden, plotly.js inside, no
network request). A report that fails starts with a banner cell saying FAILED and why; when
not even the notebook is there, a small page says so instead.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from sra_analysis.reports.html_tables import esc

__all__ = [
    "FAILED_TAG",
    "NOTEBOOK_ONLY_TAG",
    "export_html",
    "failure_banner",
    "failure_page",
    "prepare_exporter",
]

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: Cells with this tag are shown in JupyterLab but left out of the HTML report.
NOTEBOOK_ONLY_TAG = "notebook-only"
#: The tag of the cell that a failed report's notebook starts with.
FAILED_TAG = "sra-failed"

_EXPORTER = None
#: One export at a time: the exporter is shared by a batch's threads (the work holds the GIL
#: anyway, so nothing is lost).
_EXPORT_LOCK = threading.RLock()


def prepare_exporter() -> None:
    """Build the HTML exporter and compile its templates now (half a second), by exporting
    an empty notebook, so that the first report does not wait for it."""
    import nbformat

    export_html(nbformat.v4.new_notebook(), title="")


def _html_exporter():
    global _EXPORTER
    if _EXPORTER is None:
        from nbconvert import HTMLExporter
        from nbconvert.preprocessors import TagRemovePreprocessor

        _EXPORTER = HTMLExporter(
            template_name="sra_report",
            extra_template_basedirs=[str(TEMPLATES), *_nbconvert_template_dirs()],
            extra_template_paths=_nbconvert_template_dirs(),
            exclude_input=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
        )
        # markdown written for the analyst in JupyterLab stays out of the shared report
        _EXPORTER.register_preprocessor(
            TagRemovePreprocessor(remove_cell_tags={NOTEBOOK_ONLY_TAG}), enabled=True
        )
    return _EXPORTER


def _nbconvert_template_dirs() -> list[str]:
    """nbconvert's own templates where Jupyter's search path misses them: a virtualenv made
    with ``--system-site-packages`` uses the base interpreter's nbconvert, whose templates
    sit under ``sys.base_prefix``, outside the venv's ``share/jupyter``."""
    found = []
    for prefix in dict.fromkeys((sys.prefix, sys.base_prefix)):
        templates = Path(prefix, "share", "jupyter", "nbconvert", "templates")
        if (templates / "lab").is_dir():
            found.append(str(templates))
    return found


def export_html(notebook, *, title: str) -> str:
    """The executed notebook as a self-contained HTML report with code hidden.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        The executed notebook; its ``metadata.title`` is set to ``title``.
    title : str
        The page title.

    Returns
    -------
    str
        The HTML page.
    """
    notebook.metadata["title"] = title
    with _EXPORT_LOCK:
        body, _ = _html_exporter().from_notebook_node(notebook)
    return body


def failure_banner(message: str):
    """The first cell of a failed notebook: says FAILED and why.

    A code cell whose output is an HTML box (drawn in report.html and in JupyterLab) with a
    plain-text twin, under a one-line comment: no markup ever shows as text.

    Parameters
    ----------
    message : str
        Where and why the report failed; escaped here.

    Returns
    -------
    nbformat.NotebookNode
        The cell, tagged :data:`FAILED_TAG`.

    Examples
    --------
    >>> cell = failure_banner("cell In[4] raised KeyError: 'ring'")
    >>> print(cell.outputs[0].data["text/plain"])
    FAILED
    cell In[4] raised KeyError: 'ring'
    """
    import nbformat

    html = (
        '<div class="sra-report"><div class="sra-failed"><b>FAILED</b>'
        f'<pre class="sra-failed-reason">{esc(message)}</pre></div></div>'
    )
    cell = nbformat.v4.new_code_cell("# FAILED: this report did not complete; the reason is below")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data", data={"text/html": html, "text/plain": f"FAILED\n{message}"}
        )
    ]
    cell.metadata["tags"] = [FAILED_TAG]
    cell.metadata["jupyter"] = {"source_hidden": True}
    return cell


def failure_page(title: str, message: str) -> str:
    """A small page that says FAILED, for a report without an executed notebook.

    Examples
    --------
    >>> page = failure_page("kab-bogor-2024", "<b>disk full</b>")
    >>> "FAILED: kab-bogor-2024" in page and "&lt;b&gt;disk full&lt;/b&gt;" in page
    True
    """
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>FAILED – "
        f"{esc(title)}</title></head><body style='font-family:sans-serif;margin:2em'>"
        "<div style='border:3px solid #c0392b;background:#fbecea;padding:12px 16px'>"
        f"<h1>FAILED: {esc(title)}</h1><pre style='white-space:pre-wrap'>{esc(message)}"
        "</pre></div></body></html>"
    )
