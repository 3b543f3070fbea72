"""Which SRA item anticipated each incident: by its ``risk_id``, else by category code.

The rule, one place for the review and the roll-up:

1. An incident that names an SRA item (``risk_id``) was anticipated by that item, whether
   or not the register holds it (the loader warns about an unknown one).
2. An incident without a ``risk_id`` was anticipated by the first register item (in
   register order) that lists the incident's category code in its ``categories`` column,
   covers the incident's ring (its own ring, or ``all``) and whose span holds the time the
   incident was reported (``window_start`` ≤ ``reported_at`` ≤ ``window_end``).
3. Anything else is unanticipated. Category ``other`` (text outside the vocabulary)
   matches no item: a category nobody defined cannot have been foreseen by code.

Categories are compared as codes of the event's vocabulary (:mod:`sra_analysis.vocabulary`),
so a register that writes ``unjuk rasa`` covers incidents logged as ``demo`` or ``protest``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sra_analysis.vocabulary import OTHER

__all__ = ["anticipated_by", "split_codes"]


def split_codes(value: object) -> tuple[str, ...]:
    """The codes of a register ``categories`` cell as the loader stores it (``a;b``).

    Examples
    --------
    >>> split_codes("protest;clash"), split_codes(None)
    (('protest', 'clash'), ())
    """
    if value is None or not isinstance(value, str):
        return ()
    return tuple(code for code in value.split(";") if code)


def anticipated_by(incidents: pd.DataFrame, risks: pd.DataFrame) -> pd.Series:
    """The SRA item that anticipated each incident (rule in the module docstring).

    Parameters
    ----------
    incidents : DataFrame
        Canonical incidents: ``risk_id``, ``ring``, ``category`` (codes), ``reported_at``.
    risks : DataFrame
        Canonical register: ``risk_id``, ``ring``, ``window_start``, ``window_end`` and,
        optionally, ``categories`` (codes separated by ``;``).

    Returns
    -------
    Series of str
        Aligned with ``incidents``: the anticipating item's ``risk_id``, missing for an
        unanticipated incident. Inputs are not changed.

    Examples
    --------
    >>> when = pd.Timestamp("2024-03-01 10:00", tz="Asia/Jakarta")
    >>> incidents = pd.DataFrame({"risk_id": ["R9", None, None, None],
    ...     "ring": ["1", "1", "2", "1"], "category": ["drone", "protest", "protest", "other"],
    ...     "reported_at": [when] * 4})
    >>> risks = pd.DataFrame({"risk_id": ["R1"], "ring": ["1"], "categories": ["protest;clash"],
    ...     "window_start": [when - pd.Timedelta(hours=1)], "window_end": [when]})
    >>> anticipated_by(incidents, risks).tolist()
    ['R9', 'R1', nan, nan]
    """
    named = incidents["risk_id"].astype(object).where(incidents["risk_id"].notna(), None)
    result = np.array(named.tolist(), dtype=object)
    if "categories" not in risks.columns or not len(incidents):
        return pd.Series(result, index=incidents.index, dtype="str", name="anticipated_by")
    open_rows = np.flatnonzero(pd.isna(result))
    category = incidents["category"].astype(str).to_numpy()
    ring = incidents["ring"].astype(str).to_numpy()
    reported = incidents["reported_at"]
    for item in risks.itertuples(index=False):
        codes = set(split_codes(item.categories)) - {OTHER}
        if not codes or not len(open_rows):
            continue
        rows = open_rows[np.isin(category[open_rows], list(codes))]
        if str(item.ring) != "all":
            rows = rows[ring[rows] == str(item.ring)]
        times = reported.iloc[rows]
        inside = ((times >= item.window_start) & (times <= item.window_end)).to_numpy(dtype=bool)
        rows = rows[inside]
        result[rows] = item.risk_id
        open_rows = np.setdiff1d(open_rows, rows)
    return pd.Series(result, index=incidents.index, dtype="str", name="anticipated_by")
