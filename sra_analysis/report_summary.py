"""``summary.json``, typed: the one writer and reader of a report's summary.

The report notebook writes :meth:`ReportSummary.to_dict` (built by
:meth:`ReportSummary.from_evaluation`); the index page, the comparison and across-events
charts and the roll-up read :meth:`ReportSummary.from_file`. A report folder is untrusted
input to whatever reads it later, so :meth:`~ReportSummary.from_file` caps the file's size
and nesting depth before it builds a single object, refuses a ``schema_version`` it does not
know, and checks the type and range of every value the readers use. What fails raises a
:class:`~sra_analysis.report_folder.ReportFolderError` naming the event, the field and the value.
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType

from sra_analysis.report_folder import ReportFolderError

__all__ = [
    "KNOWN_SCHEMA_VERSIONS",
    "MAX_SUMMARY_BYTES",
    "MAX_SUMMARY_DEPTH",
    "ReportSummary",
    "SummaryEvent",
    "SummaryPrediction",
    "SummaryTotals",
    "SummaryVerdict",
    "json_depth",
    "report_summaries",
]

#: The ``schema_version`` values this toolkit reads (DESIGN §5; the one it writes is
#: :data:`sra_analysis.review.evaluate.SCHEMA_VERSION`).
KNOWN_SCHEMA_VERSIONS: tuple[str, ...] = ("3",)
#: Largest ``summary.json`` read; a review of a long event writes well under 1 MB.
MAX_SUMMARY_BYTES = 5 * 1024 * 1024
#: Deepest nesting of objects and arrays read; a review writes about 6.
MAX_SUMMARY_DEPTH = 64
#: Largest count or amount believed (officer-hours of 514 events fit many times over).
_ABSURD = 1e12
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_FILE = "summary.json"


def json_depth(text: bytes | str) -> int:
    """The deepest nesting of objects and arrays in JSON ``text``, counted without parsing
    (and so without recursion): brackets inside strings do not count.

    Examples
    --------
    >>> json_depth('{"a": [1, {"b": "[[[["}]}')
    3
    >>> json_depth("[" * 200_000 + "]" * 200_000)
    200000
    """
    import numpy as np

    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
    bare = np.frombuffer(_STRING.sub(b'""', data), dtype=np.uint8)
    steps = np.zeros(len(bare), dtype=np.int64)
    steps[(bare == ord("{")) | (bare == ord("["))] = 1
    steps[(bare == ord("}")) | (bare == ord("]"))] = -1
    return int(np.cumsum(steps).max(initial=0))


class _Reader:
    """Typed values out of a summary body; ``strict`` raises, otherwise a bad value is None."""

    def __init__(self, folder: str, event: str | None, *, strict: bool) -> None:
        self.folder, self.event, self.strict = folder, event, strict

    def fail(self, key: str, **values) -> None:
        if self.strict:
            raise ReportFolderError(self.folder, key, event=self.event, **values)

    def section(self, body: Mapping, name: str, *, required: bool = True) -> Mapping:
        value = body.get(name)
        if isinstance(value, Mapping):
            return value
        if value is None and not (required and self.strict):
            return {}
        if value is None:
            self.fail("aside.summary_missing", field=name)
        self.fail("aside.summary_value", field=name, kind="object", value=_shown(value))
        return {}

    def value(self, part: Mapping, where: str, name: str, kind: str, *, required=False):
        """``part[name]`` checked as ``kind`` (count, amount, share, text), or None."""
        value = part.get(name)
        if value is None:
            if required:
                self.fail("aside.summary_missing", field=f"{where}.{name}")
            return None
        if _fits(value, kind):
            return int(value) if kind == "count" else value
        self.fail("aside.summary_value", field=f"{where}.{name}", kind=kind, value=_shown(value))
        return None


def _fits(value, kind: str) -> bool:
    if kind == "text":
        return isinstance(value, str)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if value != value or abs(value) > _ABSURD:  # NaN, infinite, or an int past any float
        return False
    if kind == "count":
        return value >= 0 and float(value).is_integer()
    return 0 <= value <= 1 if kind == "share" else value >= 0  # amount


def _shown(value) -> str:
    """A value as a reason quotes it: short, one line."""
    text = json.dumps(value, ensure_ascii=False, default=str) if value is not None else "null"
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass(frozen=True)
class SummaryEvent:
    """``summary.json``'s ``event``: ``id``, ``name``, ``timezone``, ``start``, ``end`` (ISO
    8601 text) and ``risk_levels`` (level → [lowest, highest] score, or None)."""

    id: str
    name: str | None = None
    timezone: str | None = None
    start: str | None = None
    end: str | None = None
    risk_levels: tuple[tuple[str, tuple[int, int]], ...] | None = None


@dataclass(frozen=True)
class SummaryTotals:
    """``summary.json``'s ``totals``: counts and hours of the event (None when not given)."""

    incidents: int | None = None
    disruptions: int | None = None
    incidents_in_windows: int | None = None
    disruptions_in_windows: int | None = None
    officer_hours: float | None = None
    personnel: int | None = None
    windows: int | None = None
    ring_hours: float | None = None


