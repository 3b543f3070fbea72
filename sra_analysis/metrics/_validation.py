"""Private argument checks shared by the :mod:`sra_analysis.metrics` modules.

Every public function validates its inputs with these helpers so that error
messages follow one pattern: they name the argument, the allowed values and
the value received.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
from scipy import stats


def check_argument(name: str, allowed: Iterable[Any], value: Any) -> None:
    """Raise ``ValueError`` unless ``value`` is one of ``allowed``."""
    allowed = list(allowed)
    if value not in allowed:
        raise ValueError(f"`{name}` must be one of {allowed}, but {value!r} was passed.")


def check_confidence(confidence: float) -> float:
    """Return ``confidence`` as a float, checking that it lies strictly in (0, 1)."""
    try:
        value = float(confidence)
    except (TypeError, ValueError):
        value = math.nan
    if not 0.0 < value < 1.0:
        raise ValueError(
            f"`confidence` must be a number strictly between 0 and 1, "
            f"but {confidence!r} was passed."
        )
    return value


def z_value(confidence: float) -> float:
    """Two-sided standard-normal quantile for ``confidence`` (1.96 for 0.95)."""
    return float(stats.norm.ppf(0.5 + confidence / 2.0))


def check_count(name: str, value: Any) -> int:
    """Return ``value`` as a Python int, checking it is a non-negative whole number."""
    number = _as_number(value)
    if not math.isfinite(number) or number < 0 or number % 1:
        raise ValueError(
            f"`{name}` must be a non-negative integer count, but {value!r} was passed."
        )
    return int(number)


def check_nonnegative(name: str, value: Any) -> float:
    """Return ``value`` as a float, checking it is finite and non-negative."""
    number = _as_number(value)
    if not math.isfinite(number) or number < 0:
        raise ValueError(
            f"`{name}` must be a finite non-negative number, but {value!r} was passed."
        )
    return number


def check_positive_int(name: str, value: Any) -> int:
    """Return ``value`` as an int, checking it is a whole number >= 1."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise ValueError(f"`{name}` must be a positive integer, but {value!r} was passed.")
    return int(value)


def as_1d_float(name: str, values: Any) -> np.ndarray:
    """Copy ``values`` into a 1-D float array, rejecting NaN and infinities."""
    try:
        array = np.array(values, dtype=float)
    except (TypeError, ValueError) as error:
        raise ValueError(f"`{name}` must be a 1-D array of numbers, but got {values!r}.") from error
    if array.ndim != 1:
        raise ValueError(f"`{name}` must be 1-D, but an array of shape {array.shape} was passed.")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"`{name}` must contain only finite numbers (no NaN or inf).")
    return array


def as_1d_bool(name: str, values: Any) -> np.ndarray:
    """Copy ``values`` into a 1-D boolean array.

    Booleans and the numbers 0 and 1 are accepted; anything else (including
    missing values) raises ``ValueError`` listing the offending values.
    """
    array = np.asarray(values, dtype=object) if _is_nullable(values) else np.asarray(values)
    if array.ndim != 1:
        raise ValueError(f"`{name}` must be 1-D, but an array of shape {array.shape} was passed.")
    if array.dtype == bool:
        return array.copy()
    if array.dtype.kind in "iuf":
        binary = (array == 0) | (array == 1)
        if binary.all():
            return array == 1
    flat = list(array.tolist())
    bad = sorted({repr(v) for v in flat if not _is_binary(v)})
    if bad:
        shown = ", ".join(bad[:5])
        raise ValueError(f"`{name}` must contain only booleans or 0/1, but got the values {shown}.")
    return np.array([bool(v) for v in flat], dtype=bool)


def check_same_length(**arrays: np.ndarray) -> int:
    """Check that all arrays have the same length and return it."""
    lengths = {name: len(array) for name, array in arrays.items()}
    if len(set(lengths.values())) > 1:
        described = ", ".join(f"`{name}` has {n}" for name, n in lengths.items())
        raise ValueError(f"The arrays must have the same length, but {described}.")
    return next(iter(lengths.values()))


def as_count_table(name: str, table: Any, *, square: bool = False) -> np.ndarray:
    """Copy a 2-D table of non-negative finite counts into a float array."""
    values = table.to_numpy() if hasattr(table, "to_numpy") else table
    try:
        array = np.array(values, dtype=float)
    except (TypeError, ValueError) as error:
        raise ValueError(f"`{name}` must be a 2-D table of counts, but got {table!r}.") from error
    if array.ndim != 2:
        raise ValueError(f"`{name}` must be 2-D, but an array of shape {array.shape} was passed.")
    if square and (array.shape[0] != array.shape[1] or array.shape[0] < 2):
        raise ValueError(
            f"`{name}` must be a square K x K table with K >= 2, "
            f"but a table of shape {array.shape} was passed."
        )
    if not np.all(np.isfinite(array)) or np.any(array < 0):
        raise ValueError(f"`{name}` must contain only finite non-negative counts.")
    return array


def ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator`` or NaN when the denominator is zero."""
    if denominator == 0:
        return math.nan
    return float(numerator) / float(denominator)


def _as_number(value: Any) -> float:
    """``float(value)`` for real numbers (not bool or str), NaN otherwise."""
    if isinstance(value, bool | np.bool_) or not isinstance(
        value, int | float | np.integer | np.floating
    ):
        return math.nan
    return float(value)


def _is_binary(value: Any) -> bool:
    if isinstance(value, bool | np.bool_):
        return True
    if isinstance(value, int | float | np.integer | np.floating):
        return value in (0, 1)
    return False


def _is_nullable(values: Any) -> bool:
    dtype = getattr(values, "dtype", None)
    return dtype is not None and not isinstance(dtype, np.dtype)
