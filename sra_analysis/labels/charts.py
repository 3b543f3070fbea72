"""Labels of the chart builders (:mod:`sra_analysis.charts`)."""

from __future__ import annotations

__all__ = ["CHART_LABELS"]

CHART_LABELS: dict[str, dict[str, str]] = {
    "chart.level_legend": {"en": "SRA risk level", "id": "Tingkat risiko SRA"},
    "chart.flagged_from": {
        "en": "flagged: {level} and above",
        "id": "dinilai rawan: {level} ke atas",
    },
    "chart.all_rings": {"en": "all rings", "id": "semua ring"},
    "chart.ring_n": {"en": "Ring {ring}", "id": "Ring {ring}"},
    "chart.ring_title": {"en": "{name} (ring {ring})", "id": "{name} (ring {ring})"},
    "chart.ring_counts": {
        "en": "{incidents} incident(s), {disruptions} disruption(s)",
        "id": "{incidents} kejadian, {disruptions} gangguan",
    },
    "chart.time_local": {"en": "Local time ({zone})", "id": "Waktu setempat ({zone})"},
    "chart.officers": {"en": "Officers", "id": "Personel"},
    "chart.incident_marker": {
        "en": "Incident (size = severity)",
        "id": "Kejadian (ukuran = tingkat keparahan)",
    },
    "chart.disruption_marker": {
        "en": "Disruption of proceedings",
        "id": "Gangguan jalannya rapat",
    },
    "chart.reported_at": {"en": "Reported", "id": "Dilaporkan"},
    "chart.disrupted": {"en": "Disrupted proceedings", "id": "Mengganggu jalannya rapat"},
    "chart.yes": {"en": "yes", "id": "ya"},
    "chart.no": {"en": "no", "id": "tidak"},
    "chart.risk_id": {"en": "SRA item", "id": "Butir SRA"},
    "chart.unanticipated": {"en": "none (unanticipated)", "id": "tidak ada (tak terantisipasi)"},
    "chart.on_duty_then": {"en": "Officers on duty then", "id": "Personel bertugas saat itu"},
    "chart.staffing_vs_incidents.title": {
        "en": "Officers on duty, incidents and SRA risk level by ring",
        "id": "Personel bertugas, kejadian dan tingkat risiko SRA per ring",
    },
    "chart.no_windows": {"en": "no windows", "id": "tidak ada blok waktu"},
    "chart.windows": {"en": "Windows", "id": "Blok waktu"},
    "chart.ring_hours": {"en": "Ring-hours", "id": "Ring-jam"},
    "chart.interval": {"en": "Interval", "id": "Interval"},
    "chart.rate": {"en": "Rate", "id": "Laju"},
    "chart.rate_by_level.title": {
        "en": "Incidents per ring-hour by the SRA's risk level",
        "id": "Kejadian per ring-jam menurut tingkat risiko SRA",
    },
    "chart.incidents_series": {"en": "Incidents", "id": "Kejadian"},
    "chart.disruptions_series": {"en": "Disruptions", "id": "Gangguan"},
    "chart.rate_per_hour": {"en": "Per ring-hour", "id": "Per ring-jam"},
    "chart.confusion.title": {
        "en": "Windows by the SRA's risk level and what happened in them",
        "id": "Blok waktu menurut tingkat risiko SRA dan yang terjadi",
    },
    "chart.observed_class": {"en": "Observed in the window", "id": "Yang terjadi dalam blok waktu"},
    "chart.share_of_level": {
        "en": "Share of the level's windows",
        "id": "Porsi blok waktu tingkat ini",
    },
    "chart.risk_matrix.title": {
        "en": "SRA risk matrix: threats by likelihood and impact",
        "id": "Matriks risiko SRA: ancaman menurut kemungkinan dan dampak",
    },
    "chart.threat": {"en": "Threat", "id": "Ancaman"},
    "chart.score": {"en": "Score", "id": "Skor"},
    "chart.linked_incidents": {"en": "Linked incidents", "id": "Kejadian terkait"},
    "chart.realised_marker": {
        "en": "SRA item realised (incident linked)",
        "id": "Butir SRA terjadi (ada kejadian terkait)",
    },
    "chart.not_realised_marker": {
        "en": "SRA item not realised",
        "id": "Butir SRA tidak terjadi",
    },
    "chart.ring_rates.title": {
        "en": "Incidents per 100 officer-hours by ring",
        "id": "Kejadian per 100 jam-personel per ring",
    },
    "chart.hour_of_day.title": {
        "en": "Incidents by ring and hour of day",
        "id": "Kejadian per ring dan jam",
    },
    "chart.hour_of_day.title_rate": {
        "en": "Incidents per ring-hour by ring and hour of day",
        "id": "Kejadian per ring-jam per ring dan jam",
    },
    "chart.calibration.title": {
        "en": "Reliability of the SRA's forecast probabilities",
        "id": "Keandalan probabilitas prakiraan SRA",
    },
    "chart.perfect_calibration": {"en": "Perfect reliability", "id": "Keandalan sempurna"},
    "chart.forecast_bin": {"en": "Forecast bin", "id": "Kelas prakiraan"},
    "chart.observed_bins": {
        "en": "Observed (size = windows in bin)",
        "id": "Yang terjadi (ukuran = jumlah blok waktu)",
    },
    "chart.staffing_alignment.title": {
        "en": "Officers on duty per window by the SRA's risk level",
        "id": "Personel bertugas per blok waktu menurut tingkat risiko SRA",
    },
    "chart.mean_staff": {"en": "Mean officers on duty", "id": "Rata-rata personel bertugas"},
    "chart.window": {"en": "Window", "id": "Blok waktu"},
    "chart.windows_marker": {"en": "Window", "id": "Blok waktu"},
    "chart.disrupted_window": {
        "en": "Window with a disruption",
        "id": "Blok waktu dengan gangguan",
    },
    "chart.planned_median": {"en": "Planned staffing (median)", "id": "Rencana personel (median)"},
    "chart.event_comparison.title": {
        "en": "SRA performance and incident rates across events",
        "id": "Kinerja SRA dan laju kejadian antar-kegiatan",
    },
    "chart.auc": {"en": "AUC (0.5 = chance)", "id": "AUC (0,5 = acak)"},
    "chart.pai": {"en": "PAI (1 = chance)", "id": "PAI (1 = acak)"},
    "chart.events_sorted_by": {
        "en": "{count} events, sorted by {metric}",
        "id": "{count} kegiatan, diurutkan menurut {metric}",
    },
    # large events: counted markers
    "chart.incident_count_marker": {
        "en": "Incidents (area = count)",
        "id": "Kejadian (luas = jumlah)",
    },
    "chart.disruption_count_marker": {
        "en": "Disruptions (area = count)",
        "id": "Gangguan (luas = jumlah)",
    },
    "chart.highest_severity": {"en": "Highest severity", "id": "Keparahan tertinggi"},
    "chart.poisson_interval_note": {
        "en": "Whiskers: exact Poisson (Garwood) 95% intervals, which count incidents as "
        "independent; incidents in episodes leave more uncertainty than they show",
        "id": "Garis: interval kepercayaan 95% Poisson eksak (Garwood), dengan anggapan setiap "
        "kejadian berdiri sendiri; kejadian yang berangkai menyisakan ketidakpastian lebih besar",
    },
    "chart.binned_note": {
        "en": "{count} incidents: each marker counts a ring's incidents in {hours} h",
        "id": "{count} kejadian: tiap penanda menghitung kejadian satu ring dalam {hours} jam",
    },
}
