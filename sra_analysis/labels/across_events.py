"""Labels of the batch index (keys ``across.*``): event table filters, charts across events."""

from __future__ import annotations

__all__ = ["ACROSS_EVENTS_LABELS"]

ACROSS_EVENTS_LABELS: dict[str, dict[str, str]] = {
    # the event table: filters and sorting
    "across.filter.text": {
        "en": "Find an event (id or name)",
        "id": "Cari kegiatan (id atau nama)",
    },
    "across.filter.all": {"en": "all verdicts", "id": "semua penilaian"},
    "across.showing": {
        "en": "showing {shown} of {total} events",
        "id": "menampilkan {shown} dari {total} kegiatan",
    },
    "across.sort_hint": {
        "en": "Click a column header to sort by it; click again to reverse.",
        "id": "Klik judul kolom untuk mengurutkan; klik lagi untuk membalik urutan.",
    },
    "across.failed": {"en": "FAILED", "id": "GAGAL"},
    # funnel plot of capture
    "across.funnel.title": {
        "en": "Capture across events: share of disrupted ring-hours the SRA flagged",
        "id": "Gangguan terprediksi antar-kegiatan: porsi ring-jam dengan gangguan yang dinilai "
        "rawan oleh SRA",
    },
    "across.funnel.x": {
        "en": "Disrupted ring-hours (ring × hour blocks with a disruption)",
        "id": "Ring-jam dengan gangguan (blok waktu ring × jam yang mengalami gangguan)",
    },
    "across.funnel.y": {
        "en": "Capture (adjusted)",
        "id": "Porsi terprediksi (disesuaikan)",
    },
    "across.funnel.pooled": {
        "en": "All events pooled: {share}",
        "id": "Gabungan semua kegiatan: {share}",
    },
    "across.funnel.limit_95": {"en": "95% limits", "id": "Batas 95%"},
    "across.funnel.limit_99_8": {"en": "99.8% limits", "id": "Batas 99,8%"},
    "across.funnel.inside": {"en": "Within the 95% limits", "id": "Di dalam batas 95%"},
    "across.funnel.outside_95": {"en": "Outside 95%", "id": "Di luar 95%"},
    "across.funnel.outside_99_8": {"en": "Outside 99.8%", "id": "Di luar 99,8%"},
    "across.funnel.hover_adjusted": {
        "en": "flags {flagged_share} of its windows, so {expected} expected; adjusted {adjusted}",
        "id": "menilai rawan {flagged_share} blok waktunya, jadi diharapkan {expected}; "
        "disesuaikan {adjusted}",
    },
    "across.funnel.hover": {
        "en": "{flagged} of {disrupted} disrupted ring-hours flagged ({share})",
        "id": "{flagged} dari {disrupted} ring-jam dengan gangguan dinilai rawan ({share})",
    },
    "across.funnel.not_shown": {
        "en": "{count} event(s) without a disrupted ring-hour are not shown.",
        "id": "{count} kegiatan tanpa ring-jam dengan gangguan tidak ditampilkan.",
    },
    "across.funnel.outliers": {
        "en": "Outside the 99.8% limits:",
        "id": "Di luar batas 99,8%:",
    },
    "across.funnel.none": {
        "en": "No event lies outside the 99.8% limits.",
        "id": "Tidak ada kegiatan di luar batas 99,8%.",
    },
    "across.funnel.above": {"en": "above", "id": "di atas"},
    "across.funnel.below": {"en": "below", "id": "di bawah"},
    "across.funnel.note": {
        "en": "Each dot is one event, its capture adjusted for the share of windows its SRA "
        "flagged (flagging more catches more by itself); the funnel is where it would fall by "
        "chance if every SRA told risky windows apart as well as all of them together. A dot "
        "outside the funnel is a question to ask, not a verdict.",
        "id": "Tiap titik adalah satu kegiatan; porsi gangguan terprediksinya disesuaikan dengan "
        "porsi blok waktu yang dinilai rawan oleh SRA-nya (makin banyak yang dinilai rawan, makin "
        "banyak yang dengan sendirinya terprediksi); corong menunjukkan sebaran karena kebetulan "
        "bila setiap SRA sama baiknya dengan gabungan semuanya. Titik di luar corong adalah "
        "pertanyaan, bukan penilaian.",
    },
    # verdict counts
    "across.verdicts.title": {"en": "Verdicts across events", "id": "Penilaian antar-kegiatan"},
    "across.verdicts.events": {"en": "Events", "id": "Kegiatan"},
}
