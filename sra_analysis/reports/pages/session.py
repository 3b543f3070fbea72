"""A review notebook's one setup call, and its headings.

Every shipped notebook starts the same way: check the parameters, load the event (narrowed to
a slice when asked), score its SRA, write ``summary.json`` when asked (and beside it the
roll-up's tables and ``improvement_plan.xlsx``). :func:`start_review`
does all of it and returns a :class:`ReviewSession`, so a notebook is a parameters cell, one
call to it, then calls into the package. It displays nothing: figures carry their data, and
the HTML export adds plotly.js (:mod:`sra_analysis.reports.batch.report_html`).

Headings are written once, as a label key: :func:`heading` shows the label as Markdown (for
JupyterLab's outline) and as HTML (for the exported report) in one output.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sra_analysis.event import Event
from sra_analysis.labels import t
from sra_analysis.reports.html_tables import esc, tables_folder
from sra_analysis.reports.parameters import ReportParameters, check_parameters
from sra_analysis.review.evaluate import Evaluation

__all__ = ["ReviewSession", "heading", "start_review"]


def heading(key: str, lang: str = "en", *, level: int = 2) -> None:
    """Show the label ``key`` as a heading: Markdown for JupyterLab, HTML for the report.

    One display output carries both forms (``text/markdown`` and ``text/html``), so the
    heading is written once, as a key of :mod:`sra_analysis.labels`, in every language.
    """
    from IPython.display import display

    if level not in range(1, 7):
        from sra_analysis.errors import ParameterError

        raise ParameterError(f"level must be a whole number from 1 to 6, got {level!r}")
    text = esc(t(key, lang))
    display(
        {
            "text/html": f'<div class="sra-report"><h{level}>{text}</h{level}></div>',
            "text/markdown": f"{'#' * level} {text}",
            "text/plain": t(key, lang),
        },
        raw=True,
    )


@dataclass(frozen=True)
class ReviewSession:
    """What a review notebook works with after its setup call.

    Attributes
    ----------
    params : ReportParameters
        The checked parameters.
    event : Event
        The event as reviewed: narrowed to ``rings`` and ``start``–``end`` when a slice was
        asked for (see :func:`sra_analysis.review.slicing.slice_event`).
    whole : Event
        The event as loaded (the same object as ``event`` without a slice).
    review : Evaluation
        ``evaluate(event, ...)`` with the parameters' flag level, window length and seed.
    tables : Path or None
        Where full tables of capped ones go (``tables/`` beside ``summary_path``), or None.
    plan : Path or None
        The improvement plan written beside ``summary_path``
        (:func:`~sra_analysis.reports.files.plan_path`), or None when no summary was asked.
    """

    params: ReportParameters
    event: Event
    whole: Event
    review: Evaluation
    tables: Path | None
    plan: Path | None = None

    @property
    def lang(self) -> str:
        return self.params.lang

    @property
    def sliced(self) -> bool:
        """Whether the review covers only part of the event."""
        return self.event is not self.whole

    def heading(self, key: str, *, level: int = 2) -> None:
        """:func:`heading` in the session's language."""
        heading(key, self.lang, level=level)

    def narrow(
        self,
        *,
        rings: Sequence[str] | None = None,
        start="",
        end="",
        categories: Sequence[str] | None = None,
    ) -> ReviewSession:
        """The review of one part of this session's event, scored with the same parameters.

        The event is narrowed by :func:`sra_analysis.review.slicing.slice_event` (rings,
        a time span, incident categories) and evaluated again; ``whole`` stays the event
        as loaded, and nothing is written (no ``summary.json``, no full tables).

        Returns
        -------
        ReviewSession
            This session itself when nothing narrows it.

        Raises
        ------
        ParameterError
            As :func:`~sra_analysis.review.slicing.slice_event` does.

        Examples
        --------
        >>> session = start_review(n_resamples=0)
        >>> part = session.narrow(rings=["1"], categories=["Witness_dispute"])
        >>> part.event.meta.ring_ids, sorted(part.event.incidents["incident_id"]), part.sliced
        (('1',), ['INC-006', 'INC-010', 'INC-015', 'INC-026', 'INC-034'], True)
        >>> session.narrow() is session
        True
        """
        from sra_analysis.review.evaluate import evaluate
        from sra_analysis.review.slicing import slice_event

        if not (rings or _given(start) or _given(end) or categories):
            return self
        event = slice_event(self.event, rings=rings, start=start, end=end, categories=categories)
        review = evaluate(
            event,
            flag_level=self.params.flag_level,
            freq=self.params.freq,
            n_resamples=self.params.n_resamples,
            seed=self.params.seed,
        )
        return dataclasses.replace(self, event=event, review=review, tables=None)


