"""Lessons for the next SRA: a short plain list drawn from the roll-up's results.

Each :class:`Lesson` keeps its numbers and uncertainty and renders in English or Bahasa
Indonesia. A lesson is a **conclusion** only when its interval excludes "no difference"
(a rate ratio of 1, a share of one half for "systematically missed", a per-event rate of one
for "never materialises"); otherwise it is worded as "not enough evidence".
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from sra_analysis.labels import check_lang, level_label, t
from sra_analysis.labels.formats import Number, format_number

__all__ = ["Lesson", "lessons"]


@dataclass(frozen=True)
class Lesson:
    """One lesson for the next SRA.

    Attributes
    ----------
    kind : str
        ``"levels"``, ``"heterogeneity"``, ``"missed_category"``, ``"never_materialised"``,
        ``"cell"``, ``"banding"`` or ``"hot_spot"``.
    key : str
        Label key of its wording (``rollup.lesson.*``).
    conclusive : bool
        Its interval excludes "no difference".
    estimate, ci_low, ci_high : float
        The number behind it and its 95% interval (NaN where it has none).
    events : int
        Events it rests on.
    values : mapping
        The template's fields (numbers unformatted or as
        :class:`~sra_analysis.labels.formats.Number`, written as ``lang`` writes numbers;
        ``level`` and ``outcome`` translated when rendered).
    """

    kind: str
    key: str
    conclusive: bool
    estimate: float
    ci_low: float
    ci_high: float
    events: int
    values: Mapping = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The lesson in ``lang``."""
        check_lang(lang)
        fields = {}
        for name, value in self.values.items():
            if name == "level":
                value = level_label(str(value), lang)
            elif name == "bands":  # (level, lowest score, highest score) per level
                value = ", ".join(f"{level_label(n, lang)} {lo}–{hi}" for n, lo, hi in value)
            elif name == "outcome":
                value = t(f"rollup.outcome.{value}", lang)
            fields[name] = _format(name, value, lang)
        return t(self.key, lang, **fields)

    def to_dict(self, *, lang: str = "en") -> dict:
        """JSON-ready: the numbers, the wording in ``lang``; NaN as None."""
        number = lambda v: None if v is None or math.isnan(v) else float(v)  # noqa: E731
        return {
            "kind": self.kind, "key": self.key, "conclusive": self.conclusive,
            "estimate": number(self.estimate), "ci_low": number(self.ci_low),
            "ci_high": number(self.ci_high), "events": int(self.events),
            "text": self.text(lang),
        }  # fmt: skip


def _format(name: str, value, lang: str) -> str:
    if isinstance(value, Number):
        return value.text(lang)
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int):
        return format_number(value, lang=lang, digits=0)
    if isinstance(value, float):
        return format_number(value, lang=lang, digits=2 if value < 10 else 0)
    return str(value)


def _share(value: float) -> Number:
    """A percentage; one decimal near 0 and 100 so that 99.8% does not read as 100%."""
    digits = 1 if 0 < value < 0.005 or 0.995 <= value < 1 else 0
    return Number(float(value), digits=digits, style="percent")


def _ratio(value: float) -> float:
    return round(float(value), 2)


