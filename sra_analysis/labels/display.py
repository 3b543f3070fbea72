"""Words of an evaluation's notebook display (:mod:`sra_analysis.review.display`)."""

from __future__ import annotations

__all__ = ["DISPLAY_LABELS"]

DISPLAY_LABELS: dict[str, dict[str, str]] = {
    "display.event": {"en": "Event", "id": "Kegiatan"},
    "display.verdict": {"en": "Verdict", "id": "Penilaian"},
    "display.windows": {"en": "Ring-hours", "id": "Ring-jam"},
    "display.windows_value": {
        "en": "{windows} windows over {hours} ring-hours; {flagged} rated {level} or above",
        "id": "{windows} blok waktu, {hours} ring-jam; {flagged} dinilai {level} ke atas",
    },
    "display.disrupted": {"en": "Disrupted ring-hours", "id": "Ring-jam dengan gangguan"},
    "display.disrupted_value": {
        "en": "{disrupted} ({hits} rated high enough, {misses} not), holding {disruptions} "
        "disruptions",
        "id": "{disrupted} ({hits} dinilai cukup tinggi, {misses} tidak), berisi {disruptions} "
        "gangguan",
    },
    "display.findings": {"en": "Findings", "id": "Temuan"},
    "display.findings_value": {
        "en": "{strengths} strengths, {improvements} areas for improvement, {notes} notes",
        "id": "{strengths} kekuatan, {improvements} hal yang perlu diperbaiki, {notes} catatan",
    },
}
