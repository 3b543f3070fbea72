"""One part of an event: some of its rings, a span of its time.

An analyst asking "was the SRA right inside the plenary room on the second day?" reviews a
slice: :func:`slice_event` returns a new :class:`~sra_analysis.event.Event` narrowed to the
chosen rings and time span, so every function of the review (windows, scores, charts) runs
on it unchanged. The file accounting (``Event.quality``) stays that of the whole files: a
slice leaves rows out of the review on purpose, it does not quarantine them; :func:`slice_counts`
says how many rows of each table the slice kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import pandas as pd

from sra_analysis.errors import ParameterError
from sra_analysis.event import Event, EventMeta, fold_label

__all__ = ["check_categories", "check_rings", "check_span", "slice_counts", "slice_event"]


def check_rings(meta: EventMeta, rings: Sequence[str] | str | None) -> tuple[str, ...]:
    """The ring ids that ``rings`` names, in the event's display order; all when empty.

    Each entry may be a ring id, name or alias, matched as the loader matches ring values
    (case, spacing and roman numerals folded).

    Raises
    ------
    ParameterError
        When ``rings`` is not a list of text, or names no ring of the event.

    Examples
    --------
    >>> from sra_analysis import load_event
    >>> from sra_analysis.resources import sample_dir
    >>> meta = load_event(sample_dir() / "purwakarta-2024").meta
    >>> check_rings(meta, ["Outside the fence", "1"])
    ('1', '3')
    >>> check_rings(meta, ["9"])
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: rings must name rings of the event (ids ['1', '2', '3'] or their names), got '9'
    """  # noqa: E501
    if rings is None or (isinstance(rings, str) and not rings.strip()):
        return meta.ring_ids
    if isinstance(rings, str) or not isinstance(rings, Sequence):
        raise ParameterError(f"rings must be a list of ring ids such as ['1'], got {rings!r}")
    lookup = meta.ring_lookup()
    chosen = set()
    for ring in rings:
        ring_id = lookup.get(fold_label(ring)) if isinstance(ring, (str, int)) else None
        if ring_id is None:
            raise ParameterError(
                f"rings must name rings of the event (ids {list(meta.ring_ids)} or their "
                f"names), got {ring!r}"
            )
        chosen.add(ring_id)
    return tuple(r for r in meta.ring_ids if r in chosen) or meta.ring_ids


def _stamp(meta: EventMeta, name: str, value) -> pd.Timestamp | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    stamp = pd.NaT
    if isinstance(value, (str, dt.date)):  # not a number: pandas reads those as epoch offsets
        try:
            stamp = pd.Timestamp(value)
        except (ValueError, TypeError):
            stamp = pd.NaT
    if pd.isna(stamp):
        raise ParameterError(
            f"{name} must be a time such as '2024-03-02 12:00' (local to the event) or '', "
            f"got {value!r}"
        )
    return (
        stamp.tz_localize(meta.timezone)
        if stamp.tzinfo is None
        else stamp.tz_convert(meta.timezone)
    )


def check_span(meta: EventMeta, *, start=None, end=None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The slice's time span: ``start`` and ``end`` (naive times are local to the event)
    clipped to the event's own; empty means the event's start or end.

    Raises
    ------
    ParameterError
        When a value is not a time, or the span is empty once clipped to the event.

    Examples
    --------
    >>> from sra_analysis import load_event
    >>> from sra_analysis.resources import sample_dir
    >>> meta = load_event(sample_dir() / "purwakarta-2024").meta
    >>> [str(s) for s in check_span(meta, start="2024-03-02 12:00")]
    ['2024-03-02 12:00:00+07:00', '2024-03-03 23:00:00+07:00']
    """
    low = _stamp(meta, "start", start)
    high = _stamp(meta, "end", end)
    low = meta.start if low is None else max(low, meta.start)
    high = meta.end if high is None else min(high, meta.end)
    if low >= high:
        raise ParameterError(
            f"start must be before end and the span must overlap the event "
            f"({meta.start:%Y-%m-%d %H:%M} – {meta.end:%Y-%m-%d %H:%M}); "
            f"got start={start!r}, end={end!r}"
        )
    return low, high


def check_categories(
    incidents: pd.DataFrame, categories: Sequence[str] | str | None, *, vocabulary=None
) -> tuple[str, ...]:
    """The incident categories that ``categories`` names, spelled as in ``incidents``;
    empty when none are asked for (every category).

    Case and surrounding spaces are ignored, so ``"Protest "`` names ``protest``; with a
    :class:`~sra_analysis.vocabulary.CategoryVocabulary`, a label or synonym names its code
    (``"unjuk rasa"`` names ``protest``).

    Raises
    ------
    ParameterError
        When ``categories`` is not a list of text, or names a category no incident has.

    Examples
    --------
    >>> incidents = pd.DataFrame({"category": ["crowd", "protest", "crowd"]})
    >>> check_categories(incidents, ["Protest"]), check_categories(incidents, [])
    (('protest',), ())
    >>> check_categories(incidents, ["drone"])
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: categories must name categories of the incidents (['crowd', 'protest']), got 'drone'
    """  # noqa: E501
    if categories is None or (isinstance(categories, str) and not categories.strip()):
        return ()
    if isinstance(categories, str) or not isinstance(categories, Sequence):
        raise ParameterError(
            f"categories must be a list of incident categories such as ['protest'], "
            f"got {categories!r}"
        )
    known = sorted(str(c) for c in incidents["category"].dropna().unique())
    by_folded = {c.strip().casefold(): c for c in known}
    chosen = []
    for category in categories:
        found = by_folded.get(category.strip().casefold()) if isinstance(category, str) else None
        if found is None and vocabulary is not None and isinstance(category, str):
            code = vocabulary.code_of(category)
            found = code if code in known else None
        if found is None:
            raise ParameterError(
                f"categories must name categories of the incidents ({known}), got {category!r}"
            )
        chosen.append(found)
    return tuple(dict.fromkeys(chosen))


