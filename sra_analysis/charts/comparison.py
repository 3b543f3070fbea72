"""Many events side by side: how well each SRA discriminated, and incident rates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from sra_analysis import metrics
from sra_analysis.charts._common import (
    INK,
    NEUTRAL,
    check_lang,
    error_bars,
    escape,
    number,
    style,
)
from sra_analysis.errors import ParameterError
from sra_analysis.labels import t
from sra_analysis.report_summary import ReportSummary, report_summaries

__all__ = ["COMPARISON_COLUMNS", "comparison_table", "event_comparison"]

#: Where each column of the comparison table is found in a table of events: flat names
#: first, then the ``summary.json`` path as ``pandas.json_normalize`` names it.
_SOURCES: dict[str, tuple[str, ...]] = {
    "event_id": ("event_id", "id", "event.id"),
    "event_name": ("event_name", "name", "event.name"),
    "auc": ("auc", "prediction.auc"),
    "auc_ci_low": ("auc_ci_low", "prediction.auc_ci_low"),
    "auc_ci_high": ("auc_ci_high", "prediction.auc_ci_high"),
    "pai": ("pai", "prediction.pai"),
    "incidents": (
        "incidents_in_windows",
        "totals.incidents_in_windows",
        "incidents",
        "totals.incidents",
    ),
    "disruptions": ("disruptions", "totals.disruptions"),
    "officer_hours": ("officer_hours", "totals.officer_hours"),
}
COMPARISON_COLUMNS = [*_SOURCES, "incidents_per_100_officer_hours", "ci_low", "ci_high"]
_SORT_KEYS = ("auc", "pai", "incidents_per_100_officer_hours", "event_id")
_MANY = 60
#: The three panels: column, label key, interval columns, dashed reference line.
_PANELS = (
    ("auc", "chart.auc", ("auc_ci_low", "auc_ci_high"), 0.5),
    ("pai", "chart.pai", None, 1.0),
    (
        "incidents_per_100_officer_hours",
        "incidents_per_100_officer_hours",
        ("ci_low", "ci_high"),
        None,
    ),
)


def comparison_table(summaries: Sequence[ReportSummary | Mapping] | pd.DataFrame) -> pd.DataFrame:
    """One row per event with the numbers :func:`event_comparison` plots.

    Parameters
    ----------
    summaries : sequence of ReportSummary or mapping, or DataFrame
        Report summaries (a mapping is read as a hand-made ``summary.json`` body), or a
        table with one row per event whose columns are flat names (``event_id``, ``auc``,
        ``officer_hours``, ...) or the dotted paths of ``summary.json`` (``prediction.auc``,
        ...).

    Returns
    -------
    DataFrame
        :data:`COMPARISON_COLUMNS`: ``event_id``, ``event_name``, ``auc``, ``auc_ci_low``,
        ``auc_ci_high``, ``pai``, ``incidents``, ``disruptions``, ``officer_hours``,
        ``incidents_per_100_officer_hours``, ``ci_low``, ``ci_high`` (exact Poisson 95%).

    Examples
    --------
    >>> comparison_table([{"event": {"id": "a"}, "prediction": {"auc": 0.7},
    ...                    "totals": {"incidents": 3, "officer_hours": 300.0}}])[
    ...     ["event_id", "auc", "incidents_per_100_officer_hours"]]
      event_id  auc  incidents_per_100_officer_hours
    0        a  0.7                              1.0
    """
    if isinstance(summaries, pd.DataFrame):
        records = summaries.to_dict("records")
        table = pd.DataFrame({
            column: [_first_value(record, paths) for record in records]
            for column, paths in _SOURCES.items()
        }, columns=list(_SOURCES))  # fmt: skip
    else:
        table = pd.DataFrame(
            [_row(summary) for summary in _summaries(summaries)], columns=list(_SOURCES)
        )
    table["event_id"] = [
        str(value) if value is not None else f"event {position + 1}"
        for position, value in enumerate(table["event_id"])
    ]
    table["event_name"] = table["event_name"].where(table["event_name"].notna(), table["event_id"])
    table["event_name"] = table["event_name"].astype(str)
    numeric = [c for c in _SOURCES if c not in ("event_id", "event_name")]
    table[numeric] = table[numeric].apply(pd.to_numeric, errors="coerce").astype(float)
    table = _with_rates(table)
    if isinstance(summaries, pd.DataFrame):
        for column in ("incidents_per_100_officer_hours", "ci_low", "ci_high"):
            if column in summaries.columns:
                given = pd.to_numeric(summaries[column], errors="coerce").to_numpy(dtype=float)
                table[column] = np.where(np.isfinite(given), given, table[column])
    return table[COMPARISON_COLUMNS]


def _summaries(summaries) -> list[ReportSummary]:
    """The events as report summaries."""
    if isinstance(summaries, Sequence) and not isinstance(summaries, (str, bytes)):
        if not all(isinstance(item, (ReportSummary, Mapping)) for item in summaries):
            raise ParameterError(
                "event_comparison: summaries must be a list of report summaries "
                "(ReportSummary, or Evaluation.to_dict()) or a DataFrame with one row per event"
            )
        return report_summaries(summaries)
    raise ParameterError(
        "event_comparison: summaries must be a list of summary dicts or a DataFrame, "
        f"got {type(summaries).__name__}"
    )


def _row(summary: ReportSummary) -> dict:
    """One event's row of the comparison table (its incidents in windows, when given, are
    the ones the officer-hours cover)."""
    totals, prediction = summary.totals, summary.prediction
    incidents = totals.incidents_in_windows
    return {
        "event_id": summary.event.id or None,
        "event_name": summary.event.name,
        "auc": prediction.auc,
        "auc_ci_low": prediction.auc_ci_low,
        "auc_ci_high": prediction.auc_ci_high,
        "pai": prediction.pai,
        "incidents": incidents if incidents is not None else totals.incidents,
        "disruptions": totals.disruptions,
        "officer_hours": totals.officer_hours,
    }


def _first_value(record: Mapping, paths: tuple[str, ...]):
    """The first column of ``paths`` that holds a value (not None, not NaN) in ``record``."""
    value = None
    for path in paths:
        value = record.get(path)
        if value is not None and not (isinstance(value, float) and np.isnan(value)):
            break
    return value


def _with_rates(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with incidents per 100 officer-hours and their exact Poisson interval
    (NaN where the count or the officer-hours are missing)."""
    counts = table["incidents"].round()
    usable = counts.notna() & table["officer_hours"].notna()
    rates = metrics.poisson_rate_table(
        counts.where(usable, 0).astype(int).to_numpy(),
        table["officer_hours"].where(usable, 0).to_numpy(),
        per=100.0,
    )
    table = table.copy()
    for column in ("rate", "ci_low", "ci_high"):
        values = rates[column].to_numpy(dtype=float)
        target = "incidents_per_100_officer_hours" if column == "rate" else column
        table[target] = np.where(usable, values, np.nan)
    return table


