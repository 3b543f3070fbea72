"""What a column parser returns, and the helpers every parser shares.

Parsers (:mod:`sra_analysis.io.normalise`, :mod:`sra_analysis.io.timestamps`) work on the
distinct values of a column, so a million rows with a few thousand distinct values parse
quickly; the helpers here do the factorising and the taking back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

# one test of an empty cell for the whole package; io re-exports it for its parsers
from sra_analysis.event import is_blank_scalar

__all__ = ["ParsedColumn", "is_blank", "is_blank_scalar", "factorize_values", "parse_distinct"]


@dataclass(frozen=True)
class ParsedColumn:
    """Canonical values of one column and the cells that could not be parsed.

    Attributes
    ----------
    values : Series
        Canonical values, missing where the cell was blank or invalid.
    invalid : ndarray of bool
        True where the cell held something that could not be understood.
    reason : str
        What an invalid cell failed, for the quarantine table.
    reasons : ndarray of object, optional
        A reason for each invalid cell where it differs from ``reason`` (None elsewhere).
    notes : ndarray of object, optional
        For cells that were read but with a choice made (say, a repeated local time), the
        note to give the user as a warning; None elsewhere.
    """

    values: pd.Series
    invalid: np.ndarray
    reason: str = ""
    reasons: np.ndarray | None = None
    notes: np.ndarray | None = None

    def reasons_at(self, positions: Sequence[int]) -> list[str]:
        """The reason of each invalid cell at ``positions``.

        Examples
        --------
        >>> column = ParsedColumn(pd.Series([None, None]), np.array([True, True]), "bad",
        ...                       reasons=np.array([None, "worse"], dtype=object))
        >>> column.reasons_at([0, 1])
        ['bad', 'worse']
        """
        if self.reasons is None:
            return [self.reason] * len(positions)
        return [self.reason if self.reasons[p] is None else self.reasons[p] for p in positions]


def is_blank(values: pd.Series) -> np.ndarray:
    """True for cells that hold nothing: None, NaN, NaT or only white space."""
    missing = values.isna().to_numpy(dtype=bool, copy=True)
    if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
        codes, uniques = factorize_values(values)
        blank_unique = np.array(
            [isinstance(v, str) and not v.strip() for v in uniques] + [True], dtype=bool
        )
        missing |= blank_unique[codes]
    return missing


def factorize_values(values: pd.Series) -> tuple[np.ndarray, list]:
    """Codes (−1 for missing) and distinct values, without copying text to objects."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes, list(uniques)


def parse_distinct(values: pd.Series, parse_one, *, dtype) -> tuple[pd.Series, np.ndarray]:
    """Apply ``parse_one`` (returning (value, ok)) once per distinct value.

    Missing cells give ``parse_one``'s answer for None. The result is built by taking from
    the parsed distinct values, so a million rows cost a few thousand calls.
    """
    codes, uniques = factorize_values(values)
    parsed = [parse_one(u) for u in uniques] + [parse_one(None)]
    distinct = pd.array([p[0] for p in parsed], dtype=dtype)
    ok = np.array([p[1] for p in parsed], dtype=bool)
    # code −1 (missing) takes the last entry, the answer for None
    result = pd.Series(distinct.take(codes), index=values.index)
    return result, ok[codes]
