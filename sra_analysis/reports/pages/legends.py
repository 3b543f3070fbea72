"""The report's notes on its own yardsticks: the severity scale, how disruptions were
decided, where the plan line comes from, and planned against served per ring.

Each helper returns an escaped HTML fragment (empty when there is nothing to say); the
display helpers of :mod:`sra_analysis.reports.pages.present` and
:mod:`sra_analysis.reports.pages.focus`
place them, so no notebook changes to show them.
"""

from __future__ import annotations

import pandas as pd

from sra_analysis.labels import t
from sra_analysis.labels.formats import format_range
from sra_analysis.levels import severity_scale
from sra_analysis.reports.html_tables import esc, html_table, number_text
from sra_analysis.review.evaluate import Evaluation

__all__ = [
    "disruption_rule_note",
    "plan_source_note",
    "plan_vs_served_html",
    "severity_legend",
]


def severity_legend(lang: str = "en") -> str:
    """The severity scale as a small table: level, name, what it means.

    Examples
    --------
    >>> "sangat berat" in severity_legend("id")
    True
    """
    scale = severity_scale(lang)
    frame = pd.DataFrame(
        {
            t("severity.col.level", lang): scale["severity"].astype(str),
            t("severity.col.name", lang): scale["name"],
            t("severity.col.meaning", lang): scale["description"],
        }
    )
    return f'<h4 class="sra-legend">{esc(t("severity.legend", lang))}</h4>' + html_table(
        frame, lang=lang
    )


def disruption_rule_note(review: Evaluation, *, lang: str = "en") -> str:
    """One sentence when severity decided whether some incidents were disruptions: the
    threshold and how many incidents it decided; empty when the log said for every one.

    Examples
    --------
    >>> from sra_analysis.reports.pages.session import start_review
    >>> disruption_rule_note(start_review(n_resamples=0).review)  # the sample says for each
    ''
    """
    rule = review.totals.get("disruption_rule")
    if not rule or rule["source"] == "column":
        return ""
    text = t(
        f"severity.rule.{rule['source']}", lang, threshold=rule["threshold"],
        decided=number_text(rule["decided_by_rule"], lang=lang),
        incidents=number_text(review.totals["incidents"], lang=lang),
    )  # fmt: skip
    return f'<p class="sra-note">{esc(text)}</p>'


def plan_source_note(review: Evaluation, *, lang: str = "en") -> str:
    """Where the plan line comes from, and event.yaml's planned personnel against the
    distinct officers who served, as two sentences."""
    plan = review.staffing_plan
    source = plan.get("source")
    if source is None:
        return ""
    lines = [t(f"staffing_plan.source.{source}", lang, file=plan.get("file") or "")]
    served = plan.get("served_personnel")
    if served is not None:
        planned = plan.get("planned_personnel")
        key = "staffing_plan.personnel_unplanned" if planned is None else "staffing_plan.personnel"
        lines.append(
            t(key, lang, planned=number_text(planned, lang=lang),
              served=number_text(served, lang=lang))
        )  # fmt: skip
    return f'<p class="sra-note">{esc(" ".join(lines))}</p>'


def plan_vs_served_html(review: Evaluation, *, lang: str = "en") -> str:
    """Planned against served officer-hours per ring, with the plan's and the headcount's
    lowest and highest (``summary.json``'s ``staffing_plan.by_ring``); empty without a plan."""
    rows = review.staffing_plan.get("by_ring") or []
    if not rows:
        return ""
    meta = review.meta
    table = pd.DataFrame(rows)
    columns = {
        "planned_hours": t("staffing_plan.col.planned_hours", lang),
        "planned_officer_hours": t("staffing_plan.col.planned_officer_hours", lang),
        "served_officer_hours": t("staffing_plan.col.served_officer_hours", lang),
        "shortfall_officer_hours": t("staffing_plan.col.shortfall", lang),
    }
    frame = pd.DataFrame(
        {
            t("ring", lang): [
                meta.ring(r).label(lang) if meta is not None else r for r in table["ring"]
            ],
            t("staffing_plan.col.planned_officers", lang): [
                format_range(a, b, lang=lang, digits=0)
                for a, b in zip(table["planned_min"], table["planned_max"], strict=True)
            ],
            t("staffing_plan.col.served_range", lang): [
                format_range(a, b, lang=lang, digits=0)
                for a, b in zip(table["served_min"], table["served_max"], strict=True)
            ],
            **{label: table[name] for name, label in columns.items()},
        }
    )
    numeric = list(frame.columns[1:])
    return f"<h4>{esc(t('staffing_plan.heading', lang))}</h4>" + html_table(
        frame, numeric=numeric, digits=0, lang=lang
    )
