"""A register drawn from a template: every event flags the same share of its ring-hours.

:func:`~sra_analysis.sample.draws.draw_register` draws threats with their own windows and
scores, so how much of an event its SRA rates high differs a lot between events (from a few
percent to a third of the ring-hours in the bundled sample). An SRA written from a
provincial template rates the same share of each day at each level; only where the levels
fall differs. :func:`template_levels` lays out those levels and :func:`draw_template_register`
turns them into register items, in the form ``draw_register`` returns.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sra_analysis.sample import draws
from sra_analysis.sample import vocabulary as vocab
from sra_analysis.sample.truth import LEVEL_NAMES, GroundTruth

__all__ = ["day_hours", "draw_template_register", "template_levels"]

# (likelihood, impact) pairs scoring into each level of the default banding
# (low 1–4, medium 5–9, high 10–14, extreme 15–25); "none" has no item.
_CELLS: dict[int, tuple[tuple[int, int], ...]] = {
    1: ((1, 2), (2, 2), (1, 3), (1, 4), (2, 1)),
    2: ((2, 3), (3, 3), (2, 4), (3, 2), (1, 5)),
    3: ((2, 5), (3, 4), (4, 3), (5, 2)),
    4: ((3, 5), (4, 4), (4, 5), (5, 3), (5, 5)),
}
_KINDS_FOR_RING = {"outer": ("outer", "any", "all"), "middle": ("middle", "any", "all"),
                   "inner": ("inner", "any", "all")}  # fmt: skip


def day_hours(level_hours: Mapping[str, int], length: int) -> np.ndarray:
    """Hours at each level (in :data:`LEVEL_NAMES` order) in a day of ``length`` hours.

    A whole day (24 h) gets ``level_hours``; a shorter last day its share, rounded by
    largest remainder (ties to the lower level), so the hours always add up to ``length``.

    Examples
    --------
    16 × (2, 4, 12, 4, 2) / 24 = (1.33, 2.67, 8, 2.67, 1.33): floors (1, 2, 8, 2, 1) leave
    2 hours, which go to the largest remainders, low and high:

    >>> hours = {"none": 2, "low": 4, "medium": 12, "high": 4, "extreme": 2}
    >>> day_hours(hours, 16).tolist(), day_hours(hours, 24).tolist()
    ([1, 3, 8, 3, 1], [2, 4, 12, 4, 2])
    """
    share = np.array([level_hours[name] for name in LEVEL_NAMES], dtype=float) * length / 24
    whole = np.floor(share + 1e-9).astype(np.int64)
    left = length - int(whole.sum())
    order = np.lexsort((np.arange(share.size), -(share - whole)))
    whole[order[:left]] += 1
    return whole


def template_levels(
    rng: np.random.Generator, level_hours: Mapping[str, int], n_rings: int, hours: int
) -> np.ndarray:
    """Level code of every ring-hour (ring-major): per ring and 24-hour day from the start,
    one block per level with :func:`day_hours` hours, the blocks in a random order.

    Examples
    --------
    >>> hours = {"none": 2, "low": 4, "medium": 12, "high": 4, "extreme": 2}
    >>> levels = template_levels(np.random.default_rng(1), hours, 2, 40)
    >>> levels.shape, np.bincount(levels[:40], minlength=5).tolist()
    ((80,), [3, 7, 20, 7, 3])
    """
    codes = []
    for _ in range(n_rings):
        for first in range(0, hours, 24):
            counts = day_hours(level_hours, min(24, hours - first))
            order = rng.permutation(len(LEVEL_NAMES))
            codes.append(np.repeat(order, counts[order]))
    return np.concatenate(codes) if codes else np.zeros(0, np.int64)


def draw_template_register(
    rng: np.random.Generator,
    level_hours: Mapping[str, int],
    ring_kinds: list[str],
    hours: int,
    truth: GroundTruth,
    planned_on_duty: np.ndarray,
) -> dict[str, np.ndarray]:
    """Register items covering the blocks of :func:`template_levels`, one item per block of
    one level (``none`` blocks have none), each a threat that fits its ring with a
    likelihood × impact in the block's level. Same keys as
    :func:`~sra_analysis.sample.draws.draw_register`, sorted by start and ring."""
    n_rings = len(ring_kinds)
    level = template_levels(rng, level_hours, n_rings, hours).reshape(n_rings, hours)
    edge = np.ones((n_rings, hours), dtype=bool)
    edge[:, 1:] = level[:, 1:] != level[:, :-1]
    edge[:, np.arange(24, hours, 24)] = True  # a new day starts new blocks
    ring, start = np.nonzero(edge)
    block_level = level[ring, start]
    ends = np.append(start[1:], hours)
    end = np.where(np.append(ring[1:], -1) == ring, ends, hours)
    keep = block_level > 0
    ring, start, end, block_level = ring[keep], start[keep], end[keep], block_level[keep]
    n_items = ring.size

    threat_kind = np.array([threat[2] for threat in vocab.THREATS])
    template = np.empty(n_items, np.int64)
    likelihood = np.empty(n_items, np.int64)
    impact = np.empty(n_items, np.int64)
    for index in range(n_items):
        fits = np.flatnonzero(np.isin(threat_kind, _KINDS_FOR_RING[ring_kinds[ring[index]]]))
        template[index] = rng.choice(fits)
        cells = _CELLS[int(block_level[index])]
        likelihood[index], impact[index] = cells[int(rng.integers(0, len(cells)))]
    probability = draws.forecast_probability(rng, block_level, truth)

    order = np.lexsort((ring, start))
    columns = {
        "template": template, "ring": ring.astype(np.int64), "start": start, "end": end,
        "likelihood": likelihood, "impact": impact, "score": likelihood * impact,
        "probability": probability,
        "planned_personnel": np.maximum(1, np.rint(planned_on_duty[ring])).astype(np.int64),
        "blank_window": np.zeros(n_items, dtype=bool),
    }  # fmt: skip
    register = {key: value[order] for key, value in columns.items()}
    register["risk_id"] = np.array(draws.running_codes("R", n_items, 2), object)
    register["threat"] = np.array([t[1] for t in vocab.THREATS], object)[register["template"]]
    register["mitigation"] = np.array([t[6] for t in vocab.THREATS], object)[register["template"]]
    return register
