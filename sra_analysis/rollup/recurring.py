"""Findings of the events' after-action reviews that recur across events.

Each report's ``summary.json`` carries its review's strengths and areas for improvement
(``aar.strengths``, ``aar.improvements``, issue 17). :func:`aar_findings` reads them into two
tidy tables, one row per finding, category and pooled ring; :func:`recurring_improvements`
finds the same kind of improvement — kind, incident category where the kind has one, and ring
pooled by zone — in two events or more and gives it one recommendation for the province;
:func:`recurring_strengths` counts the events each kind of strength was found in.

Summaries are input like any other: a review without an ``aar`` section (an older report) or
a finding that is not what a review writes is listed in ``unreadable`` with the reason, never
dropped silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sra_analysis.labels import check_lang, level_label, t
from sra_analysis.rollup.rings import pool_rings
from sra_analysis.zones import ZONES, zone_label, zone_order

__all__ = [
    "summary_body",
    "IMPROVEMENT_KINDS",
    "STRENGTH_KINDS",
    "AarFindings",
    "aar_findings",
    "recurring_improvements",
    "recurring_strengths",
]

#: Kinds of improvement a review writes, in the order the roll-up lists them.
IMPROVEMENT_KINDS: tuple[str, ...] = (
    "missed", "unanticipated", "understaffed", "response", "overflagged",
)  # fmt: skip
#: Kinds of strength a review writes.
STRENGTH_KINDS: tuple[str, ...] = ("anticipated", "staffed", "levels", "response")
#: Kinds of improvement that are about an incident category (the others are about a ring or
#: the whole register).
_WITH_CATEGORY = ("missed", "unanticipated", "response")
_PRIORITIES = ("high", "medium", "low")


@dataclass(frozen=True)
class AarFindings:
    """The events' after-action findings as tables.

    Attributes
    ----------
    improvements : DataFrame
        One row per improvement × category × pooled ring: ``event_id``, ``item`` (its
        position in the review's list), ``kind``, ``category`` (code, None for a kind without
        one), ``ring`` (pooled: zone, else name or number; None for the whole event),
        ``ring_name``, ``priority``, ``capability_element``, ``flag_level`` (the event's).
    strengths : DataFrame
        One row per strength: ``event_id``, ``item``, ``kind``.
    unreadable : DataFrame
        ``event_id`` and ``reason`` of each review or finding that could not be read.
    """

    improvements: pd.DataFrame
    strengths: pd.DataFrame
    unreadable: pd.DataFrame


def _ring_keys(windows: pd.DataFrame | None, lang: str) -> dict[tuple[str, str], tuple]:
    """``(event id, ring id) -> (pooled ring, what a reader sees)`` from the windows."""
    if windows is None or windows.empty or not {"event_id", "ring"} <= set(windows.columns):
        return {}
    pooled = pool_rings(windows, lang=lang)
    pairs = pd.DataFrame({
        "event_id": windows["event_id"].astype(str).to_numpy(),
        "raw": windows["ring"].astype(str).to_numpy(),
        "ring": pooled["ring"].astype(str).to_numpy(),
        "ring_name": pooled["ring_name"].astype(str).to_numpy(),
    }).drop_duplicates(["event_id", "raw"])  # fmt: skip
    return {
        (e, r): (ring, name)
        for e, r, ring, name in zip(pairs["event_id"], pairs["raw"], pairs["ring"],
                                    pairs["ring_name"], strict=True)
    }  # fmt: skip


def _texts(value) -> list[str]:
    """A list of ids or codes as the evidence carries it; anything else as none."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if isinstance(v, (str, int)) and not isinstance(v, bool)]
    return []


def summary_body(summary) -> Mapping | None:
    """What a report wrote to ``summary.json``: a :class:`~sra_analysis.report_summary.
    ReportSummary`'s ``body`` (its after-action findings are read and checked here), or the
    mapping itself."""
    return getattr(summary, "body", summary)


def aar_findings(
    summaries: Mapping[str, Mapping], windows: pd.DataFrame | None = None, *, lang: str = "en"
) -> AarFindings:
    """The strengths and improvements of each event's review, one row per finding.

    Parameters
    ----------
    summaries : mapping of event id to ReportSummary or ``summary.json`` body
        As :func:`~sra_analysis.reports.rollup_inputs.read_reports` reads them.
    windows : DataFrame, optional
        The pooled windows (``event_id``, ``ring``, ``zone``, ``ring_name``): they say which
        zone each ring id of an event guards. Without them rings pool by their id.
    lang : {"en", "id"}, default "en"
        Language of ``ring_name``.

    Returns
    -------
    AarFindings

    Examples
    --------
    >>> summaries = {"a": {"prediction": {"flag_level": "high"}, "aar": {
    ...     "strengths": [{"kind": "staffed"}],
    ...     "improvements": [{"kind": "unanticipated", "priority": "high",
    ...                       "capability_element": "planning",
    ...                       "evidence": {"categories": ["crowd"], "rings": ["3", "2"]}}]}},
    ...     "b": {"totals": {}}}
    >>> windows = pd.DataFrame({"event_id": "a", "ring": ["2", "3"],
    ...                         "zone": ["building", "perimeter"]})
    >>> found = aar_findings(summaries, windows)
    >>> found.improvements[["event_id", "kind", "category", "ring"]]
      event_id           kind category       ring
    0        a  unanticipated    crowd  perimeter
    1        a  unanticipated    crowd   building
    >>> found.unreadable
      event_id                                  reason
    0        b  no after-action review in summary.json
    """
    lang = check_lang(lang)
    rings = _ring_keys(windows, lang)
    improvements, strengths, unreadable = [], [], []
    for event_id, summary in summaries.items():
        event_id, summary = str(event_id), summary_body(summary)
        aar = summary.get("aar") if isinstance(summary, Mapping) else None
        if not isinstance(aar, Mapping):
            unreadable.append((event_id, "no after-action review in summary.json"))
            continue
        prediction = summary.get("prediction")
        flag = prediction.get("flag_level") if isinstance(prediction, Mapping) else None
        flag = flag if isinstance(flag, str) else "high"
        for i, finding in enumerate(aar.get("strengths") or []):
            kind = finding.get("kind") if isinstance(finding, Mapping) else None
            if kind not in STRENGTH_KINDS:
                unreadable.append((event_id, f"strength {i + 1}: kind {kind!r} is not one of "
                                             f"{list(STRENGTH_KINDS)}"))  # fmt: skip
                continue
            strengths.append({"event_id": event_id, "item": i, "kind": kind})
        for i, finding in enumerate(aar.get("improvements") or []):
            kind = finding.get("kind") if isinstance(finding, Mapping) else None
            if kind not in IMPROVEMENT_KINDS:
                unreadable.append((event_id, f"improvement {i + 1}: kind {kind!r} is not one "
                                             f"of {list(IMPROVEMENT_KINDS)}"))  # fmt: skip
                continue
            evidence = finding.get("evidence")
            evidence = evidence if isinstance(evidence, Mapping) else {}
            codes = _texts(evidence.get("categories")) if kind in _WITH_CATEGORY else []
            ids = _texts(evidence.get("low_rings") or evidence.get("rings"))
            if kind == "overflagged":
                ids = []  # about the whole register, not a ring
            places = list(dict.fromkeys(rings.get((event_id, r), (r, r)) for r in ids))
            priority = finding.get("priority")
            capability = finding.get("capability_element")
            for code in codes or [None]:
                for ring, name in places or [(None, None)]:
                    improvements.append({
                        "event_id": event_id, "item": i, "kind": kind, "category": code,
                        "ring": ring, "ring_name": name,
                        "priority": priority if priority in _PRIORITIES else "low",
                        "capability_element": capability if isinstance(capability, str)
                        else None,
                        "flag_level": flag,
                    })  # fmt: skip
    return AarFindings(
        improvements=pd.DataFrame(
            improvements,
            columns=[
                "event_id",
                "item",
                "kind",
                "category",
                "ring",
                "ring_name",
                "priority",
                "capability_element",
                "flag_level",
            ],
        ),  # fmt: skip
        strengths=pd.DataFrame(strengths, columns=["event_id", "item", "kind"]),
        unreadable=pd.DataFrame(unreadable, columns=["event_id", "reason"]),
    )


def _place(ring, ring_name, lang: str) -> str:
    """A pooled ring as the reader sees it: every ring, a zone's label, else its name."""
    if ring is None:
        return t("rollup.recur.any_zone", lang)
    return zone_label(ring, lang) if ring in ZONES else str(ring_name or ring)


def recurring_improvements(
    improvements: pd.DataFrame,
    *,
    min_events: int = 2,
    lang: str = "en",
    category_labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The same kind of improvement found in ``min_events`` events or more.

    Parameters
    ----------
    improvements : DataFrame
        :attr:`AarFindings.improvements`.
    min_events : int, default 2
        Events a finding must recur in.
    lang : {"en", "id"}, default "en"
        Language of ``category_label``, ``ring_name`` and ``recommendation``.
    category_labels : mapping of code to label, optional
        How to show each category in ``lang``; else the bundled vocabulary's label.

    Returns
    -------
    DataFrame
        ``kind``, ``category``, ``category_label``, ``ring``, ``ring_name``, ``events``
        (how many), ``event_ids`` (sorted), ``improvements`` (how many findings),
        ``priority`` (the highest), ``capability_element`` (the most common),
        ``recommendation``; most events first.

    Examples
    --------
    >>> rows = pd.DataFrame({"event_id": ["a", "b", "c"], "item": 0,
    ...     "kind": ["unanticipated", "unanticipated", "missed"], "category": "crowd",
    ...     "ring": "perimeter", "ring_name": None, "priority": ["medium", "high", "high"],
    ...     "capability_element": "planning", "flag_level": "high"})
    >>> found = recurring_improvements(rows, category_labels={"crowd": "Crowd"})
    >>> found[["kind", "category", "ring", "events", "event_ids", "priority"]]
                kind category       ring  events event_ids priority
    0  unanticipated    crowd  perimeter       2    [a, b]     high
    >>> print(found["recommendation"][0])  # doctest: +NORMALIZE_WHITESPACE
    In 2 events Crowd happened in Ring 3 – fence, gate and parking with no SRA item for it.
    Add it to the threat list of every next SRA for Ring 3 – fence, gate and parking, with a
    rating, mitigation and personnel.
    """
    from sra_analysis.vocabulary import bundled_vocabulary

    lang = check_lang(lang)
    columns = ["kind", "category", "category_label", "ring", "ring_name", "events",
               "event_ids", "improvements", "priority", "capability_element",
               "recommendation"]  # fmt: skip
    if improvements.empty:
        return pd.DataFrame(columns=columns)
    vocabulary = bundled_vocabulary()
    labels = dict(category_labels or {})
    keyed = improvements.assign(
        _category=improvements["category"].fillna(""), _ring=improvements["ring"].fillna("")
    )
    rows = []
    for (kind, code, ring), part in keyed.groupby(["kind", "_category", "_ring"], sort=False):
        events = sorted(part["event_id"].astype(str).unique())
        if len(events) < min_events:
            continue
        code, ring = code or None, ring or None
        label = (labels.get(code) or vocabulary.label(code, lang)) if code else None
        names = part["ring_name"].dropna()
        place = _place(ring, names.iloc[0] if len(names) else None, lang)
        flag = part["flag_level"].mode()
        rows.append({
            "kind": kind, "category": code, "category_label": label, "ring": ring,
            "ring_name": place, "events": len(events), "event_ids": events,
            "improvements": int(part[["event_id", "item"]].drop_duplicates().shape[0]),
            "priority": min(part["priority"], key=_PRIORITIES.index),
            "capability_element": part["capability_element"].mode().iloc[0]
            if part["capability_element"].notna().any() else None,
            "recommendation": t(
                f"rollup.recur.{kind}", lang, events=len(events), zone=place,
                category=label or t("rollup.recur.any_category", lang),
                level=level_label(str(flag.iloc[0]) if len(flag) else "high", lang),
            ),
        })  # fmt: skip
    if not rows:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame(rows, columns=columns)
    for column in ("category", "category_label", "ring", "capability_element"):
        # None where a kind has no category or ring, not NaN: rollup.json writes null
        out[column] = pd.Series([row[column] for row in rows], index=out.index, dtype=object)
    order = out.assign(
        _kind=out["kind"].map(IMPROVEMENT_KINDS.index),
        _priority=out["priority"].map(_PRIORITIES.index),
        _ring=[zone_order(r) for r in out["ring"]],
    )
    order = order.sort_values(
        ["events", "_priority", "_kind", "_ring", "category"],
        ascending=[False, True, True, True, True],
        na_position="last",
    )
    return out.loc[order.index].reset_index(drop=True)


def recurring_strengths(strengths: pd.DataFrame, *, min_events: int = 2) -> pd.DataFrame:
    """Each kind of strength found in ``min_events`` events or more.

    Returns
    -------
    DataFrame
        ``kind``, ``events`` (how many), ``event_ids`` (sorted); most events first, then in
        the order of :data:`STRENGTH_KINDS`.

    Examples
    --------
    >>> rows = pd.DataFrame({"event_id": ["a", "b", "b", "c"], "item": [0, 0, 1, 0],
    ...                      "kind": ["staffed", "staffed", "levels", "levels"]})
    >>> recurring_strengths(rows)
          kind  events event_ids
    0  staffed       2    [a, b]
    1   levels       2    [b, c]
    """
    columns = ["kind", "events", "event_ids"]
    rows = []
    for kind in STRENGTH_KINDS:
        events = sorted(strengths.loc[strengths["kind"] == kind, "event_id"].astype(str).unique())
        if len(events) >= min_events:
            rows.append({"kind": kind, "events": len(events), "event_ids": events})
    out = pd.DataFrame(rows, columns=columns)
    if out.empty:
        return out
    order = np.argsort(-out["events"].to_numpy(), kind="stable")
    return out.iloc[order].reset_index(drop=True)
