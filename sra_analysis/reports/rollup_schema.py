"""The written schema of ``rollup.json`` and of the Parquet tables each report leaves.

:data:`ROLLUP_SCHEMA` follows the notation of :mod:`sra_analysis.reports.summary_schema`
(key path -> ``(JSON type, description)``). :data:`TABLE_COLUMNS` describes each column of
``windows.parquet``, ``incidents.parquet`` and ``register.parquet``; the columns themselves
are the constants of :mod:`sra_analysis.review.windows` and
:mod:`sra_analysis.rollup.artefacts`, and :func:`table_columns` puts the two together, so a
column added there without a description here fails (``tests/test_output_schemas.py``).
"""

from __future__ import annotations

__all__ = ["ROLLUP_SCHEMA", "TABLE_COLUMNS", "table_columns"]

_N = "number|null"

#: Key path -> (JSON type, description) of ``rollup.json`` (schema_version "1").
ROLLUP_SCHEMA: dict[str, tuple[str, str]] = {
    "schema_version": ("string", "Version of this layout."),
    "events": ("array", "The ids of the events pooled."),
    "events[]": ("string", "An event id."),
    "skipped": ("array", "Report folders set aside."),
    "skipped[]": ("object", "One folder set aside."),
    "skipped[].folder": ("string", "The folder."),
    "skipped[].reason": ("string", "Why it was set aside."),
    "totals": ("object", "Sums of the events' `totals` in summary.json."),
    "totals.*": ("number", "A sum (`incidents`, `disruptions`, `ring_hours`, ...)."),
    "rates_by_level": ("array", "Pooled rates per predicted level."),
    "rates_by_level[]": ("object", "One level."),
    "rates_by_level[].level": ("string", "The level."),
    "rates_by_level[].level_rank": ("integer", "Its position (`none` = 0)."),
    "rates_by_level[].events": ("integer", "Events with windows at the level."),
    "rates_by_level[].windows": ("integer", "Windows."),
    "rates_by_level[].hours": ("number", "Ring-hours."),
    "rates_by_level[].incidents": ("number", "Incidents."),
    "rates_by_level[].disruptions": ("number", "Disruptions."),
    "rates_by_level[].*_rate": (_N, "Per ring-hour (`incident_`, `disruption_`)."),
    "rates_by_level[].*_ci_low": (_N, "Exact Poisson interval, lower end."),
    "rates_by_level[].*_ci_high": (_N, "Exact Poisson interval, upper end."),
    "level_rate_ratio": ("object", "The rate ratio per level step, per outcome."),
    "level_rate_ratio.*": ("object", "`disruptions` or `incidents`."),
    "level_rate_ratio.*.outcome": ("string", "The outcome counted."),
    "level_rate_ratio.*.rate_ratio": (_N, "Rate ratio per level step (pooled model)."),
    "level_rate_ratio.*.ci_low": (_N, "Its interval, lower end."),
    "level_rate_ratio.*.ci_high": (_N, "Its interval, upper end."),
    "level_rate_ratio.*.p_value": (_N, "Its p-value."),
    "level_rate_ratio.*.model": ("string", "The model fitted (Poisson or negative binomial)."),
    "level_rate_ratio.*.dispersion": (_N, "Pearson dispersion of the Poisson fit."),
    "level_rate_ratio.*.overdispersed": ("boolean", "Whether the negative binomial was used."),
    "level_rate_ratio.*.events": ("integer", "Events in the model."),
    "level_rate_ratio.*.windows": ("integer", "Windows in the model."),
    "level_rate_ratio.*.events_without_outcome": ("integer", "Events with no outcome."),
    "level_rate_ratio.*.events_not_estimable": ("integer", "Events without an own ratio."),
    "level_rate_ratio.*.between_events": ("object", "DerSimonian-Laird over the events."),
    "level_rate_ratio.*.between_events.rate_ratio": (_N, "Combined rate ratio."),
    "level_rate_ratio.*.between_events.ci_low": (_N, "Its interval, lower end."),
    "level_rate_ratio.*.between_events.ci_high": (_N, "Its interval, upper end."),
    "level_rate_ratio.*.between_events.tau2_log_scale": (_N, "τ², on the log scale."),
    "level_rate_ratio.*.between_events.i2": (_N, "I², share of variation between events."),
    "level_rate_ratio.*.between_events.q": (_N, "Cochran's Q."),
    "level_rate_ratio.*.between_events.q_p_value": (_N, "Its p-value."),
    "level_rate_ratio.*.between_events.events": ("integer", "Events combined."),
    "level_rate_ratio.*.per_event": ("array", "Each event's own ratio (the forest plot)."),
    "level_rate_ratio.*.per_event[]": ("object", "One event."),
    "level_rate_ratio.*.per_event[].event_id": ("string", "The event."),
    "level_rate_ratio.*.per_event[].outcomes": ("number", "Its outcomes."),
    "level_rate_ratio.*.per_event[].log_rate_ratio": (_N, "Log rate ratio."),
    "level_rate_ratio.*.per_event[].se": (_N, "Its standard error."),
    "level_rate_ratio.*.per_event[].rate_ratio": (_N, "Rate ratio."),
    "level_rate_ratio.*.per_event[].ci_low": (_N, "Its interval, lower end."),
    "level_rate_ratio.*.per_event[].ci_high": (_N, "Its interval, upper end."),
    "level_rate_ratio.*.per_event[].status": ("string", "Whether it could be estimated."),
    "cells": ("object...|null", "Rates per likelihood × impact cell (one banding only)."),
    "suggested_banding": ("object...|null", "A banding for the next SRA, with its evidence."),
    "cells_note": ("string|null", "Why the cells were not pooled."),
    "missed_categories": ("array", "Incident categories and how often no SRA item had them."),
    "missed_categories[]": ("object", "One category (by code)."),
    "missed_categories[].category": ("string", "The code."),
    "missed_categories[].category_label": ("string", "Its label in the roll-up's language."),
    "missed_categories[].share_unanticipated": (_N, "Share of its incidents unanticipated."),
    "missed_categories[].ci_low": (_N, "Its interval, lower end."),
    "missed_categories[].ci_high": (_N, "Its interval, upper end."),
    "missed_categories[].*": ("integer", "Counts: events, incidents, unanticipated, ..."),
    "never_materialised": ("array", "SRA threats that never happened."),
    "never_materialised[]": ("object", "One threat."),
    "never_materialised[].threat": ("string", "The threat as written."),
    "never_materialised[].levels": ("string", "The levels it was rated at."),
    "never_materialised[].highest_level": ("string", "The highest."),
    "never_materialised[].per_event_upper": (_N, "Upper bound of its rate per event."),
    "never_materialised[].*": ("integer", "`events`, `items`, `events_at_highest`."),
    "ring_pooling": ("object", "How the rings were pooled."),
    "ring_pooling.by_zone": ("array", "Events whose rings pool by zone."),
    "ring_pooling.by_zone[]": ("string", "An event id."),
    "ring_pooling.without_zone": ("array", "Events without zones, pooled by ring name."),
    "ring_pooling.without_zone[]": ("object...", "An event and its rings."),
    "ring_pooling.note": ("string|null", "The sentence the page shows about them."),
    "hot_spots": ("array", "Incidents per officer-hour by ring × hour of day."),
    "hot_spots[]": ("object", "One ring and hour."),
    "hot_spots[].ring": ("string", "The zone (or the ring's name)."),
    "hot_spots[].ring_name": ("string", "As the page shows it."),
    "hot_spots[].pooled_by": ("string", "`zone` or `name`."),
    "hot_spots[].hour": ("integer", "Local hour of day, 0-23."),
    "hot_spots[].hot": ("boolean", "Beyond chance (exact test, Bonferroni)."),
    "hot_spots[].p_value": (_N, "Its p-value."),
    "hot_spots[].*": (_N, "Events, officer-hours, incidents, rate, ratio and intervals."),
    "hot_spans": ("array", "Runs of hot hours in one ring."),
    "hot_spans[]": ("object", "One span."),
    "hot_spans[].ring": ("string", "The zone (or ring name)."),
    "hot_spans[].ring_name": ("string", "As the page shows it."),
    "hot_spans[].usual_level": ("string|null", "The level its windows usually had."),
    "hot_spans[].*": (_N, "Hours, events, officer-hours, incidents, rate, ratio, interval."),
    "funnel": ("object", "Each event's capture against the pooled capture."),
    "funnel.pooled_capture": (_N, "Pooled capture."),
    "funnel.events": ("array", "One entry per event."),
    "funnel.events[]": ("object", "An event."),
    "funnel.events[].event_id": ("string", "The event."),
    "funnel.events[].event_name": ("string", "Its name."),
    "funnel.events[].outside": ("string|null", "`above` or `below` its 99.8% limits."),
    "funnel.events[].*": (_N, "Capture, flagged share, expected, adjusted, the limits."),
    "verdicts": ("array", "How many events got each verdict."),
    "verdicts[]": ("object", "One grade and evidence."),
    "verdicts[].grade": ("string|null", "The grade."),
    "verdicts[].evidence": ("string|null", "`thin` or `sufficient`."),
    "verdicts[].events": ("integer", "Events."),
    "lessons": ("array", "The lessons for the next SRA."),
    "lessons[]": ("object", "A lesson."),
    "lessons[].kind": ("string", "What it is about."),
    "lessons[].key": ("string", "Its key."),
    "lessons[].conclusive": ("boolean", "Whether the evidence supports it."),
    "lessons[].text": ("string", "The sentence, in the roll-up's language."),
    "lessons[].*": (_N, "Its number: estimate, interval, events."),
}

