"""Each event's capture placed in a funnel around the pooled capture: indirect
standardisation across events (Spiegelhalter 2005), computed once for the roll-up, the batch
index and the funnel chart.

:func:`capture_funnel_of` gives a :class:`CaptureFunnel` (the table, the pooled capture and
how many events were given); :func:`funnel_table` the same as a ``(table, pooled)`` pair.
The chart (:func:`sra_analysis.charts.capture_funnel`) draws a :class:`CaptureFunnel`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sra_analysis.metrics.funnel import (
    common_risk_ratio,
    equivalent_share,
    expected_capture,
    funnel_position,
)
from sra_analysis.report_summary import ReportSummary, report_summaries
from sra_analysis.rollup.few_events import MIN_EVENTS, NotEnoughEvents

__all__ = ["FUNNEL_COLUMNS", "CaptureFunnel", "capture_funnel_of", "funnel_table"]


@dataclass(frozen=True)
class CaptureFunnel:
    """Each event's capture against the funnel around the pooled capture.

    Attributes
    ----------
    table : DataFrame
        :data:`FUNNEL_COLUMNS`, one row per event with a disrupted window (see
        :func:`funnel_table`).
    pooled_capture : float
        NaN when no event had a disrupted window.
    events : int
        Events given, placed or not (an event without a disrupted window cannot be).
    """

    table: pd.DataFrame
    pooled_capture: float
    events: int

    @property
    def enough_events(self) -> bool:
        """Whether there are events to compare (one event is its own pool)."""
        return self.events >= MIN_EVENTS

    def result(self) -> CaptureFunnel | NotEnoughEvents:
        """This funnel, or what says that one event cannot be placed against others."""
        return self if self.enough_events else NotEnoughEvents("funnel", found=self.events)


def capture_funnel_of(summaries: Sequence[ReportSummary | Mapping]) -> CaptureFunnel:
    """The funnel of ``summaries`` (see :func:`funnel_table`) as a :class:`CaptureFunnel`.

    Examples
    --------
    >>> funnel = capture_funnel_of([{"event": {"id": "a"}, "prediction": {"hits": 1,
    ...                                                                     "misses": 1}}])
    >>> funnel.pooled_capture, funnel.events, funnel.enough_events
    (0.5, 1, False)
    """
    summaries = report_summaries(summaries)
    table, pooled = funnel_table(summaries)
    return CaptureFunnel(table=table, pooled_capture=pooled, events=len(summaries))


#: The columns of the funnel table, in order.
FUNNEL_COLUMNS = [
    "event_id", "event_name", "flagged", "disrupted_windows", "capture", "flagged_share",
    "expected_capture", "adjusted_capture", "lower_95", "upper_95", "lower_99_8",
    "upper_99_8", "outside",
]  # fmt: skip


def _count(value) -> float:
    """``value`` (a checked count or None) as a float, NaN when missing."""
    return np.nan if value is None else float(value)


def _flagged_share(prediction) -> float:
    """Share of an event's windows its SRA flagged (hits and false alarms of all windows)."""
    hits, alarms = _count(prediction.hits), _count(prediction.false_alarms)
    windows = _count(prediction.windows)
    if not windows or not np.isfinite(hits + alarms + windows) or hits + alarms > windows:
        return np.nan
    return (hits + alarms) / windows


