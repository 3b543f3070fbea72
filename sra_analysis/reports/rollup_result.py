"""The roll-up across events as a typed result: :func:`rollup_reports` and :class:`Rollup`.

``Rollup.to_dict()`` is ``rollup.json`` (what :func:`~sra_analysis.reports.pages.rollup_run.
rollup_results` gives), and :meth:`Rollup.from_file` reads it back typed, so the CLI and a
script read the events pooled, those set aside, the totals, the level rate ratio and the
lessons by name instead of by key.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from sra_analysis.labels import check_lang, t
from sra_analysis.labels.formats import format_number, format_percent, format_range
from sra_analysis.report_summary import SummaryTotals

__all__ = ["LevelStep", "Rollup", "RollupLesson", "SetAside", "rollup_reports"]


@dataclass(frozen=True)
class SetAside:
    """A report folder the roll-up did not pool: its ``event``, ``folder`` and ``reason``."""

    event: str
    folder: str
    reason: str


@dataclass(frozen=True)
class LevelStep:
    """The rate ratio per step of predicted level for one ``outcome``, pooled over events;
    ``computed`` is False (and the numbers None) when the roll-up had too few events."""

    outcome: str
    computed: bool
    rate_ratio: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    model: str | None = None
    events: int | None = None


@dataclass(frozen=True)
class RollupLesson:
    """One lesson for the next SRA: its ``kind``, ``text`` and whether it is ``conclusive``."""

    kind: str
    text: str
    conclusive: bool


@dataclass(frozen=True)
class Rollup:
    """The roll-up of many events' reports.

    Attributes
    ----------
    events : tuple of str
        The events pooled, in the order read.
    set_aside : tuple of SetAside
        The report folders not pooled, each with its event and why.
    totals : SummaryTotals
        Counted from the pooled tables.
    level_rate_ratio : mapping of str to LevelStep
        ``disruptions`` and ``incidents``.
    pooled_capture : float or None
        Share of disrupted ring-hours the SRAs flagged, over all events (None for one).
    lessons : tuple of RollupLesson
    body : mapping
        ``rollup.json`` whole (read-only); :meth:`to_dict` gives a copy.
    """

    events: tuple[str, ...]
    set_aside: tuple[SetAside, ...]
    totals: SummaryTotals
    level_rate_ratio: Mapping[str, LevelStep]
    pooled_capture: float | None
    lessons: tuple[RollupLesson, ...]
    body: Mapping = field(repr=False, compare=False, hash=False)

    def __repr__(self) -> str:
        return (
            f"Rollup(events={len(self.events)}, set_aside={len(self.set_aside)}, "
            f"lessons={len(self.lessons)})"
        )

    def to_dict(self) -> dict:
        """``rollup.json``'s body (a copy)."""
        return copy.deepcopy(dict(self.body))

    @classmethod
    def from_dict(cls, body: Mapping) -> Rollup:
        """The typed roll-up of a ``rollup.json`` body."""
        ratios = {
            outcome: _level_step(outcome, entry)
            for outcome, entry in (body.get("level_rate_ratio") or {}).items()
        }
        totals = body.get("totals") or {}
        return cls(
            events=tuple(body.get("events") or ()),
            set_aside=tuple(
                SetAside(str(e.get("event")), str(e.get("folder")), str(e.get("reason")))
                for e in body.get("set_aside") or ()
            ),
            totals=SummaryTotals(**{k: totals.get(k) for k in SummaryTotals.__dataclass_fields__}),
            level_rate_ratio=MappingProxyType(ratios),
            pooled_capture=(body.get("funnel") or {}).get("pooled_capture"),
            lessons=tuple(
                RollupLesson(str(x.get("kind")), str(x.get("text")), bool(x.get("conclusive")))
                for x in body.get("lessons") or ()
            ),
            body=MappingProxyType(copy.deepcopy(dict(body))),
        )

    @classmethod
    def from_file(cls, path: str | os.PathLike) -> Rollup:
        """Read ``rollup.json`` at ``path``."""
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def summary_rows(self, *, lang: str = "en") -> list[tuple[str, str]]:
        """The summary as (label, value) pairs, in the order :meth:`summary` shows them."""
        lang = check_lang(lang)
        totals = self.totals

        def number(value, digits: int = 0) -> str:
            return format_number(value, digits=digits, lang=lang)

        rows = [(t("rollup.tile.events", lang), number(len(self.events)))]
        rows += [(t("rollup_summary.set_aside", lang), f"{e.event}: {e.reason}")
                 for e in self.set_aside]  # fmt: skip
        rows += [
            (t("incidents", lang), number(totals.incidents)),
            (t("disruptions", lang), number(totals.disruptions)),
            (t("officer_hours", lang), number(totals.officer_hours)),
        ]
        step = self.level_rate_ratio.get("disruptions")
        if step is not None and step.computed:
            ci = format_range(step.ci_low, step.ci_high, lang=lang, digits=1)
            rows.append((t("rollup.tile.ratio", lang, ci=ci), f"{number(step.rate_ratio, 1)}×"))
        elif step is not None:
            ci = t("rollup_summary.needs_two", lang)
            rows.append((t("rollup.tile.ratio", lang, ci="–"), ci))
        capture = self.pooled_capture
        rows.append((
            t("rollup.tile.capture", lang),
            format_percent(capture, lang=lang) if capture is not None
            else t("rollup_summary.needs_two", lang),
        ))  # fmt: skip
        rows += [(t("rollup_summary.lesson", lang), x.text) for x in self.lessons]
        return rows

    def summary(self, *, lang: str = "en") -> str:
        """A few lines on the roll-up: the events pooled and set aside (with why), the
        pooled counts, the rate ratio per level step, the capture and the lessons.

        Examples
        --------
        >>> rollup = Rollup.from_dict({"events": ["a"], "set_aside": [{"event": "b",
        ...     "folder": "out/b", "reason": "no summary.json"}],
        ...     "totals": {"incidents": 35, "disruptions": 4, "officer_hours": 1168.0},
        ...     "level_rate_ratio": {"disruptions": {"status": "not_enough_events"}},
        ...     "funnel": {"pooled_capture": None}, "lessons": []})
        >>> print(rollup.summary())
        Events pooled: 1
        Set aside: b: no summary.json
        Incidents: 35
        Disruptions: 4
        Officer-hours: 1,168
        Disruption rate per level step (95% CI –): not computed: needs two events or more
        Disrupted ring-hours flagged: not computed: needs two events or more
        """
        return "\n".join(f"{label}: {value}" for label, value in self.summary_rows(lang=lang))


