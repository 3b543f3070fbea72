"""An event: its metadata from ``event.yaml`` and, once loaded, its validated tables.

The metadata say when and where the event was, in which timezone its local times are, which
rings guarded it (in display order, with the names and aliases field logs use for them), how
risk scores band into levels and which level counts as "flagged".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd
import yaml

from sra_analysis.errors import EventConfigError, ParameterError
from sra_analysis.levels import RiskLevels

__all__ = [
    "Event",
    "EventMeta",
    "FileQuality",
    "Ring",
    "TIMEZONE_ALIASES",
    "fold_label",
    "read_event_meta",
    "resolve_timezone",
]

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
    """One security ring: its id as the unit numbers it, names and the aliases logs use."""

    id: str
    name: str
    name_id: str | None = None
    aliases: tuple[str, ...] = ()

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
            "rings": [{"id": r.id, "name": r.name, "name_id": r.name_id} for r in self.rings],
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
        Keyed ``"incidents"``, ``"staffing"``, ``"risk_register"``.
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


# ----------------------------------------------------------------------------- event.yaml


def read_event_meta(path: str | Path) -> EventMeta:
    """Read and check ``event.yaml`` (a folder holding it, or the file itself).

    Raises
    ------
    EventConfigError
        Naming the file and key for anything missing or impossible.
    """
    path = Path(path)
    file = path / "event.yaml" if path.is_dir() else path
    if not file.exists() and file.with_suffix(".yml").exists():
        file = file.with_suffix(".yml")
    if not file.exists():
        raise EventConfigError(str(file), "no event.yaml found; every event folder needs one")
    try:
        config = yaml.safe_load(file.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise EventConfigError(str(file), f"not valid YAML: {error}") from None
    if not isinstance(config, dict):
        raise EventConfigError(str(file), "expected a mapping of keys such as id, start, rings")
    return _meta_from_config(config, source=str(file))


def _meta_from_config(config: Mapping, *, source: str) -> EventMeta:
    def need(key: str):
        if config.get(key) in (None, ""):
            raise EventConfigError(source, "required key is missing", key=key)
        return config[key]

    event_id = str(need("id")).strip()
    if not _SLUG.match(event_id):
        raise EventConfigError(
            source,
            f"id must be a slug of lower-case letters, digits, '.', '_' or '-', got {event_id!r}",
            key="id",
        )
    try:
        timezone = resolve_timezone(need("timezone"))
    except ParameterError as error:
        raise EventConfigError(source, str(error), key="timezone") from None
    start = _config_time(need("start"), timezone, source=source, key="start")
    end = _config_time(need("end"), timezone, source=source, key="end")
    if end <= start:
        raise EventConfigError(source, f"end {end} is not after start {start}", key="end")
    rings = _config_rings(need("rings"), source=source)
    try:
        risk_levels = RiskLevels.from_mapping(config.get("risk_levels"))
    except (ParameterError, TypeError, ValueError) as error:
        raise EventConfigError(source, str(error), key="risk_levels") from None
    flag_level = str(config.get("flag_level", "high"))
    if flag_level not in risk_levels.names[1:]:
        raise EventConfigError(
            source,
            f"flag_level must be one of {list(risk_levels.names[1:])}, got {flag_level!r}",
            key="flag_level",
        )
    disruption_severity = _config_int(config, "disruption_severity", 4, 1, 5, source)
    planned = config.get("planned_personnel")
    planned = (
        None if planned is None else _config_int(config, "planned_personnel", 0, 0, None, source)
    )
    margin = _config_int(config, "time_margin_hours", 24, 0, None, source)
    meta = EventMeta(
        id=event_id,
        name=str(config.get("name") or event_id),
        venue=str(config.get("venue") or ""),
        timezone=timezone,
        start=start,
        end=end,
        rings=rings,
        planned_personnel=planned,
        risk_levels=risk_levels,
        flag_level=flag_level,
        disruption_severity=disruption_severity,
        time_margin=pd.Timedelta(hours=margin),
        source=source,
    )
    meta.ring_lookup()  # raises on ambiguous labels
    return meta


def _config_time(value, timezone: str, *, source: str, key: str) -> pd.Timestamp:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise EventConfigError(
            source, f"expected a time like 2024-03-01T07:00, got {value!r}", key=key
        ) from None
    if stamp.tzinfo is None:
        return stamp.tz_localize(timezone)
    return stamp.tz_convert(timezone)


def _config_int(config, key, default, low, high, source) -> int:
    value = config.get(key, default)
    if isinstance(value, bool):
        raise EventConfigError(source, f"expected a whole number, got {value!r}", key=key)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise EventConfigError(source, f"expected a whole number, got {value!r}", key=key) from None
    if number != value and str(number) != str(value).strip():
        raise EventConfigError(source, f"expected a whole number, got {value!r}", key=key)
    if number < low or (high is not None and number > high):
        allowed = f"{low}–{high}" if high is not None else f"≥ {low}"
        raise EventConfigError(source, f"must be {allowed}, got {value!r}", key=key)
    return number


def _config_rings(value, *, source: str) -> tuple[Ring, ...]:
    if not isinstance(value, list) or not value:
        raise EventConfigError(source, "expected a list of rings with id and name", key="rings")
    rings = []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, dict) or item.get("id") in (None, ""):
            raise EventConfigError(source, f"ring #{position} has no id", key="rings")
        ring_id = str(item["id"]).strip()
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        rings.append(
            Ring(
                id=ring_id,
                name=str(item.get("name") or f"Ring {ring_id}"),
                name_id=None if item.get("name_id") is None else str(item["name_id"]),
                aliases=tuple(str(alias) for alias in _as_list(aliases)),
            )
        )
    ids = [ring.id for ring in rings]
    if len(set(ids)) != len(ids) or "all" in {fold_label(i) for i in ids}:
        raise EventConfigError(
            source, f"ring ids must be unique and not 'all', got {ids}", key="rings"
        )
    return tuple(rings)


def _as_list(value: Iterable) -> list:
    return list(value) if not isinstance(value, str) else [value]
