"""What each event contributes to the roll-up: three small tables saved beside its summary.

:func:`event_tables` turns one event's :class:`~sra_analysis.review.evaluate.Evaluation` into
the ``windows``, ``incidents`` and ``register`` tables the batch saves (as Parquet) and the
roll-up reads back, so the roll-up never re-runs an event. Times stay local to the event, and
the local hour of day and day of the event travel as plain integers, because events in
different time zones cannot share one tz-aware column once pooled. No free text of an
incident (description), no officer field and no incident id leave the event.

:func:`pool_tables` stacks the tables of many events with an ``event_id`` column.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from sra_analysis.errors import ParameterError
from sra_analysis.event import Event
from sra_analysis.review.anticipation import anticipated_by
from sra_analysis.vocabulary import OTHER

__all__ = [
    "INCIDENT_CATEGORY_COLUMNS",
    "INCIDENT_COLUMNS",
    "REGISTER_COLUMNS",
    "TABLE_NAMES",
    "WINDOW_EXTRA_COLUMNS",
    "event_tables",
    "pool_tables",
]

#: The three tables, in the order they are saved (``<name>.parquet``).
TABLE_NAMES: tuple[str, ...] = ("windows", "incidents", "register")

#: Columns added to the review windows: flags, level rank, local hour and day, ring name and
#: zone (the roll-up pools rings by zone; a report written before zones has none).
WINDOW_EXTRA_COLUMNS = ["flagged", "observed", "level_rank", "hour", "day", "ring_name", "zone"]

#: One row per incident; nothing an officer or a free-text field could be identified by.
INCIDENT_COLUMNS = [
    "ring", "time", "hour", "day", "category", "severity", "disruption", "anticipated",
    "flagged",
]  # fmt: skip

#: Beside :data:`INCIDENT_COLUMNS` (the roll-up reads them when there): how to show each
#: category without the event's vocabulary. ``category_text`` is the text as the log wrote
#: it, kept for ``other`` only (missing for a category with a code); ``category_label_en``
#: and ``category_label_id`` are the code's labels in the event's vocabulary.
INCIDENT_CATEGORY_COLUMNS = ["category_text", "category_label_en", "category_label_id"]

#: One row per SRA item, with what it realised.
REGISTER_COLUMNS = [
    "risk_id", "threat", "ring", "likelihood", "impact", "score", "level", "incidents",
    "disruptions",
]  # fmt: skip


def _day_of_event(times: pd.Series, start: pd.Timestamp) -> np.ndarray:
    """1 for the calendar day (local) the event starts on, 2 for the next, ..."""
    first = start.normalize().tz_localize(None)
    local_days = times.dt.tz_localize(None).dt.normalize()
    return ((local_days - first) / pd.Timedelta(days=1)).to_numpy(dtype=np.int64) + 1


def event_tables(evaluation, event: Event) -> dict[str, pd.DataFrame]:
    """The tables one event contributes to the roll-up.

    Parameters
    ----------
    evaluation : Evaluation
        The event's review (:func:`sra_analysis.evaluate`), whose windows carry ``flagged``.
    event : Event
        The same event as loaded (:func:`sra_analysis.load_event`).

    Returns
    -------
    dict of str to DataFrame
        ``"windows"``: the review windows (every column of
        :data:`~sra_analysis.review.windows.WINDOW_COLUMNS`, ``ring`` as text) with
        ``flagged``, ``observed`` (a disruption happened), ``level_rank`` (position of
        ``predicted_level`` in the event's levels, ``"none"`` = 0), ``hour`` (local hour of
        day the window starts, 0–23), ``day`` (1-based day of the event), ``ring_name`` and
        ``zone`` (:data:`~sra_analysis.zones.ZONES`, None where ``event.yaml`` gives none).

        ``"incidents"``: one row per incident, :data:`INCIDENT_COLUMNS`: ``ring``, ``time``
        (reported, local, tz-aware), ``hour``, ``day``, ``category``, ``severity`` (int),
        ``disruption``, ``anticipated`` (an SRA item anticipated it),
        ``flagged`` (its ring-window was flagged; False outside the review's windows),
        then :data:`INCIDENT_CATEGORY_COLUMNS`. ``category`` is the code in the event's
        vocabulary; ``anticipated`` follows
        :func:`~sra_analysis.review.anticipation.anticipated_by` (``risk_id``, else an SRA
        item listing the category).

        ``"register"``: one row per SRA item, :data:`REGISTER_COLUMNS`: ``risk_id``,
        ``threat``, ``ring`` (an id or ``"all"``), ``likelihood``, ``impact``, ``score``,
        ``level``, ``incidents`` and ``disruptions`` linked to it by ``risk_id``, then
        ``categories`` (the codes the item names, ``;``-separated, or missing).

    Raises
    ------
    ParameterError
        When ``event`` is not an Event or the evaluation belongs to another event.

    Examples
    --------
    >>> from sra_analysis import evaluate, load_event
    >>> from sra_analysis.resources import sample_dir
    >>> event = load_event(sample_dir() / "purwakarta-2024")
    >>> tables = event_tables(evaluate(event, n_resamples=0), event)
    >>> sorted(tables), len(tables["incidents"]) == len(event.incidents)
    (['incidents', 'register', 'windows'], True)
    """
    if not isinstance(event, Event):
        raise ParameterError(
            f"event_tables needs the Event it reviewed, got {type(event).__name__}"
        )
    meta = evaluation.meta
    if meta is not None and meta.id != event.meta.id:
        raise ParameterError(
            f"event_tables: the evaluation is of event {meta.id!r}, not {event.meta.id!r}"
        )
    meta = event.meta
    tz = meta.timezone

    windows = evaluation.windows.copy()
    levels = windows["predicted_level"]
    windows["level_rank"] = levels.cat.codes.astype(np.int64)
    windows["predicted_level"] = levels.astype(str)
    local_start = windows["window_start"].dt.tz_convert(tz)
    windows["hour"] = local_start.dt.hour.astype(np.int64)
    windows["day"] = _day_of_event(local_start, meta.start)
    names = {ring.id: ring.name for ring in meta.rings}
    windows["ring"] = windows["ring"].astype(str)
    windows["ring_name"] = windows["ring"].map(names).astype(str)
    names_id = {ring.id: ring.label("id") for ring in meta.rings}  # for Indonesian roll-ups
    windows["ring_name_id"] = windows["ring"].map(names_id).astype(str)
    zones = {ring.id: ring.zone for ring in meta.rings}
    windows["zone"] = pd.Series([zones.get(r) for r in windows["ring"]], index=windows.index,
                                dtype=object)  # fmt: skip
    windows["flagged"] = windows["flagged"].astype(bool)
    windows["observed"] = windows["observed"].astype(bool)

    incidents = event.incidents
    time = incidents["reported_at"].dt.tz_convert(tz)
    ring = incidents["ring"].astype(str)
    flagged = _incident_flagged(windows, ring.to_numpy(), time)
    incident_table = pd.DataFrame(
        {
            "ring": ring.to_numpy(),
            "time": time.to_numpy() if len(time) == 0 else time.array,
            "hour": time.dt.hour.to_numpy(dtype=np.int64),
            "day": _day_of_event(time, meta.start),
            "category": incidents["category"].astype(str).to_numpy(),
            "severity": incidents["severity"].astype(np.int64).to_numpy(),
            "disruption": incidents["disrupted_proceedings"].to_numpy(dtype=bool),
            "anticipated": anticipated_by(incidents, event.risks).notna().to_numpy(),
            "flagged": flagged,
        },
        columns=INCIDENT_COLUMNS,
    )
    incident_table = incident_table.join(_category_columns(incidents, meta))
    if len(incident_table) == 0:
        incident_table["time"] = incident_table["time"].astype(f"datetime64[us, {tz}]")

    risks = event.risks
    linked = incidents[incidents["risk_id"].notna()]
    counts = linked.groupby(linked["risk_id"].astype(str)).agg(
        incidents=("category", "size"), disruptions=("disrupted_proceedings", "sum")
    )
    register = pd.DataFrame(
        {
            "risk_id": risks["risk_id"].astype(str).to_numpy(),
            "threat": risks["threat"].astype(str).to_numpy(),
            "ring": risks["ring"].astype(str).to_numpy(),
            "likelihood": risks["likelihood"].to_numpy(dtype=np.int64),
            "impact": risks["impact"].to_numpy(dtype=np.int64),
            "score": risks["score"].to_numpy(dtype=np.int64),
            "level": risks["level"].astype(str).to_numpy(),
        }
    )
    for column in ("incidents", "disruptions"):
        mapped = register["risk_id"].map(counts[column]) if len(counts) else np.nan
        register[column] = pd.Series(mapped, index=register.index).fillna(0).astype(np.int64)
    register = register[REGISTER_COLUMNS]
    covers = risks["categories"] if "categories" in risks.columns else None
    register["categories"] = pd.Series(
        covers.to_numpy() if covers is not None else [None] * len(register), dtype="str"
    )  # codes an item names, ";"-separated: optional for the roll-up
    return {
        "windows": windows.reset_index(drop=True),
        "incidents": incident_table,
        "register": register,
    }


def _category_columns(incidents: pd.DataFrame, meta) -> pd.DataFrame:
    """:data:`INCIDENT_CATEGORY_COLUMNS` of each incident (positional index)."""
    codes = incidents["category"].astype(str)
    written = incidents.get("category_text", codes).astype(str)
    vocabulary = meta.vocabulary
    return pd.DataFrame(
        {
            "category_text": written.where(codes == OTHER).to_numpy(),
            "category_label_en": [vocabulary.label(c, "en") for c in codes],
            "category_label_id": [vocabulary.label(c, "id") for c in codes],
        },
        columns=INCIDENT_CATEGORY_COLUMNS,
    ).astype("str")


def _incident_flagged(windows: pd.DataFrame, ring: np.ndarray, time: pd.Series) -> np.ndarray:
    """Whether each incident's ring-window (by its reported time) was flagged."""
    flagged = np.zeros(len(ring), dtype=bool)
    stamps = time.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy("datetime64[us]")
    for ring_id, part in windows.groupby("ring", sort=False):
        mine = ring == ring_id
        if not mine.any():
            continue
        starts = part["window_start"].dt.tz_convert("UTC").dt.tz_localize(None)
        ends = part["window_end"].dt.tz_convert("UTC").dt.tz_localize(None)
        starts = starts.to_numpy("datetime64[us]")
        ends = ends.to_numpy("datetime64[us]")
        block = np.searchsorted(starts, stamps[mine], side="right") - 1
        inside = (block >= 0) & (stamps[mine] < ends[np.clip(block, 0, None)])
        flags = part["flagged"].to_numpy(dtype=bool)
        flagged[mine] = np.where(inside, flags[np.clip(block, 0, None)], False)
    return flagged


def pool_tables(tables: Mapping[str, Mapping[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """Stack the tables of many events, each row tagged with its ``event_id``.

    Parameters
    ----------
    tables : mapping of event id to the dict :func:`event_tables` returns

    Returns
    -------
    dict of str to DataFrame
        ``"windows"``, ``"incidents"``, ``"register"``, each with ``event_id`` first. The
        incidents' ``time`` becomes UTC (events in different zones share one column); their
        local ``hour`` and ``day`` are kept as computed per event.

    Raises
    ------
    ParameterError
        When an event lacks one of the three tables.
    """
    pooled: dict[str, pd.DataFrame] = {}
    for name in TABLE_NAMES:
        parts = []
        for event_id, per_event in tables.items():
            if name not in per_event:
                raise ParameterError(
                    f"pool_tables: event {event_id!r} has no {name!r} table; "
                    f"each event needs {list(TABLE_NAMES)}"
                )
            part = per_event[name].copy()
            for column in ("time", "window_start", "window_end"):
                if column in part and isinstance(part[column].dtype, pd.DatetimeTZDtype):
                    part[column] = part[column].dt.tz_convert("UTC")
            part.insert(0, "event_id", str(event_id))
            parts.append(part)
        pooled[name] = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    return pooled