def _level_step(outcome: str, entry: Mapping) -> LevelStep:
    if entry.get("status") == "not_enough_events":
        return LevelStep(outcome=outcome, computed=False)
    return LevelStep(
        outcome=outcome, computed=True, rate_ratio=entry.get("rate_ratio"),
        ci_low=entry.get("ci_low"), ci_high=entry.get("ci_high"), model=entry.get("model"),
        events=entry.get("events"),
    )  # fmt: skip


def rollup_reports(
    folders: Iterable[str | os.PathLike] | str | os.PathLike, *, lang: str = "en"
) -> Rollup:
    """Pool the reports in ``folders`` (report folders or batch output folders) across events.

    Each folder is read as untrusted input
    (:func:`~sra_analysis.rollup.folders.read_report_folder`); one that fails a check is set
    aside with its event and the reason, and the others are pooled.

    Parameters
    ----------
    folders : path or iterable of paths
    lang : {"en", "id"}, default "en"
        The language of the lessons and of the reasons folders were set aside.

    Returns
    -------
    Rollup
        ``to_dict()`` is what ``sra-review rollup`` writes to ``rollup.json``.
    """
    from sra_analysis.reports.pages.rollup_run import rollup_results
    from sra_analysis.reports.rollup_inputs import read_reports

    return Rollup.from_dict(rollup_results(read_reports(folders), lang=check_lang(lang)))
