"""Generate one synthetic event: roster, SRA register and incidents, all with numpy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sra_analysis.errors import ParameterError
from sra_analysis.event import event_id_problem, resolve_timezone
from sra_analysis.levels import DEFAULT_RISK_BANDS
from sra_analysis.sample import draws, frames, template
from sra_analysis.sample import vocabulary as vocab
from sra_analysis.sample.episodes import EPISODE_KINDS, draw_episodes
from sra_analysis.sample.truth import DEFAULT_GROUND_TRUTH, LEVEL_NAMES, GroundTruth

__all__ = [
    "INCIDENT_COLUMNS",
    "RISK_REGISTER_COLUMNS",
    "STAFFING_COLUMNS",
    "SyntheticEvent",
    "generate_event",
]

INCIDENT_COLUMNS: tuple[str, ...] = (
    "incident_id", "reported_at", "ring", "category", "severity", "disrupted_proceedings",
    "occurred_from", "occurred_to", "responded_at", "resolved_at", "risk_id", "description",
)  # fmt: skip
STAFFING_COLUMNS: tuple[str, ...] = (
    "officer_id", "ring", "shift_start", "shift_end", "unit", "role",
)  # fmt: skip
RISK_REGISTER_COLUMNS: tuple[str, ...] = (
    "risk_id", "threat", "ring", "likelihood", "impact", "window_start", "window_end",
    "probability", "planned_personnel", "mitigation",
)  # fmt: skip

_ROMAN = ("i", "ii", "iii", "iv", "v")


@dataclass(frozen=True, eq=False)
class SyntheticEvent:
    """A generated event in the shape of the data contract, with the truth it was made from.

    Attributes
    ----------
    meta : dict
        The content of ``event.yaml``.
    incidents, staffing, risk_register : DataFrame
        Contract columns (:data:`INCIDENT_COLUMNS`, :data:`STAFFING_COLUMNS`,
        :data:`RISK_REGISTER_COLUMNS`), ring ids as text, tz-aware timestamps in the event zone.
    ground_truth : GroundTruth
        The planted rates and effects.
    planted : dict
        Generator arguments and derived planted quantities: ``planned_on_duty`` per ring id
        (the staffing the rate refers to), ``rate_scale`` (1 unless ``n_incidents`` was
        given), ``expected_incidents``, and with episodes ``episodes`` (one dict per episode:
        ``ring``, ``start``, ``end``, ``kind`` onset/spill/flare, ``parent``) and
        ``episode_ring_hours``.
    planted_windows : DataFrame
        One row per ring × hour: ``ring``, ``window_start``, ``window_end``,
        ``predicted_score``, ``predicted_level``, ``mean_staff``, ``planned_on_duty``,
        ``expected_incidents`` (given the episodes), ``incidents`` — what ``review_windows``
        should find.
    """

    meta: dict
    incidents: pd.DataFrame
    staffing: pd.DataFrame
    risk_register: pd.DataFrame
    ground_truth: GroundTruth
    planted: dict
    planted_windows: pd.DataFrame


def generate_event(
    *,
    seed: int,
    event_id: str = "synthetic-2024",
    name: str = "Rapat Pleno Rekapitulasi (sintetis)",
    venue: str = "Kantor KPU (sintetis)",
    days: float = 3.0,
    n_officers: int = 50,
    rings: int = 3,
    ring_order: str = "inside_out",
    n_risks: int = 15,
    ground_truth: GroundTruth = DEFAULT_GROUND_TRUTH,
    shift_hours: int = 8,
    timezone: str = "Asia/Jakarta",
    start: str | dt.datetime = "2024-03-01T07:00",
    n_incidents: int | None = None,
    planned_personnel: int | None = None,
) -> SyntheticEvent:
    """Generate a synthetic security operation with a planted ground truth.

    Officers are split over the rings (outer rings get more) and into
    ``24 / shift_hours + 1`` teams; the k-th shift from the start is worked by team
    ``k mod teams``, so each officer rests 24 h between shifts, and each ring-shift is
    under-staffed with chance ``ground_truth.understaffed_share``. The register has 1–3
    whole-event baseline items (scored at most medium) and time-limited items of 2–12 h.
    Incidents are drawn per ring × hour from the planted rate (see :mod:`sra_analysis.sample`),
    modulated by episodes of unrest unless ``ground_truth.episodes`` is None.

    Parameters
    ----------
    seed : int
        Everything follows from ``numpy.random.default_rng(seed)``.
    event_id, name, venue : str
        As written in ``event.yaml``; ``event_id`` must be a lower-case slug.
    days : float
        Duration; the event lasts ``round(days * 24)`` whole hours.
    n_officers : int
        Officers on the roster; the number of shift rows is about
        ``n_officers * hours / (24 + shift_hours) * attendance`` (0.9 shifts per officer
        and day for 8-hour shifts).
    rings : int
        Number of rings, 1–5.
    ring_order : {"inside_out", "outside_in"}
        Whether ring ``"1"`` is the innermost ring, as Polri numbers rings, or the
        outermost, as some units do; every ring carries its ``zone`` either way.
    n_risks : int
        Rows of the risk register (unless ``ground_truth.level_hours`` lays out the register
        from a template, one row per block of one level).
    ground_truth : GroundTruth
        The planted truth.
    shift_hours : int
        Shift length; must divide 24 (8 gives 07–15, 15–23, 23–07 for a 07:00 start).
    timezone : str
        IANA zone or WIB/WITA/WIT, written to ``event.yaml`` as given.
    start : str or datetime
        Local start time, on a whole minute.
    n_incidents : int, optional
        Draw exactly this many incidents, spread over ring-hours in proportion to the
        planted rates (which keeps rate ratios, not absolute rates).
    planned_personnel : int, optional
        Planned strength (default ``n_officers``); more than ``n_officers`` means the whole
        operation ran short, which the staffing effect sees.

    Returns
    -------
    SyntheticEvent

    Examples
    --------
    >>> event = generate_event(seed=7, days=1, n_officers=30, n_risks=6)
    >>> event.meta["start"], event.meta["end"], event.meta["planned_personnel"]
    ('2024-03-01T07:00', '2024-03-02T07:00', 30)
    >>> list(event.staffing.columns)
    ['officer_id', 'ring', 'shift_start', 'shift_end', 'unit', 'role']
    >>> str(event.incidents["reported_at"].dtype)
    'datetime64[us, Asia/Jakarta]'
    >>> sorted(event.staffing["ring"].unique())
    ['1', '2', '3']
    """
    hours = _check_arguments(
        event_id=event_id, days=days, n_officers=n_officers, rings=rings,
        ring_order=ring_order, n_risks=n_risks, shift_hours=shift_hours,
        n_incidents=n_incidents, planned_personnel=planned_personnel,
    )  # fmt: skip
    zone = resolve_timezone(timezone)
    clock = frames.Clock(_start_time(start, zone), zone)
    rng_staff, rng_register, rng_incidents, rng_episodes = np.random.default_rng(seed).spawn(4)
    ring_meta = _ring_meta(rings, ring_order)  # outermost first
    ring_ids = np.array([ring["id"] for ring in ring_meta], dtype=object)
    ring_kinds = [vocab.RING_POOL[i][3] for i in vocab.RING_SELECTION[rings]]
    n_teams = draws.shift_teams(shift_hours)

    roster = draws.draw_roster(rng_staff, n_officers, ring_kinds, hours, shift_hours, ground_truth)
    planned_total = n_officers if planned_personnel is None else planned_personnel
    planned_on_duty = planned_total * roster["ring_counts"] / n_officers / n_teams
    if ground_truth.level_hours is None:
        register = draws.draw_register(
            rng_register, n_risks, ring_kinds, hours, ground_truth, planned_on_duty
        )
    else:
        register = template.draw_template_register(
            rng_register, ground_truth.level_hours, ring_kinds, hours, ground_truth,
            planned_on_duty,
        )  # fmt: skip
    cover = draws.predicted_scores(register, rings, hours)

    # The planted rate of each ring-hour (ring-major).
    rates = np.array([ground_truth.rate_by_level[name] for name in LEVEL_NAMES])
    ratio = np.clip(
        roster["mean_staff"] / planned_on_duty[:, None], *ground_truth.staffing_ratio_bounds
    ).ravel()
    expected = rates[cover["level"]] * ratio ** (-ground_truth.staffing_elasticity)
    episodes = None
    if ground_truth.episodes is not None:  # clustering in time and across rings, mean kept
        episodes = draw_episodes(rng_episodes, rings, hours, ground_truth.episodes)
        expected = expected * episodes["multiplier"].ravel()
    if n_incidents is None:
        scale, counts = 1.0, rng_incidents.poisson(expected)
    elif expected.sum() > 0:
        scale = n_incidents / expected.sum()
        counts = rng_incidents.multinomial(n_incidents, expected / expected.sum())
    else:
        raise ParameterError("n_incidents needs a positive planted rate somewhere")
    incidents = draws.draw_incidents(rng_incidents, counts, cover, register, hours, ground_truth)

    display = np.argsort(ring_ids.astype(int), kind="stable")  # ring positions in id order
    planted_windows = frames.planted_windows(
        display, hours, ring_ids, cover, roster["mean_staff"], planned_on_duty,
        expected * scale, counts, clock,
    )  # fmt: skip
    incident_frame = frames.incident_frame(incidents, register, ring_ids, clock)
    staffing_frame = frames.staffing_frame(roster, ring_ids, clock)
    meta = {
        "id": event_id,
        "name": name,
        "venue": venue,
        "timezone": timezone,
        "start": clock.start.strftime("%Y-%m-%dT%H:%M"),
        "end": (clock.start + pd.Timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M"),
        "planned_personnel": int(planned_total),
        "rings": [ring_meta[i] for i in display],
        "risk_levels": {name: list(band) for name, band in DEFAULT_RISK_BANDS.items()},
        "flag_level": "high",
        "disruption_severity": 4,
    }
    planted = {
        "seed": int(seed),
        "parameters": {
            "days": float(days),
            "hours": hours,
            "n_officers": n_officers,
            "rings": rings,
            "ring_order": ring_order,
            "n_risks": n_risks,
            "shift_hours": shift_hours,
            "timezone": timezone,
            "start": meta["start"],
            "n_incidents": n_incidents,
            "planned_personnel": planned_personnel,
        },
        "planned_on_duty": {str(ring_ids[i]): round(float(planned_on_duty[i]), 6) for i in display},
        "shift_teams": n_teams,
        "rate_scale": float(scale),
        "expected_incidents": round(float(expected.sum() * scale), 6),
        "incidents": len(incident_frame),
        "disruptions": int(incident_frame["disrupted_proceedings"].sum()),
        "shift_rows": len(staffing_frame),
    }
    if ground_truth.level_hours is not None:  # n_risks did not apply
        planted["register_items_from_template"] = int(register["risk_id"].size)
    if episodes is not None:
        planted["episodes"] = _episode_records(episodes, ring_ids, clock)
        planted["episode_ring_hours"] = int(episodes["active"].sum())
    return SyntheticEvent(
        meta=meta,
        incidents=incident_frame,
        staffing=staffing_frame,
        risk_register=frames.register_frame(register, ring_ids, clock),
        ground_truth=ground_truth,
        planted=planted,
        planted_windows=planted_windows,
    )


# ----------------------------------------------------------------------------- frames


def _episode_records(episodes: dict, ring_ids: np.ndarray, clock: frames.Clock) -> list[dict]:
    """The planted episodes as JSON-ready rows: ring id, start, end, kind, parent row."""
    starts = clock.stamp(episodes["start"] * 60)
    ends = clock.stamp(episodes["end"] * 60)
    return [
        {
            "ring": str(ring_ids[ring]),
            "start": start.isoformat(),
            "end": end.isoformat(),
            "kind": EPISODE_KINDS[kind],
            "parent": int(parent) if parent >= 0 else None,
        }
        for ring, start, end, kind, parent in zip(
            episodes["ring"], starts, ends, episodes["kind"], episodes["parent"], strict=True
        )
    ]


def _ring_meta(rings: int, ring_order: str) -> list[dict]:
    """``event.yaml`` ring entries, outermost first, numbered by ``ring_order``, each with
    its zone; the alias ``ring <roman>`` follows the number.

    Examples
    --------
    >>> [(r["id"], r["name"], r["zone"], r["aliases"][0]) for r in _ring_meta(2, "inside_out")]
    [('2', 'Outside the fence', 'perimeter', 'ring ii'), ('1', 'Plenary room', 'core', 'ring i')]
    """
    entries = []
    for position, pool_index in enumerate(vocab.RING_SELECTION[rings]):
        name, name_id, short, _, zone = vocab.RING_POOL[pool_index]
        number = position + 1 if ring_order == "outside_in" else rings - position
        aliases = [f"ring {_ROMAN[number - 1]}", name_id.lower(), short]
        entries.append(
            {"id": str(number), "name": name, "name_id": name_id, "zone": zone, "aliases": aliases}
        )
    return entries


def _start_time(start: str | dt.datetime, zone: str) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(start)
    except (TypeError, ValueError):
        raise ParameterError(
            f"start must be a time like '2024-03-01T07:00', got {start!r}"
        ) from None
    stamp = stamp.tz_localize(zone) if stamp.tzinfo is None else stamp.tz_convert(zone)
    if stamp != stamp.floor("min"):
        raise ParameterError(f"start must fall on a whole minute, got {start!r}")
    return stamp


def _check_arguments(
    *, event_id, days, n_officers, rings, ring_order, n_risks, shift_hours, n_incidents,
    planned_personnel,
) -> int:  # fmt: skip
    """Validate generate_event's arguments; return the duration in whole hours."""
    if not isinstance(event_id, str):
        raise ParameterError(f"event_id must be a text, got {event_id!r}")
    problem = event_id_problem(event_id)
    if problem:
        raise ParameterError(f"event_id {problem}")
    if ring_order not in ("inside_out", "outside_in"):
        raise ParameterError(
            f"ring_order must be one of ['inside_out', 'outside_in'], got {ring_order!r}"
        )
    if rings not in vocab.RING_SELECTION:
        raise ParameterError(f"rings must be one of {list(vocab.RING_SELECTION)}, got {rings!r}")
    if shift_hours not in (1, 2, 3, 4, 6, 8, 12, 24):
        raise ParameterError(f"shift_hours must divide 24 (e.g. 8 or 12), got {shift_hours!r}")
    hours = int(round(float(days) * 24))
    if hours < 1:
        raise ParameterError(f"days must give at least one hour, got {days!r}")
    teams = draws.shift_teams(shift_hours)
    if n_officers < rings * teams:
        raise ParameterError(
            f"n_officers must be at least rings × shift teams = {rings} × {teams}, "
            f"got {n_officers!r}"
        )
    if n_risks < 0 or (n_incidents is not None and n_incidents < 0):
        raise ParameterError(f"n_risks and n_incidents must be ≥ 0, got {n_risks}, {n_incidents}")
    if planned_personnel is not None and planned_personnel < 1:
        raise ParameterError(f"planned_personnel must be ≥ 1, got {planned_personnel!r}")
    return hours
