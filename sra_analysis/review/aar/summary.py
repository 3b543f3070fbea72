"""The commander's summary: three to six plain sentences of fact, each linked to its evidence.

No p-values, intervals or score names: counts, rings, hours and the actions. In order:

1. what happened: disruptions, disrupted ring-hours and episodes (→ the chronology);
2. threats foreseen and realised (→ the strengths), or that none of the flagged threats
   happened where the SRA placed it;
3. disruptions in ring-hours rated below the flag level, and the episodes they came from
   (→ the first such episode), or that every disruption came in flagged hours;
4. the worst staffing gap (→ its improvement), or that flagged hours were staffed to plan;
5. the first actions: the recommended actions of the first two improvements (→ the
   improvements).
"""

from __future__ import annotations

from dataclasses import dataclass

from sra_analysis.review.aar.counts import ReviewCounts
from sra_analysis.review.aar.episodes import Episode
from sra_analysis.review.aar.improvements import Improvement
from sra_analysis.review.aar.strengths import Strength
from sra_analysis.review.aar.text import Category, Items, Level, Rings, Statement, count

__all__ = ["ANCHORS", "SummaryLine", "summary_lines"]

#: Anchor ids of the review's sections in a report.
ANCHORS = {
    "summary": "aar-summary",
    "chronology": "aar-chronology",
    "strengths": "aar-strengths",
    "improvements": "aar-improvements",
}
_TOP_ACTIONS = 2


@dataclass(frozen=True)
class SummaryLine:
    """One sentence of the summary and the anchor of its evidence."""

    statement: Statement
    anchor: str

    def text(self, lang: str = "en") -> str:
        return self.statement.text(lang)

    def to_dict(self, *, lang: str = "en") -> dict:
        return {"key": self.statement.key, "text": self.text(lang), "anchor": self.anchor}


def _episode_place(episode: Episode, meta) -> Statement:
    if len(episode.rings) > 1:
        others = tuple(r for r in episode.rings if r != episode.first_ring)
        return Statement(
            "summary.place_spread",
            fragment=True,
            values={
                "episode": episode.id,
                "categories": Category.of(episode.categories, meta),
                "first_ring": Rings((episode.first_ring,), meta),
                "rings": Rings(others, meta),
            },
        )
    return Statement(
        "summary.place",
        fragment=True,
        values={
            "episode": episode.id,
            "categories": Category.of(episode.categories, meta),
            "rings": Rings(episode.rings, meta),
        },
    )


def summary_lines(
    counts: ReviewCounts,
    *,
    meta,
    flag_level: str,
    episodes: tuple[Episode, ...],
    strengths: tuple[Strength, ...],
    improvements: tuple[Improvement, ...],
    has_plan: bool,
) -> tuple[SummaryLine, ...]:
    """The summary sentences (module docstring)."""
    flag = Level(flag_level)
    lines = []
    if counts.disruptions:
        happened = Statement(
            "summary.happened",
            {
                "disruptions": count(counts.disruptions),
                "ring_hours": count(counts.disrupted_ring_hours),
                "episodes": count(len(episodes)),
                "incidents": count(counts.incidents),
            },
        )
    else:
        happened = Statement(
            "summary.quiet",
            {"incidents": count(counts.incidents), "episodes": count(len(episodes))},
        )
    lines.append(SummaryLine(happened, ANCHORS["chronology"]))

    foreseen = [s for s in strengths if s.kind == "anticipated"]
    if foreseen:
        threats = Items(tuple(s.statement.values["threat"] for s in foreseen[:3]))
        statement = Statement(
            "summary.foreseen", {"count": count(len(foreseen)), "threats": threats, "flag": flag}
        )
        lines.append(SummaryLine(statement, ANCHORS["strengths"]))
    elif counts.disruptions:
        lines.append(
            SummaryLine(Statement("summary.none_foreseen", {"flag": flag}), ANCHORS["strengths"])
        )

    missed = [e for e in episodes if e.missed_disruptions]
    if missed:
        statement = Statement(
            "summary.missed",
            {
                "missed": count(counts.disruptions_missed),
                "disruptions": count(counts.disruptions),
                "flag": flag,
                "places": Items(tuple(_episode_place(e, meta) for e in missed[:3])),
            },
        )
        lines.append(SummaryLine(statement, missed[0].anchor))
    elif counts.disruptions:
        lines.append(
            SummaryLine(Statement("summary.all_flagged", {"flag": flag}), ANCHORS["strengths"])
        )

    short = [i for i in improvements if i.kind == "understaffed"]
    if short:
        worst = max(short, key=lambda i: i.evidence.get("shortfall") or 0)
        lines.append(SummaryLine(Statement("summary.staffing_gap", worst.statement.values),
                                 worst.anchor))  # fmt: skip
    elif has_plan:
        lines.append(
            SummaryLine(Statement("summary.staffed", {"flag": flag}), ANCHORS["strengths"])
        )

    if improvements:
        actions = Items(tuple(i.recommended_action for i in improvements[:_TOP_ACTIONS]), " ")
        statement = Statement("summary.actions", {"actions": actions})
        lines.append(SummaryLine(statement, ANCHORS["improvements"]))
    else:
        lines.append(SummaryLine(Statement("summary.no_actions", {}), ANCHORS["improvements"]))
    return tuple(lines)
