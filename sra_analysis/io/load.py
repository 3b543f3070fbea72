"""Load an event folder, or one of its files, into canonical tables.

The canonical tables (what :class:`~sra_analysis.event.Event` holds) have these columns, in
this order, plus ``source_row`` (the row in the file each came from):

``incidents``
    ``incident_id`` (str), ``reported_at`` (datetime, tz-aware), ``ring`` (categorical of
    ring ids in display order), ``category`` (str: the code in the event's category
    vocabulary, ``other`` for text outside it; see :mod:`sra_analysis.vocabulary`),
    ``category_text`` (str: the category as the log wrote it), ``severity`` (ordered
    categorical 1–5, :data:`~sra_analysis.levels.SEVERITY_DTYPE`),
    ``disrupted_proceedings`` (bool; when blank: severity ≥ ``disruption_severity``),
    ``occurred_from``, ``occurred_to``, ``responded_at``, ``resolved_at`` (datetime or NaT),
    ``risk_id`` (str or missing: unanticipated), ``description`` (str or missing).
``staffing``
    ``officer_id`` (str), ``ring``, ``shift_start``, ``shift_end``, ``unit``, ``role``.
``risks``
    ``risk_id``, ``threat``, ``ring`` (a ring id or ``"all"``), ``likelihood``, ``impact``
    (int8), ``score`` (likelihood × impact), ``level`` (ordered categorical),
    ``window_start``, ``window_end`` (the whole event when blank), ``probability`` (float or
    NaN), ``planned_personnel`` (Int64), ``mitigation``.
``staffing_plan`` (optional file)
    ``ring``, ``plan_start``, ``plan_end`` (the whole event when blank), ``officers``
    (Int64), ``unit``, ``note``. Rows of the same ring and unit (or without a unit) whose
    spans overlap: the later is quarantined (:mod:`sra_analysis.io.plan`).

``incidents`` also carries ``disrupted_by_rule`` (bool): True where the log left
``disrupted_proceedings`` blank (or has no such column) and severity decided it.

Free text (a description, a category, a threat, a unit) is cleaned as it loads, in the
tables and in what the quality report quotes of set-aside rows, so no report, notebook or
saved table carries what it should not: an officer id typed into it is replaced by its
pseudonym wherever it stands as a whole token (:func:`~sra_analysis.privacy.mask_identifiers`),
and bidirectional controls are neutralised (:func:`~sra_analysis.safe_text.isolate_bidi`).
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

from sra_analysis.errors import InputFileError
from sra_analysis.event import FILE_KINDS, OPTIONAL_FILE_KINDS, Event, EventMeta
from sra_analysis.event_config import read_event_meta
from sra_analysis.event_yaml import find_event_dirs, is_inside
from sra_analysis.io.readers import SUPPORTED_SUFFIXES, read_table
from sra_analysis.io.reasons import Reason
from sra_analysis.io.validate import ISSUE_COLUMNS, LoadedTable, load_table, map_headers
from sra_analysis.privacy import mask_identifiers
from sra_analysis.safe_text import isolate_bidi
from sra_analysis.vocabulary import read_vocabulary_file

__all__ = [
    "find_event_dirs",
    "find_input",
    "load_event",
    "load_incidents",
    "load_risk_register",
    "load_staffing",
    "load_staffing_plan",
    "sha256_of",
    "with_categories",
]


def sha256_of(path: str | Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def find_input(folder: str | Path, kind: str) -> Path:
    """The one file ``<kind>.<csv|xlsx|parquet|...>`` in an event folder.

    A link (symlink) is accepted when it leads to a file inside the event folder.

    Raises
    ------
    InputFileError
        When there is none, more than one, or the one found is a link to a file outside the
        event folder or not a regular file (the error never quotes the file's content).
    """
    folder = Path(folder)
    found = sorted(
        p
        for p in folder.iterdir()
        if p.stem.casefold() == kind and p.suffix.lower() in SUPPORTED_SUFFIXES
    )
    if not found:
        raise InputFileError(
            str(folder / f"{kind}.csv"),
            f"no {kind} file in the event folder; expected {kind}.csv, {kind}.xlsx or "
            f"{kind}.parquet",
        )
    if len(found) > 1:
        names = ", ".join(p.name for p in found)
        raise InputFileError(str(folder), f"more than one {kind} file ({names}); keep one")
    file = found[0]
    if not is_inside(file, folder):
        raise InputFileError(
            str(file), "is a link to a file outside the event folder; copy the file in instead"
        )
    if not file.is_file():
        raise InputFileError(str(file), "is not a regular file (a folder, a device or a dead link)")
    return file


def _meta(meta: EventMeta | str | Path) -> EventMeta:
    return meta if isinstance(meta, EventMeta) else read_event_meta(meta)


def load_incidents(path: str | Path, meta: EventMeta | str | Path, *, sheet=None) -> LoadedTable:
    """Load an incident log. ``meta`` is the event's metadata or its ``event.yaml``.

    Returns
    -------
    LoadedTable
        ``.frame`` (columns in the module docstring) and ``.quality``.
    """
    return load_table(read_table(path, sheet=sheet), kind="incidents", meta=_meta(meta))


def load_staffing(path: str | Path, meta: EventMeta | str | Path, *, sheet=None) -> LoadedTable:
    """Load a staffing roster, one row per officer shift. See :func:`load_incidents`."""
    return load_table(read_table(path, sheet=sheet), kind="staffing", meta=_meta(meta))


def load_risk_register(
    path: str | Path, meta: EventMeta | str | Path, *, sheet=None
) -> LoadedTable:
    """Load the SRA risk register, one row per threat. See :func:`load_incidents`."""
    return load_table(read_table(path, sheet=sheet), kind="risk_register", meta=_meta(meta))


def load_staffing_plan(
    path: str | Path, meta: EventMeta | str | Path, *, sheet=None
) -> LoadedTable:
    """Load a staffing plan, one row per ring, time span (and unit). See :func:`load_incidents`."""
    return load_table(read_table(path, sheet=sheet), kind="staffing_plan", meta=_meta(meta))


def _find_optional(folder: Path, kind: str) -> Path | None:
    """The file of an optional kind, or None when the folder has none."""
    present = any(
        p.stem.casefold() == kind and p.suffix.lower() in SUPPORTED_SUFFIXES
        for p in folder.iterdir()
    )
    return find_input(folder, kind) if present else None


def load_event(path: str | Path, *, categories: str | Path | None = None) -> Event:
    """Load an event folder: ``event.yaml`` and its incidents, staffing and risk register,
    and its staffing plan when it has one.

    Parameters
    ----------
    path : str or Path
        The event folder.
    categories : str or Path, optional
        An office vocabulary file added to the event's categories (after the bundled list
        and the file ``event.yaml`` names); see :mod:`sra_analysis.vocabulary`.

    Returns
    -------
    Event
        ``meta``, the canonical ``incidents``, ``staffing`` and ``risks`` tables (see the
        module docstring), ``quality`` (per file: rows read, accepted, quarantined, blank,
        duplicates, and every issue with its row, column, value and reason) and ``inputs``
        (sha256 of each file read).

    Raises
    ------
    EventConfigError, InputFileError
        When ``event.yaml`` or a whole file cannot be used; rows with problems do not raise,
        they are quarantined and reported in ``quality``.

    Examples
    --------
    >>> from sra_analysis.resources import sample_dir
    >>> event = load_event(sample_dir() / "purwakarta-2024")
    >>> event.meta.ring_ids
    ('1', '2', '3')
    >>> str(event.incidents["reported_at"].dt.tz)
    'Asia/Jakarta'
    """
    folder = Path(path)
    if not folder.is_dir():
        raise InputFileError(str(folder), "not a folder; give the event folder")
    meta = with_categories(read_event_meta(folder), categories)
    loaded: dict[str, LoadedTable] = {}
    inputs = {Path(meta.source).name: sha256_of(meta.source)}
    for source in meta.vocabulary.sources[1:]:  # the office files, not the bundled list
        inputs[Path(source).name] = sha256_of(source)
    for kind in FILE_KINDS:
        file = find_input(folder, kind)
        inputs[file.name] = sha256_of(file)
        loaded[kind] = load_table(read_table(file), kind=kind, meta=meta)
    for kind in OPTIONAL_FILE_KINDS:
        file = _find_optional(folder, kind)
        if file is not None:
            inputs[file.name] = sha256_of(file)
            loaded[kind] = load_table(read_table(file), kind=kind, meta=meta)
    officer_ids = loaded["staffing"].frame["officer_id"].unique()
    loaded = {
        kind: _clean_free_text(table, officer_ids, quotes=kind != "staffing")
        for kind, table in loaded.items()
    }
    incidents = _check_risk_references(loaded["incidents"], loaded["risk_register"])
    plan = loaded.get("staffing_plan")
    optional = {} if plan is None else {"staffing_plan": plan.quality}
    return Event(
        meta=meta,
        incidents=incidents.frame,
        staffing=loaded["staffing"].frame,
        risks=loaded["risk_register"].frame,
        quality={
            "incidents": incidents.quality,
            "staffing": loaded["staffing"].quality,
            "risk_register": loaded["risk_register"].quality,
            **optional,
        },
        inputs=inputs,
        staffing_plan=None if plan is None else plan.frame,
    )


def with_categories(meta: EventMeta, categories: str | Path | None) -> EventMeta:
    """``meta`` with the office vocabulary file ``categories`` added (None: unchanged)."""
    if categories is None:
        return meta
    file = str(Path(categories).resolve())
    if file in meta.vocabulary.sources:
        return meta
    entries = read_vocabulary_file(file, require_labels=False)
    return dataclasses.replace(meta, vocabulary=meta.vocabulary.extended(entries, source=file))


#: Columns that hold identifiers or ring ids, never free text.
_NOT_FREE_TEXT = frozenset({"incident_id", "risk_id", "officer_id", "ring"})


def _clean_free_text(table: LoadedTable, officer_ids, *, quotes: bool) -> LoadedTable:
    """``table`` with every officer id in its free text replaced by the pseudonym and
    bidirectional controls neutralised: the text columns of the canonical frame and, with
    ``quotes``, the values and set-aside rows its quality quotes (a staffing file's own are
    shown by the allow-list of :mod:`sra_analysis.privacy` instead)."""

    def masked(frame: pd.DataFrame, skip=_NOT_FREE_TEXT) -> pd.DataFrame:
        text = [c for c in frame.columns if c not in skip and _is_text(frame[c])]
        if not text:
            return frame
        frame = frame.copy()
        for column in text:
            cleaned = mask_identifiers(frame[column], officer_ids).map(
                isolate_bidi, na_action="ignore"
            )
            frame[column] = cleaned.astype(frame[column].dtype)  # an empty column stays text
        return frame

    quality = table.quality
    if quotes:
        unknown = quality.unknown_categories  # categories as written, listed by validate
        written = mask_identifiers(pd.Series([text for text, _ in unknown], dtype=object),
                                   officer_ids).map(isolate_bidi)  # fmt: skip
        quality = dataclasses.replace(
            quality,
            issues=masked(quality.issues, skip={"column", "field", "reason", "action"}),
            quarantined_rows=masked(quality.quarantined_rows, skip=()),
            unknown_categories=tuple(zip(written, (n for _, n in unknown), strict=True)),
        )
    return LoadedTable(frame=masked(table.frame), quality=quality)


def _is_text(column: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(column) or column.dtype == object


def _check_risk_references(incidents: LoadedTable, register: LoadedTable) -> LoadedTable:
    """An incident naming a risk_id the register does not have is kept, with a warning."""
    frame = incidents.frame
    unknown = frame["risk_id"].notna() & ~frame["risk_id"].isin(set(register.frame["risk_id"]))
    if not unknown.any():
        return incidents
    set_aside = register.quality.quarantined_rows
    mapping = map_headers(set_aside.columns, kind="risk_register", file=register.quality.file)
    header = next((h for h, canonical in mapping.items() if canonical == "risk_id"), None)
    quarantined_ids = set() if header is None else set(set_aside[header].astype(str).str.strip())
    values = frame.loc[unknown, "risk_id"].astype(str)
    # the clerk's own header of the column: any row set aside still has every header
    headers = map_headers(incidents.quality.quarantined_rows.columns, kind="incidents",
                          file=incidents.quality.file)  # fmt: skip
    column = next((h for h, canonical in headers.items() if canonical == "risk_id"), "risk_id")
    reasons = [
        Reason("risk_quarantined" if value in quarantined_ids else "risk_unknown", column=column)
        for value in values
    ]
    warnings = pd.DataFrame(
        {
            "row": frame.loc[unknown, "source_row"].to_numpy(dtype=np.int64),
            "column": column,
            "field": "risk_id",
            "value": values.to_numpy(),
            "reason": [str(reason) for reason in reasons],
            "action": "warning",
            "reason_key": pd.Series([r.key for r in reasons], dtype=object),
            "reason_values": pd.Series([r.values for r in reasons], dtype=object),
        }
    )[ISSUE_COLUMNS]
    issues = pd.concat([incidents.quality.issues, warnings], ignore_index=True)
    issues = issues.sort_values(["row", "action"], kind="stable", ignore_index=True)
    quality = dataclasses.replace(incidents.quality, issues=issues)
    return LoadedTable(frame=frame, quality=quality)
