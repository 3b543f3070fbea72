"""Labels of why the roll-up set a report folder aside
(:class:`~sra_analysis.report_folder.ReportFolderError`): one line each, naming the file and, where
it applies, the row, the column and the value."""

from __future__ import annotations

__all__ = ["REPORT_FOLDER_LABELS"]

REPORT_FOLDER_LABELS: dict[str, dict[str, str]] = {
    "aside.no_summary": {
        "en": "no summary.json: the report FAILED or did not finish",
        "id": "tidak ada summary.json: laporannya GAGAL atau belum selesai",
    },
    "aside.no_tables": {
        "en": "no {files}: rerun its report to make them",
        "id": "tidak ada {files}: jalankan ulang laporannya",
    },
    "aside.too_large": {
        "en": "{file} is {size} MB, more than the {limit} MB a review writes",
        "id": "{file} berukuran {size} MB, melebihi {limit} MB yang ditulis sebuah Anev",
    },
    "aside.too_deep": {
        "en": "{file} nests deeper than {limit} levels, which no review writes",
        "id": "{file} bersarang lebih dari {limit} tingkat, hal yang tidak pernah ditulis Anev",
    },
    "aside.not_json": {
        "en": "{file} cannot be read as JSON ({detail})",
        "id": "{file} tidak terbaca sebagai JSON ({detail})",
    },
    "aside.schema_version": {
        "en": 'summary.json of version "{found}", not the version this roll-up reads ("{known}"): '
        "rerun its report",
        "id": 'summary.json versi "{found}", bukan versi yang dibaca rekap ini ("{known}"): '
        "jalankan ulang laporannya",
    },
    "aside.no_schema_version": {
        "en": 'summary.json names no version (schema_version; this roll-up reads "{known}"): '
        "rerun its report",
        "id": "summary.json tidak menyebut versinya (schema_version; rekap ini membaca "
        '"{known}"): jalankan ulang laporannya',
    },
    "aside.summary_missing": {
        "en": "summary.json lacks {field}",
        "id": "summary.json tidak memuat {field}",
    },
    "aside.summary_value": {
        "en": "summary.json {field}: must be {kind}, got {value}",
        "id": "summary.json {field}: harus {kind}, tertulis {value}",
    },
    "aside.table_unreadable": {
        "en": "{file} cannot be read ({detail})",
        "id": "{file} tidak terbaca ({detail})",
    },
    "aside.table_columns": {
        "en": "{file} lacks column(s) {columns}: rerun its report",
        "id": "{file} tidak memuat kolom {columns}: jalankan ulang laporannya",
    },
    "aside.table_value": {
        "en": "{file} row {row}, column {column}: must be {kind}, got {value}",
        "id": "{file} baris {row}, kolom {column}: harus {kind}, tertulis {value}",
    },
    "aside.mismatch": {
        "en": "summary.json {field} says {claimed}, its tables give {found}",
        "id": "summary.json {field} tertulis {claimed}, sedangkan tabelnya menghitung {found}",
    },
    # what a value must be, filled into aside.summary_value and aside.table_value
    "aside.kind.count": {"en": "a whole number ≥ 0", "id": "bilangan bulat ≥ 0"},
    "aside.kind.amount": {"en": "a finite number ≥ 0", "id": "angka terhingga ≥ 0"},
    "aside.kind.hours": {"en": "a finite number > 0", "id": "angka terhingga > 0"},
    "aside.kind.share": {"en": "a number from 0 to 1", "id": "angka dari 0 sampai 1"},
    "aside.kind.rating": {"en": "a whole number from 1 to 5", "id": "bilangan bulat 1 sampai 5"},
    "aside.kind.hour_of_day": {
        "en": "a whole number from 0 to 23",
        "id": "bilangan bulat 0 sampai 23",
    },
    "aside.kind.score": {"en": "a whole number from 1 to 25", "id": "bilangan bulat 1 sampai 25"},
    "aside.kind.text": {"en": "text", "id": "teks"},
    "aside.kind.event_id": {
        "en": "an event id (lower-case letters, digits, '.', '_' or '-'; at most 64)",
        "id": "id kegiatan (huruf kecil, angka, '.', '_' atau '-'; paling banyak 64)",
    },
    "aside.kind.object": {"en": "an object of named values", "id": "objek berisi nilai bernama"},
    "aside.kind.time": {"en": "a date and time", "id": "tanggal dan jam"},
    "aside.kind.flag": {"en": "true or false", "id": "benar atau salah"},
    # a roll-up of one event
    "few_events.note": {
        "en": "This roll-up pools {found} event. Comparing events needs {needed} or more, so "
        "these parts are left out: {parts}.",
        "id": "Rekap ini hanya menggabungkan {found} kegiatan. Perbandingan antarkegiatan "
        "memerlukan sedikitnya {needed} kegiatan, sehingga bagian berikut tidak disajikan: "
        "{parts}.",
    },
    "few_events.part.level_rate_ratio": {
        "en": "the rate ratio per risk level across events and how much it varies between events",
        "id": "rasio laju per tingkat risiko lintas kegiatan beserta keragamannya antarkegiatan",
    },
    "few_events.part.funnel": {
        "en": "the funnel placing each event's capture against the others",
        "id": "diagram corong yang membandingkan ketepatan prediksi tiap kegiatan",
    },
    "few_events.chart": {
        "en": "Comparing events needs two events or more; this chart has {found}.",
        "id": "Perbandingan antarkegiatan memerlukan sedikitnya dua kegiatan; grafik ini "
        "hanya memuat {found}.",
    },
    # the console line of sra-review rollup
    "cli.rollup.set_aside": {
        "en": "set aside {event}: {reason}",
        "id": "disisihkan {event}: {reason}",
    },
}
