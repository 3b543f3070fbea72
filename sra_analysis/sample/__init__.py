"""Synthetic events with a planted ground truth, to test that the review recovers it.

:func:`generate_event` builds an event (roster, SRA register, incidents) from a seed,
:func:`write_event` writes it as an event folder in the variants field offices produce
(``;``-separated CSV with decimal commas, cp1252, day-first dates, ring names or aliases,
Excel, Parquet), and :func:`generate_province` writes the 26 other regencies and cities of
Jawa Barat and, past 27 events, the 487 regions of Indonesia's 37 other provinces in their
zones (WIB, WITA, WIT): ``sra-review sample OUT --events 514`` is a national set.
``sra_analysis/sample_data`` holds the province made with seed 2024
(``sra-review sample OUT --events 26 --seed 2024``), beside the hand-written Purwakarta event
(its roster from ``python tools/make_purwakarta.py``); ``python tools/make_samples.py`` runs
both and is the one command that regenerates the bundled data. Rings are numbered as Polri
numbers them, from the inside out (ring 1 the plenary room), except in one event of five,
numbered from the outside in as some units do; every ring carries its ``zone``.
With ``planted_rollup=True`` (``--planted-rollup``) every event of the province is made from
one :class:`ProvinceTruth` instead — one rate ratio per level step, one register template, a
category every SRA misses, a few much better and much worse SRAs — for checking the roll-up
across events (:mod:`sra_analysis.sample.province_truth`).

The planted truth (:class:`GroundTruth`, defaults shown)
--------------------------------------------------------
Time is cut into ring × hour cells from the event start.

* **Predicted level.** The score of a ring-hour is the largest likelihood × impact of the
  register items that cover it (their ring is the cell's ring or ``all``, and
  ``[window_start, window_end)`` contains the hour; register windows fall on whole hours),
  0 when none does. It is banded by the default ``risk_levels`` into ``none`` (0), ``low``,
  ``medium``, ``high``, ``extreme``.
* **Incident rate.** Incidents in a ring-hour are Poisson with mean
  ``rate[level] * clip(mean_staff / planned_on_duty, 0.25, 4) ** -0.5`` where ``rate`` is

  ======  =====  =====  ======  ====  =======
  level   none   low    medium  high  extreme
  ======  =====  =====  ======  ====  =======
  rate    0.01   0.02   0.08    0.25  0.6
  ======  =====  =====  ======  ====  =======

  per ring-hour, ``mean_staff`` is the officer-minutes in the cell / 60 (``mean_staff`` of
  ``review_windows``) and ``planned_on_duty`` of ring r is ``planned_personnel * (officers
  rostered to r / n_officers) / teams``: staffing at half the plan raises the
  rate by √2 (elasticity 0.5). With ``n_incidents`` the total is fixed instead and spread in
  proportion to these means.
* **Episodes.** Incidents cluster as real ones do (:class:`EpisodeProcess`, the default;
  ``GroundTruth(episodes=None)`` switches it off): episodes start at 0.03 per ring-hour, last
  2–5 hours, spill into an adjacent ring with chance 0.5 and flare up again 1–6 hours after
  they end with chance 0.4, for 1–3 hours. The rate of a ring-hour is multiplied by
  ``0.2 + 0.8 · in_episode / share of ring-hours in episodes`` (mean 1, so the rate by level
  above stays the planted mean); the planted truth lists the episodes. The planted roll-up
  province (``--planted-rollup``) draws independent ring-hours.
* **Severity and disruption.** Severity is ``1 + Binomial(4, p)`` with ``p`` = 0.15, 0.2,
  0.3, 0.4, 0.5 from ``none`` to ``extreme``; ``disrupted_proceedings`` has chance 0, 0.02,
  0.1, 0.6, 0.9 for severity 1–5.
* **Anticipation.** An incident in a covered cell carries the ``risk_id`` of one covering
  item (chosen uniformly) with chance 0.85; otherwise, and always in uncovered cells, it is
  unanticipated (blank ``risk_id``), half of them in categories no SRA item names.
* **Forecasts.** A register item's ``probability`` is the planted chance of at least one
  disruption in a ring-hour of its own level at planned staffing,
  ``1 - exp(-rate * P(disruption | level))``, with normal noise (sd 0.3) on the log-odds.
* **Staffing.** Officers are split over rings (outer rings get more) and into
  ``24 / shift_hours + 1`` teams; the k-th shift from the start is worked by team
  ``k mod teams`` (24 h rest between shifts). A rostered officer works with chance 0.97, or
  0.45–0.75 in the 20 % of ring-shifts that are under-staffed; 3 % of officer-shifts are
  moved to another ring and 8 % start 5–60 minutes late.

Besides these, incidents have ``responded_at`` a few minutes (Gamma(2, 2.5)) after the report,
``resolved_at`` later by a severity-dependent lognormal time (5 % blank), and 8 % an
``occurred_from``/``occurred_to`` span before the report. Every timestamp lies within the
event. :attr:`SyntheticEvent.planted_windows` lists the cells with their level, staffing and
expected incidents; ``ground_truth.json`` beside the written files holds the same truth.
"""

from __future__ import annotations

from sra_analysis.sample.episodes import EpisodeProcess
from sra_analysis.sample.generate import (
    INCIDENT_COLUMNS,
    RISK_REGISTER_COLUMNS,
    STAFFING_COLUMNS,
    SyntheticEvent,
    generate_event,
)
from sra_analysis.sample.province import (
    PROVINCE_TRUTH_FILE,
    generate_province,
    province_plan,
    sample_command,
)
from sra_analysis.sample.province_truth import ProvinceTruth
from sra_analysis.sample.truth import DEFAULT_GROUND_TRUTH, LEVEL_NAMES, GroundTruth
from sra_analysis.sample.write import (
    DATE_STYLES,
    ENCODINGS,
    FILE_FORMATS,
    RING_LABELS,
    write_event,
)

__all__ = [
    "DATE_STYLES",
    "DEFAULT_GROUND_TRUTH",
    "ENCODINGS",
    "FILE_FORMATS",
    "INCIDENT_COLUMNS",
    "LEVEL_NAMES",
    "PROVINCE_TRUTH_FILE",
    "RING_LABELS",
    "RISK_REGISTER_COLUMNS",
    "STAFFING_COLUMNS",
    "EpisodeProcess",
    "GroundTruth",
    "ProvinceTruth",
    "SyntheticEvent",
    "generate_event",
    "generate_province",
    "province_plan",
    "sample_command",
    "write_event",
]
