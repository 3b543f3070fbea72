"""The written schema of ``summary.json``: every key, its JSON type and what it holds.

:data:`SUMMARY_SCHEMA` maps a key path to ``(type, description)``. A path joins keys with
``.``; ``[]`` stands for the items of an array; a ``*`` in a key matches any text within a
key (level names, score names), a key ``**`` any key (file names, which hold dots). An
``object`` whose type holds ``...`` is open: the keys under it depend on its ``kind`` and
are not listed. The types are JSON's: ``string``, ``integer``, ``number`` (an integer is a
number too), ``boolean``, ``array``, ``object``; ``|null`` where the value may be missing.
:func:`undocumented` lists the paths of a real body that the schema does not describe
(``tests/test_output_schemas.py`` runs it on the reports a batch wrote); the docs site's
data-format page is generated from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

__all__ = ["SUMMARY_SCHEMA", "describe", "json_paths", "undocumented"]

_T = "string|null"
_N = "number|null"

#: Key path -> (JSON type, description) of ``summary.json`` (schema_version "3").
SUMMARY_SCHEMA: dict[str, tuple[str, str]] = {
    "schema_version": ("string", "Version of this layout; it changes with every change of shape."),
    "event": ("object", "The event as `event.yaml` describes it."),
    "event.id": ("string", "The event's id (the report's folder name)."),
    "event.name": ("string", "The event's name."),
    "event.timezone": ("string", "IANA time zone of the event (`Asia/Jakarta`)."),
    "event.start": ("string", "Start, ISO 8601 with the zone's offset."),
    "event.end": ("string", "End, ISO 8601 with the zone's offset."),
    "event.risk_levels": ("object", "The banding: level name -> [lowest, highest] score."),
    "event.risk_levels.*": ("array", "Lowest and highest likelihood × impact of the level."),
    "event.risk_levels.*[]": ("integer", "A bound of the band (1-25)."),
    "provenance": ("object", "What made this summary."),
    "provenance.sra_analysis_version": ("string", "Version of the package."),
    "provenance.generated_at": ("string", "When it was written, ISO 8601 in UTC."),
    "provenance.parameters": ("object", "The review's parameters."),
    "provenance.parameters.flag_level": ("string", "Windows rated at or above it are flagged."),
    "provenance.parameters.freq": ("string|null", "Length of a window (`1h`)."),
    "provenance.parameters.aoristic": ("boolean", "Incidents spread over their time span."),
    "provenance.parameters.confidence": ("number", "Confidence level of the intervals."),
    "provenance.parameters.n_resamples": ("integer", "Bootstrap and permutation resamples."),
    "provenance.parameters.seed": ("integer|null", "Seed of the resampling."),
    "provenance.inputs": ("object", "Input file name -> SHA-256 of its bytes."),
    "provenance.inputs.**": ("string", "SHA-256 (hex) of the file."),
    "data_quality": ("object", "Per input file, how its rows were accounted for."),
    "data_quality.*": ("object", "One file (`incidents`, `staffing`, `risk_register`, ...)."),
    "data_quality.*.file": (_T, "The file read."),
    "data_quality.*.rows_read": ("integer", "Rows in the file."),
    "data_quality.*.accepted": ("integer", "Rows loaded."),
    "data_quality.*.quarantined": ("integer", "Rows set aside, each with a reason."),
    "data_quality.*.blank": ("integer", "Blank rows."),
    "data_quality.*.duplicates": ("integer", "Exact duplicate rows."),
    "data_quality.*.warnings": ("integer", "Rows loaded with a warning."),
    "data_quality.*.encoding": (_T, "Text encoding of a CSV file."),
    "data_quality.*.delimiter": (_T, "Delimiter of a CSV file."),
    "data_quality.*.*": ("integer|array|object", "Further counts of a file."),
    "data_quality.staffing_overlaps": ("object", "Shifts of one officer that overlap."),
    "data_quality.staffing_overlaps.shifts": ("integer", "Overlapping shifts."),
    "data_quality.staffing_overlaps.hours": ("number", "Hours counted twice."),
    "totals": ("object", "Totals of the event."),
    "totals.incidents": ("integer", "Incidents accepted."),
    "totals.disruptions": ("integer", "Incidents that disrupted the proceedings."),
    "totals.incidents_in_windows": ("number", "Incidents inside the review windows."),
    "totals.disruptions_in_windows": ("number", "Disruptions inside the review windows."),
    "totals.officer_hours": ("number", "Officer-hours served."),
    "totals.personnel": ("integer", "Distinct officers who served."),
    "totals.windows": ("integer", "Ring × time windows reviewed."),
    "totals.ring_hours": ("number", "Hours of all windows."),
    "totals.disruption_rule": ("object", "How disruptions were decided."),
    "totals.disruption_rule.source": ("string", "`column`, `severity` or `mixed`."),
    "totals.disruption_rule.threshold": ("integer", "Severity at or above which counts."),
    "totals.disruption_rule.decided_by_rule": ("integer", "Incidents decided by severity."),
    "totals.disruption_rule.disruptions_by_rule": ("integer", "Of them, disruptions."),
    "by_ring": ("array", "One entry per ring, in the event's order."),
    "by_ring[]": ("object", "A ring."),
    "by_ring[].ring": ("string", "Ring id."),
    "by_ring[].ring_name": (_T, "Ring name."),
    "by_ring[].zone": (_T, "`core`, `building`, `perimeter` or `outer`; null without one."),
    "by_ring[].hours": ("number", "Hours reviewed."),
    "by_ring[].incidents": ("integer", "Incidents."),
    "by_ring[].disruptions": ("integer", "Disruptions."),
    "by_ring[].officer_hours": ("number", "Officer-hours served."),
    "by_ring[].incidents_per_100_officer_hours": (_N, "Incidents per 100 officer-hours."),
    "by_ring[].ci_low": (_N, "Lower end of its exact Poisson interval."),
    "by_ring[].ci_high": (_N, "Upper end of its exact Poisson interval."),
    "staffing_plan": ("object", "The plan line against the officers who served."),
    "staffing_plan.source": ("string", "`plan_file`, `register` or `none`."),
    "staffing_plan.file": (_T, "The staffing plan file, when there is one."),
    "staffing_plan.planned_personnel": ("integer|null", "`planned_personnel` of event.yaml."),
    "staffing_plan.served_personnel": ("integer", "Distinct officers who served."),
    "staffing_plan.by_ring": ("array", "Per ring and span of the plan."),
    "staffing_plan.by_ring[]": ("object", "One ring (and span)."),
    "staffing_plan.by_ring[].*": (
        "string|number|null",
        "`ring`, `planned_hours`, `planned_officer_hours`, `served_officer_hours`, "
        "`shortfall_officer_hours`, `planned_min`/`planned_max`, `served_min`/`served_max` "
        "(`sra_analysis.review.plan.plan_vs_served`).",
    ),
    "prediction": ("object", "The 2×2 counts and every score under its name."),
    "prediction.flag_level": ("string", "The flag level."),
    "prediction.windows": ("integer", "Windows scored."),
    "prediction.hits": ("integer", "Flagged windows with a disruption."),
    "prediction.misses": ("integer", "Windows with a disruption that were not flagged."),
    "prediction.false_alarms": ("integer", "Flagged windows without a disruption."),
    "prediction.correct_negatives": ("integer", "Quiet windows not flagged."),
    "prediction.flagged_hours": ("number", "Hours of the flagged windows."),
    "prediction.total_hours": ("number", "Hours of all windows."),
    "prediction.disruptions": ("number", "Disruptions in the windows."),
    "prediction.disruptions_in_flagged": ("number", "Of them, in flagged windows."),
    "prediction.auc_ci_method": (_T, "How the AUC's interval was computed."),
    "prediction.capture_test": ("object", "The binomial capture test (windows independent)."),
    "prediction.capture_test.*": (
        "number|string|null",
        "`hits`, `observed`, `flagged_share`, `expected`, `share`, `share_lower`, `pai`, "
        "`pai_lower`, `p_value`, `confidence`, `method`, `rotation_p_value` (the verdict's).",
    ),
    "prediction.rate_by_level": ("array", "Rates per predicted level."),
    "prediction.rate_by_level[]": ("object", "One level."),
    "prediction.rate_by_level[].level": ("string", "The level (`none` for unrated windows)."),
    "prediction.rate_by_level[].windows": ("integer", "Windows at the level."),
    "prediction.rate_by_level[].hours": ("number", "Their hours."),
    "prediction.rate_by_level[].incidents": ("number", "Incidents in them."),
    "prediction.rate_by_level[].disruptions": ("number", "Disruptions in them."),
    "prediction.rate_by_level[].*_rate": (_N, "Per ring-hour (`incident_`, `disruption_`)."),
    "prediction.rate_by_level[].*_ci_low": (_N, "Exact Poisson interval, lower end."),
    "prediction.rate_by_level[].*_ci_high": (_N, "Exact Poisson interval, upper end."),
    "prediction.*_ci_low": (_N, "Lower end of the score's interval."),
    "prediction.*_ci_high": (_N, "Upper end of the score's interval."),
    "prediction.*_p_value": (_N, "The score's p-value."),
    "prediction.*": (_N, "A score's estimate under its name (a `metric` of `scores`)."),
    "scores": ("array", "One entry per score: the tidy score table."),
    "scores[]": ("object", "A score."),
    "scores[].metric": ("string", "Its name (`pod`, `auc`, `kendall_tau_b`, ...)."),
    "scores[].estimate": (_N, "The estimate."),
    "scores[].ci_low": (_N, "Lower end of its interval."),
    "scores[].ci_high": (_N, "Upper end of its interval."),
    "scores[].p_value": (_N, "Its p-value."),
    "scores[].method": ("string", "How the interval and p-value were computed."),
    "scores[].n": ("integer", "Windows (or pairs) it rests on."),
    "verdict": ("object", "The graded verdict on the SRA."),
    "verdict.grade": ("string", "`good`, `mixed`, `poor` or `quiet`."),
    "verdict.label": ("string", "The grade as a word in the report's language."),
    "verdict.evidence": ("string", "`thin` or `sufficient`."),
    "verdict.reason": ("string", "Why this grade (a key)."),
    "verdict.text": ("string", "The verdict's sentence."),
    "verdict.episodes": ("integer", "Episodes of disruption: the evidence counted."),
    "verdict.evidence_units": ("string", "What the evidence counts (`episodes`)."),
    "verdict.disrupted_windows": ("integer", "Disrupted ring-hours."),
    "verdict.design_effect": (_N, "Disrupted windows per episode."),
    "verdict.capture_p_value": (_N, "Rotation test of capture, mid-p."),
    "verdict.auc_p_value": (_N, "Rotation test of the AUC, mid-p."),
    "verdict.offsets": ("integer", "Time offsets the rotation tests shift through."),
    "verdict.test": ("string", "The test's description."),
    "findings": ("array", "Strengths, areas for improvement and notes."),
    "findings[]": ("object", "A finding."),
    "findings[].kind": ("string", "`strength`, `improvement` or `note`."),
    "findings[].key": ("string", "What it is about (a key)."),
    "findings[].metric": (_T, "The score it quotes."),
    "findings[].value": (_N, "That score's value."),
    "findings[].text": ("string", "The sentence, in the report's language."),
    "aar": ("object", "The after-action review."),
    "aar.grade": ("string", "The verdict's grade."),
    "aar.label": ("string", "The grade as a word."),
    "aar.counts": ("object", "The counts the verdict, tiles and findings share."),
    "aar.counts.*": ("number", "Incidents, disruptions and (disrupted, flagged) ring-hours."),
    "aar.summary": ("array", "The summary's sentences."),
    "aar.summary[]": ("object", "A sentence: `key`, `text`, `anchor` (link in the report)."),
    "aar.summary[].*": (_T, "`key`, `text` or `anchor`."),
    "aar.chronology": ("array", "Episodes of significant incidents, in time order."),
    "aar.chronology[]": ("object", "An episode."),
    "aar.chronology[].id": ("string", "Its id (`E1`, ...)."),
    "aar.chronology[].start": ("string", "First incident, ISO 8601."),
    "aar.chronology[].end": ("string", "End of the last incident, ISO 8601."),
    "aar.chronology[].rings": ("array", "Rings it touched."),
    "aar.chronology[].categories": ("array", "Incident category codes."),
    "aar.chronology[].incident_ids": ("array", "Incident ids."),
    "aar.chronology[].risk_ids": ("array", "SRA items the incidents named."),
    "aar.chronology[].*[]": ("string", "An item."),
    "aar.chronology[].incident_count": ("integer", "Incidents."),
    "aar.chronology[].disruptions": ("integer", "Disruptions."),
    "aar.chronology[].missed_disruptions": ("integer", "Disruptions in windows not flagged."),
    "aar.chronology[].max_severity": ("integer", "Highest severity."),
    "aar.chronology[].levels": ("object", "Predicted levels: `min`, `max`, `by_ring`."),
    "aar.chronology[].levels.*": ("string|object", "Lowest, highest, and per ring."),
    "aar.chronology[].levels.by_ring.*": ("string", "The ring's highest level."),
    "aar.chronology[].*_minutes": (_N, "Spread, response, slowest response, resolution."),
    "aar.chronology[].anchor": ("string", "Its link in the report."),
    "aar.strengths": ("array", "Strengths to sustain."),
    "aar.strengths[]": ("object", "A strength."),
    "aar.strengths[].kind": ("string", "What kind of strength."),
    "aar.strengths[].text": ("string", "The sentence."),
    "aar.strengths[].evidence": ("object...", "The numbers behind it; keys depend on `kind`."),
    "aar.strengths[].episodes": ("array", "Episode ids."),
    "aar.strengths[].episodes[]": ("string", "An episode id."),
    "aar.strengths[].anchor": (_T, "Its link in the report."),
    "aar.improvements": ("array", "Areas for improvement: the improvement plan's rows."),
    "aar.improvements[]": ("object", "An area for improvement."),
    "aar.improvements[].kind": ("string", "What kind."),
    "aar.improvements[].text": ("string", "The finding."),
    "aar.improvements[].root_cause": ("string", "Its root cause."),
    "aar.improvements[].recommended_action": ("string", "The recommended action."),
    "aar.improvements[].capability_element": ("string", "Planning, organisation, ..."),
    "aar.improvements[].priority": ("string", "Priority."),
    "aar.improvements[].episode": (_T, "The episode it concerns."),
    "aar.improvements[].evidence": ("object...", "The numbers behind it; keys depend on `kind`."),
    "aar.improvements[].anchor": (_T, "Its link in the report."),
    "aar.notes": ("array", "Notes that are neither strengths nor improvements."),
    "aar.notes[]": ("object", "A note."),
    "aar.notes[].*": ("string", "`key` and `text`."),
    "aar.parameters": ("object", "How episodes were formed."),
    "aar.parameters.*": ("number", "`min_severity`, `max_gap_minutes`."),
    "aar.anchors": ("object", "Section name -> its link in the report."),
    "aar.anchors.*": ("string", "An anchor."),
}

_JSON_TYPES = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
    "null": (type(None),),
}


def json_paths(body, prefix: str = "") -> Iterator[tuple[str, object]]:
    """Every ``(path, value)`` of a JSON body, in the notation of the schemas.

    Examples
    --------
    >>> [p for p, _ in json_paths({"a": {"b": [1]}})]
    ['a', 'a.b', 'a.b[]']
    """
    if isinstance(body, Mapping):
        for key, value in body.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            yield path, value
            yield from json_paths(value, path)
    elif isinstance(body, list):
        for value in body:
            yield f"{prefix}[]", value
            yield from json_paths(value, f"{prefix}[]")


def _pattern(path: str) -> re.Pattern:
    """``*`` matches within one key, a whole key ``**`` any key (file names hold dots)."""
    parts = (
        ".+" if part == "**" else re.escape(part).replace(r"\*", r"[^.\[\]]+")
        for part in path.split(".")
    )
    return re.compile(r"\.".join(parts) + "$")


def describe(path: str, schema: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The schema's entry for a concrete ``path``: the exact key first, else the first
    pattern that matches, else (type ``any``) an open object above it; None when
    undocumented.

    Examples
    --------
    >>> describe("provenance.inputs.staffing.csv", SUMMARY_SCHEMA)[1]
    'SHA-256 (hex) of the file.'
    >>> describe("verdict.mood", SUMMARY_SCHEMA) is None
    True
    >>> describe("prediction.auc_ci_low", SUMMARY_SCHEMA)[1]
    "Lower end of the score's interval."
    """
    if path in schema:
        return schema[path]
    for key, entry in schema.items():
        if "*" in key and _pattern(key).match(path):
            return entry
    for key, entry in schema.items():
        if "..." in entry[0] and path.startswith(key + "."):
            return "any", entry[1]
    return None


def undocumented(body: Mapping, schema: Mapping[str, tuple[str, str]]) -> list[str]:
    """The paths of ``body`` the schema does not describe, or whose value has another type."""
    problems = []
    for path, value in json_paths(body):
        entry = describe(path, schema)
        if entry is None:
            problems.append(f"{path}: not in the schema")
            continue
        kind = entry[0].replace("...", "")
        if kind == "any":
            continue
        allowed = tuple(t for part in kind.split("|") for t in _JSON_TYPES[part])
        if isinstance(value, bool) and "boolean" not in kind:
            problems.append(f"{path}: boolean, the schema says {kind}")
        elif not isinstance(value, allowed):
            problems.append(f"{path}: {type(value).__name__}, the schema says {kind}")
    return problems
