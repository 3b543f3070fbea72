"""The roll-up report's setup call and the pieces it shows besides charts.

``rollup_report.ipynb`` is a parameters cell, one call to :func:`start_rollup` (read the
reports, pool them, write ``rollup.json`` when asked) and calls into
:mod:`sra_analysis.reports.pages.rollup_first` (the plain first screen), this module (the analyst
annex) and :mod:`sra_analysis.charts`. Everything shown comes from the one ``results`` dict
that is also written as ``rollup.json``, so the page and the file never disagree.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sra_analysis.labels import check_lang, level_label, t
from sra_analysis.labels.formats import (
    format_date,
    format_percent,
    format_range,
    time_separator,
)
from sra_analysis.report_summary import ReportSummary
from sra_analysis.reports.files import write_json_atomic
from sra_analysis.reports.html_tables import MISSING, clip, esc, html_table, number_text
from sra_analysis.reports.pages.present import show_html
from sra_analysis.reports.pages.rollup_run import rollup_results
from sra_analysis.reports.rollup_inputs import ReportsRead, read_reports
from sra_analysis.rollup.few_events import not_enough
from sra_analysis.rollup.funnel import CaptureFunnel, capture_funnel_of
from sra_analysis.zones import ZONES, zone_label

__all__ = [
    "RollupSession",
    "appendix",
    "banding_table",
    "hot_spans_table",
    "levels_table",
    "never_table",
    "outliers_table",
    "overview",
    "start_rollup",
]

_GRADE_ORDER = ("good", "mixed", "poor", "quiet")


@dataclass(frozen=True)
class RollupSession:
    """What the roll-up notebook works with after its setup call.

    Attributes
    ----------
    read : ReportsRead
        The reports' summaries and pooled tables.
    results : dict
        The roll-up as JSON values (``rollup.json``'s body).
    lang : str
    links_from : Path or None
        The folder the report's links to each event report are relative to (where
        ``rollup.html`` is written), or None for no links.
    funnel : CaptureFunnel or None
        Each event's capture against the pooled capture, computed once for the results and
        the chart.
    """

    read: ReportsRead
    results: dict
    lang: str
    links_from: Path | None
    funnel: CaptureFunnel | None = None

    @property
    def summaries(self) -> list[ReportSummary]:
        """The pooled events' checked summaries."""
        return list(self.read.summaries.values())

    def heading(self, key: str, *, level: int = 2) -> None:
        """Show the label ``key`` as a heading in the session's language."""
        from sra_analysis.reports.pages.session import heading

        heading(key, self.lang, level=level)


def start_rollup(
    reports: Iterable[str | os.PathLike] | str | os.PathLike,
    *,
    lang: str = "en",
    rollup_path: str | os.PathLike = "",
) -> RollupSession:
    """Read the reports under ``reports``, pool them, write ``rollup.json`` when asked.

    Parameters
    ----------
    reports : path or iterable of paths
        Report folders or batch output folders (see
        :func:`~sra_analysis.reports.rollup_inputs.read_reports`).
    lang : {"en", "id"}, default "en"
    rollup_path : path, default ""
        Where to write ``rollup.json``; empty writes nothing. Links to the event reports are
        made relative to its folder.
    """
    lang = check_lang(lang)
    read = read_reports(reports)
    funnel = capture_funnel_of(list(read.summaries.values()))
    results = rollup_results(read, lang=lang, funnel=funnel)
    links_from = None
    if rollup_path:
        write_json_atomic(results, rollup_path)
        links_from = Path(rollup_path).resolve().parent
    return RollupSession(
        read=read, results=results, lang=lang, links_from=links_from, funnel=funnel
    )


def _date(value, lang: str) -> str:
    """An event's start or end (ISO 8601 in summary.json) as a date in the reader's words."""
    stamp = pd.Timestamp(value) if value else pd.NaT
    return MISSING if pd.isna(stamp) else format_date(stamp.date(), lang=lang)


