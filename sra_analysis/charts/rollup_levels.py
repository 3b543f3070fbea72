"""Roll-up charts of the risk levels: pooled rates by level, each event's rate ratio."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from sra_analysis.charts._common import (
    INK,
    NEUTRAL,
    check_lang,
    error_bars,
    escape,
    level_colors,
    level_text,
    number,
    style,
)
from sra_analysis.charts._rollup_common import frame_of
from sra_analysis.errors import ParameterError
from sra_analysis.labels import t

__all__ = ["FOREST_LIMIT", "level_ratio_forest", "pooled_rates_by_level"]

#: Events a forest plot shows at most (the most precisely estimated; a note counts the rest).
FOREST_LIMIT = 60


def pooled_rates_by_level(rates, *, lang: str = "en") -> go.Figure:
    """Incidents and disruptions per ring-hour by predicted level, pooled over events.

    Parameters
    ----------
    rates : DataFrame or list of dict
        :func:`sra_analysis.rollup.rates_by_level`: ``level``, ``events``, ``hours``,
        ``incidents``, ``disruptions`` and each rate with its ``*_ci_low``/``*_ci_high``.
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        Two panels (incidents, disruptions), one bar per level in its colour with the
        exact 95% interval; ``meta`` of the bar traces is ``"incidents"`` and
        ``"disruptions"``.
    """
    check_lang(lang)
    columns = ["level", "events", "hours", "incidents", "disruptions", "incident_rate",
               "incident_ci_low", "incident_ci_high", "disruption_rate", "disruption_ci_low",
               "disruption_ci_high"]  # fmt: skip
    table = frame_of(rates, columns, caller="pooled_rates_by_level")
    if table.empty:
        raise ParameterError("pooled_rates_by_level: the table has no levels")
    colours = level_colors(table["level"].astype(str))
    names = [level_text(str(level), lang) for level in table["level"]]
    fig = make_subplots(
        rows=1, cols=2, horizontal_spacing=0.12,
        subplot_titles=(t("incidents", lang), t("disruptions", lang)),
    )  # fmt: skip
    for col, (outcome, prefix) in enumerate(
        (("incidents", "incident"), ("disruptions", "disruption")), start=1
    ):
        hover = [
            t("rollup.chart.rate_hover", lang, level=name, count=number(row[outcome], 0, lang),
              hours=number(row["hours"], 0, lang), events=int(row["events"]),
              rate=number(row[f"{prefix}_rate"], 3, lang),
              low=number(row[f"{prefix}_ci_low"], 3, lang),
              high=number(row[f"{prefix}_ci_high"], 3, lang))
            for name, (_, row) in zip(names, table.iterrows(), strict=True)
        ]  # fmt: skip
        fig.add_trace(
            go.Bar(
                x=names, y=table[f"{prefix}_rate"], meta=outcome, name=t(outcome, lang),
                marker={"color": [colours[str(level)] for level in table["level"]],
                        "line": {"color": INK, "width": 0.5}},
                error_y=error_bars(table[f"{prefix}_rate"], table[f"{prefix}_ci_low"],
                                   table[f"{prefix}_ci_high"]),
                customdata=hover, hovertemplate="%{customdata}<extra></extra>",
                showlegend=False,
            ),
            row=1, col=col,
        )  # fmt: skip
        fig.update_yaxes(title_text=t("rollup.chart.per_ring_hour", lang), rangemode="tozero",
                         row=1, col=col)  # fmt: skip
        fig.update_xaxes(title_text=t("predicted_level", lang), row=1, col=col)
    return style(fig, title=t("rollup.chart.rates_title", lang), height=420, lang=lang)


def level_ratio_forest(per_event, pooled: Mapping, *, lang: str = "en") -> go.Figure:
    """Each event's disruption rate ratio per level step, with the pooled estimates.

    Parameters
    ----------
    per_event : DataFrame or list of dict
        :func:`sra_analysis.rollup.heterogeneity.per_event_slopes` rows: ``event_id``,
        ``rate_ratio``, ``ci_low``, ``ci_high``, ``se``, ``status``. Only ``"estimated"``
        rows are drawn; at most :data:`FOREST_LIMIT` of them, those with the smallest
        standard error, and a note counts the others.
    pooled : mapping
        ``rollup.json``'s ``level_rate_ratio`` entry: ``rate_ratio``, ``ci_low``,
        ``ci_high``, ``model`` and ``between_events`` (``rate_ratio``, ``ci_low``,
        ``ci_high``, ``i2``); or the entry saying too few events (``status``
        ``"not_enough_events"``), drawn as a note.
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        A log-scale x axis; traces ``meta`` ``"events"`` (one marker per event with its
        interval), ``"pooled"`` and ``"between_events"``, and a reference line at 1.
    """
    check_lang(lang)
    if pooled.get("status") == "not_enough_events":  # a roll-up of one event
        return _too_few_events(pooled, lang)
    columns = ["event_id", "rate_ratio", "ci_low", "ci_high", "se", "status"]
    table = frame_of(per_event, columns, caller="level_ratio_forest")
    estimated = table[table["status"] == "estimated"]
    estimated = estimated[np.isfinite(estimated["rate_ratio"].astype(float))]
    shown = estimated.nsmallest(FOREST_LIMIT, "se").sort_values("rate_ratio")
    rows = [escape(e, limit=40) for e in shown["event_id"]]
    between = pooled.get("between_events") or {}
    summary_rows = [
        (t("rollup.chart.between_events", lang), between, "between_events", "#7B3294"),
        (t("rollup.chart.pooled_model", lang), pooled, "pooled", INK),
    ]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=shown["rate_ratio"], y=rows, mode="markers", meta="events",
            name=t("rollup.chart.one_event", lang),
            marker={"color": NEUTRAL, "size": 7, "symbol": "square"},
            error_x=error_bars(shown["rate_ratio"], shown["ci_low"], shown["ci_high"]),
            hovertemplate="%{y}: %{x:.2f}×<extra></extra>",
        )
    )  # fmt: skip
    _add_pooled(fig, summary_rows)
    notes = _forest_notes(len(shown), len(estimated) - len(shown), len(table) - len(estimated),
                          lang)  # fmt: skip
    order = [label for label, source, *_ in summary_rows if source.get("rate_ratio")] + rows
    return style(
        fig,
        lang=lang,
        title=t("rollup.chart.forest_title", lang),
        height=max(320, 170 + 24 * (len(rows) + 2)),
        hovermode="closest",
        xaxis={"type": "log", "title": {"text": t("rollup.chart.ratio_axis", lang)}},
        yaxis={"categoryorder": "array", "categoryarray": order[::-1], "automargin": True,
               "tickfont": {"size": 11}},
        shapes=[{"type": "line", "xref": "x", "yref": "paper", "x0": 1, "x1": 1, "y0": 0,
                 "y1": 1, "line": {"color": "#999999", "dash": "dot"}}],
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0.4},
        annotations=[
            {"text": "<br>".join(notes), "xref": "paper", "yref": "paper", "x": 0, "y": 0,
             "yshift": -62, "yanchor": "top", "xanchor": "left", "showarrow": False,
             "font": {"size": 11}}
        ] if notes else [],
        margin={"l": 70, "r": 30, "t": 90, "b": 100},
    )  # fmt: skip


def _too_few_events(pooled: Mapping, lang: str) -> go.Figure:
    """The forest's frame with a note that comparing events needs two or more."""
    return style(
        go.Figure(), lang=lang, title=t("rollup.chart.forest_title", lang), height=240,
        annotations=[{"text": t("few_events.chart", lang, found=pooled.get("found")),
                      "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5, "showarrow": False}],
    )  # fmt: skip


def _add_pooled(fig: go.Figure, summary_rows: list) -> None:
    """One diamond with its interval per pooled estimate that has a finite ratio."""
    for label, source, key, colour in summary_rows:
        value = source.get("rate_ratio")
        if value is None or not np.isfinite(value):
            continue
        fig.add_trace(
            go.Scatter(
                x=[value], y=[label], mode="markers", meta=key, name=label,
                marker={"color": colour, "size": 13, "symbol": "diamond"},
                error_x=error_bars([value], [source.get("ci_low")], [source.get("ci_high")]),
                hovertemplate=f"{escape(label)}: %{{x:.2f}}×<extra></extra>",
            )
        )  # fmt: skip


def _forest_notes(shown: int, hidden: int, not_estimated: int, lang: str) -> list[str]:
    """What the forest plot leaves out: events beyond its limit, events without a ratio."""
    notes = []
    if hidden:
        notes.append(t("rollup.chart.forest_hidden", lang, shown=shown, hidden=hidden))
    if not_estimated:
        notes.append(t("rollup.chart.forest_not_estimated", lang, count=not_estimated))
    return notes
