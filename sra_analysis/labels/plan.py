"""Labels of the improvement-plan workbook (:mod:`sra_analysis.reports.improvement_plan`)."""

from __future__ import annotations

__all__ = ["PLAN_LABELS"]

PLAN_LABELS: dict[str, dict[str, str]] = {
    "plan.sheet": {"en": "Improvement plan", "id": "Rencana perbaikan"},
    "plan.instructions": {
        "en": "One row per area for improvement found by the post-event review. Fill in the "
        "corrective action, who is responsible, the due date and the status (open, in "
        "progress, done); add rows for further actions below.",
        "id": "Satu baris untuk setiap hal yang perlu diperbaiki menurut Anev pasca-kegiatan. Isi "
        "tindakan perbaikan, penanggung jawab, tenggat dan status (terbuka, dalam proses, "
        "selesai); tambahkan baris di bawah untuk tindakan lain.",
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
    "plan.col.number": {"en": "No.", "id": "No."},
    "plan.col.span": {"en": "Time span", "id": "Rentang waktu"},
    "plan.col.evidence": {"en": "Evidence", "id": "Bukti"},
    "plan.all_rings": {"en": "All rings", "id": "Semua ring"},
    "plan.status.open": {"en": "open", "id": "terbuka"},
    "plan.status.in_progress": {"en": "in progress", "id": "dalam proses"},
    "plan.status.done": {"en": "done", "id": "selesai"},
    "plan.status.error": {
        "en": "Choose a status from the list.",
        "id": "Pilih status dari daftar.",
    },
    "plan.due.error": {
        "en": "Enter a date, for example 2024-04-30.",
        "id": "Masukkan tanggal, misalnya 30/04/2024.",
    },
    # an Excel number format code for the due dates
    "plan.due.format": {"en": "yyyy-mm-dd", "id": "dd/mm/yyyy"},
    # the number behind each finding (Finding.metric)
    "plan.metric.pai": {
        "en": "Predictive accuracy index (PAI)",
        "id": "Indeks akurasi prediksi (PAI)",
    },
    "plan.metric.misses": {
        "en": "Disrupted ring-hours rated below the flag level",
        "id": "Ring-jam dengan gangguan yang dinilai di bawah batas rawan",
    },
    "plan.metric.false_alarm_hours": {
        "en": "Flagged ring-hours without a disruption",
        "id": "Ring-jam dinilai rawan, tanpa gangguan",
    },
    "plan.metric.auc": {"en": "AUC (rating vs disruption)", "id": "AUC (peringkat vs gangguan)"},
    "plan.metric.unanticipated_incidents": {
        "en": "Incidents no SRA item anticipated",
        "id": "Kejadian yang tidak diantisipasi SRA",
    },
    "plan.metric.understaffed_hours": {
        "en": "Flagged ring-hours staffed below plan",
        "id": "Ring-jam rawan dengan personel di bawah rencana",
    },
    "plan.metric.matrix_violations": {
        "en": "Breaches of the risk matrix's consistency",
        "id": "Pelanggaran konsistensi matriks risiko",
    },
    "plan.metric.items_not_realised": {
        "en": "SRA items not realised",
        "id": "Butir SRA yang tidak terjadi",
    },
    "plan.metric.incidents_per_100_officer_hours": {
        "en": "Incidents per 100 officer-hours",
        "id": "Kejadian per 100 jam-personel",
    },
    "plan.metric.median_response_minutes": {
        "en": "Median response time (minutes)",
        "id": "Median waktu tanggap (menit)",
    },
    "plan.metric.overlapping_shifts": {"en": "Overlapping shifts", "id": "Giliran tumpang tindih"},
    "plan.metric.rows_quarantined": {
        "en": "Input rows set aside",
        "id": "Baris data disisihkan",
    },
}
