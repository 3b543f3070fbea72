"""The chronology: significant incidents grouped into episodes.

An incident is *significant* when it disrupted the proceedings or its severity is at least
``min_severity`` (default :data:`MIN_SEVERITY` = 3, one step below the default disruption
level 4, so that the build-up to a disruption — a crowd gathering, the first scuffle — is in
the chronology beside the disruption itself). Like the scores, the chronology holds the
incidents reported between the event's start and end, so its disruptions add up to the
review's (:mod:`sra_analysis.review.aar.counts`).

Two significant incidents belong to the same *episode* when

1. the later one was reported at most ``max_gap`` after the earlier one (default
   :data:`MAX_GAP`, two hours);
2. they share a category or an SRA item (``risk_id``); and
3. their rings are the same or adjacent in the event's ring order (``rings`` in
   ``event.yaml``, whichever end is the inside).

Episodes are the connected groups of that relation, so a demonstration that starts outside
the fence and reaches the building and then the plenary room within 75 minutes is one
episode, however the event numbers its rings. An incident linked to nothing else is an
episode of its own. Episodes are numbered ``E1``, ``E2``, … in order of their start.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sra_analysis.errors import ParameterError
from sra_analysis.event import EventMeta

__all__ = [
    "EPISODE_INCIDENT_COLUMNS",
    "Episode",
    "MAX_GAP",
    "MIN_SEVERITY",
    "build_episodes",
    "locate_incidents",
]

#: Incidents at or above this severity are significant (disruptions always are).
MIN_SEVERITY = 3
#: Longest time between one significant incident and the next of the same episode.
MAX_GAP = pd.Timedelta(hours=2)

#: Columns of :attr:`AfterActionReview.incidents`, the chronology's incident table.
EPISODE_INCIDENT_COLUMNS = [
    "episode",
    "incident_id",
    "reported_at",
    "ring",
    "category",
    "severity",
    "disrupted_proceedings",
    "risk_id",
    "predicted_level",
    "flagged",
    "response_minutes",
    "resolution_minutes",
    "description",
]


@dataclass(frozen=True)
class Episode:
    """One episode of the chronology.

    Attributes
    ----------
    id : str
        ``E1``, ``E2``, … in order of start.
    start, end : Timestamp
        First report; latest resolution (or report, where none was recorded).
    rings : tuple of str
        Rings reached, in the event's ring order.
    first_ring : str
        Ring of the first incident.
    spread_minutes : float
        Minutes from the first incident to the first incident in the last ring reached
        (0 for an episode in one ring).
    categories, incident_ids, risk_ids : tuple of str
        In order of first appearance; ``risk_ids`` the SRA items the incidents were linked to.
    incident_count, disruptions : int
    missed_disruptions : int
        Disruptions in ring-hours rated below the flag level.
    max_severity : int
    min_level, max_level : str or None
        Lowest and highest level the SRA gave the ring-hours of the episode's incidents.
    levels_by_ring : mapping
        Ring → highest level the SRA gave the episode's ring-hours in that ring.
    response_minutes, resolution_minutes : float
        Median minutes from report to response and to resolution, where recorded (nan
        otherwise); ``slowest_response_minutes`` the longest.
    """

    id: str
    start: pd.Timestamp
    end: pd.Timestamp
    rings: tuple[str, ...]
    first_ring: str
    spread_minutes: float
    categories: tuple[str, ...]
    incident_ids: tuple[str, ...]
    risk_ids: tuple[str, ...]
    incident_count: int
    disruptions: int
    missed_disruptions: int
    max_severity: int
    min_level: str | None
    max_level: str | None
    levels_by_ring: Mapping[str, str | None] = field(default_factory=dict)
    response_minutes: float = float("nan")
    slowest_response_minutes: float = float("nan")
    resolution_minutes: float = float("nan")

    @property
    def anchor(self) -> str:
        """The id of the episode's entry in a report (``aar-episode-e1``)."""
        return f"aar-episode-{self.id.lower()}"

    def to_dict(self) -> dict:
        """``summary.json``'s entry of ``aar.chronology``."""
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "rings": list(self.rings),
            "categories": list(self.categories),
            "incident_ids": list(self.incident_ids),
            "incident_count": self.incident_count,
            "risk_ids": list(self.risk_ids),
            "disruptions": self.disruptions,
            "missed_disruptions": self.missed_disruptions,
            "max_severity": self.max_severity,
            "levels": {
                "min": self.min_level,
                "max": self.max_level,
                "by_ring": dict(self.levels_by_ring),
            },
            "spread_minutes": self.spread_minutes,
            "response_minutes": self.response_minutes,
            "slowest_response_minutes": self.slowest_response_minutes,
            "resolution_minutes": self.resolution_minutes,
            "anchor": self.anchor,
        }


