"""Report wording: sections, verdict, tiles, table columns, data quality, the index page."""

from __future__ import annotations

__all__ = ["REPORT_LABELS"]

REPORT_LABELS: dict[str, dict[str, str]] = {
    # tables that stay readable at any size, missing values
    "report.missing": {"en": "–", "id": "–"},
    "report.more_rows": {"en": "… and {count} more", "id": "… dan {count} lainnya"},
    "report.full_table": {"en": "the full table", "id": "tabel lengkap"},
    # sections, verdict, tiles and table columns
    "report.verdict": {"en": "Verdict on the SRA", "id": "Penilaian atas SRA"},
    "report.flag_level": {"en": "flagged at", "id": "dinilai rawan mulai"},
    "report.none": {"en": "Nothing to list.", "id": "Tidak ada."},
    # the verdict, one sentence per rule of sra_analysis.review.verdict
    "verdict.skilled": {
        "en": "The SRA's ratings beat chance: {hits} of {observed} disrupted ring-hours were "
        "rated {flag_level} or above, though such windows made up only {area} of the "
        "ring-hours (flagging that share at random would catch about {expected}; {p}), "
        "and higher-rated windows were more often disrupted (AUC {auc}, 95% CI "
        "{low}–{high}).",
        "id": "Penilaian SRA lebih baik daripada kebetulan: {hits} dari {observed} blok waktu "
        "dengan gangguan dinilai berisiko {flag_level} ke atas, padahal blok waktu itu hanya "
        "{area} dari ring-jam (penilaian rawan secara acak dengan porsi yang sama akan mengenai "
        "sekitar {expected}; {p}), dan blok waktu berisiko lebih tinggi lebih sering mengalami "
        "gangguan (AUC {auc}, IK 95% {low}–{high}).",
    },
    "verdict.capture_only": {
        "en": "The SRA was partly right: {hits} of {observed} disrupted ring-hours were rated "
        "{flag_level} or above, in {area} of the ring-hours — more than the {expected} "
        "that flagging at random would catch ({p}) — but its ratings did not clearly "
        "separate disrupted ring-hours from quiet ones (AUC {auc}, 95% CI {low}–{high}).",
        "id": "SRA sebagian tepat: {hits} dari {observed} ring-jam dengan gangguan dinilai "
        "berisiko {flag_level} ke atas, pada {area} dari ring-jam — lebih banyak daripada "
        "{expected} yang akan dikenai penilaian rawan secara acak ({p}) — tetapi penilaiannya "
        "tidak jelas membedakan ring-jam dengan gangguan dari yang tenang (AUC {auc}, IK 95% "
        "{low}–{high}).",
    },
    "verdict.discrimination_only": {
        "en": "The SRA was partly right: higher-rated windows were more often disrupted "
        "(AUC {auc}, 95% CI {low}–{high}), but windows rated {flag_level} or above held "
        "{hits} of {observed} disrupted ring-hours in {area} of the ring-hours, not clearly "
        "more than the {expected} that flagging at random would catch ({p}).",
        "id": "SRA sebagian tepat: blok waktu berisiko lebih tinggi lebih sering terganggu (AUC "
        "{auc}, IK 95% {low}–{high}), tetapi blok waktu berisiko {flag_level} ke atas hanya "
        "memuat {hits} dari {observed} ring-jam dengan gangguan pada {area} dari ring-jam, "
        "tidak jelas lebih banyak daripada {expected} yang akan dikenai penilaian rawan secara "
        "acak ({p}).",
    },
    "verdict.undecided": {
        "en": "The evidence cannot tell the SRA's ratings from chance: {hits} of "
        "{observed} disrupted ring-hours were rated {flag_level} or above, in {area} of the "
        "ring-hours (flagging at random would catch about {expected}; {p}), and the "
        "ratings did not clearly separate disrupted ring-hours from quiet ones (AUC {auc}, "
        "95% CI {low}–{high}).",
        "id": "Bukti yang ada belum dapat membedakan penilaian SRA dari kebetulan: {hits} dari "
        "{observed} ring-jam dengan gangguan dinilai berisiko {flag_level} ke atas, pada {area} "
        "dari ring-jam (penilaian rawan secara acak akan mengena sekitar {expected}; {p}), dan "
        "penilaiannya tidak jelas membedakan ring-jam dengan gangguan dari yang tenang (AUC "
        "{auc}, IK 95% {low}–{high}).",
    },
    "verdict.no_skill": {
        "en": "The SRA's ratings did no better than chance: {hits} of {observed} disrupted "
        "ring-hours were rated {flag_level} or above, in {area} of the ring-hours (flagging "
        "at random would catch about {expected}; {p}), and the ratings did not separate "
        "disrupted ring-hours from quiet ones (AUC {auc}, 95% CI {low}–{high}).",
        "id": "Penilaian SRA tidak lebih baik daripada kebetulan: {hits} dari {observed} blok "
        "waktu dengan gangguan dinilai berisiko {flag_level} ke atas, pada {area} dari ring-jam "
        "(penilaian rawan secara acak akan mengena sekitar {expected}; {p}), dan penilaiannya "
        "tidak membedakan ring-jam dengan gangguan dari yang tenang (AUC {auc}, IK 95% "
        "{low}–{high}).",
    },
    "verdict.below_chance": {
        "en": "The SRA's ratings did no better than chance: only {hits} of {observed} "
        "disrupted ring-hours were rated {flag_level} or above, no more than the {expected} "
        "that flagging {area} of the ring-hours at random would catch.",
        "id": "Penilaian SRA tidak lebih baik daripada kebetulan: hanya {hits} dari {observed} "
        "ring-jam dengan gangguan dinilai berisiko {flag_level} ke atas, tidak lebih banyak "
        "daripada {expected} yang akan dikenai penilaian rawan secara acak atas {area} dari "
        "ring-jam.",
    },
    "verdict.flags_everything": {
        "en": "The SRA rated {area} of the ring-hours {flag_level} or above. A register "
        'that flags (nearly) everything says "guard everything" and guides nothing, so '
        "its catching {hits} of {observed} disrupted ring-hours shows no skill.",
        "id": "SRA menilai {area} dari ring-jam berisiko {flag_level} ke atas. Penilaian yang "
        'menganggap (hampir) semuanya rawan sama dengan "jaga semuanya" dan tidak memberi arah, '
        "sehingga mengenai {hits} dari {observed} ring-jam dengan gangguan tidak menunjukkan "
        "ketepatan.",
    },
    "verdict.flags_nothing": {
        "en": "The SRA rated no window {flag_level} or above, so it pointed to no time or "
        "place to guard more closely; {observed} window(s) saw a disruption.",
        "id": "SRA tidak menilai satu blok waktu pun berisiko {flag_level} ke atas, sehingga "
        "tidak menunjuk waktu atau tempat yang perlu dijaga lebih ketat; {observed} blok waktu "
        "mengalami gangguan.",
    },
    "verdict.quiet": {
        "en": "No disruption occurred, so there is nothing to judge the ratings by. "
        "{incidents} incident(s) were logged; {area} of the ring-hours were rated "
        "{flag_level} or above.",
        "id": "Tidak terjadi gangguan, sehingga tidak ada dasar untuk menilai SRA. "
        "{incidents} kejadian tercatat; {area} dari ring-jam dinilai berisiko "
        "{flag_level} ke atas.",
    },
    "verdict.thin": {
        "en": "The evidence is thin: only {observed} disrupted ring-hour(s), fewer than the "
        "{minimum} this test needs to tell even a strong SRA from chance reliably.",
        "id": "Bukti belum memadai: hanya {observed} ring-jam dengan gangguan, kurang dari "
        "{minimum} yang diperlukan uji ini untuk membedakan SRA yang baik sekalipun dari "
        "kebetulan secara andal.",
    },
    "verdict.episodes": {
        "en": "The {observed} disrupted ring-hour(s) formed {episodes} episode(s) of disruption "
        "(consecutive disrupted hours in one ring count once). Chance here is the same "
        "disruptions shifted to each of the {offsets} other times of the event, which keeps "
        "every episode whole (where a shift catches as many, the incidents of any severity "
        "in the ring-hours rated {flag_level} or above decide); the AUC interval counts each "
        "ring-hour as independent, so it looks surer than the evidence is.",
        "id": "{observed} ring-jam dengan gangguan itu membentuk {episodes} rangkaian gangguan "
        "(jam-jam dengan gangguan yang berurutan di satu ring dihitung satu kali). Pembandingnya "
        "adalah gangguan yang sama bila digeser ke {offsets} waktu lain selama kegiatan, "
        "sehingga setiap rangkaian tetap utuh (bila suatu pergeseran mengenai gangguan sama "
        "banyaknya, penentunya adalah jumlah kejadian dari semua tingkat keparahan pada "
        "ring-jam berisiko {flag_level} ke atas); IK AUC menghitung setiap ring-jam sebagai "
        "kejadian terpisah, sehingga tampak lebih pasti daripada buktinya.",
    },
    "verdict.thin_episodes": {
        "en": "The evidence is thin: only {episodes} episode(s) of disruption, fewer than "
        "the {minimum} this test needs to tell even a strong SRA from chance reliably.",
        "id": "Bukti belum memadai: hanya {episodes} rangkaian gangguan, kurang dari {minimum} "
        "yang diperlukan uji ini untuk membedakan SRA yang baik sekalipun dari kebetulan "
        "secara andal.",
    },
    # the grade as a word a commander reads (verdict.label); one word wherever it is shown
    "verdict.grade.good": {"en": "good", "id": "baik"},
    "verdict.grade.mixed": {"en": "fair", "id": "cukup"},
    "verdict.grade.poor": {"en": "poor", "id": "kurang"},
    "verdict.grade.quiet": {"en": "quiet", "id": "tanpa gangguan"},
    "verdict.evidence.thin": {"en": "evidence thin", "id": "bukti belum memadai"},
    "verdict.evidence.sufficient": {"en": "evidence sufficient", "id": "bukti memadai"},
    "tile.personnel": {"en": "Officers", "id": "Personel"},
    "tile.captured": {
        "en": "Disruptions in flagged windows",
        "id": "Gangguan di blok waktu rawan",
    },
    "tile.misses": {"en": "Missed windows", "id": "Blok waktu terlewat"},
    "tile.auc": {"en": "AUC (rating vs disruption)", "id": "AUC (risiko vs gangguan)"},
    "col.name": {"en": "Name", "id": "Nama"},
    "col.from": {"en": "From", "id": "Dari"},
    "col.to": {"en": "To", "id": "Sampai"},
    "col.hours": {"en": "Hours", "id": "Jam"},
    "col.shortfall": {"en": "Shortfall (officer-hours)", "id": "Kekurangan (jam-personel)"},
    "col.finding": {"en": "Finding", "id": "Temuan"},
    "col.action": {"en": "Corrective action", "id": "Tindakan perbaikan"},
    "col.owner": {"en": "Responsible", "id": "Penanggung jawab"},
    "col.due": {"en": "Due", "id": "Tenggat"},
    "col.status": {"en": "Status", "id": "Status"},
    "finding.strengths": {"en": "Strengths", "id": "Kekuatan"},
    "finding.improvements": {"en": "Areas for improvement", "id": "Hal yang perlu diperbaiki"},
    "finding.notes": {"en": "Notes", "id": "Catatan"},
    "section.sra": {"en": "Was the SRA right?", "id": "Apakah SRA tepat?"},
    "section.staffing": {
        "en": "Staffing against incidents, ring by ring",
        "id": "Personel dan kejadian per ring",
    },
    "section.misses": {
        "en": "Misses, false alarms and the unanticipated",
        "id": "Yang terlewat, yang dinilai rawan tanpa gangguan, dan yang tidak terantisipasi",
    },
    "section.findings": {"en": "Findings", "id": "Temuan"},
    "section.plan": {"en": "Improvement plan", "id": "Rencana perbaikan"},
    "section.appendix": {
        "en": "Appendix: incident log, data quality and provenance",
        "id": "Lampiran: daftar kejadian, kualitas data dan sumber data",
    },
    # the after-action report's own sections (sra_analysis.reports.pages.overview, .annex, ...)
    "section.overview": {"en": "Overview", "id": "Gambaran umum"},
    "section.annex": {"en": "Analyst annex", "id": "Lampiran analis"},
    "section.glossary": {"en": "Glossary", "id": "Daftar istilah"},
    "section.incident_log": {"en": "Incident log", "id": "Daftar kejadian"},
    "annex.note": {
        "en": "The statistics behind the summary: the verdict on the SRA and its tests, the "
        "scores with their intervals, and every chart and table of the review.",
        "id": "Statistik yang mendasari ringkasan: penilaian atas SRA beserta ujinya, skor "
        "dengan interval kepercayaannya, serta seluruh grafik dan tabel Anev.",
    },
    "glossary.note": {
        "en": "The terms and scores this report uses.",
        "id": "Istilah dan skor yang dipakai dalam laporan ini.",
    },
    "glossary.col.term": {"en": "Term", "id": "Istilah"},
    "glossary.col.definition": {"en": "Meaning", "id": "Pengertian"},
    "overview.objectives": {"en": "Objectives", "id": "Tujuan pengamanan"},
    "overview.rings": {"en": "Rings and zones", "id": "Ring dan zona pengamanan"},
    "overview.col.officers": {"en": "Officers on duty", "id": "Personel bertugas"},
    "overview.col.units": {"en": "Units on duty (officers)", "id": "Satuan bertugas (personel)"},
    "overview.no_units": {
        "en": "The staffing file has no unit column, so the units on duty are not shown.",
        "id": "Daftar personel tidak memuat kolom satuan, sehingga satuan yang bertugas "
        "tidak ditampilkan.",
    },
    "overview.chart": {
        "en": "Officers on duty against incidents over the whole event.",
        "id": "Personel bertugas dibanding kejadian selama seluruh kegiatan.",
    },
    "section.sra_items": {"en": "SRA items", "id": "Butir SRA"},
    "section.understaffed": {
        "en": "Flagged windows staffed below plan",
        "id": "Blok waktu rawan dengan personel di bawah rencana",
    },
    "section.missed_windows": {
        "en": "Disruptions in windows rated below the flag level",
        "id": "Gangguan pada blok waktu di bawah batas rawan",
    },
    "section.false_alarm_windows": {
        "en": "Flagged windows without a disruption",
        "id": "Blok waktu dinilai rawan, tanpa gangguan",
    },
    "section.unanticipated": {
        "en": "Incidents no SRA item anticipated",
        "id": "Kejadian yang tidak diantisipasi butir SRA",
    },
    "col.score": {"en": "Score", "id": "Skor"},
    "col.value": {"en": "Value", "id": "Nilai"},
    "col.interval": {"en": "95% interval", "id": "IK 95%"},
    "col.meaning": {"en": "What it says", "id": "Artinya"},
    "col.hits": {"en": "hits", "id": "tepat"},
    "col.misses": {"en": "misses", "id": "terlewat"},
    "col.false_alarms": {"en": "false alarms", "id": "dinilai rawan, tanpa gangguan"},
    "col.correct_negatives": {"en": "quiet and not flagged", "id": "tidak rawan, tanpa gangguan"},
    "score.pod": {"en": "POD (hit rate)", "id": "POD (porsi terprediksi)"},
    "score.pod.help": {
        "en": "share of disrupted ring-hours that were flagged",
        "id": "porsi ring-jam dengan gangguan yang dinilai rawan",
    },
    "score.far": {"en": "FAR", "id": "FAR"},
    "score.far.help": {
        "en": "share of flagged windows that stayed undisrupted",
        "id": "porsi blok waktu rawan yang tanpa gangguan",
    },
    "score.csi": {"en": "CSI", "id": "CSI"},
    "score.csi.help": {
        "en": "hits over hits, misses and false alarms",
        "id": "tepat dibagi jumlah tepat, terlewat, dan dinilai rawan tanpa gangguan",
    },
    "score.hss": {"en": "Heidke skill score", "id": "Skor Heidke"},
    "score.hss.help": {
        "en": "accuracy beyond chance (0 = no skill, 1 = perfect)",
        "id": "ketepatan di atas kebetulan (0 = sama dengan kebetulan, 1 = sempurna)",
    },
    "score.pss": {"en": "Peirce skill score", "id": "Skor Peirce"},
    "score.pss.help": {
        "en": "hit rate minus false-alarm rate",
        "id": "porsi gangguan terprediksi dikurangi porsi blok tenang yang dinilai rawan",
    },
    "score.pai": {"en": "PAI", "id": "PAI"},
    "score.pai.help": {
        "en": "share of disruptions in flagged windows over their share of time (>1 = "
        "concentrated)",
        "id": "porsi gangguan di blok waktu rawan dibagi porsi waktunya (>1 = terpusat)",
    },
    "score.auc": {"en": "AUC", "id": "AUC"},
    "score.auc.help": {
        "en": "chance a disrupted window was rated above a quiet one (0.5 = no better than chance)",
        "id": "peluang ring-jam dengan gangguan dinilai lebih tinggi dari blok waktu tenang "
        "(0,5 = sama dengan kebetulan)",
    },
    "score.tau": {"en": "Kendall tau-b", "id": "Tau-b Kendall"},
    "score.tau.help": {
        "en": "rank association of risk score with incident count",
        "id": "asosiasi peringkat skor risiko dengan jumlah kejadian",
    },
    "score.gamma": {"en": "Goodman–Kruskal gamma", "id": "Gamma Goodman–Kruskal"},
    "score.gamma.help": {
        "en": "like tau-b, ignoring ties",
        "id": "seperti tau-b, tanpa memperhitungkan nilai sama",
    },
    "score.rate_ratio": {"en": "Disruption rate ratio", "id": "Rasio laju gangguan"},
    "score.rate_ratio.help": {
        "en": "disruptions per hour in flagged over unflagged windows",
        "id": "gangguan per jam di blok waktu rawan dibanding blok waktu tidak rawan",
    },
    "score.brier": {"en": "Brier score", "id": "Skor Brier"},
    "score.brier.help": {
        "en": "mean squared error of the register's probabilities (0 = perfect)",
        "id": "rata-rata galat kuadrat probabilitas register (0 = sempurna)",
    },
    "col.threat": {"en": "Threat", "id": "Ancaman"},
    "col.outcome": {"en": "Outcome", "id": "Hasil"},
    "index.title": {
        "en": "Post-event security reviews",
        "id": "Anev pengamanan kegiatan",
    },
    "index.status": {
        "en": "{ok} of {total} reports written.",
        "id": "{ok} dari {total} laporan dibuat.",
    },
    "index.failed": {"en": "{failed} FAILED.", "id": "{failed} GAGAL."},
    "dq.file": {"en": "File", "id": "Berkas"},
    "dq.rows_read": {"en": "Rows read", "id": "Baris dibaca"},
    "dq.accepted": {"en": "Accepted", "id": "Diterima"},
    "dq.quarantined": {"en": "Quarantined", "id": "Disisihkan"},
    "dq.blank": {"en": "Blank", "id": "Kosong"},
    "dq.duplicates": {"en": "Duplicates", "id": "Duplikat"},
    "dq.warnings": {"en": "Warnings", "id": "Peringatan"},
    "dq.encoding": {"en": "Encoding", "id": "Pengodean"},
    "dq.row": {"en": "Row", "id": "Baris"},
    "dq.column": {"en": "Column", "id": "Kolom"},
    "dq.value": {"en": "Value", "id": "Nilai"},
    "dq.reason": {"en": "Reason", "id": "Alasan"},
    "dq.action": {"en": "Action", "id": "Tindakan"},
    "dq.sha256": {"en": "sha256", "id": "Sidik SHA-256"},
    "index.verdict": {"en": "Verdict", "id": "Penilaian"},
    # the notebooks that go deeper into one question: slices and breakdowns
    "slice.note": {
        "en": "This review covers part of the event: {rings}, {start} – {end}. It holds "
        "{incidents} of the event's {total} incidents; the numbers below are about this "
        "part only.",
        "id": "Anev ini mencakup sebagian kegiatan: {rings}, {start} – {end}. Bagian ini memuat "
        "{incidents} dari {total} kejadian; angka di bawah hanya tentang bagian ini.",
    },
    "section.rate_by_ring": {
        "en": "Rates by predicted level, ring by ring",
        "id": "Laju menurut tingkat risiko, per ring",
    },
    "section.scores_by_day": {
        "en": "Hits, misses and false alarms, ring by ring and day by day",
        "id": "Tepat, terlewat, dan dinilai rawan tanpa gangguan, per ring dan per hari",
    },
    "section.calibration": {
        "en": "Were the register's probabilities right?",
        "id": "Apakah probabilitas register tepat?",
    },
    "section.staffing_by_day": {
        "en": "Staffing against plan, ring by ring and day by day",
        "id": "Personel terhadap rencana, per ring dan per hari",
    },
    "section.timeline": {
        "en": "Officers on duty, incidents and predicted risk over time",
        "id": "Personel bertugas, kejadian dan risiko menurut waktu",
    },
    "col.day": {"en": "Day", "id": "Hari"},
    "col.windows": {"en": "Windows", "id": "Blok waktu"},
    "col.flagged_hours": {"en": "Flagged hours", "id": "Jam rawan"},
    "col.incident_rate": {
        "en": "Incidents per ring-hour (95% interval)",
        "id": "Kejadian per ring-jam (IK 95%)",
    },
    "col.disruption_rate": {
        "en": "Disruptions per ring-hour (95% interval)",
        "id": "Gangguan per ring-jam (IK 95%)",
    },
    "col.planned_hours": {"en": "Hours with a plan", "id": "Jam dengan rencana"},
    "col.planned_officer_hours": {
        "en": "Planned officer-hours",
        "id": "Jam-personel rencana",
    },
    "col.hours_below_plan": {"en": "Hours below plan", "id": "Jam di bawah rencana"},
}