def start_review(
    *,
    event_dir="",
    lang="en",
    flag_level="",
    freq="1h",
    n_resamples=1000,
    seed=0,
    summary_path="",
    rings: Sequence[str] | None = None,
    start="",
    end="",
) -> ReviewSession:
    """Check a notebook's parameters, load and score the event: the notebook's setup cell.

    Parameters
    ----------
    event_dir, lang, flag_level, freq, n_resamples, seed, summary_path
        The notebook parameters, checked by
        :func:`~sra_analysis.reports.parameters.check_parameters`.
    rings : list of str, optional
        Review only these rings (ids, names or aliases); empty reviews every ring.
    start, end : str, optional
        Review only this span (local times such as ``"2024-03-02 08:00"``); empty means the
        event's start or end.

    Returns
    -------
    ReviewSession

    Raises
    ------
    ParameterError
        Naming the parameter, the allowed values and the value received.

    Examples
    --------
    >>> session = start_review(n_resamples=0, rings=["3"])
    >>> session.event.meta.ring_ids, session.whole.meta.ring_ids, session.sliced
    (('3',), ('1', '2', '3'), True)
    """
    from sra_analysis.io.load import load_event
    from sra_analysis.reports.files import plan_path, write_event_tables, write_json_atomic
    from sra_analysis.reports.pages.improvement_plan import staffing_units, write_improvement_plan
    from sra_analysis.review.evaluate import evaluate
    from sra_analysis.review.slicing import slice_event
    from sra_analysis.rollup.artefacts import event_tables

    params = check_parameters(
        event_dir=event_dir,
        lang=lang,
        flag_level=flag_level,
        freq=freq,
        n_resamples=n_resamples,
        seed=seed,
        summary_path=summary_path,
    )
    whole = load_event(params.event_dir)
    event = whole
    if rings or _given(start) or _given(end):
        event = slice_event(whole, rings=rings, start=start, end=end)
    tables = tables_folder(params.summary_path)  # cleared; holds full tables of capped ones
    review = evaluate(
        event,
        flag_level=params.flag_level,
        freq=params.freq,
        n_resamples=params.n_resamples,
        seed=params.seed,
    )
    plan = None
    if params.summary_path:
        from sra_analysis.report_summary import ReportSummary

        part = None
        if event is not whole:  # say which part of the event the numbers are about
            part = {
                "rings": list(event.meta.ring_ids),
                "start": event.meta.start.isoformat(),
                "end": event.meta.end.isoformat(),
            }
        # the one writer of summary.json; it refuses what its reader would refuse
        summary = ReportSummary.from_evaluation(review, lang=params.lang, slice=part)
        # the roll-up across events reads these instead of running the event again
        write_event_tables(event_tables(review, event), params.summary_path)
        plan = write_improvement_plan(
            review, plan_path(params.summary_path), lang=params.lang,
            units=staffing_units(event.staffing),
        )  # fmt: skip
        write_json_atomic(summary.to_dict(), params.summary_path)
    return ReviewSession(
        params=params, event=event, whole=whole, review=review, tables=tables, plan=plan
    )


def _given(value) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())
