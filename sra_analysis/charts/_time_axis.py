"""The centrepiece's shared local-time axis: wall-clock times, ticks, midnight lines."""

from __future__ import annotations

import pandas as pd

from sra_analysis.labels.formats import format_date, format_time, plotly_time_format

__all__ = [
    "axis_ref",
    "date_text",
    "hover_time",
    "local_time",
    "midnight_lines",
    "tick_step",
    "time_ticks",
]


def date_text(stamp: pd.Timestamp, lang: str) -> str:
    """``Fri 01 Mar`` in English, ``Jum 01 Mar`` in Bahasa Indonesia (CLDR day and month
    abbreviations)."""
    return format_date(stamp, lang=lang, style="weekday")


def local_time(values, zone: str) -> pd.Series:
    """Timestamps as naive local wall-clock time in ``zone`` (what the axis shows).

    Examples
    --------
    >>> local_time(pd.to_datetime(["2024-03-01 00:00"], utc=True), "Asia/Jakarta").tolist()
    [Timestamp('2024-03-01 07:00:00')]
    """
    stamps = pd.Series(pd.to_datetime(values)).reset_index(drop=True)
    if stamps.dt.tz is None:
        return stamps
    return stamps.dt.tz_convert(zone).dt.tz_localize(None)


def axis_ref(row: int, kind: str) -> str:
    """Plotly's name of the ``kind`` axis (``"x"`` or ``"y"``) of subplot row ``row``.

    Examples
    --------
    >>> axis_ref(1, "x"), axis_ref(3, "y")
    ('x', 'y3')
    """
    return kind if row == 1 else f"{kind}{row}"


def tick_step(hours: float) -> int:
    """Hours between ticks for an axis spanning ``hours``: 1, 3, 6, 12 or 24.

    Examples
    --------
    >>> tick_step(12), tick_step(64), tick_step(1000)
    (1, 6, 24)
    """
    for limit, step in ((12, 1), (30, 3), (96, 6), (240, 12)):
        if hours <= limit:
            return step
    return 24


def time_ticks(start: pd.Timestamp, end: pd.Timestamp, lang: str) -> tuple[list, list[str]]:
    """Tick every few hours on whole hours; the date under the first tick and each midnight.

    Examples
    --------
    >>> ticks, text = time_ticks(pd.Timestamp("2024-03-01 20:00"),
    ...                          pd.Timestamp("2024-03-02 04:00"), "id")
    >>> len(ticks), text[0], text[3:5]
    (9, '20.00<br><b>Jum 01 Mar</b>', ['23.00', '00.00<br><b>Sab 02 Mar</b>'])
    """
    step = tick_step((end - start) / pd.Timedelta(hours=1))
    ticks = [
        tick
        for tick in pd.date_range(start.floor("D"), end, freq=f"{step}h")
        if start <= tick <= end
    ]
    text = []
    for position, tick in enumerate(ticks):
        label = format_time(tick, lang=lang)
        if position == 0 or (tick.hour == 0 and tick.minute == 0):
            label += f"<br><b>{date_text(tick, lang)}</b>"
        text.append(label)
    return ticks, text


def hover_time(lang: str) -> str:
    """The d3 date and time of hover text (``%{x|...}``): ``01/03/2024 07:00``, and
    ``01/03/2024 07.00`` in Bahasa Indonesia.

    Examples
    --------
    >>> hover_time("en"), hover_time("id")
    ('%d/%m/%Y %H:%M', '%d/%m/%Y %H.%M')
    """
    return f"%d/%m/%Y {plotly_time_format(lang)}"


def midnight_lines(start: pd.Timestamp, end: pd.Timestamp) -> list[dict]:
    """A dotted vertical line (layout shape, ``name`` ``"midnight"``) at each midnight inside.

    Examples
    --------
    >>> lines = midnight_lines(pd.Timestamp("2024-03-01 07:00"), pd.Timestamp("2024-03-03 23:00"))
    >>> [str(line["x0"]) for line in lines]
    ['2024-03-02 00:00:00', '2024-03-03 00:00:00']
    """
    return [
        {
            "type": "line",
            "name": "midnight",
            "xref": "x",
            "yref": "paper",
            "x0": day,
            "x1": day,
            "y0": 0,
            "y1": 1,
            "layer": "below",
            "line": {"color": "#555555", "width": 1, "dash": "dot"},
        }
        for day in pd.date_range(start.normalize() + pd.Timedelta(days=1), end, freq="D")
    ]