def funnel_table(summaries: Sequence[ReportSummary | Mapping]) -> tuple[pd.DataFrame, float]:
    """Each event's capture, adjusted for how much its SRA flagged, against funnel limits
    around the pooled capture.

    Capture is counted over windows, as the verdict's chance test counts it: of the windows
    (ring-hours) with at least one disruption, how many the SRA rated at or above its flag
    level (``prediction.hits`` of ``hits + misses``). An SRA that flags more of its windows
    catches more by that alone, so events are compared after indirect standardisation
    (Spiegelhalter 2005, section 4): ``expected_capture`` is what the event would capture, for
    its own flagged share, if its flagged windows were as much riskier than its others as
    they are across all events (:func:`~sra_analysis.metrics.funnel.common_risk_ratio`);
    ``adjusted_capture`` is the capture that is as surprising around the pooled capture as
    the event's own is around that expectation
    (:func:`~sra_analysis.metrics.funnel.equivalent_share`), so an event falls outside the
    exact binomial limits of :func:`~sra_analysis.metrics.funnel.binomial_funnel_limits`
    exactly when its exact test against its own expectation says so. When some event's
    summary lacks its window counts (``windows``, ``false_alarms``), no event is adjusted
    and the raw capture is placed.

    Parameters
    ----------
    summaries : sequence of ReportSummary or mapping
        Report summaries (a mapping is read as a hand-made ``summary.json`` body).

    Returns
    -------
    (DataFrame, float)
        One row per event with at least one disrupted window: ``event_id``, ``event_name``,
        ``flagged``, ``disrupted_windows``, ``capture``, ``flagged_share``,
        ``expected_capture``, ``adjusted_capture``, ``lower_95``, ``upper_95``,
        ``lower_99_8``, ``upper_99_8``, ``outside`` (0.95, 0.998 or NaN, see
        :func:`~sra_analysis.metrics.funnel.funnel_position`); and the pooled capture
        (NaN when no event had a disrupted window). Limits are NaN when the pooled capture
        is 0 or 1, where no event can differ from it by chance.

    Examples
    --------
    Two events of 8 disrupted windows flag a half and a quarter of their 100 windows and
    catch 7 and 3: a common risk ratio of 3 expects 8 × 0.75 + 8 × 0.5 = 10, as observed, so
    each catches about what its flagged share implies and neither stands out:

    >>> table, pooled = funnel_table([
    ...     {"event": {"id": "a"}, "prediction": {"hits": 7, "misses": 1, "false_alarms": 43,
    ...                                           "windows": 100}},
    ...     {"event": {"id": "b"}, "prediction": {"hits": 3, "misses": 5, "false_alarms": 22,
    ...                                           "windows": 100}}])
    >>> pooled, table["expected_capture"].round(6).tolist(), table["outside"].isna().all()
    (0.625, [0.75, 0.5], np.True_)
    """
    rows = []
    for position, summary in enumerate(report_summaries(summaries)):
        prediction = summary.prediction
        hits, misses = _count(prediction.hits), _count(prediction.misses)
        event_id = summary.event.id or f"event {position + 1}"
        rows.append(
            {
                "event_id": event_id,
                "event_name": summary.event.name or event_id,
                "flagged": hits,
                "disrupted_windows": hits + misses,
                "flagged_share": _flagged_share(prediction),
            }
        )
    columns = ["event_id", "event_name", "flagged", "disrupted_windows", "flagged_share"]
    table = pd.DataFrame(rows, columns=columns)
    table = table[table["disrupted_windows"] > 0].reset_index(drop=True)
    if table.empty:
        return pd.DataFrame(columns=FUNNEL_COLUMNS), float("nan")
    pooled = float(table["flagged"].sum() / table["disrupted_windows"].sum())
    table["capture"] = table["flagged"] / table["disrupted_windows"]
    table["expected_capture"] = np.nan
    table["adjusted_capture"] = table["capture"]
    if 0.0 < pooled < 1.0 and table["flagged_share"].notna().all():
        _adjust(table, pooled)
    if 0.0 < pooled < 1.0:
        adjusted = table["adjusted_capture"] * table["disrupted_windows"]
        position = funnel_position(adjusted, table["disrupted_windows"], p0=pooled)
        for column in FUNNEL_COLUMNS[8:]:
            table[column] = position[column].to_numpy()
    else:
        for column in FUNNEL_COLUMNS[8:]:
            table[column] = np.nan
    return table[FUNNEL_COLUMNS], pooled


def _adjust(table: pd.DataFrame, pooled: float) -> None:
    """Fill ``expected_capture`` and ``adjusted_capture`` (see :func:`funnel_table`)."""
    ratio = common_risk_ratio(table["flagged_share"], table["disrupted_windows"], table["flagged"])
    if not np.isfinite(ratio):
        return
    expected = expected_capture(table["flagged_share"], risk_ratio=ratio)
    table["expected_capture"] = expected
    table["adjusted_capture"] = equivalent_share(
        table["flagged"], table["disrupted_windows"], p=expected, p0=pooled
    )
