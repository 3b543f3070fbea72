"""The counts of a 2 x 2 verification table, shared by the scores built on it.

:class:`~sra_analysis.metrics.contingency.TwoByTwo` is the table users meet; its
counts, their checks and the tabulation from flags live here so that the chance-
corrected scores (:mod:`sra_analysis.metrics.skill`) and the table's own
``scores()`` (:mod:`sra_analysis.metrics.contingency`) can both check a table
without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sra_analysis.metrics._validation import as_1d_bool, check_count, check_same_length

__all__ = ["TableCounts", "check_table"]


@dataclass(frozen=True)
class TableCounts:
    """Hits, misses, false alarms and correct negatives, each a count (see ``TwoByTwo``)."""

    hits: int
    misses: int
    false_alarms: int
    correct_negatives: int

    def __post_init__(self) -> None:
        for field in ("hits", "misses", "false_alarms", "correct_negatives"):
            object.__setattr__(self, field, check_count(field, getattr(self, field)))

    @classmethod
    def from_arrays(cls, flagged: Any, observed: Any) -> TableCounts:
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
        TableCounts
            The table of hits, misses, false alarms and correct negatives (a
            ``TwoByTwo`` when called on it).

        Raises
        ------
        ValueError
            If the arrays differ in length, are not 1-D, or hold values other
            than booleans / 0 / 1 (missing values included).

        Examples
        --------
        >>> from sra_analysis.metrics import TwoByTwo
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


def check_table(table: Any) -> TableCounts:
    if not isinstance(table, TableCounts):
        raise ValueError(
            f"`table` must be a TwoByTwo instance, but {type(table).__name__} was passed."
        )
    return table
