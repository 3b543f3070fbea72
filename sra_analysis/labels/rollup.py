"""Labels of the roll-up across events (:mod:`sra_analysis.rollup`): its lessons, (from
:mod:`sra_analysis.labels.rollup_report`) its report's headings, annex and charts, and (from
:mod:`sra_analysis.labels.rollup_plain`) its first screen for a Polda planner."""

from __future__ import annotations

from sra_analysis.labels.rollup_plain import ROLLUP_PLAIN_LABELS
from sra_analysis.labels.rollup_report import ROLLUP_REPORT_LABELS

__all__ = ["ROLLUP_LABELS"]

_LESSON_LABELS: dict[str, dict[str, str]] = {
    "rollup.outcome.disruptions": {"en": "disruption", "id": "gangguan"},
    "rollup.outcome.incidents": {"en": "incident", "id": "kejadian"},
    "rollup.lesson.levels_meaningful": {
        "en": "Each step up in the SRA's risk level went with {ratio}× the {outcome} rate per "
        "ring-hour (95% CI {low}–{high}) across {events} events: the levels are meaningful.",
        "id": "Setiap kenaikan satu tingkat risiko SRA disertai {ratio}× laju {outcome} per "
        "ring-jam (IK 95% {low}–{high}) dari {events} kegiatan: tingkat risiko bermakna.",
    },
    "rollup.lesson.levels_inverted": {
        "en": "Higher SRA risk levels went with fewer {outcome}s: {ratio}× per level step "
        "(95% CI {low}–{high}) across {events} events.",
        "id": "Tingkat risiko SRA yang lebih tinggi justru disertai {outcome} yang lebih sedikit: "
        "{ratio}× per tingkat (IK 95% {low}–{high}) dari {events} kegiatan.",
    },
    "rollup.lesson.levels_unclear": {
        "en": "Not enough evidence that higher SRA risk levels saw more {outcome}s: {ratio}× "
        "per level step (95% CI {low}–{high}) across {events} events.",
        "id": "Belum cukup bukti bahwa tingkat risiko SRA yang lebih tinggi mengalami lebih "
        "banyak {outcome}: {ratio}× per tingkat (IK 95% {low}–{high}) dari {events} kegiatan.",
    },
    "rollup.lesson.levels_vary": {
        "en": "How much the levels tell apart varies between events beyond chance "
        "(I² {i2}, Cochran's Q p {p}); look at the events whose SRA did worst.",
        "id": "Daya pembeda tingkat risiko berbeda antarkegiatan melebihi kebetulan "
        "(I² {i2}, Q Cochran p {p}); periksa kegiatan dengan SRA terlemah.",
    },
    "rollup.lesson.missed_category": {
        "en": "{category}: {share} of {incidents} incidents across {events} events matched no "
        "SRA item (95% CI {low}–{high}); {disruptions} of them disrupted proceedings. "
        "Add it to the next SRA.",
        "id": "{category}: {share} dari {incidents} kejadian di {events} kegiatan tidak sesuai "
        "dengan butir SRA mana pun (IK 95% {low}–{high}); {disruptions} di antaranya "
        "mengganggu jalannya rapat. Masukkan ke SRA berikutnya.",
    },
    "rollup.lesson.missed_unclear": {
        "en": "{category}: {share} of {incidents} incidents matched no SRA item (95% CI "
        "{low}–{high}); not enough evidence that SRAs systematically miss it.",
        "id": "{category}: {share} dari {incidents} kejadian tidak sesuai dengan butir SRA "
        "(IK 95% {low}–{high}); belum cukup bukti bahwa SRA selalu melewatkannya.",
    },
    "rollup.lesson.never_materialised": {
        "en": "{threat}: rated in {events} registers (mostly {level}) and never matched by an "
        "incident (at most {upper} per event, 95% upper limit). Rate it lower or drop it.",
        "id": "{threat}: dinilai di {events} register (umumnya {level}) dan tidak pernah "
        "terjadi (paling banyak {upper} per kegiatan, batas atas 95%). Turunkan atau hapus.",
    },
    "rollup.lesson.never_unclear": {
        "en": "{threat}: rated in {events} register(s) and never matched by an incident; "
        "not enough evidence to drop it.",
        "id": "{threat}: dinilai di {events} register dan tidak pernah terjadi; belum cukup "
        "bukti untuk menghapusnya.",
    },
    "rollup.lesson.cell_over": {
        "en": "Likelihood {likelihood} × impact {impact} (rated {level}): {ratio}× the rate "
        "of the other {level} cells (95% CI {low}–{high}) over {hours} ring-hours in {events} "
        "events; the matrix over-rates it.",
        "id": "Kemungkinan {likelihood} × dampak {impact} (dinilai {level}): {ratio}× laju "
        "sel {level} lainnya (IK 95% {low}–{high}) dari {hours} ring-jam di {events} "
        "kegiatan; matriks menilainya terlalu tinggi.",
    },
    "rollup.lesson.cell_under": {
        "en": "Likelihood {likelihood} × impact {impact} (rated {level}): {ratio}× the rate "
        "of the other {level} cells (95% CI {low}–{high}) over {hours} ring-hours in {events} "
        "events; the matrix under-rates it.",
        "id": "Kemungkinan {likelihood} × dampak {impact} (dinilai {level}): {ratio}× laju "
        "sel {level} lainnya (IK 95% {low}–{high}) dari {hours} ring-jam di {events} "
        "kegiatan; matriks menilainya terlalu rendah.",
    },
    "rollup.lesson.banding": {
        "en": "Suggested banding for the next SRA: {bands} (each level's rate credibly above "
        "the one below; consistent with Cox's rules).",
        "id": "Usulan pembagian tingkat risiko untuk SRA berikutnya: {bands} (laju tiap "
        "tingkat jelas di atas tingkat di bawahnya; sesuai aturan Cox).",
    },
    "rollup.lesson.banding_unclear": {
        "en": "The observed rates would band scores as {bands}, but not enough evidence that "
        "the levels then differ; keep the current banding.",
        "id": "Laju teramati akan membagi skor menjadi {bands}, tetapi belum cukup bukti "
        "bahwa tingkat-tingkatnya berbeda; pertahankan pembagian saat ini.",
    },
    "rollup.lesson.hot_span": {
        "en": "{ring}, {first}:00–{last}:59: {ratio}× the incident rate per officer-hour of "
        "its other hours (95% CI {low}–{high}) across {events} events; rated {level} in "
        "{rated} of them. Plan more officers there.",
        "id": "{ring}, pukul {first}.00–{last}.59: {ratio}× laju kejadian per jam-personel "
        "dibanding jam lainnya (IK 95% {low}–{high}) dari {events} kegiatan; dinilai {level} "
        "di {rated} kegiatan. Tambah personel pada jam itu.",
    },
    "rollup.lesson.hot_unclear": {
        "en": "{ring}, {first}:00–{last}:59: {ratio}× the rate of its other hours (95% CI "
        "{low}–{high}); not enough evidence of a hot spot.",
        "id": "{ring}, pukul {first}.00–{last}.59: {ratio}× laju jam lainnya (IK 95% "
        "{low}–{high}); belum cukup bukti adanya titik rawan.",
    },
}

#: Every label of the roll-up: its lessons and its report.
ROLLUP_LABELS: dict[str, dict[str, str]] = {
    **_LESSON_LABELS,
    **ROLLUP_REPORT_LABELS,
    **ROLLUP_PLAIN_LABELS,
}
