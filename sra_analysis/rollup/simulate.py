"""Pooled roll-up tables simulated with numpy from known values, for tests and benchmarks.

Not the sample generator (:mod:`sra_analysis.sample`, which writes whole event folders): this
draws the three pooled tables of :func:`~sra_analysis.rollup.artefacts.pool_tables` directly,
so the roll-up's analysis can be checked against planted truths at any scale.

The world simulated: every event runs ``hours`` ring-hours per ring from 07:00 on day 1. Each
ring-hour is covered by a register cell drawn at random (independent of the hour), or by none.
Incidents per ring-hour are Poisson with mean
``base × level_ratio ** rank × exp(u_event + b_event × rank) × hot(ring, hour) × cell_boost``,
``u_event ~ N(0, event_sd)``, ``b_event ~ N(0, slope_sd)``; each incident disrupts with
probability ``disruption_share``. One incident category is never anticipated by any SRA item,
the rest are with probability ``anticipated_share``; one register threat never materialises.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sra_analysis.levels import RiskLevels

__all__ = ["PlantedTruth", "simulate_pooled"]

#: Rings numbered as Polri numbers them, from the inside out.
RING_NAMES = {"1": "Plenary room", "2": "Inside the building", "3": "Outside the fence"}
CATEGORIES = ("crowd", "protest", "medical", "theft", "drone")
THREATS = ("crowd", "protest", "medical", "theft", "cyberattack")


@dataclass(frozen=True)
class PlantedTruth:
    """The values :func:`simulate_pooled` planted."""

    level_ratio: float = 2.0
    event_sd: float = 0.3
    slope_sd: float = 0.0
    base_rate: float = 0.05
    disruption_share: float = 0.25
    hot_ring: str = "1"
    hot_hours: tuple[int, ...] = (12, 13, 14, 15, 16, 17)
    hot_ratio: float = 3.0
    missed_category: str = "drone"
    missed_share_of_incidents: float = 0.1
    anticipated_share: float = 0.8
    never_threat: str = "cyberattack"
    boosted_cell: tuple[int, int] = (2, 4)  # likelihood, impact: score 8, banded medium
    cell_boost: float = 4.0
    staff: float = 15.0
    cells: tuple[tuple[int, int], ...] = field(
        default=((1, 2), (2, 2), (1, 4), (2, 3), (3, 3), (2, 4), (3, 4), (2, 5), (4, 4), (5, 5))
    )


def simulate_pooled(
    *, events: int = 40, hours: int = 48, seed: int = 0, truth: PlantedTruth | None = None
) -> dict[str, pd.DataFrame]:
    """Draw pooled ``windows``, ``incidents`` and ``register`` tables from ``truth``.

    Returns
    -------
    dict of str to DataFrame
        As :func:`~sra_analysis.rollup.artefacts.pool_tables` returns, with the columns the
        analysis reads (windows of one hour; incidents' ``time`` is left out).

    Examples
    --------
    >>> tables = simulate_pooled(events=2, hours=24, seed=1)
    >>> len(tables["windows"]), sorted(tables)
    (144, ['incidents', 'register', 'windows'])
    """
    truth = truth or PlantedTruth()
    rng = np.random.default_rng(seed)
    bands = RiskLevels.from_mapping(None)
    rings = np.array(list(RING_NAMES))
    n = events * len(rings) * hours
    event = np.repeat(np.arange(events), len(rings) * hours)
    ring = np.tile(np.repeat(rings, hours), events)
    step = np.tile(np.arange(hours), events * len(rings))
    hour = (7 + step) % 24
    day = (7 + step) // 24 + 1

    cells = np.array(truth.cells)
    covered = rng.random(n) > 0.1
    pick = rng.integers(0, len(cells), n)
    likelihood = np.where(covered, cells[pick, 0], 0)
    impact = np.where(covered, cells[pick, 1], 0)
    score = likelihood * impact
    level = np.asarray(bands.level_of(score).astype(str))
    rank = np.asarray(bands.level_of(score).codes, dtype=np.int64)

    u = rng.normal(0.0, truth.event_sd, events)
    b = rng.normal(0.0, truth.slope_sd, events)
    hot = np.where((ring == truth.hot_ring) & np.isin(hour, truth.hot_hours), truth.hot_ratio, 1)
    boost = np.where(
        (likelihood == truth.boosted_cell[0]) & (impact == truth.boosted_cell[1]),
        truth.cell_boost, 1.0,
    )  # fmt: skip
    mean = (
        truth.base_rate * truth.level_ratio ** rank * np.exp(u[event] + b[event] * rank)
        * hot * boost
    )  # fmt: skip
    incidents = rng.poisson(mean)
    disruptions = rng.binomial(incidents, truth.disruption_share)
    flagged = rank >= 3
    windows = pd.DataFrame(
        {
            "event_id": np.char.add("event-", event.astype(str)),
            "ring": ring,
            "ring_name": pd.Series(ring).map(RING_NAMES).to_numpy(),
            "hours": 1.0,
            "predicted_score": score,
            "predicted_level": level,
            "level_rank": rank,
            "likelihood": pd.array(np.where(covered, likelihood, 0), dtype="Int64"),
            "impact": pd.array(np.where(covered, impact, 0), dtype="Int64"),
            "incidents": incidents,
            "disruptions": disruptions,
            "officer_hours": truth.staff,
            "flagged": flagged,
            "observed": disruptions > 0,
            "hour": hour,
            "day": day,
        }
    )
    windows.loc[~covered, ["likelihood", "impact"]] = pd.NA

    # incidents: one row per incident, its disruption flag drawn to match the window's count
    row = np.repeat(np.arange(n), incidents)
    order = rng.permutation(len(row))
    first = np.argsort(row[order], kind="stable")
    row = row[order][first]
    rank_in_window = np.arange(len(row)) - np.repeat(np.cumsum(incidents) - incidents, incidents)
    disruption = rank_in_window < disruptions[row]
    missed = rng.random(len(row)) < truth.missed_share_of_incidents
    others = [c for c in CATEGORIES if c != truth.missed_category]
    category = np.where(
        missed, truth.missed_category, np.array(others)[rng.integers(0, 4, len(row))]
    )
    anticipated = ~missed & (rng.random(len(row)) < truth.anticipated_share)
    incident_table = pd.DataFrame(
        {
            "event_id": windows["event_id"].to_numpy()[row],
            "ring": ring[row],
            "hour": hour[row],
            "day": day[row],
            "category": category,
            "severity": np.where(disruption, 4, rng.integers(1, 4, len(row))),
            "disruption": disruption,
            "anticipated": anticipated,
            "flagged": flagged[row],
        }
    )

    # register: each event rates every threat once per ring, at a level drawn from the cells
    n_items = events * len(rings) * len(THREATS)
    item_cell = cells[rng.integers(0, len(cells), n_items)]
    item_score = item_cell[:, 0] * item_cell[:, 1]
    register = pd.DataFrame(
        {
            "event_id": np.char.add(
                "event-", np.repeat(np.arange(events), len(rings) * len(THREATS)).astype(str)
            ),
            "risk_id": np.tile(
                np.char.add("R", np.arange(len(rings) * len(THREATS)).astype(str)), events
            ),
            "threat": np.tile(np.array(THREATS), events * len(rings)),
            "ring": np.tile(np.repeat(rings, len(THREATS)), events),
            "likelihood": item_cell[:, 0],
            "impact": item_cell[:, 1],
            "score": item_score,
            "level": np.asarray(bands.level_of(item_score).astype(str)),
        }
    )
    linked = incident_table[incident_table["anticipated"]]
    counts = linked.groupby(["event_id", "ring", "category"]).agg(
        incidents=("disruption", "size"), disruptions=("disruption", "sum")
    )
    register = register.join(counts, on=["event_id", "ring", "threat"])
    register[["incidents", "disruptions"]] = (
        register[["incidents", "disruptions"]].fillna(0).astype(np.int64)
    )
    return {"windows": windows, "incidents": incident_table, "register": register}