def event_comparison(
    summaries: Sequence[ReportSummary | Mapping] | pd.DataFrame,
    *,
    sort_by: str = "auc",
    lang: str = "en",
) -> go.Figure:
    """AUC, PAI and incidents per 100 officer-hours of many events, one row per event.

    Three panels share the event axis, sorted by ``sort_by`` (highest first, missing
    values last). Up to 60 events are labelled by id; beyond that the labels are hidden
    and the events show as a sorted profile whose hover names each event, so the chart
    stays readable for a nationwide batch of 514.

    Parameters
    ----------
    summaries : sequence of ReportSummary or mapping, or DataFrame
        See :func:`comparison_table`.
    sort_by : {"auc", "pai", "incidents_per_100_officer_hours", "event_id"}, default "auc"
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        Three marker traces (``meta`` ``"auc"``, ``"pai"``,
        ``"incidents_per_100_officer_hours"``) with one point per event, no legend entries
        per event.
    """
    check_lang(lang)
    if sort_by not in _SORT_KEYS:
        raise ParameterError(f"sort_by must be one of {list(_SORT_KEYS)}, got {sort_by!r}")
    table = comparison_table(summaries)
    if table.empty:
        raise ParameterError("event_comparison: summaries holds no events")
    ascending = sort_by == "event_id"
    table = table.sort_values(sort_by, ascending=ascending, na_position="last", kind="stable")
    table = table.reset_index(drop=True)
    many = len(table) > _MANY
    fig = make_subplots(
        rows=1,
        cols=3,
        shared_yaxes=True,
        horizontal_spacing=0.03,
        subplot_titles=[t(key, lang) for _, key, _, _ in _PANELS],
    )
    labels, hover = _event_labels(table), _event_hover(table, lang)
    for column, panel in enumerate(_PANELS, start=1):
        _add_panel(fig, table, panel, column, labels=labels, hover=hover, many=many)
    fig.update_xaxes(range=[0, 1], row=1, col=1)
    return _lay_out(fig, len(table), sort_by, many=many, lang=lang)


