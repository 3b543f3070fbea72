"""``rollup.json``: the roll-up across events, from the reports a batch already wrote.

:func:`rollup_results` runs the pooled analysis of :mod:`sra_analysis.rollup` on what
:func:`~sra_analysis.reports.rollup_inputs.read_reports` read back — are the levels
meaningful across events, what the SRAs keep missing, where incidents per officer-hour run
high, which events stand out in the funnel, the verdicts, and the lessons for the next SRA —
as plain JSON values. :func:`write_rollup` writes it to ``OUT/rollup.json``
(``sra-review rollup``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sra_analysis.labels import check_lang
from sra_analysis.reports.files import write_json_atomic
from sra_analysis.reports.rollup_inputs import ReportsRead, read_reports

if TYPE_CHECKING:
    from sra_analysis.rollup.funnel import CaptureFunnel

__all__ = ["ROLLUP_SCHEMA_VERSION", "plain", "rollup_results", "write_rollup"]

ROLLUP_SCHEMA_VERSION = "1"


def plain(value):
    """``value`` as JSON values: dataclasses and mappings as objects, tables as lists of
    records, numbers as numbers, and missing or non-finite numbers as ``None``.

    Examples
    --------
    >>> plain({"a": np.float64("nan"), "b": pd.DataFrame({"x": [1, 2]}), "c": (np.int64(3),)})
    {'a': None, 'b': [{'x': 1}, {'x': 2}], 'c': [3]}
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, pd.DataFrame):
        return [plain(row) for row in value.to_dict(orient="records")]
    if isinstance(value, pd.Series):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return [plain(v) for v in value]
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return None if pd.isna(value) else value.isoformat()
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def rollup_results(
    read: ReportsRead, *, lang: str = "en", funnel: CaptureFunnel | None = None
) -> dict:
    """The pooled analysis of the events ``read``, as JSON values.

    Parameters
    ----------
    read : ReportsRead
        The reports' checked summaries and pooled tables.
    funnel : CaptureFunnel, optional
        The funnel of these reports when the caller has computed it (the roll-up notebook
        draws it too); computed here otherwise, so that it is computed once.
    lang : {"en", "id"}, default "en"
        The language of the lessons' text and of the reasons folders were set aside.

    Returns
    -------
    dict
        ``events``, ``set_aside`` (``event``, ``folder``, ``reason``: each report folder not
        pooled and why), ``totals`` (recomputed from the pooled tables; ``personnel`` summed
        from the summaries), ``rates_by_level``, ``level_rate_ratio`` (disruptions and
        incidents, with the between-event heterogeneity), ``missed_categories``,
        ``never_materialised``, ``ring_pooling`` (the events whose rings pool by zone, those
        with rings pooled by name, and the ``note`` saying so), ``hot_spots`` (ring × hour of
        day, rings pooled by zone), ``hot_spans``, ``funnel``, ``verdicts`` and ``lessons``.
        A part that needs two events or more (the level rate ratio, the funnel) is
        ``{"status": "not_enough_events", "part", "found", "needed"}`` in a roll-up of one
        (:class:`~sra_analysis.rollup.few_events.NotEnoughEvents`). For the first screen
        (:func:`sra_analysis.rollup.planner_results`): ``plain_answer``, ``staffing_vs_plan``,
        ``recurring_improvements``, ``recurring_strengths``, ``events_to_review_first`` and
        ``aar_not_read``.
    """
    from sra_analysis import rollup
    from sra_analysis.rollup.few_events import NotEnoughEvents
    from sra_analysis.rollup.funnel import capture_funnel_of

    lang = check_lang(lang)
    windows = read.tables["windows"]
    incidents = read.tables["incidents"]
    register = read.tables["register"]
    summaries = list(read.summaries.values())
    # events number and name their rings differently: a ring is its zone across events
    pooled = rollup.pool_rings(windows, lang=lang)
    ratios = {
        outcome: rollup.level_rate_ratio(pooled, outcome=outcome)
        for outcome in ("disruptions", "incidents")
    }
    missed = rollup.missed_categories(incidents, register, lang=lang)  # pooled by code
    never = rollup.never_materialised(register, incidents)
    spots = rollup.hot_spots(pooled)
    spans = rollup.hot_spans(pooled, spots)
    funnel = (capture_funnel_of(summaries) if funnel is None else funnel).result()
    if isinstance(funnel, NotEnoughEvents):  # one event is its own pool: nothing to place
        funnel_body = {**funnel.to_dict(), "pooled_capture": None, "events": []}
    else:
        funnel_body = {"pooled_capture": funnel.pooled_capture, "events": funnel.table}
    verdicts = Counter((s.verdict.grade, s.verdict.evidence) for s in summaries)
    cells = banding = None
    bandings = {s.event.risk_levels for s in summaries}
    if len(bandings) == 1 and None not in bandings:  # cells pool only under one banding
        bands = {level: list(band) for level, band in summaries[0].event.risk_levels}
        cells = rollup.cell_rates(windows, bands)
        banding = rollup.suggested_banding(cells)
    lessons = rollup.lessons(
        level_ratio=ratios["disruptions"], missed=missed, never=never, spans=spans,
        cells=cells, banding=banding,
    )  # fmt: skip
    return plain(
        {
            "schema_version": ROLLUP_SCHEMA_VERSION,
            "events": list(read.summaries),
            "set_aside": [
                {"event": e.event, "folder": e.folder, "reason": e.reason(lang)}
                for e in read.set_aside
            ],
            "totals": _totals(read),
            "rates_by_level": rollup.rates_by_level(windows),
            "level_rate_ratio": {outcome: _ratio(result) for outcome, result in ratios.items()},
            "cells": cells,
            "suggested_banding": banding,
            "cells_note": None
            if cells is not None
            else (
                "the events band their scores differently (or a summary predates the banding "
                "in summary.json): cells are not pooled"
            ),
            "missed_categories": missed,
            "never_materialised": never,
            "ring_pooling": _ring_pooling(windows, lang),
            "hot_spots": spots,
            "hot_spans": spans,
            "funnel": funnel_body,
            "verdicts": [
                {"grade": grade, "evidence": evidence, "events": n}
                for (grade, evidence), n in sorted(verdicts.items(), key=str)
            ],
            "lessons": [lesson.to_dict(lang=lang) for lesson in lessons],
            # the first screen for a Polda planner: staffing against plan when it mattered,
            # recurring findings, events to look at first, the plain answer
            # the after-action findings are read from each summary's body, checked there
            **rollup.planner_results(
                {event: summary.body for event, summary in read.summaries.items()},
                read.tables,
                lang=lang,
            ),  # fmt: skip
        }
    )


