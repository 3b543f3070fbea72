"""Between-event heterogeneity of the level rate ratio: per-event estimates, combined by
DerSimonian & Laird (1986).

Each event's log rate ratio per level step is the maximum-likelihood slope of a Poisson
model with the event's own ring effects and ``log(hours)`` offset. The ring effects are
profiled out in closed form — for a Poisson model with group effects, the profile
log-likelihood of the slope is ``Σ_g [Σ_i y_i β x_i − Y_g log Σ_i t_i exp(β x_i)]`` — so
all events are fitted at once by Newton steps on one number each, instead of hundreds of
small GLMs. An event with no outcome at all contributes nothing and is counted as such; one
whose outcomes all sit at the lowest (or highest) level of every ring that had any has no
finite estimate and is counted as not estimable.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from sra_analysis.errors import ParameterError

__all__ = ["DLResult", "dersimonian_laird", "per_event_slopes"]

PER_EVENT_COLUMNS = [
    "event_id", "outcomes", "log_rate_ratio", "se", "rate_ratio", "ci_low", "ci_high", "status",
]  # fmt: skip


@dataclass(frozen=True)
class DLResult:
    """A random-effects combination of per-study estimates (DerSimonian & Laird 1986).

    Attributes
    ----------
    estimate, se : float
        Pooled estimate (on the scale given, e.g. a log rate ratio) and its standard error.
    ci_low, ci_high : float
        Its interval, ``estimate ± z se``.
    tau2 : float
        Between-study variance, ``max(0, (Q − (k − 1)) / C)``.
    i2 : float
        Share of the variation beyond chance, ``max(0, (Q − (k − 1)) / Q)`` (0 when Q = 0).
    q, q_p_value : float
        Cochran's Q and its χ²(k − 1) p-value.
    k : int
        Number of studies combined.
    """

    estimate: float
    se: float
    ci_low: float
    ci_high: float
    tau2: float
    i2: float
    q: float
    q_p_value: float
    k: int


def dersimonian_laird(
    estimates: Sequence[float], variances: Sequence[float], *, confidence: float = 0.95
) -> DLResult:
    """Combine estimates with the DerSimonian–Laird random-effects method.

    Parameters
    ----------
    estimates : sequence of float
        One estimate per study (here: per event), on a scale where they are near normal.
    variances : sequence of float
        Their within-study variances (positive).
    confidence : float, default 0.95

    Returns
    -------
    DLResult

    Raises
    ------
    ParameterError
        When the lengths differ or a variance is not positive and finite.

    References
    ----------
    DerSimonian, R. & Laird, N. (1986). Meta-analysis in clinical trials. *Controlled Clinical
    Trials* 7(3), 177-188. doi:10.1016/0197-2456(86)90046-2

    Higgins, J. P. T. & Thompson, S. G. (2002). Quantifying heterogeneity in a meta-analysis.
    *Statistics in Medicine* 21(11), 1539-1558. doi:10.1002/sim.1186

    Cochran, W. G. (1954). The combination of estimates from different experiments. *Biometrics*
    10(1), 101-129. doi:10.2307/3001666

    Examples
    --------
    >>> result = dersimonian_laird([0.0, 1.0, 2.0], [1.0, 1.0, 1.0])
    >>> result.q, result.tau2, result.i2, result.estimate
    (2.0, 0.0, 0.0, 1.0)
    """
    y = np.asarray(estimates, dtype=float)
    v = np.asarray(variances, dtype=float)
    if y.shape != v.shape or y.ndim != 1:
        raise ParameterError(
            f"dersimonian_laird: estimates and variances must be two sequences of equal "
            f"length, got {y.shape} and {v.shape}"
        )
    if np.any(~np.isfinite(v)) or np.any(v <= 0) or np.any(~np.isfinite(y)):
        raise ParameterError("dersimonian_laird: estimates must be finite, variances positive")
    k = len(y)
    if k == 0:
        nan = math.nan
        return DLResult(nan, nan, nan, nan, nan, nan, nan, nan, 0)
    w = 1.0 / v
    fixed = float(np.sum(w * y) / np.sum(w))
    q = float(np.sum(w * (y - fixed) ** 2))
    df = k - 1
    c = float(np.sum(w) - np.sum(w**2) / np.sum(w))
    tau2 = max(0.0, (q - df) / c) if c > 0 else 0.0
    i2 = max(0.0, (q - df) / q) if q > 0 else 0.0
    w_star = 1.0 / (v + tau2)
    estimate = float(np.sum(w_star * y) / np.sum(w_star))
    se = float(math.sqrt(1.0 / np.sum(w_star)))
    z = float(stats.norm.ppf(0.5 + confidence / 2.0))
    q_p = float(stats.chi2.sf(q, df)) if df > 0 else math.nan
    return DLResult(estimate, se, estimate - z * se, estimate + z * se, tau2, i2, q, q_p, k)


def per_event_slopes(
    windows: pd.DataFrame,
    *,
    outcome: str = "disruptions",
    step: str = "level_rank",
    confidence: float = 0.95,
    iterations: int = 50,
) -> pd.DataFrame:
    """Each event's log rate ratio per level step, with ring effects and offset log(hours).

    Parameters
    ----------
    windows : DataFrame
        Pooled windows with ``event_id``, ``ring``, ``hours``, ``outcome`` and ``step``.
    outcome : str, default "disruptions"
    step : str, default "level_rank"
    confidence : float, default 0.95
    iterations : int, default 50
        Newton steps (the profile log-likelihood is concave; a handful usually suffice).

    Returns
    -------
    DataFrame
        One row per event, :data:`PER_EVENT_COLUMNS`: ``event_id``, ``outcomes`` (its total),
        ``log_rate_ratio`` and ``se`` (inverse observed information), ``rate_ratio``,
        ``ci_low``, ``ci_high`` (Wald on the log scale), ``status``: ``"estimated"``,
        ``"no outcome"`` or ``"not estimable"`` (all outcomes at one end of the levels
        in every ring that had any, or no spread of levels; NaN numbers).

    References
    ----------
    Nelder, J. A. & Wedderburn, R. W. M. (1972). Generalized linear models. *Journal of the
    Royal Statistical Society, Series A* 135(3), 370-384. doi:10.2307/2344614

    DerSimonian, R. & Laird, N. (1986). Meta-analysis in clinical trials. *Controlled Clinical
    Trials* 7(3), 177-188. doi:10.1016/0197-2456(86)90046-2
    """
    use = windows[windows["hours"] > 0]
    events, event_code = np.unique(use["event_id"].astype(str).to_numpy(), return_inverse=True)
    group_keys = use["event_id"].astype(str) + "\x1f" + use["ring"].astype(str)
    _, group = np.unique(group_keys.to_numpy(), return_inverse=True)
    n_groups = int(group.max()) + 1 if len(group) else 0
    group_event = np.zeros(n_groups, dtype=np.int64)
    group_event[group] = event_code
    x = use[step].to_numpy(dtype=float)
    y = use[outcome].to_numpy(dtype=float)
    t = use["hours"].to_numpy(dtype=float)
    n_events = len(events)

    y_group = np.bincount(group, weights=y, minlength=n_groups)
    totals = np.bincount(event_code, weights=y, minlength=n_events)
    # a slope runs off to ±infinity when, in every ring with outcomes, they all sit at the
    # ring's highest (or lowest) level: detect both before fitting
    x_max = np.full(n_groups, -np.inf)
    np.maximum.at(x_max, group, x)
    x_min = np.full(n_groups, np.inf)
    np.minimum.at(x_min, group, x)
    at_max = np.bincount(group, weights=y * (x == x_max[group]), minlength=n_groups)
    at_min = np.bincount(group, weights=y * (x == x_min[group]), minlength=n_groups)
    off_max = np.bincount(group_event, weights=y_group - at_max, minlength=n_events)
    off_min = np.bincount(group_event, weights=y_group - at_min, minlength=n_events)
    separated = (totals > 0) & ((off_max <= 1e-12) | (off_min <= 1e-12))

    beta = np.zeros(n_events)
    sxy = np.bincount(event_code, weights=x * y, minlength=n_events)
    information = np.zeros(n_events)
    for _ in range(iterations):
        w = t * np.exp(beta[event_code] * x)
        s0 = np.bincount(group, weights=w, minlength=n_groups)
        s1 = np.bincount(group, weights=w * x, minlength=n_groups)
        s2 = np.bincount(group, weights=w * x * x, minlength=n_groups)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(s0 > 0, s1 / s0, 0.0)
            var = np.where(s0 > 0, s2 / s0 - mean**2, 0.0)
        score = sxy - np.bincount(group_event, weights=y_group * mean, minlength=n_events)
        information = np.bincount(group_event, weights=y_group * var, minlength=n_events)
        ok = (information > 1e-12) & ~separated
        update = np.where(ok, score / np.where(ok, information, 1.0), 0.0)
        beta = beta + np.clip(update, -2.0, 2.0)
        if np.all(np.abs(update) < 1e-10):
            break
    estimable = (totals > 0) & ~separated & (information > 1e-12)
    se = np.where(estimable, 1.0 / np.sqrt(np.where(estimable, information, 1.0)), np.nan)
    beta = np.where(estimable, beta, np.nan)
    z = float(stats.norm.ppf(0.5 + confidence / 2.0))
    status = np.where(totals <= 0, "no outcome", np.where(estimable, "estimated", "not estimable"))
    return pd.DataFrame(
        {
            "event_id": events,
            "outcomes": totals,
            "log_rate_ratio": beta,
            "se": se,
            "rate_ratio": np.exp(beta),
            "ci_low": np.exp(beta - z * se),
            "ci_high": np.exp(beta + z * se),
            "status": status,
        },
        columns=PER_EVENT_COLUMNS,
    )
