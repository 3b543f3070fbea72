"""What every chart shares: the level palette, escaping, argument checks, ring and level labels.

The level colours are defined here once. They follow the usual traffic-light reading (none
grey, low green, medium yellow, high orange, extreme red) but are taken from the Okabe–Ito
colour-blind-safe set and darken from medium to extreme, so the order survives deuteranopia,
protanopia and greyscale printing.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go

from sra_analysis.errors import ParameterError
from sra_analysis.event import Event, EventMeta
from sra_analysis.labels import check_lang, level_label, t  # noqa: F401 (check_lang: charts)
from sra_analysis.labels.formats import format_number, plotly_separators
from sra_analysis.levels import DEFAULT_RISK_BANDS, NO_RISK_LEVEL
from sra_analysis.review.evaluate import Evaluation
from sra_analysis.safe_text import isolate_bidi

__all__ = ["LABEL_LIMIT", "LEVEL_COLORS", "NEUTRAL", "escape", "level_colors"]

#: Colour of each default risk level (Okabe–Ito bluish green, yellow, orange; dark red).
LEVEL_COLORS: dict[str, str] = {
    "none": "#BDBDBD",
    "low": "#009E73",
    "medium": "#F0E442",
    "high": "#E69F00",
    "extreme": "#B2182B",
}
#: Colour of data that is not a risk level (headcount, rates, comparison markers).
NEUTRAL = "#0072B2"
#: Dark ink for incident markers and reference lines.
INK = "#1B1B3A"
#: Sequential colour scale of counts (kept away from the level colours).
COUNT_SCALE = "Blues"
FONT = {"family": "Arial, Helvetica, sans-serif", "size": 13}
DESCRIPTION_LIMIT = 200
#: Characters of a name or identifier from the input (ring names, ids, categories) shown.
LABEL_LIMIT = 80
WRAP_WIDTH = 60


def level_colors(levels: Iterable[str]) -> dict[str, str]:
    """Colour of each level: the default five by name, custom levels by their rank.

    Parameters
    ----------
    levels : iterable of str
        Level names from lowest to highest, ``"none"`` first when present (as
        :attr:`sra_analysis.levels.RiskLevels.names`).

    Returns
    -------
    dict of str to str
        Hex colour per level name.

    Examples
    --------
    >>> level_colors(["none", "low", "high"])["high"]
    '#E69F00'
    >>> level_colors(["none", "minor", "major"])["major"]
    '#B2182B'
    """
    levels = [str(level) for level in levels]
    ramp = [LEVEL_COLORS[name] for name in DEFAULT_RISK_BANDS]
    custom = [level for level in levels if level not in LEVEL_COLORS]
    colours = {}
    for level in levels:
        if level in LEVEL_COLORS:
            colours[level] = LEVEL_COLORS[level]
    if custom:
        ranked = [level for level in levels if level != NO_RISK_LEVEL]
        for level in custom:
            position = ranked.index(level) / max(len(ranked) - 1, 1)
            colours[level] = ramp[round(position * (len(ramp) - 1))]
    return colours


def escape(value: object, *, limit: int | None = None, wrap: int | None = None) -> str:
    """Input text made safe for Plotly labels: truncated, HTML-escaped, optionally wrapped,
    bidirectional controls neutralised (:func:`~sra_analysis.safe_text.isolate_bidi`).

    Truncation happens before escaping, so an entity is never cut in half; line breaks in
    the text become ``<br>``.

    Examples
    --------
    >>> escape("<script>alert(1)</script>")
    '&lt;script&gt;alert(1)&lt;/script&gt;'
    >>> escape("abcdef", limit=4)
    'abc…'
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    text = isolate_bidi(" ".join(str(value).split()) if wrap else str(value))
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    lines = textwrap.wrap(text, wrap) if wrap else text.splitlines() or [""]
    return "<br>".join(html.escape(line, quote=True) for line in lines)


def table_of(data, attribute: str, required: Sequence[str], *, function: str) -> pd.DataFrame:
    """The table ``attribute`` of an Evaluation, or ``data`` itself when it is that table."""
    if isinstance(data, Evaluation):
        table = getattr(data, attribute)
    elif isinstance(data, pd.DataFrame):
        table = data
    else:
        raise ParameterError(
            f"{function}: data must be an Evaluation or its {attribute!r} DataFrame, "
            f"got {type(data).__name__}"
        )
    missing = [column for column in required if column not in table.columns]
    if missing:
        raise ParameterError(
            f"{function}: data lacks column(s) {missing}; expected the {attribute!r} table "
            f"of an Evaluation, got columns {list(table.columns)}"
        )
    return table


