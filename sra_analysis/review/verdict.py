"""The verdict on an SRA: graded on skill, with chance and small counts accounted for.

A register earns credit only for what it did better than chance. Two questions, each with an
interval or a test:

1. **Capture beats chance.** Flagging the same share of ring-hours at random would catch each
   disrupted window with probability equal to that share; the flagged windows must hold more
   disrupted windows than that, by a one-sided exact binomial test at level :data:`ALPHA`
   (:func:`sra_analysis.metrics.capture_vs_chance`).
2. **Discrimination agrees.** Higher-rated windows were more often disrupted: the ROC AUC's
   interval lies above 0.5.

The grade follows from them in this order:

============================  ======  ==============================================
what the windows show          grade   reason
============================  ======  ==============================================
no disrupted window            quiet   ``quiet``
no ring-hour flagged           poor    ``flags_nothing``
≥ :data:`MAX_FLAGGED_SHARE`    poor    ``flags_everything`` — "guard everything"
flagged share of disrupted     poor    ``below_chance``
windows ≤ flagged share
both tests pass                good    ``skilled``
capture only                   mixed   ``capture_only``
discrimination only            mixed   ``discrimination_only``
neither, evidence thin         mixed   ``undecided`` — cannot be told from chance
neither, evidence sufficient   poor    ``no_skill``
============================  ======  ==============================================

The evidence is ``"thin"`` with fewer than :data:`MIN_DISRUPTED_WINDOWS` disrupted windows,
and the sentence says so. The findings on capture and discrimination use the same
:class:`Skill`, so a report never calls a strength what its verdict calls chance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sra_analysis.labels import level_label, t
from sra_analysis.labels.formats import format_number, format_p_value, format_percent

if TYPE_CHECKING:  # pragma: no cover
    from sra_analysis.review.scores import PredictionScores

__all__ = [
    "ALPHA",
    "GRADES",
    "MAX_FLAGGED_SHARE",
    "MIN_DISRUPTED_WINDOWS",
    "Skill",
    "Verdict",
    "assess_skill",
    "judge",
]

GRADES = ("good", "mixed", "poor", "quiet")
#: Level of the one-sided capture test.
ALPHA = 0.05
#: Below this many disrupted windows the evidence is "thin". At 10 disrupted windows and a
#: flagged share of 20 %, the capture test detects a register whose flagged windows hold
#: three times their share (PAI 3) with 83 % power; at 9, with 73 % (binomial, level 0.05).
MIN_DISRUPTED_WINDOWS = 10
#: A register flagging at least this share of the ring-hours says "guard everything".
MAX_FLAGGED_SHARE = 0.8

_GRADE_OF = {
    "quiet": "quiet",
    "flags_nothing": "poor",
    "flags_everything": "poor",
    "below_chance": "poor",
    "skilled": "good",
    "capture_only": "mixed",
    "discrimination_only": "mixed",
    "undecided": "mixed",
    "no_skill": "poor",
}


@dataclass(frozen=True)
class Skill:
    """What an evaluation's windows say about the SRA's skill, chance accounted for.

    Attributes
    ----------
    observed, hits : int
        Disrupted windows, and those among them that were flagged.
    flagged_share : float
        Share of the ring-hours flagged.
    expected : float
        Disrupted windows random flagging of the same share would catch.
    capture_p : float
        One-sided p-value of the capture test (nan without disrupted windows).
    pai_lower : float
        One-sided lower confidence bound of the window PAI.
    auc, auc_low, auc_high : float
        ROC AUC of the predicted score against disrupted windows, with its interval.
    capture_beats_chance, discriminates : bool
    coverage : {"everything", "nothing"} or None
        Set when the register flagged (nearly) every ring-hour or none.
    evidence : {"thin", "sufficient"}
    """

    observed: int
    hits: int
    flagged_share: float
    expected: float
    capture_p: float
    pai_lower: float
    auc: float
    auc_low: float
    auc_high: float
    capture_beats_chance: bool
    discriminates: bool
    coverage: str | None
    evidence: str

    @property
    def reason(self) -> str:
        """The row of the grading table (module docstring) that applies."""
        if self.observed == 0:
            return "quiet"
        if self.coverage is not None:
            return f"flags_{self.coverage}"
        if self.hits <= self.expected:
            return "below_chance"
        if self.capture_beats_chance and self.discriminates:
            return "skilled"
        if self.capture_beats_chance:
            return "capture_only"
        if self.discriminates:
            return "discrimination_only"
        return "undecided" if self.evidence == "thin" else "no_skill"

    @property
    def grade(self) -> str:
        return _GRADE_OF[self.reason]


def assess_skill(scores: PredictionScores) -> Skill:
    """The :class:`Skill` behind a verdict, from an evaluation's prediction scores."""
    chance, counts = scores.capture, scores.counts
    auc = scores.score("auc")
    share = counts.flagged_share
    coverage = None
    if share <= 0:
        coverage = "nothing"
    elif share >= MAX_FLAGGED_SHARE:
        coverage = "everything"
    return Skill(
        observed=counts.observed,
        hits=counts.hits,
        flagged_share=share,
        expected=chance.expected,
        capture_p=chance.p_value,
        pai_lower=chance.pai_lower,
        auc=auc.estimate,
        auc_low=auc.ci_low,
        auc_high=auc.ci_high,
        capture_beats_chance=chance.beats_chance(ALPHA),
        discriminates=bool(not math.isnan(auc.ci_low) and auc.ci_low > 0.5),
        coverage=coverage,
        evidence="thin" if counts.observed < MIN_DISRUPTED_WINDOWS else "sufficient",
    )


