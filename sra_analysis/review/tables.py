"""The review's tables: rates by predicted level and by ring, SRA items, response times.

Each takes the windows table (or the event) and returns a tidy DataFrame; :func:`evaluate`
gathers them into an :class:`~sra_analysis.review.evaluate.Evaluation`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sra_analysis import metrics
from sra_analysis.event import Event, EventMeta

__all__ = [
    "OBSERVED_CLASSES",
    "observed_class",
    "rate_by_level_table",
    "response_time_table",
    "ring_table",
    "sra_item_table",
    "with_rates",
]

#: What a window saw, from quiet to disrupted.
OBSERVED_CLASSES = ("quiet", "incident", "disruption")


def rate_by_level_table(windows: pd.DataFrame, *, confidence: float = 0.95) -> pd.DataFrame:
    """Incident and disruption rates per ring-hour for each predicted level.

    Returns
    -------
    DataFrame
        One row per level of ``windows["predicted_level"]`` (absent levels with zero
        windows): ``level``, ``windows``, ``hours``, ``incidents``, ``disruptions``,
        ``incident_rate``, ``incident_ci_low``, ``incident_ci_high``, ``disruption_rate``,
        ``disruption_ci_low``, ``disruption_ci_high`` (exact Garwood intervals; NaN rate
        where a level has no hours).
    """
    grouped = windows.groupby("predicted_level", observed=False).agg(
        windows=("hours", "size"),
        hours=("hours", "sum"),
        incidents=("incidents", "sum"),
        disruptions=("disruptions", "sum"),
    )
    table = grouped.reset_index().rename(columns={"predicted_level": "level"})
    table["level"] = table["level"].astype(str)
    return with_rates(table, confidence=confidence)


def with_rates(table: pd.DataFrame, *, confidence: float = 0.95) -> pd.DataFrame:
    """``table`` (with ``hours``, ``incidents``, ``disruptions`` per row) with the rates per
    hour and exact Garwood limits of the rounded counts added: ``incident_rate``,
    ``incident_ci_low``, ``incident_ci_high``, and the same for ``disruption``; NaN rate where
    a row has no hours. The table is changed in place and returned.
    """
    for name, counts in (("incident", "incidents"), ("disruption", "disruptions")):
        rates = metrics.poisson_rate_table(
            np.round(table[counts].to_numpy()).astype(int),
            table["hours"].to_numpy(),
            confidence=confidence,
        )
        table[f"{name}_rate"] = table[counts] / table["hours"].where(table["hours"] > 0)
        table[f"{name}_ci_low"] = rates["ci_low"].to_numpy()
        table[f"{name}_ci_high"] = rates["ci_high"].to_numpy()
    return table


def ring_table(
    windows: pd.DataFrame, *, meta: EventMeta | None = None, confidence: float = 0.95
) -> pd.DataFrame:
    """Incidents per 100 officer-hours for each ring, with exact Garwood intervals.

    Returns
    -------
    DataFrame
        ``ring``, ``ring_name`` (the id when ``meta`` is not given), ``zone`` (the ring's
        zone, :data:`~sra_analysis.zones.ZONES`, or None when the event gives none),
        ``hours``, ``incidents``, ``disruptions``, ``officer_hours``,
        ``incidents_per_100_officer_hours``, ``ci_low``, ``ci_high``.
    """
    grouped = windows.groupby("ring", observed=False).agg(
        hours=("hours", "sum"),
        incidents=("incidents", "sum"),
        disruptions=("disruptions", "sum"),
        officer_hours=("officer_hours", "sum"),
    )
    table = grouped.reset_index()
    table["ring"] = table["ring"].astype(str)
    names = {r.id: r.name for r in meta.rings} if meta is not None else {}
    table.insert(1, "ring_name", [names.get(ring, ring) for ring in table["ring"]])
    zones = {r.id: r.zone for r in meta.rings} if meta is not None else {}
    table.insert(2, "zone", pd.Series([zones.get(ring) for ring in table["ring"]], dtype=object))
    rates = metrics.poisson_rate_table(
        np.round(table["incidents"].to_numpy()).astype(int),
        table["officer_hours"].to_numpy(),
        confidence=confidence,
        per=100.0,
    )
    table["incidents_per_100_officer_hours"] = rates["rate"].to_numpy()
    table["ci_low"] = rates["ci_low"].to_numpy()
    table["ci_high"] = rates["ci_high"].to_numpy()
    return table


def observed_class(windows: pd.DataFrame) -> pd.Categorical:
    """What each window saw: ``quiet``, ``incident`` or ``disruption`` (ordered)."""
    codes = np.where(windows["disruptions"] > 0, 2, np.where(windows["incidents"] > 0, 1, 0))
    return pd.Categorical.from_codes(codes, categories=list(OBSERVED_CLASSES))


def sra_item_table(event: Event) -> pd.DataFrame:
    """Each register item with the incidents linked to it by ``risk_id``.

    Returns
    -------
    DataFrame
        ``risk_id``, ``threat``, ``ring``, ``likelihood``, ``impact``, ``score``, ``level``,
        ``window_start``, ``window_end``, ``linked_incidents``, ``linked_disruptions``,
        ``realised`` (at least one linked incident).
    """
    risks = event.risks
    incidents = event.incidents
    linked = incidents.groupby("risk_id").agg(
        linked_incidents=("incident_id", "size"),
        linked_disruptions=("disrupted_proceedings", "sum"),
    )
    items = risks[
        ["risk_id", "threat", "ring", "likelihood", "impact", "score", "level", "window_start",
         "window_end"]
    ].copy()  # fmt: skip
    items["ring"] = items["ring"].astype(str)
    # pandas cannot join two empty text columns (pyarrow: "cannot construct ChunkedArray")
    empty = dict.fromkeys(linked.columns)
    items = items.join(linked, on="risk_id") if len(items) else items.assign(**empty)
    items["linked_incidents"] = items["linked_incidents"].fillna(0).astype("int64")
    items["linked_disruptions"] = items["linked_disruptions"].fillna(0).astype("int64")
    items["realised"] = items["linked_incidents"] > 0
    return items.reset_index(drop=True)


def response_time_table(event: Event) -> pd.DataFrame:
    """Minutes from report to response, per ring and over all (``ring == "all"``).

    Returns
    -------
    DataFrame
        ``ring``, ``n``, ``median_minutes``, ``q1_minutes``, ``q3_minutes``; rings without a
        ``responded_at`` are left out.
    """
    incidents = event.incidents
    minutes = (incidents["responded_at"] - incidents["reported_at"]) / pd.Timedelta(minutes=1)
    frame = pd.DataFrame({"ring": incidents["ring"].astype(str), "minutes": minutes}).dropna()
    rows = []
    for ring, part in [*frame.groupby("ring", sort=False), ("all", frame)]:
        values = part["minutes"].to_numpy()
        if len(values) == 0:
            continue
        q1, median, q3 = np.percentile(values, [25, 50, 75])
        rows.append(
            {
                "ring": ring,
                "n": len(values),
                "median_minutes": median,
                "q1_minutes": q1,
                "q3_minutes": q3,
            }  # fmt: skip
        )
    order = {ring: i for i, ring in enumerate([*event.meta.ring_ids, "all"])}
    table = pd.DataFrame(rows, columns=["ring", "n", "median_minutes", "q1_minutes", "q3_minutes"])
    return table.sort_values("ring", key=lambda s: s.map(order), ignore_index=True)
