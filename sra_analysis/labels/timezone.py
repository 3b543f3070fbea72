"""An event's time zone as readers name it: WIB, WITA or WIT, not an IANA name."""

from __future__ import annotations

__all__ = ["INDONESIAN_ZONES", "zone_label"]

#: Indonesia's three zones (Permendagri: WIB UTC+7, WITA UTC+8, WIT UTC+9), by IANA name.
INDONESIAN_ZONES: dict[str, tuple[str, int]] = {
    "Asia/Jakarta": ("WIB", 7),
    "Asia/Pontianak": ("WIB", 7),
    "Asia/Makassar": ("WITA", 8),
    "Asia/Ujung_Pandang": ("WITA", 8),
    "Asia/Jayapura": ("WIT", 9),
}


def zone_label(timezone: str, lang: str = "en") -> str:
    """The name of ``timezone`` as a report shows it: ``WIB`` in Bahasa Indonesia,
    ``WIB (UTC+7)`` in English; a zone outside Indonesia as its IANA name with its offset.

    Examples
    --------
    >>> zone_label("Asia/Jakarta", "id"), zone_label("Asia/Makassar", "en")
    ('WIB', 'WITA (UTC+8)')
    >>> zone_label("Europe/Amsterdam", "id")
    'Europe/Amsterdam'
    """
    from sra_analysis.labels import check_lang

    check_lang(lang)
    name = str(timezone)
    if name not in INDONESIAN_ZONES:
        return name
    short, hours = INDONESIAN_ZONES[name]
    return short if lang == "id" else f"{short} (UTC+{hours})"
