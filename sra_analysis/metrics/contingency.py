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

from sra_analysis.metrics._table import TableCounts, check_table
from sra_analysis.metrics._validation import ratio
from sra_analysis.metrics.skill import ets, hss, pss

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
class TwoByTwo(TableCounts):
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
    t = check_table(table)
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
    t = check_table(table)
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
    t = check_table(table)
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
    t = check_table(table)
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
    t = check_table(table)
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
    t = check_table(table)
    return ratio(t.hits + t.correct_negatives, t.n)
