"""Charts of the roll-up across events (:mod:`sra_analysis.rollup`): data in, figure out.

Each builder takes a table of the roll-up (as :func:`~sra_analysis.rollup.rates_by_level`,
:func:`~sra_analysis.rollup.cell_rates` etc. return it, or the same rows read back from
``rollup.json``), so the roll-up report draws from what it computed once.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
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
from sra_analysis.errors import ParameterError
from sra_analysis.labels import t
from sra_analysis.labels.formats import format_percent

__all__ = [
    "FOREST_LIMIT",
    "cell_ratings",
    "hot_spot_heatmap",
    "level_ratio_forest",
    "missed_categories_chart",
    "pooled_rates_by_level",
]

#: Events a forest plot shows at most (the most precisely estimated; a note counts the rest).
FOREST_LIMIT = 60
_TEXT_COLUMNS = {"event_id", "status", "level", "rating", "category", "ring", "ring_name", "hot"}
_RATING_MARKS = {"under-rated": "▲", "over-rated": "▼", "as rated": "", "not enough evidence": "·"}


def _frame(data, columns: list[str], *, caller: str) -> pd.DataFrame:
    """``data`` (a DataFrame or a list of records) as a DataFrame holding ``columns``."""
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(list(data or []))
    missing = [c for c in columns if c not in frame.columns]
    if missing and len(frame):
        raise ParameterError(f"{caller}: the table lacks column(s) {missing}")
    if missing:
        frame = pd.DataFrame(columns=columns)
    numbers = [c for c in columns if c not in _TEXT_COLUMNS]
    # rows read back from JSON carry null for a missing number: make those columns numbers
    return frame.assign(**{c: pd.to_numeric(frame[c], errors="coerce") for c in numbers})


def _percent(share, lang: str) -> str:
    return format_percent(share, lang=lang)


def _num(value, digits: int, lang: str) -> str:
    return number(value, digits, lang)


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
    table = _frame(rates, columns, caller="pooled_rates_by_level")
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
            t("rollup.chart.rate_hover", lang, level=name, count=_num(row[outcome], 0, lang),
              hours=_num(row["hours"], 0, lang), events=int(row["events"]),
              rate=_num(row[f"{prefix}_rate"], 3, lang),
              low=_num(row[f"{prefix}_ci_low"], 3, lang),
              high=_num(row[f"{prefix}_ci_high"], 3, lang))
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
        ``ci_high``, ``i2``).
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        A log-scale x axis; traces ``meta`` ``"events"`` (one marker per event with its
        interval), ``"pooled"`` and ``"between_events"``, and a reference line at 1.
    """
    check_lang(lang)
    columns = ["event_id", "rate_ratio", "ci_low", "ci_high", "se", "status"]
    table = _frame(per_event, columns, caller="level_ratio_forest")
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
    hidden = len(estimated) - len(shown)
    not_estimated = len(table) - len(estimated)
    notes = []
    if hidden:
        notes.append(t("rollup.chart.forest_hidden", lang, shown=len(shown), hidden=hidden))
    if not_estimated:
        notes.append(t("rollup.chart.forest_not_estimated", lang, count=not_estimated))
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