def _with_rings(column: pd.Series, keep: Sequence[str]) -> pd.Series:
    """A ring column whose categories are only ``keep`` (plus ``all`` where present)."""
    extra = [c for c in column.cat.categories if c not in keep and c != "all"]
    return column.cat.remove_categories(extra)


def slice_event(
    event: Event,
    *,
    rings: Sequence[str] | None = None,
    start=None,
    end=None,
    categories: Sequence[str] | None = None,
) -> Event:
    """The event narrowed to some rings, a time span and some incident categories, as a new
    :class:`Event`.

    Parameters
    ----------
    event : Event
        A loaded event; it is not changed.
    rings : list of str, optional
        Ring ids (or names, aliases) to keep, shown in the event's display order; empty or
        None keeps every ring.
    start, end : str or Timestamp, optional
        The span to keep (naive times are local to the event); each is clipped to the
        event's own start and end, and empty means the event's.
    categories : list of str, optional
        Incident categories to keep (case ignored); empty or None keeps every category.
        Staffing and the register are not narrowed by category: the review then asks how
        the SRA and staffing fared against incidents of those categories only.

    Returns
    -------
    Event
        ``meta`` with only the chosen rings and the span as start and end; ``incidents`` of
        those rings and categories reported within the span (all of them, as loaded, when
        no span is given); ``staffing`` shifts of those rings that overlap the span;
        ``risks`` of those rings or ``all`` whose window overlaps the span. ``quality`` and
        ``inputs`` are those of the whole files.

    Raises
    ------
    ParameterError
        As :func:`check_rings`, :func:`check_span` and :func:`check_categories` do.

    Examples
    --------
    >>> from sra_analysis import load_event
    >>> from sra_analysis.resources import sample_dir
    >>> event = load_event(sample_dir() / "purwakarta-2024")
    >>> part = slice_event(event, rings=["3"], start="2024-03-02 00:00", end="2024-03-03 00:00")
    >>> part.meta.ring_ids, str(part.meta.start), str(part.meta.end)
    (('3',), '2024-03-02 00:00:00+07:00', '2024-03-03 00:00:00+07:00')
    >>> set(part.incidents["ring"]) <= {"3"}
    True
    >>> set(slice_event(event, categories=["unjuk rasa"]).incidents["category"])
    {'protest'}
    """
    meta = event.meta
    keep = check_rings(meta, rings)
    low, high = check_span(meta, start=start, end=end)
    kinds = check_categories(event.incidents, categories, vocabulary=meta.vocabulary)
    timed = (low, high) != (meta.start, meta.end)
    new_meta = dataclasses.replace(
        meta, rings=tuple(r for r in meta.rings if r.id in keep), start=low, end=high
    )

    incidents = event.incidents
    mask = incidents["ring"].isin(keep)
    if timed:
        mask &= (incidents["reported_at"] >= low) & (incidents["reported_at"] < high)
    if kinds:
        mask &= incidents["category"].isin(kinds)
    incidents = incidents[mask].reset_index(drop=True)
    incidents["ring"] = _with_rings(incidents["ring"], keep)

    staffing = event.staffing
    mask = staffing["ring"].isin(keep) & (staffing["shift_end"] > low)
    mask &= staffing["shift_start"] < high
    staffing = staffing[mask].reset_index(drop=True)
    staffing["ring"] = _with_rings(staffing["ring"], keep)

    risks = event.risks
    mask = risks["ring"].isin([*keep, "all"]) & (risks["window_end"] > low)
    mask &= risks["window_start"] < high
    risks = risks[mask].reset_index(drop=True)
    risks["ring"] = _with_rings(risks["ring"], keep)

    plan = event.staffing_plan
    if plan is not None:
        mask = plan["ring"].isin(keep) & (plan["plan_end"] > low) & (plan["plan_start"] < high)
        plan = plan[mask].reset_index(drop=True)
        plan["ring"] = _with_rings(plan["ring"], keep)

    return dataclasses.replace(
        event, meta=new_meta, incidents=incidents, staffing=staffing, risks=risks,
        staffing_plan=plan,
    )  # fmt: skip


def slice_counts(part: Event, whole: Event) -> pd.DataFrame:
    """How many rows of each table a slice kept.

    Returns
    -------
    DataFrame
        One row per table (``incidents``, ``staffing``, ``risks``): ``table``, ``kept``,
        ``total``.

    Examples
    --------
    >>> from sra_analysis import load_event
    >>> from sra_analysis.resources import sample_dir
    >>> event = load_event(sample_dir() / "purwakarta-2024")
    >>> slice_counts(event, event)["kept"].tolist() == slice_counts(event, event)["total"].tolist()
    True
    """
    names = ("incidents", "staffing", "risks")
    return pd.DataFrame(
        {
            "table": list(names),
            "kept": [len(getattr(part, n)) for n in names],
            "total": [len(getattr(whole, n)) for n in names],
        }
    )
