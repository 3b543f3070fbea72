"""The report's glossary: every term and score it uses, in its language.

The terms and their definitions are the one catalogue of :mod:`sra_analysis.labels.glossary`;
this module only chooses those the review report shows (:data:`REPORT_TERMS`, in the order a
reader meets them, and the grade the review gave) and lays them out as a table.
"""

from __future__ import annotations

import pandas as pd

from sra_analysis.labels import t
from sra_analysis.labels.glossary import glossary
from sra_analysis.reports.html_tables import esc, html_table, show_html
from sra_analysis.review.evaluate import Evaluation

__all__ = ["GLOSSARY_ANCHOR", "REPORT_TERMS", "SCORE_TERMS", "glossary_section", "report_terms"]

#: Id of the glossary's heading in a report.
GLOSSARY_ANCHOR = "glossary"

#: The glossary term of each score of the score table (``Evaluation.score`` names).
SCORE_TERMS: dict[str, str] = {
    "pod": "pod",
    "far": "far",
    "csi": "csi",
    "hss": "heidke",
    "pss": "peirce",
    "pai": "pai",
    "auc": "auc",
    "kendall_tau_b": "tau_b",
    "gk_gamma": "gamma",
    "disruptions_rate_ratio": "rate_ratio",
    "brier": "brier",
}

#: The terms the review report uses (glossary keys), in the order a reader meets them; the
#: grade's own term is added by :func:`report_terms`.
REPORT_TERMS: tuple[str, ...] = (
    "anev", "sra", "pengamanan", "ring", "ring_zone", "zone", "personnel", "officer_hours",
    "staffing_plan", "shortfall", "incident", "disruption", "severity", "significant",
    "episode", "unanticipated", "risk_level", "flag_level", "flagged", "ring_hour", "window",
    "hit", "miss", "false_alarm", "correct_negative", "thin_evidence", "improvement_plan",
    "capability_element", *dict.fromkeys(SCORE_TERMS.values()), "ci", "quarantined",
    "provenance",
)  # fmt: skip


def report_terms(review: Evaluation) -> tuple[str, ...]:
    """The glossary keys of one report: :data:`REPORT_TERMS` with the term of the review's
    grade (``grade_mixed``, ...) before ``thin_evidence``."""
    grade = f"grade_{review.verdict.grade}"
    at = REPORT_TERMS.index("thin_evidence")
    return (*REPORT_TERMS[:at], grade, *REPORT_TERMS[at:])


def glossary_section(review: Evaluation, *, lang: str = "en") -> None:
    """The glossary's heading, a note and the table of the report's terms (term, meaning)
    in ``lang``."""
    keys = report_terms(review)
    table = glossary(lang).set_index("key").loc[list(keys)]
    frame = pd.DataFrame(
        {
            t("glossary.col.term", lang): table["term"].to_numpy(),
            t("glossary.col.definition", lang): table["definition"].to_numpy(),
        }
    )
    show_html(
        f'<h2 id="{GLOSSARY_ANCHOR}">{esc(t("section.glossary", lang))}</h2>'
        f'<p class="sra-muted">{esc(t("glossary.note", lang))}</p>' + html_table(frame, lang=lang)
    )