def lessons(
    *,
    level_ratio=None,
    missed: pd.DataFrame | None = None,
    never: pd.DataFrame | None = None,
    cells=None,
    banding=None,
    spans: pd.DataFrame | None = None,
    limit: int = 3,
) -> list[Lesson]:
    """A short plain list of lessons from the roll-up's results; conclusions first.

    Parameters
    ----------
    level_ratio : LevelRateRatio, optional
    missed : DataFrame, optional
        :func:`~sra_analysis.rollup.missed.missed_categories`.
    never : DataFrame, optional
        :func:`~sra_analysis.rollup.missed.never_materialised`.
    cells : CellRates, optional
    banding : SuggestedBanding, optional
    spans : DataFrame, optional
        :func:`~sra_analysis.rollup.hotspots.hot_spans`.
    limit : int, default 3
        At most this many lessons of each kind (the strongest first).

    Returns
    -------
    list of Lesson

    Examples
    --------
    >>> missed = pd.DataFrame({"category": ["drone"], "events": [12], "incidents": [40],
    ...     "share_unanticipated": [1.0], "ci_low": [0.91], "ci_high": [1.0],
    ...     "unanticipated_disruptions": [9]})
    >>> [lesson.text() for lesson in lessons(missed=missed)]  # doctest: +NORMALIZE_WHITESPACE
    ['drone: 100% of 40 incidents across 12 events matched no SRA item (95% CI 91%–100%);
      9 of them disrupted proceedings. Add it to the next SRA.']
    """
    found: list[Lesson] = []
    if level_ratio is not None and hasattr(level_ratio, "heterogeneity"):  # two events or more
        found += _level_lessons(level_ratio)
    if missed is not None:
        for row in missed.head(limit).itertuples(index=False):
            if row.share_unanticipated <= 0.5:
                continue
            conclusive = row.ci_low > 0.5
            found.append(Lesson(
                "missed_category",
                "rollup.lesson.missed_category" if conclusive else "rollup.lesson.missed_unclear",
                bool(conclusive), float(row.share_unanticipated), float(row.ci_low),
                float(row.ci_high), int(row.events),
                {"category": getattr(row, "category_label", row.category), "code": row.category,
                 "share": _share(row.share_unanticipated),
                 "incidents": int(row.incidents), "events": int(row.events),
                 "low": _share(row.ci_low), "high": _share(row.ci_high),
                 "disruptions": int(row.unanticipated_disruptions)},
            ))  # fmt: skip
    if never is not None:
        for row in never.head(limit).itertuples(index=False):
            conclusive = row.per_event_upper < 1.0
            found.append(Lesson(
                "never_materialised",
                "rollup.lesson.never_materialised" if conclusive
                else "rollup.lesson.never_unclear",
                bool(conclusive), 0.0, 0.0, float(row.per_event_upper), int(row.events),
                {"threat": row.threat, "events": int(row.events), "level": row.highest_level,
                 "upper": round(float(row.per_event_upper), 2)},
            ))  # fmt: skip
    if cells is not None:
        rated = cells.cells[cells.cells["rating"].isin(["over-rated", "under-rated"])]
        strength = (rated["rate_ratio"].map(math.log)).abs()
        for row in rated.loc[strength.sort_values(ascending=False).index].head(limit).itertuples():
            key = "cell_over" if row.rating == "over-rated" else "cell_under"
            found.append(Lesson(
                "cell", f"rollup.lesson.{key}", True, float(row.rate_ratio),
                float(row.ratio_ci_low), float(row.ratio_ci_high), int(row.events),
                {"likelihood": int(row.likelihood), "impact": int(row.impact),
                 "level": row.level, "ratio": _ratio(row.rate_ratio),
                 "low": _ratio(row.ratio_ci_low), "high": _ratio(row.ratio_ci_high),
                 "hours": int(round(row.hours)), "events": int(row.events)},
            ))  # fmt: skip
    if banding is not None and banding.changed:
        bands = tuple((name, lo, hi) for name, (lo, hi) in banding.bands.items())
        key = "rollup.lesson.banding" if banding.supported else "rollup.lesson.banding_unclear"
        low = float(banding.adjacent["ci_low"].min()) if len(banding.adjacent) else math.nan
        found.append(Lesson("banding", key, banding.supported, math.nan, low, math.nan, 0,
                            {"bands": bands}))  # fmt: skip
    if spans is not None:
        for row in spans.head(limit).itertuples(index=False):
            conclusive = row.ci_low > 1.0
            found.append(Lesson(
                "hot_spot",
                "rollup.lesson.hot_span" if conclusive else "rollup.lesson.hot_unclear",
                bool(conclusive), float(row.rate_ratio), float(row.ci_low), float(row.ci_high),
                int(row.events),
                {"ring": row.ring_name, "first": f"{int(row.first_hour):02d}",
                 "last": f"{int(row.last_hour):02d}", "ratio": _ratio(row.rate_ratio),
                 "low": _ratio(row.ci_low), "high": _ratio(row.ci_high),
                 "events": int(row.events), "level": row.usual_level or "none",
                 "rated": int(row.events_at_usual_level)},
            ))  # fmt: skip
    return sorted(found, key=lambda lesson: not lesson.conclusive)


def _level_lessons(result) -> list[Lesson]:
    values = {"ratio": _ratio(result.rate_ratio), "low": _ratio(result.ci_low),
              "high": _ratio(result.ci_high), "events": int(result.events),
              "outcome": result.outcome}  # fmt: skip
    if result.ci_low > 1:
        key, conclusive = "levels_meaningful", True
    elif result.ci_high < 1:
        key, conclusive = "levels_inverted", True
    else:
        key, conclusive = "levels_unclear", False
    out = [Lesson("levels", f"rollup.lesson.{key}", conclusive, result.rate_ratio,
                  result.ci_low, result.ci_high, int(result.events), values)]  # fmt: skip
    dl = result.heterogeneity
    if dl.k >= 3 and not math.isnan(dl.q_p_value) and dl.q_p_value < 0.05:
        out.append(Lesson(
            "heterogeneity", "rollup.lesson.levels_vary", True, dl.tau2, math.nan, math.nan,
            dl.k, {"i2": Number(float(dl.i2), digits=0, style="percent"),
                   "p": Number(float(dl.q_p_value), digits=3, style="significant")},
        ))  # fmt: skip
    return out
