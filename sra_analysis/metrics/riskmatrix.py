"""Checks of an SRA risk matrix against Cox (2008).

The SRA scores a threat as ``likelihood x impact`` (each 1..5 by default)
and bands the score into ordered levels, for example::

    {"low": (1, 4), "medium": (5, 9), "high": (10, 14), "extreme": (15, 25)}

Bands are given lowest level first, each as an inclusive ``(min, max)``
range of integer scores; together they must cover ``1 .. L*I`` without gaps
or overlaps. Cox, L. A. (2008), "What's wrong with risk matrices?", *Risk
Analysis* 28(2), 497-512, states axioms a matrix should satisfy to be
consistent with a quantitative risk - here the product ``L x I`` of the cell:

* **weak consistency**: every cell of the top level has a higher risk than
  every cell of the bottom level;
* **betweenness**: a path from a bottom ("green") cell to a top ("red") cell
  passes through an intermediate level; on the grid, no top cell shares an
  edge with a bottom cell (cells touching only at a corner are not flagged);
* **consistent colouring**: cells with equal risk get the same level, which
  banding by score guarantees unless bands overlap.

Cox states the axioms for continuous risk within each cell; using the cell's
product is the discrete version used for SRA matrices.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from sra_analysis.metrics._validation import check_positive_int

__all__ = ["risk_grid", "check_risk_levels", "weak_consistency_violations"]

_COLUMNS = ["rule", "level", "detail"]


def _parse_bands(bands: Any) -> list[tuple[str, int, int]]:
    if not isinstance(bands, Mapping) or len(bands) == 0:
        raise ValueError(
            "`bands` must be a non-empty mapping of level name to an inclusive "
            f"(min, max) score range, but {bands!r} was passed."
        )
    parsed = []
    for level, bounds in bands.items():
        try:
            low, high = bounds
        except (TypeError, ValueError):
            low = high = None
        if not all(_is_int(v) for v in (low, high)) or low > high:
            raise ValueError(
                f"`bands[{level!r}]` must be a pair of integers (min, max) with min <= max, "
                f"but {bounds!r} was passed."
            )
        parsed.append((str(level), int(low), int(high)))
    return parsed


def _is_int(value: Any) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


def _structure_problems(parsed: list[tuple[str, int, int]], top: int) -> list[tuple[str, str, str]]:
    problems: list[tuple[str, str, str]] = []
    for level, low, high in parsed:
        if low < 1 or high > top:
            problems.append(
                ("range", level, f"range ({low}, {high}) reaches outside the scores 1..{top}")
            )
    for (prev, p_low, p_high), (level, low, high) in zip(parsed, parsed[1:], strict=False):
        if low <= p_low or high <= p_high:
            problems.append(
                (
                    "order",
                    level,
                    f"range ({low}, {high}) is not above the range ({p_low}, {p_high}) "
                    f"of the previous level {prev!r}",
                )
            )
    scores = np.arange(1, top + 1)
    holders = [[lv for lv, lo, hi in parsed if lo <= s <= hi] for s in scores]
    for run in _runs([s for s, h in zip(scores, holders, strict=True) if not h]):
        after = [lv for lv, lo, _ in sorted(parsed, key=lambda b: b[1]) if lo > run[-1]]
        level = after[0] if after else max(parsed, key=lambda b: b[2])[0]
        problems.append(("gap", level, f"scores {_span(run)} belong to no level"))
    for i, (level, low, high) in enumerate(parsed):
        for other, o_low, o_high in parsed[i + 1 :]:
            shared_low, shared_high = max(low, o_low), min(high, o_high)
            if shared_low <= shared_high:
                problems.append(
                    (
                        "overlap",
                        other,
                        f"scores {_span([shared_low, shared_high])} belong to both "
                        f"{level!r} and {other!r}",
                    )
                )
    return problems


def _runs(values: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for v in values:
        if runs and v == runs[-1][-1] + 1:
            runs[-1].append(int(v))
        else:
            runs.append([int(v)])
    return runs


def _span(run: list[int]) -> str:
    return f"{run[0]}" if run[0] == run[-1] else f"{run[0]}..{run[-1]}"


def check_risk_levels(
    bands: Mapping[str, tuple[int, int]], *, likelihood_levels: int = 5, impact_levels: int = 5
) -> None:
    """Check that risk bands are ordered and tile the scores without gaps or overlaps.

    Parameters
    ----------
    bands : mapping of str to (int, int)
        Level name to inclusive score range, lowest level first.
    likelihood_levels, impact_levels : int, default 5
        Size of the scales; scores run from 1 to their product.

    Returns
    -------
    None

    Raises
    ------
    ValueError
        Naming each offending level and the scores concerned: a range that is
        not a pair of integers ``min <= max``; a range outside ``1..L*I``; a
        level not strictly above the previous one; scores in no level (gap)
        or in two levels (overlap).

    References
    ----------
    Cox, L. A., Jr. (2008). What's wrong with risk matrices? *Risk Analysis* 28(2), 497-512.
    doi:10.1111/j.1539-6924.2008.01030.x

    Examples
    --------
    >>> check_risk_levels({"low": (1, 4), "medium": (5, 9), "high": (10, 25)})
    >>> check_risk_levels({"low": (1, 4), "medium": (6, 9), "high": (10, 25)})
    Traceback (most recent call last):
    ...
    ValueError: `bands` are inconsistent: gap at level 'medium': scores 5 belong to no level
    """
    top = check_positive_int("likelihood_levels", likelihood_levels) * check_positive_int(
        "impact_levels", impact_levels
    )
    problems = _structure_problems(_parse_bands(bands), top)
    if problems:
        described = "; ".join(f"{rule} at level {level!r}: {d}" for rule, level, d in problems)
        raise ValueError(f"`bands` are inconsistent: {described}")


def risk_grid(
    bands: Mapping[str, tuple[int, int]], *, likelihood_levels: int = 5, impact_levels: int = 5
) -> pd.DataFrame:
    """The cells of the matrix with their score and level.

    Parameters
    ----------
    bands : mapping of str to (int, int)
        Level name to inclusive score range, lowest level first.
    likelihood_levels, impact_levels : int, default 5
        Size of the scales.

    Returns
    -------
    pandas.DataFrame
        One row per cell, likelihood-major: ``likelihood``, ``impact``,
        ``score`` (their product) and ``level`` (the first level whose range
        holds the score, or ``None`` when none does).

    References
    ----------
    Cox, L. A., Jr. (2008). What's wrong with risk matrices? *Risk Analysis* 28(2), 497-512.
    doi:10.1111/j.1539-6924.2008.01030.x

    Examples
    --------
    >>> grid = risk_grid({"low": (1, 4), "high": (5, 25)})
    >>> grid.iloc[[0, 4, 24]]
        likelihood  impact  score level
    0            1       1      1   low
    4            1       5      5  high
    24           5       5     25  high
    """
    n_l = check_positive_int("likelihood_levels", likelihood_levels)
    n_i = check_positive_int("impact_levels", impact_levels)
    parsed = _parse_bands(bands)
    likelihood, impact = np.meshgrid(np.arange(1, n_l + 1), np.arange(1, n_i + 1), indexing="ij")
    score = (likelihood * impact).ravel()
    levels = [next((lv for lv, lo, hi in parsed if lo <= s <= hi), None) for s in score]
    return pd.DataFrame(
        {
            "likelihood": likelihood.ravel(),
            "impact": impact.ravel(),
            "score": score,
            "level": pd.Series(levels, dtype=object),
        }
    )


def weak_consistency_violations(
    bands: Mapping[str, tuple[int, int]], *, likelihood_levels: int = 5, impact_levels: int = 5
) -> pd.DataFrame:
    """List every way a banded L x I matrix breaks Cox's (2008) axioms.

    Parameters
    ----------
    bands : mapping of str to (int, int)
        Level name to inclusive score range, lowest level first.
    likelihood_levels, impact_levels : int, default 5
        Size of the scales.

    Returns
    -------
    pandas.DataFrame
        One row per violation with columns ``rule``, ``level`` and
        ``detail`` (empty, with these columns, when the matrix is
        consistent). Rules, in this order:

        * ``range``, ``order``, ``gap``, ``overlap``: the banding itself is
          malformed (see :func:`check_risk_levels`);
        * ``empty_level``: no cell has a score in the level's range;
        * ``weak_consistency``: a top-level cell whose score does not exceed
          the highest bottom-level score;
        * ``betweenness``: a top-level cell sharing an edge with a
          bottom-level cell (one row per pair);
        * ``consistent_colouring``: a score, hence cells of equal risk,
          assigned to more than one level.

        Weak consistency and betweenness need at least two levels.

    Raises
    ------
    ValueError
        If ``bands`` is not a mapping of names to integer pairs.

    References
    ----------
    Cox, L. A., Jr. (2008). What's wrong with risk matrices? *Risk Analysis* 28(2), 497-512.
    doi:10.1111/j.1539-6924.2008.01030.x

    Examples
    --------
    >>> bands = {"low": (1, 4), "medium": (5, 9), "high": (10, 14), "extreme": (15, 25)}
    >>> weak_consistency_violations(bands).empty
    True
    >>> v = weak_consistency_violations({"low": (1, 5), "medium": (6, 9), "high": (10, 25)})
    >>> v["rule"].tolist()
    ['betweenness', 'betweenness']
    """
    n_l = check_positive_int("likelihood_levels", likelihood_levels)
    n_i = check_positive_int("impact_levels", impact_levels)
    parsed = _parse_bands(bands)
    rows = list(_structure_problems(parsed, n_l * n_i))
    likelihood, impact = np.meshgrid(np.arange(1, n_l + 1), np.arange(1, n_i + 1), indexing="ij")
    score = likelihood * impact
    attainable = set(score.ravel().tolist())
    for level, low, high in parsed:
        if not any(low <= s <= high for s in attainable):
            rows.append(("empty_level", level, f"no cell has a score in ({low}, {high})"))
    if len(parsed) >= 2:
        bottom, top = parsed[0], parsed[-1]
        in_bottom = (score >= bottom[1]) & (score <= bottom[2])
        in_top = (score >= top[1]) & (score <= top[2])
        if in_bottom.any() and in_top.any():
            bottom_max = int(score[in_bottom].max())
            for li, ii in zip(*np.nonzero(in_top & (score <= bottom_max)), strict=True):
                rows.append(
                    (
                        "weak_consistency",
                        top[0],
                        f"{_cell(li, ii, score)} in {top[0]!r} is not above the highest "
                        f"score {bottom_max} of {bottom[0]!r}",
                    )
                )
        for li, ii in zip(*np.nonzero(in_top), strict=True):
            for dl, di in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                nl, ni = li + dl, ii + di
                if 0 <= nl < n_l and 0 <= ni < n_i and in_bottom[nl, ni]:
                    rows.append(
                        (
                            "betweenness",
                            top[0],
                            f"{_cell(li, ii, score)} in {top[0]!r} shares an edge with "
                            f"{_cell(nl, ni, score)} in {bottom[0]!r}",
                        )
                    )
    for s in sorted(attainable):
        holders = [lv for lv, lo, hi in parsed if lo <= s <= hi]
        if len(holders) > 1:
            rows.append(
                (
                    "consistent_colouring",
                    holders[-1],
                    f"score {s} is assigned to levels {holders}, so cells of equal risk "
                    "may be coloured differently",
                )
            )
    return pd.DataFrame(rows, columns=_COLUMNS).astype(object)


def _cell(li: int, ii: int, score: np.ndarray) -> str:
    return f"cell (likelihood {li + 1}, impact {ii + 1}, score {int(score[li, ii])})"
