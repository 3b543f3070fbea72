"""Many events summarised, not listed: a funnel plot of capture and the count of verdicts.

Both read report summaries (:class:`~sra_analysis.report_summary.ReportSummary`, or
``summary.json`` bodies as mappings), so a batch index of 514 events draws them without
loading any event again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sra_analysis.charts._common import INK, NEUTRAL, check_lang, escape, style
from sra_analysis.errors import ParameterError
from sra_analysis.labels import t
from sra_analysis.labels.formats import format_percent
from sra_analysis.metrics.funnel import FUNNEL_LEVELS, binomial_funnel_limits
from sra_analysis.report_summary import ReportSummary, report_summaries
from sra_analysis.rollup.funnel import CaptureFunnel, capture_funnel_of, funnel_table

__all__ = ["GRADES", "capture_funnel", "funnel_table", "verdict_counts"]

#: Verdict grades in display order; ``failed`` counts reports that did not finish.
GRADES: tuple[str, ...] = ("good", "mixed", "poor", "quiet", "failed")
_GRADE_COLORS = {
    "good": "#009E73", "mixed": "#E69F00", "poor": "#D55E00", "quiet": "#999999",
    "failed": "#7A1F1F",
}  # fmt: skip
_OUTSIDE_COLORS = {"inside": NEUTRAL, 0.95: "#E69F00", 0.998: "#C0392B"}


def _percent(share: float, lang: str) -> str:
    """A share as a percentage with one decimal, with a decimal comma in Indonesian."""
    return format_percent(share, lang=lang, digits=1)


def capture_funnel(
    summaries: CaptureFunnel | Sequence[ReportSummary | Mapping], *, lang: str = "en"
) -> go.Figure:
    """Funnel plot: each event's capture against its number of disrupted windows.

    The pooled capture of all events is the centre line; the 95% and 99.8% exact binomial
    limits (Spiegelhalter 2005, :mod:`sra_analysis.metrics.funnel`) narrow as events hold
    more disrupted windows. Events outside the 99.8% limits are drawn in red, those outside
    95% in orange; hovering a dot names its event. Events without a disrupted window cannot
    be placed and are counted in a note.

    Parameters
    ----------
    summaries : CaptureFunnel, or sequence of ReportSummary or mapping
        The funnel already computed (:func:`sra_analysis.rollup.funnel.capture_funnel_of`),
        or the summaries to compute it from (see :func:`funnel_table`).
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        Traces with ``meta`` ``"pooled"``, ``"limit_95"``, ``"limit_99_8"`` (upper and lower
        limit in one line, split by a gap) and ``"inside"``, ``"outside_95"``,
        ``"outside_99_8"`` (one marker per event). One event alone is not placed: a note
        says that comparing events needs two or more.
    """
    check_lang(lang)
    if not isinstance(summaries, CaptureFunnel) and not summaries:
        raise ParameterError("capture_funnel: summaries holds no events")
    funnel = summaries if isinstance(summaries, CaptureFunnel) else capture_funnel_of(summaries)
    table, pooled = funnel.table, funnel.pooled_capture
    fig = go.Figure()
    not_shown = funnel.events - len(table)
    if not funnel.enough_events:  # an event alone is its own pool: nothing to place
        table, not_shown = table.iloc[:0], 0
    if not table.empty:
        _add_limits(fig, int(table["disrupted_windows"].max()), pooled, lang)
        _add_events(fig, table, lang)
    notes = [t("across.funnel.not_shown", lang, count=not_shown)] if not_shown else []
    if not funnel.enough_events:
        notes = [t("few_events.chart", lang, found=funnel.events)]
    return style(
        fig,
        lang=lang,
        title=t("across.funnel.title", lang),
        height=480,
        hovermode="closest",
        xaxis={"title": {"text": t("across.funnel.x", lang)}, "rangemode": "tozero"},
        yaxis={"title": {"text": t("across.funnel.y", lang)}, "range": [-0.03, 1.03]},
        legend={"orientation": "h", "y": -0.18},
        margin={"l": 70, "r": 30, "t": 80, "b": 110},
        annotations=[
            {
                "text": note,
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 1.02,
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "bottom",
                "font": {"size": 11},
            }
            for note in notes
        ],  # fmt: skip
    )


def _add_limits(fig: go.Figure, largest: int, pooled: float, lang: str) -> None:
    """The pooled line and, when it lies strictly inside (0, 1), the two pairs of limits."""
    sizes = np.arange(1, max(largest, 2) + 1)
    fig.add_trace(
        go.Scatter(
            x=[0, sizes[-1]], y=[pooled, pooled], mode="lines", meta="pooled",
            name=t("across.funnel.pooled", lang, share=_percent(pooled, lang)),
            line={"color": INK, "width": 1.5}, hoverinfo="skip",
        )
    )  # fmt: skip
    if not 0.0 < pooled < 1.0:
        return
    limits = binomial_funnel_limits(sizes, p0=pooled, levels=FUNNEL_LEVELS)
    for level, dash, key in ((0.95, "dash", "limit_95"), (0.998, "dot", "limit_99_8")):
        at = limits[limits["level"] == level]
        x = [*at["n"], None, *at["n"]]
        y = [*at["upper"], None, *at["lower"]]
        fig.add_trace(
            go.Scatter(
                x=x, y=y, mode="lines", meta=key, name=t(f"across.funnel.{key}", lang),
                line={"color": "#555555", "width": 1.2, "dash": dash},
                hoverinfo="skip", connectgaps=False,
            )
        )  # fmt: skip


def _add_events(fig: go.Figure, table: pd.DataFrame, lang: str) -> None:
    """One marker trace per position (inside, outside 95%, outside 99.8%), hover naming each."""
    groups = (
        ("inside", table["outside"].isna(), _OUTSIDE_COLORS["inside"]),
        ("outside_95", table["outside"] == 0.95, _OUTSIDE_COLORS[0.95]),
        ("outside_99_8", table["outside"] == 0.998, _OUTSIDE_COLORS[0.998]),
    )
    for key, mask, color in groups:
        rows = table[mask]
        if rows.empty:
            continue
        hover = [
            f"<b>{escape(row.event_name, limit=120)}</b><br>{escape(row.event_id)}<br>"
            + t(
                "across.funnel.hover",
                lang,
                flagged=int(row.flagged),
                disrupted=int(row.disrupted_windows),
                share=_percent(row.capture, lang),
            )  # fmt: skip
            + (
                "<br>"
                + t(
                    "across.funnel.hover_adjusted",
                    lang,
                    flagged_share=_percent(row.flagged_share, lang),
                    expected=_percent(row.expected_capture, lang),
                    adjusted=_percent(row.adjusted_capture, lang),
                )
                if pd.notna(row.expected_capture)
                else ""
            )  # fmt: skip
            for row in rows.itertuples(index=False)
        ]
        fig.add_trace(
            go.Scatter(
                x=rows["disrupted_windows"], y=rows["adjusted_capture"], mode="markers", meta=key,
                name=f"{t(f'across.funnel.{key}', lang)} ({len(rows)})",
                marker={"color": color, "size": 8, "opacity": 0.75,
                        "line": {"width": 0.5, "color": "white"}},
                text=hover, hovertemplate="%{text}<extra></extra>",
            )
        )  # fmt: skip


def verdict_counts(
    summaries: Sequence[ReportSummary | Mapping], *, failed: int = 0, lang: str = "en"
) -> go.Figure:
    """Bar chart of how many events got each verdict, thin evidence shown apart.

    Parameters
    ----------
    summaries : sequence of ReportSummary or mapping
        Report summaries; ``verdict.grade`` (good, mixed, poor, quiet) and
        ``verdict.evidence`` (thin or sufficient) are read.
    failed : int, default 0
        Reports of the batch that FAILED (they have no summary).
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        Two stacked bar traces, ``meta`` ``"sufficient"`` and ``"thin"``, with one bar per
        grade of :data:`GRADES` (FAILED counted as sufficient, it has no evidence grade),
        each labelled with its grade and total, e.g. ``good (12)``.
    """
    check_lang(lang)
    if isinstance(failed, bool) or not isinstance(failed, int | np.integer) or failed < 0:
        raise ParameterError(f"failed must be a whole number ≥ 0, got {failed!r}")
    counts = {evidence: dict.fromkeys(GRADES, 0) for evidence in ("sufficient", "thin")}
    for summary in report_summaries(summaries):
        grade = summary.verdict.grade
        if grade in GRADES:
            evidence = "thin" if summary.verdict.evidence == "thin" else "sufficient"
            counts[evidence][grade] += 1
    counts["sufficient"]["failed"] += int(failed)
    labels = [
        (t("across.failed", lang) if grade == "failed" else t(f"verdict.grade.{grade}", lang))
        + f" ({counts['sufficient'][grade] + counts['thin'][grade]})"
        for grade in GRADES
    ]
    fig = go.Figure()
    for evidence, opacity, pattern in (("sufficient", 1.0, ""), ("thin", 0.45, "/")):
        values = [counts[evidence][grade] for grade in GRADES]
        fig.add_trace(
            go.Bar(
                x=labels, y=values, meta=evidence, name=t(f"verdict.evidence.{evidence}", lang),
                marker={"color": [_GRADE_COLORS[g] for g in GRADES], "opacity": opacity,
                        "pattern": {"shape": pattern}},
                text=[value or "" for value in values], textposition="inside",
                hovertemplate="%{x}: %{y}<extra>" + t(f"verdict.evidence.{evidence}", lang)
                + "</extra>",
            )
        )  # fmt: skip
    return style(
        fig,
        lang=lang,
        title=t("across.verdicts.title", lang),
        height=360,
        barmode="stack",
        yaxis={"title": {"text": t("across.verdicts.events", lang)}, "rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.2},
    )
