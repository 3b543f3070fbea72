"""Circular cross-correlations for the rotation tests: what every offset gives, at once.

A rotation test needs its statistic at every offset ``k`` of the ``T`` time blocks. Counts of
the form ``sum_t a[r, t] * b[r, t - k]`` are a circular cross-correlation along the blocks, so
one FFT per ring (or per code) gives them all, exact after rounding when the counts are whole
numbers, instead of ``T`` rotated copies of the grid (:func:`sra_analysis.metrics.rotations`).
"""

from __future__ import annotations

import numpy as np

from sra_analysis.metrics.association import kendall_tau_b_tables

__all__ = ["caught", "tau_b_along"]


def caught(flagged: np.ndarray, values: np.ndarray) -> np.ndarray:
    """What the flagged cells hold at every offset: ``sum_r sum_t flagged[r, t] *
    values[r, t - k]``, a circular cross-correlation (one FFT per ring), exact after rounding
    when the values are whole numbers; by rotating them otherwise.

    Flags on blocks 0-1; at offset k the values sit k blocks later (wrapping round):

    >>> caught(np.array([[1, 1, 0, 0]]), np.array([[0, 1, 1, 0]])).tolist()
    [1.0, 0.0, 1.0, 2.0]
    >>> caught(np.array([[1, 1, 0, 0]]), np.array([[0, 0.5, 1, 0]])).tolist()
    [0.5, 0.0, 1.0, 1.5]
    """
    if not np.array_equal(values, np.rint(values)):
        return np.array([(np.roll(values, k, axis=1) * flagged).sum()
                         for k in range(values.shape[1])])  # fmt: skip
    spectra = np.fft.rfft(flagged, axis=1) * np.conj(np.fft.rfft(values, axis=1))
    return np.rint(np.fft.irfft(spectra.sum(axis=0), n=values.shape[1]))


def tau_b_along(scores: np.ndarray, counts: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Kendall's tau-b of the scores against the counts at every offset (counts rotated).

    At offset ``k`` the score × count table counts ``sum_t X_a[r, t] * Y_b[r, t - k]`` (cells
    of score code ``a`` whose rotated count has code ``b``): a circular cross-correlation, so
    every offset's table comes from one FFT per code, exact after rounding.
    """
    blocks = counts.shape[1]
    _, x = np.unique(scores[mask], return_inverse=True)
    x_codes = np.full(scores.shape, -1)
    x_codes[mask] = x  # cells a ring lacks are never counted
    _, y_codes = np.unique(counts * mask, return_inverse=True)
    y_codes = y_codes.reshape(counts.shape)
    n_x, n_y = int(x.max()) + 1, int(y_codes.max()) + 1
    fx = np.fft.rfft(x_codes[None] == np.arange(n_x)[:, None, None], axis=2)
    fy = np.fft.rfft(y_codes[None] == np.arange(n_y)[:, None, None], axis=2)
    spectra = np.einsum("arf,brf->abf", fx, np.conj(fy))
    tables = np.rint(np.fft.irfft(spectra, n=blocks, axis=2))  # (n_x, n_y, offsets)
    return kendall_tau_b_tables(np.moveaxis(tables, 2, 0))
