"""Was the SRA right, and was staffing matched to risk? The numbers behind the review.

:func:`evaluate` applies :mod:`sra_analysis.metrics` to the windows table of an event and
gathers the tables a review report shows. A window is *observed* when it had at least one
disruption and *flagged* when its predicted level is at or above ``flag_level``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sra_analysis import metrics
from sra_analysis.errors import ParameterError
from sra_analysis.event import Event
from sra_analysis.levels import (
    DEFAULT_RISK_BANDS,
    NO_RISK_LEVEL,
    check_flag_level,
    severity_level,
)
from sra_analysis.privacy import pseudonymise
from sra_analysis.review.aar import AfterActionReview, after_action_review
from sra_analysis.review.anticipation import anticipated_by
from sra_analysis.review.display import EvaluationDisplay
from sra_analysis.review.findings import Finding, build_findings
from sra_analysis.review.parts import ReviewParts
from sra_analysis.review.plan import plan_summary
from sra_analysis.review.scores import Counts, PredictionScores, Score, prediction_scores
from sra_analysis.review.spans import merge_spans
from sra_analysis.review.staffing import overlapping_shifts
from sra_analysis.review.tables import (
    OBSERVED_CLASSES,
    observed_class,
    rate_by_level_table,
    response_time_table,
    ring_table,
    sra_item_table,
)
from sra_analysis.review.verdict import Verdict, judge
from sra_analysis.review.windows import review_windows

__all__ = ["Evaluation", "OBSERVED_CLASSES", "SCHEMA_VERSION", "evaluate"]

#: Version of the summary.json layout (DESIGN §5); 3: ``by_ring`` entries carry ``zone``.
SCHEMA_VERSION = "3"


@dataclass(frozen=True, repr=False)
class Evaluation(EvaluationDisplay, ReviewParts):
    """The review of one event. Build with :func:`evaluate`; ``to_dict()`` is summary.json.

    In a notebook it shows a one-line ``repr``, :meth:`summary` and a small HTML table
    (:mod:`sra_analysis.review.display`), not its dozen tables.

    Everything of :class:`~sra_analysis.review.parts.ReviewParts`, and:

    Attributes
    ----------
    findings : tuple of Finding
        Strengths, areas for improvement and notes (:mod:`sra_analysis.review.findings`).
    verdict : Verdict
        The graded verdict on the SRA (:mod:`sra_analysis.review.verdict`).
    aar : AfterActionReview
        The after-action review built from all of the above (:mod:`sra_analysis.review.aar`):
        summary, chronology of episodes, strengths and areas for improvement.
    """

    findings: tuple[Finding, ...]
    verdict: Verdict
    aar: AfterActionReview

    @property
    def scores(self) -> pd.DataFrame:
        """One row per score: ``metric``, ``estimate``, ``ci_low``, ``ci_high``,
        ``p_value``, ``method``, ``n``."""
        return self.prediction.table

    @property
    def counts(self) -> Counts:
        """The 2×2 counts of windows with the flagged and total hours."""
        return self.prediction.counts

    @property
    def reliability(self) -> pd.DataFrame:
        """Reliability table of the register's probabilities (empty without them)."""
        return self.prediction.reliability

    def score(self, metric: str) -> Score:
        """One row of :attr:`scores` (nan when not computed)."""
        return self.prediction.score(metric)

    def to_dict(self, *, lang: str = "en") -> dict:
        """The ``summary.json`` body (DESIGN §5): JSON-ready, NaN as null."""
        event = {} if self.meta is None else self.meta.to_dict()
        body = {
            "event": {
                k: event.get(k) for k in ("id", "name", "timezone", "start", "end", "risk_levels")
            },
            "provenance": dict(self.provenance),
            "data_quality": dict(self.data_quality),
            "totals": dict(self.totals),
            "by_ring": self.by_ring.to_dict("records"),
            "staffing_plan": dict(self.staffing_plan),
            "prediction": {
                **_prediction_summary(self.prediction),
                "rate_by_level": self.rate_by_level.to_dict("records"),
            },
            "scores": self.scores.to_dict("records"),
            "verdict": self.verdict.to_dict(lang=lang),
            "findings": [finding.to_dict(lang=lang) for finding in self.findings],
            "aar": self.aar.to_dict(lang=lang),
            "schema_version": SCHEMA_VERSION,
        }
        return _jsonable(body)


