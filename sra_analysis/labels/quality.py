"""Labels of the data checks (why a row was set aside, :mod:`sra_analysis.io.reasons`) and
of the ``sra-review`` console lines.

Reasons name the clerk's own column header (``{column}``, ``{other}``) and the value as the
clerk typed it (``{value}``, ``{other_value}``), never an internal column name.
"""

from __future__ import annotations

__all__ = ["QUALITY_LABELS"]

QUALITY_LABELS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ reasons (io)
    "reason.text": {"en": "{text}", "id": "{text}"},
    "reason.not_a_number": {"en": "not a number", "id": "bukan angka"},
    "reason.not_whole_number": {"en": "not a whole number", "id": "bukan bilangan bulat"},
    "reason.not_yes_no": {
        "en": "not a yes/no value (use true/false, yes/no, ya/tidak or 1/0)",
        "id": "bukan nilai ya/tidak (tulis ya/tidak atau 1/0)",
    },
    "reason.unknown_ring": {
        "en": "unknown ring; expected one of the rings in event.yaml (ids {rings}, their names "
        "or aliases)",
        "id": "ring tidak dikenal; tulis salah satu ring dalam event.yaml (nomor {rings}, nama "
        "atau nama lainnya)",
    },
    "reason.unknown_ring_or_all": {
        "en": "unknown ring; expected one of the rings in event.yaml (ids {rings}, their names "
        "or aliases, or 'all')",
        "id": "ring tidak dikenal; tulis salah satu ring dalam event.yaml (nomor {rings}, nama "
        "atau nama lainnya, atau 'semua')",
    },
    "reason.unparseable_timestamp": {
        "en": "unparseable timestamp (expected e.g. 2024-03-01 14:30 or 01/03/2024 14.30)",
        "id": "tanggal dan jam tidak terbaca (tulis misalnya 01/03/2024 14.30)",
    },
    "reason.nonexistent_time": {
        "en": "time does not exist in {zone}: the clocks moved forward over it (daylight "
        "saving); check the time, or write its UTC offset (e.g. +02:00)",
        "id": "jam ini tidak ada di zona {zone}: jam dimajukan (waktu musim panas); periksa "
        "jamnya, atau tulis selisihnya dari UTC (misalnya +02.00)",
    },
    "reason.ambiguous_time": {
        "en": "ambiguous local time: it occurs twice in {zone} (the clocks went back); read as "
        "the first occurrence, UTC{first}, not UTC{second}; write the UTC offset to choose",
        "id": "jam ini terjadi dua kali di zona {zone} (jam dimundurkan); dibaca sebagai yang "
        "pertama, UTC{first}, bukan UTC{second}; tulis selisihnya dari UTC untuk memilih",
    },
    "reason.required_missing": {
        "en": "required value missing",
        "id": "wajib diisi, tetapi kosong",
    },
    "reason.outside_event": {
        "en": "implausible timestamp: outside the event ({start} – {end}) by more than {hours} h",
        "id": "waktu tidak wajar: di luar waktu kegiatan ({start} – {end}) lebih dari {hours} jam",
    },
    "reason.outside_range": {
        "en": "{column} outside {low}–{high}",
        "id": "{column} harus antara {low} dan {high}",
    },
    "reason.below_minimum": {
        "en": "{column} must be at least {low}",
        "id": "{column} paling sedikit {low}",
    },
    "reason.not_after": {
        "en": "{column} is not after {other}",
        "id": "{column} tidak lebih lambat dari {other}",
    },
    "reason.end_next_morning": {
        "en": "{column} is not after {other} ({other_value} → {value}); the end looks like the "
        "next morning: did you mean {suggested}?",
        "id": "{column} tidak lebih lambat dari {other} ({other_value} → {value}); tampaknya "
        "selesai pada pagi hari berikutnya: maksudnya {suggested}?",
    },
    "reason.before": {
        "en": "{column} before {other}",
        "id": "{column} lebih awal dari {other}",
    },
    "reason.shift_too_long": {
        "en": "shift longer than 24 h",
        "id": "giliran tugas lebih dari 24 jam",
    },
    "reason.duplicate_id": {
        "en": "duplicate {id_column} '{id}' with different content from row {first_row} "
        "(differs in {columns})",
        "id": "{id_column} '{id}' sudah dipakai di baris {first_row} dengan isi lain (berbeda "
        "pada {columns})",
    },
    "reason.nul_byte": {
        "en": "contains a NUL byte (\\x00): damaged or binary data; fix or retype the cell",
        "id": "berisi karakter NUL (\\x00): data rusak atau biner; perbaiki atau ketik ulang "
        "selnya",
    },
    "reason.cell_too_large": {
        "en": "cell too large: {size} bytes, over the limit of {limit} bytes (1 MB) per cell",
        "id": "isi sel terlalu besar: {size} bita, melebihi batas {limit} bita (1 MB) per sel",
    },
    "reason.risk_quarantined": {
        "en": "{column} names a risk register row that was quarantined; the incident is kept",
        "id": "{column} menunjuk baris daftar risiko yang disisihkan; kejadiannya tetap dipakai",
    },
    "reason.risk_unknown": {
        "en": "{column} not in the risk register; the incident is kept as anticipated by an "
        "unknown SRA item",
        "id": "{column} tidak ada dalam daftar risiko; kejadiannya tetap dipakai sebagai "
        "terantisipasi oleh butir SRA yang tidak dikenal",
    },
    "action.quarantined": {"en": "quarantined", "id": "disisihkan"},
    "action.warning": {"en": "warning", "id": "peringatan"},
    # -------------------------------------------------------------- console (sra-review)
    "cli.cannot_read": {"en": "CANNOT READ", "id": "TIDAK DAPAT DIBACA"},
    "cli.missing_columns": {
        "en": "{file}: missing required column(s) {missing}; columns found: {found}",
        "id": "{file}: kolom wajib tidak ada: {missing}; kolom yang ditemukan: {found}",
    },
    "cli.add_header_row": {
        "en": "; if the first row holds data, add a header row",
        "id": "; bila baris pertama berisi data, tambahkan baris judul kolom",
    },
    "cli.file_counts": {
        "en": "{file}: {read} rows read, {accepted} accepted, {quarantined} quarantined, "
        "{blank} blank, {duplicates} duplicate",
        "id": "{file}: {read} baris dibaca, {accepted} diterima, {quarantined} disisihkan, "
        "{blank} kosong, {duplicates} duplikat",
    },
    "cli.read_as": {"en": "read as {how}", "id": "dibaca sebagai {how}"},
    "cli.sheet": {"en": "sheet {sheet}", "id": "lembar {sheet}"},
    "cli.delimiter.comma": {"en": "comma", "id": "koma"},
    "cli.delimiter.semicolon": {"en": "semicolon", "id": "titik koma"},
    "cli.delimiter.tab": {"en": "tab", "id": "tab"},
    "cli.ignored_columns": {"en": "ignored columns: {columns}", "id": "kolom diabaikan: {columns}"},
    "cli.issue": {
        "en": "{file} row {row}, column '{column}' = '{value}': {reason} [{action}]",
        "id": "{file} baris {row}, kolom '{column}' = '{value}': {reason} [{action}]",
    },
    "cli.timezone": {"en": "times in {zone}", "id": "waktu dalam {zone}"},
    "cli.sample_written": {
        "en": "wrote {count} synthetic event(s) to {out}",
        "id": "{count} kegiatan contoh ditulis ke {out}",
    },
    "cli.sample_truth": {
        "en": "the planted truth is in {path}",
        "id": "kebenaran yang ditanam ada di {path}",
    },
    "cli.progress.reports": {"en": "reports", "id": "laporan"},
    "cli.progress.event": {"en": "event", "id": "kegiatan"},
    "cli.report.ok": {"en": "ok", "id": "ok"},
    "cli.report.failed": {"en": "FAILED", "id": "GAGAL"},
    "cli.report.done": {
        "en": "{written} of {total} reports written in {seconds} s; index: {index}",
        "id": "{written} dari {total} laporan ditulis dalam {seconds} detik; indeks: {index}",
    },
    "cli.report.rollup": {
        "en": "roll-up of the reports in {seconds} s: {html}",
        "id": "rekap laporan dalam {seconds} detik: {html}",
    },
    "cli.report.rollup_failed": {
        "en": "FAILED roll-up: {error}",
        "id": "rekap GAGAL: {error}",
    },
    "cli.report.failures": {"en": "{count} report(s) FAILED", "id": "{count} laporan GAGAL"},
    "cli.report.without_pdf": {
        "en": "{count} report(s) written without report.pdf",
        "id": "{count} laporan ditulis tanpa report.pdf",
    },
    "cli.rollup.failed": {
        "en": "FAILED roll-up: {error}; see {html}",
        "id": "rekap GAGAL: {error}; lihat {html}",
    },
    "cli.rollup.done": {
        "en": "{pooled} event(s) pooled, {skipped} set aside in {seconds} s; roll-up: {html}",
        "id": "{pooled} kegiatan digabung, {skipped} disisihkan dalam {seconds} detik; "
        "rekap: {html}",
    },
    "cli.template.wrote": {"en": "wrote {file}", "id": "ditulis: {file}"},
    "cli.template.next": {
        "en": "fill in the sheets, then check them: sra-review validate {out}",
        "id": "isi lembar-lembarnya, lalu periksa: sra-review validate {out} --lang id",
    },
    "cli.error": {"en": "error: {error}", "id": "kesalahan: {error}"},
    "cli.interrupted": {"en": "interrupted", "id": "dihentikan"},
    "cli.doing": {"en": "running sra-review {command}", "id": "menjalankan sra-review {command}"},
    "cli.unexpected.os": {
        "en": "error while {doing}: {reason}{where} — {hint}",
        "id": "kesalahan saat {doing}: {reason}{where} — {hint}",
    },
    "cli.unexpected.bug": {
        "en": "error while {doing}: {error} — this is a bug in sra-review; rerun with --debug for "
        "details and report it",
        "id": "kesalahan saat {doing}: {error} — ini kesalahan pada sra-review; jalankan ulang "
        "dengan --debug untuk rinciannya, lalu laporkan",
    },
    "cli.hint.disk": {
        "en": "free space there or choose another output folder",
        "id": "kosongkan ruang penyimpanan di sana atau pilih folder keluaran lain",
    },
    "cli.hint.path": {
        "en": "check the path and its permissions",
        "id": "periksa lokasi berkas dan izin aksesnya",
    },
    "cli.interrupted_report": {
        "en": "interrupted; reports already written stay, temporary files were removed",
        "id": "dihentikan; laporan yang sudah ditulis tetap ada, berkas sementara dihapus",
    },
    "cli.unknown_categories": {
        "en": "incident categories outside the vocabulary: {categories} ({incidents} "
        "incident(s), loaded as 'other'; add them to an office vocabulary file to give them "
        "a code):",
        "id": "kategori kejadian di luar daftar kategori: {categories} ({incidents} kejadian, "
        "dimuat sebagai 'lainnya'; tambahkan ke berkas daftar kategori satuan agar mendapat "
        "kode):",
    },
}
