"""Words shown to readers, in English (``"en"``) and Bahasa Indonesia (``"id"``).

Every label a chart, table or finding shows is looked up here by key, so a report switches
language with one parameter. Templates use ``str.format`` fields; values are formatted by
the caller, and text that came from input files is escaped by whoever renders it.
"""

from __future__ import annotations

from sra_analysis.errors import ParameterError

__all__ = ["LANGUAGES", "LABELS", "level_label", "t"]

LANGUAGES = ("en", "id")

LABELS: dict[str, dict[str, str]] = {
    # risk levels and observed classes
    "level.none": {"en": "none", "id": "tidak ada"},
    "level.low": {"en": "low", "id": "rendah"},
    "level.medium": {"en": "medium", "id": "sedang"},
    "level.high": {"en": "high", "id": "tinggi"},
    "level.extreme": {"en": "extreme", "id": "ekstrem"},
    "observed.quiet": {"en": "no incident", "id": "tidak ada kejadian"},
    "observed.incident": {"en": "incident", "id": "kejadian"},
    "observed.disruption": {"en": "disruption", "id": "gangguan"},
    # common axis and column labels
    "ring": {"en": "Ring", "id": "Ring"},
    "time": {"en": "Time", "id": "Waktu"},
    "headcount": {"en": "Officers on duty", "id": "Personel bertugas"},
    "planned_staff": {"en": "Planned staffing", "id": "Rencana personel"},
    "incidents": {"en": "Incidents", "id": "Kejadian"},
    "disruptions": {"en": "Disruptions", "id": "Gangguan"},
    "severity": {"en": "Severity", "id": "Tingkat keparahan"},
    "category": {"en": "Category", "id": "Kategori"},
    "description": {"en": "Description", "id": "Uraian"},
    "predicted_level": {"en": "Predicted risk level", "id": "Tingkat risiko (SRA)"},
    "predicted_score": {"en": "Predicted risk score", "id": "Skor risiko (SRA)"},
    "observed": {"en": "Observed", "id": "Teramati"},
    "likelihood": {"en": "Likelihood", "id": "Kemungkinan"},
    "impact": {"en": "Impact", "id": "Dampak"},
    "officer_hours": {"en": "Officer-hours", "id": "Jam-personel"},
    "incidents_per_100_officer_hours": {
        "en": "Incidents per 100 officer-hours",
        "id": "Kejadian per 100 jam-personel",
    },
    "incidents_per_hour": {"en": "Incidents per ring-hour", "id": "Kejadian per ring-jam"},
    "hour_of_day": {"en": "Hour of day", "id": "Jam"},
    "forecast_probability": {"en": "Forecast probability", "id": "Probabilitas prakiraan"},
    "observed_frequency": {"en": "Observed frequency", "id": "Frekuensi teramati"},
    "event": {"en": "Event", "id": "Kegiatan"},
    "realised": {"en": "realised", "id": "terjadi"},
    "not_realised": {"en": "not realised", "id": "tidak terjadi"},
    # findings
    "finding.strength": {"en": "Strength", "id": "Kekuatan"},
    "finding.improvement": {"en": "Area for improvement", "id": "Perlu perbaikan"},
    "finding.capture": {
        "en": "Windows rated {flag_level} or above held {captured} of {total} disruptions "
        "({share}) in {area} of the ring-hours (PAI {pai}); of the {observed} disrupted "
        "windows they held {hits}, where flagging at random would catch about {expected} "
        "({p}).",
        "id": "Jendela waktu dengan risiko {flag_level} ke atas mencakup {captured} dari "
        "{total} gangguan ({share}) pada {area} dari total ring-jam (PAI {pai}); dari "
        "{observed} jendela yang terganggu, {hits} ada di dalamnya, sedangkan penandaan acak "
        "akan mengena sekitar {expected} ({p}).",
    },
    "finding.misses": {
        "en": "{count} disruption(s) happened in windows the SRA rated below {flag_level}: "
        "{where}.",
        "id": "{count} gangguan terjadi pada jendela waktu yang dinilai SRA di bawah "
        "{flag_level}: {where}.",
    },
    "finding.false_alarms": {
        "en": "{hours} ring-hours rated {flag_level} or above passed without a disruption, "
        "including {where}.",
        "id": "{hours} ring-jam dengan risiko {flag_level} ke atas berlalu tanpa gangguan, "
        "antara lain {where}.",
    },
    "finding.discrimination": {
        "en": "Higher-rated windows were more likely to see a disruption: AUC {auc} "
        "(95% CI {low}–{high}); rating against incident count, Kendall tau-b {tau}.",
        "id": "Jendela dengan risiko lebih tinggi lebih mungkin mengalami gangguan: AUC {auc} "
        "(IK 95% {low}–{high}); peringkat terhadap jumlah kejadian, tau-b Kendall {tau}.",
    },
    "finding.no_discrimination": {
        "en": "The SRA's ratings did not separate windows with disruptions from quiet ones: "
        "AUC {auc} (95% CI {low}–{high}).",
        "id": "Penilaian SRA tidak membedakan jendela dengan gangguan dari yang tenang: AUC "
        "{auc} (IK 95% {low}–{high}).",
    },
    "finding.discrimination_unclear": {
        "en": "With {observed} disrupted windows, the SRA's ratings could not be shown to "
        "separate windows with disruptions from quiet ones: AUC {auc} (95% CI {low}–{high}).",
        "id": "Dengan {observed} jendela yang terganggu, belum dapat ditunjukkan bahwa "
        "penilaian SRA membedakan jendela dengan gangguan dari yang tenang: AUC {auc} "
        "(IK 95% {low}–{high}).",
    },
    "finding.unanticipated": {
        "en": "{count} of {total} incidents matched no SRA item ({categories}).",
        "id": "{count} dari {total} kejadian tidak sesuai dengan butir SRA mana pun "
        "({categories}).",
    },
    "finding.all_anticipated": {
        "en": "Every incident was linked to an SRA item.",
        "id": "Setiap kejadian terkait dengan butir SRA.",
    },
    "finding.items_not_realised": {
        "en": "{count} of {total} SRA items did not materialise: {items}.",
        "id": "{count} dari {total} butir SRA tidak terjadi: {items}.",
    },
    "finding.understaffed": {
        "en": "{hours} ring-hours rated {flag_level} or above were staffed below plan "
        "(shortfall {shortfall} officer-hours), including {where}.",
        "id": "{hours} ring-jam dengan risiko {flag_level} ke atas diisi personel di bawah "
        "rencana (kekurangan {shortfall} jam-personel), antara lain {where}.",
    },
    "finding.staffed_to_plan": {
        "en": "Every window rated {flag_level} or above with a staffing plan was staffed to it.",
        "id": "Setiap jendela berisiko {flag_level} ke atas yang memiliki rencana personel "
        "terisi sesuai rencana.",
    },
    "finding.ring_rate": {
        "en": "{ring} had the highest incident rate: {rate} per 100 officer-hours "
        "(95% CI {low}–{high}).",
        "id": "{ring} memiliki tingkat kejadian tertinggi: {rate} per 100 jam-personel "
        "(IK 95% {low}–{high}).",
    },
    "finding.response": {
        "en": "Median response time was {median} min (IQR {q1}–{q3}) over {n} incidents.",
        "id": "Median waktu respons {median} menit (IQR {q1}–{q3}) dari {n} kejadian.",
    },
    "finding.overlaps": {
        "en": "{count} shift(s) overlapped another shift of the same officer "
        "({hours} h counted once).",
        "id": "{count} giliran tugas tumpang tindih dengan giliran lain personel yang sama "
        "({hours} jam dihitung sekali).",
    },
    "finding.quarantined": {
        "en": "{count} input row(s) were set aside as invalid; see the data-quality appendix.",
        "id": "{count} baris data dikesampingkan karena tidak valid; lihat lampiran kualitas data.",
    },
    "finding.matrix": {
        "en": "The risk banding breaks Cox's weak consistency: {detail}.",
        "id": "Pembagian tingkat risiko melanggar konsistensi lemah Cox: {detail}.",
    },
    # charts (sra_analysis.charts)
    "chart.level_legend": {"en": "SRA risk level", "id": "Tingkat risiko SRA"},
    "chart.flagged_from": {"en": "flagged: {level} and above", "id": "ditandai: {level} ke atas"},
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
    "chart.no_windows": {"en": "no windows", "id": "tidak ada jendela"},
    "chart.windows": {"en": "Windows", "id": "Jendela waktu"},
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
        "id": "Jendela waktu menurut tingkat risiko SRA dan yang terjadi",
    },
    "chart.observed_class": {"en": "Observed in the window", "id": "Teramati dalam jendela"},
    "chart.share_of_level": {
        "en": "Share of the level's windows",
        "id": "Porsi jendela tingkat ini",
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
        "id": "Teramati (ukuran = jumlah jendela)",
    },
    "chart.staffing_alignment.title": {
        "en": "Officers on duty per window by the SRA's risk level",
        "id": "Personel bertugas per jendela menurut tingkat risiko SRA",
    },
    "chart.mean_staff": {"en": "Mean officers on duty", "id": "Rata-rata personel bertugas"},
    "chart.window": {"en": "Window", "id": "Jendela"},
    "chart.windows_marker": {"en": "Window", "id": "Jendela"},
    "chart.disrupted_window": {"en": "Window with a disruption", "id": "Jendela dengan gangguan"},
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
}


