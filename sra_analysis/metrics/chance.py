"""Did the flagged windows catch more than chance would? Capture against random flagging.

A register that flags a share ``a`` of the ring-hours at random catches each disrupted window
with probability ``a``. Out of ``n`` disrupted windows the flagged ones then hold a number
``X ~ Binomial(n, a)``; a register with skill holds more. :func:`capture_vs_chance` tests the
observed count ``h`` against that (one-sided exact binomial test, ``P(X >= h)``) and gives
the captured share with its one-sided exact (Clopper–Pearson) lower confidence bound, and the
PAI (captured share per flagged share, Chainey, Tompson & Uhlig 2008) with that bound divided
by ``a``. At the same level, "the PAI's lower bound is above 1" and "capture beats chance"
are the same statement.

Counting disrupted *windows* rather than disruptions keeps one burst of incidents in a
single window from counting as many independent successes. When windows are drawn without
replacement the exact null is hypergeometric; the binomial has the larger variance, so its
upper-tail p-value is the more cautious one, and it also serves windows of unequal length
(``a`` is a share of hours, not of windows).
"""

from __future__ import annotations

from dataclasses import dataclass

from scipy import stats

from sra_analysis.metrics._validation import check_confidence, check_count

__all__ = ["ChanceCapture", "capture_vs_chance"]


@dataclass(frozen=True)
class ChanceCapture:
    """Captured disrupted windows against what random flagging would catch.

    Attributes
    ----------
    hits : int
        Disrupted windows that were flagged.
    observed : int
        Disrupted windows in all.
    flagged_share : float
        Share of the ring-hours that were flagged, ``a``.
    expected : float
        Disrupted windows random flagging of the same share would catch, ``observed * a``.
    share, share_lower : float
        ``hits / observed`` and its one-sided exact (Clopper–Pearson) lower confidence
        bound; nan when ``observed`` is 0.
    pai, pai_lower : float
        ``share / a`` and ``share_lower / a``; nan when ``a`` or ``observed`` is 0.
    p_value : float
        One-sided ``P(X >= hits)`` for ``X ~ Binomial(observed, a)``; nan when ``observed``
        is 0.
    confidence : float
    """

    hits: int
    observed: int
    flagged_share: float
    expected: float
    share: float
    share_lower: float
    pai: float
    pai_lower: float
    p_value: float
    confidence: float

    def beats_chance(self, alpha: float = 0.05) -> bool:
        """True when the flagged windows caught more than chance at level ``alpha``."""
        return bool(self.p_value < alpha) if self.observed else False


def capture_vs_chance(
    hits: int, observed: int, flagged_share: float, *, confidence: float = 0.95
) -> ChanceCapture:
    """Test whether flagged windows held more disrupted windows than random flagging would.

    Parameters
    ----------
    hits : int
        Disrupted windows that were flagged.
    observed : int
        Disrupted windows in all (``hits <= observed``).
    flagged_share : float
        Share of the ring-hours flagged, in [0, 1].
    confidence : float, default 0.95
        Level of the one-sided lower bounds.

    Returns
    -------
    ChanceCapture

    References
    ----------
    Clopper, C. J. & Pearson, E. S. (1934). The use of confidence or fiducial limits illustrated
    in the case of the binomial. *Biometrika* 26(4), 404-413. doi:10.1093/biomet/26.4.404

    Chainey, S., Tompson, L. & Uhlig, S. (2008). The utility of hotspot mapping for predicting
    spatial patterns of crime. *Security Journal* 21(1-2), 4-28. doi:10.1057/palgrave.sj.8350066

    Examples
    --------
    3 of 4 disrupted windows flagged while flagging 22 % of the ring-hours:
    ``P(X >= 3) = 4 · 0.22³ · 0.78 + 0.22⁴ ≈ 0.0356``.

    >>> result = capture_vs_chance(3, 4, 0.22)
    >>> round(result.p_value, 4), round(result.expected, 2), round(result.pai, 2)
    (0.0356, 0.88, 3.41)
    >>> result.beats_chance(), round(result.pai_lower, 2)
    (True, 1.13)

    Flagging everything catches everything, and proves nothing:

    >>> capture_vs_chance(22, 22, 1.0).p_value
    1.0
    """
    hits = check_count("hits", hits)
    observed = check_count("observed", observed)
    if hits > observed:
        raise ValueError(f"`hits` must not exceed `observed` ({observed}), but {hits} was passed.")
    flagged_share = float(flagged_share)
    if not 0.0 <= flagged_share <= 1.0:
        raise ValueError(f"`flagged_share` must be in [0, 1], but {flagged_share!r} was passed.")
    confidence = check_confidence(confidence)
    nan = float("nan")
    if observed == 0:
        return ChanceCapture(hits, 0, flagged_share, 0.0, nan, nan, nan, nan, nan, confidence)
    test = stats.binomtest(hits, observed, flagged_share, alternative="greater")
    # one-sided, like the test: the bound is above a exactly when p < 1 - confidence
    lower = float(test.proportion_ci(confidence_level=confidence, method="exact").low)
    share = hits / observed
    pai = (share / flagged_share, lower / flagged_share) if flagged_share > 0 else (nan, nan)
    return ChanceCapture(
        hits=hits,
        observed=observed,
        flagged_share=flagged_share,
        expected=observed * flagged_share,
        share=share,
        share_lower=lower,
        pai=float(pai[0]),
        pai_lower=float(pai[1]),
        p_value=float(min(1.0, test.pvalue)),
        confidence=confidence,
    )