#: Parquet table -> column -> description.
TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "windows": {
        "ring": "Ring id (text).",
        "window_start": "Start of the window (local, with the zone).",
        "window_end": "End of the window.",
        "hours": "Its length in hours.",
        "predicted_score": "Highest likelihood × impact of the register items covering it.",
        "predicted_level": "That score's level (`none` for 0).",
        "probability": "The register's chance of a disruption in it.",
        "incidents": "Incidents in it.",
        "disruptions": "Disruptions in it.",
        "max_severity": "Highest severity, 0 when none.",
        "officer_hours": "Officer-hours served in it.",
        "mean_staff": "Officer-hours / hours.",
        "min_staff": "Lowest headcount.",
        "planned_staff": "The plan line over it.",
        "likelihood": "Likelihood of the item that set the score.",
        "impact": "Impact of that item.",
        "flagged": "Rated at or above the flag level.",
        "observed": "A disruption happened in it.",
        "level_rank": "Position of its level (`none` = 0).",
        "hour": "Local hour of day it starts, 0-23.",
        "day": "Day of the event, from 1.",
        "ring_name": "The ring's name.",
        "ring_name_id": "The ring's Indonesian name.",
        "zone": "The ring's zone, or missing.",
    },
    "incidents": {
        "ring": "Ring id.",
        "time": "When it was reported (local, with the zone).",
        "hour": "Local hour of day, 0-23.",
        "day": "Day of the event, from 1.",
        "category": "Category code of the vocabulary.",
        "severity": "Severity 1-5.",
        "disruption": "It disrupted the proceedings.",
        "anticipated": "An SRA item anticipated it.",
        "flagged": "Its window was flagged.",
        "category_text": "The text as logged, for `other` only.",
        "category_label_en": "The code's English label.",
        "category_label_id": "The code's Indonesian label.",
    },
    "register": {
        "risk_id": "The SRA item's id.",
        "threat": "The threat as written.",
        "ring": "Ring id or `all`.",
        "likelihood": "Likelihood 1-5.",
        "impact": "Impact 1-5.",
        "score": "Likelihood × impact.",
        "level": "Its level.",
        "incidents": "Incidents that named it (`risk_id`).",
        "disruptions": "Of them, disruptions.",
        "categories": "Category codes it covers, `;`-separated.",
    },
}


def table_columns() -> dict[str, list[str]]:
    """Each Parquet table's columns, in the order written, from the code's constants.

    Examples
    --------
    >>> table_columns()["incidents"][:3]
    ['ring', 'time', 'hour']
    """
    from sra_analysis.review.windows import WINDOW_COLUMNS
    from sra_analysis.rollup.artefacts import (
        INCIDENT_CATEGORY_COLUMNS,
        INCIDENT_COLUMNS,
        REGISTER_COLUMNS,
        WINDOW_EXTRA_COLUMNS,
    )

    windows = [*WINDOW_COLUMNS, *WINDOW_EXTRA_COLUMNS]
    if "ring_name_id" not in windows:  # event_tables writes it beside ring_name
        windows.insert(windows.index("ring_name") + 1, "ring_name_id")
    return {
        "windows": windows,
        "incidents": [*INCIDENT_COLUMNS, *INCIDENT_CATEGORY_COLUMNS],
        "register": [*REGISTER_COLUMNS, "categories"],
    }
