"""One blank workbook per input file: the data sheet first, then the guide, then hidden lists.

The loader reads the **first** sheet of a workbook and takes its first non-blank row as the
header (:func:`sra_analysis.io.readers.read_table`), so the data sheet comes first and holds
nothing but the header row. Cell formats are set on whole columns, not on empty cells: a
formatted empty cell would be stored as a row and counted as a blank row by ``validate``.
"""

from __future__ import annotations

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sra_analysis.event import EventMeta
from sra_analysis.levels import SEVERITY_SCALE, severity_choice
from sra_analysis.template.cells import put, style_header
from sra_analysis.template.columns import (
    ALL_RINGS,
    YES_NO,
    TemplateColumn,
    number_format,
    template_columns,
)
from sra_analysis.template.guide import LISTS_SHEET, SHEET_TITLES, add_instructions, add_legend
from sra_analysis.template.keep import KeptRows

__all__ = ["LAST_ROW", "LIST_NAMES", "build_workbook", "ring_choices"]

#: Data validations and formats reach this row (Excel's last).
LAST_ROW = 1_048_576
#: Workbook-level names of the drop-down lists on the hidden sheet.
LIST_NAMES = {
    "ring": "ring_list", "ring_or_all": "ring_or_all_list", "severity": "severity_list",
}  # fmt: skip
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")  # serial day 0 of Excel's 1900 date system

_MESSAGES: dict[str, dict[str, str]] = {
    "ring": {"en": "Choose a ring from the list (the rings of event.yaml).",
             "id": "Pilih ring dari daftar (ring dalam event.yaml)."},
    "whole": {"en": "A whole number from {low} to {high}.",
              "id": "Bilangan bulat {low} sampai {high}."},
    "at_least": {"en": "A whole number, {low} or more.", "id": "Bilangan bulat, minimal {low}."},
    "decimal": {"en": "A number from {low} to {high}, e.g. 0.25.",
                "id": "Angka {low} sampai {high}, mis. 0,25."},
    "yes_no": {"en": "Choose yes or no, or leave blank.",
               "id": "Pilih ya atau tidak, atau biarkan kosong."},
    "time": {"en": "A date and time from {low} to {high} (local time).",
             "id": "Tanggal dan jam antara {low} dan {high} (waktu setempat)."},
    "severity": {"en": "Pick a level from the list, or type its number from 1 to 5.",
                 "id": "Pilih tingkat dari daftar, atau ketik angkanya 1 sampai 5."},
    "title": {"en": "Check the value", "id": "Periksa isian"},
}  # fmt: skip


def ring_choices(meta: EventMeta, *, lang: str = "en", allow_all: bool = False) -> list[str]:
    """The values of a ring drop-down: each ring's name in ``lang``, then the word for all.

    Every value is one the loader resolves to its ring (names and ``name_id`` are in
    :meth:`EventMeta.ring_lookup`; ``all``/``semua`` mean every ring in the register).

    Examples
    --------
    >>> from sra_analysis.template.event_file import example_meta
    >>> ring_choices(example_meta(), lang="id", allow_all=True)
    ['Ruang pleno', 'Dalam gedung', 'Luar pagar', 'semua']
    """
    names = [ring.label(lang) for ring in meta.rings]
    return names + [ALL_RINGS[lang]] if allow_all else names


def _serial(stamp) -> float:
    """Excel serial day of a local wall-clock time."""
    return round((stamp.tz_localize(None) - _EXCEL_EPOCH) / pd.Timedelta(days=1), 6)


def _validation(column: TemplateColumn, meta: EventMeta, lang: str) -> DataValidation | None:
    spec = column.spec

    def message(key: str, **values) -> str:
        return _MESSAGES[key][lang].format(**values)

    if spec.kind in ("ring", "ring_or_all"):
        rule = DataValidation(type="list", formula1=f"={LIST_NAMES[spec.kind]}")
        text = message("ring")
    elif spec.kind == "severity":
        rule = DataValidation(type="list", formula1=f"={LIST_NAMES['severity']}")
        rule.errorStyle = "warning"  # the number typed alone is read too
        text = message("severity")
    elif spec.kind == "int" and spec.high is not None:
        low, high = int(spec.low), int(spec.high)
        rule = DataValidation(type="whole", operator="between", formula1=str(low),
                              formula2=str(high))  # fmt: skip
        text = message("whole", low=low, high=high)
    elif spec.kind == "int":
        rule = DataValidation(type="whole", operator="greaterThanOrEqual",
                              formula1=str(int(spec.low)))  # fmt: skip
        text = message("at_least", low=int(spec.low))
    elif spec.kind == "float":
        rule = DataValidation(type="decimal", operator="between", formula1=f"{spec.low:g}",
                              formula2=f"{spec.high:g}")  # fmt: skip
        text = message("decimal", low=f"{spec.low:g}", high=f"{spec.high:g}")
    elif spec.kind == "bool":
        rule = DataValidation(type="list", formula1='"{}"'.format(",".join(YES_NO[lang])))
        text = message("yes_no")
    elif spec.kind == "timestamp":
        low, high = meta.start - meta.time_margin, meta.end + meta.time_margin
        rule = DataValidation(type="date", operator="between", formula1=repr(_serial(low)),
                              formula2=repr(_serial(high)))  # fmt: skip
        rule.errorStyle = "warning"  # a time typed as text the loader reads is still allowed
        shown = "%d/%m/%Y %H:%M" if lang == "id" else "%Y-%m-%d %H:%M"
        text = message("time", low=f"{low:{shown}}", high=f"{high:{shown}}")
    else:
        return None
    rule.errorStyle = rule.errorStyle or "stop"  # a value outside the rule is refused
    rule.allow_blank = True
    rule.showErrorMessage = True
    rule.showInputMessage = True
    rule.errorTitle = message("title")
    rule.error = text
    rule.promptTitle = column.header[:32]
    rule.prompt = column.help[:255]
    return rule


