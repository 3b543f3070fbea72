"""What the SRAs keep missing, and what they rate that never happens, across events.

Incident categories pool by their code in the category vocabulary
(:mod:`sra_analysis.vocabulary`): ``unjuk rasa`` written by one office and ``protest`` by
another are one row, shown by its label in the report's language. A category outside the
vocabulary (code ``other``) pools with the same text written elsewhere, after folding case,
spaces and punctuation, and is shown as written. Reports written before the vocabulary
(free text in ``category``) are mapped through it here. Threats are compared as written
after folding (:func:`sra_analysis.event.fold_label`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sra_analysis import metrics
from sra_analysis.event import fold_label
from sra_analysis.rollup._checks import clopper_pearson, require_columns
from sra_analysis.vocabulary import (
    OTHER,
    CategoryVocabulary,
    fold_category,
    load_vocabulary,
)

__all__ = [
    "MISSED_COLUMNS",
    "NEVER_COLUMNS",
    "as_written",
    "category_keys",
    "missed_categories",
    "never_materialised",
]

MISSED_COLUMNS = [
    "category", "category_label", "events", "incidents", "unanticipated",
    "share_unanticipated", "ci_low", "ci_high", "events_unanticipated", "disruptions",
    "unanticipated_disruptions", "events_rating_it",
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


def category_keys(
    incidents: pd.DataFrame, *, vocabulary: CategoryVocabulary | None = None
) -> pd.DataFrame:
    """The code each pooled incident's category pools under, and the key it groups by.

    Rows from reports that carry codes (``category_label_en`` given) keep their code; other
    rows (free text, from reports before the vocabulary) are mapped through ``vocabulary``
    (default: :func:`~sra_analysis.vocabulary.load_vocabulary`). The key is the code, or for
    ``other`` ``"other:"`` and the folded text as written.

    Returns
    -------
    DataFrame
        ``code``, ``key``, ``written`` (the text to show for ``other``), aligned with
        ``incidents``.

    Examples
    --------
    >>> pooled = pd.DataFrame({"category": ["unjuk rasa", "protest", "Banjir!"]})
    >>> category_keys(pooled)["key"].tolist()
    ['protest', 'protest', 'other:banjir']
    """
    vocabulary = vocabulary or load_vocabulary()
    written = incidents["category"].astype(str).str.strip()
    coded = np.zeros(len(incidents), dtype=bool)
    if "category_label_en" in incidents.columns:
        coded = incidents["category_label_en"].notna().to_numpy(dtype=bool)
    if "category_text" in incidents.columns:
        text = incidents["category_text"].astype(object)
        written = written.where(~(coded & text.notna().to_numpy()), text.astype(str).str.strip())
    mapped = vocabulary.codes_of(written).to_numpy(dtype=object)
    code = np.where(coded, incidents["category"].astype(str).to_numpy(dtype=object), mapped)
    folded = written.map(fold_category).to_numpy(dtype=object)
    key = np.where(code == OTHER, "other:" + folded.astype(str), code)
    return pd.DataFrame(
        {"code": code, "key": key, "written": written.to_numpy()}, index=incidents.index
    )


def _labels(
    incidents: pd.DataFrame, keys: pd.DataFrame, vocabulary: CategoryVocabulary, lang: str
) -> dict[str, str]:
    """What a reader sees for each key: the label of its code in ``lang`` (the roll-up's
    vocabulary first, then the label the event's report carried), or the text as written."""
    shown = {}
    others = keys["code"] == OTHER
    for key, part in keys[others].groupby("key"):  # the most common way it was written
        counts = part["written"].value_counts(sort=False)
        shown[key] = str(counts.index[np.argmax(counts.to_numpy())])
    carried = f"category_label_{lang}"
    for code in keys.loc[~others, "code"].unique():
        if code in vocabulary:
            shown[code] = vocabulary.label(code, lang)
            continue
        labels = incidents.loc[(keys["code"] == code).to_numpy(), carried].dropna() if (
            carried in incidents.columns
        ) else pd.Series(dtype=str)  # fmt: skip
        shown[code] = str(labels.mode().iloc[0]) if len(labels) else str(code)
    return shown


def missed_categories(
    incidents: pd.DataFrame,
    register: pd.DataFrame | None = None,
    *,
    confidence: float = 0.95,
    lang: str = "en",
    vocabulary: CategoryVocabulary | None = None,
) -> pd.DataFrame:
    """Per incident category across events: how often no SRA item anticipated it.

    Parameters
    ----------
    incidents : DataFrame
        Pooled incidents: ``event_id``, ``category``, ``disruption``, ``anticipated``;
        optionally the roll-up's category columns
        (:data:`~sra_analysis.rollup.artefacts.INCIDENT_CATEGORY_COLUMNS`).
    register : DataFrame, optional
        Pooled register (``event_id``, ``threat``, optionally ``categories``): counts the
        events whose register names the category (``events_rating_it``; 0 without a
        register): an item listing its code, or a threat that is one of its names.
    confidence : float, default 0.95
    lang : {"en", "id"}, default "en"
        The language of ``category_label``.
    vocabulary : CategoryVocabulary, optional
        Default :func:`~sra_analysis.vocabulary.load_vocabulary`.

    Returns
    -------
    DataFrame
        :data:`MISSED_COLUMNS`, one row per category (see :func:`category_keys`):
        ``category`` (the code, ``other`` for text outside the vocabulary),
        ``category_label`` (its label in ``lang``, or the text as written), ``events`` where
        it occurred, ``incidents``, ``unanticipated``, ``share_unanticipated`` with its
        exact (Clopper–Pearson) ``ci_low``–``ci_high``, ``events_unanticipated`` (events with
        at least one unanticipated incident of it), ``disruptions``,
        ``unanticipated_disruptions``, ``events_rating_it``. Sorted so the systematically
        missed come first: by the lower limit of the share (a share that is high *and* well
        measured), then by unanticipated incidents.

    Examples
    --------
    >>> incidents = pd.DataFrame({"event_id": ["a", "a", "b", "b"],
    ...     "category": ["drone", "unjuk rasa", "drone", "protest"],
    ...     "disruption": [True, False, False, False],
    ...     "anticipated": [False, True, False, True]})
    >>> missed_categories(incidents, lang="id")[["category", "category_label", "events",
    ...     "unanticipated"]]
      category category_label  events  unanticipated
    0    drone          Drone       2              2
    1  protest     Unjuk rasa       2              0
    """
    require_columns(
        incidents, ["event_id", "category", "disruption", "anticipated"], name="incidents",
        caller="missed_categories",
    )  # fmt: skip
    vocabulary = vocabulary or load_vocabulary()
    keys = category_keys(incidents, vocabulary=vocabulary)
    frame = pd.DataFrame(
        {
            "event_id": incidents["event_id"].astype(str).to_numpy(),
            "category": keys["key"].to_numpy(),
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
    table["events_rating_it"] = _events_rating(table["category"], register, vocabulary)
    table["category_label"] = table["category"].map(_labels(incidents, keys, vocabulary, lang))
    table["category"] = table["category"].where(~table["category"].str.startswith("other:"), OTHER)
    table = table.sort_values(["ci_low", "unanticipated"], ascending=False, ignore_index=True)
    return table[MISSED_COLUMNS]


def _events_rating(
    keys: pd.Series, register: pd.DataFrame | None, vocabulary: CategoryVocabulary
) -> np.ndarray:
    """Events whose register names each category key: an item's ``categories`` list its
    code, or its threat is one of the category's names (or, for ``other``, its text)."""
    if register is None or not len(register):
        return np.zeros(len(keys), dtype=np.int64)
    require_columns(register, ["event_id", "threat"], name="register",
                    caller="missed_categories")  # fmt: skip
    named: dict[str, set[str]] = {}
    covers = register["categories"] if "categories" in register.columns else None
    for position, (event_id, threat) in enumerate(
        zip(register["event_id"].astype(str), register["threat"].astype(str), strict=True)
    ):
        code = vocabulary.code_of(threat)
        found = {code if code not in (None, OTHER) else "other:" + fold_category(threat)}
        if covers is not None and isinstance(covers.iloc[position], str):
            found |= {c for c in covers.iloc[position].split(";") if c and c != OTHER}
        for key in found:
            named.setdefault(key, set()).add(event_id)
    return np.array([len(named.get(key, ())) for key in keys], dtype=np.int64)


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
    like the threat, or has the code the threat names or its item lists (``categories``),
    anywhere.

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
        vocabulary = load_vocabulary()
        seen = set(category_keys(incidents, vocabulary=vocabulary)["code"]) - {OTHER}
        covers = register["categories"] if "categories" in register.columns else None
        for position, threat in enumerate(register["threat"].astype(str)):
            codes = {vocabulary.code_of(threat)}
            if covers is not None and isinstance(covers.iloc[position], str):
                codes |= set(covers.iloc[position].split(";"))
            if codes & seen:
                matched.add(frame["threat"].iloc[position])
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