def meta_of(data) -> EventMeta | None:
    """The event metadata an Event or Evaluation carries; ``None`` for a bare table."""
    if isinstance(data, Event):
        return data.meta
    if isinstance(data, Evaluation):
        return data.meta
    return None


def ring_names(meta: EventMeta | None, ring_ids: Iterable[str], lang: str) -> dict[str, str]:
    """Escaped display name of each ring id (``Ring <id>`` when the event is unknown)."""
    names = {}
    for ring_id in ring_ids:
        ring_id = str(ring_id)
        if meta is not None and ring_id in meta.ring_ids:
            names[ring_id] = escape(meta.ring(ring_id).label(lang), limit=LABEL_LIMIT)
        elif ring_id == "all":
            names[ring_id] = t("chart.all_rings", lang)
        else:
            names[ring_id] = escape(t("chart.ring_n", lang, ring=ring_id), limit=LABEL_LIMIT)
    return names


def ring_order(windows: pd.DataFrame, meta: EventMeta | None) -> list[str]:
    """Ring ids in display order: the event's, else the categorical's, else first seen."""
    if meta is not None:
        return list(meta.ring_ids)
    rings = windows["ring"]
    if isinstance(rings.dtype, pd.CategoricalDtype):
        return [str(ring) for ring in rings.cat.categories]
    return list(dict.fromkeys(rings.astype(str)))


def level_order(levels: pd.Series, meta: EventMeta | None = None) -> list[str]:
    """Level names from lowest to highest."""
    if meta is not None:
        return list(meta.risk_levels.names)
    if isinstance(levels.dtype, pd.CategoricalDtype):
        return [str(level) for level in levels.cat.categories]
    present = set(levels.astype(str))
    default = [NO_RISK_LEVEL, *DEFAULT_RISK_BANDS]
    return default + sorted(present - set(default))


def level_text(level: str, lang: str) -> str:
    """Escaped display name of a level (custom names come from event.yaml)."""
    return escape(level_label(level, lang))


def level_legend(
    fig: go.Figure, levels: Sequence[str], lang: str, *, flag_level: str | None = None, **subplot
) -> None:
    """Legend entries (square swatches) for the level colours, grouped under one title."""
    colours = level_colors(levels)
    title = t("chart.level_legend", lang)
    if flag_level is not None:
        flag = t("chart.flagged_from", lang, level=level_text(flag_level, lang))
        title = f'{title}<br><span style="font-size:12px">{flag}</span>'
    for position, level in enumerate(levels):
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={"symbol": "square", "size": 14, "color": colours[level]},
                name=level_text(level, lang),
                legendgroup="levels",
                legendgrouptitle_text=title if position == 0 else None,
                hoverinfo="skip",
            ),
            **subplot,
        )


def style(
    fig: go.Figure, *, title: str, height: int | None = None, lang: str = "en", **layout
) -> go.Figure:
    """Common layout: white background, readable font, title at the left; axes, hover and
    cell text write numbers as ``lang`` does (``layout.separators``: ``",."`` in Bahasa
    Indonesia)."""
    layout = {"margin": {"l": 70, "r": 30, "t": 80, "b": 60}, **layout}
    fig.update_layout(
        template="plotly_white",
        font=FONT,
        separators=plotly_separators(lang),
        title={"text": title, "x": 0.01, "xanchor": "left"},
        hoverlabel={"align": "left"},
        **layout,
    )
    if height is not None:
        fig.update_layout(height=height)
    return fig


def interval_note(lang: str = "en") -> str:
    """How the rate charts' intervals were made, and what they assume (a subtitle).

    >>> interval_note("en").startswith("Whiskers: exact Poisson (Garwood) 95% intervals")
    True
    """
    return t("chart.poisson_interval_note", lang)


def error_bars(value, low, high) -> dict:
    """Asymmetric error bars reaching exactly from ``low`` to ``high``."""
    value = pd.Series(value, dtype=float).reset_index(drop=True)
    plus = pd.Series(high, dtype=float).reset_index(drop=True) - value
    minus = value - pd.Series(low, dtype=float).reset_index(drop=True)
    return {
        "type": "data",
        "symmetric": False,
        "array": plus.clip(lower=0).tolist(),
        "arrayminus": minus.clip(lower=0).tolist(),
        "color": INK,
        "thickness": 1.5,
        "width": 6,
    }


def number(value, digits: int = 2, lang: str = "en") -> str:
    """``value`` with ``digits`` decimals as ``lang`` writes it, or an en dash when it is
    missing (:func:`sra_analysis.labels.formats.format_number`)."""
    if value is None or pd.isna(value):
        return "–"
    return format_number(float(value), lang=lang, digits=digits)