def _data_sheet(sheet: Worksheet, columns, meta: EventMeta, lang: str) -> None:
    for position, column in enumerate(columns, start=1):
        letter = get_column_letter(position)
        cell = put(sheet, 1, position, column.header)
        style_header(cell, required=column.spec.required)
        cell.comment = Comment(column.help, "sra-review", width=240, height=80)
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.sheet_width
        if column.spec.kind in ("ring", "ring_or_all"):  # the longest ring name fits
            longest = max(map(len, ring_choices(meta, lang=lang, allow_all=True)))
            dimension.width = max(dimension.width, min(longest + 4, 60))
        dimension.number_format = number_format(column, lang=lang)
        rule = _validation(column, meta, lang)
        if rule is not None:
            rule.add(f"{letter}2:{letter}{LAST_ROW}")
            sheet.add_data_validation(rule)
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"


def _write_kept(sheet: Worksheet, columns, kept: KeptRows, lang: str) -> None:
    """The rows a filled workbook held, at their Excel rows: the contract's columns under the
    new headers (in the column's format), the clerk's own columns to the right."""
    formats = {column.name: number_format(column, lang=lang) for column in columns}
    positions = {column.name: position for position, column in enumerate(columns, start=1)}
    for offset, header in enumerate(kept.extra, start=len(columns) + 1):
        if not header.startswith("unnamed_"):  # the loader's name of a blank header
            style_header(put(sheet, 1, offset, header), required=False)
        positions[header] = offset
    for row, record in zip(kept.rows, kept.values.itertuples(index=False), strict=True):
        for name, value in zip(kept.values.columns, record, strict=True):
            if value is not None:
                put(sheet, row, positions[name], value, number_format=formats.get(name))


def _lists_sheet(workbook: Workbook, meta: EventMeta, lang: str) -> None:
    """The drop-down values on a hidden sheet, each list under a workbook-level name."""
    sheet = workbook.create_sheet(LISTS_SHEET)
    for position, kind in enumerate(("ring", "ring_or_all", "severity"), start=1):
        if kind == "severity":
            values = [severity_choice(level, lang) for level in SEVERITY_SCALE]
        else:
            values = ring_choices(meta, lang=lang, allow_all=kind == "ring_or_all")
        for row, value in enumerate(values, start=1):
            put(sheet, row, position, value)
        letter = get_column_letter(position)
        reference = f"'lists'!${letter}$1:${letter}${len(values)}"
        workbook.defined_names[LIST_NAMES[kind]] = DefinedName(
            LIST_NAMES[kind], attr_text=reference
        )
    sheet.sheet_state = "hidden"


def build_workbook(
    kind: str, meta: EventMeta, *, lang: str = "en", kept: KeptRows | None = None
) -> Workbook:
    """The blank workbook of one input file, ready to fill.

    Parameters
    ----------
    kind : {"incidents", "staffing", "risk_register", "staffing_plan"}
    meta : EventMeta
        The event: its rings fill the drop-downs, its span bounds the time checks, its
        banding colours the register's legend.
    lang : {"en", "id"}
    kept : KeptRows, optional
        Rows of an earlier version of the workbook (:func:`~sra_analysis.template.keep.
        kept_rows`), written back at their Excel rows under the new headers.

    Returns
    -------
    openpyxl.Workbook
        Sheets: the data sheet (header row, and the ``kept`` rows), the instructions, for
        the register the likelihood × impact legend, and the hidden ``lists`` sheet behind
        the drop-downs.
    """
    columns = template_columns(kind, lang=lang)
    workbook = Workbook()
    data = workbook.active
    data.title = SHEET_TITLES[kind][lang]
    _data_sheet(data, columns, meta, lang)
    if kept is not None:
        _write_kept(data, columns, kept, lang)
    add_instructions(workbook, kind, columns, meta, lang=lang)
    if kind == "risk_register":
        add_legend(workbook, meta, lang=lang)
    _lists_sheet(workbook, meta, lang)
    workbook.active = 0
    return workbook