def _prediction_summary(prediction: PredictionScores) -> dict:
    """``summary.json``'s ``prediction`` (DESIGN §5): the counts, each score's estimate
    under its name, and the interval and p-value of the scores that have them, as
    ``<metric>_ci_low``, ``<metric>_ci_high``, ``<metric>_p_value``. The one place those
    names are composed; readers in the package use :attr:`Evaluation.scores`."""
    counts = prediction.counts
    out: dict = {"flag_level": prediction.flag_level, **dataclasses.asdict(counts)}
    for row in prediction.table.itertuples(index=False):
        out[row.metric] = row.estimate
        for part in ("ci_low", "ci_high", "p_value"):
            value = getattr(row, part)
            if not math.isnan(value):
                out[f"{row.metric}_{part}"] = value
    auc = prediction.score("auc")
    out["auc_ci_method"] = auc.method.split(";")[0].split(",")[0] or None  # the interval
    chance = prediction.capture
    # the binomial test treats windows as independent; kept beside the rotation test the
    # verdict uses, and labelled so
    out["capture_test"] = {
        **dataclasses.asdict(chance),
        "method": "one-sided exact binomial over disrupted windows, windows treated as "
        "independent (the verdict uses rotation_p_value)",
        "rotation_p_value": prediction.score("capture").p_value,
    }
    return out


def _jsonable(value):
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return None if math.isnan(value) or math.isinf(value) else float(value)
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def _disruption_rule(incidents: pd.DataFrame, threshold: int) -> dict:
    """How the incidents' disruptions were decided: by the log's column, or by severity at or
    above ``threshold`` where the log left it blank (``disrupted_by_rule``)."""
    by_rule = incidents.get("disrupted_by_rule", pd.Series(False, index=incidents.index))
    by_rule = by_rule.to_numpy(dtype=bool)
    decided = int(by_rule.sum())
    if decided == 0:
        source = "column"
    else:
        source = "severity" if decided == len(incidents) else "mixed"
    disrupted = incidents["disrupted_proceedings"].to_numpy(dtype=bool)
    return {
        "source": source,
        "threshold": int(threshold),
        "decided_by_rule": decided,
        "disruptions_by_rule": int((disrupted & by_rule).sum()),
    }


def _flags(windows: pd.DataFrame, flag_level: str) -> pd.DataFrame:
    levels = windows["predicted_level"]
    if not isinstance(levels.dtype, pd.CategoricalDtype) or not levels.dtype.ordered:
        raise ParameterError("windows['predicted_level'] must be an ordered categorical")
    names = list(levels.dtype.categories)
    check_flag_level(flag_level, levels=names)
    out = windows.copy()
    out["flagged"] = (levels.cat.codes >= names.index(flag_level)).to_numpy()
    out["observed"] = (windows["disruptions"] > 0).to_numpy()
    return out


