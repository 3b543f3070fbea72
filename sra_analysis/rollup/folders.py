"""One report folder, read as untrusted input: its summary and its three tables, checked.

A report folder is written by this toolkit, but the roll-up reads it later, perhaps from
another office's USB stick: a totals figure edited by hand, a table of another version or a
damaged file must set that event aside, not change the pooled numbers or sink the roll-up.
:func:`read_report_folder` reads ``summary.json`` through
:meth:`~sra_analysis.report_summary.ReportSummary.from_file` (size, depth, version, types),
checks each table's columns (typed, finite, in range), recomputes the summary's totals and
window counts from the tables and compares them. Whatever fails raises a
:class:`~sra_analysis.report_folder.ReportFolderError` with the event and a one-line reason; the
pooled figures come from the checked tables only.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from sra_analysis.report_folder import ReportFolderError
from sra_analysis.report_summary import ReportSummary
from sra_analysis.rollup.artefacts import INCIDENT_COLUMNS, REGISTER_COLUMNS, WINDOW_EXTRA_COLUMNS

__all__ = ["ReportFolder", "TABLE_CHECKS", "missing_files", "read_report_folder"]

#: The tables a report leaves beside ``summary.json`` (``<name>.parquet``).
TABLES = ("windows", "incidents", "register")

#: Columns the roll-up reads from each table; a report written before rings had zones lacks
#: ``zone`` and is pooled by ring name.
REQUIRED = {
    "windows": ["ring", "window_start", "hours", "predicted_level", "incidents", "disruptions",
                "officer_hours", "likelihood", "impact",
                *(c for c in WINDOW_EXTRA_COLUMNS if c != "zone")],
    "incidents": INCIDENT_COLUMNS,
    "register": REGISTER_COLUMNS,
}  # fmt: skip

#: What each checked column must hold: ``hours`` (finite, > 0), ``amount`` (finite, ≥ 0),
#: ``count`` (whole, ≥ 0), ``rating``, ``hour_of_day``, ``score`` (whole, within
#: :data:`RANGES`; missing allowed), ``flag`` (true/false), ``text`` (text, missing allowed),
#: ``time`` (dates and times).
TABLE_CHECKS: dict[str, dict[str, object]] = {
    "windows": {
        "ring": "text", "window_start": "time", "hours": "hours", "predicted_level": "text",
        "incidents": "count", "disruptions": "count", "officer_hours": "amount",
        "likelihood": "rating", "impact": "rating", "flagged": "flag", "observed": "flag",
        "level_rank": "count", "hour": "hour_of_day", "day": "count",
    },
    "incidents": {
        "ring": "text", "time": "time", "hour": "hour_of_day", "day": "count", "category": "text",
        "severity": "rating", "disruption": "flag", "anticipated": "flag", "flagged": "flag",
    },
    "register": {
        "risk_id": "text", "threat": "text", "ring": "text", "likelihood": "rating",
        "impact": "rating", "score": "score", "level": "text", "incidents": "count",
        "disruptions": "count",
    },
}  # fmt: skip
#: The whole numbers within bounds: likelihood, impact and severity; hour of day; a score.
RANGES = {"rating": (1, 5), "hour_of_day": (0, 23), "score": (1, 25)}
#: Largest count or amount in a table believed.
_ABSURD = 1e12


@dataclass(frozen=True)
class ReportFolder:
    """A report folder that passed every check.

    Attributes
    ----------
    folder : Path
    summary : ReportSummary
    tables : dict of str to DataFrame
        ``windows``, ``incidents``, ``register``, their checked columns typed (numbers as
        numbers, flags as bool).
    """

    folder: Path
    summary: ReportSummary
    tables: dict[str, pd.DataFrame]

    @property
    def event_id(self) -> str:
        return self.summary.event.id


def missing_files(folder: str | os.PathLike) -> ReportFolderError | None:
    """Why the report in ``folder`` cannot be pooled, judged from its files being there
    (``summary.json`` and the three tables), or None when they all are."""
    folder = Path(folder)
    if not (folder / "summary.json").is_file():
        return ReportFolderError(folder, "aside.no_summary")
    missing = [n for n in TABLES if not (folder / f"{n}.parquet").is_file()]
    if missing:
        return ReportFolderError(
            folder, "aside.no_tables", files=", ".join(f"{n}.parquet" for n in missing)
        )
    return None


def read_report_folder(folder: str | os.PathLike) -> ReportFolder:
    """Read and check the report in ``folder``.

    Raises
    ------
    ReportFolderError
        A file missing, ``summary.json`` refused (see
        :meth:`~sra_analysis.report_summary.ReportSummary.from_file`), a table unreadable,
        lacking a column or holding a value out of type or range (naming the row, as pandas
        numbers it from 0, and the column), or the summary's totals at odds with the tables.
    """
    folder = Path(folder)
    problem = missing_files(folder)
    if problem is not None:
        raise problem
    summary = ReportSummary.from_file(folder / "summary.json")
    event = summary.event.id
    tables = {name: _read_table(folder, name, event) for name in TABLES}
    _compare(summary, tables, folder)
    return ReportFolder(folder=folder, summary=summary, tables=tables)


def _read_table(folder: Path, name: str, event: str) -> pd.DataFrame:
    """One table, its checked columns typed; a :class:`ReportFolderError` otherwise."""
    from sra_analysis.privacy import hide_long_numbers

    file = f"{name}.parquet"
    try:
        table = pd.read_parquet(folder / file)
    except Exception as error:  # noqa: BLE001 - any failure of the reader sets the folder aside
        detail = hide_long_numbers(f"{type(error).__name__}: {str(error)[:120]}")
        raise ReportFolderError(
            folder, "aside.table_unreadable", event=event, file=file, detail=detail
        ) from None
    missing = [c for c in REQUIRED[name] if c not in table.columns]
    if missing:
        raise ReportFolderError(
            folder, "aside.table_columns", event=event, file=file, columns=missing
        )
    typed = {}
    for column, kind in TABLE_CHECKS[name].items():
        written = table[column]
        values = _checked(written, kind, where=(folder, event, file, column))
        if values is not written:  # converted: a table another writer typed otherwise
            typed[column] = values
    return table.assign(**typed) if typed else table


def _checked(values: pd.Series, kind, *, where) -> pd.Series:
    """``values`` typed as ``kind`` requires, or a :class:`ReportFolderError` at the first
    row that is not."""
    if kind == "text":
        if isinstance(values.dtype, pd.StringDtype) or pd.api.types.infer_dtype(
            values, skipna=True
        ) in ("string", "empty"):  # fmt: skip
            return values
        bad = ~values.map(lambda v: isinstance(v, str) or v is None or v is pd.NA or v != v)
        return _fail_at(values, bad, "text", where)
    if kind == "time":
        if isinstance(values.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(
            values.dtype
        ):  # fmt: skip
            return values
        return _fail_at(values, pd.Series(True, index=values.index), "time", where)
    if kind == "flag":
        if pd.api.types.is_bool_dtype(values.dtype) and not values.isna().any():
            return values.astype(bool)
        bad = ~values.map(lambda v: isinstance(v, (bool, np.bool_)))
        return _fail_at(values, bad, "flag", where) if bad.any() else values.astype(bool)
    given = pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(
        values.dtype
    )  # fmt: skip
    if given:  # as the review wrote it: no conversion needed to check it
        number = values.to_numpy(dtype=float, na_value=np.nan)
    else:
        number = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    missing = values.isna().to_numpy()
    finite = np.isfinite(number)
    with np.errstate(invalid="ignore"):
        whole = finite & (np.mod(number, 1) == 0)
        if kind in RANGES:
            low, high = RANGES[kind]
            ok = missing | (whole & (number >= low) & (number <= high))
        else:
            ok = finite & (np.abs(number) <= _ABSURD)
            ok &= number > 0 if kind == "hours" else number >= 0
            if kind == "count":
                ok &= whole
    if not ok.all():
        _fail_at(values, pd.Series(~ok, index=values.index), kind, where)
    if given:
        return values
    numbers = pd.Series(number, index=values.index)
    if kind in RANGES:
        return pd.Series(pd.array(numbers.round(), dtype="Int64"), index=values.index)
    return numbers.astype("int64") if kind == "count" else numbers


def _fail_at(values: pd.Series, bad: pd.Series, kind: str, where):
    folder, event, file, column = where
    row = int(np.flatnonzero(np.asarray(bad, dtype=bool))[0])
    value = values.iloc[row]
    shown = repr(value.item() if isinstance(value, np.generic) else value)
    raise ReportFolderError(
        folder, "aside.table_value", event=event, file=file, row=row, column=column,
        kind=kind, value=shown if len(shown) <= 40 else shown[:37] + "...",
    )  # fmt: skip


def _compare(summary: ReportSummary, tables: dict[str, pd.DataFrame], folder: Path) -> None:
    """The summary's totals and window counts against what the tables give."""
    windows, incidents = tables["windows"], tables["incidents"]
    flagged, observed = windows["flagged"].to_numpy(), windows["observed"].to_numpy()
    found = {
        "totals.incidents": len(incidents),
        "totals.disruptions": int(incidents["disruption"].sum()),
        "totals.incidents_in_windows": int(windows["incidents"].sum()),
        "totals.disruptions_in_windows": int(windows["disruptions"].sum()),
        "totals.windows": len(windows),
        "totals.officer_hours": float(windows["officer_hours"].sum()),
        "totals.ring_hours": float(windows["hours"].sum()),
        "prediction.hits": int((flagged & observed).sum()),
        "prediction.misses": int((~flagged & observed).sum()),
        "prediction.false_alarms": int((flagged & ~observed).sum()),
        "prediction.correct_negatives": int((~flagged & ~observed).sum()),
    }
    for path, value in found.items():
        part, name = path.split(".")
        claimed = getattr(getattr(summary, part), name)
        if claimed is None and name in ("incidents", "disruptions", "officer_hours"):
            claimed = math.nan  # required: a missing total cannot agree
        if claimed is None:
            continue
        # hours are summed in another order than the review summed them: allow for rounding
        if not math.isclose(claimed, value, rel_tol=1e-6, abs_tol=0.01):
            raise ReportFolderError(
                folder, "aside.mismatch", event=summary.event.id, field=path,
                claimed=_number(claimed), found=_number(value),
            )  # fmt: skip


def _number(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