def t(key: str, lang: str = "en", **values) -> str:
    """The label ``key`` in ``lang``, with ``values`` filled in.

    Examples
    --------
    >>> t("level.high", "id")
    'tinggi'
    >>> t("finding.quarantined", "en", count=2)
    '2 input row(s) were set aside as invalid; see the data-quality appendix.'
    """
    if lang not in LANGUAGES:
        raise ParameterError(f"lang must be one of {list(LANGUAGES)}, got {lang!r}")
    try:
        entry = LABELS[key]
    except KeyError:
        raise ParameterError(f"no label {key!r}") from None
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def level_label(level: str, lang: str = "en") -> str:
    """Display name of a risk level; custom level names are shown as written."""
    key = f"level.{level}"
    return t(key, lang) if key in LABELS else str(level)


# Reports that stay readable at any size: capped tables, counted markers, missing values.
LABELS.update(
    {
        "report.missing": {"en": "–", "id": "–"},
        "report.more_rows": {"en": "… and {count} more", "id": "… dan {count} lainnya"},
        "report.full_table": {"en": "the full table", "id": "tabel lengkap"},
        "chart.incident_count_marker": {
            "en": "Incidents (area = count)",
            "id": "Kejadian (luas = jumlah)",
        },
        "chart.disruption_count_marker": {
            "en": "Disruptions (area = count)",
            "id": "Gangguan (luas = jumlah)",
        },
        "chart.highest_severity": {"en": "Highest severity", "id": "Keparahan tertinggi"},
        "chart.binned_note": {
            "en": "{count} incidents: each marker counts a ring's incidents in {hours} h",
            "id": "{count} kejadian: tiap penanda menghitung kejadian satu ring dalam {hours} jam",
        },
    }
)


