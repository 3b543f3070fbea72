"""The random draws behind :func:`~sra_analysis.sample.generate_event`, all vectorised.

Everything works on integer codes: rings by position from the outermost (0) inwards, times in
minutes (incidents, shifts) or hours (register windows) from the event start. Turning codes
into text and timestamps is :mod:`sra_analysis.sample.generate`'s job.
"""

from __future__ import annotations

import numpy as np

from sra_analysis.errors import ParameterError
from sra_analysis.levels import DEFAULT_RISK_BANDS
from sra_analysis.sample import vocabulary as vocab
from sra_analysis.sample.truth import LEVEL_NAMES, GroundTruth

__all__ = [
    "CATEGORIES",
    "DESCRIPTIONS",
    "draw_incidents",
    "draw_register",
    "draw_roster",
    "forecast_probability",
    "predicted_scores",
    "running_codes",
    "shift_teams",
]

_SPAN_HOURS = np.array([2, 3, 4, 6, 8, 12])  # durations of time-limited register items
_REASSIGNED_SHARE = 0.03  # officer-shifts moved to another ring
_LATE_SHARE = 0.08  # officer-shifts starting 5–60 min late
_UNRESOLVED_SHARE = 0.05  # incidents without resolved_at
_LEVEL_LOWS = [low for low, _ in DEFAULT_RISK_BANDS.values()]
_THREAT_CATEGORIES = tuple(dict.fromkeys(t[0] for t in vocab.THREATS))

#: Incident categories: those of the SRA threats, then the unanticipated ones.
CATEGORIES: tuple[str, ...] = (*_THREAT_CATEGORIES, *vocab.UNANTICIPATED_CATEGORIES)
#: All incident descriptions, category by category.
DESCRIPTIONS = np.array([d for c in CATEGORIES for d in vocab.CATEGORY_DESCRIPTIONS[c]], object)
_DESCRIPTION_COUNT = np.array([len(vocab.CATEGORY_DESCRIPTIONS[c]) for c in CATEGORIES])
_DESCRIPTION_FIRST = np.cumsum(_DESCRIPTION_COUNT) - _DESCRIPTION_COUNT


def shift_teams(shift_hours: int) -> int:
    """Teams in the rotation: one more than shifts per day, so each gets 24 h of rest."""
    return 24 // shift_hours + 1


