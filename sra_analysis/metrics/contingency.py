"""Verification of yes/no forecasts with a 2 x 2 contingency table.

A window that the SRA flags as high risk is a *forecast* of an incident; the
review then counts:

====================  =====================  =====================
\\                     incident observed      no incident
====================  =====================  =====================
flagged               ``hits`` (a)           ``false_alarms`` (b)
not flagged           ``misses`` (c)         ``correct_negatives`` (d)
====================  =====================  =====================

The scores follow the definitions of the WWRP/WGNE Joint Working Group on
Forecast Verification Research ("Forecast Verification: Issues, Methods and
FAQ", CAWCR) and Wilks, *Statistical Methods in the Atmospheric Sciences*,
ch. 8. A score whose denominator is zero (for example POD when nothing
happened) is returned as ``nan``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sra_analysis.metrics._validation import as_1d_bool, check_count, check_same_length, ratio

__all__ = [
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
]


@dataclass(frozen=True)
class TwoByTwo:
    """Counts of a 2 x 2 verification table.

    Parameters
    ----------
    hits : int
        Flagged windows in which an incident occurred (a).
    misses : int
        Windows not flagged in which an incident occurred (c).
    false_alarms : int
        Flagged windows without incident (b).
    correct_negatives : int
        Windows neither flagged nor with an incident (d).

    References
    ----------
    Doswell, C. A., Davies-Jones, R. & Keller, D. L. (1990). On summary measures of skill in
    rare event forecasting based on contingency tables. *Weather and Forecasting* 5(4), 576-585.
    doi:10.1175/1520-0434(1990)005<0576:OSMOSI>2.0.CO;2

    Examples
    --------
    Finley's (1884) tornado forecasts:

    >>> table = TwoByTwo(hits=28, misses=23, false_alarms=72, correct_negatives=2680)
    >>> table.n
    2803
    >>> round(table.scores()["pod"], 3)
    0.549
    """

    hits: int
    misses: int
    false_alarms: int
    correct_negatives: int

    def __post_init__(self) -> None:
        for field in ("hits", "misses", "false_alarms", "correct_negatives"):
            object.__setattr__(self, field, check_count(field, getattr(self, field)))

    @classmethod
    def from_arrays(cls, flagged: Any, observed: Any) -> TwoByTwo:
        """Tabulate paired yes/no forecasts and observations.

        Parameters
        ----------
        flagged : array-like of bool
            ``True`` where the window was flagged (forecast "yes"). The
            numbers 0 and 1 are accepted as booleans.
        observed : array-like of bool
            ``True`` where at least one incident was observed.

        Returns
        -------
        TwoByTwo
            The table of hits, misses, false alarms and correct negatives.

        Raises
        ------
        ValueError
            If the arrays differ in length, are not 1-D, or hold values other
            than booleans / 0 / 1 (missing values included).

        Examples
        --------
        >>> TwoByTwo.from_arrays([True, True, False, False], [1, 0, 1, 0])
        TwoByTwo(hits=1, misses=1, false_alarms=1, correct_negatives=1)
        """
        f = as_1d_bool("flagged", flagged)
        o = as_1d_bool("observed", observed)
        check_same_length(flagged=f, observed=o)
        return cls(
            hits=int((f & o).sum()),
            misses=int((~f & o).sum()),
            false_alarms=int((f & ~o).sum()),
            correct_negatives=int((~f & ~o).sum()),
        )

    @property
    def n(self) -> int:
        """Total number of windows, ``a + b + c + d``."""
        return self.hits + self.misses + self.false_alarms + self.correct_negatives

    def scores(self) -> dict[str, float]:
        """All scores of the table.

        Returns
        -------
        dict of str to float
            Keys, in order: ``pod``, ``far``, ``csi``, ``frequency_bias``,
            ``hss``, ``pss``, ``ets``, ``pofd``, ``accuracy`` (see the free
            functions of the same names). Undefined scores are ``nan``.

        Examples
        --------
        >>> s = TwoByTwo(hits=28, misses=23, false_alarms=72, correct_negatives=2680).scores()
        >>> list(s)
        ['pod', 'far', 'csi', 'frequency_bias', 'hss', 'pss', 'ets', 'pofd', 'accuracy']
        >>> round(s["hss"], 3)
        0.355
        """
        return {
            "pod": pod(self),
            "far": far(self),
            "csi": csi(self),
            "frequency_bias": frequency_bias(self),
            "hss": hss(self),
            "pss": pss(self),
            "ets": ets(self),
            "pofd": pofd(self),
            "accuracy": accuracy(self),
        }


def _check_table(table: Any) -> TwoByTwo:
    if not isinstance(table, TwoByTwo):
        raise ValueError(
            f"`table` must be a TwoByTwo instance, but {type(table).__name__} was passed."
        )
    return table


def pod(table: TwoByTwo) -> float:
    """Probability of detection (hit rate), ``a / (a + c)``.

    Parameters
    ----------
    table : TwoByTwo
        The verification counts.

    Returns
    -------
    float
        Share of windows with an incident that were flagged; ``nan`` when no
        incident occurred.

    References
    ----------
    Doswell, C. A., Davies-Jones, R. & Keller, D. L. (1990). On summary measures of skill in
    rare event forecasting based on contingency tables. *Weather and Forecasting* 5(4), 576-585.
    doi:10.1175/1520-0434(1990)005<0576:OSMOSI>2.0.CO;2

    Examples
    --------
    >>> round(pod(TwoByTwo(28, 23, 72, 2680)), 3)
    0.549
    """
    t = _check_table(table)
    return ratio(t.hits, t.hits + t.misses)


def far(table: TwoByTwo) -> float:
    """False alarm ratio, ``b / (a + b)``.

    Parameters
    ----------
    table : TwoByTwo
        The verification counts.

    Returns
    -------
    float
        Share of flagged windows without incident; ``nan`` when nothing was
        flagged.

    References
    ----------
    Doswell, C. A., Davies-Jones, R. & Keller, D. L. (1990). On summary measures of skill in
    rare event forecasting based on contingency tables. *Weather and Forecasting* 5(4), 576-585.
    doi:10.1175/1520-0434(1990)005<0576:OSMOSI>2.0.CO;2

    Examples
    --------
    >>> far(TwoByTwo(28, 23, 72, 2680))
    0.72
    """
    t = _check_table(table)
    return ratio(t.false_alarms, t.hits + t.false_alarms)


def pofd(table: TwoByTwo) -> float:
    """Probability of false detection (false alarm rate), ``b / (b + d)``.

    Parameters
    ----------
    table : TwoByTwo
        The verification counts.

    Returns
    -------
    float
        Share of quiet windows that were flagged; ``nan`` when every window
        had an incident.

    References
    ----------
    Doswell, C. A., Davies-Jones, R. & Keller, D. L. (1990). On summary measures of skill in
    rare event forecasting based on contingency tables. *Weather and Forecasting* 5(4), 576-585.
    doi:10.1175/1520-0434(1990)005<0576:OSMOSI>2.0.CO;2

    Examples
    --------
    >>> round(pofd(TwoByTwo(28, 23, 72, 2680)), 3)
    0.026
    """
    t = _check_table(table)
    return ratio(t.false_alarms, t.false_alarms + t.correct_negatives)


def csi(table: TwoByTwo) -> float:
    """Critical success index (threat score), ``a / (a + b + c)``.

    Parameters
    ----------
    table : TwoByTwo
        The verification counts.

    Returns
    -------
    float
        Hits over all windows flagged or with an incident; ``nan`` when there
        are none.

    References
    ----------
    Schaefer, J. T. (1990). The critical success index as an indicator of warning skill.
    *Weather and Forecasting* 5(4), 570-575. doi:10.1175/1520-0434(1990)005<0570:TCSIAA>2.0.CO;2

    Doswell, C. A., Davies-Jones, R. & Keller, D. L. (1990). On summary measures of skill in
    rare event forecasting based on contingency tables. *Weather and Forecasting* 5(4), 576-585.
    doi:10.1175/1520-0434(1990)005<0576:OSMOSI>2.0.CO;2

    Examples
    --------
    >>> round(csi(TwoByTwo(28, 23, 72, 2680)), 3)
    0.228
    """
    t = _check_table(table)
    return ratio(t.hits, t.hits + t.false_alarms + t.misses)


def frequency_bias(table: TwoByTwo) -> float:
    """Frequency bias, ``(a + b) / (a + c)``: flagged windows per incident window.

    Parameters
    ----------
    table : TwoByTwo
        The verification counts.

    Returns
    -------
    float
        Above 1 the SRA over-flags, below 1 it under-flags; ``nan`` when no
        incident occurred.

    References
    ----------
    Doswell, C. A., Davies-Jones, R. & Keller, D. L. (1990). On summary measures of skill in
    rare event forecasting based on contingency tables. *Weather and Forecasting* 5(4), 576-585.
    doi:10.1175/1520-0434(1990)005<0576:OSMOSI>2.0.CO;2

    Examples
    --------
    >>> round(frequency_bias(TwoByTwo(28, 23, 72, 2680)), 2)
    1.96
    """
    t = _check_table(table)
    return ratio(t.hits + t.false_alarms, t.hits + t.misses)


def accuracy(table: TwoByTwo) -> float:
    """Proportion correct, ``(a + d) / n``.

    Parameters
    ----------
    table : TwoByTwo
        The verification counts.

    Returns
    -------
    float
        Share of windows classified correctly; ``nan`` for an empty table.

    References
    ----------
    Doswell, C. A., Davies-Jones, R. & Keller, D. L. (1990). On summary measures of skill in
    rare event forecasting based on contingency tables. *Weather and Forecasting* 5(4), 576-585.
    doi:10.1175/1520-0434(1990)005<0576:OSMOSI>2.0.CO;2

    Examples
    --------
    >>> round(accuracy(TwoByTwo(28, 23, 72, 2680)), 3)
    0.966
    """
    t = _check_table(table)
    return ratio(t.hits + t.correct_negatives, t.n)


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
    >>> round(hss(TwoByTwo(28, 23, 72, 2680)), 3)
    0.355
    """
    t = _check_table(table)
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
    >>> round(pss(TwoByTwo(28, 23, 72, 2680)), 3)
    0.523
    """
    t = _check_table(table)
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
    >>> round(ets(TwoByTwo(28, 23, 72, 2680)), 3)
    0.216
    """
    t = _check_table(table)
    a, b, c = t.hits, t.false_alarms, t.misses
    if t.n == 0:
        return float("nan")
    a_random = (a + b) * (a + c) / t.n
    return ratio(a - a_random, a + b + c - a_random)
