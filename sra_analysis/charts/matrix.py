"""The SRA's register on its own terms: the likelihood × impact matrix with every threat in it."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sra_analysis.charts._common import (
    INK,
    LABEL_LIMIT,
    WRAP_WIDTH,
    check_lang,
    escape,
    level_colors,
    level_legend,
    level_text,
    meta_of,
    ring_names,
    style,
)
from sra_analysis.errors import ParameterError
from sra_analysis.event import Event
from sra_analysis.labels import t
from sra_analysis.levels import RiskLevels
from sra_analysis.review.evaluate import Evaluation

__all__ = ["risk_matrix"]


def _register_items(data) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Register items with ``linked_incidents`` and ``realised``; incident ids per item."""
    if isinstance(data, Event):
        incidents = data.incidents
        items = data.risks[["risk_id", "threat", "ring", "likelihood", "impact"]].copy()
        linked = incidents.dropna(subset=["risk_id"]).groupby("risk_id")["incident_id"]
        ids = {str(k): [str(i) for i in v] for k, v in linked.agg(list).items()}
        items["linked_incidents"] = items["risk_id"].map(lambda r: len(ids.get(str(r), [])))
        items["realised"] = items["linked_incidents"] > 0
        return items, ids
    items = data.sra_items
    if items.empty:
        raise ParameterError(
            "risk_matrix needs the risk register: pass an Event, or an Evaluation of an event "
            "(an Evaluation of a bare windows table has no register items)"
        )
    return items, {}


def _cell_offsets(count: int) -> tuple[list[tuple[float, float]], float]:
    """Offsets of ``count`` markers in a cell, row by row, and the marker spacing."""
    columns = math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    spacing = 0.62 / max(columns, rows)
    offsets = []
    for k in range(count):
        row, column = divmod(k, columns)
        offsets.append(((column - (columns - 1) / 2) * spacing, ((rows - 1) / 2 - row) * spacing))
    return offsets, spacing


def risk_matrix(event_or_evaluation: Event | Evaluation, *, lang: str = "en") -> go.Figure:
    """The 5 × 5 likelihood × impact grid coloured by level, with each register threat in it.

    Parameters
    ----------
    event_or_evaluation : Event or Evaluation
        The event (its register and incidents), or an evaluation of it (its ``sra_items``).
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        Cell shapes (``name`` = level) coloured by the event's risk banding; two marker
        traces, ``meta`` ``"realised"`` (an incident was linked to the item: filled) and
        ``"not_realised"`` (open), each marker labelled with its ``risk_id``; several items
        in a cell are spread over it. Hover shows the escaped threat, ring and linked
        incidents.
    """
    check_lang(lang)
    meta = meta_of(event_or_evaluation)
    if not isinstance(event_or_evaluation, (Event, Evaluation)) or meta is None:
        raise ParameterError(
            "risk_matrix: event_or_evaluation must be an Event or an Evaluation of an event, "
            f"got {type(event_or_evaluation).__name__}"
        )
    items, incident_ids = _register_items(event_or_evaluation)
    bands = meta.risk_levels
    levels = list(bands.names)
    shapes, annotations = _grid(bands, level_colors(levels))
    rings = ring_names(meta, items["ring"].astype(str).unique(), lang)
    items = items.sort_values("risk_id", kind="stable").reset_index(drop=True)
    x, y, spacing = _marker_positions(items)
    hover = _item_hover(items, incident_ids, rings, bands, lang)
    fig = go.Figure()
    _add_item_markers(fig, items, x, y, hover, size=max(14, min(34, spacing * 95)), lang=lang)
    level_legend(fig, levels[1:], lang)
    return _lay_out(fig, shapes, annotations, lang)


def _grid(bands: RiskLevels, colours: dict[str, str]) -> tuple[list[dict], list[dict]]:
    """The 25 cells (layout shapes, ``name`` = level) and the score written in each corner."""
    shapes, annotations = [], []
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            score = likelihood * impact
            level = str(bands.level_of([score])[0])
            shapes.append(
                {
                    "type": "rect",
                    "name": escape(level),
                    "x0": impact - 0.5,
                    "x1": impact + 0.5,
                    "y0": likelihood - 0.5,
                    "y1": likelihood + 0.5,
                    "fillcolor": colours[level],
                    "opacity": 0.55,
                    "layer": "below",
                    "line": {"color": "white", "width": 2},
                }
            )
            annotations.append(
                {
                    "x": impact - 0.46,
                    "y": likelihood + 0.46,
                    "text": str(score),
                    "showarrow": False,
                    "xanchor": "left",
                    "yanchor": "top",
                    "font": {"size": 10, "color": "#444444"},
                }
            )
    return shapes, annotations


