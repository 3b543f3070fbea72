"""Verification metrics for the post-event review of a Security Risk Assessment.

Pure functions on counts and arrays - no I/O, no plotting, no dependency on
the rest of :mod:`sra_analysis`. One concept per module:

* :mod:`~sra_analysis.metrics.contingency` - 2 x 2 yes/no verification
  (:class:`TwoByTwo`, POD, FAR, CSI, bias, HSS, PSS, ETS);
* :mod:`~sra_analysis.metrics.multicategory` - K x K tables
  (:func:`confusion_matrix`, multi-category HSS/PSS, Gerrity score);
* :mod:`~sra_analysis.metrics.association` - ordinal association
  (gamma, tau-b, Somers' d with asymptotic intervals);
* :mod:`~sra_analysis.metrics.capture` - hot-spot capture (hit rate, PAI,
  PEI, PEI*);
* :mod:`~sra_analysis.metrics.best_capture` - the most the same coverage could
  capture (n*), PEI* from counts, and :func:`capture_summary`;
* :mod:`~sra_analysis.metrics.chance` - capture against random flagging
  (one-sided exact binomial test, PAI lower bound);
* :mod:`~sra_analysis.metrics.rates` - Poisson rates and exact intervals;
* :mod:`~sra_analysis.metrics.rate_ratio` - two rates compared (ratio, exact
  conditional interval, E-test and exact conditional test);
* :mod:`~sra_analysis.metrics.roc` - ROC/AUC and its intervals;
* :mod:`~sra_analysis.metrics.funnel` - exact binomial funnel-plot limits
  after Spiegelhalter (2005), to compare many events' proportions;
* :mod:`~sra_analysis.metrics.probability` - Brier score and reliability;
* :mod:`~sra_analysis.metrics.riskmatrix` - banding checks after Cox (2008);
* :mod:`~sra_analysis.metrics.resampling` - bootstrap intervals and
  permutation tests;
* :mod:`~sra_analysis.metrics.rotation` - toroidal (cyclic-shift) tests of
  capture and discrimination that keep their level when disruptions come in
  episodes;
* :mod:`~sra_analysis.metrics.ranked` - what those tests return: the observation ranked
  among its time offsets, and the level the offsets allow;
* :mod:`~sra_analysis.metrics.evidence` - the episodes themselves and the design effect.
"""

from __future__ import annotations

from sra_analysis.metrics.association import (
    AssociationResult,
    goodman_kruskal_gamma,
    kendall_tau_b,
    kendall_tau_b_pvalue,
    somers_d,
)
from sra_analysis.metrics.best_capture import (
    CaptureSummary,
    capture_summary,
    max_capturable_events,
    pei_star_from_counts,
)
from sra_analysis.metrics.capture import hit_rate, pai, pei, pei_star
from sra_analysis.metrics.chance import ChanceCapture, capture_vs_chance
from sra_analysis.metrics.contingency import (
    TwoByTwo,
    accuracy,
    csi,
    ets,
    far,
    frequency_bias,
    hss,
    pod,
    pofd,
    pss,
)
from sra_analysis.metrics.evidence import design_effect, disruption_episodes
from sra_analysis.metrics.funnel import FUNNEL_LEVELS, binomial_funnel_limits, funnel_position
from sra_analysis.metrics.multicategory import (
    confusion_matrix,
    gerrity_score,
    multicategory_hss,
    multicategory_pss,
)
from sra_analysis.metrics.probability import (
    BrierDecomposition,
    brier_decomposition,
    brier_score,
    reliability_table,
)
from sra_analysis.metrics.ranked import RotationTest
from sra_analysis.metrics.rate_ratio import RateComparison, compare_rates, conditional_rate_test
from sra_analysis.metrics.rates import (
    RateEstimate,
    incidents_per_100_officer_hours,
    poisson_rate,
    poisson_rate_table,
)
from sra_analysis.metrics.resampling import (
    BootstrapResult,
    PermutationResult,
    bootstrap_interval,
    permutation_pvalue,
)
from sra_analysis.metrics.riskmatrix import (
    check_risk_levels,
    risk_grid,
    weak_consistency_violations,
)
from sra_analysis.metrics.roc import auc_interval_hanley_mcneil, roc_auc, roc_auc_along, roc_curve
from sra_analysis.metrics.rotation import (
    ROTATION_METHOD,
    ROTATION_METHOD_TIES,
    rotation_auc_test,
    rotation_capture_test,
    rotation_tau_b_test,
    rotations,
)

__all__ = [
    # contingency
    "TwoByTwo",
    "pod",
    "far",
    "pofd",
    "csi",
    "frequency_bias",
    "accuracy",
    "hss",
    "pss",
    "ets",
    # multicategory
    "confusion_matrix",
    "multicategory_hss",
    "multicategory_pss",
    "gerrity_score",
    # association
    "AssociationResult",
    "goodman_kruskal_gamma",
    "kendall_tau_b",
    "kendall_tau_b_pvalue",
    "somers_d",
    # capture
    "CaptureSummary",
    "hit_rate",
    "pai",
    "pei",
    "pei_star",
    "max_capturable_events",
    "pei_star_from_counts",
    "capture_summary",
    # chance
    "ChanceCapture",
    "capture_vs_chance",
    # rates
    "RateEstimate",
    "RateComparison",
    "conditional_rate_test",
    "poisson_rate",
    "poisson_rate_table",
    "incidents_per_100_officer_hours",
    "compare_rates",
    # probability
    "roc_auc",
    "roc_auc_along",
    "roc_curve",
    "brier_score",
    "BrierDecomposition",
    "auc_interval_hanley_mcneil",
    "brier_decomposition",
    "reliability_table",
    # riskmatrix
    "risk_grid",
    "check_risk_levels",
    "weak_consistency_violations",
    # funnel
    "FUNNEL_LEVELS",
    "binomial_funnel_limits",
    "funnel_position",
    # resampling
    "BootstrapResult",
    "PermutationResult",
    "bootstrap_interval",
    "permutation_pvalue",
    # rotation
    "ROTATION_METHOD",
    "ROTATION_METHOD_TIES",
    "RotationTest",
    "design_effect",
    "disruption_episodes",
    "rotation_auc_test",
    "rotation_capture_test",
    "rotation_tau_b_test",
    "rotations",
]
