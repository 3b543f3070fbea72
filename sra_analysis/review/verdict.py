"""The verdict on an SRA: graded on skill, with chance and small counts accounted for.

A register earns credit only for what it did better than chance. Disruptions come in episodes
(a demonstration lasts hours, spills into the next ring, flares again), so "chance" is the
same disruptions at other times of the event: every ring's disrupted series is shifted by the
same offset through every offset of the event, and the register's ratings stay where they
were (toroidal rotation tests, :mod:`sra_analysis.metrics.rotation`). Two questions:

1. **Capture beats chance.** The flagged windows hold more disrupted windows than at the
   shifted times, one-sided mid-p below :data:`ALPHA`
   (:func:`sra_analysis.metrics.rotation_capture_test`).
2. **Discrimination agrees.** Higher-rated windows were more often disrupted: the ROC AUC
   beats its shifted values, one-sided mid-p below :data:`ALPHA_DISCRIMINATION` (the level of
   the former rule "the 95% interval lies above 0.5";
   :func:`sra_analysis.metrics.rotation_auc_test`).

A shifted time that catches as many disrupted windows (or gives the same AUC) is ordered by
the incidents of any severity it puts in the flagged windows (by tau-b of the scores against
them): with a handful of disrupted windows most shifted times tie, and a mid-p over heavy ties
is conservative when disruptions come in few long episodes, which costs power.

On nulls whose disruptions cluster, tests treating windows as independent passed far more
often than their level; the rotation tests keep it (``benchmarks/bench_calibration.py``).

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

The evidence is ``"thin"`` with fewer than :data:`MIN_EPISODES` episodes of disruption — runs
of consecutive disrupted windows in a ring, each counted once — and the sentence says so, with
the count of episodes. The findings on capture and discrimination use the same :class:`Skill`,
so a report never calls a strength what its verdict calls chance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sra_analysis.labels import level_label, t
from sra_analysis.labels.formats import format_number, format_p_value, format_percent
from sra_analysis.metrics.rotation import ROTATION_METHOD_TIES

if TYPE_CHECKING:  # pragma: no cover
    from sra_analysis.review.scores import PredictionScores

__all__ = [
    "ALPHA",
    "GRADES",
    "ALPHA_DISCRIMINATION",
    "MAX_FLAGGED_SHARE",
    "MIN_EPISODES",
    "Skill",
    "Verdict",
    "assess_skill",
    "judge",
]

GRADES = ("good", "mixed", "poor", "quiet")
#: Level of the one-sided capture test.
ALPHA = 0.05
#: Level of the one-sided discrimination test (a 95% interval above 0.5 has this level).
ALPHA_DISCRIMINATION = 0.025
#: Below this many episodes of disruption the evidence is "thin". At 10 independent pieces
#: of evidence and a flagged share of 20 %, a capture test detects a register whose flagged
#: windows hold three times their share (PAI 3) with 83 % power; at 9, with 73 % (binomial,
#: level 0.05). Windows of one episode are not independent, so the episodes are counted.
MIN_EPISODES = 10
#: A register flagging at least this share of the ring-hours says "guard everything".
MAX_FLAGGED_SHARE = 0.8

#: Reasons whose sentence quotes the tests' p-value and the AUC interval.
_TESTED = ("skilled", "capture_only", "discrimination_only", "undecided", "no_skill")
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
        One-sided mid-p of the capture rotation test (nan without disrupted windows).
    pai_lower : float
        One-sided lower confidence bound of the window PAI (windows as independent).
    auc, auc_low, auc_high : float
        ROC AUC of the predicted score against disrupted windows, with its interval
        (windows as independent).
    capture_beats_chance, discriminates : bool
    coverage : {"everything", "nothing"} or None
        Set when the register flagged (nearly) every ring-hour or none.
    evidence : {"thin", "sufficient"}
    auc_p : float
        One-sided mid-p of the AUC rotation test.
    episodes : int
        Episodes of disruption: the independent pieces of evidence.
    design_effect : float
        Variance of the capture count over the offsets against the binomial's.
    offsets : int
        Time offsets the rotation tests tried.
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
    auc_p: float = math.nan
    episodes: int = 0
    design_effect: float = math.nan
    offsets: int = 0

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
    """The :class:`Skill` behind a verdict, from an evaluation's prediction scores.

    References
    ----------
    Harms, K. E., Condit, R., Hubbell, S. P. & Foster, R. B. (2001). Habitat associations of
    trees and shrubs in a 50-ha neotropical forest plot. *Journal of Ecology* 89(6), 947-959.
    doi:10.1111/j.1365-2745.2001.00615.x

    Lancaster, H. O. (1961). Significance tests in discrete distributions. *Journal of the
    American Statistical Association* 56(294), 223-234. doi:10.1080/01621459.1961.10482105
    """
    chance, counts, rotation = scores.capture, scores.counts, scores.rotation
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
        capture_p=rotation.capture.p_value,
        pai_lower=chance.pai_lower,
        auc=auc.estimate,
        auc_low=auc.ci_low,
        auc_high=auc.ci_high,
        capture_beats_chance=counts.observed > 0 and rotation.capture.significant(ALPHA),
        discriminates=rotation.auc.significant(ALPHA_DISCRIMINATION),
        coverage=coverage,
        evidence="thin" if rotation.episodes < MIN_EPISODES else "sufficient",
        auc_p=rotation.auc.p_value,
        episodes=rotation.episodes,
        design_effect=rotation.design_effect,
        offsets=rotation.capture.n_offsets,
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
            "minimum": number(MIN_EPISODES, 0),
            "episodes": number(s.episodes, 0),
            "offsets": number(max(s.offsets - 1, 0), 0),
        }
        text = t(f"verdict.{self.reason}", lang, **fields)
        if self.reason in _TESTED:  # the sentences that quote the tests and the AUC interval
            text += " " + t("verdict.episodes", lang, **fields)
        if self.reason != "quiet":
            if self.evidence == "thin":
                text += " " + t("verdict.thin_episodes", lang, **fields)
        return text

    def label(self, lang: str = "en") -> str:
        """The grade as a word a commander reads at a glance: good / fair / poor / quiet,
        in Bahasa Indonesia baik / cukup / kurang / tanpa gangguan."""
        return t(f"verdict.grade.{self.grade}", lang)

    def to_dict(self, *, lang: str = "en") -> dict:
        """``summary.json``'s ``verdict``: grade, its word (``label``), evidence, reason, the
        sentence, and the evidence behind them: ``episodes`` (the independent pieces of
        evidence the grade counts), ``disrupted_windows``, ``design_effect``, the two
        rotation tests' mid-p values (``capture_p_value``, ``auc_p_value``), ``offsets`` and
        ``test``."""
        s = self.skill
        return {
            "grade": self.grade,
            "label": self.label(lang),
            "evidence": self.evidence,
            "reason": self.reason,
            "text": self.text(lang),
            "episodes": s.episodes,
            "evidence_units": "episodes",
            "disrupted_windows": s.observed,
            "design_effect": s.design_effect,
            "capture_p_value": s.capture_p,
            "auc_p_value": s.auc_p,
            "offsets": s.offsets,
            "test": ROTATION_METHOD_TIES,
        }


def judge(scores: PredictionScores, *, flag_level: str, incidents: float = 0.0) -> Verdict:
    """Grade an SRA from its prediction scores (see the module docstring).

    References
    ----------
    Harms, K. E., Condit, R., Hubbell, S. P. & Foster, R. B. (2001). Habitat associations of
    trees and shrubs in a 50-ha neotropical forest plot. *Journal of Ecology* 89(6), 947-959.
    doi:10.1111/j.1365-2745.2001.00615.x

    Wilks, D. S. (1997). Resampling hypothesis tests for autocorrelated fields. *Journal of
    Climate* 10(1), 65-82. doi:10.1175/1520-0442(1997)010<0065:RHTFAF>2.0.CO;2

    Lancaster, H. O. (1961). Significance tests in discrete distributions. *Journal of the
    American Statistical Association* 56(294), 223-234. doi:10.1080/01621459.1961.10482105

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
