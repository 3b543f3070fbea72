"""Are the SRAs' risk levels meaningful across events? Pooled rates by level and a count model.

:func:`rates_by_level` pools incidents and disruptions per ring-hour by predicted level over
all events, with exact (Garwood) intervals. :func:`level_rate_ratio` fits a Poisson GLM
(statsmodels) of the counts per window on the level's rank (an ordinal step: none = 0,
low = 1, ...) with ring fixed effects and offset ``log(hours)``, with standard errors robust
to clustering by event (windows of one event share its circumstances) and intervals from
Student's t on events − 1 degrees of freedom, so that a handful of events gives the wide
interval it deserves rather than one as narrow as thousands of windows would; checks the Pearson
dispersion and, when overdispersed, fits a negative binomial (NB2) the same way; and
combines per-event slopes by DerSimonian–Laird for the between-event heterogeneity
(:mod:`sra_analysis.rollup.heterogeneity`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from sra_analysis.errors import check_argument
from sra_analysis.review.tables import with_rates
from sra_analysis.rollup._checks import require_columns
from sra_analysis.rollup.few_events import MIN_EVENTS, NotEnoughEvents
from sra_analysis.rollup.heterogeneity import DLResult, dersimonian_laird, per_event_slopes

__all__ = ["LevelRateRatio", "OUTCOMES", "level_rate_ratio", "rates_by_level"]

#: What a rate counts: every incident, or only the disruptions.
OUTCOMES = ("disruptions", "incidents")

_WINDOW_COLUMNS = ["event_id", "ring", "hours", "predicted_level", "level_rank", *OUTCOMES]


def rates_by_level(windows: pd.DataFrame, *, confidence: float = 0.95) -> pd.DataFrame:
    """Incidents and disruptions per ring-hour by predicted level, pooled over events.

    Parameters
    ----------
    windows : DataFrame
        Pooled windows (:func:`~sra_analysis.rollup.artefacts.pool_tables`): ``event_id``,
        ``hours``, ``predicted_level``, ``level_rank``, ``incidents``, ``disruptions``.
    confidence : float, default 0.95

    Returns
    -------
    DataFrame
        One row per level, lowest first: ``level``, ``level_rank``, ``events`` (that had
        windows at the level), ``windows``, ``hours``, ``incidents``, ``disruptions``,
        ``incident_rate``, ``incident_ci_low``, ``incident_ci_high``, ``disruption_rate``,
        ``disruption_ci_low``, ``disruption_ci_high`` (per ring-hour, exact Garwood limits
        of the rounded counts).

    References
    ----------
    Garwood, F. (1936). Fiducial limits for the Poisson distribution. *Biometrika* 28(3-4),
    437-442. doi:10.1093/biomet/28.3-4.437

    Examples
    --------
    >>> windows = pd.DataFrame({"event_id": ["a", "a", "b"], "ring": "1",
    ...     "hours": [10.0, 10.0, 10.0], "predicted_level": ["low", "high", "high"],
    ...     "level_rank": [1, 3, 3], "incidents": [1, 4, 2], "disruptions": [0, 2, 1]})
    >>> rates_by_level(windows)[["level", "events", "hours", "incidents", "incident_rate"]]
      level  events  hours  incidents  incident_rate
    0   low       1   10.0          1            0.1
    1  high       2   20.0          6            0.3
    """
    require_columns(windows, _WINDOW_COLUMNS[2:], name="windows", caller="rates_by_level")
    grouped = windows.groupby(["level_rank", "predicted_level"], sort=True).agg(
        events=("event_id", "nunique"),
        windows=("hours", "size"),
        hours=("hours", "sum"),
        incidents=("incidents", "sum"),
        disruptions=("disruptions", "sum"),
    )
    table = grouped.reset_index().rename(columns={"predicted_level": "level"})
    table = table[["level", "level_rank", *table.columns[2:]]]
    return with_rates(table, confidence=confidence)


@dataclass(frozen=True)
class LevelRateRatio:
    """The rate ratio per level step across events, and how much it varies between them.

    Attributes
    ----------
    outcome : str
        ``"disruptions"`` or ``"incidents"``.
    rate_ratio, ci_low, ci_high, p_value : float
        From the model reported (``model``): exp of the level-step coefficient, its
        event-clustered interval and Wald p-value.
    model : str
        ``"poisson"`` or ``"negative binomial"`` (used when the Poisson fit is overdispersed).
    dispersion : float
        Pearson χ² / residual df of the Poisson fit.
    overdispersed : bool
        ``dispersion > overdispersion`` (the threshold given).
    fits : DataFrame
        One row per model fitted: ``model``, ``rate_ratio``, ``ci_low``, ``ci_high``,
        ``p_value``, ``dispersion`` (Poisson) or ``alpha`` (NB2), ``method``.
    events, windows : int
        Events and windows in the fit.
    heterogeneity : DLResult
        Per-event log rate ratios combined by DerSimonian–Laird (on the log scale).
    per_event : DataFrame
        The per-event estimates (:func:`~sra_analysis.rollup.heterogeneity.per_event_slopes`).
    events_without_outcome, events_not_estimable : int
        Events that contributed nothing to the heterogeneity (no outcome; no finite slope).
    """

    outcome: str
    rate_ratio: float
    ci_low: float
    ci_high: float
    p_value: float
    model: str
    dispersion: float
    overdispersed: bool
    fits: pd.DataFrame
    events: int
    windows: int
    heterogeneity: DLResult
    per_event: pd.DataFrame
    events_without_outcome: int
    events_not_estimable: int

    @property
    def pooled_random_effects(self) -> tuple[float, float, float]:
        """The DerSimonian–Laird rate ratio and its interval (exp of the log scale)."""
        dl = self.heterogeneity
        return math.exp(dl.estimate), math.exp(dl.ci_low), math.exp(dl.ci_high)


def _design(windows: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    rings = windows["ring"].astype(str)
    levels = sorted(rings.unique())
    columns = [np.ones(len(windows)), windows["level_rank"].to_numpy(dtype=float)]
    for ring in levels[1:]:  # the first ring is the reference
        columns.append((rings == ring).to_numpy(dtype=float))
    return np.column_stack(columns), levels


def _summary_row(model: str, result, df: int, confidence: float, extra: dict, method: str) -> dict:
    """The level-step coefficient as a rate ratio, with a t interval and p-value on ``df``
    degrees of freedom (events − 1: the clusters, not the windows, are the sample)."""
    beta, se = float(result.params[1]), float(result.bse[1])
    crit = float(stats.t.ppf(0.5 + confidence / 2.0, df))
    return {
        "model": model,
        "rate_ratio": math.exp(beta),
        "ci_low": math.exp(beta - crit * se),
        "ci_high": math.exp(beta + crit * se),
        "p_value": float(2 * stats.t.sf(abs(beta / se), df)) if se > 0 else math.nan,
        **extra,
        "method": method,
    }


def level_rate_ratio(
    windows: pd.DataFrame,
    *,
    outcome: str = "disruptions",
    confidence: float = 0.95,
    overdispersion: float = 1.2,
) -> LevelRateRatio | NotEnoughEvents:
    """Rate ratio per step of predicted level, pooled over events, with its heterogeneity.

    Parameters
    ----------
    windows : DataFrame
        Pooled windows: ``event_id``, ``ring``, ``hours``, ``level_rank``, ``incidents``,
        ``disruptions``.
    outcome : {"disruptions", "incidents"}
    confidence : float, default 0.95
    overdispersion : float, default 1.2
        Pearson χ²/df above which the Poisson fit counts as overdispersed and a negative
        binomial is fitted and reported. A threshold on size, not a test: with tens of
        thousands of windows any dispersion above 1 would be "significant", while event-
        clustered errors already keep the Poisson interval honest under mild extra variation.
        When the negative binomial gives no interval (its dispersion parameter at the
        boundary 0, where the Hessian cannot be inverted: the extra variation lies between
        rings and events, which the fixed effects and clustering already carry), the Poisson
        fit is reported; both stay in ``fits``.

    Returns
    -------
    LevelRateRatio or NotEnoughEvents
        :class:`~sra_analysis.rollup.few_events.NotEnoughEvents` when the windows come from
        fewer than two events: a ratio clustered by event needs two clusters or more.

    References
    ----------
    Nelder, J. A. & Wedderburn, R. W. M. (1972). Generalized linear models. *Journal of the
    Royal Statistical Society, Series A* 135(3), 370-384. doi:10.2307/2344614

    Liang, K.-Y. & Zeger, S. L. (1986). Longitudinal data analysis using generalized linear
    models. *Biometrika* 73(1), 13-22. doi:10.1093/biomet/73.1.13

    Cameron, A. C. & Miller, D. L. (2015). A practitioner's guide to cluster-robust inference.
    *Journal of Human Resources* 50(2), 317-372. doi:10.3368/jhr.50.2.317

    Cameron, A. C. & Trivedi, P. K. (2013). *Regression Analysis of Count Data*, 2nd ed.
    (Pearson dispersion, negative binomial NB2). Cambridge University Press. A book: no DOI.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> rank = np.tile(np.arange(5), 400)
    >>> windows = pd.DataFrame({"event_id": np.repeat(np.arange(40), 50).astype(str),
    ...     "ring": "1", "hours": 1.0, "level_rank": rank, "incidents": 0,
    ...     "disruptions": rng.poisson(0.05 * 2.0 ** rank)})
    >>> result = level_rate_ratio(windows)
    >>> result.model, bool(result.ci_low < 2.0 < result.ci_high)
    ('poisson', True)
    """
    check_argument("outcome", OUTCOMES, outcome)
    require_columns(
        windows, [c for c in _WINDOW_COLUMNS if c != "predicted_level"], name="windows",
        caller="level_rate_ratio",
    )  # fmt: skip
    # the three classes, not statsmodels.api, which imports all of statsmodels (a third
    # of a second more, on the roll-up's critical path)
    from statsmodels.discrete.discrete_model import NegativeBinomial
    from statsmodels.genmod import families
    from statsmodels.genmod.generalized_linear_model import GLM

    use = windows[windows["hours"] > 0]
    found = int(use["event_id"].nunique())
    if found < MIN_EVENTS:
        return NotEnoughEvents("level_rate_ratio", found=found)
    exog, _ = _design(use)
    endog = use[outcome].to_numpy(dtype=float)
    offset = np.log(use["hours"].to_numpy(dtype=float))
    _, groups = np.unique(use["event_id"].astype(str).to_numpy(), return_inverse=True)
    # few events make few clusters: the sandwich is scaled by G/(G-1) (statsmodels'
    # correction) and the interval uses t with G-1 df (Cameron & Miller 2015, section VI)
    df = max(int(groups.max()) if len(groups) else 0, 1)
    cluster = {"cov_type": "cluster", "cov_kwds": {"groups": groups}}

    poisson = GLM(endog, exog, family=families.Poisson(), offset=offset).fit(**cluster)
    dispersion = float(poisson.pearson_chi2 / poisson.df_resid)
    rows = [
        _summary_row(
            "poisson",
            poisson,
            df,
            confidence,
            {"dispersion": dispersion, "alpha": math.nan},
            "Poisson GLM, offset log(hours), ring fixed effects, event-clustered SE",
        )  # fmt: skip
    ]
    overdispersed = dispersion > overdispersion
    if overdispersed:
        nb = NegativeBinomial(endog, exog, offset=offset, loglike_method="nb2")
        nb_fit = nb.fit(disp=0, maxiter=200, **cluster)
        alpha = float(nb_fit.params[-1])
        rows.append(
            _summary_row(
                "negative binomial",
                nb_fit,
                df,
                confidence,
                {"dispersion": math.nan, "alpha": alpha},
                "negative binomial (NB2), offset log(hours), ring fixed effects, "
                "event-clustered SE",
            )  # fmt: skip
        )
    fits = pd.DataFrame(rows)
    # the last fit that gives an interval: the negative binomial when it does, else Poisson
    usable = fits[np.isfinite(fits["ci_low"]) & np.isfinite(fits["ci_high"])]
    chosen = usable.iloc[-1] if len(usable) else fits.iloc[-1]

    per_event = per_event_slopes(use, outcome=outcome, confidence=confidence)
    estimated = per_event[per_event["status"] == "estimated"]
    dl = dersimonian_laird(
        estimated["log_rate_ratio"].to_numpy(), estimated["se"].to_numpy() ** 2,
        confidence=confidence,
    )  # fmt: skip
    return LevelRateRatio(
        outcome=outcome,
        rate_ratio=float(chosen["rate_ratio"]),
        ci_low=float(chosen["ci_low"]),
        ci_high=float(chosen["ci_high"]),
        p_value=float(chosen["p_value"]),
        model=str(chosen["model"]),
        dispersion=dispersion,
        overdispersed=bool(overdispersed),
        fits=fits,
        events=int(groups.max()) + 1 if len(groups) else 0,
        windows=len(use),
        heterogeneity=dl,
        per_event=per_event,
        events_without_outcome=int((per_event["status"] == "no outcome").sum()),
        events_not_estimable=int((per_event["status"] == "not estimable").sum()),
    )
