"""An event: its metadata from ``event.yaml`` and, once loaded, its validated tables.

The metadata say when and where the event was, in which timezone its local times are, which
rings guarded it (in display order, with the names and aliases field logs use for them), how
risk scores band into levels and which level counts as "flagged".

``event.yaml`` is read by :func:`sra_analysis.event_config.read_event_meta`, safely: see
:mod:`sra_analysis.event_yaml`.
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
from sra_analysis.vocabulary.categories import CategoryVocabulary
from sra_analysis.vocabulary.files import bundled_vocabulary

__all__ = [
    "Event", "EventMeta", "FILE_KINDS", "MAX_EVENT_ID_LENGTH", "RESERVED_EVENT_IDS",
    "OPTIONAL_FILE_KINDS", "FileQuality", "Ring", "TIMEZONE_ALIASES", "fold_label",
    "event_id_problem", "is_blank_scalar", "resolve_timezone",
]  # fmt: skip

#: The three data files of an event folder (``<kind>.csv|xlsx|parquet``), in the order they
#: are read; also the keys of :attr:`Event.quality` and of ``summary.json``'s ``data_quality``.
FILE_KINDS: tuple[str, ...] = ("incidents", "staffing", "risk_register")
#: Files an event folder may hold beside them: the staffing plan (``staffing_plan.*``, per
#: ring and time span the officers planned). When present it is loaded like the others and
#: its account joins :attr:`Event.quality` under its kind; when absent nothing is missing.
OPTIONAL_FILE_KINDS: tuple[str, ...] = ("staffing_plan",)

#: Indonesian zone abbreviations and the IANA zones they stand for.
TIMEZONE_ALIASES: dict[str, str] = {
    "WIB": "Asia/Jakarta",
    "WITA": "Asia/Makassar",
    "WIT": "Asia/Jayapura",
}

_ROMAN = {roman: str(n) for n, roman in enumerate("i ii iii iv v vi vii viii ix x".split(), 1)}
_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")

#: Longest event id. The id names the event's report folder and, in a batch, temporary files
#: such as ``.<id>…tmp``; 64 characters keep every name within what any file system takes
#: (255 bytes a name) and paths short enough for Windows (260 characters).
MAX_EVENT_ID_LENGTH = 64
#: Ids an event cannot have: the files a batch writes beside the event folders
#: (``OUT/index.html``, ``OUT/plotly.min.js``, the roll-up's three files).
RESERVED_EVENT_IDS: frozenset[str] = frozenset(
    {"index.html", "plotly.min.js", "rollup.html", "rollup.ipynb", "rollup.json"}
)
#: Names Windows reserves for devices in every folder, with or without an extension.
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)}
)


def event_id_problem(event_id: str) -> str | None:
    """What makes ``event_id`` unusable as an event id, or None when it is a good one.

    Examples
    --------
    >>> event_id_problem("purwakarta-2024") is None
    True
    >>> event_id_problem("Purwakarta 2024")
    "must be a slug of lower-case letters, digits, '.', '_' or '-', got 'Purwakarta 2024'"
    >>> event_id_problem("index.html")
    "'index.html' is the name of a file every batch writes beside the reports; choose another"
    >>> event_id_problem("com1")
    "'com1' is a device name on Windows and cannot name a folder; choose another"
    >>> event_id_problem("x" * 65)
    'must be at most 64 characters (it names a folder), got 65'
    """
    if not _SLUG.match(event_id):
        return (
            f"must be a slug of lower-case letters, digits, '.', '_' or '-', got {event_id[:60]!r}"
        )
    if len(event_id) > MAX_EVENT_ID_LENGTH:
        return (
            f"must be at most {MAX_EVENT_ID_LENGTH} characters (it names a folder), "
            f"got {len(event_id)}"
        )
    if event_id in RESERVED_EVENT_IDS:
        return (
            f"{event_id!r} is the name of a file every batch writes beside the reports; "
            "choose another"
        )
    if event_id.split(".")[0] in _WINDOWS_DEVICES:
        return f"{event_id!r} is a device name on Windows and cannot name a folder; choose another"
    return None


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

    Invisible format characters (Unicode category Cf: bidirectional controls, zero-width
    spaces) are dropped: a workbook shows a ring's name without them
    (:func:`sra_analysis.sheet_text.safe_text`), and the name picked there is the same ring.

    Examples
    --------
    >>> fold_label("  Ring II ")
    'ring 2'
    >>> fold_label("RING_2")
    'ring 2'
    >>> fold_label("Luar\\u00a0Pagar")
    'luar pagar'
    >>> fold_label("Ruang \\u202eonelp\\u202c") == fold_label("Ruang onelp")
    True
    """
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
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

    ``start`` and ``end`` are tz-aware timestamps in ``timezone``. ``vocabulary`` holds
    the incident categories (the bundled list, extended by the file ``event.yaml`` names in
    ``categories``, by :data:`~sra_analysis.vocabulary.CATEGORIES_ENV` and by
    ``load_event(..., categories=...)``). ``unit``, ``classification``, ``prepared_by`` and
    ``approved_by`` are what the report's cover shows (the unit that writes the review, a
    marking such as ``TERBATAS``, the roles that prepare and approve it); empty when not given.
    ``objectives`` are the operation's objectives the report's overview lists (none when not
    given).
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
    unit: str = ""
    classification: str = ""
    prepared_by: str = ""
    approved_by: str = ""
    objectives: tuple[str, ...] = ()
    vocabulary: CategoryVocabulary = field(
        default_factory=bundled_vocabulary, repr=False, compare=False
    )

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
        row), ``column`` (the clerk's own header), ``field`` (the contract column),
        ``value`` (as typed), ``reason`` (English), ``action`` (``"quarantined"`` or
        ``"warning"`` for a row kept with a note), and ``reason_key`` and ``reason_values``,
        which render the reason in either language
        (:func:`sra_analysis.io.reasons.issue_reasons`).
    quarantined_rows : DataFrame
        The quarantined rows as read, with their ``row`` number.
    encoding, delimiter, sheet : str or None
        How the file was read.
    ignored_columns : tuple of str
        Columns that are not part of the data contract.
    unknown_categories : tuple of (str, int)
        Incident categories outside the event's vocabulary, as written, with the number of
        accepted rows that wrote each (most frequent first); they are loaded as ``other``.
    form_columns : tuple of str
        For the export of a phone form (KoboToolbox, ODK Central), the columns about each
        submission (``_uuid``, ``start``, ...) set aside on purpose
        (:mod:`sra_analysis.io.form_export`).
    form_id_column : str or None
        The export's column whose values became ``incident_id`` (it had none).
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
    unknown_categories: tuple[tuple[str, int], ...] = ()
    form_columns: tuple[str, ...] = ()
    form_id_column: str | None = None

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
        Keyed by :data:`FILE_KINDS`: ``"incidents"``, ``"staffing"``, ``"risk_register"``,
        and ``"staffing_plan"`` when the folder holds a staffing plan.
    inputs : dict of str to str
        sha256 of every file read, keyed by file name (``event.yaml`` included).
    staffing_plan : DataFrame or None
        The staffing plan as loaded (``ring``, ``plan_start``, ``plan_end``, ``officers``,
        ``unit``, ``note``, ``source_row``), or None when the folder has none.
    """

    meta: EventMeta
    incidents: pd.DataFrame
    staffing: pd.DataFrame
    risks: pd.DataFrame
    quality: Mapping[str, FileQuality]
    inputs: Mapping[str, str] = field(default_factory=dict)
    staffing_plan: pd.DataFrame | None = None

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