def _marker_positions(items: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, float]:
    """Marker centres of the items (several in a cell spread over it) and the smallest
    spacing between markers of one cell."""
    x, y = np.zeros(len(items)), np.zeros(len(items))
    spacing = 0.62
    for (likelihood, impact), part in items.groupby(["likelihood", "impact"], sort=False):
        offsets, cell_spacing = _cell_offsets(len(part))
        spacing = min(spacing, cell_spacing)
        for position, (dx, dy) in zip(part.index, offsets, strict=True):
            x[position], y[position] = impact + dx, likelihood + dy
    return x, y, spacing


def _item_hover(
    items: pd.DataFrame,
    incident_ids: dict[str, list[str]],
    rings: dict[str, str],
    bands: RiskLevels,
    lang: str,
) -> list[str]:
    """Hover text of each item: escaped id, ring, threat, score and linked incidents."""
    hover = []
    for item in items.itertuples(index=False):
        score = int(item.likelihood) * int(item.impact)
        ids = incident_ids.get(str(item.risk_id), [])
        listed = escape(
            ", ".join(ids[:10]) + (" …" if len(ids) > 10 else ""), limit=LABEL_LIMIT * 4
        )
        hover.append(
            f"<b>{escape(item.risk_id, limit=LABEL_LIMIT)}</b> · {rings[str(item.ring)]}<br>"
            f"{t('chart.threat', lang)}: {escape(item.threat, limit=300, wrap=WRAP_WIDTH)}<br>"
            f"{t('likelihood', lang)} {int(item.likelihood)} × {t('impact', lang).lower()} "
            f"{int(item.impact)} = {score} ({level_text(str(bands.level_of([score])[0]), lang)})"
            f"<br>{t('chart.linked_incidents', lang)}: {int(item.linked_incidents)}"
            + (f" ({listed})" if ids else "")
        )
    return hover


def _add_item_markers(
    fig: go.Figure,
    items: pd.DataFrame,
    x: np.ndarray,
    y: np.ndarray,
    hover: list[str],
    *,
    size: float,
    lang: str,
) -> None:
    """Add the items as two marker traces: realised (filled) and not realised (open)."""
    realised = items["realised"].to_numpy(dtype=bool)
    for kind, mask in (("realised", realised), ("not_realised", ~realised)):
        filled = kind == "realised"
        fig.add_trace(
            go.Scatter(
                x=x[mask],
                y=y[mask],
                mode="markers+text",
                text=[escape(r, limit=LABEL_LIMIT) for r in items.loc[mask, "risk_id"]],
                textfont={"size": 9 if size < 26 else 10, "color": "white" if filled else INK},
                marker={
                    "size": size,
                    "color": INK if filled else "white",
                    "line": {"color": INK, "width": 2},
                    "symbol": "circle",
                },
                name=t(f"chart.{kind}_marker", lang),
                hovertext=[h for h, m in zip(hover, mask, strict=True) if m],
                hovertemplate="%{hovertext}<extra></extra>",
                meta=kind,
            )
        )


def _lay_out(fig: go.Figure, shapes: list[dict], annotations: list[dict], lang: str) -> go.Figure:
    """Square axes from 1 to 5 (impact across, likelihood up), the grid and the title."""
    axis = {
        "range": [0.5, 5.5],
        "tickvals": list(range(1, 6)),
        "showgrid": False,
        "zeroline": False,
    }
    fig.update_xaxes(title_text=t("impact", lang), constrain="domain", **axis)
    fig.update_yaxes(
        title_text=t("likelihood", lang),
        scaleanchor="x",
        scaleratio=1,
        constrain="domain",
        **axis,
    )
    fig.update_layout(shapes=shapes, annotations=annotations)
    return style(fig, title=t("chart.risk_matrix.title", lang), height=700, lang=lang)
