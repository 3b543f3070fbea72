"""Ring zones: which part of the venue a ring guards, whatever number the unit gave it.

Polri numbers rings from the inside out — ring 1 the plenary room or sterile zone, ring 2
the building and its yard, ring 3 the fence, gate and parking, sometimes ring 4 the roads —
but units differ, and a ring's number alone cannot say what it guarded. Each ring in
``event.yaml`` may therefore carry a ``zone``, one of :data:`ZONES` (innermost first), and
the roll-up across events pools rings by zone.
"""

from __future__ import annotations

from sra_analysis.errors import check_argument

__all__ = ["ZONES", "check_zone", "zone_label", "zone_order"]

#: The zones, innermost first: plenary room or sterile zone, building and yard, fence, gate
#: and parking, roads and surroundings.
ZONES: tuple[str, ...] = ("core", "building", "perimeter", "outer")


def check_zone(value: object) -> str:
    """``value`` as a zone, case and surrounding spaces folded.

    Raises
    ------
    ParameterError
        Naming ``zone``, the zones (:data:`ZONES`) and the value received.

    Examples
    --------
    >>> check_zone(" Perimeter ")
    'perimeter'
    >>> check_zone("fence")
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: zone must be one of ['core', 'building', 'perimeter', \
'outer'], got 'fence'
    """
    folded = value.strip().casefold() if isinstance(value, str) else value
    return check_argument("zone", ZONES, folded)


def zone_label(zone: str, lang: str = "en") -> str:
    """The zone as a reader sees it, with the number Polri gives that ring.

    Examples
    --------
    >>> zone_label("perimeter", "id")
    'Ring 3 – pagar, gerbang dan parkir'
    """
    from sra_analysis.labels import t

    return t(f"zone.{check_zone(zone)}", lang)


def zone_order(zone: object) -> int:
    """Position of ``zone`` from the inside out (0 for ``core``); past the zones for
    anything else, so rings without a zone sort after the zoned ones.

    Examples
    --------
    >>> sorted(["outer", "Gate", "core"], key=zone_order)
    ['core', 'outer', 'Gate']
    """
    return ZONES.index(zone) if zone in ZONES else len(ZONES)
