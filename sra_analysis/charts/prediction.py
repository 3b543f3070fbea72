"""Was the SRA right? Rates by level, the level × outcome table, the reliability diagram."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from sra_analysis.charts._common import (
    COUNT_SCALE,
    INK,
    NEUTRAL,
    check_lang,
    error_bars,
    escape,
    interval_note,
    level_colors,
    level_text,
    number,
    style,
    table_of,
)
from sra_analysis.errors import ParameterError
from sra_analysis.labels import LABELS, t
from sra_analysis.labels.formats import format_percent, format_range
from sra_analysis.review.evaluate import Evaluation

__all__ = ["calibration", "confusion_heatmap", "rate_by_level"]

_RATE_COLUMNS = (
    "level",
    "windows",
    "hours",
    "incidents",
    "incident_rate",
    "incident_ci_low",
    "incident_ci_high",
)
_DISRUPTION_COLUMNS = {"disruption_rate", "disruption_ci_low", "disruption_ci_high", "disruptions"}
_RELIABILITY_COLUMNS = (
    "bin_low",
    "bin_high",
    "n",
    "mean_forecast",
    "observed_frequency",
    "ci_low",
    "ci_high",
)


def _none_for_nan(values) -> list:
    """Floats, with ``None`` (a gap Plotly draws nothing for) where a value is missing."""
    return [None if pd.isna(value) else float(value) for value in values]


def rate_by_level(
    data: Evaluation | pd.DataFrame, *, disruptions: bool = True, lang: str = "en"
) -> go.Figure:
    """Incidents (and disruptions) per ring-hour at each predicted risk level.

    Bars are coloured by level, with the exact Poisson (Garwood) interval as error bars; the
    subtitle says how the intervals were made and what they assume.
    Every level appears on the axis in order; a level no window was rated at is left empty
    and marked "no windows".

    Parameters
    ----------
    data : Evaluation or DataFrame
        An evaluation, or its ``rate_by_level`` table (columns ``level``, ``windows``,
        ``hours``, ``incidents``, ``incident_rate``, ``incident_ci_low``,
        ``incident_ci_high`` and, for the second panel, the same for ``disruption``).
    disruptions : bool, default True
        Add a second panel with disruptions per ring-hour when the table has them.
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        One bar trace per panel (``meta`` ``"incident"`` / ``"disruption"``), x categories
        in level order.

    Examples
    --------
    >>> table = pd.DataFrame({
    ...     "level": ["none", "low", "high"], "windows": [0, 10, 5], "hours": [0.0, 10, 5],
    ...     "incidents": [0, 1, 4], "incident_rate": [np.nan, 0.1, 0.8],
    ...     "incident_ci_low": [np.nan, 0.0025, 0.218], "incident_ci_high": [np.nan, 0.557, 2.048]})
    >>> fig = rate_by_level(table, lang="id")
    >>> list(fig.layout.xaxis.categoryarray)
    ['tidak ada', 'rendah', 'tinggi']
    """
    check_lang(lang)
    table = table_of(data, "rate_by_level", _RATE_COLUMNS, function="rate_by_level")
    table = table.reset_index(drop=True)
    levels = table["level"].astype(str).tolist()
    labels = [level_text(level, lang) for level in levels]
    series = ["incident"]
    if disruptions and _DISRUPTION_COLUMNS <= set(table.columns):
        series.append("disruption")
    fig = make_subplots(
        rows=len(series),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.12,
        subplot_titles=[t(f"chart.{name}s_series", lang) for name in series],
    )
    empty = np.asarray(labels)[table["windows"].to_numpy() == 0]
    for row, name in enumerate(series, start=1):
        _add_rate_bars(fig, table, name, row, labels=labels, lang=lang)
        fig.update_yaxes(
            title_text=t("chart.rate_per_hour", lang), rangemode="tozero", row=row, col=1
        )
        _add_no_windows_notes(fig, empty, row, lang)
    fig.update_xaxes(categoryorder="array", categoryarray=labels, type="category")
    fig.update_xaxes(title_text=t("predicted_level", lang), row=len(series), col=1)
    title = f"{t('chart.rate_by_level.title', lang)}<br><sup>{interval_note(lang)}</sup>"
    return style(fig, title=title, height=280 + 220 * len(series), lang=lang)


def _rate_hover(table: pd.DataFrame, name: str, labels: list[str], lang: str) -> list[str]:
    """Hover text per level: windows, ring-hours, count and rate with its interval."""
    return [
        f"<b>{label}</b><br>{t('chart.windows', lang)}: {int(w)} "
        f"({number(h, 0, lang=lang)} {t('chart.ring_hours', lang).lower()})<br>"
        f"{t(f'chart.{name}s_series', lang)}: {number(k, 0, lang=lang)}<br>"
        f"{t('chart.rate_per_hour', lang)}: {number(r, 3, lang=lang)} "
        f"[{number(a, 3, lang=lang)}–{number(b, 3, lang=lang)}]"
        for label, w, h, k, r, a, b in zip(
            labels,
            table["windows"],
            table["hours"],
            table[f"{name}s"],
            table[f"{name}_rate"],
            table[f"{name}_ci_low"],
            table[f"{name}_ci_high"],
            strict=True,
        )
    ]


def _add_rate_bars(
    fig: go.Figure, table: pd.DataFrame, name: str, row: int, *, labels: list[str], lang: str
) -> None:
    """Add the bars of one series (``"incident"`` or ``"disruption"``, hatched) in level
    colours, with the table's intervals as error bars (none where the rate is missing)."""
    levels = table["level"].astype(str).tolist()
    colours = level_colors(levels)
    rate = table[f"{name}_rate"]
    bars = error_bars(rate, table[f"{name}_ci_low"], table[f"{name}_ci_high"])
    bars["array"] = _none_for_nan(bars["array"])
    bars["arrayminus"] = _none_for_nan(bars["arrayminus"])
    fig.add_trace(
        go.Bar(
            x=labels,
            y=_none_for_nan(rate),
            error_y=bars,
            marker={
                "color": [colours[level] for level in levels],
                "line": {"color": INK, "width": 1},
                "pattern": {
                    "shape": "/" if name == "disruption" else "",
                    "fgcolor": INK,
                    "fgopacity": 0.35,
                },
            },
            hovertext=_rate_hover(table, name, labels, lang),
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
            meta=name,
        ),
        row=row,
        col=1,
    )


