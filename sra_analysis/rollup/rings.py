"""Which rings of different events are the same ring: pooled by zone, else by name.

Events number their rings from either end and may have 2, 3 or 4 of them, so ring 1 of one
event can be the plenary room and of another the fence, and offices name the same ring in
English or Indonesian. :func:`pool_rings` gives each window the ring it pools under: its
zone (:data:`~sra_analysis.zones.ZONES`) where ``event.yaml`` gives one, else its name folded
as the loader folds ring labels (:func:`~sra_analysis.event.fold_label`), else its number.
:func:`ring_pooling` says which events' rings were pooled by name, so the roll-up can say so.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sra_analysis.event import fold_label
from sra_analysis.labels import check_lang
from sra_analysis.rollup._checks import require_columns
from sra_analysis.rollup.missed import as_written
from sra_analysis.zones import ZONES, zone_label

__all__ = ["POOLED_BY", "pool_rings", "ring_pooling"]

#: How a window's ring was pooled, from the surest to the least sure.
POOLED_BY: tuple[str, ...] = ("zone", "name", "number")


def _zones(windows: pd.DataFrame) -> np.ndarray:
    """Each window's zone, or None: a value that is not a zone (a damaged table) is none."""
    if "zone" not in windows:
        return np.full(len(windows), None, dtype=object)
    folded = [
        value.strip().casefold() if isinstance(value, str) else None for value in windows["zone"]
    ]
    return np.array([value if value in ZONES else None for value in folded], dtype=object)


def pool_rings(windows: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """The windows with ``ring`` the key they pool under across events.

    Parameters
    ----------
    windows : DataFrame
        Pooled windows with ``ring``; ``zone``, ``ring_name`` and ``ring_name_id`` (the
        ring's Indonesian name, shown in an Indonesian roll-up) are used when present.
    lang : {"en", "id"}, default "en"
        Language of the zone labels.

    Returns
    -------
    DataFrame
        A copy of ``windows`` in which ``ring`` is the zone code (``core``, ...) where the
        window has a zone, else the ring's name as most events wrote it, else its number;
        ``ring_name`` is what a reader sees (the zone's label in ``lang``, or that name or
        number); ``pooled_by`` says which (:data:`POOLED_BY`).

    Examples
    --------
    >>> windows = pd.DataFrame({"event_id": ["a", "b", "c", "d"], "ring": ["1", "3", "2", "2"],
    ...     "ring_name": ["Plenary room", "Ruang sidang", "Gudang", ""],
    ...     "zone": ["core", "Core", None, None]})
    >>> pool_rings(windows)[["ring", "ring_name", "pooled_by"]]
         ring                             ring_name pooled_by
    0    core  Ring 1 – plenary room / sterile zone      zone
    1    core  Ring 1 – plenary room / sterile zone      zone
    2  Gudang                                Gudang      name
    3       2                                     2    number
    """
    lang = check_lang(lang)
    require_columns(windows, ["ring"], name="windows", caller="pool_rings")
    zones = _zones(windows)
    ring = windows["ring"].astype(str).to_numpy(dtype=object)
    shown = ring.copy()
    pooled_by = np.full(len(windows), "number", dtype=object)
    if "ring_name" in windows:
        names = windows["ring_name"].astype("string").str.strip()
        named = (names.notna() & (names != "")).to_numpy() & (zones == None)  # noqa: E711
        if named.any():
            written = as_written(names[named])
            ring[named] = [written[fold_label(name)] for name in names[named]]
            shown[named] = ring[named]
            if lang == "id" and "ring_name_id" in windows:  # the name the event gives in id
                local = windows["ring_name_id"].astype("string").str.strip().to_numpy()[named]
                local = pd.Series(local, index=ring[named], dtype="string")
                local = local[local.notna() & (local != "")]
                by_key = local.groupby(level=0).agg(lambda values: values.mode().iloc[0])
                shown[named] = [by_key.get(key, key) for key in ring[named]]
            pooled_by[named] = "name"
    zoned = zones != None  # noqa: E711
    ring[zoned] = zones[zoned]
    shown[zoned] = [zone_label(zone, lang) for zone in zones[zoned]]
    pooled_by[zoned] = "zone"
    return windows.assign(
        ring=ring.astype(str), ring_name=shown.astype(str), pooled_by=pooled_by.astype(str)
    )


def ring_pooling(windows: pd.DataFrame) -> dict:
    """How each event's rings were pooled: by zone, or (some of them) by name or number.

    Parameters
    ----------
    windows : DataFrame
        Pooled windows: ``event_id``, ``ring``; ``zone`` and ``ring_name`` when present.

    Returns
    -------
    dict
        ``by_zone``: the events whose every ring has a zone; ``without_zone``: one entry per
        other event, ``{"event_id", "rings"}`` with the rings (names, else numbers) that have
        none, in the order first seen.

    Examples
    --------
    >>> windows = pd.DataFrame({"event_id": ["a", "a", "b"], "ring": ["1", "2", "1"],
    ...     "ring_name": ["Plenary room", "Pagar", "Ruang pleno"],
    ...     "zone": ["core", None, "core"]})
    >>> ring_pooling(windows)
    {'by_zone': ['b'], 'without_zone': [{'event_id': 'a', 'rings': ['Pagar']}]}
    """
    require_columns(windows, ["event_id", "ring"], name="windows", caller="ring_pooling")
    zones = _zones(windows)
    names = windows["ring_name"] if "ring_name" in windows else windows["ring"]
    shown = [
        str(name).strip() if isinstance(name, str) and name.strip() else str(ring)
        for name, ring in zip(names, windows["ring"], strict=True)
    ]
    frame = pd.DataFrame(
        {"event_id": windows["event_id"].astype(str).to_numpy(), "ring": shown, "zone": zones}
    )
    by_zone, without = [], []
    for event_id, part in frame.groupby("event_id", sort=False):
        missing = part.loc[part["zone"].isna(), "ring"]
        if missing.empty:
            by_zone.append(event_id)
        else:
            without.append({"event_id": event_id, "rings": list(dict.fromkeys(missing))})
    return {"by_zone": by_zone, "without_zone": without}
