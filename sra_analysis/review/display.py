"""How an :class:`~sra_analysis.review.evaluate.Evaluation` shows itself in a notebook.

The default dataclass repr would print every table of the review (about a dozen DataFrames) in
one cell. An evaluation instead shows one line (``repr``), a short text (:meth:`summary`) and,
as a notebook cell's output, a small HTML table of the same facts (``_repr_html_``).
"""

from __future__ import annotations

import html

from sra_analysis.labels import LABELS, level_label, t
from sra_analysis.labels.formats import format_number

__all__ = ["EvaluationDisplay"]

#: Scores the summary names, in order, where the review computed them.
_HEADLINE_SCORES = ("pod", "far", "pai", "auc", "kendall_tau_b")


class EvaluationDisplay:
    """Mixin of :class:`~sra_analysis.review.evaluate.Evaluation`: repr, summary, HTML."""

    def __repr__(self) -> str:
        event = "windows" if self.meta is None else self.meta.id
        counts = self.counts
        return (
            f"Evaluation({event!r}, grade={self.verdict.grade!r}, "
            f"evidence={self.verdict.evidence!r}, windows={counts.windows}, "
            f"disrupted_windows={counts.hits + counts.misses}, "
            f"flagged_windows={counts.hits + counts.false_alarms}, "
            f"findings={len(self.findings)})"
        )

    def summary_rows(self, *, lang: str = "en") -> list[tuple[str, str]]:
        """The summary as (label, value) pairs, in the order :meth:`summary` shows them."""
        counts = self.counts

        def number(value, digits: int = 0) -> str:
            return format_number(value, digits=digits, lang=lang)

        rows = []
        if self.meta is not None:
            rows.append((t("display.event", lang), f"{self.meta.id} — {self.meta.name}"))
        rows += [
            (t("display.verdict", lang), self.verdict.text(lang)),
            (
                t("display.windows", lang),
                t(
                    "display.windows_value",
                    lang,
                    windows=number(counts.windows),
                    hours=number(counts.total_hours, 1),
                    flagged=number(counts.hits + counts.false_alarms),
                    level=level_label(self.flag_level, lang),
                ),
            ),  # fmt: skip
            (
                t("display.disrupted", lang),
                t(
                    "display.disrupted_value",
                    lang,
                    disrupted=number(counts.hits + counts.misses),
                    hits=number(counts.hits),
                    misses=number(counts.misses),
                    disruptions=number(counts.disruptions),
                ),
            ),  # fmt: skip
        ]
        for metric in _HEADLINE_SCORES:
            score = self.score(metric)
            if score.estimate == score.estimate:  # computed
                label = t(f"score.{metric}", lang) if f"score.{metric}" in LABELS else metric
                rows.append((label, number(score.estimate, 2)))
        kinds = [finding.kind for finding in self.findings]
        rows.append(
            (
                t("display.findings", lang),
                t(
                    "display.findings_value",
                    lang,
                    strengths=kinds.count("strength"),
                    improvements=kinds.count("improvement"),
                    notes=kinds.count("note"),
                ),
            )  # fmt: skip
        )
        return rows

    def summary(self, *, lang: str = "en") -> str:
        """A few lines on the review: the event, the verdict, the windows, the disrupted
        windows and how many were flagged, the headline scores and the findings.

        Examples
        --------
        >>> from sra_analysis import evaluate, load_event
        >>> from sra_analysis.resources import sample_dir
        >>> review = evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=0)
        >>> print(review.summary().splitlines()[0][:40])
        Event: purwakarta-2024 — Rapat Pleno Ter
        """
        rows = self.summary_rows(lang=lang)
        return "\n".join(f"{label}: {value}" for label, value in rows)

    def _repr_html_(self) -> str:
        cells = "".join(
            f"<tr><th style='text-align:left'>{html.escape(label)}</th>"
            f"<td style='text-align:left'>{html.escape(value)}</td></tr>"
            for label, value in self.summary_rows()
        )
        return f"<table class='sra-evaluation'>{cells}</table>"
