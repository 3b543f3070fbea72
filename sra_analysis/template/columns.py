"""The columns of the blank workbooks: headers in English and Bahasa Indonesia, widths, help.

Which columns exist, which are required and how each is parsed come from the data contract
(:func:`sra_analysis.io.schemas.columns_of`); this module adds what a person filling the sheet
needs: a header the loader recognises (the canonical name in words, or one of the Indonesian
variants of :data:`sra_analysis.io.schemas.HEADER_ALIASES`), a column width, a one-line
explanation and the cell format of each kind of value.
"""

from __future__ import annotations

from dataclasses import dataclass

from sra_analysis.event import FILE_KINDS, OPTIONAL_FILE_KINDS
from sra_analysis.io.schemas import ColumnSpec, columns_of

__all__ = [
    "ALL_RINGS",
    "TEMPLATE_KINDS",
    "TemplateColumn",
    "YES_NO",
    "number_format",
    "template_columns",
]

#: The workbooks of a template folder: the three input files, then the optional staffing plan.
TEMPLATE_KINDS: tuple[str, ...] = (*FILE_KINDS, *OPTIONAL_FILE_KINDS)

#: The words of the yes/no drop-down (both accepted by the loader's yes/no parser).
YES_NO: dict[str, tuple[str, str]] = {"en": ("yes", "no"), "id": ("ya", "tidak")}
#: The word for "every ring" in the risk register's ring drop-down (accepted by the loader).
ALL_RINGS: dict[str, str] = {"en": "all", "id": "semua"}


@dataclass(frozen=True)
class TemplateColumn:
    """One column of a template sheet.

    Attributes
    ----------
    spec : ColumnSpec
        The contract column: canonical name, kind, required, bounds.
    header : str
        The header in the sheet's language.
    width : float
        Column width in Excel's character units.
    help : str
        What to write in it, in the sheet's language.
    """

    spec: ColumnSpec
    header: str
    width: float
    help: str

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def sheet_width(self) -> float:
        """The column's width, widened so that its bold header fits on two lines."""
        longest_word = max(len(word) for word in self.header.split())
        return max(self.width, longest_word * 1.1 + 3, len(self.header) * 0.55 + 3)