def _event_labels(table: pd.DataFrame) -> pd.Series:
    """Escaped, shortened event ids, numbered where two would read the same."""
    labels = pd.Series([escape(i, limit=40) for i in table["event_id"]])
    duplicated = labels.duplicated(keep=False)
    labels[duplicated] = [f"{label} #{k + 1}" for k, label in enumerate(labels[duplicated])]
    return labels


def _event_hover(table: pd.DataFrame, lang: str) -> list[str]:
    """Hover text of each event: its name and id and every number of the three panels."""

    def num(value, digits: int = 2) -> str:
        """A number of the hover, as ``lang`` writes it."""
        return number(value, digits, lang=lang)

    return [
        f"<b>{escape(row.event_name, limit=120)}</b><br>{escape(row.event_id)}<br>"
        f"AUC: {num(row.auc)} [{num(row.auc_ci_low)}–{num(row.auc_ci_high)}]<br>"
        f"PAI: {num(row.pai)}<br>{t('incidents', lang)}: {num(row.incidents, 0)}, "
        f"{t('disruptions', lang).lower()}: {num(row.disruptions, 0)}<br>"
        f"{t('officer_hours', lang)}: {num(row.officer_hours, 0)}<br>"
        f"{t('incidents_per_100_officer_hours', lang)}: "
        f"{num(row.incidents_per_100_officer_hours)} [{num(row.ci_low)}–{num(row.ci_high)}]"
        for row in table.itertuples(index=False)
    ]


def _add_panel(
    fig: go.Figure,
    table: pd.DataFrame,
    panel: tuple,
    column: int,
    *,
    labels: pd.Series,
    hover: list[str],
    many: bool,
) -> None:
    """Add one panel: a point per event, its interval and the panel's reference line."""
    name, _key, interval, reference = panel
    errors = None
    if interval is not None:
        errors = error_bars(table[name], table[interval[0]], table[interval[1]])
        errors.update(
            thickness=1 if many else 1.5, width=0 if many else 4, color="rgba(27, 27, 58, 0.45)"
        )
    fig.add_trace(
        go.Scatter(
            x=table[name],
            y=labels,
            mode="markers",
            error_x=errors,
            marker={
                "color": NEUTRAL,
                "size": 5 if many else 9,
                "line": {"color": "white", "width": 0 if many else 1},
            },
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
            meta=name,
        ),
        row=1,
        col=column,
    )
    if reference is not None:
        fig.add_vline(
            x=reference, line={"color": INK, "dash": "dash", "width": 1}, row=1, col=column
        )
    fig.update_xaxes(rangemode="tozero", row=1, col=column)


def _lay_out(fig: go.Figure, events: int, sort_by: str, *, many: bool, lang: str) -> go.Figure:
    """The shared event axis (labelled up to 60 events), its title naming the sort, the
    height and the title."""
    sort_text = {"event_id": t("event", lang), "auc": "AUC", "pai": "PAI"}.get(
        sort_by, t("incidents_per_100_officer_hours", lang)
    )
    fig.update_yaxes(
        type="category",
        autorange="reversed",
        showticklabels=False,
        showgrid=not many,
        tickfont={"size": 11},
    )
    fig.update_yaxes(showticklabels=not many, row=1, col=1)
    fig.update_yaxes(
        title_text=t("chart.events_sorted_by", lang, count=events, metric=sort_text),
        row=1,
        col=1,
    )
    height = 900 if many else max(360, 160 + 22 * events)
    return style(
        fig,
        lang=lang,
        title=t("chart.event_comparison.title", lang),
        height=height,
        hovermode="closest",
        margin={"l": 160 if not many else 70, "r": 30, "t": 90, "b": 50},
    )