def _answer(results: Mapping, summaries: list[ReportSummary], lang: str) -> tuple[str, list[str]]:
    """The grade of the annex's answer by the pooled tests, and its sentences."""
    lessons = results["lessons"]
    level = next((x for x in lessons if x["kind"] == "levels"), None)
    sentences = [level["text"]] if level else []
    key = (level or {}).get("key", "")
    grade = (
        "good" if key.endswith("levels_meaningful") else "poor" if key.endswith("inverted")
        else "mixed"
    )  # fmt: skip
    funnel = results["funnel"]["events"]
    outside = [e for e in funnel if e.get("outside") == 0.998]
    if outside:
        names = ", ".join(clip(e["event_id"], 60) for e in outside[:8])
        names += "…" if len(outside) > 8 else ""
        sentences.append(
            t("rollup.answer.outliers", lang, count=len(outside), events=len(summaries),
              names=names)
        )  # fmt: skip
        grade = "mixed" if grade == "good" else grade
    else:
        inside95 = sum(1 for e in funnel if e.get("outside") is None)
        sentences.append(
            t("rollup.answer.no_outliers", lang, inside95=inside95, placed=len(funnel))
        )
    grades = Counter(s.verdict.grade for s in summaries)
    thin = sum(1 for s in summaries if s.verdict.evidence == "thin")
    counts = ", ".join(
        f"{grades[g]} {t(f'verdict.grade.{g}', lang)}" for g in _GRADE_ORDER if grades[g]
    )
    sentences.append(
        t("rollup.answer.verdicts", lang, counts=counts, thin=thin, events=len(summaries))
    )
    return grade, sentences


def overview(session: RollupSession) -> None:
    """The analyst annex's opening: are the SRAs right by the pooled tests, the numbers
    behind it, and the lessons for the next SRA with their evidence. The plain first screen
    before it is :func:`sra_analysis.reports.pages.rollup_first.first_screen`."""
    results, lang, summaries = session.results, session.lang, session.summaries
    totals = results["totals"]
    ratio = results["level_rate_ratio"]["disruptions"]
    grade, sentences = _answer(results, summaries, lang)
    outside = sum(1 for e in results["funnel"]["events"] if e.get("outside") == 0.998)
    tiles = [
        (t("rollup.tile.events", lang), number_text(len(summaries), lang=lang)),
        (t("rollup.tile.ring_hours", lang), number_text(totals.get("ring_hours"), lang=lang)),
        (t("incidents", lang), number_text(totals.get("incidents"), lang=lang)),
        (t("disruptions", lang), number_text(totals.get("disruptions"), lang=lang)),
        (
            t("rollup.tile.ratio", lang,
              ci=format_range(ratio.get("ci_low"), ratio.get("ci_high"), lang=lang, digits=1)),
            f"{number_text(ratio['rate_ratio'], 1, lang=lang)}×"
            if ratio.get("rate_ratio") is not None else MISSING,
        ),
        (t("rollup.tile.capture", lang),
         format_percent(results["funnel"]["pooled_capture"], lang=lang)),
        (t("rollup.tile.outside", lang), number_text(outside, lang=lang)),
    ]  # fmt: skip
    tile_html = "".join(
        f'<div class="sra-tile"><div class="v">{esc(v)}</div><div class="k">{esc(k)}</div></div>'
        for k, v in tiles
    )
    lessons = results["lessons"]
    items = "".join(
        f'<li>{esc(x["text"])} <span class="sra-lesson-{"yes" if x["conclusive"] else "no"}">'
        f"({esc(t('rollup.conclusive' if x['conclusive'] else 'rollup.inconclusive', lang))})"
        "</span></li>"
        for x in lessons
        if x["kind"] != "levels"
    )
    plan = f"<ol>{items}</ol>" if items else f"<p>{esc(t('rollup.no_lessons', lang))}</p>"
    show_html(
        f'<div class="sra-verdict {esc(grade)}"><b>{esc(t("rollup.question", lang))}</b> '
        + " ".join(esc(s) for s in sentences)
        + "</div>"
        f'<div class="sra-tiles">{tile_html}</div>'
        f"{_few_events(results, lang)}"
        f"<h2>{esc(t('rollup.changes', lang))}</h2>{plan}"
    )