def evaluate(
    data: Event | pd.DataFrame,
    *,
    windows: pd.DataFrame | None = None,
    flag_level: str | None = None,
    freq: str = "1h",
    aoristic: bool = False,
    confidence: float = 0.95,
    n_resamples: int = 1000,
    seed: int = 0,
) -> Evaluation:
    """Score the SRA against what happened, and gather the review's tables and findings.

    Parameters
    ----------
    data : Event or DataFrame
        A loaded event, or a windows table from :func:`sra_analysis.review_windows` (then
        the parts that need incidents, register or staffing rows are empty).
    windows : DataFrame, optional
        The event's windows table when already computed (``freq`` and ``aoristic`` are
        then only recorded in the provenance).
    flag_level : str, optional
        Windows rated at or above it count as flagged; the event's ``flag_level`` (or
        ``"high"``) by default.
    freq, aoristic
        Passed to :func:`review_windows` when ``data`` is an event.
    confidence : float, default 0.95
        Level of every interval.
    n_resamples : int, default 1000
        Bootstrap resamples of the AUC interval (0 skips it); the rotation tests try every
        time offset and need none.
    seed : int, default 0
        Seed of the resampling, so a report is reproducible.

    Returns
    -------
    Evaluation

    Examples
    --------
    >>> from sra_analysis import load_event
    >>> from sra_analysis.resources import sample_dir
    >>> review = evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=0)
    >>> review.flag_level, review.totals["personnel"], review.counts.windows
    ('high', 50, 192)
    >>> list(review.scores.columns)
    ['metric', 'estimate', 'ci_low', 'ci_high', 'p_value', 'method', 'n']
    """
    event = data if isinstance(data, Event) else None
    if event is None and not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"evaluate needs an Event or a windows DataFrame, got {type(data).__name__}"
        )
    meta = event.meta if event is not None else None
    flag_level = flag_level or (meta.flag_level if meta is not None else "high")
    scored_given = event is None or windows is not None
    if event is None:
        windows = data
    elif windows is None:
        windows = review_windows(event, freq, aoristic=aoristic)
    windows = _flags(windows, flag_level)  # a copy, which keeps the table's attrs

    levels = list(windows["predicted_level"].dtype.categories)
    confusion = metrics.confusion_matrix(
        windows["predicted_level"].astype(str), observed_class(windows).astype(str),
        predicted_labels=levels, observed_labels=list(OBSERVED_CLASSES),
    )  # fmt: skip
    severity_confusion = pd.DataFrame()
    if levels == [NO_RISK_LEVEL, *DEFAULT_RISK_BANDS]:
        observed_level = severity_level(windows["max_severity"]).astype(str)
        severity_confusion = metrics.confusion_matrix(
            windows["predicted_level"].astype(str), observed_level,
            predicted_labels=levels, observed_labels=levels,
        )  # fmt: skip
    prediction = prediction_scores(
        windows, flag_level, confidence=confidence, n_resamples=n_resamples, seed=seed,
        severity_confusion=severity_confusion,
    )  # fmt: skip

    rate_by_level = rate_by_level_table(windows, confidence=confidence)
    by_ring = ring_table(windows, meta=meta, confidence=confidence)
    misses = merge_spans(windows[~windows["flagged"] & windows["observed"]])
    false_alarms = merge_spans(windows[windows["flagged"] & ~windows["observed"]])
    short = windows["flagged"] & (windows["mean_staff"] < windows["planned_staff"])
    understaffed = merge_spans(windows[short.fillna(False).astype(bool)])

    if event is not None:
        incident_columns = ["incident_id", "reported_at", "ring", "category", "category_text",
                            "severity", "disrupted_proceedings", "description"]  # fmt: skip
        incident_columns = [c for c in incident_columns if c in event.incidents.columns]
        by_item = anticipated_by(event.incidents, event.risks)  # risk_id, else category code
        unanticipated = event.incidents.loc[by_item.isna().to_numpy(), incident_columns]
        unanticipated = unanticipated.reset_index(drop=True)
        sra_items = sra_item_table(event)
        response_times = response_time_table(event)
        overlaps = overlapping_shifts(event.staffing)
        overlaps["officer_id"] = pseudonymise(overlaps["officer_id"])
        overlaps = overlaps.rename(columns={"officer_id": "officer"})
        matrix_violations = metrics.weak_consistency_violations(meta.risk_levels.to_dict())
        data_quality = {kind: q.to_dict() for kind, q in event.quality.items()}
        data_quality["staffing_overlaps"] = {
            "shifts": len(overlaps), "hours": float(overlaps["overlap_hours"].sum())
        }  # fmt: skip
        personnel = int(event.staffing["officer_id"].nunique())
        staffing_plan = plan_summary(event)
        disruption_rule = _disruption_rule(event.incidents, meta.disruption_severity)
        incidents_total = len(event.incidents)
        disruptions_total = int(event.incidents["disrupted_proceedings"].sum())
        inputs = dict(event.inputs)
    else:
        unanticipated = sra_items = response_times = overlaps = pd.DataFrame()
        matrix_violations = pd.DataFrame(columns=["rule", "level", "detail"])
        data_quality, personnel, inputs = {}, None, {}
        staffing_plan = {"source": windows.attrs.get("plan_source")}
        disruption_rule = None
        incidents_total = windows["incidents"].sum()
        disruptions_total = windows["disruptions"].sum()

    # incidents and disruptions count every accepted row; the *_in_windows counts only
    # those reported between the event's start and end, which the scores are computed on
    totals = {
        "incidents": incidents_total,
        "disruptions": disruptions_total,
        "incidents_in_windows": windows["incidents"].sum(),
        "disruptions_in_windows": windows["disruptions"].sum(),
        "officer_hours": windows["officer_hours"].sum(),
        "personnel": personnel,
        "windows": len(windows),
        "ring_hours": windows["hours"].sum(),
        "disruption_rule": disruption_rule,
    }
    from sra_analysis import __version__

    # exactly what produced the numbers: a windows table given ready-made brings its own
    # freq and aoristic (review_windows records them), or None when they are unknown
    if scored_given:
        freq, aoristic = windows.attrs.get("freq"), windows.attrs.get("aoristic")
    parameters = {
        "flag_level": flag_level, "freq": freq, "aoristic": aoristic,
        "confidence": confidence, "n_resamples": n_resamples, "seed": seed,
    }  # fmt: skip
    provenance = {
        "sra_analysis_version": __version__,
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "parameters": parameters,
        "inputs": inputs,
    }
    parts = ReviewParts(
        meta=meta, windows=windows, flag_level=flag_level, prediction=prediction,
        rate_by_level=rate_by_level, by_ring=by_ring, confusion=confusion,
        severity_confusion=severity_confusion, misses=misses, false_alarms=false_alarms,
        understaffed=understaffed, unanticipated=unanticipated, sra_items=sra_items,
        response_times=response_times, staffing_overlaps=overlaps,
        matrix_violations=matrix_violations, totals=totals, data_quality=data_quality,
        provenance=provenance, staffing_plan=staffing_plan,
    )  # fmt: skip
    # findings and verdict come from the parts, before the evaluation exists
    findings = tuple(build_findings(parts))
    verdict = judge(prediction, flag_level=flag_level, incidents=float(incidents_total))
    aar = after_action_review(parts, None if event is None else event.incidents, verdict=verdict)
    fields = {f.name: getattr(parts, f.name) for f in dataclasses.fields(parts)}
    return Evaluation(**fields, findings=findings, verdict=verdict, aar=aar)
