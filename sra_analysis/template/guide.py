"""The sheets that explain a template: instructions with an example row, and the risk legend.

Neither is read by the loader (it reads the first sheet only); both sit after the data sheet.
The legend colours each likelihood × impact cell like the report colours its risk levels
(:func:`sra_analysis.charts.level_colors`), under the event's own banding.
"""

from __future__ import annotations

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from sra_analysis.event import EventMeta
from sra_analysis.labels import level_label
from sra_analysis.labels.timezone import zone_label
from sra_analysis.levels import severity_choice, severity_scale
from sra_analysis.template.cells import fill, ink_on, put, style_header
from sra_analysis.template.columns import YES_NO, TemplateColumn, number_format

__all__ = [
    "LISTS_SHEET",
    "SHEET_TITLES",
    "add_instructions",
    "add_legend",
    "example_row",
    "guide_sheet_titles",
]

#: The data sheet's title per file kind and language.
SHEET_TITLES: dict[str, dict[str, str]] = {
    "incidents": {"en": "incidents", "id": "kejadian"},
    "staffing": {"en": "staffing", "id": "personel"},
    "risk_register": {"en": "risk_register", "id": "daftar_risiko"},
    "staffing_plan": {"en": "staffing_plan", "id": "rencana_personel"},
}

#: The hidden sheet that holds the drop-down lists.
LISTS_SHEET = "lists"

_WORDS: dict[str, dict[str, str]] = {
    "instructions": {"en": "Instructions", "id": "Petunjuk"},
    "legend": {"en": "Legend", "id": "Legenda"},
    "title": {"en": "{file} — how to fill it in", "id": "{file} — cara mengisi"},
    "row_per": {
        "en": "Write one row per {what} on the first sheet, “{sheet}”, under its header row. "
        "Only that sheet is read; keep its headers.",
        "id": "Tulis satu baris per {what} pada lembar pertama, “{sheet}”, di bawah baris "
        "judul kolom. Hanya lembar itu yang dibaca; jangan ubah judul kolomnya.",
    },
    "times": {
        "en": "Times are local times in {zone}; the event runs from {start} to {end}. "
        "Type them as {format} (or pick a date in Excel).",
        "id": "Waktu ditulis dalam waktu setempat {zone}; kegiatan berlangsung {start} sampai "
        "{end}. Ketik dengan format {format} (atau pilih tanggal di Excel).",
    },
    "checks": {
        "en": "Columns with a drop-down take a value from the list; numbers must be whole "
        "numbers in their range. Dark headers are required, light ones may stay blank.",
        "id": "Kolom berdaftar pilihan diisi dari daftar; angka harus bilangan bulat dalam "
        "rentangnya. Judul kolom gelap wajib diisi, yang terang boleh kosong.",
    },
    "validate": {
        "en": "When the three files are filled, check the folder: sra-review validate FOLDER",
        "id": "Setelah ketiga berkas terisi, periksa foldernya: sra-review validate "
        "FOLDER-KEGIATAN --lang id",
    },
    "example": {"en": "Example row (not read: write yours on the first sheet)",
                "id": "Contoh baris (tidak dibaca: tulis data pada lembar pertama)"},
    "columns": {"en": "Columns", "id": "Kolom"},
    "column": {"en": "Column", "id": "Kolom"},
    "required": {"en": "Required", "id": "Wajib"},
    "what": {"en": "What to write", "id": "Isian"},
    "legend_title": {"en": "Risk level = likelihood × impact",
                     "id": "Tingkat risiko = kemungkinan × dampak"},
    "axes": {"en": "Likelihood ↓  Impact →", "id": "Kemungkinan ↓  Dampak →"},
    "level": {"en": "Level", "id": "Tingkat"},
    "scores": {"en": "Scores", "id": "Skor"},
    "flag": {
        "en": "Windows rated {level} or above count as flagged by the SRA (flag_level in "
        "event.yaml); the report colours the levels the same way.",
        "id": "Jendela waktu bertingkat {level} atau lebih dianggap ditandai oleh SRA "
        "(flag_level dalam event.yaml); laporan memakai warna yang sama.",
    },
}  # fmt: skip
_WHAT = {
    "incidents": {"en": "incident", "id": "kejadian"},
    "staffing": {"en": "officer shift", "id": "giliran tugas personel"},
    "risk_register": {"en": "threat of the SRA", "id": "ancaman dalam SRA"},
    "staffing_plan": {"en": "ring and time span of the plan (one per unit when several "
                      "units share them)",
                      "id": "ring dan rentang waktu rencana (satu baris per satuan bila "
                      "beberapa satuan bertugas bersama)"},
}  # fmt: skip
#: What only one kind of file needs said, after the general lines.
_KIND_NOTES: dict[str, dict[str, str]] = {
    "staffing_plan": {
        "en": "This file is optional: the report compares officers on duty with it. Without "
        "it, the risk register's planned personnel is used, taking for each ring and hour "
        "the row with the shortest time span that covers it.",
        "id": "Berkas ini tidak wajib: laporan membandingkan personel yang bertugas dengan "
        "rencana ini. Tanpa berkas ini, dipakai kolom rencana personel pada daftar risiko, "
        "yaitu baris dengan rentang waktu terpendek yang mencakup setiap ring dan jam.",
    },
    "incidents": {
        "en": "Severity: pick the level from the list (“3 – moderate”) or type its number; "
        "the scale is below. Where “Disrupted proceedings” is blank, severity {threshold} "
        "or above counts as a disruption.",
        "id": "Tingkat keparahan: pilih dari daftar (“3 – sedang”) atau ketik angkanya; "
        "skalanya ada di bawah. Bila “Mengganggu Jalannya Rapat” kosong, tingkat keparahan "
        "{threshold} ke atas dihitung sebagai gangguan.",
    },
}


