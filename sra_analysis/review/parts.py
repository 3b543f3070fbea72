"""What an evaluation computes before its findings and verdict.

:func:`sra_analysis.review.evaluate` builds a :class:`ReviewParts` first, derives the findings
and the verdict from it, and only then builds the :class:`~sra_analysis.review.evaluate.
Evaluation` (a ``ReviewParts`` with both added): nothing is patched in afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from sra_analysis.event import EventMeta
from sra_analysis.review.scores import PredictionScores

__all__ = ["ReviewParts"]


@dataclass(frozen=True)
class ReviewParts:
    """The numbers and tables of one review.

    Attributes
    ----------
    meta : EventMeta or None
        None when evaluating a bare windows table.
    windows : DataFrame
        The windows table evaluated, with ``flagged`` and ``observed`` columns added.
    flag_level : str
    prediction : PredictionScores
        The 2×2 :class:`Counts`, the tidy score table (see :attr:`Evaluation.scores`), the
        capture against random flagging and the reliability table.
    rate_by_level : DataFrame
        Per predicted level (all levels, absent ones with zeros): ``level``, ``windows``,
        ``hours``, ``incidents``, ``disruptions``, ``incident_rate``, ``incident_ci_low``,
        ``incident_ci_high``, ``disruption_rate``, ``disruption_ci_low``,
        ``disruption_ci_high`` (rates per ring-hour, exact Poisson intervals).
    by_ring : DataFrame
        ``ring``, ``ring_name``, ``hours``, ``incidents``, ``disruptions``, ``officer_hours``,
        ``incidents_per_100_officer_hours``, ``ci_low``, ``ci_high``.
    confusion : DataFrame
        Predicted level (rows) × observed class (quiet, incident, disruption), counts of
        windows.
    severity_confusion : DataFrame
        Predicted level × observed level (:func:`~sra_analysis.levels.severity_level`), square.
    misses, false_alarms, understaffed : DataFrame
        Runs of consecutive windows (see :func:`sra_analysis.review.spans.merge_spans`):
        disruptions below the flag level; flagged windows without a disruption; flagged
        windows whose mean headcount fell below the plan (with ``shortfall_officer_hours``).
    unanticipated : DataFrame
        Incidents with no ``risk_id``.
    sra_items : DataFrame
        Each register item with ``linked_incidents``, ``linked_disruptions``, ``realised``.
    response_times : DataFrame
        Per ring and overall: ``n``, ``median_minutes``, ``q1_minutes``, ``q3_minutes``.
    staffing_overlaps : DataFrame
        Shifts overlapping an earlier shift of the same (pseudonymised) officer.
    matrix_violations : DataFrame
        Breaches of Cox's weak consistency by the risk banding (``rule``, ``level``,
        ``detail``).
    totals : dict
        ``incidents`` and ``disruptions`` (every accepted incident), the same
        ``*_in_windows`` (reported within the event, what the scores use),
        ``officer_hours``, ``personnel`` (distinct officers), ``windows``, ``ring_hours``,
        and ``disruption_rule``: ``source`` (``"column"`` when the log said for every
        incident whether it disrupted the proceedings, ``"severity"`` when it said for none,
        ``"mixed"``), ``threshold`` (``disruption_severity``), ``decided_by_rule`` (incidents
        whose disruption severity decided) and ``disruptions_by_rule`` (of them, counted
        as disruptions).
    data_quality, provenance : dict
    staffing_plan : dict
        Where the plan line comes from and planned against served
        (:func:`sra_analysis.review.plan.plan_summary`); for a bare windows table only
        ``source``.
    """

    meta: EventMeta | None
    windows: pd.DataFrame
    flag_level: str
    prediction: PredictionScores
    rate_by_level: pd.DataFrame
    by_ring: pd.DataFrame
    confusion: pd.DataFrame
    severity_confusion: pd.DataFrame
    misses: pd.DataFrame
    false_alarms: pd.DataFrame
    understaffed: pd.DataFrame
    unanticipated: pd.DataFrame
    sra_items: pd.DataFrame
    response_times: pd.DataFrame
    staffing_overlaps: pd.DataFrame
    matrix_violations: pd.DataFrame
    totals: Mapping
    data_quality: Mapping
    provenance: Mapping
    staffing_plan: Mapping = field(default_factory=dict, kw_only=True)