def _few_events(results: Mapping, lang: str) -> str:
    """A paragraph naming the parts left out because they need two events or more."""
    parts = [results["level_rate_ratio"]["disruptions"], results["funnel"]]
    parts = [part for part in parts if not_enough(part)]
    if not parts:
        return ""
    names = "; ".join(t(f"few_events.part.{part['part']}", lang) for part in parts)
    text = t("few_events.note", lang, found=parts[0]["found"], needed=parts[0]["needed"],
             parts=names)  # fmt: skip
    return f'<p class="sra-note">{esc(text)}</p>'


def levels_table(session: RollupSession) -> None:
    """The level rate ratio for disruptions and incidents, pooled and between events."""
    lang = session.lang
    if not_enough(session.results["level_rate_ratio"]["disruptions"]):
        show_html(_few_events(session.results, lang))
        return
    rows = []
    for outcome, body in session.results["level_rate_ratio"].items():
        between = body["between_events"]
        rows.append({
            t("rollup.col.outcome", lang): t(outcome, lang),
            t("rollup.col.ratio", lang): number_text(body["rate_ratio"], 2, lang=lang),
            t("rollup.col.ci", lang): format_range(body["ci_low"], body["ci_high"], lang=lang,
                                                   digits=2),
            t("rollup.col.model", lang): body["model"],
            t("rollup.col.between", lang): (
                f"{number_text(between['rate_ratio'], 2, lang=lang)} "
                f"({format_range(between['ci_low'], between['ci_high'], lang=lang, digits=2)})"
            ),
            t("rollup.col.i2", lang): format_percent(between["i2"], lang=lang),
            t("rollup.col.events", lang): number_text(body["events"], lang=lang),
            t("rollup.col.windows", lang): number_text(body["windows"], lang=lang),
        })  # fmt: skip
    frame = pd.DataFrame(rows)
    model = session.results["level_rate_ratio"]["disruptions"]["model"]
    show_html(
        html_table(frame, numeric=list(frame.columns[1:3]) + list(frame.columns[5:]), lang=lang)
        + f'<p class="sra-note">{esc(t("rollup.levels_note", lang, model=model))}</p>'
    )


def banding_table(session: RollupSession) -> None:
    """The current and the suggested banding, level by level, when cells were pooled."""
    lang = session.lang
    banding = session.results.get("suggested_banding")
    if not banding:
        show_html(f"<p>{esc(t('rollup.cells_not_pooled', lang))}</p>")
        return
    rows = [
        {
            t("rollup.col.level", lang): level_label(level, lang),
            t("rollup.col.current", lang): "–".join(map(str, banding["current"][level])),
            t("rollup.col.suggested", lang): "–".join(map(str, bounds)),
        }
        for level, bounds in banding["bands"].items()
    ]
    show_html(html_table(pd.DataFrame(rows), lang=lang))


def never_table(session: RollupSession, *, limit: int = 20) -> None:
    """SRA threats that no incident matched in any event, most often rated first."""
    lang = session.lang
    never = pd.DataFrame(session.results["never_materialised"])
    if never.empty:
        show_html(f"<p>{esc(t('rollup.none_never', lang))}</p>")
        return
    frame = pd.DataFrame({
        t("rollup.col.threat", lang): never["threat"],
        t("rollup.col.registers", lang): never["events"],
        t("rollup.col.usual_level", lang): [level_label(x, lang) for x in never["highest_level"]],
        t("rollup.col.upper", lang): never["per_event_upper"].round(2),
    }).head(limit)  # fmt: skip
    show_html(html_table(frame, numeric=[frame.columns[1], frame.columns[3]], lang=lang))