_TOTAL_KINDS = {
    "incidents": "count", "disruptions": "count", "incidents_in_windows": "count",
    "disruptions_in_windows": "count", "officer_hours": "amount", "personnel": "count",
    "windows": "count", "ring_hours": "amount",
}  # fmt: skip


@dataclass(frozen=True)
class SummaryPrediction:
    """``summary.json``'s ``prediction``: the 2×2 counts of windows and the scores the
    readers show (None when not computed)."""

    flag_level: str | None = None
    windows: int | None = None
    hits: int | None = None
    misses: int | None = None
    false_alarms: int | None = None
    correct_negatives: int | None = None
    pod: float | None = None
    far: float | None = None
    pai: float | None = None
    auc: float | None = None
    auc_ci_low: float | None = None
    auc_ci_high: float | None = None


_PREDICTION_KINDS = {
    "flag_level": "text", "windows": "count", "hits": "count", "misses": "count",
    "false_alarms": "count", "correct_negatives": "count", "pod": "share", "far": "share",
    "pai": "amount", "auc": "share", "auc_ci_low": "share", "auc_ci_high": "share",
}  # fmt: skip


@dataclass(frozen=True)
class SummaryVerdict:
    """``summary.json``'s ``verdict``: ``grade`` (good, mixed, poor, quiet), its ``label``
    in the report's language, ``evidence`` (thin, sufficient) and ``text``."""

    grade: str | None = None
    label: str | None = None
    evidence: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class ReportSummary:
    """One report's ``summary.json``, checked and typed.

    Attributes
    ----------
    event : SummaryEvent
    totals : SummaryTotals
    prediction : SummaryPrediction
    verdict : SummaryVerdict
    schema_version : str or None
    body : mapping
        The whole summary as written (read-only); :meth:`to_dict` gives a copy.

    Examples
    --------
    >>> summary = ReportSummary.from_dict({"event": {"id": "a"}, "totals": {"incidents": 3}},
    ...                                   strict=False)
    >>> summary.event.id, summary.totals.incidents, summary.prediction.auc
    ('a', 3, None)
    """

    event: SummaryEvent
    totals: SummaryTotals
    prediction: SummaryPrediction
    verdict: SummaryVerdict
    schema_version: str | None
    body: Mapping = field(repr=False, compare=False, hash=False)

    @property
    def event_id(self) -> str:
        return self.event.id

    def to_dict(self) -> dict:
        """The ``summary.json`` body (a copy; the layout of DESIGN §5)."""
        return copy.deepcopy(dict(self.body))

    @classmethod
    def from_dict(
        cls, body: Mapping, *, strict: bool = True, folder: str | os.PathLike = "", _own=False
    ) -> ReportSummary:
        """Check ``body`` and type what the readers use.

        Parameters
        ----------
        body : mapping
            A ``summary.json`` body.
        strict : bool, default True
            Refuse a missing section, an unknown ``schema_version`` or a value out of type
            or range (a report folder being read). False reads what is there and leaves the
            rest None (a hand-made summary given to a chart).
        folder : path, optional
            The report folder, for the error.

        Raises
        ------
        ReportFolderError
            When ``strict`` and the body is not what a review writes.
        """
        from sra_analysis.event import event_id_problem

        folder = str(folder)
        if not isinstance(body, Mapping):
            raise ReportFolderError(
                folder, "aside.summary_value", field="(top)", kind="object", value=_shown(body)
            )
        raw_event = body.get("event")
        raw_id = raw_event.get("id") if isinstance(raw_event, Mapping) else None
        named = isinstance(raw_id, str) and not event_id_problem(raw_id)
        reader = _Reader(folder, raw_id if named else None, strict=strict)
        version = body.get("schema_version")
        if strict and version is None:
            reader.fail("aside.no_schema_version", known=KNOWN_SCHEMA_VERSIONS[-1])
        if strict and version not in KNOWN_SCHEMA_VERSIONS:
            reader.fail(
                "aside.schema_version", found=_shown(version).strip('"'),
                known=KNOWN_SCHEMA_VERSIONS[-1],
            )  # fmt: skip
        event = _event(reader.section(body, "event"), reader)
        totals = reader.section(body, "totals")
        prediction = reader.section(body, "prediction")
        verdict = reader.section(body, "verdict")
        required = ("incidents", "disruptions", "officer_hours")
        return cls(
            event=event,
            totals=SummaryTotals(
                **{
                    name: reader.value(totals, "totals", name, kind, required=name in required)
                    for name, kind in _TOTAL_KINDS.items()
                }
            ),  # fmt: skip
            prediction=SummaryPrediction(
                **{
                    name: reader.value(prediction, "prediction", name, kind)
                    for name, kind in _PREDICTION_KINDS.items()
                }
            ),  # fmt: skip
            verdict=SummaryVerdict(
                **{
                    f.name: reader.value(verdict, "verdict", f.name, "text")
                    for f in fields(SummaryVerdict)
                }
            ),  # fmt: skip
            schema_version=version if isinstance(version, str) else None,
            body=MappingProxyType(body if _own else copy.deepcopy(dict(body))),
        )

    @classmethod
    def from_file(cls, path: str | os.PathLike) -> ReportSummary:
        """Read ``summary.json`` at ``path`` as untrusted input.

        Its size (:data:`MAX_SUMMARY_BYTES`) and nesting depth (:data:`MAX_SUMMARY_DEPTH`)
        are checked before it is parsed; ``NaN`` and ``Infinity`` are refused; then
        :meth:`from_dict` checks it strictly.

        Raises
        ------
        ReportFolderError
            Naming the report folder, its event (when the file gives one) and the reason.
        """
        path = Path(path)
        folder = str(path.parent)
        try:
            size = path.stat().st_size
            if size > MAX_SUMMARY_BYTES:
                raise ReportFolderError(
                    folder, "aside.too_large", file=_FILE, size=f"{size / 2**20:.1f}",
                    limit=MAX_SUMMARY_BYTES // 2**20,
                )  # fmt: skip
            data = path.read_bytes()[: MAX_SUMMARY_BYTES + 1]
        except OSError as error:
            raise ReportFolderError(
                folder, "aside.not_json", file=_FILE, detail=error.strerror or type(error).__name__
            ) from None
        if json_depth(data) > MAX_SUMMARY_DEPTH:
            raise ReportFolderError(folder, "aside.too_deep", file=_FILE, limit=MAX_SUMMARY_DEPTH)
        try:
            body = json.loads(data.decode("utf-8"), parse_constant=_refuse_constant)
        except (ValueError, RecursionError) as error:
            detail = str(error).splitlines()[0][:80] if str(error) else type(error).__name__
            raise ReportFolderError(folder, "aside.not_json", file=_FILE, detail=detail) from None
        return cls.from_dict(body, folder=folder, _own=True)  # parsed here: no one else holds it

    @classmethod
    def from_evaluation(cls, review, *, lang: str = "en", slice: Mapping | None = None):
        """The summary of ``review`` (an :class:`~sra_analysis.review.evaluate.Evaluation`),
        its texts in ``lang``; ``slice`` (rings, start, end) says which part of the event
        the numbers are about when the review covered only part of it."""
        body = review.to_dict(lang=lang)
        if slice is not None:
            body["provenance"]["parameters"]["slice"] = dict(slice)
        return cls.from_dict(body)


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