def locate_incidents(incidents: pd.DataFrame, windows: pd.DataFrame) -> pd.DataFrame:
    """The level and flag of the window each incident was reported in.

    Returns
    -------
    DataFrame
        ``incidents`` (a copy) with ``predicted_level`` (str, None outside every window) and
        ``flagged`` (bool; False outside every window) added.
    """
    out = incidents.copy()
    levels = np.full(len(out), None, dtype=object)
    flagged = np.zeros(len(out), dtype=bool)
    if len(out) and len(windows):
        rings = out["ring"].astype(str).to_numpy()
        reported = pd.DatetimeIndex(out["reported_at"]).as_unit("us").asi8
        window_ring = windows["ring"].astype(str).to_numpy()
        starts = pd.DatetimeIndex(windows["window_start"]).as_unit("us").asi8
        ends = pd.DatetimeIndex(windows["window_end"]).as_unit("us").asi8
        names = np.asarray(windows["predicted_level"].astype(str), dtype=object)
        window_flag = windows["flagged"].to_numpy(dtype=bool)
        for ring in np.unique(rings):
            mine = np.flatnonzero(rings == ring)
            rows = np.flatnonzero(window_ring == ring)
            rows = rows[np.argsort(starts[rows], kind="stable")]
            if not len(rows):
                continue
            at = reported[mine]
            index = np.searchsorted(starts[rows], at, side="right") - 1
            inside = (index >= 0) & (at < ends[rows][np.clip(index, 0, None)])
            hit = rows[index[inside]]
            levels[mine[inside]] = names[hit]
            flagged[mine[inside]] = window_flag[hit]
    out["predicted_level"] = levels
    out["flagged"] = flagged
    return out


def _significant(incidents: pd.DataFrame, min_severity: int, meta: EventMeta) -> pd.DataFrame:
    severity = incidents["severity"].astype("int64")
    keep = incidents["disrupted_proceedings"].astype(bool) | (severity >= min_severity)
    reported = incidents["reported_at"]
    keep &= (reported >= meta.start) & (reported < meta.end)
    out = incidents.loc[keep].copy()
    out["severity"] = severity[keep]
    minutes = pd.Timedelta(minutes=1)
    out["response_minutes"] = (out["responded_at"] - out["reported_at"]) / minutes
    out["resolution_minutes"] = (out["resolved_at"] - out["reported_at"]) / minutes
    return out.sort_values(["reported_at", "incident_id"], kind="stable").reset_index(drop=True)


def _components(frame: pd.DataFrame, ring_order: Mapping[str, int], max_gap) -> np.ndarray:
    """Label of each row's episode (union–find over the linking rule).

    Two incidents link when at most ``max_gap`` apart, of one category or one SRA item, in
    the same or adjacent rings. Linking each incident (rows in time order) only to the latest
    earlier one of its category or item in each of the three rings gives the same episodes as
    comparing every pair — an earlier incident of that ring is joined to the latest one
    through the incidents between them, each closer than it — in linear time, however many
    incidents an hour holds.
    """
    n = len(frame)
    parent = np.arange(n)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    times = pd.DatetimeIndex(frame["reported_at"]).as_unit("us").asi8
    max_gap = max_gap // pd.Timedelta(microseconds=1)
    position = frame["ring"].astype(str).map(ring_order).to_numpy()
    category = frame["category"].astype(str).to_numpy()
    risk = frame["risk_id"].to_numpy(dtype=object)
    latest: dict[tuple, int] = {}  # (what is shared, ring position) -> latest row so far
    for i in range(n):
        shared = [("category", category[i])]
        if not pd.isna(risk[i]):
            shared.append(("risk", risk[i]))
        for key in shared:
            for ring in (position[i] - 1, position[i], position[i] + 1):
                j = latest.get((key, ring))
                if j is not None and times[i] - times[j] <= max_gap:
                    parent[root(i)] = root(j)
            latest[(key, position[i])] = i
    return np.array([root(i) for i in range(n)])


def _unique(values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(v) for v in values if not pd.isna(v)))


def _median(values) -> float:
    present = [float(v) for v in values if not pd.isna(v)]
    return float(statistics.median(present)) if present else float("nan")


