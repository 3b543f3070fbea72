"""After-action findings: strengths and areas for improvement, each with its number.

A :class:`Finding` keeps the numbers and the label key; its text is rendered in English or
Bahasa Indonesia when asked, so one evaluation serves reports in both languages.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from sra_analysis.labels import level_label, t
from sra_analysis.labels.formats import Number, format_date, format_time
from sra_analysis.review.aar.improvements import overflagged
from sra_analysis.review.verdict import assess_skill, judge
from sra_analysis.vocabulary import category_labels

if TYPE_CHECKING:  # pragma: no cover
    from sra_analysis.review.parts import ReviewParts

__all__ = ["Finding", "build_findings", "format_span"]

KINDS = ("strength", "improvement", "note")
_MAX_PLACES = 3


@dataclass(frozen=True)
class Finding:
    """One after-action statement.

    Attributes
    ----------
    kind : {"strength", "improvement", "note"}
    key : str
        Label key of the statement's template (``sra_analysis.labels``).
    metric : str
        Name of the number behind it; ``value`` that number.
    values : mapping
        Template fields. ``flag_level`` is translated; ``categories`` may map each
        language to incident category labels; ``where`` holds spans (dicts with
        ``ring``, ``ring_name``, ``ring_name_id``, ``start``, ``end``) rendered as places;
        numbers are :class:`~sra_analysis.labels.formats.Number`, written as the language
        writes them.
    """

    kind: str
    key: str
    metric: str
    value: float | int | None
    values: Mapping = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The statement in ``lang``."""
        fields = {k: v.text(lang) if isinstance(v, Number) else v for k, v in self.values.items()}
        if "flag_level" in fields:
            fields["flag_level"] = level_label(fields["flag_level"], lang)
        if "where" in fields:
            fields["where"] = "; ".join(format_span(s, lang) for s in fields["where"])
        if "categories" in fields and not isinstance(fields["categories"], str):
            fields["categories"] = _category_text(fields["categories"], lang)
        if "ring" in fields and isinstance(fields["ring"], Mapping):
            fields["ring"] = _ring_text(fields["ring"], lang)
        return t(f"finding.{self.key}", lang, **fields)

    def to_dict(self, *, lang: str = "en") -> dict:
        return {
            "kind": self.kind,
            "key": self.key,
            "metric": self.metric,
            "value": self.value,
            "text": self.text(lang),
        }


def _category_text(by_lang: Mapping, lang: str) -> str:
    """The category labels in ``lang``, joined with commas."""
    return ", ".join(by_lang.get(lang, by_lang.get("en", ())))


def _ring_text(ring: Mapping, lang: str) -> str:
    name = ring.get("name_id") if lang == "id" and ring.get("name_id") else ring.get("name")
    return f"Ring {ring['id']} ({name})" if name and name != ring["id"] else f"Ring {ring['id']}"


def format_span(span: Mapping, lang: str = "en") -> str:
    """``Ring 3 (Outside the fence), 02 Mar 14:00–15:00`` (end date shown when it differs;
    ``02 Mar 14.00–15.00`` in Bahasa Indonesia)."""
    start, end = pd.Timestamp(span["start"]), pd.Timestamp(span["end"])

    def moment(stamp: pd.Timestamp) -> str:
        return f"{format_date(stamp, lang=lang, style='day')} {format_time(stamp, lang=lang)}"

    end_text = format_time(end, lang=lang) if end.date() == start.date() else moment(end)
    return f"{_ring_text(span, lang)}, {moment(start)}–{end_text}"


def _places(spans: pd.DataFrame, evaluation: ReviewParts, *, sort_by: str) -> list[dict]:
    rings = {r.id: r for r in evaluation.meta.rings} if evaluation.meta is not None else {}
    top = spans.sort_values([sort_by, "start"], ascending=[False, True]).head(_MAX_PLACES)
    places = []
    for row in top.itertuples(index=False):
        ring = rings.get(row.ring)
        places.append(
            {
                "id": row.ring,
                "name": ring.name if ring else row.ring,
                "name_id": ring.name_id if ring else None,
                "start": row.start,
                "end": row.end,
            }
        )
    return places


def _fmt(value: float, digits: int = 2) -> Number:
    return Number(None if value is None or pd.isna(value) else float(value), digits)


