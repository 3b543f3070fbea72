"""Write a synthetic event as an event folder, in the file variants field offices produce."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from sra_analysis.errors import ParameterError
from sra_analysis.event import FILE_KINDS, resolve_timezone
from sra_analysis.sample.generate import SyntheticEvent
from sra_analysis.sheet_text import (
    CELL_LIMIT,
    FORMULA_START,
    UNSAFE_CHARACTERS,
    put_text,
    safe_text,
)

__all__ = ["DATE_STYLES", "ENCODINGS", "FILE_FORMATS", "RING_LABELS", "write_event"]

#: Formats of the three data files: extension ``.csv`` (``,``, ``;`` with decimal comma, tab),
#: ``.xlsx`` or ``.parquet``.
FILE_FORMATS: tuple[str, ...] = ("csv", "csv_semicolon", "csv_tab", "xlsx", "parquet")
RING_LABELS: tuple[str, ...] = ("id", "name", "alias")
DATE_STYLES: tuple[str, ...] = ("iso", "dayfirst")
ENCODINGS: tuple[str, ...] = ("utf-8", "utf-8-sig", "cp1252")

_CSV = {"csv": (",", "."), "csv_semicolon": (";", ","), "csv_tab": ("\t", ".")}
_EXCEL_DATETIME = {"iso": "yyyy-mm-dd hh:mm", "dayfirst": "dd/mm/yyyy hh:mm"}
_FIXED_TIME = "2024-01-01T00:00:00Z"  # xlsx created/modified, so that output is reproducible
_XLSX_MAX_ROWS = 1_048_575


def write_event(
    event: SyntheticEvent,
    folder: str | Path,
    *,
    format: str | Mapping[str, str] = "csv",
    ring_labels: str = "id",
    date_style: str = "iso",
    encoding: str = "utf-8",
) -> Path:
    """Write ``event.yaml``, the three data files and ``ground_truth.json`` into ``folder``.

    The same event and options always give byte-identical files. Existing ``incidents.*``,
    ``staffing.*`` and ``risk_register.*`` files in ``folder`` are replaced.

    Parameters
    ----------
    event : SyntheticEvent
        From :func:`~sra_analysis.sample.generate_event`; not modified.
    folder : str or Path
        The event folder; created when missing.
    format : str or mapping
        One of :data:`FILE_FORMATS` for all three files, or a mapping from ``"incidents"``,
        ``"staffing"``, ``"risk_register"`` to a format (missing keys: ``"csv"``).
        ``csv_semicolon`` also writes decimal commas.
    ring_labels : {"id", "name", "alias"}
        Write rings as ids, as English names, or as aliases (cycling through each ring's
        aliases row by row). ``all`` in the register stays ``all``.
    date_style : {"iso", "dayfirst"}
        ``2024-03-01 07:00`` or ``01/03/2024 07:00`` (local time, no zone) in CSV files; the
        number format of Excel date cells. Parquet keeps tz-aware timestamps.
    encoding : {"utf-8", "utf-8-sig", "cp1252"}
        Encoding of CSV files.

    Returns
    -------
    Path
        ``folder``.

    Examples
    --------
    >>> import tempfile
    >>> from sra_analysis.sample import generate_event
    >>> event = generate_event(seed=3, days=1, n_officers=24, n_risks=5)
    >>> folder = write_event(event, Path(tempfile.mkdtemp()) / "demo",
    ...                      format="csv_semicolon", date_style="dayfirst")
    >>> sorted(path.name for path in folder.iterdir())
    ['event.yaml', 'ground_truth.json', 'incidents.csv', 'risk_register.csv', 'staffing.csv']
    >>> (folder / "staffing.csv").read_text().splitlines()[0]
    'officer_id;ring;shift_start;shift_end;unit;role'
    """
    formats = _check_formats(format)
    for name, value, allowed in (
        ("ring_labels", ring_labels, RING_LABELS),
        ("date_style", date_style, DATE_STYLES),
        ("encoding", encoding, ENCODINGS),
    ):
        if value not in allowed:
            raise ParameterError(f"{name} must be one of {list(allowed)}, got {value!r}")
    zone = resolve_timezone(event.meta["timezone"])
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for stem in FILE_KINDS:
        for old in folder.glob(f"{stem}.*"):
            if old.is_file():
                old.unlink()

    meta_text = yaml.safe_dump(
        event.meta, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100
    )
    (folder / "event.yaml").write_text(meta_text, encoding="utf-8")
    frames = {
        "incidents": event.incidents,
        "staffing": event.staffing,
        "risk_register": event.risk_register,
    }
    written = {}
    for stem, frame in frames.items():
        fmt = formats[stem]
        table = frame.assign(ring=_ring_text(frame["ring"], event.meta["rings"], ring_labels))
        path = folder / f"{stem}.{fmt if fmt in ('xlsx', 'parquet') else 'csv'}"
        if fmt == "parquet":
            table.to_parquet(path, index=False, engine="pyarrow")
        elif fmt == "xlsx":
            path.write_bytes(_xlsx_bytes(table, sheet=stem, zone=zone, date_style=date_style))
        else:
            sep, decimal = _CSV[fmt]
            _csv_table(table, zone, date_style).to_csv(
                path, sep=sep, decimal=decimal, index=False, encoding=encoding, lineterminator="\n"
            )
        written[stem] = path.name

    truth = {
        "event_id": event.meta["id"],
        "ground_truth": event.ground_truth.to_dict(),
        "planted": event.planted,
        "files": written,
        "write_options": {
            "format": dict(formats),
            "ring_labels": ring_labels,
            "date_style": date_style,
            "encoding": encoding,
        },
    }
    text = json.dumps(truth, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    (folder / "ground_truth.json").write_text(text, encoding="utf-8")
    return folder


def _check_formats(format: str | Mapping[str, str]) -> dict[str, str]:
    if isinstance(format, str):
        formats = dict.fromkeys(FILE_KINDS, format)
    elif isinstance(format, Mapping):
        unknown = sorted(set(format) - set(FILE_KINDS))
        if unknown:
            raise ParameterError(f"format keys must be among {list(FILE_KINDS)}, got {unknown}")
        formats = {stem: format.get(stem, "csv") for stem in FILE_KINDS}
    else:
        raise ParameterError(f"format must be a str or a mapping, got {type(format).__name__}")
    for stem, fmt in formats.items():
        if fmt not in FILE_FORMATS:
            raise ParameterError(
                f"format of {stem} must be one of {list(FILE_FORMATS)}, got {fmt!r}"
            )
    return formats


def _ring_text(ring: pd.Series, rings: list[dict], labels: str) -> pd.Series:
    """Ring ids rewritten as ids, names or aliases (``all`` is kept)."""
    if labels == "id":
        return ring
    ids = [entry["id"] for entry in rings]
    code = pd.Index(ids).get_indexer(ring)  # -1 for "all"
    if labels == "name":
        choices = [[entry["name"]] for entry in rings]
    else:
        choices = [list(entry.get("aliases") or [entry["name"]]) for entry in rings]
    width = max(len(options) for options in choices)
    table = np.array([[*options, *options[:1] * (width - len(options))] for options in choices])
    count = np.array([len(options) for options in choices])
    safe = np.maximum(code, 0)
    pick = table[safe, np.arange(code.size) % count[safe]]
    text = np.where(code < 0, ring.to_numpy(dtype=object), pick.astype(object))
    return pd.Series(text, index=ring.index, dtype="str")


def _local_naive(column: pd.Series, zone: str) -> np.ndarray:
    return column.dt.tz_convert(zone).dt.tz_localize(None).to_numpy("datetime64[m]")


def _csv_table(table: pd.DataFrame, zone: str, date_style: str) -> pd.DataFrame:
    """Timestamps as local text and booleans as ``true``/``false``."""
    converted = {}
    for name, column in table.items():
        if isinstance(column.dtype, pd.DatetimeTZDtype):
            converted[name] = _time_text(_local_naive(column, zone), date_style)
        elif column.dtype == bool:
            converted[name] = np.where(column.to_numpy(), "true", "false")
    return table.assign(**converted)


def _time_text(values: np.ndarray, date_style: str) -> np.ndarray:
    """``YYYY-MM-DD HH:MM`` or ``DD/MM/YYYY HH:MM``; NaT becomes an empty string."""
    missing = np.isnat(values)
    text = np.datetime_as_string(np.where(missing, np.datetime64(0, "m"), values), unit="m")
    chars = text.astype("U16").view("U1").reshape(-1, 16)
    if date_style == "dayfirst":
        chars = chars[:, [8, 9, 7, 5, 6, 4, 0, 1, 2, 3, 10, 11, 12, 13, 14, 15]]
        chars[:, [2, 5]] = "/"
    chars[:, 10] = " "
    joined = np.ascontiguousarray(chars).view("U16").ravel()
    return np.where(missing, "", joined).astype(object)


def _unsafe_text(table: pd.DataFrame) -> dict[str, np.ndarray]:
    """By column, the rows whose text a spreadsheet would run or show reversed, or that a
    workbook cannot hold (vectorised tests); the other text cells pandas writes are already
    what :func:`sra_analysis.sheet_text.put_text` writes."""
    found = {}
    for name, column in table.items():
        if not (column.dtype == object or pd.api.types.is_string_dtype(column.dtype)):
            continue
        text = column.map(lambda value: value if isinstance(value, str) else "")
        unsafe = (
            text.str.lstrip().str.startswith(FORMULA_START)
            | text.str.contains(UNSAFE_CHARACTERS, regex=True)
            | (text.str.len() > CELL_LIMIT)
        ).to_numpy(dtype=bool)
        if unsafe.any():
            found[name] = np.flatnonzero(unsafe)
    return found


def _xlsx_bytes(table: pd.DataFrame, *, sheet: str, zone: str, date_style: str) -> bytes:
    """An Excel workbook whose bytes depend only on the content."""
    if len(table) > _XLSX_MAX_ROWS:
        raise ParameterError(
            f"format 'xlsx' holds at most {_XLSX_MAX_ROWS} rows, {sheet} has {len(table)}"
        )
    local = {
        name: _local_naive(column, zone).astype("datetime64[us]")
        for name, column in table.items()
        if isinstance(column.dtype, pd.DatetimeTZDtype)
    }
    unsafe = _unsafe_text(table)
    for name, rows in unsafe.items():  # openpyxl refuses some characters: clean them first
        values = table[name].astype(object).to_numpy(copy=True)
        values[rows] = [safe_text(value) for value in values[rows]]
        local[name] = values
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        table.assign(**local).to_excel(writer, sheet_name=sheet, index=False)
        # pandas' openpyxl writer ignores datetime_format: set the cells' format here.
        worksheet = writer.sheets[sheet]
        for position, name in enumerate(table.columns, start=1):
            if name in local:
                for (cell,) in worksheet.iter_rows(min_row=2, min_col=position, max_col=position):
                    cell.number_format = _EXCEL_DATETIME[date_style]
        for name, rows in unsafe.items():  # text, never a formula; quote-prefixed
            position = table.columns.get_loc(name) + 1
            for row in rows:
                put_text(worksheet, int(row) + 2, position, local[name][row])
    # openpyxl stamps "modified" with the current time and the zip entries with the current
    # date: rewrite both.
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                    rb"\g<1>" + _FIXED_TIME.encode() + rb"\g<3>",
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return output.getvalue()
