"""The roll-up across events: what a province's SRAs get right and wrong.

A layer above :mod:`sra_analysis.review` and :mod:`sra_analysis.metrics`, below
:mod:`sra_analysis.reports`. Each event contributes three small tables
(:func:`event_tables`); pooled with an ``event_id`` (:func:`pool_tables`), they feed pure
functions that return tidy DataFrames or frozen dataclasses:

* :func:`rates_by_level`, :func:`level_rate_ratio` — are the levels meaningful across events
  (:mod:`~sra_analysis.rollup.levels`, :mod:`~sra_analysis.rollup.heterogeneity`);
* :func:`cell_rates`, :func:`suggested_banding` — does the matrix band its cells right
  (:mod:`~sra_analysis.rollup.cells`, :mod:`~sra_analysis.rollup.banding`);
* :func:`missed_categories`, :func:`never_materialised` — what the SRAs keep missing;
* :func:`pool_rings`, :func:`ring_pooling` — which rings of different events are the same
  ring: pooled by zone, by name only where an event gives none
  (:mod:`~sra_analysis.rollup.rings`);
* :func:`hot_spots`, :func:`hot_spans` — rings and hours that need more officers;
* :func:`lessons` — the plain list for the next SRA;
* :func:`staffing_vs_plan` — where staffing fell short of plan when it mattered
  (:mod:`~sra_analysis.rollup.staffing`);
* :func:`aar_findings`, :func:`recurring_improvements`, :func:`recurring_strengths` — the
  events' after-action findings that recur (:mod:`~sra_analysis.rollup.recurring`);
* :func:`events_to_review_first`, :func:`plain_answer`, :func:`planner_results` — the first
  screen for a Polda planner (:mod:`~sra_analysis.rollup.first_look`).

statsmodels is imported only when :func:`level_rate_ratio` runs.
"""

from __future__ import annotations

from sra_analysis.rollup.artefacts import TABLE_NAMES, event_tables, pool_tables
from sra_analysis.rollup.banding import SuggestedBanding, suggested_banding
from sra_analysis.rollup.cells import CellRates, cell_rates
from sra_analysis.rollup.first_look import events_to_review_first, plain_answer, planner_results
from sra_analysis.rollup.heterogeneity import DLResult, dersimonian_laird, per_event_slopes
from sra_analysis.rollup.hotspots import hot_spans, hot_spots
from sra_analysis.rollup.levels import LevelRateRatio, level_rate_ratio, rates_by_level
from sra_analysis.rollup.missed import as_written, missed_categories, never_materialised
from sra_analysis.rollup.next_sra import Lesson, lessons
from sra_analysis.rollup.recurring import (
    AarFindings,
    aar_findings,
    recurring_improvements,
    recurring_strengths,
)
from sra_analysis.rollup.rings import pool_rings, ring_pooling
from sra_analysis.rollup.staffing import StaffingVsPlan, staffing_vs_plan

__all__ = [
    "TABLE_NAMES",
    "AarFindings",
    "CellRates",
    "DLResult",
    "Lesson",
    "LevelRateRatio",
    "StaffingVsPlan",
    "SuggestedBanding",
    "aar_findings",
    "as_written",
    "cell_rates",
    "dersimonian_laird",
    "event_tables",
    "events_to_review_first",
    "hot_spans",
    "hot_spots",
    "lessons",
    "level_rate_ratio",
    "missed_categories",
    "never_materialised",
    "per_event_slopes",
    "plain_answer",
    "planner_results",
    "pool_rings",
    "pool_tables",
    "rates_by_level",
    "recurring_improvements",
    "recurring_strengths",
    "ring_pooling",
    "staffing_vs_plan",
    "suggested_banding",
]
