"""Tests of sra_analysis.charts.across_events: the capture funnel and the verdict counts."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from _fabricated import OUTLIERS, fabricated_summaries
from scipy import stats

from sra_analysis import charts
from sra_analysis.errors import ParameterError
from sra_analysis.labels import t


def _event(event_id, hits, misses, name=None, grade="good", evidence="sufficient"):
    return {
        "event": {"id": event_id, "name": name or event_id},
        "prediction": {"hits": hits, "misses": misses},
        "verdict": {"grade": grade, "evidence": evidence},
    }


def test_funnel_table_pools_window_counts_and_places_each_event():
    # pooled: (9 + 1 + 5) / (10 + 10 + 10) = 1/2. With n = 10 the 95 % limits are
    # 0.1324 and 0.8676 and the 99.8 % ones 0.00024 and 0.99976 (tests/test_metrics_funnel):
    # 9/10 and 1/10 are outside 95 % only, 5/10 inside; "d" has no disrupted window.
    summaries = [_event("a", 9, 1), _event("b", 1, 9), _event("c", 5, 5), _event("d", 0, 0)]
    table, pooled = charts.funnel_table(summaries)
    assert pooled == 0.5
    assert table["event_id"].tolist() == ["a", "b", "c"]
    assert table["capture"].tolist() == [0.9, 0.1, 0.5]
    assert table["outside"].tolist()[:2] == [0.95, 0.95] and np.isnan(table["outside"][2])
    assert table["upper_95"].tolist() == pytest.approx([0.8675556] * 3, abs=1e-7)


def test_funnel_draws_limits_events_by_position_and_notes_the_unplaced():
    summaries = fabricated_summaries(514)
    before = copy.deepcopy(summaries)
    fig = charts.capture_funnel(summaries)
    assert summaries == before
    by_meta = {trace.meta: trace for trace in fig.data}
    assert {"pooled", "limit_95", "limit_99_8", "inside", "outside_99_8"} <= set(by_meta)
    placed = sum(len(by_meta[key].x) for key in ("inside", "outside_95", "outside_99_8")
                 if key in by_meta)  # fmt: skip
    unplaced = sum(1 for s in summaries if s["prediction"]["hits"] + s["prediction"]["misses"] == 0)
    assert placed == 514 - unplaced
    assert fig.layout.annotations[0].text == t("across.funnel.not_shown", "en", count=unplaced)
    outside = by_meta["outside_99_8"]
    assert all(any(event_id in text for text in outside.text) for event_id in OUTLIERS)
    hits = sum(s["prediction"]["hits"] for s in summaries)
    windows = sum(s["prediction"]["hits"] + s["prediction"]["misses"] for s in summaries)
    assert by_meta["pooled"].y[0] == pytest.approx(hits / windows)


def test_funnel_escapes_event_names_and_speaks_indonesian():
    summaries = [_event("a", 3, 1, name="<script>alert(1)</script>"), _event("b", 1, 3)]
    fig = charts.capture_funnel(summaries, lang="id")
    text = " ".join(" ".join(trace.text) for trace in fig.data if trace.text is not None)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "3 dari 4 ring-jam dengan gangguan dinilai rawan (75,0%)" in text
    assert fig.layout.title.text == t("across.funnel.title", "id")


def test_funnel_without_spread_has_no_limits():
    # every disrupted window flagged: pooled share 1, nothing can differ by chance
    fig = charts.capture_funnel([_event("a", 2, 0), _event("b", 5, 0)])
    assert [trace.meta for trace in fig.data] == ["pooled", "inside"]


def test_verdict_counts_stack_thin_evidence_and_count_failed():
    summaries = [
        _event("a", 1, 1, grade="good"),
        _event("b", 1, 1, grade="good", evidence="thin"),
        _event("c", 1, 1, grade="poor"),
        _event("d", 1, 1, grade="quiet", evidence="thin"),
    ]
    fig = charts.verdict_counts(summaries, failed=2, lang="id")
    sufficient, thin = fig.data
    assert sufficient.meta == "sufficient" and thin.meta == "thin"
    assert list(sufficient.x) == [
        "baik (2)",
        "cukup (0)",
        "kurang (1)",
        "tanpa gangguan (1)",
        "GAGAL (2)",
    ]
    assert list(sufficient.y) == [1, 0, 1, 0, 2] and list(thin.y) == [1, 0, 0, 1, 0]
    assert fig.layout.barmode == "stack"


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: charts.capture_funnel([]), "holds no events"),
        (lambda: charts.capture_funnel([_event("a", 1, 1)], lang="fr"), "lang must be one of"),
        (lambda: charts.verdict_counts([], failed=-1), "failed must be a whole number"),
    ],
)
def test_bad_arguments_are_refused(call, match):
    with pytest.raises(ParameterError, match=match):
        call()


def _flagging(event_id, hits, misses, flagged_windows, windows=200):
    """A summary whose SRA flagged ``flagged_windows`` of its ``windows``."""
    body = _event(event_id, hits, misses)
    body["prediction"].update(false_alarms=flagged_windows - hits, windows=windows)
    return body


def test_an_sra_that_flags_nearly_everything_is_not_a_star_for_it():
    # Ten ordinary events flag a fifth of their windows and catch 6 of 10 disrupted ones;
    # "all" flags 190 of 200 windows and so catches its 10 by flagging alone. Raw capture
    # 10/10 lies above the funnel; for its flagged share 10 of 10 is what it should catch
    # (its exact tail is not small), so it sits inside, as do the ordinary events.
    ordinary = [_flagging(f"e{i}", 6, 4, 40) for i in range(10)]
    table, pooled = charts.funnel_table([*ordinary, _flagging("all", 10, 0, 190)])
    raw, _ = charts.funnel_table([*(_event(f"e{i}", 6, 4) for i in range(10)),
                                  _event("all", 10, 0)])  # fmt: skip
    assert raw.set_index("event_id").loc["all", "outside"] in (0.95, 0.998)
    placed = table.set_index("event_id")
    assert placed.loc["all", "capture"] == 1.0
    assert placed.loc["all", "expected_capture"] > 0.95
    assert np.isnan(placed.loc["all", "outside"])
    assert placed["outside"].isna().all()
    # the adjustment keeps the total: expected flagged windows add up to those observed
    expected = (placed["expected_capture"] * placed["disrupted_windows"]).sum()
    assert expected == pytest.approx(placed["flagged"].sum())
    assert pooled == pytest.approx(70 / 110)


def test_an_sra_that_flags_the_right_few_windows_stands_out():
    # "sharp" flags only 60 of 600 windows yet catches 48 of 60 disrupted ones; ordinary
    # events flag 120 of 600 and catch 36 of 60. Raw capture 0.8 is unremarkable, but the
    # common risk ratio is just under 7 (at 7: 600·1.4/2.2 + 60·0.7/1.6 = 381.82 + 26.25 =
    # 408.07, a hair above the 10·36 + 48 = 408 observed), which expects about
    # 0.1·7 / (0.1·7 + 0.9) = 0.4375 from flagging a tenth, and 48 of 60 at that has an exact
    # tail far below 0.001
    ordinary = [_flagging(f"e{i}", 36, 24, 120, windows=600) for i in range(10)]
    table, _ = charts.funnel_table([*ordinary, _flagging("sharp", 48, 12, 60, windows=600)])
    sharp = table.set_index("event_id").loc["sharp"]
    assert sharp["capture"] == 0.8
    assert sharp["expected_capture"] == pytest.approx(0.4375, abs=5e-4)
    assert stats.binom.sf(47, 60, sharp["expected_capture"]) < 0.001
    assert sharp["adjusted_capture"] > sharp["upper_99_8"]
    assert sharp["outside"] == 0.998
    assert table.set_index("event_id").drop(index="sharp")["outside"].isna().all()


def test_without_window_counts_no_event_is_adjusted():
    table, _ = charts.funnel_table([_flagging("a", 6, 4, 40), _event("b", 1, 9)])
    assert table["expected_capture"].isna().all()
    assert table["adjusted_capture"].tolist() == table["capture"].tolist()


def test_a_funnel_of_one_event_places_nothing_and_says_why():
    # one event is its own pool: its capture sits on the pooled line by construction
    fig = charts.capture_funnel([_event("a", 3, 1)])
    assert len(fig.data) == 0
    assert [a.text for a in fig.layout.annotations] == [
        "Comparing events needs two events or more; this chart has 1."
    ]


def test_report_summaries_and_their_dicts_draw_the_same_funnel():
    from sra_analysis.report_summary import ReportSummary

    bodies = [_flagging("a", 6, 4, 40), _event("b", 1, 9), _event("c", 5, 5)]
    typed = [ReportSummary.from_dict(b, strict=False) for b in bodies]
    table, pooled = charts.funnel_table(typed)
    assert table.equals(charts.funnel_table(bodies)[0]) and pooled == 12 / 30


def test_the_chart_draws_a_funnel_computed_once_as_it_draws_the_summaries():
    from sra_analysis.rollup.few_events import NotEnoughEvents
    from sra_analysis.rollup.funnel import capture_funnel_of

    summaries = [_flagging("a", 6, 4, 40), _flagging("b", 1, 9, 40), _flagging("c", 9, 1, 40)]
    funnel = capture_funnel_of(summaries)
    assert (funnel.events, funnel.pooled_capture) == (3, 16 / 30)
    assert funnel.result() is funnel
    assert charts.capture_funnel(funnel, lang="id").to_json() == (
        charts.capture_funnel(summaries, lang="id").to_json()
    )
    assert capture_funnel_of(summaries[:1]).result() == NotEnoughEvents("funnel", found=1)
