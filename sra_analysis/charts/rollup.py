"""Charts of the roll-up across events (:mod:`sra_analysis.rollup`): data in, figure out.

Each builder takes a table of the roll-up (as :func:`~sra_analysis.rollup.rates_by_level`,
:func:`~sra_analysis.rollup.cell_rates` etc. return it, or the same rows read back from
``rollup.json``), so the roll-up report draws from what it computed once. The charts of the
levels are in :mod:`sra_analysis.charts.rollup_levels`; this module gathers them with the
charts of the matrix and of where and what the SRAs miss.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from sra_analysis.charts._common import check_lang, escape, level_text, number, style
from sra_analysis.charts._rollup_common import frame_of
from sra_analysis.charts.rollup_levels import (
    FOREST_LIMIT,
    level_ratio_forest,
    pooled_rates_by_level,
)
from sra_analysis.errors import ParameterError
from sra_analysis.labels import t
from sra_analysis.labels.formats import format_percent
from sra_analysis.zones import ZONES, zone_label, zone_order

__all__ = [
    "FOREST_LIMIT",
    "cell_ratings",
    "hot_spot_heatmap",
    "level_ratio_forest",
    "missed_categories_chart",
    "pooled_rates_by_level",
]

_RATING_MARKS = {"under-rated": "▲", "over-rated": "▼", "as rated": "", "not enough evidence": "·"}


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
    table = frame_of(cells, columns, caller="cell_ratings")
    size = (
        int(max(5, *table["likelihood"].astype(int), *table["impact"].astype(int)))
        if len(table)
        else 5
    )
    z, thin, text, hover = _cell_grid(table, size, lang)
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


def _cell_grid(table, size: int, lang: str):
    """The grids of :func:`cell_ratings`: colour (log2 of the ratio), grey for cells observed
    too little, each cell's label and its hover text."""
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
            count=number(row.count, 0, lang), hours=number(row.hours, 0, lang),
            rate=number(row.rate, 3, lang), ratio=number(ratio, 2, lang),
            low=number(row.ratio_ci_low, 2, lang), high=number(row.ratio_ci_high, 2, lang),
        )  # fmt: skip
    return z, thin, text, hover


def missed_categories_chart(missed, *, lang: str = "en", top: int = 15) -> go.Figure:
    """Incidents by category across events, split by whether an SRA item anticipated them.

    Parameters
    ----------
    missed : DataFrame or list of dict
        :func:`sra_analysis.rollup.missed_categories`: ``category`` (each bar is named by
        ``category_label`` when given), ``events``,
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
    table = frame_of(missed, columns, caller="missed_categories_chart")
    table = table.sort_values(["unanticipated", "incidents"], ascending=False).head(top)
    table = table.iloc[::-1]  # the largest at the top of a horizontal bar chart
    shown = table["category_label"] if "category_label" in table.columns else table["category"]
    names = [escape(c, limit=40) for c in shown]  # the label, or for other the text written
    labels = [
        t("rollup.chart.missed_label", lang,
          share=format_percent(row.share_unanticipated, lang=lang),
          low=format_percent(row.ci_low, lang=lang), high=format_percent(row.ci_high, lang=lang),
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
    total = len(frame_of(missed, columns, caller="missed_categories_chart"))
    notes = [t("rollup.chart.missed_more", lang, count=total - len(table))] if total > top else []
    return style(
        fig,
        lang=lang,
        title=t("rollup.chart.missed_title", lang),
        height=max(300, 110 + 32 * len(table)),
        barmode="stack",
        # room after the longest bar for its label
        xaxis={"title": {"text": t("incidents", lang)},
               "range": [0, 1.6 * max(float(table["incidents"].max()) if len(table) else 1, 1)]},
        yaxis={"automargin": True},
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0.5},
        margin={"l": 70, "r": 200, "t": 90, "b": 60},
        annotations=[{"text": n, "xref": "paper", "yref": "paper", "x": 0, "y": -0.12,
                      "showarrow": False, "xanchor": "left", "font": {"size": 11}}
                     for n in notes],
    )  # fmt: skip


def _ring_rows(table, lang: str) -> tuple[list[str], dict[str, str]]:
    """The heatmap's rows: zones from the inside out (the roll-up pools rings by zone), then
    ring numbers in order, then ring names alphabetically. A zone shows as its label in
    ``lang``; a number is labelled with its name too when it has one."""
    rings = sorted(
        table["ring"].unique(),
        key=lambda r: (zone_order(r), not r.isdigit(), len(r) if r.isdigit() else 0, r),
    )
    names = {}
    if "ring_name" in table:
        named = table[table["ring_name"].map(lambda n: isinstance(n, str) and n != "")]
        names = named.groupby("ring")["ring_name"].first().to_dict()
    labels = {}
    for r in rings:
        if r in ZONES:
            text = zone_label(r, lang)
        elif names.get(r) not in (None, r):
            text = f"{r} · {names[r]}"
        else:
            text = r
        labels[r] = escape(text, limit=40)
    return rings, labels


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
        One heatmap (``meta`` ``"rates"``), a row per ring — zones from the inside out, as
        their labels in ``lang``, then numbers in order, then names — and a column per hour
        0–23; cells the screen marks hot carry ★.
    """
    check_lang(lang)
    columns = ["ring", "hour", "rate", "ci_low", "ci_high", "incidents", "officer_hours",
               "events", "rate_ratio", "hot"]  # fmt: skip
    table = frame_of(spots, columns, caller="hot_spot_heatmap")
    table = table.assign(ring=table["ring"].astype(str))
    rings, labels = _ring_rows(table, lang)
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
            rate=number(row.rate, 1, lang), low=number(row.ci_low, 1, lang),
            high=number(row.ci_high, 1, lang), incidents=int(row.incidents),
            hours=number(row.officer_hours, 0, lang), events=int(row.events),
            ratio=number(row.rate_ratio, 2, lang),
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