def _episode(episode_id: str, rows: list[dict], ring_order, level_rank) -> Episode:
    """One episode from its incidents (records in time order)."""
    rings = sorted({r["ring"] for r in rows}, key=ring_order.__getitem__)
    first_seen: dict[str, pd.Timestamp] = {}
    for r in rows:
        first_seen.setdefault(r["ring"], r["reported_at"])
    start = rows[0]["reported_at"]
    end = max([r["reported_at"] for r in rows] + [r["resolved_at"] for r in rows
                                                  if not pd.isna(r["resolved_at"])])  # fmt: skip
    by_ring: dict[str, str | None] = {}
    for ring in rings:
        levels = [r["predicted_level"] for r in rows if r["ring"] == ring and r["predicted_level"]]
        by_ring[ring] = max(levels, key=level_rank.__getitem__) if levels else None
    ranked = sorted((r["predicted_level"] for r in rows if r["predicted_level"]),
                    key=level_rank.__getitem__)  # fmt: skip
    disrupted = [bool(r["disrupted_proceedings"]) for r in rows]
    responses = [r["response_minutes"] for r in rows if not pd.isna(r["response_minutes"])]
    return Episode(
        id=episode_id,
        start=start,
        end=end,
        rings=tuple(rings),
        first_ring=rows[0]["ring"],
        spread_minutes=float((max(first_seen.values()) - start) / pd.Timedelta(minutes=1)),
        categories=_unique(r["category"] for r in rows),
        incident_ids=_unique(r["incident_id"] for r in rows),
        risk_ids=_unique(r["risk_id"] for r in rows),
        incident_count=len(rows),
        disruptions=sum(disrupted),
        missed_disruptions=sum(
            d and not r["flagged"] for d, r in zip(disrupted, rows, strict=True)
        ),
        max_severity=int(max(r["severity"] for r in rows)),
        min_level=ranked[0] if ranked else None,
        max_level=ranked[-1] if ranked else None,
        levels_by_ring=by_ring,
        response_minutes=_median(responses),
        slowest_response_minutes=float(max(responses)) if responses else float("nan"),
        resolution_minutes=_median(r["resolution_minutes"] for r in rows),
    )


def build_episodes(
    incidents: pd.DataFrame,
    windows: pd.DataFrame,
    *,
    meta: EventMeta,
    min_severity: int = MIN_SEVERITY,
    max_gap: pd.Timedelta | str = MAX_GAP,
) -> tuple[tuple[Episode, ...], pd.DataFrame]:
    """Group an event's significant incidents into episodes (see the module docstring).

    Parameters
    ----------
    incidents : DataFrame
        The event's canonical incidents (``Event.incidents``).
    windows : DataFrame
        The evaluated windows table (with ``flagged``).
    meta : EventMeta
        For the ring order.
    min_severity : int, default 3
    max_gap : Timedelta or str, default 2 hours

    Returns
    -------
    episodes : tuple of Episode
    table : DataFrame
        The significant incidents in time order, columns :data:`EPISODE_INCIDENT_COLUMNS`.
    """
    if not 1 <= int(min_severity) <= 5:
        raise ParameterError(f"min_severity must be a severity from 1 to 5, got {min_severity!r}")
    gap = pd.Timedelta(max_gap)
    if pd.isna(gap) or gap < pd.Timedelta(0):
        raise ParameterError(f"max_gap must be a duration of zero or more, got {max_gap!r}")
    frame = locate_incidents(_significant(incidents, int(min_severity), meta), windows)
    ring_order = {ring: i for i, ring in enumerate(meta.ring_ids)}
    frame["episode"] = ""
    if frame.empty:
        return (), frame.reindex(columns=EPISODE_INCIDENT_COLUMNS)
    labels = _components(frame, ring_order, gap)
    level_rank = {name: i for i, name in enumerate(windows["predicted_level"].dtype.categories)}
    frame["ring"] = frame["ring"].astype(str)
    records = frame.to_dict("records")
    groups: dict[int, list[dict]] = {}
    for record, label in zip(records, labels, strict=True):
        groups.setdefault(label, []).append(record)  # in time order of the first incident
    episodes = []
    for number, rows in enumerate(groups.values(), start=1):
        episode_id = f"E{number}"
        for record in rows:
            record["episode"] = episode_id
        episodes.append(_episode(episode_id, rows, ring_order, level_rank))
    frame["episode"] = [record["episode"] for record in records]
    return tuple(episodes), frame[EPISODE_INCIDENT_COLUMNS].reset_index(drop=True)