def _count(value) -> Number:
    """A count as the sentence shows it: whole numbers plain, weighted counts with up to
    three decimals."""
    return Number(value, digits=None)


def _share(value: float) -> Number:
    return Number(value, digits=0, style="percent")


def build_findings(evaluation: ReviewParts) -> list[Finding]:
    """Strengths, areas for improvement and notes from a review's numbers."""
    prediction = evaluation.prediction
    counts = prediction.counts
    pai = prediction.score("pai").estimate
    flag = evaluation.flag_level
    findings: list[Finding] = []
    total = float(evaluation.totals["disruptions_in_windows"])

    skill = assess_skill(prediction)
    if total > 0 and not math.isnan(pai):
        # the verdict's rule: a strength only when capture beats chance; short of that, a
        # note while the evidence is thin and the count is above chance, else to improve
        if skill.capture_beats_chance and skill.coverage is None:
            kind = "strength"
        elif skill.evidence == "thin" and skill.coverage is None and skill.hits > skill.expected:
            kind = "note"
        else:
            kind = "improvement"
        findings.append(
            Finding(
                kind,
                "capture",
                "pai",
                pai,
                {
                    "flag_level": flag,
                    "captured": _count(counts.disruptions_in_flagged),
                    "total": _count(total),
                    "share": _share(counts.disruptions_in_flagged / total),
                    "area": _share(skill.flagged_share),
                    "pai": _fmt(pai),
                    "hits": _count(skill.hits),
                    "observed": _count(skill.observed),
                    "expected": _fmt(skill.expected, 1),
                    "p": Number(skill.capture_p, style="p_value"),
                },
            )  # fmt: skip
        )
    if not evaluation.misses.empty:
        count = float(evaluation.misses["disruptions"].sum())
        findings.append(
            Finding(
                "improvement",
                "misses",
                "misses",
                counts.misses,
                {
                    "count": _count(count),
                    "flag_level": flag,
                    "where": _places(evaluation.misses, evaluation, sort_by="disruptions"),
                },
            )  # fmt: skip
        )
    if not evaluation.false_alarms.empty:
        findings.append(_quiet_flagged(evaluation))
    if skill.observed and not math.isnan(skill.auc):
        if skill.discriminates:
            kind, key = "strength", "discrimination"
        elif skill.evidence == "thin":
            kind, key = "note", "discrimination_unclear"
        else:
            kind, key = "improvement", "no_discrimination"
        findings.append(
            Finding(
                kind,
                key,
                "auc",
                skill.auc,
                {
                    "auc": _fmt(skill.auc),
                    "low": _fmt(skill.auc_low),
                    "high": _fmt(skill.auc_high),
                    "tau": _fmt(prediction.score("kendall_tau_b").estimate),
                    "observed": _count(skill.observed),
                },
            )  # fmt: skip
        )
    if evaluation.meta is not None:
        findings.extend(_event_findings(evaluation))
    return findings


def _quiet_flagged(evaluation: ReviewParts) -> Finding:
    """The ring-hours rated at or above the flag level that passed without a disruption.

    A quiet guarded hour may be deterrence as much as over-rating, so they are a neutral note
    (``quiet_flagged``). They become an improvement (``false_alarms``) only when the register
    flags so much that its flags cannot be told apart: the after-action review's
    ``overflagged`` rule (:func:`sra_analysis.review.aar.improvements.overflagged`).
    """
    spans = evaluation.false_alarms
    hours = float(spans["hours"].sum())
    verdict = judge(evaluation.prediction, flag_level=evaluation.flag_level)
    if overflagged(evaluation, verdict):
        kind, key = "improvement", "false_alarms"
    else:
        kind, key = "note", "quiet_flagged"
    values = {
        "hours": _count(hours),
        "flag_level": evaluation.flag_level,
        "area": _share(verdict.skill.flagged_share),
        "where": _places(spans, evaluation, sort_by="hours"),
    }
    return Finding(kind, key, "false_alarm_hours", hours, values)


