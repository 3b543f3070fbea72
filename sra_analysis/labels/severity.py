"""The incident severity scale in words: a name and a one-line description for 1–5.

The scale itself (the numbers and their order) is :data:`sra_analysis.levels.SEVERITY_SCALE`;
these are its words, in English and as a Polri incident report words them. The clerk's
drop-down shows ``"3 – sedang"`` (:func:`sra_analysis.levels.severity_choice`), the template's
instructions and the report's legend show the descriptions. Severity at or above
``disruption_severity`` (4 by default) counts as a disruption when the incident log does not
say, so 4 is the first step at which the plenary itself is held up.
"""

from __future__ import annotations

__all__ = ["SEVERITY_LABELS"]

SEVERITY_LABELS: dict[str, dict[str, str]] = {
    "severity.1": {"en": "negligible", "id": "tidak berdampak"},
    "severity.1.help": {
        "en": "No effect on the proceedings or on anyone's safety; settled on the spot by "
        "the officers of the post.",
        "id": "Tidak berdampak pada jalannya pleno maupun keselamatan orang; selesai di "
        "tempat oleh personel pos.",
    },
    "severity.2": {"en": "minor", "id": "ringan"},
    "severity.2.help": {
        "en": "Needs more than the post alone (extra officers or coordination with the "
        "organisers); the proceedings run as planned.",
        "id": "Perlu penanganan lebih dari personel pos (tambahan personel atau koordinasi "
        "dengan penyelenggara); pleno berjalan sesuai jadwal.",
    },
    "severity.3": {"en": "moderate", "id": "sedang"},
    "severity.3.help": {
        "en": "Disturbs the ring (a crowd pressing, a scuffle, light injuries or damage); "
        "the proceedings go on under reinforced security.",
        "id": "Situasi ring terganggu (massa mendesak, keributan, luka ringan atau kerusakan "
        "ringan); pleno tetap berjalan dengan pengamanan diperketat.",
    },
    "severity.4": {"en": "severe", "id": "berat"},
    "severity.4.help": {
        "en": "The proceedings are suspended or delayed, people are injured or property "
        "damaged, or another unit is called in.",
        "id": "Pleno diskors atau tertunda, ada korban luka atau kerusakan, atau perlu "
        "bantuan satuan lain.",
    },
    "severity.5": {"en": "critical", "id": "sangat berat"},
    "severity.5.help": {
        "en": "The proceedings stop and cannot resume as scheduled; serious injury or "
        "death, heavy damage, or election materials destroyed or lost.",
        "id": "Pleno terhenti dan tidak dapat dilanjutkan sesuai jadwal; korban luka berat "
        "atau meninggal dunia, kerusakan berat, atau logistik pemilu rusak atau hilang.",
    },
    # the report's legend and the disruption rule
    "severity.legend": {"en": "Severity scale", "id": "Skala tingkat keparahan"},
    "severity.col.level": {"en": "Level", "id": "Tingkat"},
    "severity.col.name": {"en": "Name", "id": "Sebutan"},
    "severity.col.meaning": {"en": "What it means", "id": "Artinya"},
    "severity.rule.severity": {
        "en": "The incident log does not say which incidents disrupted the proceedings, so "
        "every incident of severity {threshold} or above counts as a disruption ({decided} "
        "of {incidents} incidents decided this way).",
        "id": "Log kejadian tidak mencatat kejadian mana yang mengganggu jalannya pleno, "
        "sehingga setiap kejadian dengan tingkat keparahan {threshold} ke atas dihitung "
        "sebagai gangguan ({decided} dari {incidents} kejadian ditentukan dengan cara ini).",
    },
    "severity.rule.mixed": {
        "en": "Where the incident log leaves “disrupted proceedings” blank, an incident of "
        "severity {threshold} or above counts as a disruption ({decided} of {incidents} "
        "incidents decided this way).",
        "id": "Bila kolom “mengganggu jalannya rapat” dibiarkan kosong, kejadian dengan "
        "tingkat keparahan {threshold} ke atas dihitung sebagai gangguan ({decided} dari "
        "{incidents} kejadian ditentukan dengan cara ini).",
    },
    # quarantine reasons of the severity column
    "severity.reason.no_number": {
        "en": "severity {value!r} has no number: write 1–5 or pick “4 – severe” from the "
        "list (names alone are not read, “berat” and “sangat berat” are easily confused)",
        "id": "tingkat keparahan {value!r} tanpa angka: tulis 1–5 atau pilih “4 – berat” "
        "dari daftar (sebutan saja tidak dibaca, “berat” dan “sangat berat” mudah tertukar)",
    },
    "severity.reason.off_scale": {
        "en": "severity outside 1–5",
        "id": "tingkat keparahan di luar 1–5",
    },
    "severity.reason.name_mismatch": {
        "en": "severity {value!r}: the number says {number} ({name}) but the words do not; "
        "pick the level again from the list",
        "id": "tingkat keparahan {value!r}: angkanya {number} ({name}) tetapi sebutannya "
        "berbeda; pilih ulang dari daftar",
    },
}
