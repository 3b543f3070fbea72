"""Areas for improvement: evidence, a root cause found in the data and a concrete action.

Each :class:`Improvement` is about the plan or the posture, never about people. The kinds and
the rules that raise them:

=============  ==============================================================================
kind           rule
=============  ==============================================================================
missed         an episode with a disruption in ring-hours rated below the flag level, linked to
               at least one SRA item: one improvement per episode, however many windows it
               missed. Action: extend the item to the rings and hours it did not cover, or
               raise its rating where it covered them below the flag level.
unanticipated  an episode none of whose incidents is linked to an SRA item. Action: add a
               threat for its categories in its rings.
understaffed   a ring whose ring-hours rated at or above the flag level were served below plan
               (mean headcount < planned). Action: plan N more officers for the worst span,
               N the largest hourly shortfall rounded up.
overflagged    the register flags so much that its flags cannot be told apart: at least
               :data:`OVERFLAG_SHARE` of the ring-hours, or at least
               :data:`OVERFLAG_MIN_HOURS` flagged ring-hours with a disruption among them and
               neither of the verdict's tests passing on sufficient evidence. A quiet flagged
               hour on its own is never an improvement: it may be deterrence.
response       an episode in which an incident waited more than
               :data:`SLOW_RESPONSE_MINUTES` for its response.
=============  ==============================================================================

Some categories add a measure of their own to the action (:mod:`~.measures`).

Priority (the same rule for every kind): **high** when the finding concerns a disruption (the
episode held one, or the understaffed ring had one during the shortfall); **medium** when it
concerns significant incidents without disruption, a shortfall of at least
:data:`SHORTFALL_SHARE_MEDIUM` of the plan, or a register flagging at least 80 % of the
ring-hours; **low** otherwise.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from sra_analysis.labels.formats import Number
from sra_analysis.review.aar.measures import with_measures
from sra_analysis.review.aar.text import (
    Category,
    Items,
    Level,
    Rings,
    Served,
    Span,
    Statement,
    count,
    evidence_value,
)
from sra_analysis.review.verdict import MAX_FLAGGED_SHARE

if TYPE_CHECKING:  # pragma: no cover
    from sra_analysis.review.aar.episodes import Episode
    from sra_analysis.review.parts import ReviewParts
    from sra_analysis.review.verdict import Verdict

__all__ = [
    "CAPABILITY_ELEMENTS",
    "IMPROVEMENT_KINDS",
    "OVERFLAG_MIN_HOURS",
    "OVERFLAG_SHARE",
    "PRIORITIES",
    "SHORTFALL_SHARE_MEDIUM",
    "SLOW_RESPONSE_MINUTES",
    "Improvement",
    "find_improvements",
]

IMPROVEMENT_KINDS = ("missed", "unanticipated", "understaffed", "overflagged", "response")
#: HSEEP's capability elements (POETE).
CAPABILITY_ELEMENTS = ("planning", "organisation", "equipment", "training", "exercise")
PRIORITIES = ("high", "medium", "low")
#: A register flagging at least this share of the ring-hours cannot be told apart.
OVERFLAG_SHARE = 0.5
#: ... nor one flagging at least this many ring-hours without skill beyond chance.
OVERFLAG_MIN_HOURS = 24.0
#: An incident waiting longer than this for its response makes its episode an improvement.
SLOW_RESPONSE_MINUTES = 30.0
#: A shortfall of at least this share of the planned officers is of medium priority.
SHORTFALL_SHARE_MEDIUM = 0.25


@dataclass(frozen=True)
class Improvement:
    """One area for improvement.

    Attributes
    ----------
    kind : {"missed", "unanticipated", "understaffed", "overflagged", "response"}
    statement, root_cause, recommended_action : Statement
        What happened, the pattern in the data behind it, and what to change.
    capability_element : {"planning", "organisation", "equipment", "training", "exercise"}
    priority : {"high", "medium", "low"}
    evidence : mapping
        The numbers behind it (JSON-ready).
    episode : str or None
        The episode it is about, where one applies.
    anchor : str
        Id of its entry in a report (``aar-improvement-1``, … in order).
    """

    kind: str
    statement: Statement
    root_cause: Statement
    recommended_action: Statement
    capability_element: str
    priority: str
    evidence: dict = field(default_factory=dict)
    episode: str | None = None
    anchor: str = ""

    def text(self, lang: str = "en") -> str:
        return self.statement.text(lang)

    def to_dict(self, *, lang: str = "en") -> dict:
        return {
            "kind": self.kind,
            "text": self.text(lang),
            "root_cause": self.root_cause.text(lang),
            "recommended_action": self.recommended_action.text(lang),
            "capability_element": self.capability_element,
            "priority": self.priority,
            "episode": self.episode,
            "evidence": dict(self.evidence),
            "anchor": self.anchor,
        }


def _evidence(*statements: Statement, **extra) -> dict:
    out = {}
    for statement in statements:
        out.update({k: evidence_value(v) for k, v in statement.values.items()})
    return {k: v for k, v in {**out, **extra}.items() if v is not None}


def _hour_span(start: pd.Timestamp, end: pd.Timestamp) -> Span:
    """The whole clock hours around a stretch of time, as a plan would write them."""
    floor = start.floor("h")
    ceil = end.ceil("h")
    return Span(floor, ceil if ceil > floor else floor + pd.Timedelta(hours=1))


def _episode_priority(episode: Episode) -> str:
    return "high" if episode.disruptions else "medium"


def _covers(item, ring: str, when: pd.Timestamp) -> bool:
    ring_ok = str(item.ring) in ("all", ring)
    return bool(ring_ok and item.window_start <= when < item.window_end)


def _missed(parts: ReviewParts, episode: Episode, rows: pd.DataFrame) -> Improvement:
    """The missed-disruption improvement of ``episode``, from its incidents ``rows``."""
    meta, flag = parts.meta, parts.flag_level
    missed = rows[rows["disrupted_proceedings"].astype(bool) & ~rows["flagged"]]
    items = parts.sra_items.set_index("risk_id", drop=False)
    linked = rows["risk_id"].dropna()
    item = items.loc[linked[linked.isin(items.index)].mode().iloc[0]]
    low_rings = tuple(r for r in episode.rings if r in set(missed["ring"]))
    levels = tuple(dict.fromkeys(Level(episode.levels_by_ring.get(r)) for r in low_rings))
    statement = Statement(
        "improvement.missed",
        {
            "episode": episode.id,
            "categories": Category.of(episode.categories, parts.meta),
            "span": Span(episode.start, episode.end),
            "missed": count(episode.missed_disruptions),
            "disruptions": count(episode.disruptions),
            "low_rings": Rings(low_rings, meta),
            "flag_level": Level(flag),
        },
    )
    item_rings = meta.ring_ids if str(item.ring) == "all" else (str(item.ring),)
    covered = all(_covers(item, r.ring, r.reported_at) for r in missed.itertuples())
    gap_rings = tuple(r for r in low_rings if r not in item_rings) or low_rings
    common = {
        "risk_id": str(item.risk_id),
        "threat": str(item.threat),
        "item_rings": Rings(item_rings, meta),
        "item_span": Span(item.window_start, item.window_end),
        "item_level": Level(str(item.level)),
        "first_ring": Rings((episode.first_ring,), meta),
        "rings": Rings(episode.rings, meta),
        "minutes": Number(episode.spread_minutes, digits=0),
        "levels": Items(levels, separator="/"),
        "flag_level": Level(flag),
        "gap_rings": Rings(gap_rings, meta),
        "span": _hour_span(missed["reported_at"].min(), episode.end),
    }
    if covered:
        root = Statement("root.missed_rated_low", common)
        action = Statement("action.raise_item", common)
    else:
        spread = "root.missed_spread" if len(episode.rings) > 1 else "root.missed_outside"
        root = Statement(spread, common)
        action = Statement("action.extend_item", common)
    return Improvement(
        "missed", statement, root, action, "planning", _episode_priority(episode),
        _evidence(statement, root, missed_ring_hours=_ring_hours(missed)), episode.id,
    )  # fmt: skip


def _ring_hours(rows: pd.DataFrame) -> int:
    """Distinct ring × clock hours the rows fall in."""
    hours = rows["reported_at"].dt.floor("h")
    return int(pd.DataFrame({"r": rows["ring"].astype(str), "h": hours}).drop_duplicates().shape[0])


def _unanticipated(parts: ReviewParts, episode: Episode) -> Improvement:
    values = {
        "episode": episode.id,
        "categories": Category.of(episode.categories, parts.meta),
        "rings": Rings(episode.rings, parts.meta),
        "span": Span(episode.start, episode.end),
        "incidents": count(episode.incident_count),
        "disruptions": count(episode.disruptions),
        "levels": Items(tuple(dict.fromkeys(map(Level, episode.levels_by_ring.values()))), "/"),
        "flag_level": Level(parts.flag_level),
        "plan_span": _hour_span(episode.start, episode.end),
    }
    statement = Statement("improvement.unanticipated", values)
    root = Statement("root.unanticipated", values)
    action = Statement("action.add_threat", values)
    return Improvement(
        "unanticipated", statement, root, action, "planning", _episode_priority(episode),
        _evidence(statement), episode.id,
    )  # fmt: skip


def _understaffed(parts: ReviewParts, episodes: tuple[Episode, ...]) -> list[Improvement]:
    windows = parts.windows
    short = windows["flagged"] & (windows["mean_staff"] < windows["planned_staff"] - 1e-9)
    short = short.fillna(False).astype(bool)
    out = []
    for ring, rows in windows[short].groupby(windows["ring"].astype(str), sort=False):
        spans = parts.understaffed[parts.understaffed["ring"].astype(str) == ring]
        if spans.empty:  # below plan by less than the spans' own rounding
            continue
        worst = spans.sort_values(["shortfall_officer_hours", "start"], ascending=[False, True])
        worst = worst.iloc[0]
        in_worst = rows[
            (rows["window_start"] >= worst["start"]) & (rows["window_end"] <= worst["end"])
        ]
        in_worst = rows if in_worst.empty else in_worst
        gap = (in_worst["planned_staff"] - in_worst["mean_staff"]).max()
        planned = float(in_worst["planned_staff"].max())
        officers = math.ceil(gap - 1e-9)
        during = [
            e for e in episodes
            if ring in e.rings and e.start < worst["end"] and e.end > worst["start"]
        ]  # fmt: skip
        episode = max(during, key=lambda e: (e.disruptions, e.incident_count), default=None)
        values = {
            "rings": Rings((ring,), parts.meta),
            "served": Served(
                int(in_worst["min_staff"].min()), int(round(float(in_worst["mean_staff"].max())))
            ),
            "planned": count(int(round(planned))),
            "span": Span(worst["start"], worst["end"]),
            "hours": count(float(rows["hours"].sum())),
            "shortfall": Number(float(spans["shortfall_officer_hours"].sum()), digits=0),
            "flag_level": Level(parts.flag_level),
            "officers": count(officers),
        }
        statement = Statement("improvement.understaffed", values)
        if episode is not None:
            named = Category.of(episode.categories, parts.meta)
            values = {**values, "episode": episode.id, "categories": named}
            root = Statement("root.understaffed_episode", values)
        else:
            root = Statement("root.understaffed", values)
        action = Statement("action.add_officers", values)
        if episode is not None and episode.disruptions:
            priority = "high"
        elif planned and gap / planned >= SHORTFALL_SHARE_MEDIUM:
            priority = "medium"
        else:
            priority = "low"
        out.append(
            Improvement(
                "understaffed",
                statement,
                root,
                action,
                "organisation",
                priority,
                _evidence(statement, root),
                None if episode is None else episode.id,
            )  # fmt: skip
        )
    return out


def overflagged(parts: ReviewParts, verdict: Verdict) -> bool:
    """Whether the register flags so much that its flags cannot be told apart (module
    docstring): the one test behind the ``overflagged`` improvement."""
    skill = verdict.skill
    counts = parts.prediction.counts
    if counts.total_hours <= 0 or counts.flagged_hours <= 0:
        return False
    if skill.flagged_share >= OVERFLAG_SHARE:
        return True
    no_skill = not (skill.capture_beats_chance or skill.discriminates)
    return bool(
        counts.flagged_hours >= OVERFLAG_MIN_HOURS
        and skill.hits > 0
        and no_skill
        and skill.evidence == "sufficient"
    )


def _overflagged(parts: ReviewParts, verdict: Verdict) -> list[Improvement]:
    if not overflagged(parts, verdict):
        return []
    counts = parts.prediction.counts
    share = verdict.skill.flagged_share
    values = {
        "area": Number(share, digits=0, style="percent"),
        "flagged_hours": count(float(counts.flagged_hours)),
        "total_hours": count(float(counts.total_hours)),
        "flag_level": Level(parts.flag_level),
        "captured": count(counts.disruptions_in_flagged),
        "disruptions": count(counts.disruptions),
    }
    statement = Statement("improvement.overflagged", values)
    key = "root.overflagged_share" if share >= OVERFLAG_SHARE else "root.overflagged_chance"
    root = Statement(key, values)
    action = Statement("action.focus_flags", values)
    priority = "medium" if share >= MAX_FLAGGED_SHARE else "low"
    return [
        Improvement(
            "overflagged", statement, root, action, "planning", priority, _evidence(statement)
        )
    ]


def _response(parts: ReviewParts, episode: Episode, rows: pd.DataFrame) -> Improvement:
    """The slow-response improvement of ``episode``, from its incidents ``rows``."""
    slowest = rows.loc[rows["response_minutes"].idxmax()]
    values = {
        "episode": episode.id,
        "categories": Category.of(episode.categories, parts.meta),
        "rings": Rings(episode.rings, parts.meta),
        "slow_ring": Rings((str(slowest["ring"]),), parts.meta),
        "slowest": Number(float(slowest["response_minutes"]), digits=0),
        "median": Number(episode.response_minutes, digits=0),
        "target": Number(SLOW_RESPONSE_MINUTES, digits=0),
        "span": Span(episode.start, episode.end),
    }
    statement = Statement("improvement.response", values)
    root = Statement("root.response", values)
    action = Statement("action.rehearse_response", values)
    return Improvement(
        "response", statement, root, action, "exercise", _episode_priority(episode),
        _evidence(statement), episode.id,
    )  # fmt: skip


def find_improvements(
    parts: ReviewParts,
    verdict: Verdict,
    *,
    incidents: pd.DataFrame,
    episodes: tuple[Episode, ...],
) -> tuple[Improvement, ...]:
    """The areas for improvement of one review (module docstring), high priority first,
    then in the order of :data:`IMPROVEMENT_KINDS` and of the episodes. ``incidents`` is the
    chronology's table (significant incidents, their episode, level, flag, response minutes).
    """
    found: list[Improvement] = []
    of_episode = dict(tuple(incidents.groupby("episode", sort=False, observed=True)))  # once
    items = parts.sra_items
    known = set(items["risk_id"].dropna().astype(str)) if "risk_id" in items else set()
    if parts.meta is not None:
        for episode in episodes:
            rows = of_episode.get(episode.id, incidents.iloc[:0])
            if not any(str(r) in known for r in rows["risk_id"].dropna()):
                found.append(_unanticipated(parts, episode))
            elif episode.missed_disruptions:
                found.append(_missed(parts, episode, rows))
        found += _understaffed(parts, episodes)
    found += _overflagged(parts, verdict)
    for episode in episodes:
        if episode.slowest_response_minutes > SLOW_RESPONSE_MINUTES:
            found.append(_response(parts, episode, of_episode[episode.id]))
    kind_order = {kind: i for i, kind in enumerate(IMPROVEMENT_KINDS)}
    priority_order = {p: i for i, p in enumerate(PRIORITIES)}
    found.sort(key=lambda f: (priority_order[f.priority], kind_order[f.kind]))
    return tuple(  # with the measures of their categories (:mod:`~.measures`)
        dataclasses.replace(with_measures(f), anchor=f"aar-improvement-{n}")
        for n, f in enumerate(found, 1)
    )