# canonical name -> (English header, Indonesian header, width, English help, Indonesian help)
_COLUMNS: dict[str, dict[str, tuple[str, str, float, str, str]]] = {
    "incidents": {
        "incident_id": ("Incident ID", "No Kejadian", 14,
                        "A code unique to the incident, e.g. INC-001.",
                        "Kode unik kejadian, mis. INC-001."),
        "reported_at": ("Reported at", "Waktu Laporan", 18,
                        "Date and time the incident was reported (local time).",
                        "Tanggal dan jam kejadian dilaporkan (waktu setempat)."),
        "ring": ("Ring", "Ring", 22,
                 "The ring where it happened: choose from the list.",
                 "Ring tempat kejadian: pilih dari daftar."),
        "category": ("Category", "Kategori", 20,
                     "Kind of incident, e.g. crowd, traffic, unauthorised_entry.",
                     "Jenis kejadian, mis. massa, lalu lintas, masuk tanpa izin."),
        "severity": ("Severity", "Tingkat Keparahan", 12,
                     "1 (negligible) to 5 (critical): pick from the list or type the number; "
                     "the scale is on the instructions sheet.",
                     "1 (tidak berdampak) sampai 5 (sangat berat): pilih dari daftar atau "
                     "ketik angkanya; skalanya ada di lembar petunjuk."),
        "disrupted_proceedings": ("Disrupted proceedings", "Mengganggu Jalannya Rapat", 14,
                                  "Did it disrupt the proceedings? Blank: decided by severity.",
                                  "Apakah mengganggu jalannya rapat? Kosong: menurut "
                                  "tingkat keparahan."),
        "occurred_from": ("Occurred from", "Terjadi Mulai", 18,
                          "Earliest time it may have happened, when only known later.",
                          "Waktu paling awal kejadian, bila baru diketahui kemudian."),
        "occurred_to": ("Occurred to", "Terjadi Sampai", 18,
                        "Latest time it may have happened.",
                        "Waktu paling akhir kejadian."),
        "responded_at": ("Responded at", "Waktu Respons", 18,
                         "When officers responded.", "Waktu petugas merespons."),
        "resolved_at": ("Resolved at", "Waktu Selesai", 18,
                        "When it was resolved.", "Waktu kejadian selesai ditangani."),
        "risk_id": ("Risk ID", "Kode Risiko", 12,
                    "The risk register's code of the threat it realised; blank if none.",
                    "Kode risiko dalam daftar risiko (SRA) yang terjadi; kosong bila tidak ada."),
        "description": ("Description", "Uraian Kejadian", 60,
                        "What happened, in a sentence or two.",
                        "Uraian singkat kejadian."),
    },
    "staffing": {
        "officer_id": ("Officer ID", "NRP", 14,
                       "The officer's number (NRP), as text: leading zeros are kept.",
                       "NRP personel, sebagai teks: angka nol di depan tetap terjaga."),
        "ring": ("Ring", "Ring", 22,
                 "The ring of the shift: choose from the list.",
                 "Ring tempat bertugas: pilih dari daftar."),
        "shift_start": ("Shift start", "Mulai Tugas", 18,
                        "Start of the shift (local time).", "Awal jam tugas (waktu setempat)."),
        "shift_end": ("Shift end", "Selesai Tugas", 18,
                      "End of the shift; a night shift ends on the next day's date.",
                      "Akhir jam tugas; tugas malam berakhir pada tanggal hari berikutnya."),
        "unit": ("Unit", "Satuan", 18, "The officer's unit.", "Satuan personel."),
        "role": ("Role", "Peran", 24, "The officer's task in the shift.",
                 "Tugas personel dalam giliran ini."),
    },
    "risk_register": {
        "risk_id": ("Risk ID", "Kode Risiko", 12,
                    "A code unique to the threat, e.g. R01.", "Kode unik ancaman, mis. R01."),
        "threat": ("Threat", "Potensi Ancaman", 50,
                   "The threat the assessment identified.", "Ancaman yang diidentifikasi SRA."),
        "ring": ("Ring", "Ring", 22,
                 "The ring it threatens, or the word for every ring: choose from the list.",
                 "Ring yang terancam, atau semua ring: pilih dari daftar."),
        "likelihood": ("Likelihood", "Kemungkinan", 12,
                       "Whole number from 1 (rare) to 5 (almost certain).",
                       "Bilangan bulat 1 (jarang) sampai 5 (hampir pasti)."),
        "impact": ("Impact", "Dampak", 10,
                   "Whole number from 1 (negligible) to 5 (severe).",
                   "Bilangan bulat 1 (sangat kecil) sampai 5 (sangat besar)."),
        "window_start": ("Window start", "Periode Mulai", 18,
                         "Start of the time the threat applies to; blank: the whole event.",
                         "Awal periode berlakunya ancaman; kosong: seluruh kegiatan."),
        "window_end": ("Window end", "Periode Selesai", 18,
                       "End of that time; blank: the whole event.",
                       "Akhir periode tersebut; kosong: seluruh kegiatan."),
        "probability": ("Probability", "Probabilitas", 12,
                        "Forecast chance (0–1) of a disruption in each hour the window covers.",
                        "Peluang (0–1) terjadinya gangguan pada setiap jam periode tersebut."),
        "planned_personnel": ("Planned personnel", "Rencana Personel", 12,
                              "Officers the plan puts in the ring during the window.",
                              "Jumlah personel yang direncanakan di ring selama periode itu."),
        "mitigation": ("Mitigation", "Mitigasi", 50,
                       "What the plan does about it.", "Langkah mitigasi dalam rencana."),
        "categories": ("Incident categories", "Kategori Kejadian", 26,
                       "Optional: the incident categories this threat covers, separated by ; "
                       "(e.g. protest; clash).",
                       "Opsional: kategori kejadian yang dicakup ancaman ini, dipisah ; "
                       "(mis. unjuk rasa; bentrok)."),
    },
    "staffing_plan": {
        "ring": ("Ring", "Ring", 22,
                 "The ring the officers are planned for: choose from the list.",
                 "Ring tempat personel direncanakan: pilih dari daftar."),
        "plan_start": ("Plan start", "Waktu Mulai", 18,
                       "Start of the span (local time); blank: the event's start.",
                       "Awal rentang waktu (waktu setempat); kosong: awal kegiatan."),
        "plan_end": ("Plan end", "Waktu Selesai", 18,
                     "End of the span; blank: the event's end.",
                     "Akhir rentang waktu; kosong: akhir kegiatan."),
        "officers": ("Officers", "Jumlah Personel", 12,
                     "Officers the plan puts in the ring during the span.",
                     "Jumlah personel yang direncanakan di ring selama rentang waktu itu."),
        "unit": ("Unit", "Satuan", 18,
                 "The unit providing them; rows of different units for the same ring and "
                 "time add up.",
                 "Satuan yang menyiapkan personel; baris satuan berbeda pada ring dan waktu "
                 "yang sama dijumlahkan."),
        "note": ("Note", "Catatan", 40, "Anything the reader should know.",
                 "Catatan bila perlu."),
    },
}  # fmt: skip


def template_columns(kind: str, *, lang: str = "en") -> tuple[TemplateColumn, ...]:
    """The columns of a template sheet, in the contract's order.

    Parameters
    ----------
    kind : {"incidents", "staffing", "risk_register", "staffing_plan"}
    lang : {"en", "id"}
        Language of the headers and help.

    Returns
    -------
    tuple of TemplateColumn

    Examples
    --------
    >>> [c.header for c in template_columns("staffing", lang="id")][:4]
    ['NRP', 'Ring', 'Mulai Tugas', 'Selesai Tugas']
    """
    words = _COLUMNS[kind]
    position = 0 if lang == "en" else 1
    return tuple(
        TemplateColumn(
            spec=spec,
            header=words[spec.name][position],
            width=words[spec.name][2],
            help=words[spec.name][3 + position],
        )
        for spec in columns_of(kind)
    )


def number_format(column: TemplateColumn, *, lang: str = "en") -> str:
    """Excel number format of a column's cells.

    Times are day-first in Bahasa Indonesia and ISO order in English; identifiers, rings and
    text are text (``@``), so that an NRP keeps its leading zeros; counts are whole numbers.

    Examples
    --------
    >>> [number_format(c, lang="id") for c in template_columns("staffing", lang="id")][:3]
    ['@', '@', 'dd/mm/yyyy hh:mm']
    """
    kind = column.spec.kind
    if kind == "severity":  # the number typed, or the drop-down's "3 – sedang"
        return "General"
    if kind == "timestamp":
        return "dd/mm/yyyy hh:mm" if lang == "id" else "yyyy-mm-dd hh:mm"
    if kind == "int":
        return "0"
    if kind == "float":
        return "0.00"
    if kind == "bool":
        return "General"
    return "@"
