"""A report as offline HTML: nbconvert without a CDN, and the pages that say FAILED.

The executed notebook becomes one page with code hidden and no network request. Its figures
are data in the notebook (Plotly's mimetype); the export turns each into a chart
(:mod:`~sra_analysis.reports.batch.figure_html`) and loads plotly.js once in the page head: inline
(``assets="inline"``, a self-contained page) or from a shared ``plotly.min.js`` by a relative
path (``assets="shared"``, a small page that needs that file). A report that fails starts with
a banner cell saying FAILED and why; when not even the notebook is there, a small page says so
instead.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

from sra_analysis.errors import OutputError, ParameterError, check_argument
from sra_analysis.reports.files import write_atomic
from sra_analysis.reports.html_tables import esc

__all__ = [
    "ASSETS",
    "FAILED_TAG",
    "NOTEBOOK_ONLY_TAG",
    "PLOTLY_ASSET",
    "choose_assets",
    "export_html",
    "failure_banner",
    "failure_page",
    "plotly_js",
    "prepare_exporter",
    "write_plotly_asset",
]

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
#: Cells with this tag are shown in JupyterLab but left out of the HTML report.
NOTEBOOK_ONLY_TAG = "notebook-only"
#: The tag of the cell that a failed report's notebook starts with.
FAILED_TAG = "sra-failed"
#: Where plotly.js goes in a report: inside the page, or a shared file the page refers to.
ASSETS = ("inline", "shared")
#: The shared plotly.js file's name, beside a batch's ``index.html``.
PLOTLY_ASSET = "plotly.min.js"

_EXPORTER = None
_PREPARED = False
#: One export at a time: the exporter is shared by a batch's threads (the work holds the GIL
#: anyway, so nothing is lost).
_EXPORT_LOCK = threading.RLock()


def prepare_exporter() -> None:
    """Build the HTML exporter and compile its templates now (half a second), by exporting
    a small notebook, so that the first report does not wait for it.

    The notebook holds what a report's cells show — markdown, HTML with a character entity,
    a figure — so that what nbconvert, BeautifulSoup and plotly load on first use (the
    entity table, the figure's HTML writer: a fifth of a second) is loaded here too.
    """
    global _PREPARED
    if _PREPARED:  # once a process: what it loads stays loaded
        return
    import nbformat

    from sra_analysis.reports.batch.figure_html import PLOTLY_MIMETYPE

    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={
                "text/html": "<p>a&nbsp;&amp;&nbsp;b</p>",
                "text/markdown": "**a** &amp; b",
                "text/plain": "a & b",
            },
        ),
        nbformat.v4.new_output(
            "display_data",
            data={
                PLOTLY_MIMETYPE: {"data": [{"type": "bar", "y": [1]}], "layout": {}},
                "text/plain": "<Figure>",
            },
        ),
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("a &amp; b"), cell])
    export_html(notebook, title="")
    _PREPARED = True


def _html_exporter():
    global _EXPORTER
    if _EXPORTER is None:
        from nbconvert import HTMLExporter
        from nbconvert.preprocessors import TagRemovePreprocessor

        from sra_analysis.reports.batch.figure_html import PlotlyFigurePreprocessor

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
        # figures are data in the notebook: each becomes a chart drawn by the page's plotly.js
        _EXPORTER.register_preprocessor(PlotlyFigurePreprocessor(), enabled=True)
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


@functools.cache
def plotly_js() -> str:
    """The plotly.js library (minified, about 4.8 MB) that the installed plotly draws with."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def choose_assets(assets: str | None, *, events: int) -> str:
    """Where a batch puts plotly.js: ``assets`` checked, or chosen by the number of events.

    Parameters
    ----------
    assets : {"inline", "shared"} or None
        None chooses: ``"inline"`` for one event (a report that travels alone),
        ``"shared"`` for more (one ``plotly.min.js`` beside the index serves them all).
    events : int
        The number of events in the batch.

    Returns
    -------
    str
        ``"inline"`` or ``"shared"``.

    Raises
    ------
    ParameterError
        Naming the allowed values and the value received.

    Examples
    --------
    >>> choose_assets(None, events=1), choose_assets(None, events=2)
    ('inline', 'shared')
    >>> choose_assets("inline", events=27)
    'inline'
    >>> choose_assets("cdn", events=1)
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: assets must be one of [None, 'inline', 'shared'], got 'cdn'
    """
    check_argument("assets", [None, *ASSETS], assets)
    if assets is None:
        return "inline" if events <= 1 else "shared"
    return assets


def write_plotly_asset(out: str | os.PathLike) -> Path:
    """Write ``OUT/plotly.min.js``, the plotly.js that shared-asset reports load.

    Written whole through a temporary file and a rename, replacing one left by an earlier
    run (whose plotly.js may be another version).

    Raises
    ------
    OutputError
        When the file cannot be written, with the system's reason and what to do.
    """
    from sra_analysis.reports.outdir import os_hint, os_reason

    path = Path(out) / PLOTLY_ASSET
    try:
        return write_atomic(path, plotly_js())
    except OSError as error:
        raise OutputError(
            str(path),
            f"cannot be written: {os_reason(error)}",
            hint=os_hint(error, out=out),
            errno=error.errno,
        ) from error


def _plotly_resources(assets: str, asset_href: str | None) -> dict:
    """What the template puts in the page head: plotly.js itself, or the path to it."""
    check_argument("assets", ASSETS, assets)
    if assets == "inline":
        if asset_href is not None:
            raise ParameterError(
                f"asset_href is for assets='shared' only, got {asset_href!r} with assets='inline'"
            )
        return {"inline": plotly_js()}
    parts = urlsplit(asset_href or "")
    if not asset_href or parts.scheme or parts.netloc or asset_href.startswith(("/", "\\")):
        raise ParameterError(
            "assets='shared' needs asset_href, the relative path from the report to "
            f"{PLOTLY_ASSET} (e.g. '../{PLOTLY_ASSET}'), got {asset_href!r}"
        )
    return {"href": asset_href}


def export_html(
    notebook, *, title: str, assets: str = "inline", asset_href: str | None = None
) -> str:
    """The executed notebook as an HTML report with code hidden and every figure drawn.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        The executed notebook; its ``metadata.title`` is set to ``title``. Its figures are
        left as they are: their HTML is made on nbconvert's copy.
    title : str
        The page title.
    assets : {"inline", "shared"}, default "inline"
        ``"inline"``: plotly.js inside the page, which then opens anywhere on its own.
        ``"shared"``: the page loads plotly.js from ``asset_href``, and draws no chart
        without that file.
    asset_href : str, optional
        For ``"shared"`` (and only then): the relative path from the page to
        ``plotly.min.js``, e.g. ``"../plotly.min.js"`` for ``OUT/<event id>/report.html``.

    Returns
    -------
    str
        The HTML page.

    Raises
    ------
    ParameterError
        For an unknown ``assets``, or an ``asset_href`` missing, given for ``"inline"``,
        or not a relative path.
    """
    resources = {"sra_plotly": _plotly_resources(assets, asset_href)}
    notebook.metadata["title"] = title
    with _EXPORT_LOCK:
        body, _ = _html_exporter().from_notebook_node(notebook, resources=resources)
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
