"""Labels of the after-action findings (:mod:`sra_analysis.review.findings`)."""

from __future__ import annotations

__all__ = ["FINDING_LABELS"]

FINDING_LABELS: dict[str, dict[str, str]] = {
    "finding.strength": {"en": "Strength", "id": "Kekuatan"},
    "finding.improvement": {"en": "Area for improvement", "id": "Perlu perbaikan"},
    "finding.capture": {
        "en": "Windows rated {flag_level} or above held {captured} of {total} disruptions "
        "({share}) in {area} of the ring-hours (PAI {pai}); of the {observed} disrupted "
        "ring-hours they held {hits}, where flagging at random would catch about {expected} "
        "({p}).",
        "id": "Blok waktu berisiko {flag_level} ke atas mencakup {captured} dari {total} gangguan "
        "({share}) pada {area} dari total ring-jam (PAI {pai}); dari {observed} blok waktu "
        "dengan gangguan, {hits} dinilai rawan, sedangkan penilaian rawan secara acak akan "
        "mengenai sekitar {expected} ({p}).",
    },
    "finding.misses": {
        "en": "{count} disruption(s) happened in windows the SRA rated below {flag_level}: "
        "{where}.",
        "id": "{count} gangguan terjadi pada blok waktu yang dinilai SRA di bawah {flag_level}: "
        "{where}.",
    },
    "finding.quiet_flagged": {
        "en": "{hours} ring-hours rated {flag_level} or above passed without a disruption, "
        "including {where}; a quiet guarded hour may be deterrence, not a wrong rating.",
        "id": "{hours} ring-jam dengan risiko {flag_level} ke atas berlalu tanpa gangguan, "
        "antara lain {where}; jam yang aman selama dijaga bisa jadi hasil pencegahan, bukan "
        "penilaian yang keliru.",
    },
    "finding.false_alarms": {
        "en": "{hours} ring-hours rated {flag_level} or above passed without a disruption, "
        "including {where}; the register rates {area} of the ring-hours at that level, too "
        "many for a quiet hour to be told apart from over-rating.",
        "id": "{hours} ring-jam dengan risiko {flag_level} ke atas berlalu tanpa gangguan, "
        "antara lain {where}; SRA menilai {area} dari seluruh ring-jam pada tingkat itu, "
        "terlalu banyak untuk membedakan jam yang aman karena pencegahan dari penilaian yang "
        "berlebihan.",
    },
    "finding.discrimination": {
        "en": "Higher-rated windows were more likely to see a disruption: AUC {auc} "
        "(95% CI {low}–{high}); rating against incident count, Kendall tau-b {tau}.",
        "id": "Blok waktu berisiko lebih tinggi lebih sering mengalami gangguan: AUC {auc} (IK "
        "95% {low}–{high}); urutan risiko terhadap jumlah kejadian, tau-b Kendall {tau}.",
    },
    "finding.no_discrimination": {
        "en": "The SRA's ratings did not separate ring-hours with disruptions from quiet ones: "
        "AUC {auc} (95% CI {low}–{high}).",
        "id": "Penilaian SRA tidak membedakan ring-jam dengan gangguan dari yang tanpa "
        "gangguan: AUC {auc} (IK 95% {low}–{high}).",
    },
    "finding.discrimination_unclear": {
        "en": "With {observed} disrupted ring-hours, the SRA's ratings could not be shown to "
        "separate ring-hours with disruptions from quiet ones: AUC {auc} (95% CI {low}–{high}).",
        "id": "Dari {observed} ring-jam yang mengalami gangguan, belum dapat ditunjukkan bahwa "
        "penilaian SRA membedakan ring-jam dengan gangguan dari yang tanpa gangguan: AUC {auc} "
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
        "id": "Setiap blok waktu berisiko {flag_level} ke atas yang memiliki rencana personel "
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
        "id": "Median waktu respons {median} menit (rentang antarkuartil {q1}–{q3}) dari {n} "
        "kejadian.",
    },
    "finding.overlaps": {
        "en": "{count} shift(s) overlapped another shift of the same officer "
        "({hours} h counted once).",
        "id": "{count} giliran tugas tumpang tindih dengan giliran lain personel yang sama "
        "({hours} jam dihitung sekali).",
    },
    "finding.quarantined": {
        "en": "{count} input row(s) were set aside as invalid; see the data-quality appendix.",
        "id": "{count} baris data disisihkan karena tidak valid; lihat lampiran kualitas data.",
    },
    "finding.matrix": {
        "en": "The risk banding breaks Cox's weak consistency: {detail}.",
        "id": "Pembagian tingkat risiko melanggar konsistensi lemah Cox: {detail}.",
    },
}
