"""Labels of the ring zones (:mod:`sra_analysis.zones`): what part of the venue a ring
guards, numbered as Polri numbers rings, from the inside out."""

from __future__ import annotations

__all__ = ["ZONE_LABELS"]

ZONE_LABELS: dict[str, dict[str, str]] = {
    "zone": {"en": "Zone", "id": "Zona"},
    "zone.core": {
        "en": "Ring 1 – plenary room / sterile zone",
        "id": "Ring 1 – ruang sidang / area steril",
    },
    "zone.building": {
        "en": "Ring 2 – building and yard",
        "id": "Ring 2 – gedung dan halaman",
    },
    "zone.perimeter": {
        "en": "Ring 3 – fence, gate and parking",
        "id": "Ring 3 – pagar, gerbang dan parkir",
    },
    "zone.outer": {
        "en": "Ring 4 – roads and surroundings",
        "id": "Ring 4 – jalan dan sekitarnya",
    },
    "zone.by_name": {
        "en": "{events} event(s) give no zone for some rings ({names}); those rings are "
        "pooled by their name, not by zone.",
        "id": "{events} kegiatan tidak mencantumkan zona untuk sebagian ring ({names}); ring "
        "tersebut digabung menurut namanya, bukan menurut zona.",
    },
}
