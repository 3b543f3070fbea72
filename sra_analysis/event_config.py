"""From ``event.yaml`` to :class:`~sra_analysis.event.EventMeta`: every key checked.

The file is found and parsed safely by :mod:`sra_analysis.event_yaml` (size cap, no YAML
aliases, no link out of the event folder). Here every value is checked and an
:class:`~sra_analysis.errors.EventConfigError` names the file and the key at fault for
anything that would be refused later or overflow: ``.inf``, ``.nan``, ``1e400``, fractions
or negative numbers where counts belong, and these documented bounds:

==========================  =========================================================
``planned_personnel``       whole number 0–:data:`MAX_PERSONNEL`
``disruption_severity``     whole number 1–5
``time_margin_hours``       whole number 0–:data:`MAX_TIME_MARGIN_HOURS` (30 days)
``risk_levels``             bounds whole numbers 0–25, contiguous bands up to 25
``start``, ``end``          local times between :data:`EARLIEST_TIME` and
                            :data:`LATEST_TIME`, existing in ``timezone``; the event
                            at most :data:`MAX_EVENT_DAYS` days long
``name``, ``venue``, rings  text (not lists or mappings), at most
                            :data:`MAX_TEXT_CHARS` characters each
``categories``              optional: an office vocabulary file (see
                            :mod:`sra_analysis.vocabulary`), relative to the event
                            folder and inside it
a ring's ``zone``           optional, one of :data:`~sra_analysis.zones.ZONES`
                            (``core``, ``building``, ``perimeter``, ``outer``)
``unit``,                   optional text for the report's cover (:data:`COVER_KEYS`),
``classification``,         at most :data:`MAX_TEXT_CHARS` characters each
``prepared_by``,
``approved_by``
``objectives``              optional: one text or a list of texts (at most
                            :data:`MAX_OBJECTIVES`), each at most
                            :data:`MAX_TEXT_CHARS` characters; the report's
                            overview lists them
==========================  =========================================================
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from sra_analysis.errors import EventConfigError, ParameterError
from sra_analysis.event import EventMeta, Ring, event_id_problem, fold_label, resolve_timezone
from sra_analysis.event_yaml import find_event_file, is_inside, read_event_yaml
from sra_analysis.levels import SEVERITY_SCALE, RiskLevels, check_flag_level
from sra_analysis.safe_text import isolate_bidi
from sra_analysis.vocabulary import load_vocabulary
from sra_analysis.zones import check_zone

__all__ = [
    "COVER_KEYS",
    "EARLIEST_TIME",
    "LATEST_TIME",
    "MAX_EVENT_DAYS",
    "MAX_OBJECTIVES",
    "MAX_PERSONNEL",
    "MAX_TEXT_CHARS",
    "MAX_TIME_MARGIN_HOURS",
    "config_text",
    "config_time",
    "config_whole_number",
    "read_event_meta",
]

#: Longest ``time_margin_hours`` accepted: 30 days either side of the event.
MAX_TIME_MARGIN_HOURS = 720
#: Longest event accepted, in days.
MAX_EVENT_DAYS = 366
#: Largest ``planned_personnel`` accepted.
MAX_PERSONNEL = 1_000_000
#: Longest free text (``name``, ``venue``, a ring's name or alias) in characters.
MAX_TEXT_CHARS = 1000
#: Optional free text the report's cover shows: the unit, the classification marking and the
#: roles that prepare and approve the review (:class:`~sra_analysis.event.EventMeta`).
COVER_KEYS: tuple[str, ...] = ("unit", "classification", "prepared_by", "approved_by")
#: Most objectives ``event.yaml`` may list.
MAX_OBJECTIVES = 50
#: Event times must lie in this span (local time).
EARLIEST_TIME = pd.Timestamp("1900-01-01")
LATEST_TIME = pd.Timestamp("2200-01-01")


def read_event_meta(path: str | Path) -> EventMeta:
    """Read and check ``event.yaml`` (a folder holding it, or the file itself).

    A folder may hold ``event.yaml`` or ``event.yml``, not both; the file is read safely
    (size cap, no YAML aliases, no link leading out of the folder: see
    :mod:`sra_analysis.event_yaml`); numbers must be finite and every value in its range
    (see the module docstring).

    Raises
    ------
    EventConfigError
        Naming the file and key for anything missing, impossible or hostile.

    Examples
    --------
    >>> from sra_analysis.resources import sample_dir
    >>> read_event_meta(sample_dir() / "purwakarta-2024").duration_hours
    64.0
    """
    path = Path(path)
    file = find_event_file(path) if path.is_dir() else path
    config = read_event_yaml(file)
    return _meta_from_config(config, source=str(file))


def _meta_from_config(config: Mapping, *, source: str) -> EventMeta:
    def need(key: str):
        if config.get(key) in (None, ""):
            raise EventConfigError(source, "required key is missing", key=key)
        return config[key]

    event_id = config_text(need("id"), key="id", source=source).strip()
    problem = event_id_problem(event_id)
    if problem:
        raise EventConfigError(source, f"id {problem}", key="id")
    try:
        timezone = resolve_timezone(config_text(need("timezone"), key="timezone", source=source))
    except ParameterError as error:
        raise EventConfigError(source, str(error), key="timezone") from None
    start = config_time(need("start"), timezone, source=source, key="start")
    end = config_time(need("end"), timezone, source=source, key="end")
    if end <= start:
        raise EventConfigError(source, f"end {end} is not after start {start}", key="end")
    if end - start > pd.Timedelta(days=MAX_EVENT_DAYS):
        raise EventConfigError(
            source,
            f"the event lasts {end - start} from start to end; at most {MAX_EVENT_DAYS} days "
            "are accepted",
            key="end",
        )
    rings = _config_rings(need("rings"), source=source)
    risk_levels = _config_risk_levels(config.get("risk_levels"), source=source)
    flag_level = config_text(config.get("flag_level"), key="flag_level", source=source) or "high"
    try:
        check_flag_level(flag_level, levels=risk_levels)
    except ParameterError as error:
        raise EventConfigError(source, str(error), key="flag_level") from None

    def number(key: str, default: int | None, low: int, high: int, unit: str = ""):
        value = config.get(key)
        if value is None:
            return default
        return config_whole_number(value, key=key, source=source, low=low, high=high, unit=unit)

    margin = number("time_margin_hours", 24, 0, MAX_TIME_MARGIN_HOURS, " hours")
    vocabulary = load_vocabulary(_categories_file(config.get("categories"), source=source))
    meta = EventMeta(
        id=event_id,
        name=config_text(config.get("name"), key="name", source=source) or event_id,
        venue=config_text(config.get("venue"), key="venue", source=source),
        timezone=timezone,
        start=start,
        end=end,
        rings=rings,
        planned_personnel=number("planned_personnel", None, 0, MAX_PERSONNEL),
        risk_levels=risk_levels,
        flag_level=flag_level,
        disruption_severity=number("disruption_severity", 4, SEVERITY_SCALE[0], SEVERITY_SCALE[-1]),
        time_margin=pd.Timedelta(hours=margin),
        source=source,
        **{key: config_text(config.get(key), key=key, source=source).strip() for key in COVER_KEYS},
        objectives=_config_objectives(config.get("objectives"), source=source),
        vocabulary=vocabulary,
    )
    meta.ring_lookup()  # raises on ambiguous labels
    return meta


def _categories_file(value, *, source: str) -> Path | None:
    """The office vocabulary file ``event.yaml`` names: relative to the event folder and
    inside it (a link leading out is refused, as for the data files)."""
    name = config_text(value, key="categories", source=source).strip()
    if not name:
        return None
    folder = Path(source).parent
    file = folder / name
    if not is_inside(file, folder):
        raise EventConfigError(
            source,
            f"{name[:80]!r} is outside the event folder; copy the file in, or pass a shared "
            "file with --categories",
            key="categories",
        )
    if not file.is_file():
        raise EventConfigError(source, f"no such file {name[:80]!r} in the event folder",
                               key="categories")  # fmt: skip
    return file


def _config_risk_levels(value, *, source: str) -> RiskLevels:
    """Risk bands with every bound a finite whole number 0–25, then banded by RiskLevels."""
    if isinstance(value, Mapping):
        value = {
            name: [
                config_whole_number(
                    bound, key=f"risk_levels.{str(name)[:40]}", source=source, low=0, high=25
                )
                for bound in bounds
            ]
            if isinstance(bounds, list)
            else bounds
            for name, bounds in value.items()
        }
    try:
        return RiskLevels.from_mapping(value)
    except (ParameterError, TypeError, ValueError, OverflowError) as error:
        raise EventConfigError(source, str(error)[:300], key="risk_levels") from None


def _config_rings(value, *, source: str) -> tuple[Ring, ...]:
    if not isinstance(value, list) or not value:
        raise EventConfigError(source, "expected a list of rings with id and name", key="rings")
    rings = []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, dict) or item.get("id") in (None, ""):
            raise EventConfigError(source, f"ring #{position} has no id", key="rings")

        def text(field: str, default: str | None = None, *, item=item) -> str | None:
            return config_text(item.get(field), key="rings", source=source, default=default)

        ring_id = text("id").strip()
        aliases = item.get("aliases") or []
        rings.append(
            Ring(
                id=ring_id,
                name=text("name") or f"Ring {ring_id}",
                name_id=text("name_id", None),
                aliases=tuple(
                    config_text(alias, key="rings", source=source) for alias in _as_list(aliases)
                ),
                zone=_config_zone(item.get("zone"), ring_id, source=source),
            )
        )
    ids = [ring.id for ring in rings]
    if len(set(ids)) != len(ids) or "all" in {fold_label(i) for i in ids}:
        raise EventConfigError(
            source, f"ring ids must be unique and not 'all', got {ids}", key="rings"
        )
    return tuple(rings)


def _config_zone(value, ring_id: str, *, source: str) -> str | None:
    """A ring's ``zone`` (case folded), None when left out, or an error naming the ring."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return check_zone(value)
    except ParameterError as error:
        raise EventConfigError(source, f"ring {ring_id[:40]!r}: {error}", key="rings") from None


