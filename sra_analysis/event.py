"""An event: its metadata from ``event.yaml`` and, once loaded, its validated tables.

The metadata say when and where the event was, in which timezone its local times are, which
rings guarded it (in display order, with the names and aliases field logs use for them), how
risk scores band into levels and which level counts as "flagged".

``event.yaml`` is read by :func:`sra_analysis.event_config.read_event_meta` (also importable
from here), safely: see :mod:`sra_analysis.event_yaml`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

from sra_analysis.errors import EventConfigError, ParameterError
from sra_analysis.levels import RiskLevels

__all__ = [
    "Event",
    "EventMeta",
    "FILE_KINDS",
    "FileQuality",
    "Ring",
    "TIMEZONE_ALIASES",
    "fold_label",
    "is_blank_scalar",
    "resolve_timezone",
]

#: The three data files of an event folder (``<kind>.csv|xlsx|parquet``), in the order they
#: are read; also the keys of :attr:`Event.quality` and of ``summary.json``'s ``data_quality``.
FILE_KINDS: tuple[str, ...] = ("incidents", "staffing", "risk_register")

#: Indonesian zone abbreviations and the IANA zones they stand for.
TIMEZONE_ALIASES: dict[str, str] = {
    "WIB": "Asia/Jakarta",
    "WITA": "Asia/Makassar",
    "WIT": "Asia/Jayapura",
}

_ROMAN = {
    "i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5",
    "vi": "6", "vii": "7", "viii": "8", "ix": "9", "x": "10",
}  # fmt: skip
_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def is_blank_scalar(value) -> bool:
    """True for a cell that holds nothing: None, NaN, NaT or only white space."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def fold_label(text: object) -> str:
    """Fold a ring label for matching: case, spacing, punctuation and roman numerals.

    Examples
    --------
    >>> fold_label("  Ring II ")
    'ring 2'
    >>> fold_label("RING_2")
    'ring 2'
    >>> fold_label("Luar\\u00a0Pagar")
    'luar pagar'
    """
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    tokens = re.split(r"[\s_\-./]+", text.strip())
    return " ".join(_ROMAN.get(token, token) for token in tokens if token)


def resolve_timezone(name: str) -> str:
    """Return the IANA zone for ``name``, accepting WIB, WITA and WIT.

    Examples
    --------
    >>> resolve_timezone("WITA")
    'Asia/Makassar'
    """
    zone = TIMEZONE_ALIASES.get(str(name).strip().upper(), str(name).strip())
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ParameterError(
            f"timezone must be an IANA zone such as 'Asia/Jakarta' or one of "
            f"{sorted(TIMEZONE_ALIASES)}, got {name!r}"
        ) from None
    return zone


@dataclass(frozen=True)
class Ring:
    """One security ring: its id as the unit numbers it, names, the aliases logs use and
    the zone it guards (one of :data:`sra_analysis.zones.ZONES`, or None when not given)."""

    id: str
    name: str
    name_id: str | None = None
    aliases: tuple[str, ...] = ()
    zone: str | None = None

    def label(self, lang: str = "en") -> str:
        """Display name in English (``"en"``) or Bahasa Indonesia (``"id"``)."""
        if lang == "id" and self.name_id:
            return self.name_id
        return self.name