def cell_ratings(cells, *, lang: str = "en") -> go.Figure:
    """The likelihood × impact grid: each cell's observed rate against the rest of its level.

    Parameters
    ----------
    cells : DataFrame or list of dict
        :func:`sra_analysis.rollup.cell_rates`' ``cells``: ``likelihood``, ``impact``,
        ``level``, ``hours``, ``count``, ``rate``, ``ci_low``, ``ci_high``, ``rate_ratio``,
        ``ratio_ci_low``, ``ratio_ci_high``, ``rating``.
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        Two heatmaps: ``meta`` ``"cells"``, coloured by log2 of the rate ratio against the
        other cells of the level (blue lower, red higher) where there is enough evidence to
        judge, and ``"thin"``, grey where a cell was observed too little; blank without
        exposure. Each cell is labelled with its level and ▲ (under-rated), ▼ (over-rated) or
        · (not enough evidence).
    """
    check_lang(lang)
    columns = ["likelihood", "impact", "level", "hours", "count", "rate", "ci_low", "ci_high",
               "rate_ratio", "ratio_ci_low", "ratio_ci_high", "rating"]  # fmt: skip
    table = _frame(cells, columns, caller="cell_ratings")
    size = (
        int(max(5, *table["likelihood"].astype(int), *table["impact"].astype(int)))
        if len(table)
        else 5
    )
    z = np.full((size, size), np.nan)
    thin = np.full((size, size), np.nan)  # observed, but too few ring-hours to judge
    text = np.full((size, size), "", dtype=object)
    hover = np.full((size, size), "", dtype=object)
    for row in table.itertuples(index=False):
        i, j = int(row.likelihood) - 1, int(row.impact) - 1
        level = level_text(str(row.level), lang)
        mark = _RATING_MARKS.get(str(row.rating), "")
        text[i, j] = f"{level} {mark}".strip()
        ratio = row.rate_ratio
        if str(row.rating) == "not enough evidence":
            thin[i, j] = 1.0 if row.hours else np.nan
        elif row.hours and ratio is not None and np.isfinite(ratio) and ratio > 0:
            z[i, j] = float(np.clip(np.log2(ratio), -3, 3))
        hover[i, j] = t(
            "rollup.chart.cell_hover", lang, likelihood=int(row.likelihood),
            impact=int(row.impact), level=level, rating=t(f"rollup.rating.{row.rating}", lang),
            count=_num(row.count, 0, lang), hours=_num(row.hours, 0, lang),
            rate=_num(row.rate, 3, lang), ratio=_num(ratio, 2, lang),
            low=_num(row.ratio_ci_low, 2, lang), high=_num(row.ratio_ci_high, 2, lang),
        )  # fmt: skip
    axis = list(range(1, size + 1))
    fig = go.Figure(
        go.Heatmap(
            z=thin, x=axis, y=axis, meta="thin", colorscale=[[0, "#E6E6E6"], [1, "#E6E6E6"]],
            showscale=False, hoverinfo="skip", xgap=2, ygap=2,
        )
    )  # fmt: skip
    fig.add_trace(
        go.Heatmap(
            z=z, x=axis, y=axis, text=text, customdata=hover, meta="cells",
            texttemplate="%{text}", hovertemplate="%{customdata}<extra></extra>",
            colorscale="RdBu_r", zmin=-3, zmax=3, xgap=2, ygap=2,
            colorbar={"title": {"text": t("rollup.chart.cell_colour", lang)},
                      "tickvals": [-3, -2, -1, 0, 1, 2, 3],
                      "ticktext": ["⅛×", "¼×", "½×", "1×", "2×", "4×", "8×"]},
        )
    )  # fmt: skip
    return style(
        fig,
        lang=lang,
        title=t("rollup.chart.cells_title", lang),
        height=480,
        xaxis={"title": {"text": t("impact", lang)}, "dtick": 1, "constrain": "domain"},
        yaxis={"title": {"text": t("likelihood", lang)}, "dtick": 1, "scaleanchor": "x"},
        annotations=[{"text": t("rollup.chart.cells_note", lang), "xref": "paper",
                      "yref": "paper", "x": 0, "y": 0, "yshift": -60, "yanchor": "top",
                      "showarrow": False, "xanchor": "left", "font": {"size": 11}}],
        margin={"l": 70, "r": 30, "t": 80, "b": 100},
    )  # fmt: skip


def missed_categories_chart(missed, *, lang: str = "en", top: int = 15) -> go.Figure:
    """Incidents by category across events, split by whether an SRA item anticipated them.

    Parameters
    ----------
    missed : DataFrame or list of dict
        :func:`sra_analysis.rollup.missed_categories`: ``category``, ``events``,
        ``incidents``, ``unanticipated``, ``share_unanticipated``, ``ci_low``, ``ci_high``,
        ``unanticipated_disruptions``.
    lang : {"en", "id"}, default "en"
    top : int, default 15
        Categories shown, most unanticipated incidents first; a note counts the rest.

    Returns
    -------
    plotly.graph_objects.Figure
        Horizontal stacked bars, ``meta`` ``"unanticipated"`` and ``"anticipated"``; the
        unanticipated share and its 95% interval label each bar.
    """
    check_lang(lang)
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ParameterError(f"top must be a whole number ≥ 1, got {top!r}")
    columns = ["category", "events", "incidents", "unanticipated", "share_unanticipated",
               "ci_low", "ci_high", "unanticipated_disruptions"]  # fmt: skip
    table = _frame(missed, columns, caller="missed_categories_chart")
    table = table.sort_values(["unanticipated", "incidents"], ascending=False).head(top)
    table = table.iloc[::-1]  # the largest at the top of a horizontal bar chart
    names = [escape(c, limit=40) for c in table["category"]]
    labels = [
        t("rollup.chart.missed_label", lang, share=_percent(row.share_unanticipated, lang),
          low=_percent(row.ci_low, lang), high=_percent(row.ci_high, lang),
          events=int(row.events))
        for row in table.itertuples(index=False)
    ]  # fmt: skip
    fig = go.Figure()
    anticipated = table["incidents"] - table["unanticipated"]
    for key, values, colour, text in (
        ("unanticipated", table["unanticipated"], "#D55E00", None),
        ("anticipated", anticipated, "#BBBBBB", labels),  # the label follows the whole bar
    ):
        fig.add_trace(
            go.Bar(
                y=names, x=values, orientation="h", meta=key, name=t(f"rollup.chart.{key}", lang),
                marker={"color": colour}, text=text, textposition="outside" if text else None,
                cliponaxis=False,
                hovertemplate="%{y}: %{x}<extra>" + t(f"rollup.chart.{key}", lang) + "</extra>",
            )
        )  # fmt: skip
    total = len(_frame(missed, columns, caller="missed_categories_chart"))
    notes = [t("rollup.chart.missed_more", lang, count=total - len(table))] if total > top else []
    return style(
        fig,
        lang=lang,
        title=t("rollup.chart.missed_title", lang),
        height=max(300, 110 + 32 * len(table)),
        barmode="stack",
        xaxis={"title": {"text": t("incidents", lang)}, "rangemode": "tozero"},
        yaxis={"automargin": True},
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0.5},
        margin={"l": 70, "r": 200, "t": 90, "b": 60},
        annotations=[{"text": n, "xref": "paper", "yref": "paper", "x": 0, "y": -0.12,
                      "showarrow": False, "xanchor": "left", "font": {"size": 11}}
                     for n in notes],
    )  # fmt: skip