def format_p(value: float, lang: str = "en") -> str:
    """``p = 0.036``, ``p < 0.001`` (``p = 0,036`` in Bahasa Indonesia)."""
    return format_p_value(value, lang=lang)


@dataclass(frozen=True)
class Verdict:
    """The graded verdict on an SRA; :meth:`text` renders it in English or Bahasa Indonesia.

    Attributes
    ----------
    grade : {"good", "mixed", "poor", "quiet"}
    evidence : {"thin", "sufficient"}
    reason : str
        Which rule gave the grade (see the module docstring).
    skill : Skill
    flag_level : str
    incidents : float
        Incidents logged, for the sentence of a quiet event.
    """

    grade: str
    evidence: str
    reason: str
    skill: Skill
    flag_level: str
    incidents: float = 0.0

    def text(self, lang: str = "en") -> str:
        """The verdict's sentence(s) in ``lang``."""
        s = self.skill
        number = lambda v, d=2: format_number(v, lang=lang, digits=d)  # noqa: E731
        fields = {
            "flag_level": level_label(self.flag_level, lang),
            "area": format_percent(s.flagged_share, lang=lang),
            "hits": number(s.hits, 0),
            "observed": number(s.observed, 0),
            "expected": number(s.expected, 1),
            "p": format_p(s.capture_p, lang),
            "auc": number(s.auc),
            "low": number(s.auc_low),
            "high": number(s.auc_high),
            "incidents": number(self.incidents, None),
            "minimum": number(MIN_DISRUPTED_WINDOWS, 0),
        }
        text = t(f"verdict.{self.reason}", lang, **fields)
        if self.reason != "quiet" and self.evidence == "thin":
            text += " " + t("verdict.thin", lang, **fields)
        return text

    def label(self, lang: str = "en") -> str:
        """The grade as a word a commander reads at a glance: good / fair / poor / quiet,
        in Bahasa Indonesia baik / cukup / kurang / tanpa gangguan."""
        return t(f"verdict.grade.{self.grade}", lang)

    def to_dict(self, *, lang: str = "en") -> dict:
        """``summary.json``'s ``verdict``: grade, its word, evidence, reason and sentence."""
        return {
            "grade": self.grade,
            "label": self.label(lang),
            "evidence": self.evidence,
            "reason": self.reason,
            "text": self.text(lang),
        }


def judge(scores: PredictionScores, *, flag_level: str, incidents: float = 0.0) -> Verdict:
    """Grade an SRA from its prediction scores (see the module docstring).

    Examples
    --------
    A register that rates every ring-hour at the flag level catches every disruption and
    shows no skill:

    >>> import numpy as np, pandas as pd
    >>> from sra_analysis.review.scores import prediction_scores
    >>> windows = pd.DataFrame({"flagged": True, "observed": np.arange(40) % 2 == 0,
    ...     "hours": 1.0, "disruptions": np.arange(40) % 2, "incidents": np.arange(40) % 2,
    ...     "predicted_score": 20, "probability": np.nan})
    >>> v = judge(prediction_scores(windows, "high", n_resamples=0), flag_level="high")
    >>> v.grade, v.reason, v.evidence
    ('poor', 'flags_everything', 'sufficient')
    """
    skill = assess_skill(scores)
    return Verdict(
        grade=skill.grade,
        evidence=skill.evidence,
        reason=skill.reason,
        skill=skill,
        flag_level=flag_level,
        incidents=float(incidents),
    )