_EVENT_TEXTS = ("name", "timezone", "start", "end")


def _event(part: Mapping, reader: _Reader) -> SummaryEvent:
    from sra_analysis.event import event_id_problem

    event_id = part.get("id")
    if not isinstance(event_id, str) or event_id_problem(event_id):  # it names folders, links
        reader.fail(
            "aside.summary_value", field="event.id", kind="event_id", value=_shown(event_id)
        )
        event_id = str(event_id) if event_id is not None else ""
    texts = {name: reader.value(part, "event", name, "text") for name in _EVENT_TEXTS}
    return SummaryEvent(id=event_id, **texts, risk_levels=_risk_levels(part, reader))


def _risk_levels(part: Mapping, reader: _Reader):
    """``event.risk_levels`` as ((level, (low, high)), ...), or None when absent or bad."""
    levels = part.get("risk_levels")
    if levels is None or levels == {}:  # none written: the events' bandings cannot be compared
        return None
    bands = levels.items() if isinstance(levels, Mapping) else [(None, None)]
    if all(
        isinstance(band, (list, tuple)) and len(band) == 2 and all(_fits(b, "count") for b in band)
        for _, band in bands
    ):
        return tuple((str(level), (int(band[0]), int(band[1]))) for level, band in bands)
    reader.fail(
        "aside.summary_value", field="event.risk_levels", kind="object", value=_shown(levels)
    )
    return None


def report_summaries(items: Iterable[ReportSummary | Mapping]) -> list[ReportSummary]:
    """``items`` as report summaries: a :class:`ReportSummary` as it is, a mapping read as
    a hand-made summary (``from_dict(..., strict=False)``).

    Examples
    --------
    >>> [s.event.id for s in report_summaries([{"event": {"id": "a"}}])]
    ['a']
    """
    return [
        item if isinstance(item, ReportSummary) else ReportSummary.from_dict(item, strict=False)
        for item in items
    ]