def _event_findings(evaluation: ReviewParts) -> list[Finding]:
    findings = []
    flag = evaluation.flag_level
    unanticipated = evaluation.unanticipated
    n_incidents = evaluation.totals["incidents"]
    if len(unanticipated):
        vocabulary = evaluation.meta.vocabulary if evaluation.meta is not None else None
        categories = {
            lang: tuple(
                sorted(set(category_labels(unanticipated, lang=lang, vocabulary=vocabulary)))
            )
            for lang in ("en", "id")
        }  # labels (for other: the text as written), in both languages
        findings.append(
            Finding(
                "improvement",
                "unanticipated",
                "unanticipated_incidents",
                len(unanticipated),
                {
                    "count": _count(len(unanticipated)),
                    "total": _count(n_incidents),
                    "categories": categories,
                },
            )
        )
    elif n_incidents:
        findings.append(Finding("strength", "all_anticipated", "unanticipated_incidents", 0))
    items = evaluation.sra_items
    if len(items):
        idle = items[~items["realised"]]
        if len(idle):
            findings.append(
                Finding(
                    "note",
                    "items_not_realised",
                    "items_not_realised",
                    len(idle),
                    {
                        "count": _count(len(idle)),
                        "total": _count(len(items)),
                        "items": ", ".join(idle["risk_id"].astype(str).head(8))
                        + (" …" if len(idle) > 8 else ""),
                    },
                )  # fmt: skip
            )
    has_plan = evaluation.windows["flagged"] & evaluation.windows["planned_staff"].notna()
    if not evaluation.understaffed.empty:
        spans = evaluation.understaffed
        findings.append(
            Finding(
                "improvement",
                "understaffed",
                "understaffed_hours",
                float(spans["hours"].sum()),
                {
                    "hours": _count(spans["hours"].sum()),
                    "flag_level": flag,
                    "shortfall": _fmt(spans["shortfall_officer_hours"].sum(), 0),
                    "where": _places(spans, evaluation, sort_by="shortfall_officer_hours"),
                },
            )  # fmt: skip
        )
    elif has_plan.any():
        findings.append(
            Finding("strength", "staffed_to_plan", "understaffed_hours", 0, {"flag_level": flag})
        )
    by_ring = evaluation.by_ring.dropna(subset=["incidents_per_100_officer_hours"])
    if len(by_ring) and by_ring["incidents"].sum() > 0:
        top = by_ring.sort_values("incidents_per_100_officer_hours", ascending=False).iloc[0]
        ring = evaluation.meta.ring(top["ring"])
        findings.append(
            Finding(
                "note",
                "ring_rate",
                "incidents_per_100_officer_hours",
                top["incidents_per_100_officer_hours"],
                {
                    "ring": {"id": ring.id, "name": ring.name, "name_id": ring.name_id},
                    "rate": _fmt(top["incidents_per_100_officer_hours"]),
                    "low": _fmt(top["ci_low"]),
                    "high": _fmt(top["ci_high"]),
                },
            )  # fmt: skip
        )
    response = evaluation.response_times
    overall = response[response["ring"] == "all"] if len(response) else response
    if len(overall):
        row = overall.iloc[0]
        findings.append(
            Finding(
                "note",
                "response",
                "median_response_minutes",
                row["median_minutes"],
                {
                    "median": _fmt(row["median_minutes"], 0),
                    "q1": _fmt(row["q1_minutes"], 0),
                    "q3": _fmt(row["q3_minutes"], 0),
                    "n": _count(int(row["n"])),
                },
            )  # fmt: skip
        )
    overlaps = evaluation.staffing_overlaps
    if len(overlaps):
        findings.append(
            Finding(
                "note",
                "overlaps",
                "overlapping_shifts",
                len(overlaps),
                {"count": _count(len(overlaps)), "hours": _fmt(overlaps["overlap_hours"].sum(), 1)},
            )  # fmt: skip
        )
    quarantined = sum(q.get("quarantined", 0) for q in evaluation.data_quality.values())
    if quarantined:
        findings.append(
            Finding(
                "note",
                "quarantined",
                "rows_quarantined",
                quarantined,
                {"count": _count(quarantined)},
            )  # fmt: skip
        )
    violations = evaluation.matrix_violations
    if len(violations):
        findings.append(
            Finding(
                "improvement",
                "matrix",
                "matrix_violations",
                len(violations),
                {"detail": "; ".join(violations["detail"].astype(str).head(3))},
            )
        )
    return findings