def hot_spans_table(session: RollupSession) -> None:
    """Runs of hot hours per ring, each with its rate ratio against the ring's other hours;
    rings pool by zone, and a note says which events' rings were pooled by name instead."""
    lang = session.lang
    note = (session.results.get("ring_pooling") or {}).get("note")
    if note:
        show_html(f"<p>{esc(note)}</p>")
    spans = pd.DataFrame(session.results["hot_spans"])
    if spans.empty:
        show_html(f"<p>{esc(t('rollup.no_spans', lang))}</p>")
        return
    colon = time_separator(lang)
    frame = pd.DataFrame({
        t("ring", lang): [_ring_shown(r, n, lang) for r, n in
                          zip(spans["ring"], spans["ring_name"].fillna(""), strict=True)],
        t("rollup.col.span", lang): [f"{a:02d}{colon}00–{b:02d}{colon}59" for a, b in
                                     zip(spans["first_hour"], spans["last_hour"], strict=True)],
        t("rollup.col.ratio", lang): spans["rate_ratio"].round(2),
        t("rollup.col.ci", lang): [format_range(a, b, lang=lang, digits=2) for a, b in
                                   zip(spans["ci_low"], spans["ci_high"], strict=True)],
        t("rollup.col.events", lang): spans["events"],
        t("rollup.col.usual_level", lang): [level_label(x, lang) if isinstance(x, str) else MISSING
                                            for x in spans["usual_level"]],
    })  # fmt: skip
    show_html(html_table(frame, numeric=[frame.columns[2], frame.columns[4]], lang=lang))


def _ring_shown(ring: str, name: str, lang: str) -> str:
    """A pooled ring as the reader sees it: a zone as its label, else number and name."""
    if ring in ZONES:
        return zone_label(ring, lang)
    return f"{ring} · {name}" if name and name != ring else ring


def outliers_table(session: RollupSession) -> None:
    """The events outside the funnel's 95% limits, furthest out first: capture, the share of
    windows flagged, the capture that share implies, and the side of the funnel."""
    lang = session.lang
    if not_enough(session.results["funnel"]):
        show_html(_few_events(session.results, lang))
        return
    funnel = pd.DataFrame(session.results["funnel"]["events"])
    if funnel.empty or funnel["outside"].isna().all():
        show_html(f"<p>{esc(t('across.funnel.none', lang))}</p>")
        return
    out = funnel[funnel["outside"].notna()].sort_values(["outside", "adjusted_capture"],
                                                        ascending=[False, True])  # fmt: skip
    pooled = session.results["funnel"]["pooled_capture"]
    frame = pd.DataFrame({
        t("event", lang): out["event_id"],
        t("rollup.col.capture", lang): [
            f"{int(f)}/{int(n)} ({format_percent(c, lang=lang)})"
            for f, n, c in zip(out["flagged"], out["disrupted_windows"], out["capture"],
                               strict=True)
        ],
        t("rollup.col.flagged_share", lang): [format_percent(x, lang=lang)
                                              for x in out["flagged_share"]],
        t("rollup.col.expected", lang): [format_percent(x, lang=lang)
                                         for x in out["expected_capture"]],
        t("rollup.col.position", lang): [
            f"{t('across.funnel.above' if c > pooled else 'across.funnel.below', lang)} "
            f"{format_percent(o, lang=lang, digits=1 if o == 0.998 else 0)}"
            for c, o in zip(out["adjusted_capture"], out["outside"], strict=True)
        ],
    })  # fmt: skip
    show_html(html_table(frame, lang=lang))


def _link(session: RollupSession, event_id: str) -> str:
    folder = session.read.folders.get(event_id)
    if session.links_from is None or folder is None:
        return esc(clip(event_id))
    target = Path(folder).resolve() / "report.html"
    href = Path(os.path.relpath(target, session.links_from)).as_posix()
    return f'<a href="{esc(href)}">{esc(clip(event_id))}</a>'


def appendix(session: RollupSession) -> None:
    """The events pooled (linked to their reports) and the folders set aside, with why."""
    lang = session.lang
    links = " · ".join(_link(session, event_id) for event_id in session.read.summaries)
    aside = pd.DataFrame(session.results["set_aside"])
    if aside.empty:
        aside = f"<p>{esc(t('rollup.none_skipped', lang))}</p>"
    else:
        aside = html_table(pd.DataFrame({
            t("event", lang): aside["event"],
            t("rollup.col.folder", lang): [Path(f).name for f in aside["folder"]],
            t("rollup.col.reason", lang): aside["reason"],
        }), lang=lang)  # fmt: skip
    show_html(f"<h3>{esc(t('rollup.event_links', lang))}</h3><p>{links}</p>{aside}")
