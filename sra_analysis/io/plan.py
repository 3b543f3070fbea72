"""Rows of a staffing plan that contradict each other.

A staffing plan (``staffing_plan.*``) says, per ring and time span, how many officers the
plan puts there; a row may name the unit that provides them. Two rows for the same ring
whose spans overlap are read as a planner writes them:

- **different units** (both named, different after folding case and spacing): two
  contingents side by side, e.g. Sat Samapta 10 and Brimob 6 at the gate. Both are kept and
  the ring's plan is their sum (:func:`sra_analysis.review.plan.plan_line`).
- **the same unit, or a unit left blank**: two numbers for the same thing, which cannot both
  be right. The row further down the file is quarantined with a reason naming the row it
  contradicts (the first is kept, as for a repeated id), so ``validate`` shows both row
  numbers and the clerk corrects one of them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sra_analysis.event import EventMeta, fold_label
from sra_analysis.labels import t

__all__ = ["plan_conflicts"]


def plan_conflicts(
    canonical: pd.DataFrame, rows: np.ndarray, *, usable: np.ndarray, meta: EventMeta
) -> pd.DataFrame:
    """Positions of plan rows that overlap an earlier row of the same ring and unit.

    Parameters
    ----------
    canonical : DataFrame
        The parsed plan rows (``ring``, ``plan_start``, ``plan_end``, ``unit``), blank times
        not yet filled.
    rows : ndarray of int
        The file row of each.
    usable : ndarray of bool
        Rows without other problems; only these are compared.
    meta : EventMeta
        The event, whose start and end stand for blank times.

    Returns
    -------
    DataFrame
        ``position``, ``field`` (``plan_start``) and ``reason`` of each row to quarantine.

    Examples
    --------
    >>> from sra_analysis.template.event_file import example_meta
    >>> meta = example_meta()
    >>> plan = pd.DataFrame({"ring": ["1", "1", "1"], "plan_start": [None] * 3,
    ...                      "plan_end": [None] * 3, "unit": ["Samapta", "Brimob", None]})
    >>> plan_conflicts(plan, np.array([2, 3, 4]), usable=np.ones(3, bool), meta=meta)[
    ...     ["position", "field"]].to_dict("list")
    {'position': [2], 'field': ['plan_start']}
    """
    start = pd.Series(canonical["plan_start"]).fillna(meta.start)
    end = pd.Series(canonical["plan_end"]).fillna(meta.end)
    rings = canonical["ring"].astype(object).to_numpy()
    units = [None if pd.isna(u) else fold_label(u) for u in canonical["unit"]]
    kept: list[int] = []
    found = []
    for position in np.flatnonzero(usable):
        clash = next(
            (
                other
                for other in kept
                if rings[other] == rings[position]
                and start.iat[other] < end.iat[position]
                and start.iat[position] < end.iat[other]
                and (units[other] is None or units[position] is None
                     or units[other] == units[position])
            ),
            None,
        )  # fmt: skip
        if clash is None:
            kept.append(position)
            continue
        unit = canonical["unit"].iat[position] if units[position] is not None else None
        unit = unit or canonical["unit"].iat[clash]
        unit_text = (
            str(unit) if unit is not None and not pd.isna(unit)
            else t("staffing_plan.reason.no_unit", "en")
        )  # fmt: skip
        found.append(
            {
                "position": position,
                "field": "plan_start",
                "reason": t(
                    "staffing_plan.reason.overlap", "en", row=int(rows[clash]), unit=unit_text
                ),
            }  # fmt: skip
        )
    return pd.DataFrame(found, columns=["position", "field", "reason"])