# Report wording: sections, verdict, tiles and table columns.
LABELS.update(
    {
        "report.verdict": {"en": "Verdict on the SRA", "id": "Penilaian atas SRA"},
        "report.flag_level": {"en": "flagged at", "id": "ditandai mulai"},
        "report.none": {"en": "Nothing to list.", "id": "Tidak ada."},
        # the verdict, one sentence per rule of sra_analysis.review.verdict
        "verdict.skilled": {
            "en": "The SRA's ratings beat chance: {hits} of {observed} disrupted windows were "
            "rated {flag_level} or above, though such windows made up only {area} of the "
            "ring-hours (flagging that share at random would catch about {expected}; {p}), "
            "and higher-rated windows were more often disrupted (AUC {auc}, 95% CI "
            "{low}–{high}).",
            "id": "Penilaian SRA lebih baik daripada kebetulan: {hits} dari {observed} jendela "
            "yang terganggu dinilai berisiko {flag_level} ke atas, padahal jendela itu hanya "
            "{area} dari ring-jam (penandaan acak dengan porsi yang sama akan mengena sekitar "
            "{expected}; {p}), dan jendela berisiko lebih tinggi lebih sering terganggu (AUC "
            "{auc}, IK 95% {low}–{high}).",
        },
        "verdict.capture_only": {
            "en": "The SRA was partly right: {hits} of {observed} disrupted windows were rated "
            "{flag_level} or above, in {area} of the ring-hours — more than the {expected} "
            "that flagging at random would catch ({p}) — but its ratings did not clearly "
            "separate disrupted windows from quiet ones (AUC {auc}, 95% CI {low}–{high}).",
            "id": "SRA sebagian tepat: {hits} dari {observed} jendela yang terganggu dinilai "
            "berisiko {flag_level} ke atas, pada {area} dari ring-jam — lebih banyak daripada "
            "{expected} yang akan dikenai penandaan acak ({p}) — tetapi penilaiannya tidak "
            "jelas membedakan jendela yang terganggu dari yang tenang (AUC {auc}, IK 95% "
            "{low}–{high}).",
        },
        "verdict.discrimination_only": {
            "en": "The SRA was partly right: higher-rated windows were more often disrupted "
            "(AUC {auc}, 95% CI {low}–{high}), but windows rated {flag_level} or above held "
            "{hits} of {observed} disrupted windows in {area} of the ring-hours, not clearly "
            "more than the {expected} that flagging at random would catch ({p}).",
            "id": "SRA sebagian tepat: jendela berisiko lebih tinggi lebih sering terganggu "
            "(AUC {auc}, IK 95% {low}–{high}), tetapi jendela berisiko {flag_level} ke atas "
            "hanya memuat {hits} dari {observed} jendela yang terganggu pada {area} dari "
            "ring-jam, tidak jelas lebih banyak daripada {expected} yang akan dikenai "
            "penandaan acak ({p}).",
        },
        "verdict.undecided": {
            "en": "The evidence cannot tell the SRA's ratings from chance: {hits} of "
            "{observed} disrupted windows were rated {flag_level} or above, in {area} of the "
            "ring-hours (flagging at random would catch about {expected}; {p}), and the "
            "ratings did not clearly separate disrupted windows from quiet ones (AUC {auc}, "
            "95% CI {low}–{high}).",
            "id": "Bukti yang ada belum dapat membedakan penilaian SRA dari kebetulan: {hits} "
            "dari {observed} jendela yang terganggu dinilai berisiko {flag_level} ke atas, "
            "pada {area} dari ring-jam (penandaan acak akan mengena sekitar {expected}; {p}), "
            "dan penilaiannya tidak jelas membedakan jendela yang terganggu dari yang tenang "
            "(AUC {auc}, IK 95% {low}–{high}).",
        },
        "verdict.no_skill": {
            "en": "The SRA's ratings did no better than chance: {hits} of {observed} disrupted "
            "windows were rated {flag_level} or above, in {area} of the ring-hours (flagging "
            "at random would catch about {expected}; {p}), and the ratings did not separate "
            "disrupted windows from quiet ones (AUC {auc}, 95% CI {low}–{high}).",
            "id": "Penilaian SRA tidak lebih baik daripada kebetulan: {hits} dari {observed} "
            "jendela yang terganggu dinilai berisiko {flag_level} ke atas, pada {area} dari "
            "ring-jam (penandaan acak akan mengena sekitar {expected}; {p}), dan penilaiannya "
            "tidak membedakan jendela yang terganggu dari yang tenang (AUC {auc}, IK 95% "
            "{low}–{high}).",
        },
        "verdict.below_chance": {
            "en": "The SRA's ratings did no better than chance: only {hits} of {observed} "
            "disrupted windows were rated {flag_level} or above, no more than the {expected} "
            "that flagging {area} of the ring-hours at random would catch.",
            "id": "Penilaian SRA tidak lebih baik daripada kebetulan: hanya {hits} dari "
            "{observed} jendela yang terganggu dinilai berisiko {flag_level} ke atas, tidak "
            "lebih banyak daripada {expected} yang akan dikenai penandaan acak atas {area} "
            "dari ring-jam.",
        },
        "verdict.flags_everything": {
            "en": "The SRA rated {area} of the ring-hours {flag_level} or above. A register "
            'that flags (nearly) everything says "guard everything" and guides nothing, so '
            "its catching {hits} of {observed} disrupted windows shows no skill.",
            "id": "SRA menilai {area} dari ring-jam berisiko {flag_level} ke atas. Penilaian "
            'yang menandai (hampir) semuanya sama dengan "jaga semuanya" dan tidak memberi '
            "arah, sehingga mengenai {hits} dari {observed} jendela yang terganggu tidak "
            "menunjukkan ketepatan.",
        },
        "verdict.flags_nothing": {
            "en": "The SRA rated no window {flag_level} or above, so it pointed to no time or "
            "place to guard more closely; {observed} window(s) saw a disruption.",
            "id": "SRA tidak menilai satu jendela pun berisiko {flag_level} ke atas, sehingga "
            "tidak menunjuk waktu atau tempat yang perlu dijaga lebih ketat; {observed} "
            "jendela mengalami gangguan.",
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
            "en": "The evidence is thin: only {observed} disrupted window(s), fewer than the "
            "{minimum} this test needs to tell even a strong SRA from chance reliably.",
            "id": "Buktinya tipis: hanya {observed} jendela yang terganggu, kurang dari "
            "{minimum} yang diperlukan uji ini untuk membedakan SRA yang baik sekalipun dari "
            "kebetulan secara andal.",
        },
        "verdict.grade.good": {"en": "good", "id": "baik"},
        "verdict.grade.mixed": {"en": "mixed", "id": "campuran"},
        "verdict.grade.poor": {"en": "poor", "id": "buruk"},
        "verdict.grade.quiet": {"en": "quiet", "id": "tenang"},
        "verdict.evidence.thin": {"en": "evidence thin", "id": "bukti tipis"},
        "verdict.evidence.sufficient": {"en": "evidence sufficient", "id": "bukti cukup"},
        "tile.personnel": {"en": "Officers", "id": "Personel"},
        "tile.captured": {
            "en": "Disruptions in flagged windows",
            "id": "Gangguan di jendela bertanda",
        },
        "tile.misses": {"en": "Missed windows", "id": "Jendela terlewat"},
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
    }
)

