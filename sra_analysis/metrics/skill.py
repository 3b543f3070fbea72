"""Skill of yes/no flags against chance, from a 2 x 2 verification table.

Each score compares the SRA's flags with random flags of the same frequency:

* Heidke skill score (HSS): accuracy beyond what chance gets right;
* Peirce skill score (PSS; Hanssen-Kuipers, true skill statistic): hit rate
  minus false-alarm rate;
* equitable threat score (ETS; Gilbert skill score): CSI with the hits chance
  would make taken out.

Each is 0 for flags no better than chance and 1 for perfect flags; a zero
denominator gives ``nan``. The table is
:class:`~sra_analysis.metrics.contingency.TwoByTwo`, whose ``scores()`` include
these three.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sra_analysis.metrics._table import check_table
from sra_analysis.metrics._validation import ratio

if TYPE_CHECKING:
    from sra_analysis.metrics._table import TableCounts as TwoByTwo

__all__ = ["hss", "pss", "ets"]


def hss(table: TwoByTwo) -> float:
    """Heidke skill score, ``2(ad - bc) / [(a + c)(c + d) + (a + b)(b + d)]``.

    Accuracy relative to random forecasts with the same marginal totals.

    Parameters
    ----------
    table : TwoByTwo
        The verification counts.

    Returns
    -------
    float
        1 for a perfect forecast, 0 for no skill; ``nan`` when the
        denominator is zero.

    References
    ----------
    Heidke, P. (1926). Berechnung des Erfolges und der Güte der Windstärkevorhersagen im
    Sturmwarnungsdienst. *Geografiska Annaler* 8, 301-349. No DOI given.

    Doswell, C. A., Davies-Jones, R. & Keller, D. L. (1990). On summary measures of skill in
    rare event forecasting based on contingency tables. *Weather and Forecasting* 5(4), 576-585.
    doi:10.1175/1520-0434(1990)005<0576:OSMOSI>2.0.CO;2

    Examples
    --------
    >>> from sra_analysis.metrics import TwoByTwo
    >>> round(hss(TwoByTwo(28, 23, 72, 2680)), 3)
    0.355
    """
    t = check_table(table)
    a, b, c, d = t.hits, t.false_alarms, t.misses, t.correct_negatives
    return ratio(2.0 * (a * d - b * c), (a + c) * (c + d) + (a + b) * (b + d))


def pss(table: TwoByTwo) -> float:
    """Peirce skill score (Hanssen-Kuipers discriminant, true skill statistic).

    ``POD - POFD = (ad - bc) / [(a + c)(b + d)]``.

    Parameters
    ----------
    table : TwoByTwo
        The verification counts.

    Returns
    -------
    float
        Between -1 and 1; ``nan`` when either observed class is empty.

    References
    ----------
    Peirce, C. S. (1884). The numerical measure of the success of predictions. *Science* 4(93),
    453-454. No DOI given.

    Woodcock, F. (1976). The evaluation of yes/no forecasts for scientific and administrative
    purposes. *Monthly Weather Review* 104(10), 1209-1214. No DOI given.

    Doswell, C. A., Davies-Jones, R. & Keller, D. L. (1990). On summary measures of skill in
    rare event forecasting based on contingency tables. *Weather and Forecasting* 5(4), 576-585.
    doi:10.1175/1520-0434(1990)005<0576:OSMOSI>2.0.CO;2

    Examples
    --------
    >>> from sra_analysis.metrics import TwoByTwo
    >>> round(pss(TwoByTwo(28, 23, 72, 2680)), 3)
    0.523
    """
    t = check_table(table)
    a, b, c, d = t.hits, t.false_alarms, t.misses, t.correct_negatives
    return ratio(a * d - b * c, (a + c) * (b + d))


def ets(table: TwoByTwo) -> float:
    """Equitable threat score (Gilbert skill score).

    ``(a - a_r) / (a + b + c - a_r)`` with ``a_r = (a + b)(a + c) / n`` the
    hits expected by chance.

    Parameters
    ----------
    table : TwoByTwo
        The verification counts.

    Returns
    -------
    float
        Between -1/3 and 1; ``nan`` when the denominator is zero.

    References
    ----------
    Gilbert, G. K. (1884). Finley's tornado predictions. *American Meteorological Journal* 1,
    166-172. No DOI.

    Schaefer, J. T. (1990). The critical success index as an indicator of warning skill.
    *Weather and Forecasting* 5(4), 570-575. doi:10.1175/1520-0434(1990)005<0570:TCSIAA>2.0.CO;2

    Wilks, D. S. (2011). *Statistical Methods in the Atmospheric Sciences*, 3rd ed., ch. 8
    (Forecast verification). Academic Press. A book: no DOI.

    Examples
    --------
    >>> from sra_analysis.metrics import TwoByTwo
    >>> round(ets(TwoByTwo(28, 23, 72, 2680)), 3)
    0.216
    """
    t = check_table(table)
    a, b, c = t.hits, t.false_alarms, t.misses
    if t.n == 0:
        return float("nan")
    a_random = (a + b) * (a + c) / t.n
    return ratio(a - a_random, a + b + c - a_random)