def _totals(read: ReportsRead) -> dict:
    """The pooled totals, counted from the checked tables (a summary's own totals are only
    compared with them, never added); ``personnel`` (distinct officers, not in any table)
    summed from the summaries."""
    windows, incidents = read.tables["windows"], read.tables["incidents"]
    personnel = [s.totals.personnel for s in read.summaries.values()]
    return {
        "incidents": len(incidents),
        "disruptions": int(incidents["disruption"].sum()),
        "incidents_in_windows": int(windows["incidents"].sum()),
        "disruptions_in_windows": int(windows["disruptions"].sum()),
        "officer_hours": float(windows["officer_hours"].sum()),
        "personnel": sum(p for p in personnel if p is not None),
        "windows": len(windows),
        "ring_hours": float(windows["hours"].sum()),
    }


def _ring_pooling(windows: pd.DataFrame, lang: str) -> dict:
    """How the rings were pooled (by zone, by name where an event gives no zone), with the
    sentence the page shows when some were pooled by name."""
    from sra_analysis.labels import t
    from sra_analysis.rollup import ring_pooling

    pooling = ring_pooling(windows)
    without = pooling["without_zone"]
    names = sorted({ring for entry in without for ring in entry["rings"]}, key=str.casefold)
    shown = ", ".join(names[:6]) + (", …" if len(names) > 6 else "")
    note = t("zone.by_name", lang, events=len(without), names=shown) if without else None
    return {**pooling, "note": note}


def _ratio(result) -> dict:
    """A level rate ratio for rollup.json: the pooled model's ratio, and the between-event
    combination on the same scale (rate ratios, not the log ratios it is computed on); for
    too few events, what says so (with no events to draw and no combination)."""
    if not hasattr(result, "heterogeneity"):
        return {**result.to_dict(), "per_event": [], "between_events": {}}
    body = {
        k: getattr(result, k)
        for k in ("outcome", "rate_ratio", "ci_low", "ci_high", "p_value", "model",
                  "dispersion", "overdispersed", "events", "windows", "events_without_outcome",
                  "events_not_estimable")
    }  # fmt: skip
    dl = result.heterogeneity
    body["between_events"] = {
        "rate_ratio": math.exp(dl.estimate) if math.isfinite(dl.estimate) else None,
        "ci_low": math.exp(dl.ci_low) if math.isfinite(dl.ci_low) else None,
        "ci_high": math.exp(dl.ci_high) if math.isfinite(dl.ci_high) else None,
        "tau2_log_scale": dl.tau2,
        "i2": dl.i2,
        "q": dl.q,
        "q_p_value": dl.q_p_value,
        "events": dl.k,
    }
    body["per_event"] = result.per_event  # each event's own ratio, for the forest plot
    return body


def write_rollup(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    out: str | os.PathLike,
    *,
    lang: str = "en",
) -> tuple[Path, dict]:
    """Read the reports under ``paths``, write ``out/rollup.json``; returns its path and body."""
    from sra_analysis.reports.outdir import check_output_dir

    read = read_reports(paths)
    folder = check_output_dir(out)
    results = rollup_results(read, lang=lang)
    return write_json_atomic(results, folder / "rollup.json"), results