def draw_roster(
    rng: np.random.Generator,
    n_officers: int,
    ring_kinds: list[str],
    hours: int,
    shift_hours: int,
    truth: GroundTruth,
) -> dict[str, np.ndarray]:
    """Roster of rotating shifts; returns per-officer and per-shift arrays and mean staff."""
    n_rings, n_teams = len(ring_kinds), shift_teams(shift_hours)
    weights = np.arange(n_rings, 0, -1) + 1.0  # outer rings get more officers
    ring_counts = np.floor(n_officers * weights / weights.sum()).astype(np.int64)
    ring_counts[: n_officers - ring_counts.sum()] += 1
    officer_ring = np.repeat(np.arange(n_rings), ring_counts)
    team = _within(ring_counts) % n_teams  # each ring's officers dealt round the teams

    officer_unit = _draw_weighted(
        rng, officer_ring, [vocab.UNITS_BY_RING_KIND[k] for k in ring_kinds]
    )
    officer_role = _draw_weighted(rng, np.zeros(n_officers, np.int64), [vocab.ROLES])
    officer_id = _nrp_numbers(rng, n_officers)

    # Slot k of shift_hours from the start is worked by team k mod n_teams.
    slot = np.arange(-(-hours // shift_hours))
    slot_team = slot % n_teams
    members = np.argsort(team, kind="stable")
    team_sizes = np.bincount(team, minlength=n_teams)
    team_first = np.cumsum(team_sizes) - team_sizes
    sizes = team_sizes[slot_team]
    row_slot = np.repeat(slot, sizes)
    row_officer = members[team_first[slot_team[row_slot]] + _within(sizes)]
    n_rows = row_officer.size

    row_ring = officer_ring[row_officer]
    if n_rings > 1:
        moved = rng.random(n_rows) < _REASSIGNED_SHARE
        row_ring = np.where(
            moved, (row_ring + rng.integers(1, n_rings, n_rows)) % n_rings, row_ring
        )
    short = rng.random((slot.size, n_rings)) < truth.understaffed_share
    attendance = np.where(
        short, rng.uniform(*truth.understaffed_attendance, (slot.size, n_rings)), truth.attendance
    )
    present = rng.random(n_rows) < attendance[row_slot, row_ring]
    late = np.where(rng.random(n_rows) < _LATE_SHARE, rng.integers(5, 61, n_rows), 0)
    start = row_slot * shift_hours * 60 + late
    end = np.minimum((row_slot + 1) * shift_hours * 60, hours * 60)
    keep = present & (end > start)
    start, end, row_ring, row_officer = start[keep], end[keep], row_ring[keep], row_officer[keep]
    order = np.lexsort((row_officer, row_ring, start))

    # Mean headcount per ring-hour, from a minute-resolution sweep over shift starts and ends.
    width = hours * 60 + 1
    change = np.bincount(row_ring * width + start, minlength=n_rings * width) - np.bincount(
        row_ring * width + end, minlength=n_rings * width
    )
    on_duty = np.cumsum(change.reshape(n_rings, width), axis=1)[:, :-1]
    return {
        "ring_counts": ring_counts.astype(float),
        "officer_id": officer_id,
        "unit": officer_unit,
        "role": officer_role,
        "officer": row_officer[order],
        "ring": row_ring[order],
        "start": start[order],
        "end": end[order],
        "mean_staff": on_duty.reshape(n_rings, hours, 60).mean(axis=2),
    }


def draw_register(
    rng: np.random.Generator,
    n_risks: int,
    ring_kinds: list[str],
    hours: int,
    truth: GroundTruth,
    planned_on_duty: np.ndarray,
) -> dict[str, np.ndarray]:
    """SRA rows: 1–3 whole-event baseline items, then time-limited items sorted by start."""
    threats = vocab.THREATS
    n_rings = len(ring_kinds)
    middle = [i for i, kind in enumerate(ring_kinds) if kind == "middle"]
    kind_ring = {"outer": 0, "inner": n_rings - 1, "middle": (middle or [n_rings - 1])[-1]}
    kind_ring |= {"all": -1, "any": -2}
    baseline = np.flatnonzero([t[5] for t in threats])
    n_whole = min(n_risks, int(rng.integers(1, 4)))
    n_span = n_risks - n_whole
    template = np.concatenate(
        [
            rng.choice(baseline, n_whole, replace=n_whole > baseline.size),
            rng.permutation(len(threats))[: min(n_span, len(threats))],
            rng.integers(0, len(threats), max(0, n_span - len(threats))),
        ]
    ).astype(np.int64)
    whole = np.arange(n_risks) < n_whole

    ring = np.array([kind_ring[t[2]] for t in threats], np.int64)[template]
    u, random_ring = rng.random(n_risks), rng.integers(0, n_rings, n_risks)
    ring = np.where((ring == -2) | ((u >= 0.1) & (u < 0.2)), random_ring, ring)
    ring = np.where(u < 0.1, -1, ring)
    start = np.where(whole, 0, rng.integers(0, hours, n_risks))
    end = np.where(whole, hours, np.minimum(start + rng.choice(_SPAN_HOURS, n_risks), hours))

    likelihood = np.array([t[3] for t in threats])[template] + rng.integers(-1, 2, n_risks)
    likelihood = np.clip(likelihood + (~whole & (rng.random(n_risks) < 0.4)), 1, 5)
    impact = np.array([t[4] for t in threats])[template]
    impact = np.clip(
        impact + np.where(rng.random(n_risks) < 0.3, rng.integers(-1, 2, n_risks), 0), 1, 5
    )
    likelihood = np.where(whole, np.minimum(likelihood, 9 // impact), likelihood)  # ≤ medium
    score = likelihood * impact
    level = np.searchsorted(_LEVEL_LOWS, score, "right")

    probability = forecast_probability(rng, level, truth)
    planned = np.where(ring < 0, planned_on_duty.sum(), planned_on_duty[np.maximum(ring, 0)])
    blank_window = whole & (rng.random(n_risks) < 0.5)

    order = np.lexsort((ring, start, ~whole))
    columns = {
        "template": template, "ring": ring, "start": start, "end": end,
        "likelihood": likelihood, "impact": impact, "score": score, "probability": probability,
        "planned_personnel": np.maximum(1, np.rint(planned)).astype(np.int64),
        "blank_window": blank_window,
    }  # fmt: skip
    register = {key: value[order] for key, value in columns.items()}
    register["risk_id"] = np.array(running_codes("R", n_risks, 2), object)
    register["threat"] = np.array([t[1] for t in threats], object)[register["template"]]
    register["mitigation"] = np.array([t[6] for t in threats], object)[register["template"]]
    return register


def forecast_probability(
    rng: np.random.Generator, level: np.ndarray, truth: GroundTruth
) -> np.ndarray:
    """Register ``probability`` of items at ``level`` (codes): the planted chance of a
    disruption in a ring-hour of the level, with normal noise on the log-odds."""
    base = np.array([truth.window_probability(name) for name in LEVEL_NAMES])[level]
    base = np.clip(base, 1e-4, 1 - 1e-4)
    logit = np.log(base / (1 - base)) + rng.normal(0, truth.probability_noise, level.size)
    return np.clip(np.round(1 / (1 + np.exp(-logit)), 4), 1e-4, 0.999)


def predicted_scores(register: dict[str, np.ndarray], n_rings: int, hours: int) -> dict:
    """Which register rows cover each ring-hour, and the ring-hour's score and level code.

    Ring-hours are numbered ring-major (``ring * hours + hour``). Returns ``pair_row`` (the
    covering rows, grouped by ring-hour in order), ``n_cover`` (rows per ring-hour),
    ``score`` (max likelihood × impact of the covering rows, 0 when none) and ``level``
    (index into :data:`LEVEL_NAMES`). Memory grows with the covered ring-hours, not with
    ring-hours × rows.
    """
    ring, start, end = register["ring"], register["start"], register["end"]
    # One entry per (row, ring): "all" rows expand to every ring.
    n_row_rings = np.where(ring < 0, n_rings, 1)
    entry_row = np.repeat(np.arange(ring.size), n_row_rings)
    entry_k = _within(n_row_rings)
    entry_ring = np.where(ring[entry_row] < 0, entry_k, ring[entry_row])
    # One pair per (row, ring, hour) in the row's window.
    duration = (end - start)[entry_row]
    pair_row = np.repeat(entry_row, duration)
    pair_cell = np.repeat(entry_ring, duration) * hours + start[pair_row] + _within(duration)
    order = np.lexsort((pair_row, pair_cell))
    pair_row, pair_cell = pair_row[order], pair_cell[order]
    score = np.zeros(n_rings * hours, np.int64)
    np.maximum.at(score, pair_cell, register["score"][pair_row])
    return {
        "pair_row": pair_row,
        "n_cover": np.bincount(pair_cell, minlength=n_rings * hours),
        "score": score,
        "level": np.searchsorted(_LEVEL_LOWS, score, "right"),
    }


def draw_incidents(
    rng: np.random.Generator,
    counts: np.ndarray,
    cover: dict[str, np.ndarray],
    register: dict[str, np.ndarray],
    hours: int,
    truth: GroundTruth,
) -> dict[str, np.ndarray]:
    """Expand per-ring-hour counts into incidents with times, severity and an SRA link."""
    cell = np.repeat(np.arange(counts.size), counts)
    n = cell.size
    minute = (cell % hours) * 60 + rng.integers(0, 60, n)
    cell_level = cover["level"][cell]
    severity_p = np.array([truth.severity_p_by_level[name] for name in LEVEL_NAMES])
    severity = 1 + rng.binomial(4, severity_p[cell_level])
    disrupted = rng.random(n) < np.asarray(truth.disruption_probability)[severity - 1]

    # Link to one covering register item, picked uniformly, unless unanticipated.
    n_cover = cover["n_cover"]
    first = np.cumsum(n_cover) - n_cover
    pair_row = np.append(cover["pair_row"], -1)  # -1: "no item" sentinel
    pick = first[cell] + np.floor(rng.random(n) * n_cover[cell]).astype(np.int64)
    linked = (n_cover[cell] > 0) & (rng.random(n) >= truth.unanticipated_share)
    risk_row = np.where(linked, pair_row[np.where(linked, pick, -1)], -1)
    threat_category = np.array([CATEGORIES.index(t[0]) for t in vocab.THREATS])
    other = np.where(
        rng.random(n) < 0.5,
        len(_THREAT_CATEGORIES) + rng.integers(0, len(vocab.UNANTICIPATED_CATEGORIES), n),
        rng.integers(0, len(_THREAT_CATEGORIES), n),
    )
    template = np.append(register["template"], 0)  # index -1 lands on the padding
    category = np.where(linked, threat_category[template[risk_row]], other)
    description = _DESCRIPTION_FIRST[category] + np.floor(
        rng.random(n) * _DESCRIPTION_COUNT[category]
    ).astype(np.int64)

    end = hours * 60
    responded = np.minimum(minute + np.maximum(1, np.rint(rng.gamma(2.0, 2.5, n))), end)
    resolved = np.minimum(
        responded + np.rint(rng.lognormal(np.log(10.0 + 10 * severity), 0.5)), end
    )
    occurred_from = np.maximum(0, minute - rng.integers(15, 181, n))
    occurred_to = np.maximum(occurred_from, minute - rng.integers(0, 16, n))
    unresolved, has_span = rng.random(n) < _UNRESOLVED_SHARE, rng.random(n) < truth.span_share
    if truth.missed_category is not None:  # drawn last: without it, nothing above changes
        missed = rng.random(n) < truth.missed_share
        missed_code = CATEGORIES.index(truth.missed_category)
        category = np.where(missed, missed_code, category)
        risk_row = np.where(missed, -1, risk_row)
        description = np.where(
            missed,
            _DESCRIPTION_FIRST[missed_code]
            + np.floor(rng.random(n) * _DESCRIPTION_COUNT[missed_code]).astype(np.int64),
            description,
        )
    return {
        "ring": cell // hours,
        "minute": minute,
        "severity": severity,
        "disrupted": disrupted,
        "risk_row": risk_row,
        "category": category,
        "description": description,
        "responded": responded.astype(np.int64),
        "resolved": resolved.astype(np.int64),
        "unresolved": unresolved,
        "has_span": has_span,
        "occurred_from": occurred_from,
        "occurred_to": occurred_to,
    }


# ----------------------------------------------------------------------------- helpers


def _draw_weighted(
    rng: np.random.Generator, group: np.ndarray, tables: list[tuple[tuple[str, float], ...]]
) -> np.ndarray:
    """Draw one label per row from the weighted table of the row's group."""
    labels = list(dict.fromkeys(label for table in tables for label, _ in table))
    weights = np.zeros((len(tables), len(labels)))
    for row, table in enumerate(tables):
        for label, weight in table:
            weights[row, labels.index(label)] = weight
    cumulative = np.cumsum(weights / weights.sum(axis=1, keepdims=True), axis=1)
    u = rng.random(group.size)
    index = (u[:, None] >= cumulative[group]).sum(axis=1)
    return np.array(labels, object)[np.minimum(index, len(labels) - 1)]


def _nrp_numbers(rng: np.random.Generator, n: int) -> np.ndarray:
    """Unique 8-digit NRPs as text: birth YYMM + 4 digits; born 2000–2003 → leading 0."""
    years = np.concatenate([np.arange(76, 100), np.arange(0, 4)])
    pool = years.size * 12 * 10_000
    if n > pool:
        raise ParameterError(f"n_officers must be at most {pool}, got {n}")
    code = rng.choice(pool, size=n, replace=False)
    number = years[code // 120_000] * 1_000_000 + (code // 10_000 % 12 + 1) * 10_000 + code % 10_000
    return np.char.zfill(number.astype(str), 8).astype(object)


def running_codes(prefix: str, n: int, min_width: int) -> np.ndarray:
    """``prefix`` + a zero-padded running number 1..n."""
    if n == 0:
        return np.array([], dtype=object)
    width = max(min_width, len(str(n)))
    return np.char.add(prefix, np.char.zfill(np.arange(1, n + 1).astype(str), width))


def _within(sizes: np.ndarray) -> np.ndarray:
    """0..size-1 for each group of ``np.repeat(..., sizes)``."""
    return np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
