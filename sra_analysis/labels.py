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
        "({share}) in {area} of the ring-hours (PAI {pai}).",
        "id": "Jendela waktu dengan risiko {flag_level} ke atas mencakup {captured} dari "
        "{total} gangguan ({share}) pada {area} dari total ring-jam (PAI {pai}).",
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


# Report wording: sections, verdict, tiles and table columns.
LABELS.update(
    {
        "report.verdict": {"en": "Verdict on the SRA", "id": "Penilaian atas SRA"},
        "report.flag_level": {"en": "flagged at", "id": "ditandai mulai"},
        "report.none": {"en": "None.", "id": "Tidak ada."},
        "verdict.good": {
            "en": "The SRA was largely right: {captured} of {total} disruptions fell in "
            "windows rated {flag_level} or above, which made up {area} of the ring-hours.",
            "id": "SRA sebagian besar tepat: {captured} dari {total} gangguan terjadi pada "
            "jendela waktu berisiko {flag_level} ke atas, yang meliputi {area} dari ring-jam.",
        },
        "verdict.mixed": {
            "en": "The SRA was partly right: {captured} of {total} disruptions fell in windows "
            "rated {flag_level} or above ({area} of the ring-hours); {missed} came in "
            "lower-rated windows.",
            "id": "SRA sebagian tepat: {captured} dari {total} gangguan terjadi pada jendela "
            "berisiko {flag_level} ke atas ({area} dari ring-jam); {missed} terjadi pada "
            "jendela berisiko lebih rendah.",
        },
        "verdict.poor": {
            "en": "The SRA missed most of what happened: {captured} of {total} disruptions fell "
            "in windows rated {flag_level} or above ({area} of the ring-hours).",
            "id": "SRA melewatkan sebagian besar kejadian: hanya {captured} dari {total} "
            "gangguan terjadi pada jendela berisiko {flag_level} ke atas ({area} dari ring-jam).",
        },
        "verdict.quiet": {
            "en": "No disruption occurred. {incidents} incident(s) were logged; {area} of the "
            "ring-hours were rated {flag_level} or above.",
            "id": "Tidak terjadi gangguan. {incidents} kejadian tercatat; {area} dari ring-jam "
            "dinilai berisiko {flag_level} ke atas.",
        },
        "verdict.auc": {
            "en": " Higher-rated windows were more often disrupted (AUC {auc}, 95% CI "
            "{low}–{high}).",
            "id": " Jendela berisiko lebih tinggi lebih sering terganggu (AUC {auc}, IK 95% "
            "{low}–{high}).",
        },
        "tile.personnel": {"en": "Officers", "id": "Personel"},
        "tile.captured": {"en": "Disruptions in flagged windows", "id": "Gangguan di jendela "
                          "bertanda"},
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
