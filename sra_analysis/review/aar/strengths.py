"""Strengths: what the plan and the posture got right, each with its numbers.

============  ===============================================================================
kind          rule
============  ===============================================================================
anticipated   an SRA item rated at or above the flag level whose threat happened in its ring
              and span: at least one significant incident linked to it (``risk_id``) was
              reported in the item's ring (any ring for ``all``) between its window start and
              end. One strength per item.
staffed       a ring whose ring-hours rated at or above the flag level and covered by a
              staffing plan were all served at or above plan (mean headcount ≥ planned).
levels        the ratings pointed to where the disruptions came: the verdict's capture beats
              chance or its discrimination holds, and the register did not flag (nearly)
              everything or nothing (:class:`~sra_analysis.review.verdict.Skill`).
response      the median minutes from report to response over the significant incidents is at
              most :data:`FAST_RESPONSE_MINUTES`, and no episode waited longer than
              :data:`~sra_analysis.review.aar.improvements.SLOW_RESPONSE_MINUTES` for its
              first response.
============  ===============================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from sra_analysis.labels.formats import Number
from sra_analysis.review.aar.text import Level, Rings, Span, Statement, count, evidence_value

if TYPE_CHECKING:  # pragma: no cover
    from sra_analysis.review.aar.episodes import Episode
    from sra_analysis.review.parts import ReviewParts
    from sra_analysis.review.verdict import Verdict

__all__ = ["FAST_RESPONSE_MINUTES", "STRENGTH_KINDS", "Strength", "find_strengths"]

STRENGTH_KINDS = ("anticipated", "staffed", "levels", "response")
#: A median response to significant incidents within this many minutes is a strength.
FAST_RESPONSE_MINUTES = 10.0


@dataclass(frozen=True)
class Strength:
    """One strength to sustain.

    Attributes
    ----------
    kind : {"anticipated", "staffed", "levels", "response"}
    statement : Statement
        The sentence, rendered in either language.
    evidence : mapping
        The numbers behind it (JSON-ready, as ``summary.json`` carries them).
    episodes : tuple of str
        Episodes it rests on, where any.
    """

    kind: str
    statement: Statement
    evidence: dict = field(default_factory=dict)
    episodes: tuple[str, ...] = ()

    def text(self, lang: str = "en") -> str:
        return self.statement.text(lang)

    def to_dict(self, *, lang: str = "en") -> dict:
        return {
            "kind": self.kind,
            "text": self.text(lang),
            "evidence": dict(self.evidence),
            "episodes": list(self.episodes),
        }


def _evidence(values: dict, **extra) -> dict:
    return {**{k: evidence_value(v) for k, v in values.items()}, **extra}


def level_rank(windows: pd.DataFrame) -> dict[str, int]:
    """Rank of each level of the windows' ordered ``predicted_level``."""
    return {name: i for i, name in enumerate(windows["predicted_level"].dtype.categories)}


def _anticipated(parts: ReviewParts, table: pd.DataFrame, episodes) -> list[Strength]:
    items = parts.sra_items
    if items.empty or table.empty:
        return []
    rank = level_rank(parts.windows)
    flag = rank[parts.flag_level]
    meta = parts.meta
    of_item = table.groupby("risk_id", sort=False, observed=True).indices  # rows, found once
    rings, when = table["ring"].astype(str).to_numpy(), table["reported_at"]
    out = []
    for item in items.itertuples(index=False):
        if rank.get(str(item.level), -1) < flag or item.risk_id not in of_item:
            continue
        ring, rows = str(item.ring), of_item[item.risk_id]
        inside = (when.iloc[rows] >= item.window_start) & (when.iloc[rows] < item.window_end)
        rows = rows[inside.to_numpy() & ((ring == "all") | (rings[rows] == ring))]
        if not len(rows):
            continue
        hit = table.iloc[rows]
        values = {
            "risk_id": str(item.risk_id),
            "threat": str(item.threat),
            "level": Level(str(item.level)),
            "rings": Rings(meta.ring_ids if ring == "all" else (ring,), meta),
            "span": Span(item.window_start, item.window_end),
            "incidents": count(len(hit)),
            "disruptions": count(int(hit["disrupted_proceedings"].astype(bool).sum())),
        }
        key = "strength.anticipated" if values["disruptions"].value else "strength.anticipated_held"
        out.append(
            Strength(
                "anticipated",
                Statement(key, values),
                _evidence(values, incident_ids=hit["incident_id"].astype(str).tolist()),
                tuple(dict.fromkeys(hit["episode"])),
            )
        )
    return out


def _staffed(parts: ReviewParts) -> list[Strength]:
    windows = parts.windows
    planned = windows["flagged"] & windows["planned_staff"].notna()
    if not planned.any():
        return []
    out = []
    for ring, part in windows[planned].groupby(windows["ring"].astype(str), sort=False):
        if part.empty or (part["mean_staff"] < part["planned_staff"] - 1e-9).any():
            continue
        values = {
            "rings": Rings((ring,), parts.meta),
            "hours": count(float(part["hours"].sum())),
            "flag_level": Level(parts.flag_level),
            "planned": count(int(part["planned_staff"].max())),
        }
        out.append(Strength("staffed", Statement("strength.staffed", values), _evidence(values)))
    return out


def _levels(parts: ReviewParts, verdict: Verdict) -> list[Strength]:
    skill = verdict.skill
    if skill.coverage is not None or not skill.observed:
        return []
    if not (skill.capture_beats_chance or skill.discriminates):
        return []
    counts = parts.prediction.counts
    values = {
        "flag_level": Level(parts.flag_level),
        "captured": count(counts.disruptions_in_flagged),
        "disruptions": count(counts.disruptions),
        "area": Number(skill.flagged_share, digits=0, style="percent"),
    }
    return [Strength("levels", Statement("strength.levels", values), _evidence(values))]


def _response(table: pd.DataFrame, episodes: tuple[Episode, ...], slow: float) -> list[Strength]:
    minutes = table["response_minutes"].dropna() if len(table) else pd.Series(dtype=float)
    if minutes.empty or minutes.median() > FAST_RESPONSE_MINUTES:
        return []
    if any(e.slowest_response_minutes > slow for e in episodes):
        return []
    values = {
        "median": Number(float(minutes.median()), digits=0),
        "incidents": count(len(minutes)),
        "slowest": Number(float(minutes.max()), digits=0),
    }
    return [Strength("response", Statement("strength.response", values), _evidence(values))]


def find_strengths(
    parts: ReviewParts,
    verdict: Verdict,
    *,
    incidents: pd.DataFrame,
    episodes: tuple[Episode, ...],
    slow_response_minutes: float,
) -> tuple[Strength, ...]:
    """The strengths of one review, in the order of :data:`STRENGTH_KINDS`.

    ``incidents`` is the chronology's incident table (significant incidents with their
    episode, level and response minutes).
    """
    found = []
    if parts.meta is not None:
        found += _anticipated(parts, incidents, episodes)
        found += _staffed(parts)
    found += _levels(parts, verdict)
    found += _response(incidents, episodes, slow_response_minutes)
    return tuple(found)