def _config_objectives(value, *, source: str) -> tuple[str, ...]:
    """``objectives``: one text or a list of at most :data:`MAX_OBJECTIVES` texts."""
    items = [] if value is None else _as_list(value)
    if len(items) > MAX_OBJECTIVES or any(isinstance(i, list | dict) for i in items):
        problem = (f"lists {len(items):,} objectives; at most {MAX_OBJECTIVES} are accepted"
                   if len(items) > MAX_OBJECTIVES else
                   f"expected a text or a list of texts, got {_shown(value)}")  # fmt: skip
        raise EventConfigError(source, problem, key="objectives")
    texts = (config_text(i, key="objectives", source=source).strip() for i in items)
    return tuple(text for text in texts if text)


def _as_list(value) -> list:
    if isinstance(value, list):
        return value
    return [value]


# ------------------------------------------------------------------------- value checks


def _shown(value: object, limit: int = 60) -> str:
    """``repr(value)``, cut to ``limit`` characters so a hostile value is not echoed whole."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def config_whole_number(
    value: object, *, key: str, source: str, low: int, high: int, unit: str = ""
) -> int:
    """A whole number from ``event.yaml`` within ``low``–``high``, or an error naming ``key``.

    Accepts ``50``, ``50.0`` and ``"50"``; refuses booleans, fractions, ``.inf``, ``.nan``,
    ``1e400`` and anything outside the range.

    Examples
    --------
    >>> config_whole_number("12", key="k", source="event.yaml", low=0, high=100)
    12
    >>> config_whole_number(float("inf"), key="n", source="e.yaml", low=0, high=100)
    Traceback (most recent call last):
    ...
    sra_analysis.errors.EventConfigError: e.yaml (key 'n'): must be a finite whole number, got inf
    """
    number: float | int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, (int, float)):
        number = value
    elif isinstance(value, str) and len(value) <= 64:
        try:
            number = int(value.strip())
        except ValueError:
            try:
                number = float(value.strip())
            except ValueError:
                number = None
    if number is None:
        raise EventConfigError(source, f"expected a whole number, got {_shown(value)}", key=key)
    if isinstance(number, float):
        if not math.isfinite(number):
            raise EventConfigError(
                source, f"must be a finite whole number, got {_shown(value)}", key=key
            )
        if not number.is_integer():
            raise EventConfigError(source, f"expected a whole number, got {_shown(value)}", key=key)
        number = int(number)
    if not low <= number <= high:
        raise EventConfigError(
            source, f"must be {low:,}–{high:,}{unit}, got {_shown(value)}", key=key
        )
    return number


def config_time(value: object, timezone: str, *, key: str, source: str) -> pd.Timestamp:
    """A time from ``event.yaml`` as a tz-aware timestamp in ``timezone``.

    A time without a zone is local to ``timezone``; one with an offset is converted. The
    local time must lie between :data:`EARLIEST_TIME` and :data:`LATEST_TIME` and exist in
    the zone (not skipped or repeated by a clock change).

    Examples
    --------
    >>> config_time("2024-03-01T07:00", "Asia/Jakarta", key="start", source="event.yaml")
    Timestamp('2024-03-01 07:00:00+0700', tz='Asia/Jakarta')
    """
    example = "expected a time like 2024-03-01T07:00"
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if not isinstance(value, (str, dt.datetime)) or (isinstance(value, str) and len(value) > 64):
        raise EventConfigError(source, f"{example}, got {_shown(value)}", key=key)
    try:
        stamp = pd.Timestamp(value)
        local = stamp.tz_convert(timezone).tz_localize(None) if stamp.tzinfo else stamp
    except (ValueError, TypeError, OverflowError):
        raise EventConfigError(source, f"{example}, got {_shown(value)}", key=key) from None
    if pd.isna(stamp) or not EARLIEST_TIME <= local <= LATEST_TIME:
        raise EventConfigError(
            source,
            f"must lie between {EARLIEST_TIME:%Y-%m-%d} and {LATEST_TIME:%Y-%m-%d}, "
            f"got {_shown(value)}",
            key=key,
        )
    if stamp.tzinfo is not None:
        return stamp.tz_convert(timezone)
    try:
        return stamp.tz_localize(timezone)
    except ValueError:  # skipped or repeated by a clock change
        skipped = pd.isna(stamp.tz_localize(timezone, nonexistent="NaT", ambiguous=True))
        kind = "does not exist" if skipped else "is ambiguous"
        raise EventConfigError(
            source,
            f"{stamp} {kind} in {timezone} (a clock change); give the time with its UTC "
            "offset, e.g. 2024-03-31T03:30+02:00",
            key=key,
        ) from None


def config_text(value: object, *, key: str, source: str, default: str = "") -> str:
    """Free text from ``event.yaml`` (a string or a number), at most :data:`MAX_TEXT_CHARS`,
    without NUL bytes; bidirectional controls neutralised
    (:func:`~sra_analysis.safe_text.isolate_bidi`).

    Examples
    --------
    >>> config_text(2024, key="name", source="event.yaml")
    '2024'
    >>> config_text(None, key="venue", source="event.yaml", default="")
    ''
    """
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int, float, dt.date)):
        raise EventConfigError(
            source, f"expected text, got a {type(value).__name__}: {_shown(value)}", key=key
        )
    text = str(value)
    if len(text) > MAX_TEXT_CHARS:
        raise EventConfigError(
            source, f"longer than {MAX_TEXT_CHARS} characters ({len(text):,})", key=key
        )
    if "\x00" in text:
        raise EventConfigError(source, "contains a NUL byte (\\x00); retype the value", key=key)
    return isolate_bidi(text)