LABELS.update(
    {
        "section.sra": {"en": "Was the SRA right?", "id": "Apakah SRA tepat?"},
        "section.staffing": {
            "en": "Staffing against incidents, ring by ring",
            "id": "Personel dan kejadian per ring",
        },
        "section.misses": {
            "en": "Misses, false alarms and the unanticipated",
            "id": "Yang terlewat, alarm palsu dan yang tidak terantisipasi",
        },
        "section.findings": {"en": "Findings", "id": "Temuan"},
        "section.plan": {"en": "Improvement plan", "id": "Rencana perbaikan"},
        "section.appendix": {
            "en": "Appendix: data quality and provenance",
            "id": "Lampiran: kualitas data dan asal-usul",
        },
        "section.sra_items": {"en": "SRA items", "id": "Butir SRA"},
        "section.understaffed": {
            "en": "Flagged windows staffed below plan",
            "id": "Jendela bertanda dengan personel di bawah rencana",
        },
        "section.missed_windows": {
            "en": "Disruptions in windows rated below the flag level",
            "id": "Gangguan pada jendela di bawah tingkat bertanda",
        },
        "section.false_alarm_windows": {
            "en": "Flagged windows without a disruption",
            "id": "Jendela bertanda tanpa gangguan",
        },
        "section.unanticipated": {
            "en": "Incidents no SRA item anticipated",
            "id": "Kejadian yang tidak diantisipasi butir SRA",
        },
        "col.score": {"en": "Score", "id": "Skor"},
        "col.value": {"en": "Value", "id": "Nilai"},
        "col.interval": {"en": "95% interval", "id": "Interval 95%"},
        "col.meaning": {"en": "What it says", "id": "Artinya"},
        "col.hits": {"en": "hits", "id": "tepat"},
        "col.misses": {"en": "misses", "id": "terlewat"},
        "col.false_alarms": {"en": "false alarms", "id": "alarm palsu"},
        "col.correct_negatives": {"en": "quiet and not flagged", "id": "tenang dan tidak bertanda"},
        "score.pod": {"en": "POD (hit rate)", "id": "POD (tingkat tepat)"},
        "score.pod.help": {
            "en": "share of disrupted windows that were flagged",
            "id": "bagian jendela terganggu yang ditandai",
        },
        "score.far": {"en": "FAR", "id": "FAR"},
        "score.far.help": {
            "en": "share of flagged windows that stayed undisrupted",
            "id": "bagian jendela bertanda yang tidak terganggu",
        },
        "score.csi": {"en": "CSI", "id": "CSI"},
        "score.csi.help": {
            "en": "hits over hits, misses and false alarms",
            "id": "tepat dibagi tepat, terlewat dan alarm palsu",
        },
        "score.hss": {"en": "Heidke skill score", "id": "Skor keterampilan Heidke"},
        "score.hss.help": {
            "en": "accuracy beyond chance (0 = no skill, 1 = perfect)",
            "id": "ketepatan di atas kebetulan (0 = tanpa keterampilan, 1 = sempurna)",
        },
        "score.pss": {"en": "Peirce skill score", "id": "Skor keterampilan Peirce"},
        "score.pss.help": {
            "en": "hit rate minus false-alarm rate",
            "id": "tingkat tepat dikurangi tingkat alarm palsu",
        },
        "score.pai": {"en": "PAI", "id": "PAI"},
        "score.pai.help": {
            "en": "share of disruptions in flagged windows over their share of time (>1 = "
            "concentrated)",
            "id": "bagian gangguan di jendela bertanda dibagi bagian waktunya (>1 = terpusat)",
        },
        "score.auc": {"en": "AUC", "id": "AUC"},
        "score.auc.help": {
            "en": "chance a disrupted window was rated above a quiet one (0.5 = no better "
            "than chance)",
            "id": "peluang jendela terganggu dinilai lebih tinggi dari jendela tenang (0,5 = "
            "sama dengan kebetulan)",
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
            "id": "gangguan per jam di jendela bertanda dibanding tidak bertanda",
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
            "id": "Kaji ulang pengamanan kegiatan",
        },
        "index.status": {
            "en": "{ok} of {total} reports written.",
            "id": "{ok} dari {total} laporan dibuat.",
        },
        "index.failed": {"en": "{failed} FAILED.", "id": "{failed} GAGAL."},
        "dq.file": {"en": "File", "id": "Berkas"},
        "dq.rows_read": {"en": "Rows read", "id": "Baris dibaca"},
        "dq.accepted": {"en": "Accepted", "id": "Diterima"},
        "dq.quarantined": {"en": "Quarantined", "id": "Dikarantina"},
        "dq.blank": {"en": "Blank", "id": "Kosong"},
        "dq.duplicates": {"en": "Duplicates", "id": "Duplikat"},
        "dq.warnings": {"en": "Warnings", "id": "Peringatan"},
        "dq.encoding": {"en": "Encoding", "id": "Pengodean"},
        "dq.row": {"en": "Row", "id": "Baris"},
        "dq.column": {"en": "Column", "id": "Kolom"},
        "dq.value": {"en": "Value", "id": "Nilai"},
        "dq.reason": {"en": "Reason", "id": "Alasan"},
        "dq.action": {"en": "Action", "id": "Tindakan"},
        "index.verdict": {"en": "Verdict", "id": "Penilaian"},
    }
)