def _add_no_windows_notes(fig: go.Figure, empty_labels, row: int, lang: str) -> None:
    """Write "no windows" on the axis of each level no window was rated at."""
    for label in empty_labels:
        fig.add_annotation(
            x=label,
            y=0,
            yanchor="bottom",
            yshift=4,
            text=f"<i>{t('chart.no_windows', lang)}</i>",
            showarrow=False,
            font={"color": "#666666", "size": 12},
            row=row,
            col=1,
        )


def confusion_heatmap(data: Evaluation | pd.DataFrame, *, lang: str = "en") -> go.Figure:
    """Windows counted by predicted level (rows) and what was observed in them (columns).

    Parameters
    ----------
    data : Evaluation or DataFrame
        An evaluation, or its ``confusion`` table: index the predicted levels (lowest
        first), columns the observed classes (``quiet``, ``incident``, ``disruption``).
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        One heatmap whose ``z`` is the table (highest level drawn at the top) and whose
        cells are annotated with the counts; hover adds the share of the level's windows.
    """
    check_lang(lang)
    table = table_of(data, "confusion", (), function="confusion_heatmap")
    levels = [str(level) for level in table.index]
    classes = [str(column) for column in table.columns]
    counts = table.to_numpy(dtype=float)
    totals = counts.sum(axis=1, keepdims=True)
    share = np.divide(counts, totals, out=np.full_like(counts, np.nan), where=totals > 0)
    y = [level_text(level, lang) for level in levels]
    x = [t(f"observed.{c}", lang) if f"observed.{c}" in LABELS else escape(c) for c in classes]
    share_text = [
        [format_percent(v, lang=lang) if np.isfinite(v) else "–" for v in row] for row in share
    ]
    fig = go.Figure(
        go.Heatmap(
            z=counts,
            x=x,
            y=y,
            colorscale=COUNT_SCALE,
            texttemplate="%{z:.0f}",
            textfont={"size": 16},
            customdata=share_text,
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": t("chart.windows", lang)}},
            hovertemplate=f"{t('predicted_level', lang)}: %{{y}}<br>"
            f"{t('chart.observed_class', lang)}: %{{x}}<br>{t('chart.windows', lang)}: "
            f"%{{z:.0f}}<br>{t('chart.share_of_level', lang)}: %{{customdata}}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=t("chart.observed_class", lang), side="bottom", type="category")
    fig.update_yaxes(title_text=t("predicted_level", lang), type="category")
    return style(
        fig, title=t("chart.confusion.title", lang), height=140 + 70 * len(levels) + 60, lang=lang
    )


def calibration(data: Evaluation | pd.DataFrame, *, lang: str = "en") -> go.Figure:
    """Reliability diagram: forecast probability against how often a disruption followed.

    Parameters
    ----------
    data : Evaluation or DataFrame
        An evaluation, or its ``reliability`` table (``bin_low``, ``bin_high``, ``n``,
        ``mean_forecast``, ``observed_frequency``, ``ci_low``, ``ci_high``).
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        The diagonal (``meta`` ``"diagonal"``) and one point per non-empty bin (``meta``
        ``"bins"``) with its Wilson interval, sized by the number of windows.

    Raises
    ------
    ParameterError
        When the table is empty: the register gave no probabilities.
    """
    check_lang(lang)
    bins = _reliability_bins(data)
    upper = min(1.0, max(bins["bin_high"].max(), bins["ci_high"].max()) + 0.05)
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=[0, upper],
            y=[0, upper],
            mode="lines",
            line={"color": "#888888", "dash": "dash"},
            name=t("chart.perfect_calibration", lang),
            hoverinfo="skip",
            meta="diagonal",
        )
    )
    _add_bins(fig, bins, lang)
    span = [-0.02 * upper, upper]
    fig.update_xaxes(title_text=t("forecast_probability", lang), range=span, constrain="domain")
    fig.update_yaxes(
        title_text=t("observed_frequency", lang),
        range=span,
        scaleanchor="x",
        scaleratio=1,
        constrain="domain",
    )
    return style(
        fig,
        lang=lang,
        title=t("chart.calibration.title", lang),
        height=620,
        width=None,
        legend={"orientation": "h", "y": -0.15},
    )