def hot_spot_heatmap(spots, *, lang: str = "en") -> go.Figure:
    """Incidents per 100 officer-hours by ring × hour of day, pooled over events.

    Parameters
    ----------
    spots : DataFrame or list of dict
        :func:`sra_analysis.rollup.hot_spots` by ring and hour: ``ring``, ``hour``,
        ``rate``, ``ci_low``, ``ci_high``, ``incidents``, ``officer_hours``, ``events``,
        ``rate_ratio``, ``hot`` (``ring_name`` when known).
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        One heatmap (``meta`` ``"rates"``), a row per ring (outermost first as the ids sort)
        and a column per hour 0–23; cells the screen marks hot carry ★.
    """
    check_lang(lang)
    columns = ["ring", "hour", "rate", "ci_low", "ci_high", "incidents", "officer_hours",
               "events", "rate_ratio", "hot"]  # fmt: skip
    table = _frame(spots, columns, caller="hot_spot_heatmap")
    table = table.assign(ring=table["ring"].astype(str))
    rings = sorted(table["ring"].unique(), key=lambda r: (len(r), r))
    names = {}
    if "ring_name" in table:
        named = table[table["ring_name"].map(lambda n: isinstance(n, str) and n != "")]
        names = named.groupby("ring")["ring_name"].first().to_dict()
    labels = {r: escape(f"{r} · {names[r]}" if names.get(r) else r, limit=40) for r in rings}
    hours = list(range(24))
    z = np.full((len(rings), 24), np.nan)
    text = np.full((len(rings), 24), "", dtype=object)
    hover = np.full((len(rings), 24), "", dtype=object)
    row_of = {r: i for i, r in enumerate(rings)}
    for row in table.itertuples(index=False):
        i, j = row_of[row.ring], int(row.hour)
        z[i, j] = row.rate
        text[i, j] = "★" if bool(row.hot) else ""
        hover[i, j] = t(
            "rollup.chart.hot_hover", lang, ring=labels[row.ring], hour=j,
            rate=_num(row.rate, 1, lang), low=_num(row.ci_low, 1, lang),
            high=_num(row.ci_high, 1, lang), incidents=int(row.incidents),
            hours=_num(row.officer_hours, 0, lang), events=int(row.events),
            ratio=_num(row.rate_ratio, 2, lang),
        )  # fmt: skip
    fig = go.Figure(
        go.Heatmap(
            z=z, x=hours, y=[labels[r] for r in rings], text=text, customdata=hover,
            meta="rates", texttemplate="%{text}", hovertemplate="%{customdata}<extra></extra>",
            colorscale="YlOrRd", xgap=1, ygap=2,
            colorbar={"title": {"text": t("rollup.chart.per_100", lang)}},
        )
    )  # fmt: skip
    return style(
        fig,
        lang=lang,
        title=t("rollup.chart.hot_title", lang),
        height=max(300, 150 + 45 * len(rings)),
        xaxis={"title": {"text": t("hour_of_day", lang)}, "dtick": 2, "range": [-0.5, 23.5]},
        yaxis={"autorange": "reversed", "automargin": True},
        annotations=[{"text": t("rollup.chart.hot_note", lang), "xref": "paper",
                      "yref": "paper", "x": 0, "y": 0, "yshift": -55, "yanchor": "top",
                      "showarrow": False,
                      "xanchor": "left", "font": {"size": 11}}],
        margin={"l": 70, "r": 30, "t": 80, "b": 100},
    )  # fmt: skip
