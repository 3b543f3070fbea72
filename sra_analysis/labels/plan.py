"""Labels of the improvement-plan workbook (:mod:`sra_analysis.reports.pages.improvement_plan`)."""

from __future__ import annotations

__all__ = ["PLAN_LABELS"]

PLAN_LABELS: dict[str, dict[str, str]] = {
    "plan.sheet": {"en": "Improvement plan", "id": "Rencana perbaikan"},
    "plan.instructions": {
        "en": "One row per area for improvement found by the post-event review, with the "
        "recommended action filled in: edit it as needed, then assign the responsible unit, "
        "the start and due dates and the status. Add rows below for further actions.",
        "id": "Satu baris untuk setiap hal yang perlu diperbaiki menurut Anev pasca-kegiatan, "
        "lengkap dengan saran tindak lanjut: sesuaikan bila perlu, lalu tetapkan satuan "
        "penanggung jawab, tanggal mulai, batas waktu dan status. Tambahkan baris di bawah "
        "untuk tindakan lain.",
    },
    "plan.none": {
        "en": "The review found no area for improvement; add your own actions below.",
        "id": "Anev tidak menemukan hal yang perlu diperbaiki; tambahkan tindakan sendiri di "
        "bawah.",
    },
    "plan.link": {
        "en": "The improvement plan to fill in, as an Excel workbook",
        "id": "Rencana perbaikan untuk diisi, dalam buku kerja Excel",
    },
    "plan.unit": {"en": "Unit", "id": "Satuan"},
    "plan.col.number": {"en": "No.", "id": "No."},
    "plan.col.when": {"en": "Episode / time span", "id": "Rangkaian / waktu"},
    "plan.col.unit": {"en": "Responsible unit", "id": "Satuan penanggung jawab"},
    "plan.col.start": {"en": "Start date", "id": "Tanggal mulai"},
    "plan.col.due": {"en": "Due date", "id": "Batas waktu"},
    "plan.col.kind": {"en": "Kind", "id": "Jenis"},
    "plan.col.strength": {"en": "Strength to sustain", "id": "Hal yang sudah baik"},
    "plan.status.open": {"en": "open", "id": "terbuka"},
    "plan.status.in_progress": {"en": "in progress", "id": "dalam proses"},
    "plan.status.done": {"en": "done", "id": "selesai"},
    "plan.choice.error": {
        "en": "Choose a value from the list.",
        "id": "Pilih salah satu isian dari daftar.",
    },
    "plan.date.error": {
        "en": "Enter a date, for example 2024-04-30.",
        "id": "Masukkan tanggal, misalnya 30/04/2024.",
    },
    # an Excel number format code for the start and due dates: day first in Indonesian
    "plan.date.format": {"en": "yyyy-mm-dd", "id": "dd/mm/yyyy"},
    "plan.strengths.sheet": {"en": "Strengths to sustain", "id": "Hal yang perlu dipertahankan"},
    "plan.strengths.note": {
        "en": "What the plan and the posture got right in this event, to keep in the next "
        "security plan.",
        "id": "Hal yang sudah berjalan baik dalam pengamanan kegiatan ini, untuk dipertahankan "
        "dalam Renpam berikutnya.",
    },
    "plan.strengths.none": {
        "en": "The review found no strength to note; add your own below.",
        "id": "Anev tidak mencatat hal yang sudah baik; tambahkan sendiri di bawah.",
    },
    "plan.lists.sheet": {"en": "Choices", "id": "Daftar pilihan"},
    # the signature block under the plan
    "plan.sign.prepared": {"en": "Prepared by", "id": "Dibuat oleh"},
    "plan.sign.approved": {"en": "Approved by", "id": "Disetujui oleh"},
    "plan.sign.name": {"en": "Name", "id": "Nama"},
    "plan.sign.rank": {"en": "Rank / NRP", "id": "Pangkat / NRP"},
    "plan.sign.date": {"en": "Date", "id": "Tanggal"},
    "plan.sign.signature": {"en": "Signature", "id": "Tanda tangan"},
    # the printed page's footer; {page} and {pages} are the spreadsheet's page codes
    "plan.page": {"en": "Page {page} of {pages}", "id": "Halaman {page} dari {pages}"},
}
