"""Labels of the short text summary of a roll-up (:meth:`sra_analysis.reports.rollup_result.
Rollup.summary`); the rest of its lines reuse the roll-up page's tile labels."""

from __future__ import annotations

__all__ = ["ROLLUP_SUMMARY_LABELS"]

ROLLUP_SUMMARY_LABELS: dict[str, dict[str, str]] = {
    "rollup_summary.set_aside": {"en": "Set aside", "id": "Disisihkan"},
    "rollup_summary.needs_two": {
        "en": "not computed: needs two events or more",
        "id": "tidak dihitung: memerlukan sedikitnya dua kegiatan",
    },
    "rollup_summary.lesson": {"en": "For the next SRA", "id": "Untuk SRA berikutnya"},
}
