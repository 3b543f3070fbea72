"""The after-action review in the report: summary, chronology, strengths, improvements and
the improvement plan.

Each helper displays one escaped HTML fragment built from :attr:`Evaluation.aar`
(:mod:`sra_analysis.review.aar`); each section carries the anchor id the summary's sentences
link to. Text from input files (threats, categories, descriptions) is escaped here.
"""

from __future__ import annotations

import os
from urllib.parse import quote

import pandas as pd

from sra_analysis.labels import level_label, t
from sra_analysis.labels.formats import format_datetime
from sra_analysis.reports.html_tables import (
    FINDING_LIMIT,
    MISSING,
    capped_table,
    clip,
    esc,
    html_table,
    number_text,
    show_html,
)
from sra_analysis.review.aar import ANCHORS, category_text
from sra_analysis.review.aar.text import Span, ring_text
from sra_analysis.review.evaluate import Evaluation

__all__ = ["PLAN_ANCHOR", "chronology", "findings_to_act_on", "improvement_plan", "summary_html"]

#: Id of the improvement plan's heading in a report.
PLAN_ANCHOR = "aar-plan"

_DESCRIPTION_LIMIT = 140


def summary_html(review: Evaluation, *, lang: str = "en") -> str:
    """The grade as a word and the summary's sentences, each linked to its evidence."""
    aar = review.aar
    link = esc(t("aar.evidence", lang))
    items = "".join(
        f'<li>{esc(line.text(lang))} <a href="#{esc(line.anchor)}">{link}</a></li>'
        for line in aar.summary
    )
    return (
        f'<div class="sra-verdict {esc(aar.grade)}" id="{ANCHORS["summary"]}">'
        f"<b>{esc(t('aar.grade', lang))}: {esc(aar.label(lang))}</b>"
        f"<ul>{items}</ul></div>"
    )


def _minutes(value: float, lang: str) -> str:
    if pd.isna(value):
        return MISSING
    return f"{number_text(value, lang=lang)} {t('aar.word.minutes', lang)}"


def _episode_line(episode, review: Evaluation, lang: str) -> str:
    meta = review.meta
    rings = ", ".join(
        f"{ring_text(r, meta, lang)}: {level_label(level, lang) if level else MISSING}"
        for r, level in episode.levels_by_ring.items()
    )
    vocabulary = getattr(meta, "vocabulary", None)
    categories = ", ".join(category_text(c, lang, vocabulary) for c in episode.categories)
    facts = t(
        "aar.episode.facts",
        lang,
        incidents=number_text(episode.incident_count, lang=lang),
        disruptions=number_text(episode.disruptions, lang=lang),
        response=_minutes(episode.response_minutes, lang),
        resolution=_minutes(episode.resolution_minutes, lang),
    )
    return (
        f'<li class="sra-finding note" id="{esc(episode.anchor)}"><b>{esc(episode.id)}</b> · '
        f"{esc(Span(episode.start, episode.end).text(lang))} · {esc(categories)}<br>"
        f"{esc(t('aar.episode.levels', lang))}: {esc(rings)}. {esc(facts)}</li>"
    )


#: Episodes listed, and areas for improvement shown (in the list and in the plan's table),
#: before the rest is counted: an event of many thousand incidents keeps a report one can open;
#: every improvement stays in improvement_plan.xlsx, every significant incident in the table.
SHOWN_EPISODES = 30
SHOWN_IMPROVEMENTS = 30
#: Significant incidents shown in the chronology's table (the full table goes to its CSV).
SHOWN_SIGNIFICANT = 60


def _more(key: str, count: int, lang: str) -> str:
    return f'<li class="sra-muted">{esc(t(key, lang, count=number_text(count, lang=lang)))}</li>'


def chronology(
    review: Evaluation, *, lang: str = "en", tables_dir: str | os.PathLike | None = None
) -> None:
    """The episodes, one line each with their span, rings and the level the SRA gave them,
    then the significant incidents in time order (capped; the full table to
    ``<tables_dir>/chronology.csv``)."""
    aar = review.aar
    head = (
        f'<h2 id="{ANCHORS["chronology"]}">{esc(t("aar.section.chronology", lang))}</h2>'
        f'<p class="sra-muted">{esc(t("aar.chronology.rule", lang, **_rule(aar, lang)))}</p>'
    )
    if not aar.episodes:
        show_html(head + f'<p class="sra-muted">{esc(t("report.none", lang))}</p>')
        return
    linked = {line.anchor for line in aar.summary}  # the summary's links always land
    listed = [e for n, e in enumerate(aar.episodes, 1) if n <= SHOWN_EPISODES or e.anchor in linked]
    lines = "".join(_episode_line(e, review, lang) for e in listed)
    if len(aar.episodes) > len(listed):
        lines += _more("aar.more_episodes", len(aar.episodes) - len(listed), lang)
    rows = aar.incidents
    yes, no = t("aar.word.yes", lang), t("aar.word.no", lang)
    frame = pd.DataFrame(
        {
            t("aar.col.episode", lang): rows["episode"],
            t("time", lang): [format_datetime(v, lang=lang) for v in rows["reported_at"]],
            t("ring", lang): rows["ring"],
            t("category", lang): [
                category_text(c, lang, getattr(review.meta, "vocabulary", None))
                for c in rows["category"]
            ],
            t("severity", lang): rows["severity"],
            t("disruptions", lang): [yes if d else no for d in rows["disrupted_proceedings"]],
            t("predicted_level", lang): [
                level_label(v, lang) if isinstance(v, str) else MISSING
                for v in rows["predicted_level"]
            ],
            t("aar.col.response", lang): [
                MISSING if pd.isna(v) else number_text(v, lang=lang)
                for v in rows["response_minutes"]
            ],
            t("description", lang): [clip(v, _DESCRIPTION_LIMIT) for v in rows["description"]],
        }
    )
    table = capped_table(
        frame, name="chronology", lang=lang, tables_dir=tables_dir, max_rows=SHOWN_SIGNIFICANT
    )
    show_html(head + f"<ul>{lines}</ul>" + table)


