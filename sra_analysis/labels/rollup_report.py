"""Labels of the roll-up report (``rollup.html``): its headings, first screen and charts."""

from __future__ import annotations

__all__ = ["ROLLUP_REPORT_LABELS"]

ROLLUP_REPORT_LABELS: dict[str, dict[str, str]] = {
    # first screen
    "rollup.page_title": {"en": "Roll-up review across events", "id": "Rekap Anev antarkegiatan"},
    "rollup.title": {
        "en": "Roll-up review of {events} events",
        "id": "Rekap Anev {events} kegiatan",
    },
    "rollup.subtitle": {
        "en": "{first} – {last} · {events} reports pooled, {skipped} set aside",
        "id": "{first} – {last} · {events} laporan digabung, {skipped} disisihkan",
    },
    "rollup.question": {"en": "Are our SRAs right?", "id": "Apakah SRA kita tepat?"},
    "rollup.answer.outliers": {
        "en": "{count} of {events} events lie outside the 99.8% funnel limits of capture: {names}.",
        "id": "{count} dari {events} kegiatan berada di luar batas corong 99,8%: {names}.",
    },
    "rollup.answer.no_outliers": {
        "en": "No event lies outside the 99.8% funnel limits of capture ({inside95} of {placed} "
        "inside the 95% limits).",
        "id": "Tidak ada kegiatan di luar batas corong 99,8% ({inside95} dari {placed} di dalam "
        "batas 95%).",
    },
    "rollup.answer.verdicts": {
        "en": "Event verdicts: {counts}; {thin} of {events} on thin evidence.",
        "id": "Penilaian per kegiatan: {counts}; {thin} dari {events} dengan bukti belum memadai.",
    },
    "rollup.tile.events": {"en": "Events pooled", "id": "Kegiatan digabung"},
    "rollup.tile.ring_hours": {"en": "Ring-hours", "id": "Ring-jam"},
    "rollup.tile.ratio": {
        "en": "Disruption rate per level step (95% CI {ci})",
        "id": "Laju gangguan per tingkat (IK 95% {ci})",
    },
    "rollup.tile.capture": {
        "en": "Disrupted ring-hours flagged",
        "id": "Ring-jam dengan gangguan yang dinilai rawan",
    },
    "rollup.tile.outside": {
        "en": "Events outside 99.8% limits",
        "id": "Kegiatan di luar batas 99,8%",
    },
    "rollup.changes": {
        "en": "What to change for the next SRA",
        "id": "Yang perlu diubah untuk SRA berikutnya",
    },
    "rollup.no_lessons": {
        "en": "The pooled evidence supports no change.",
        "id": "Bukti gabungan tidak mendukung perubahan apa pun.",
    },
    "rollup.conclusive": {"en": "supported", "id": "didukung bukti"},
    "rollup.inconclusive": {"en": "evidence thin", "id": "bukti terbatas"},
    "index.rollup": {"en": "Roll-up review across events", "id": "Rekap Anev antarkegiatan"},
    "index.rollup_what": {
        "en": "are the SRAs' levels meaningful, what do they keep missing, what to change next",
        "id": "apakah tingkat risiko SRA bermakna, apa yang selalu terlewat, apa yang diubah",
    },
    "index.rollup_failed": {"en": "Roll-up FAILED:", "id": "Rekap GAGAL:"},
    # sections
    "rollup.section.levels": {
        "en": "Are the risk levels meaningful across events?",
        "id": "Apakah tingkat risiko bermakna di seluruh kegiatan?",
    },
    "rollup.section.matrix": {
        "en": "The likelihood × impact matrix against what happened",
        "id": "Matriks kemungkinan × dampak dibandingkan kenyataan",
    },
    "rollup.section.missed": {
        "en": "What the SRAs keep missing",
        "id": "Yang selalu terlewat oleh SRA",
    },
    "rollup.section.hot": {
        "en": "Where and when incidents run highest",
        "id": "Di mana dan kapan kejadian paling tinggi",
    },
    "rollup.section.events": {
        "en": "Which events stand out beyond chance",
        "id": "Kegiatan mana yang menonjol melebihi kebetulan",
    },
    "rollup.section.appendix": {"en": "Appendix: what was pooled", "id": "Lampiran: yang digabung"},
    "rollup.section.never": {
        "en": "SRA threats that never materialised",
        "id": "Ancaman SRA yang tidak pernah terjadi",
    },
    "rollup.section.banding": {"en": "Suggested banding", "id": "Usulan pembagian tingkat"},
    "rollup.section.spans": {"en": "Hot spans", "id": "Rentang rawan"},
    # tables
    "rollup.col.outcome": {"en": "Outcome", "id": "Hasil"},
    "rollup.col.ratio": {"en": "Rate ratio per level step", "id": "Rasio laju per tingkat"},
    "rollup.col.ci": {"en": "95% CI", "id": "IK 95%"},
    "rollup.col.model": {"en": "Model", "id": "Model"},
    "rollup.col.between": {"en": "Between events (DL)", "id": "Antarkegiatan (DL)"},
    "rollup.col.i2": {"en": "I²", "id": "I²"},
    "rollup.col.events": {"en": "Events", "id": "Kegiatan"},
    "rollup.col.windows": {"en": "Ring-hours", "id": "Ring-jam"},
    "rollup.col.level": {"en": "Level", "id": "Tingkat"},
    "rollup.col.scores": {"en": "Scores", "id": "Skor"},
    "rollup.col.current": {"en": "Current", "id": "Saat ini"},
    "rollup.col.suggested": {"en": "Suggested", "id": "Usulan"},
    "rollup.col.threat": {"en": "Threat", "id": "Ancaman"},
    "rollup.col.registers": {"en": "Registers rating it", "id": "Register yang menilainya"},
    "rollup.col.usual_level": {"en": "Usual level", "id": "Tingkat umum"},
    "rollup.col.upper": {"en": "Per event at most (95%)", "id": "Paling banyak per kegiatan (95%)"},
    "rollup.col.span": {"en": "Hours", "id": "Jam"},
    "rollup.col.folder": {"en": "Folder", "id": "Folder"},
    "rollup.col.reason": {"en": "Why set aside", "id": "Alasan disisihkan"},
    "rollup.col.capture": {"en": "Capture", "id": "Terprediksi"},
    "rollup.col.position": {"en": "Position", "id": "Posisi"},
    "rollup.col.flagged_share": {"en": "Windows flagged", "id": "Blok waktu dinilai rawan"},
    "rollup.col.expected": {
        "en": "Capture expected for that share, were the SRA as sharp as all together",
        "id": "Porsi terprediksi yang diharapkan untuk porsi itu, bila SRA setajam gabungan semua "
        "kegiatan",
    },
    "rollup.levels_note": {
        "en": "The rate ratio is the factor by which the rate per ring-hour grows with each step "
        "up the SRA's levels (none, low, medium, …), from a {model} model with ring effects, "
        "offset log ring-hours and errors clustered by event. The between-events row combines "
        "each event's own ratio (DerSimonian–Laird); I² is the share of their spread beyond "
        "chance.",
        "id": "Rasio laju adalah faktor kenaikan laju per ring-jam untuk setiap kenaikan satu "
        "tingkat SRA (tidak ada, rendah, sedang, …), dari model {model} dengan efek ring, offset "
        "log ring-jam dan galat yang dikelompokkan per kegiatan. Baris antarkegiatan "
        "menggabungkan rasio tiap kegiatan (DerSimonian–Laird); I² adalah bagian sebaran di atas "
        "kebetulan.",
    },
    "rollup.cells_not_pooled": {
        "en": "Cells are not pooled: the events band their scores differently.",
        "id": "Sel tidak digabung: kegiatan-kegiatan membagi skor secara berbeda.",
    },
    "rollup.none_never": {
        "en": "Every threat some SRA rated was matched by an incident somewhere.",
        "id": "Setiap ancaman yang dinilai SRA pernah terjadi di suatu kegiatan.",
    },
    "rollup.no_spans": {
        "en": "No ring and hour of day stands out beyond chance (Bonferroni-adjusted screen).",
        "id": "Tidak ada ring dan jam yang menonjol melebihi kebetulan (penyaringan Bonferroni).",
    },
    "rollup.none_skipped": {"en": "Every report was pooled.", "id": "Semua laporan digabung."},
    "rollup.event_links": {"en": "Event reports", "id": "Laporan per kegiatan"},
    # charts
    "rollup.chart.rates_title": {
        "en": "Incidents and disruptions per ring-hour by SRA level, all events pooled (95% CI)",
        "id": "Kejadian dan gangguan per ring-jam menurut tingkat SRA, semua kegiatan (IK 95%)",
    },
    "rollup.chart.per_ring_hour": {"en": "per ring-hour", "id": "per ring-jam"},
    "rollup.chart.rate_hover": {
        "en": "{level}: {count} in {hours} ring-hours of {events} events<br>"
        "{rate} per ring-hour (95% CI {low}–{high})",
        "id": "{level}: {count} dalam {hours} ring-jam dari {events} kegiatan<br>"
        "{rate} per ring-jam (IK 95% {low}–{high})",
    },
    "rollup.chart.forest_title": {
        "en": "Disruption rate ratio per level step, event by event",
        "id": "Rasio laju gangguan per tingkat, per kegiatan",
    },
    "rollup.chart.ratio_axis": {
        "en": "Rate ratio per level step (log scale; 1 = levels tell nothing)",
        "id": "Rasio laju per tingkat (skala log; 1 = tingkat tidak membedakan)",
    },
    "rollup.chart.one_event": {"en": "one event (95% CI)", "id": "satu kegiatan (IK 95%)"},
    "rollup.chart.pooled_model": {"en": "Pooled model", "id": "Model gabungan"},
    "rollup.chart.between_events": {"en": "Between events (DL)", "id": "Antarkegiatan (DL)"},
    "rollup.chart.forest_hidden": {
        "en": "The {shown} most precise events are shown; {hidden} more are in rollup.json.",
        "id": "{shown} kegiatan paling presisi ditampilkan; {hidden} lainnya ada di rollup.json.",
    },
    "rollup.chart.forest_not_estimated": {
        "en": "{count} event(s) without a ratio of their own (no disruption, or all at one level).",
        "id": "{count} kegiatan tanpa rasio sendiri (tanpa gangguan, atau semuanya di satu "
        "tingkat).",
    },
    "rollup.chart.cells_title": {
        "en": "Each likelihood × impact cell against the other cells of its level",
        "id": "Tiap sel kemungkinan × dampak dibanding sel lain di tingkatnya",
    },
    "rollup.chart.cell_colour": {"en": "rate vs level", "id": "laju vs tingkat"},
    "rollup.chart.cells_note": {
        "en": "▲ under-rated, ▼ over-rated (95% interval clear of 1 and reaching the next "
        "level's rate), · not enough ring-hours; blank: no window had that score.",
        "id": "▲ dinilai terlalu rendah, ▼ terlalu tinggi (IK 95% tidak memuat 1 dan mencapai "
        "laju tingkat sebelahnya), · ring-jam belum cukup; kosong: tidak ada blok waktu dengan "
        "skor itu.",
    },
    "rollup.chart.cell_hover": {
        "en": "Likelihood {likelihood} × impact {impact}: {level}, {rating}<br>{count} in "
        "{hours} ring-hours, {rate} per ring-hour<br>{ratio}× the rest of the level "
        "(95% CI {low}–{high})",
        "id": "Kemungkinan {likelihood} × dampak {impact}: {level}, {rating}<br>{count} dalam "
        "{hours} ring-jam, {rate} per ring-jam<br>{ratio}× sel lain di tingkatnya "
        "(IK 95% {low}–{high})",
    },
    "rollup.rating.over-rated": {"en": "over-rated", "id": "terlalu tinggi"},
    "rollup.rating.under-rated": {"en": "under-rated", "id": "terlalu rendah"},
    "rollup.rating.as rated": {"en": "as rated", "id": "sesuai"},
    "rollup.rating.not enough evidence": {"en": "not enough evidence", "id": "bukti belum memadai"},
    "rollup.chart.missed_title": {
        "en": "Incidents by category: how many no SRA item anticipated",
        "id": "Kejadian per kategori: berapa yang tidak diantisipasi butir SRA",
    },
    "rollup.chart.unanticipated": {"en": "no SRA item", "id": "tanpa butir SRA"},
    "rollup.chart.anticipated": {"en": "anticipated", "id": "diantisipasi"},
    "rollup.chart.missed_label": {
        "en": "{share} unanticipated ({low}–{high}), {events} events",
        "id": "{share} tak diantisipasi ({low}–{high}), {events} kegiatan",
    },
    "rollup.chart.missed_more": {
        "en": "{count} more categories in rollup.json.",
        "id": "{count} kategori lain ada di rollup.json.",
    },
    "rollup.chart.hot_title": {
        "en": "Incidents per 100 officer-hours by ring and hour of day, all events pooled",
        "id": "Kejadian per 100 jam-personel menurut ring dan jam, semua kegiatan",
    },
    "rollup.chart.per_100": {"en": "per 100 officer-hours", "id": "per 100 jam-personel"},
    "rollup.chart.hot_hover": {
        "en": "{ring}, {hour}:00: {rate} per 100 officer-hours (95% CI {low}–{high})<br>"
        "{incidents} incidents in {hours} officer-hours of {events} events; {ratio}× the "
        "ring's other hours",
        "id": "{ring}, pukul {hour}.00: {rate} per 100 jam-personel (IK 95% {low}–{high})<br>"
        "{incidents} kejadian dalam {hours} jam-personel dari {events} kegiatan; {ratio}× jam "
        "lain di ring itu",
    },
    "rollup.chart.hot_note": {
        "en": "★ above the rest of its ring beyond chance (exact test, Bonferroni over all cells). "
        "Rings pooled by zone, else by name.",
        "id": "★ di atas jam lain di ring-nya melebihi kebetulan (uji eksak, Bonferroni). Ring "
        "digabung menurut zona, atau nama bila tanpa zona.",
    },
}