def guide_sheet_titles() -> frozenset[str]:
    """The titles of the sheets a template writes after its data sheet, in every language.

    Examples
    --------
    >>> sorted(guide_sheet_titles())
    ['Instructions', 'Legend', 'Legenda', 'Petunjuk', 'lists']
    """
    titles = {_WORDS[key][lang] for key in ("instructions", "legend") for lang in _WORDS[key]}
    return frozenset(titles | {LISTS_SHEET})


def _word(key: str, lang: str, **values) -> str:
    return _WORDS[key][lang].format(**values)


def example_row(kind: str, meta: EventMeta, *, lang: str = "en") -> dict[str, object]:
    """A filled row of a file kind, by canonical column, valid for the event ``meta``.

    Times are naive local ``datetime`` values inside the event, as a clerk's Excel holds
    them; the ring is the drop-down value of the ring guarding the fence (zone
    ``perimeter``), which the examples describe, else of the first ring.

    Examples
    --------
    >>> from sra_analysis.template.event_file import example_meta
    >>> row = example_row("incidents", example_meta(), lang="id")
    >>> row["ring"], row["severity"], str(row["reported_at"])
    ('Luar pagar', 2, '2024-03-01 13:24:00')
    """
    start = meta.start.tz_localize(None)
    span = meta.end.tz_localize(None) - start
    at = (start + span * 0.1).floor("min")
    fence = [r for r in meta.rings if r.zone == "perimeter"]
    ring = (fence or list(meta.rings))[0].label(lang)
    en = lang == "en"
    if kind == "incidents":
        row = {
            "incident_id": "INC-001", "reported_at": at, "ring": ring,
            "category": "crowd" if en else "massa", "severity": 2,
            "disrupted_proceedings": YES_NO[lang][1], "occurred_from": None,
            "occurred_to": None, "responded_at": at + pd.Timedelta(minutes=5),
            "resolved_at": at + pd.Timedelta(minutes=90), "risk_id": "R01",
            "description": "About 60 supporters gathered at the fence; watched, dispersed."
            if en else "Sekitar 60 pendukung berkumpul di depan pagar; dipantau, bubar.",
        }  # fmt: skip
    elif kind == "staffing":
        row = {
            "officer_id": "00012345", "ring": ring, "shift_start": start,
            "shift_end": min(start + pd.Timedelta(hours=8), start + span),
            "unit": "Sat Samapta", "role": "Gate guard" if en else "Jaga gerbang",
        }  # fmt: skip
    elif kind == "risk_register":
        row = {
            "risk_id": "R01",
            "threat": "Crowd gathers at the fence" if en else "Massa berkumpul di depan pagar",
            "ring": ring,
            "likelihood": 3, "impact": 2, "window_start": start,
            "window_end": (start + span / 2).floor("min"), "probability": 0.05,
            "planned_personnel": 5,
            "mitigation": "Guard the gate; keep the crowd 50 m away" if en
            else "Jaga gerbang; massa di luar radius 50 m",
            "categories": "crowd; protest" if en else "kerumunan; unjuk rasa",
        }  # fmt: skip
    if kind == "staffing_plan":
        row = {
            "ring": ring, "plan_start": start,
            "plan_end": min(start + pd.Timedelta(hours=12), start + span), "officers": 10,
            "unit": "Sat Samapta", "note": "Day shift at the gate" if en
            else "Giliran siang di gerbang",
        }  # fmt: skip
    return {
        name: value.to_pydatetime() if isinstance(value, pd.Timestamp) else value
        for name, value in row.items()
    }


