"""Plotly figures of an executed notebook as HTML, for the exported report only.

A notebook keeps each figure as data (Plotly's mimetype, ``application/vnd.plotly.v1+json``),
which JupyterLab, Notebook 7 and VS Code draw themselves, but which nbconvert's HTML leaves
out. :class:`PlotlyFigurePreprocessor` gives every such output an HTML twin — a ``div`` and a
``Plotly.newPlot`` call, no library — on the exporter's copy of the notebook, so the report
draws each figure with the one plotly.js its page head loads
(:func:`sra_analysis.reports.batch.report_html.export_html`), and the notebook itself stays small.

This module imports nbconvert: :mod:`~sra_analysis.reports.batch.report_html` loads it only when
it builds its exporter.
"""

from __future__ import annotations

from collections.abc import Mapping

from nbconvert.preprocessors import Preprocessor

__all__ = ["PLOTLY_MIMETYPE", "PlotlyFigurePreprocessor", "figure_fragment"]

#: The mimetype a figure is displayed with (what ``present.show`` and Plotly's own
#: ``plotly_mimetype`` renderer write).
PLOTLY_MIMETYPE = "application/vnd.plotly.v1+json"


def figure_fragment(figure: Mapping) -> str:
    """One figure's HTML: a ``div`` and the script that draws it, without plotly.js.

    Parameters
    ----------
    figure : mapping
        The figure as its mimetype holds it: ``data``, ``layout``, optional ``frames`` and
        ``config`` (the options the chart is drawn with, e.g. ``displaylogo``).

    Returns
    -------
    str
        ``<div class="sra-figure">…</div>``; it draws on a page that loaded plotly.js.

    Examples
    --------
    >>> html = figure_fragment({"data": [{"type": "bar", "y": [1, 2]}], "layout": {},
    ...                         "config": {"displaylogo": False}})
    >>> html.startswith('<div class="sra-figure">') and "Plotly.newPlot" in html
    True
    >>> '"displaylogo": false' in html and "plotly.js v" not in html
    True
    """
    import plotly.io

    config = dict(figure.get("config") or {})
    body = {key: value for key, value in figure.items() if key != "config"}
    fragment = plotly.io.to_html(
        body,
        config=config,
        full_html=False,
        include_plotlyjs=False,
        include_mathjax=False,
        validate=False,  # built and validated by plotly when the notebook displayed it
    )
    return f'<div class="sra-figure">{fragment}</div>'


class PlotlyFigurePreprocessor(Preprocessor):
    """Give each Plotly-mimetype output a ``text/html`` twin that the HTML export shows.

    Runs on the exporter's copy of the notebook (nbconvert copies it before preprocessing):
    the notebook written beside the report keeps the figure as data only.

    Examples
    --------
    >>> import nbformat
    >>> cell = nbformat.v4.new_code_cell("present.show(figure)")
    >>> cell.outputs = [nbformat.v4.new_output("display_data", data={
    ...     PLOTLY_MIMETYPE: {"data": [{"type": "bar", "y": [1]}], "layout": {}},
    ...     "text/plain": "<Figure: chart>"})]
    >>> cell, _ = PlotlyFigurePreprocessor().preprocess_cell(cell, {}, 0)
    >>> sorted(cell.outputs[0].data)
    ['application/vnd.plotly.v1+json', 'text/html', 'text/plain']
    """

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if PLOTLY_MIMETYPE in data:
                data["text/html"] = figure_fragment(data[PLOTLY_MIMETYPE])
        return cell, resources
