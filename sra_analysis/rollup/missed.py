"""What the SRAs keep missing, and what they rate that never happens, across events.

Categories and threats are compared as written after folding case and spacing
(:func:`sra_analysis.event.fold_label`), so "Crowd " and "crowd" are one category.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sra_analysis import metrics
from sra_analysis.event import fold_label
from sra_analysis.rollup._checks import clopper_pearson, require_columns

__all__ = [
    "MISSED_COLUMNS",
    "NEVER_COLUMNS",
    "as_written",
    "missed_categories",
    "never_materialised",
]

MISSED_COLUMNS = [
    "category", "events", "incidents", "unanticipated", "share_unanticipated", "ci_low",
    "ci_high", "events_unanticipated", "disruptions", "unanticipated_disruptions",
    "events_rating_it",
]  # fmt: skip

NEVER_COLUMNS = [
    "threat", "events", "items", "levels", "highest_level", "events_at_highest",
    "per_event_upper",
]  # fmt: skip


def _folded(values: pd.Series) -> pd.Series:
    """The key values are matched and grouped by: case and spelling variants folded."""
    return values.astype(str).map(fold_label)


def as_written(values: pd.Series) -> dict[str, str]:
    """For each folded name (:func:`~sra_analysis.event.fold_label`), the text to show: the
    most common way the input wrote it, since a key folds away case, spaces and punctuation,
    which must not change what a reader sees; among equally common ones, the one written as
    its key, then the first in order.

    Examples
    --------
    >>> as_written(pd.Series(["Gudang/dalam", "gudang/dalam", "gudang/dalam ", "Ring II"]))
    {'gudang dalam': 'gudang/dalam', 'ring 2': 'Ring II'}
    """
    written = values.astype(str).str.strip()
    frame = pd.DataFrame({"key": written.map(fold_label).to_numpy(), "text": written.to_numpy()})
    counts = frame.groupby(["key", "text"]).size().reset_index(name="n")
    counts["canonical"] = counts["key"] == counts["text"]  # a tie goes to the plain spelling
    counts = counts.sort_values(
        ["key", "n", "canonical", "text"], ascending=[True, False, False, True]
    )
    return dict(counts.drop_duplicates("key")[["key", "text"]].itertuples(index=False))


def missed_categories(
    incidents: pd.DataFrame, register: pd.DataFrame | None = None, *, confidence: float = 0.95
) -> pd.DataFrame:
    """Per incident category across events: how often no SRA item anticipated it.

    Parameters
    ----------
    incidents : DataFrame
        Pooled incidents: ``event_id``, ``category``, ``disruption``, ``anticipated``.
    register : DataFrame, optional
        Pooled register (``event_id``, ``threat``): counts the events whose register names a
        threat written like the category (``events_rating_it``; 0 without a register).
    confidence : float, default 0.95

    Returns
    -------
    DataFrame
        :data:`MISSED_COLUMNS`, one row per category: ``events`` where it occurred,
        ``incidents``, ``unanticipated``, ``share_unanticipated`` with its exact
        (Clopper–Pearson) ``ci_low``–``ci_high``, ``events_unanticipated`` (events with at
        least one unanticipated incident of it), ``disruptions``,
        ``unanticipated_disruptions``, ``events_rating_it``. Sorted so the systematically
        missed come first: by the lower limit of the share (a share that is high *and* well
        measured), then by unanticipated incidents.

    Examples
    --------
    >>> incidents = pd.DataFrame({"event_id": ["a", "a", "b", "b"],
    ...     "category": ["drone", "crowd", "drone", "crowd"],
    ...     "disruption": [True, False, False, False],
    ...     "anticipated": [False, True, False, True]})
    >>> missed_categories(incidents)[["category", "events", "unanticipated",
    ...     "unanticipated_disruptions"]]
      category  events  unanticipated  unanticipated_disruptions
    0    drone       2              2                          1
    1    crowd       2              0                          0
    """
    require_columns(
        incidents, ["event_id", "category", "disruption", "anticipated"], name="incidents",
        caller="missed_categories",
    )  # fmt: skip
    frame = pd.DataFrame(
        {
            "event_id": incidents["event_id"].astype(str).to_numpy(),
            "category": _folded(incidents["category"]).to_numpy(),
            "disruption": incidents["disruption"].to_numpy(dtype=bool),
            "missed": ~incidents["anticipated"].to_numpy(dtype=bool),
        }
    )
    frame["missed_disruption"] = frame["missed"] & frame["disruption"]
    frame["missed_event"] = frame["event_id"].where(frame["missed"])
    table = frame.groupby("category", sort=True).agg(
        events=("event_id", "nunique"), incidents=("missed", "size"),
        unanticipated=("missed", "sum"), events_unanticipated=("missed_event", "nunique"),
        disruptions=("disruption", "sum"), unanticipated_disruptions=("missed_disruption", "sum"),
    ).reset_index()  # fmt: skip
    table["share_unanticipated"] = table["unanticipated"] / table["incidents"]
    low, high = clopper_pearson(table["unanticipated"], table["incidents"], confidence=confidence)
    table["ci_low"], table["ci_high"] = low, high
    if register is not None and len(register):
        require_columns(register, ["event_id", "threat"], name="register",
                        caller="missed_categories")  # fmt: skip
        rated = pd.DataFrame(
            {"event_id": register["event_id"].astype(str).to_numpy(),
             "threat": _folded(register["threat"]).to_numpy()}
        ).groupby("threat")["event_id"].nunique()  # fmt: skip
        table["events_rating_it"] = table["category"].map(rated).fillna(0).astype(np.int64)
    else:
        table["events_rating_it"] = 0
    table["category"] = table["category"].map(as_written(incidents["category"]))
    table = table.sort_values(["ci_low", "unanticipated"], ascending=False, ignore_index=True)
    return table[MISSED_COLUMNS]


def never_materialised(
    register: pd.DataFrame,
    incidents: pd.DataFrame | None = None,
    *,
    level_order: tuple[str, ...] = ("none", "low", "medium", "high", "extreme"),
    confidence: float = 0.95,
) -> pd.DataFrame:
    """SRA threats rated in registers that no incident ever matched, in any event.

    A threat matched when an incident was linked to one of its items (the register's
    ``incidents`` > 0) or, with ``incidents`` given, when an incident's category is written
    like the threat, anywhere.

    Parameters
    ----------
    register : DataFrame
        Pooled register: ``event_id``, ``threat``, ``level``, ``incidents``.
    incidents : DataFrame, optional
        Pooled incidents with ``category``.
    level_order : tuple of str
        Levels from lowest to highest, to name the highest; unknown names sort below.
    confidence : float, default 0.95

    Returns
    -------
    DataFrame
        :data:`NEVER_COLUMNS`: ``threat``, ``events`` that rated it, ``items``, ``levels``
        (``"high ×3, medium ×2"``: events by the highest level they gave it),
        ``highest_level``, ``events_at_highest``, ``per_event_upper`` (the exact upper
        limit of linked incidents per rating event given none was seen: 3.69 / events at
        95%). Threats rated by the most events first.

    Examples
    --------
    >>> register = pd.DataFrame({"event_id": ["a", "a", "b"],
    ...     "threat": ["cyber", "crowd", "Cyber"], "level": ["high", "low", "medium"],
    ...     "incidents": [0, 3, 0]})
    >>> never_materialised(register)[["threat", "events", "levels", "highest_level"]]
      threat  events              levels highest_level
    0  cyber       2  high ×1, medium ×1          high
    """
    require_columns(
        register, ["event_id", "threat", "level", "incidents"], name="register",
        caller="never_materialised",
    )  # fmt: skip
    rank = {name: i for i, name in enumerate(level_order)}
    frame = pd.DataFrame(
        {
            "event_id": register["event_id"].astype(str).to_numpy(),
            "threat": _folded(register["threat"]).to_numpy(),
            "level": register["level"].astype(str).to_numpy(),
            "incidents": register["incidents"].to_numpy(dtype=float),
        }
    )
    frame["rank"] = frame["level"].map(rank).fillna(-1)
    matched = set(frame.loc[frame["incidents"] > 0, "threat"])
    if incidents is not None and len(incidents):
        matched |= set(_folded(incidents["category"]))
    never = frame[~frame["threat"].isin(matched)]
    shown = as_written(register["threat"])
    rows = []
    for threat, part in never.groupby("threat", sort=True):
        per_event = part.sort_values("rank").groupby("event_id").last()
        counts = per_event.groupby("level")["rank"].agg(["size", "first"])
        counts = counts.sort_values("first", ascending=False)
        events = len(per_event)
        upper = metrics.poisson_rate(0, events, confidence=confidence).ci_high
        rows.append(
            {
                "threat": shown[threat],
                "events": events,
                "items": len(part),
                "levels": ", ".join(f"{lv} ×{int(n)}" for lv, n in counts["size"].items()),
                "highest_level": counts.index[0],
                "events_at_highest": int(counts["size"].iloc[0]),
                "per_event_upper": upper,
            }
        )
    table = pd.DataFrame(rows, columns=NEVER_COLUMNS)
    return table.sort_values(["events", "threat"], ascending=[False, True], ignore_index=True)