@dataclass(frozen=True)
class EventMeta:
    """Everything ``event.yaml`` says about an event.

    ``start`` and ``end`` are tz-aware timestamps in ``timezone``.
    """

    id: str
    name: str
    venue: str
    timezone: str
    start: pd.Timestamp
    end: pd.Timestamp
    rings: tuple[Ring, ...]
    planned_personnel: int | None = None
    risk_levels: RiskLevels = field(default_factory=lambda: RiskLevels.from_mapping(None))
    flag_level: str = "high"
    disruption_severity: int = 4
    time_margin: pd.Timedelta = pd.Timedelta(hours=24)
    source: str | None = None

    @property
    def ring_ids(self) -> tuple[str, ...]:
        """Ring ids in display order."""
        return tuple(ring.id for ring in self.rings)

    @property
    def ring_dtype(self) -> pd.CategoricalDtype:
        """Categorical dtype of ring ids in display order."""
        return pd.CategoricalDtype(list(self.ring_ids), ordered=False)

    @property
    def duration_hours(self) -> float:
        return (self.end - self.start) / pd.Timedelta(hours=1)

    def ring(self, ring_id: str) -> Ring:
        """The ring with id ``ring_id``."""
        for ring in self.rings:
            if ring.id == ring_id:
                return ring
        raise ParameterError(f"ring must be one of {list(self.ring_ids)}, got {ring_id!r}")

    def ring_lookup(self) -> dict[str, str]:
        """Map folded labels (ids, names, aliases, "ring N") to ring ids.

        Explicit ids, names and aliases win over the implicit ``"ring <id>"`` form, so an
        event that numbers its rings from the inside out can still say ``aliases: [ring i]``
        for whatever ring it means.
        """
        explicit: dict[str, str] = {}
        for ring in self.rings:
            for label in (ring.id, ring.name, ring.name_id, *ring.aliases):
                if label is None or not str(label).strip():
                    continue
                key = fold_label(label)
                if explicit.get(key, ring.id) != ring.id:
                    raise EventConfigError(
                        self.source or "event.yaml",
                        f"label {label!r} names both ring {explicit[key]!r} and ring {ring.id!r}",
                        key="rings",
                    )
                explicit[key] = ring.id
        lookup = {fold_label(f"ring {ring.id}"): ring.id for ring in self.rings}
        lookup.update(explicit)
        return lookup

    def to_dict(self) -> dict:
        """The identifying part used in ``summary.json``."""
        return {
            "id": self.id,
            "name": self.name,
            "venue": self.venue,
            "timezone": self.timezone,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "planned_personnel": self.planned_personnel,
            "rings": [
                {"id": r.id, "name": r.name, "name_id": r.name_id, "zone": r.zone}
                for r in self.rings
            ],
            "risk_levels": self.risk_levels.to_dict(),
            "flag_level": self.flag_level,
            "disruption_severity": self.disruption_severity,
        }


@dataclass(frozen=True)
class FileQuality:
    """What happened to every row of one input file.

    ``rows_read == accepted + quarantined + blank + duplicates`` always holds.

    Attributes
    ----------
    file : str
        File name as found in the event folder.
    rows_read, accepted, quarantined, blank, duplicates : int
        Data rows read (header excluded), rows kept, rows set aside with a reason, empty
        rows skipped, exact duplicate rows dropped.
    issues : DataFrame
        One line per problem found: ``row`` (as the user sees it: text-editor line or Excel
        row), ``column``, ``value``, ``reason``, ``action`` (``"quarantined"`` or
        ``"warning"`` for a row kept with a note).
    quarantined_rows : DataFrame
        The quarantined rows as read, with their ``row`` number.
    encoding, delimiter, sheet : str or None
        How the file was read.
    ignored_columns : tuple of str
        Columns that are not part of the data contract.
    """

    file: str
    rows_read: int
    accepted: int
    quarantined: int
    blank: int
    duplicates: int
    issues: pd.DataFrame
    quarantined_rows: pd.DataFrame
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    ignored_columns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        total = self.accepted + self.quarantined + self.blank + self.duplicates
        if total != self.rows_read:
            raise AssertionError(
                f"{self.file}: row accounting broken: read {self.rows_read}, accounted {total}"
            )

    def to_dict(self) -> dict:
        """Counts for ``summary.json`` (no row contents)."""
        return {
            "file": self.file,
            "rows_read": self.rows_read,
            "accepted": self.accepted,
            "quarantined": self.quarantined,
            "blank": self.blank,
            "duplicates": self.duplicates,
            "warnings": int((self.issues["action"] == "warning").sum()),
            "encoding": self.encoding,
            "delimiter": self.delimiter,
        }


@dataclass(frozen=True)
class Event:
    """A loaded event: metadata, canonical tables and the account of what was read.

    Attributes
    ----------
    meta : EventMeta
    incidents, staffing, risks : DataFrame
        Canonical, typed, tz-aware tables (see :func:`sra_analysis.load_event`).
    quality : dict of str to FileQuality
        Keyed by :data:`FILE_KINDS`: ``"incidents"``, ``"staffing"``, ``"risk_register"``.
    inputs : dict of str to str
        sha256 of every file read, keyed by file name (``event.yaml`` included).
    """

    meta: EventMeta
    incidents: pd.DataFrame
    staffing: pd.DataFrame
    risks: pd.DataFrame
    quality: Mapping[str, FileQuality]
    inputs: Mapping[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def rows_quarantined(self) -> int:
        return sum(q.quarantined for q in self.quality.values())

    def __repr__(self) -> str:
        return (
            f"Event({self.meta.id!r}, incidents={len(self.incidents)}, "
            f"staffing={len(self.staffing)}, risks={len(self.risks)}, "
            f"quarantined={self.rows_quarantined})"
        )


def __getattr__(name: str):
    # read_event_meta lives in event_config, which builds on the classes above; importing it
    # lazily keeps ``from sra_analysis.event import read_event_meta`` working without a cycle
    if name == "read_event_meta":
        from sra_analysis.event_config import read_event_meta

        return read_event_meta
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
