"""Labels of ``sra-review template``: its console lines, its refusals and the phone form.

The form's own field labels (:mod:`sra_analysis.template.xlsform`) are here too, so that a
clerk's phone shows the words the workbooks use.
"""

from __future__ import annotations

__all__ = ["TEMPLATE_LABELS"]

TEMPLATE_LABELS: dict[str, dict[str, str]] = {
    # console lines
    "template.wrote": {"en": "wrote {file}", "id": "menulis {file}"},
    "template.wrote_kept": {
        "en": "wrote {file}, keeping its {rows} filled row(s)",
        "id": "menulis {file}, {rows} baris yang sudah terisi tetap ada",
    },
    "template.kept_event": {
        "en": "kept {file} as it is; the workbooks follow its rings and times",
        "id": "{file} tidak diubah; workbook mengikuti ring dan waktu di dalamnya",
    },
    "template.wrote_form": {
        "en": "wrote {file}: upload it to KoboToolbox or ODK Central to log incidents on "
        "phones; save its export in the event folder as incidents.csv or incidents.xlsx",
        "id": "menulis {file}: unggah ke KoboToolbox atau ODK Central untuk mencatat kejadian "
        "lewat ponsel; simpan hasil ekspornya di folder kegiatan sebagai incidents.csv atau "
        "incidents.xlsx",
    },
    "template.next": {
        "en": "fill in the sheets, then check them: sra-review validate {out}",
        "id": "isi lembar kerjanya, lalu periksa: sra-review validate {out}",
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
        "id": "sudah berisi kegiatan {kept!r}, bukan {given!r}; file ini tidak diubah",
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
        "id": "berisi {rows} baris yang bukan lembar templat file ini ({reason}); menulis "
        "templat akan menghapusnya",
    },
    "template.keep.missing": {"en": "no column {columns}", "id": "tidak ada kolom {columns}"},
    "template.keep.sheets": {
        "en": "holds {rows} row(s) and sheets the template does not write ({sheets}); writing "
        "the template would lose those sheets",
        "id": "berisi {rows} baris dan lembar yang tidak ditulis templat ({sheets}); menulis "
        "templat akan menghapus lembar itu",
    },
    "template.keep.hint": {
        "en": "move {file} away to write a fresh one, or choose another folder",
        "id": "pindahkan {file} ke tempat lain untuk menulis yang baru, atau pilih folder lain",
    },
}