def _reliability_bins(data: Evaluation | pd.DataFrame) -> pd.DataFrame:
    """The non-empty bins of the reliability table; refused when there are none."""
    if isinstance(data, pd.DataFrame) and data.empty:
        table = data
    else:
        table = table_of(data, "reliability", (), function="calibration")
    if table.empty or "n" not in table.columns or not (table["n"] > 0).any():
        raise ParameterError(
            "calibration needs forecast probabilities, but the reliability table is empty: "
            "give the risk register a 'probability' column (0–1, the chance of a disruption "
            "in each window an item covers)"
        )
    table_of(table, "reliability", _RELIABILITY_COLUMNS, function="calibration")
    return table[table["n"] > 0].reset_index(drop=True)


def _add_bins(fig: go.Figure, bins: pd.DataFrame, lang: str) -> None:
    """Add one point per bin (area grows with its windows) with its Wilson interval."""
    hover = [
        f"{t('chart.forecast_bin', lang)}: {format_range(lo, hi, lang=lang)}<br>"
        f"{t('chart.windows', lang)}: {number(n, 0, lang=lang)}<br>"
        f"{t('forecast_probability', lang)}: {number(f, 3, lang=lang)}<br>"
        f"{t('observed_frequency', lang)}: {number(o, 3, lang=lang)} "
        f"[{format_range(a, b, lang=lang, digits=3)}]"
        for lo, hi, n, f, o, a, b in bins[list(_RELIABILITY_COLUMNS)].itertuples(index=False)
    ]
    fig.add_trace(
        go.Scatter(
            x=bins["mean_forecast"],
            y=bins["observed_frequency"],
            mode="markers+text",
            marker={
                "size": 10 + 26 * np.sqrt(bins["n"] / bins["n"].max()),
                "color": NEUTRAL,
                "opacity": 0.8,
                "line": {"color": "white", "width": 1},
            },
            error_y=error_bars(bins["observed_frequency"], bins["ci_low"], bins["ci_high"]),
            text=[f"n={int(n)}" for n in bins["n"]],
            textposition="middle right",
            textfont={"size": 11, "color": "#444444"},
            name=t("chart.observed_bins", lang),
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            meta="bins",
        )
    )