def _rule(aar, lang: str) -> dict:
    return {
        "severity": aar.parameters.get("min_severity"),
        "gap": number_text(aar.parameters.get("max_gap_minutes"), lang=lang),
    }


def findings_to_act_on(review: Evaluation, *, lang: str = "en") -> None:
    """Strengths to sustain, then the areas for improvement with root cause, recommended
    action, capability element and priority, then the neutral notes."""
    aar = review.aar
    none = f'<p class="sra-muted">{esc(t("report.none", lang))}</p>'
    strengths = "".join(
        f'<li class="sra-finding strength"><b>{esc(t(f"aar.kind.{s.kind}", lang))}.</b> '
        f"{esc(s.text(lang))}</li>"
        for s in aar.strengths
    )
    parts = [
        f'<h2 id="{ANCHORS["strengths"]}">{esc(t("aar.section.strengths", lang))}</h2>',
        f"<ul>{strengths}</ul>" if strengths else none,
        f'<h2 id="{ANCHORS["improvements"]}">{esc(t("aar.section.improvements", lang))}</h2>',
    ]
    items = []
    linked = {line.anchor for line in aar.summary}  # the summary's links always land
    for number, i in enumerate(aar.improvements, start=1):
        if number > SHOWN_IMPROVEMENTS and i.anchor not in linked:
            continue
        label = (
            f"{number}. {t(f'aar.kind.{i.kind}', lang)} · {t('aar.col.priority', lang)}: "
            f"{t(f'aar.priority.{i.priority}', lang)} · {t('aar.col.capability', lang)}: "
            f"{t(f'aar.capability.{i.capability_element}', lang)}"
        )
        if i.episode:
            label += f" · {t('aar.col.episode', lang)} {i.episode}"
        items.append(
            f'<li class="sra-finding improvement" id="{esc(i.anchor)}"><b>{esc(label)}</b><br>'
            f"{esc(i.text(lang))}<br><i>{esc(t('aar.col.root_cause', lang))}:</i> "
            f"{esc(i.root_cause.text(lang))}<br><b>{esc(t('aar.col.action', lang))}:</b> "
            f"{esc(i.recommended_action.text(lang))}</li>"
        )
    hidden = len(aar.improvements) - len(items)
    if hidden:
        items.append(_more("aar.more_improvements", hidden, lang))
    parts.append(f"<ul>{''.join(items)}</ul>" if items else none)
    if aar.notes:
        notes = "".join(f'<li class="sra-finding note">{esc(n.text(lang))}</li>' for n in aar.notes)
        parts.append(f"<h3>{esc(t('aar.section.notes', lang))}</h3><ul>{notes}</ul>")
    show_html("".join(parts))


def improvement_plan(
    review: Evaluation, *, lang: str = "en", workbook: str | os.PathLike | None = None
) -> None:
    """The improvement plan: one row per area for improvement, in the order and words of
    ``improvement_plan.xlsx`` (:func:`~sra_analysis.reports.pages.improvement_plan.
    improvement_plan_rows`): number, finding, recommended action, capability element and
    priority, then the responsible unit, start, due date and status left blank to fill in.

    With ``workbook`` (where the notebook wrote ``improvement_plan.xlsx``) a link to it comes
    first, relative to the report beside it.
    """
    from sra_analysis.reports.files import placed_name
    from sra_analysis.reports.pages.improvement_plan import improvement_plan_rows

    parts = [f'<h2 id="{PLAN_ANCHOR}">{esc(t("section.plan", lang))}</h2>']
    if workbook is not None:
        name = placed_name(workbook)
        parts.append(
            f'<p class="sra-plan-file"><a href="{esc(quote(name))}">{esc(t("plan.link", lang))}'
            f"</a> ({esc(name)})</p>"
        )
    rows = improvement_plan_rows(review, lang=lang)
    if rows.empty:
        parts.append(f'<p class="sra-muted">{esc(t("plan.none", lang))}</p>')
    blank = [""] * len(rows)
    frame = pd.DataFrame(
        {
            t("plan.col.number", lang): [str(n) for n in range(1, len(rows) + 1)],
            t("col.finding", lang): rows["finding"],
            t("aar.col.action", lang): rows["recommended_action"],
            t("aar.col.capability", lang): [
                t(f"aar.capability.{c}", lang) for c in rows["capability_element"]
            ],
            t("aar.col.priority", lang): [t(f"aar.priority.{p}", lang) for p in rows["priority"]],
            t("plan.col.unit", lang): blank,
            t("plan.col.start", lang): blank,
            t("plan.col.due", lang): blank,
            t("col.status", lang): blank,
        }
    )
    if not rows.empty:
        shown = frame.head(SHOWN_IMPROVEMENTS)
        parts.append(html_table(shown, text_limit=FINDING_LIMIT, lang=lang))
    if len(rows) > SHOWN_IMPROVEMENTS:
        more = len(rows) - SHOWN_IMPROVEMENTS
        parts.append(f"<ul>{_more('aar.more_improvements', more, lang)}</ul>")
    show_html("".join(parts))
