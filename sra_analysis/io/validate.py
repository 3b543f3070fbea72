"""From a raw table to a canonical one, accounting for every row.

The steps, in order: match headers to the contract (a missing required column stops the
file); drop blank and exact duplicate rows, counting them; set aside cells holding a NUL byte
or more than :data:`~sra_analysis.io.cells.MAX_CELL_BYTES` (:mod:`sra_analysis.io.cells`);
parse every column; check the parsed rows with the pandera schema (lazily, so every failure
is found in one pass); set aside rows with conflicting duplicate ids; quarantine every row
with a problem, keeping its file row number, column, value and reason. What is left is
typed, tz-aware and complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from sra_analysis.event import EventMeta, FileQuality
from sra_analysis.io import cells, normalise
from sra_analysis.io.form_export import unpack_form_export
from sra_analysis.io.headers import map_headers, missing_columns, shown_headers
from sra_analysis.io.issues import ISSUE_COLUMNS, issue_table, redact_reasons
from sra_analysis.io.plan import plan_conflicts
from sra_analysis.io.readers import RawTable
from sra_analysis.io.reasons import Reason
from sra_analysis.io.schemas import (
    PAIRED_WITH,
    ColumnSpec,
    columns_of,
    failure_columns,
    row_schema,
)
from sra_analysis.levels import SEVERITY_DTYPE

__all__ = ["ISSUE_COLUMNS", "LoadedTable", "load_table", "map_headers"]

_ID_COLUMN = {"incidents": "incident_id", "risk_register": "risk_id"}


@dataclass(frozen=True)
class LoadedTable:
    """A canonical table and the account of how it was made from its file."""

    frame: pd.DataFrame
    quality: FileQuality


def _parse(values: pd.Series, spec: ColumnSpec, meta: EventMeta, lookup) -> normalise.ParsedColumn:
    if spec.kind == "timestamp":
        return normalise.parse_timestamps(values, timezone=meta.timezone)
    if spec.kind == "severity":
        return normalise.parse_severities(values)
    if spec.kind in ("int", "float"):
        return normalise.parse_numbers(values, integer=spec.kind == "int")
    if spec.kind == "bool":
        return normalise.parse_booleans(values)
    if spec.kind in ("ring", "ring_or_all"):
        return normalise.parse_rings(values, lookup, allow_all=spec.kind == "ring_or_all")
    if spec.kind == "id":
        return normalise.parse_identifiers(values)
    if spec.kind == "categories":
        return normalise.parse_category_lists(values, meta.vocabulary)
    return normalise.parse_text(values)


def _schema_failures(canonical: pd.DataFrame, kind: str, meta: EventMeta) -> pd.DataFrame:
    """(position, field, reason) of every row-check failure, found in one lazy pass."""
    schema = row_schema(kind, meta)
    try:
        schema.validate(canonical, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    else:
        return _failures([], [], [])
    cases = cases[cases["index"].notna()]
    field = failure_columns(schema, cases).astype(str).tolist()
    reasons = [
        _check_reason(str(check), f, kind=kind, meta=meta)
        for check, f in zip(cases["check"], field, strict=True)
    ]
    out = _failures(cases["index"].astype("int64").to_numpy(), field, reasons)
    return out.drop_duplicates(subset=["position", "field"], ignore_index=True)


def _check_reason(check: str, field: str, *, kind: str, meta: EventMeta) -> Reason:
    """The reason of a failed row check, from its key (the check's ``error``)."""
    if check == "not_nullable":
        return Reason("required_missing")
    if check == "outside_event":
        hours = int(meta.time_margin / pd.Timedelta(hours=1))
        return Reason("outside_event", start=meta.start, end=meta.end, hours=hours)
    if check in ("outside_range", "below_minimum"):
        spec = next(spec for spec in columns_of(kind) if spec.name == field)
        low = f"{spec.low:g}"
        high = None if spec.high is None else f"{spec.high:g}"
        return Reason(check, column=field, low=low, **({} if high is None else {"high": high}))
    if check in ("not_after", "before"):
        return Reason(check, column=field, other=PAIRED_WITH[field])
    if check == "shift_too_long":
        return Reason(check)
    return Reason("text", text=check)


def _failures(positions, fields, reasons) -> pd.DataFrame:
    """A table of failures; ``reason`` holds :class:`Reason` objects (object dtype)."""
    return pd.DataFrame(
        {
            "position": pd.Series(positions, dtype="int64"),
            "field": pd.Series(fields, dtype=object),
            "reason": pd.Series(reasons, dtype=object),
        }
    )


def load_table(raw: RawTable, *, kind: str, meta: EventMeta) -> LoadedTable:
    """Parse, check and account for every row of one input file.

    Parameters
    ----------
    raw : RawTable
        The file as read by :func:`sra_analysis.io.readers.read_table`.
    kind : {"incidents", "staffing", "risk_register", "staffing_plan"}
    meta : EventMeta
        The event the file belongs to (timezone, rings, risk levels, time span).

    Returns
    -------
    LoadedTable
        ``frame`` holds the accepted rows in contract columns plus ``source_row``;
        ``quality`` accounts for every row read.
    """
    file = Path(raw.file).name
    raw, form = unpack_form_export(raw, kind=kind)  # a phone form's export: see form_export
    # its metadata is never data, even where a header reads like a column (_notes: notes)
    headers = [c for c in raw.frame.columns if c not in form.metadata]
    mapping = map_headers(headers, kind=kind, file=raw.file)
    specs = columns_of(kind)
    missing = [s.name for s in specs if s.required and s.name not in mapping.values()]
    if missing:
        raise missing_columns(raw, kind=kind, missing=missing, mapping=mapping)
    header_of = {canonical: header for header, canonical in mapping.items()}

    duplicate = raw.frame.duplicated(keep="first").to_numpy()
    table = raw.frame.loc[~duplicate].reset_index(drop=True)
    rows = raw.rows[~duplicate]
    n_exact_duplicates = int(duplicate.sum())

    # NUL bytes and oversized cells: the row is quarantined, the cell is never parsed
    bad_cells = cells.cell_problems(table, columns=list(header_of.values()))
    bad_cells = bad_cells.assign(field=bad_cells["column"].map(mapping))
    problems: list[pd.DataFrame] = [
        _failures(bad_cells["position"], bad_cells["field"], list(bad_cells["reason"]))
    ]
    notes: list[pd.DataFrame] = []

    lookup = meta.ring_lookup()
    parsed: dict[str, pd.Series] = {}
    for spec in specs:
        values = table[header_of[spec.name]] if spec.name in header_of else None
        if values is None:
            values = pd.Series([None] * len(table), dtype=object)
        unusable = bad_cells.loc[bad_cells["field"] == spec.name, "position"].to_numpy()
        if len(unusable):
            values = values.astype(object).copy()
            values.iloc[unusable] = None
        result = _parse(values, spec, meta, lookup)
        parsed[spec.name] = result.values.reset_index(drop=True)
        if result.invalid.any():
            positions = np.flatnonzero(result.invalid)
            reasons = result.reasons_at(positions)
            problems.append(_failures(positions, [spec.name] * len(positions), reasons))
        if result.notes is not None:
            noted = np.flatnonzero(pd.notna(result.notes))
            notes.append(_failures(noted, [spec.name] * len(noted), list(result.notes[noted])))
    canonical = pd.DataFrame(parsed)

    failures = _schema_failures(canonical, kind, meta)
    if any(len(problem) for problem in problems):
        parse_failures = pd.concat([p for p in problems if len(p)], ignore_index=True)
        already = set(zip(parse_failures["position"], parse_failures["field"], strict=True))
        keep = [
            (p, f) not in already
            for p, f in zip(failures["position"], failures["field"], strict=True)
        ]
        failures = pd.concat([parse_failures, failures[keep]], ignore_index=True)
    bad = np.zeros(len(canonical), dtype=bool)
    bad[failures["position"].to_numpy(dtype=np.int64)] = True

    id_column = _ID_COLUMN.get(kind)
    same_as_kept = np.zeros(len(canonical), dtype=bool)
    if id_column is not None:
        conflicts, same_as_kept = _duplicate_ids(
            canonical, rows, id_column, usable=~bad, header_of=header_of
        )
        failures = pd.concat([failures, conflicts], ignore_index=True)
        bad[conflicts["position"].to_numpy(dtype=np.int64)] = True
    if kind == "staffing_plan":  # two numbers for one ring, unit and time: keep the first
        conflicts = plan_conflicts(canonical, rows, usable=~bad, meta=meta)
        failures = pd.concat([failures, conflicts], ignore_index=True)
        bad[conflicts["position"].to_numpy(dtype=np.int64)] = True

    issues = issue_table(
        failures, table, rows, header_of, canonical=canonical, action="quarantined"
    )
    warnings = _warnings(canonical, kind, notes, usable=~bad & ~same_as_kept)
    issues = pd.concat(
        [
            issues,
            issue_table(warnings, table, rows, header_of, canonical=canonical, action="warning"),
        ],
        ignore_index=True,
    ).sort_values(["row", "action"], kind="stable", ignore_index=True)

    ignored = [c for c in raw.frame.columns if c not in mapping and c not in form.metadata]
    if kind == "staffing":  # officer ids may sit anywhere in a broken roster
        issues = redact_reasons(issues, ring_labels=lookup.keys())
        ignored = [
            shown
            for column, shown in zip(raw.frame.columns, shown_headers(raw, mapping), strict=True)
            if column not in mapping
        ]

    accepted = ~bad & ~same_as_kept
    frame = _finish(canonical.loc[accepted].reset_index(drop=True), kind, meta)
    unknown = _unknown_categories(frame, meta) if kind == "incidents" else ()
    frame["source_row"] = rows[accepted]
    quarantined_rows = table.loc[bad].copy()
    if form.renamed:  # a phone form's export: its headers as exported (incident/ring)
        issues["column"] = issues["column"].map(form.as_exported)
        quarantined_rows = quarantined_rows.rename(columns=form.renamed)
    quarantined_rows.insert(0, "row", rows[bad])
    quality = FileQuality(
        file=file,
        rows_read=raw.rows_read,
        accepted=int(accepted.sum()),
        quarantined=int(bad.sum()),
        blank=raw.blank,
        duplicates=n_exact_duplicates + int(same_as_kept.sum()),
        issues=issues,
        quarantined_rows=quarantined_rows.reset_index(drop=True),
        encoding=raw.encoding,
        delimiter=raw.delimiter,
        sheet=raw.sheet,
        ignored_columns=tuple(str(c) for c in ignored),
        unknown_categories=unknown,
        form_columns=form.metadata,
        form_id_column=form.id_column,
    )
    return LoadedTable(frame=frame, quality=quality)


def _duplicate_ids(canonical, rows, id_column, *, usable, header_of):
    """Later rows repeating an id: the same content counts as a duplicate, other content
    is a conflict and is quarantined (the first row with the id is kept)."""
    ids = canonical[id_column]
    candidates = usable & ids.notna().to_numpy() & ids.duplicated(keep=False).to_numpy()
    conflicts = []
    same = np.zeros(len(canonical), dtype=bool)
    if candidates.any():
        first_position: dict[str, int] = {}
        content = canonical.astype(object).where(canonical.notna(), None)
        for position in np.flatnonzero(candidates):
            key = ids.iat[position]
            if key not in first_position:
                first_position[key] = position
                continue
            first = first_position[key]
            differing = [
                c for c in canonical.columns if content.at[first, c] != content.at[position, c]
            ]
            if not differing:
                same[position] = True
                continue
            reason = Reason(
                "duplicate_id",
                id_column=header_of.get(id_column, id_column),
                id=key,
                first_row=int(rows[first]),
                columns=", ".join(str(header_of.get(c, c)) for c in differing),
            )
            conflicts.append((position, differing[0], reason))
    positions, fields, reasons = zip(*conflicts, strict=True) if conflicts else ((), (), ())
    return _failures(positions, fields, reasons), same


def _warnings(
    canonical: pd.DataFrame, kind: str, parse_notes: list[pd.DataFrame], *, usable: np.ndarray
) -> pd.DataFrame:
    """Rows kept, with a note: times that run backwards but need not be wrong, and the
    parsers' notes (a repeated local time read as its first occurrence)."""
    notes = [
        (position, field, reason)
        for frame in parse_notes
        for position, field, reason in frame.itertuples(index=False)
        if usable[position]
    ]
    if kind == "incidents":
        for second in ("responded_at", "resolved_at"):
            first = PAIRED_WITH[second]
            before = (canonical[second] < canonical[first]).fillna(False).to_numpy(dtype=bool)
            for position in np.flatnonzero(before & usable):
                notes.append((position, second, Reason("before", column=second, other=first)))
    positions, fields, reasons = zip(*notes, strict=True) if notes else ((), (), ())
    return _failures(positions, fields, reasons)


def _unknown_categories(frame: pd.DataFrame, meta: EventMeta) -> tuple[tuple[str, int], ...]:
    """Categories the vocabulary does not know, as written, with their row counts (most
    frequent first, then alphabetically)."""
    text = frame["category_text"].astype(str)
    known = {value: meta.vocabulary.code_of(value) is not None for value in text.unique()}
    counts = text[~text.map(known).astype(bool)].value_counts()
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple((str(value), int(n)) for value, n in ordered)


def _finish(frame: pd.DataFrame, kind: str, meta: EventMeta) -> pd.DataFrame:
    """Final dtypes and derived columns of accepted rows."""
    if kind == "risk_register":
        frame["ring"] = frame["ring"].astype(pd.CategoricalDtype([*meta.ring_ids, "all"]))
    else:
        frame["ring"] = frame["ring"].astype(meta.ring_dtype)
    if kind == "incidents":
        text = frame["category"]
        frame["category"] = meta.vocabulary.codes_of(text)
        frame.insert(frame.columns.get_loc("category") + 1, "category_text", text)
        frame["severity"] = frame["severity"].astype("int64").astype(SEVERITY_DTYPE)
        inferred = frame["severity"] >= meta.disruption_severity
        by_rule = frame["disrupted_proceedings"].isna()
        frame["disrupted_proceedings"] = (
            frame["disrupted_proceedings"].fillna(inferred).astype(bool)
        )
        # which rows the severity rule decided, so the report can say how many
        frame["disrupted_by_rule"] = by_rule.to_numpy(dtype=bool)
    if kind == "risk_register":
        frame["likelihood"] = frame["likelihood"].astype("int8")
        frame["impact"] = frame["impact"].astype("int8")
        frame["planned_personnel"] = frame["planned_personnel"].astype("Int64")
        frame["window_start"] = frame["window_start"].fillna(meta.start)
        frame["window_end"] = frame["window_end"].fillna(meta.end)
        score = frame["likelihood"].astype("int64") * frame["impact"].astype("int64")
        position = frame.columns.get_loc("impact") + 1
        frame.insert(position, "score", score.astype("int8"))
        frame.insert(position + 1, "level", meta.risk_levels.level_of(score))
    if kind == "staffing_plan":
        frame["officers"] = frame["officers"].astype("Int64")
        frame["plan_start"] = frame["plan_start"].fillna(meta.start)
        frame["plan_end"] = frame["plan_end"].fillna(meta.end)
    return frame
