"""The data contract of the three input files: columns, their kinds, header variants, checks.

The column tables say how each column is parsed; :func:`row_schema` builds the pandera schema
that checks parsed values row by row (ranges, required values, times within the event, shift
lengths). Every check carries the key of the reason a quarantined row is given (its ``error``,
rendered by :mod:`sra_analysis.io.reasons`); a check on two columns is named after the column
a quarantined row is reported under (its ``name``), which :func:`failure_columns` reads back.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from sra_analysis.errors import check_argument
from sra_analysis.event import FILE_KINDS, OPTIONAL_FILE_KINDS, EventMeta
from sra_analysis.levels import SEVERITY_SCALE

__all__ = [
    "ColumnSpec",
    "HEADER_ALIASES",
    "PAIRED_WITH",
    "columns_of",
    "failure_columns",
    "row_schema",
]

MAX_SHIFT = pd.Timedelta(hours=24)

#: The column a time must follow, for each time checked against another one (the order
#: checks of :func:`row_schema` and the warnings of :mod:`sra_analysis.io.validate`).
PAIRED_WITH = {
    "shift_end": "shift_start",
    "occurred_to": "occurred_from",
    "window_end": "window_start",
    "plan_end": "plan_start",
    "responded_at": "reported_at",
    "resolved_at": "responded_at",
}


@dataclass(frozen=True)
class ColumnSpec:
    """One contract column: its canonical name, how it is parsed and whether it is required.

    ``kind`` is one of ``id``, ``text``, ``timestamp``, ``int``, ``float``, ``bool``,
    ``severity`` (a whole number, or the template's ``"3 – sedang"``), ``ring``,
    ``ring_or_all`` or ``categories`` (incident categories an SRA item covers);
    ``low``/``high`` bound numbers inclusively.
    """

    name: str
    kind: str
    required: bool = False
    low: float | None = None
    high: float | None = None


_COLUMNS: dict[str, tuple[ColumnSpec, ...]] = {
    "incidents": (
        ColumnSpec("incident_id", "id", required=True),
        ColumnSpec("reported_at", "timestamp", required=True),
        ColumnSpec("ring", "ring", required=True),
        ColumnSpec("category", "text", required=True),
        ColumnSpec(
            "severity", "severity", required=True, low=SEVERITY_SCALE[0], high=SEVERITY_SCALE[-1]
        ),  # fmt: skip
        ColumnSpec("disrupted_proceedings", "bool"),
        ColumnSpec("occurred_from", "timestamp"),
        ColumnSpec("occurred_to", "timestamp"),
        ColumnSpec("responded_at", "timestamp"),
        ColumnSpec("resolved_at", "timestamp"),
        ColumnSpec("risk_id", "id"),
        ColumnSpec("description", "text"),
    ),
    "staffing": (
        ColumnSpec("officer_id", "id", required=True),
        ColumnSpec("ring", "ring", required=True),
        ColumnSpec("shift_start", "timestamp", required=True),
        ColumnSpec("shift_end", "timestamp", required=True),
        ColumnSpec("unit", "text"),
        ColumnSpec("role", "text"),
    ),
    "risk_register": (
        ColumnSpec("risk_id", "id", required=True),
        ColumnSpec("threat", "text", required=True),
        ColumnSpec("ring", "ring_or_all", required=True),
        ColumnSpec("likelihood", "int", required=True, low=1, high=5),
        ColumnSpec("impact", "int", required=True, low=1, high=5),
        ColumnSpec("window_start", "timestamp"),
        ColumnSpec("window_end", "timestamp"),
        ColumnSpec("probability", "float", low=0, high=1),
        ColumnSpec("planned_personnel", "int", low=0),
        ColumnSpec("mitigation", "text"),
        ColumnSpec("categories", "categories"),
    ),
    # optional: per ring and time span, the officers planned (blank times: the whole event)
    "staffing_plan": (
        ColumnSpec("ring", "ring", required=True),
        ColumnSpec("plan_start", "timestamp"),
        ColumnSpec("plan_end", "timestamp"),
        ColumnSpec("officers", "int", required=True, low=0),
        ColumnSpec("unit", "text"),
        ColumnSpec("note", "text"),
    ),
}

#: Header variants (already folded by ``normalise_header``) for each canonical column,
#: per file kind: common Indonesian field-office names and English synonyms.
HEADER_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "incidents": {
        "incident_id": ("id", "id_kejadian", "no_kejadian", "nomor_kejadian", "id_insiden",
                        "kode_kejadian", "no", "nomor"),
        "reported_at": ("waktu_laporan", "waktu_dilaporkan", "dilaporkan", "reported",
                        "report_time", "waktu_lapor", "tanggal_jam_laporan", "waktu"),
        "ring": ("zona", "ring_pengamanan", "lokasi_ring", "lokasi", "area"),
        "category": ("kategori", "jenis", "jenis_kejadian", "jenis_gangguan", "type"),
        "severity": ("tingkat_keparahan", "keparahan", "severitas", "tingkat", "level_keparahan"),
        "disrupted_proceedings": ("mengganggu_pleno", "mengganggu_jalannya_rapat",
                                  "gangguan_pleno", "mengganggu_rapat", "disrupted",
                                  "disruption"),
        "occurred_from": ("terjadi_dari", "terjadi_mulai", "waktu_mulai_kejadian"),
        "occurred_to": ("terjadi_sampai", "terjadi_hingga", "waktu_akhir_kejadian"),
        "responded_at": ("waktu_respon", "waktu_respons", "direspons", "ditangani",
                         "waktu_penanganan", "response_time"),
        "resolved_at": ("waktu_selesai", "selesai_ditangani", "diselesaikan", "resolved"),
        "risk_id": ("id_risiko", "kode_risiko", "no_risiko", "sra_item", "risk"),
        "description": ("uraian", "keterangan", "deskripsi", "kronologi", "uraian_kejadian",
                        "notes"),
    },
    "staffing": {
        "officer_id": ("nrp", "nrp_nip", "no_nrp", "id_personel", "id_petugas", "personel_id",
                       "officer", "nip"),
        "ring": ("zona", "ring_pengamanan", "pos", "lokasi_ring", "lokasi"),
        "shift_start": ("mulai", "jam_mulai", "mulai_tugas", "waktu_mulai", "shift_mulai",
                        "start", "mulai_dinas"),
        "shift_end": ("selesai", "jam_selesai", "selesai_tugas", "waktu_selesai",
                      "shift_selesai", "end", "selesai_dinas"),
        "unit": ("satuan", "satker", "kesatuan", "fungsi"),
        "role": ("peran", "jabatan", "tugas"),
    },
    "risk_register": {
        "risk_id": ("id", "id_risiko", "kode_risiko", "no_risiko", "no", "nomor"),
        "threat": ("ancaman", "potensi_ancaman", "potensi_gangguan", "risiko", "risk",
                   "uraian_ancaman"),
        "ring": ("zona", "ring_pengamanan", "lokasi_ring", "lokasi"),
        "likelihood": ("kemungkinan", "tingkat_kemungkinan", "nilai_kemungkinan"),
        "impact": ("dampak", "tingkat_dampak", "nilai_dampak"),
        "window_start": ("mulai", "periode_mulai", "mulai_periode", "waktu_mulai", "start"),
        "window_end": ("selesai", "periode_selesai", "selesai_periode", "waktu_selesai", "end"),
        "probability": ("peluang", "probabilitas", "prob"),
        "planned_personnel": ("rencana_personel", "jumlah_personel", "personel_direncanakan",
                              "personel", "kekuatan_personel"),
        "mitigation": ("mitigasi", "langkah_mitigasi", "tindakan_pencegahan", "cara_bertindak"),
        "categories": ("kategori", "kategori_kejadian", "jenis_kejadian", "jenis_gangguan",
                       "incident_categories"),
    },
    "staffing_plan": {
        "ring": ("zona", "ring_pengamanan", "pos", "lokasi_ring", "lokasi"),
        "plan_start": ("mulai", "waktu_mulai", "periode_mulai", "mulai_periode", "start",
                       "window_start", "from", "dari"),
        "plan_end": ("selesai", "waktu_selesai", "periode_selesai", "selesai_periode", "end",
                     "window_end", "to", "sampai"),
        "officers": ("personel", "jumlah_personel", "rencana_personel", "kekuatan",
                     "kekuatan_personel", "planned_personnel", "planned_officers", "jumlah"),
        "unit": ("satuan", "satker", "kesatuan", "fungsi"),
        "note": ("catatan", "keterangan", "notes"),
    },
}  # fmt: skip


def columns_of(kind: str) -> tuple[ColumnSpec, ...]:
    """The contract columns of a file kind (one of :data:`~sra_analysis.event.FILE_KINDS`
    or :data:`~sra_analysis.event.OPTIONAL_FILE_KINDS`)."""
    return _COLUMNS[check_argument("kind", FILE_KINDS + OPTIONAL_FILE_KINDS, kind)]


def _within_event(meta: EventMeta):
    low, high = meta.start - meta.time_margin, meta.end + meta.time_margin
    return pa.Check(lambda s: s.between(low, high), error="outside_event", ignore_na=True)


def _in_range(spec: ColumnSpec) -> pa.Check:
    """The check of a number's bounds; its ``error`` is the reason key (see
    :mod:`sra_analysis.io.reasons`), the bounds come back from :func:`columns_of`."""
    if spec.high is None:
        return pa.Check(lambda s: s >= spec.low, error="below_minimum", ignore_na=True)
    return pa.Check(lambda s: s.between(spec.low, spec.high), error="outside_range", ignore_na=True)


def _ordered(first: str, second: str, *, strict: bool) -> pa.Check:
    """``second`` after ``first`` (or at it, unless ``strict``); reported under ``second``
    with reason key ``not_after`` (strict) or ``before``; :data:`PAIRED_WITH` names ``first``."""
    reason = "not_after" if strict else "before"

    def check(frame: pd.DataFrame) -> pd.Series:
        a, b = frame[first], frame[second]
        ok = (b > a) if strict else (b >= a)
        return ok | a.isna() | b.isna()

    return pa.Check(check, error=reason, name=second)


def _shift_length() -> pa.Check:
    """At most :data:`MAX_SHIFT` from ``shift_start`` to ``shift_end``; reported under the end."""

    def check(frame: pd.DataFrame) -> pd.Series:
        start, end = frame["shift_start"], frame["shift_end"]
        return ((end - start) <= MAX_SHIFT) | end.isna() | start.isna()

    return pa.Check(check, error="shift_too_long", name="shift_end")


def failure_columns(schema: pa.DataFrameSchema, cases: pd.DataFrame) -> pd.Series:
    """The contract column each of pandera's failure cases is reported under.

    A column check's failure carries its column; a frame check's failure is reported under
    the check's ``name`` (found by its ``check_number`` in ``schema.checks``), never matched
    by its message.

    Parameters
    ----------
    schema : pandera.DataFrameSchema
        The schema that failed, from :func:`row_schema`.
    cases : DataFrame
        ``SchemaErrors.failure_cases``.

    Returns
    -------
    Series
        Aligned with ``cases``.
    """
    named = {number: check.name for number, check in enumerate(schema.checks)}
    frame_level = cases["schema_context"] == "DataFrameSchema"
    return cases["column"].where(~frame_level, cases["check_number"].map(named))


def row_schema(kind: str, meta: EventMeta) -> pa.DataFrameSchema:
    """The pandera schema checking parsed rows of a file kind against the event.

    Column checks cover required values, numeric ranges and times within the event (with
    ``meta.time_margin`` either side); frame checks cover the order of paired times and
    the 24-hour limit on a shift.
    """
    columns = {}
    for spec in columns_of(kind):
        checks = []
        if spec.kind in ("int", "float", "severity") and spec.low is not None:
            checks.append(_in_range(spec))
        if spec.kind == "timestamp":
            checks.append(_within_event(meta))
        columns[spec.name] = pa.Column(
            checks=checks, nullable=not spec.required, required=False, coerce=False
        )
    frame_checks = []
    if kind == "staffing":
        frame_checks.append(_ordered("shift_start", "shift_end", strict=True))
        frame_checks.append(_shift_length())
    elif kind == "incidents":
        frame_checks.append(_ordered("occurred_from", "occurred_to", strict=False))
    elif kind == "risk_register":
        frame_checks.append(_ordered("window_start", "window_end", strict=True))
    elif kind == "staffing_plan":
        frame_checks.append(_ordered("plan_start", "plan_end", strict=True))
    return pa.DataFrameSchema(columns, checks=frame_checks, name=kind)
