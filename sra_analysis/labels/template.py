"""Labels of ``sra-review template``: its console lines, its refusals and the phone form.

The phone form's questions and hints (:mod:`sra_analysis.template.xlsform`) are here too:
the form carries both languages, each looked up here.
"""

from __future__ import annotations

__all__ = ["TEMPLATE_LABELS"]

TEMPLATE_LABELS: dict[str, dict[str, str]] = {
    # console lines
    "template.wrote": {"en": "wrote {file}", "id": "{file} dibuat"},
    "template.wrote_kept": {
        "en": "wrote {file}, keeping its {rows} filled row(s)",
        "id": "{file} diperbarui; {rows} baris yang sudah terisi tetap ada",
    },
    "template.kept_event": {
        "en": "kept {file} as it is; the workbooks follow its rings and times",
        "id": "{file} tidak diubah; berkas Excel mengikuti ring dan waktu di dalamnya",
    },
    "template.wrote_form": {
        "en": "wrote {file}: upload it to KoboToolbox or ODK Central to log incidents on "
        "phones; save its export in the event folder as incidents.csv or incidents.xlsx",
        "id": "{file} dibuat: unggah ke KoboToolbox atau ODK Central untuk mencatat kejadian "
        "lewat ponsel; simpan hasil ekspornya di folder kegiatan sebagai incidents.csv atau "
        "incidents.xlsx",
    },
    "template.next": {
        "en": "fill in the sheets, then check them: sra-review validate {out}",
        "id": "isi lembar kerjanya, lalu periksa: sra-review validate {out} --lang id",
    },
    # the phone form (sra_analysis.template.xlsform): its group, questions and hints
    "form.group": {"id": "Laporan kejadian", "en": "Incident report"},
    "form.reported_at": {"id": "Waktu laporan", "en": "Reported at"},
    "form.reported_at.hint": {
        "id": "Tanggal dan jam kejadian dilaporkan",
        "en": "Date and time the incident was reported",
    },
    "form.occurred_from": {"id": "Terjadi mulai", "en": "Occurred from"},
    "form.occurred_from.hint": {
        "id": "Isi bila waktu kejadian baru diketahui kemudian: waktu paling awal",
        "en": "When the time is only known later: the earliest it may have happened",
    },
    "form.occurred_to": {"id": "Terjadi sampai", "en": "Occurred to"},
    "form.occurred_to.hint": {
        "id": "Waktu paling akhir kejadian",
        "en": "The latest it may have happened",
    },
    "form.ring": {"id": "Ring", "en": "Ring"},
    "form.ring.hint": {
        "id": "Ring tempat kejadian",
        "en": "The ring where it happened",
    },
    "form.category": {"id": "Kategori", "en": "Category"},
    "form.category.hint": {
        "id": "Jenis kejadian",
        "en": "Kind of incident",
    },
    "form.severity": {"id": "Tingkat keparahan", "en": "Severity"},
    "form.severity.hint": {
        "id": "1 (ringan) sampai 5 (kritis)",
        "en": "1 (minor) to 5 (critical)",
    },
    "form.disrupted_proceedings": {
        "id": "Mengganggu jalannya rapat?",
        "en": "Disrupted the proceedings?",
    },
    "form.disrupted_proceedings.hint": {
        "id": "Kosongkan bila belum jelas: ditentukan menurut tingkat keparahan",
        "en": "Leave blank when unsure: decided by severity",
    },
    "form.description": {"id": "Uraian kejadian", "en": "Description"},
    "form.description.hint": {
        "id": "Uraian singkat kejadian",
        "en": "What happened, in a sentence or two",
    },
    "form.risk_id": {"id": "Kode risiko", "en": "Risk ID"},
    "form.risk_id.hint": {
        "id": "Kode ancaman dalam daftar risiko (SRA), mis. R01; kosongkan bila tidak ada",
        "en": "The risk register's code of the threat it realised, e.g. R01; blank if none",
    },
    # validate, on the export of the phone form
    "form.metadata": {
        "en": "phone form export: {count} submission metadata column(s) set aside: {columns}",
        "id": "ekspor formulir ponsel: {count} kolom metadata pengiriman tidak dipakai: {columns}",
    },
    "form.id_column": {
        "en": "phone form export: incident_id taken from {column}",
        "id": "ekspor formulir ponsel: No Kejadian diambil dari {column}",
    },
    # refusals (one line each: the file, then the message, then what to do)
    "template.exists": {"en": "already holds {files}", "id": "sudah berisi {files}"},
    "template.exists.hint": {
        "en": "add --force to refresh the workbooks around the rows they hold (event.yaml is "
        "kept), or choose an empty folder",
        "id": "tambahkan --force untuk memperbarui workbook tanpa menghapus baris yang sudah "
        "terisi (event.yaml tidak diubah), atau pilih folder kosong",
    },
    "template.beside": {
        "en": "already holds {files}, which would sit beside the template's files (an event "
        "folder holds one file of each kind)",
        "id": "sudah berisi {files}, yang akan berdampingan dengan file templat (satu folder "
        "kegiatan hanya berisi satu file untuk setiap jenis)",
    },
    "template.beside.hint": {
        "en": "move it away, or choose an empty folder",
        "id": "pindahkan file itu, atau pilih folder kosong",
    },
    "template.other_event": {
        "en": "already describes the event {kept!r}, not {given!r}; it is kept as it is",
        "id": "sudah berisi kegiatan {kept!r}, bukan {given!r}; berkas ini tidak diubah",
    },
    "template.other_event.hint": {
        "en": "edit it and run the command without --event, or choose another folder",
        "id": "ubah file itu lalu jalankan perintah tanpa --event, atau pilih folder lain",
    },
    "template.keep.unreadable": {
        "en": "cannot be read ({reason}), so its rows can be neither counted nor kept",
        "id": "tidak dapat dibaca ({reason}), sehingga barisnya tidak dapat dihitung maupun "
        "dipertahankan",
    },
    "template.keep.foreign": {
        "en": "holds {rows} row(s) that are not a template sheet of this file ({reason}); "
        "writing the template would lose them",
        "id": "berisi {rows} baris yang bukan lembar templat berkas ini ({reason}); membuat "
        "ulang templat akan menghapusnya",
    },
    "template.keep.missing": {"en": "no column {columns}", "id": "tidak ada kolom {columns}"},
    "template.keep.sheets": {
        "en": "holds {rows} row(s) and sheets the template does not write ({sheets}); writing "
        "the template would lose those sheets",
        "id": "berisi {rows} baris dan lembar yang tidak dibuat oleh templat ({sheets}); "
        "membuat ulang templat akan menghapus lembar itu",
    },
    "template.keep.hint": {
        "en": "move {file} away to write a fresh one, or choose another folder",
        "id": "pindahkan {file} ke tempat lain agar dibuat yang baru, atau pilih folder lain",
    },
}