def add_instructions(
    workbook: Workbook,
    kind: str,
    columns: tuple[TemplateColumn, ...],
    meta: EventMeta,
    *,
    lang: str = "en",
) -> None:
    """Append the instructions sheet: how to fill the file, an example row, every column."""
    sheet = workbook.create_sheet(_word("instructions", lang))
    file = f"{kind}.xlsx"
    shown = "%d/%m/%Y %H:%M" if lang == "id" else "%Y-%m-%d %H:%M"
    title = put(sheet, 1, 1, _word("title", lang, file=file))
    title.font = Font(bold=True, size=14)
    lines = [
        _word("row_per", lang, what=_WHAT[kind][lang], sheet=SHEET_TITLES[kind][lang]),
        _word(
            "times",
            lang,
            zone=zone_label(meta.timezone, lang),
            start=f"{meta.start:{shown}}",
            end=f"{meta.end:{shown}}",
            format="dd/mm/yyyy hh:mm" if lang == "id" else "yyyy-mm-dd hh:mm",
        ),
        _word("checks", lang),
        _word("validate", lang),
    ]
    if kind in _KIND_NOTES:
        lines.append(_KIND_NOTES[kind][lang].format(threshold=meta.disruption_severity))
    for row, line in enumerate(lines, start=3):
        put(sheet, row, 1, f"• {line}")

    row = len(lines) + 4
    put(sheet, row, 1, _word("example", lang)).font = Font(bold=True, size=12)
    example = example_row(kind, meta, lang=lang)
    for position, column in enumerate(columns, start=1):
        style_header(put(sheet, row + 1, position, column.header), required=column.spec.required)
        put(sheet, row + 2, position, example[column.name],
            number_format=number_format(column, lang=lang))  # fmt: skip
        letter = sheet.cell(row=1, column=position).column_letter
        sheet.column_dimensions[letter].width = column.sheet_width
    # column A also lists every header in the table of columns below
    sheet.column_dimensions["A"].width = max(len(c.header) * 1.1 + 2 for c in columns)
    sheet.row_dimensions[row + 1].height = 32

    row += 4
    put(sheet, row, 1, _word("columns", lang)).font = Font(bold=True, size=12)
    for position, key in enumerate(("column", "required", "what"), start=1):
        style_header(put(sheet, row + 1, position, _word(key, lang)), required=True)
    yes, no = YES_NO[lang]
    for offset, column in enumerate(columns, start=2):
        put(sheet, row + offset, 1, column.header).font = Font(bold=column.spec.required)
        put(sheet, row + offset, 2, yes if column.spec.required else no)
        put(sheet, row + offset, 3, column.help)
    if kind == "incidents":
        _severity_scale(sheet, row + len(columns) + 3, lang)


def _severity_scale(sheet, row: int, lang: str) -> None:
    """The severity scale, one line per level: number, name, what it means."""
    from sra_analysis.labels import t

    put(sheet, row, 1, t("severity.legend", lang)).font = Font(bold=True, size=12)
    for position, key in enumerate(("level", "name", "meaning"), start=1):
        style_header(put(sheet, row + 1, position, t(f"severity.col.{key}", lang)), required=True)
    for offset, level in enumerate(severity_scale(lang).itertuples(index=False), start=2):
        put(sheet, row + offset, 1, severity_choice(level.severity, lang))
        put(sheet, row + offset, 2, level.name)
        put(sheet, row + offset, 3, level.description)


def add_legend(workbook: Workbook, meta: EventMeta, *, lang: str = "en") -> None:
    """Append the legend sheet: the 5 × 5 likelihood × impact grid coloured by risk level."""
    from sra_analysis.charts import level_colors  # plotly is only needed for the colours

    levels = meta.risk_levels
    colours = level_colors(levels.names)
    sheet = workbook.create_sheet(_word("legend", lang))
    put(sheet, 1, 1, _word("legend_title", lang)).font = Font(bold=True, size=14)
    put(sheet, 3, 1, _word("axes", lang)).font = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center")
    for impact in range(1, 6):
        cell = put(sheet, 3, 1 + impact, impact)
        cell.font, cell.alignment = Font(bold=True), centre
    for offset, likelihood in enumerate(range(5, 0, -1)):
        row = 4 + offset
        cell = put(sheet, row, 1, likelihood)
        cell.font, cell.alignment = Font(bold=True), centre
        for impact in range(1, 6):
            score = likelihood * impact
            colour = colours[str(levels.level_of([score])[0])]
            cell = put(sheet, row, 1 + impact, score)
            cell.fill, cell.alignment = fill(colour), centre
            cell.font = Font(bold=True, color=ink_on(colour))
        sheet.row_dimensions[row].height = 28
    sheet.column_dimensions["A"].width = 26
    for letter in "BCDEF":
        sheet.column_dimensions[letter].width = 9

    row = 10
    style_header(put(sheet, row, 1, _word("level", lang)), required=True)
    style_header(put(sheet, row, 2, _word("scores", lang)), required=True)
    for offset, (name, low, high) in enumerate(levels.bands, start=1):
        cell = put(sheet, row + offset, 1, level_label(name, lang))
        cell.fill, cell.font = fill(colours[name]), Font(bold=True, color=ink_on(colours[name]))
        put(sheet, row + offset, 2, f"{low}–{high}")
    flag = level_label(meta.flag_level, lang)
    put(sheet, row + len(levels.bands) + 2, 1, _word("flag", lang, level=flag))
