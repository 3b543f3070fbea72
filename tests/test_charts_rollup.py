"""Charts of the roll-up: each draws exactly the numbers it is given, escapes input text and
copes with the empty and JSON-null cases a real roll-up produces."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from sra_analysis.charts import rollup as charts
from sra_analysis.errors import ParameterError

RATES = pd.DataFrame(
    {
        "level": ["none", "low", "high"],
        "level_rank": [0, 1, 3],
        "events": [2, 3, 3],
        "windows": [10, 20, 5],
        "hours": [10.0, 20.0, 5.0],
        "incidents": [1, 4, 5],
        "disruptions": [0, 1, 3],
        "incident_rate": [0.1, 0.2, 1.0],
        "incident_ci_low": [0.01, 0.05, 0.3],
        "incident_ci_high": [0.5, 0.5, 2.3],
        "disruption_rate": [0.0, 0.05, 0.6],
        "disruption_ci_low": [0.0, 0.001, 0.12],
        "disruption_ci_high": [0.37, 0.28, 1.75],
    }
)


def test_pooled_rates_draw_each_level_with_its_exact_interval():
    fig = charts.pooled_rates_by_level(RATES)
    bars = {trace.meta: trace for trace in fig.data}
    assert list(bars) == ["incidents", "disruptions"]
    assert list(bars["incidents"].y) == [0.1, 0.2, 1.0]
    assert list(bars["disruptions"].y) == [0.0, 0.05, 0.6]
    # error bars reach exactly to the interval's limits
    errors = bars["disruptions"].error_y
    assert [v + p for v, p in zip(bars["disruptions"].y, errors.array, strict=True)] == (
        pytest.approx([0.37, 0.28, 1.75])
    )
    assert [v - m for v, m in zip(bars["disruptions"].y, errors.arrayminus, strict=True)] == (
        pytest.approx([0.0, 0.001, 0.12])
    )
    assert list(bars["incidents"].x) == ["none", "low", "high"]
    assert "3 in 5 ring-hours of 3 events" in bars["disruptions"].customdata[2]
    assert bars["incidents"].marker.color[2] != bars["incidents"].marker.color[0]


def test_pooled_rates_in_indonesian_use_decimal_commas():
    fig = charts.pooled_rates_by_level(RATES, lang="id")
    assert "0,600 per ring-jam" in fig.data[1].customdata[2]
    assert fig.data[0].x[2] == "tinggi"


def _per_event(n: int) -> list[dict]:
    rows = [
        {"event_id": f"ev-{i:03d}", "rate_ratio": 2.0 + i / 10, "ci_low": 1.0, "ci_high": 5.0,
         "se": 0.1 + i / 100, "status": "estimated"}
        for i in range(n)
    ]  # fmt: skip
    rows.append({"event_id": "quiet", "rate_ratio": None, "ci_low": None, "ci_high": None,
                 "se": None, "status": "no outcome"})  # fmt: skip
    return rows


POOLED = {
    "rate_ratio": 2.5,
    "ci_low": 2.0,
    "ci_high": 3.1,
    "between_events": {"rate_ratio": 2.4, "ci_low": 1.9, "ci_high": 3.0},
}


def test_forest_shows_each_estimated_event_and_the_two_pooled_estimates():
    fig = charts.level_ratio_forest(_per_event(5), POOLED)
    traces = {trace.meta: trace for trace in fig.data}
    assert set(traces) == {"events", "pooled", "between_events"}
    assert sorted(traces["events"].y) == [f"ev-{i:03d}" for i in range(5)]
    assert list(traces["pooled"].x) == [2.5]
    assert list(traces["between_events"].x) == [2.4]
    assert fig.layout.xaxis.type == "log"
    (note,) = fig.layout.annotations
    assert "1 event without a ratio" in note.text


def test_forest_keeps_the_most_precise_events_and_counts_the_rest():
    fig = charts.level_ratio_forest(_per_event(charts.FOREST_LIMIT + 7), POOLED)
    events = next(trace for trace in fig.data if trace.meta == "events")
    assert len(events.y) == charts.FOREST_LIMIT
    # the smallest standard errors are ev-000 ... (se grows with i)
    assert set(events.y) == {f"ev-{i:03d}" for i in range(charts.FOREST_LIMIT)}
    assert "7 more are in rollup.json" in fig.layout.annotations[0].text


def test_forest_with_no_estimable_event_still_draws_the_pooled_model():
    fig = charts.level_ratio_forest(_per_event(0), POOLED)
    assert len(next(trace for trace in fig.data if trace.meta == "events").x) == 0
    assert any(trace.meta == "pooled" for trace in fig.data)


def _cell(likelihood, impact, level, rating, *, hours=100.0, ratio=1.0):
    return {"likelihood": likelihood, "impact": impact, "level": level, "hours": hours,
            "count": 3, "rate": 0.03, "ci_low": 0.01, "ci_high": 0.09, "rate_ratio": ratio,
            "ratio_ci_low": ratio and ratio / 2, "ratio_ci_high": ratio and ratio * 2,
            "rating": rating}  # fmt: skip


def test_cell_ratings_colour_by_log2_ratio_and_grey_out_thin_cells():
    cells = [
        _cell(1, 1, "low", "as rated", ratio=1.0),
        _cell(2, 3, "medium", "under-rated", ratio=4.0),
        _cell(5, 1, "medium", "over-rated", ratio=0.25),
        _cell(4, 4, "extreme", "not enough evidence", hours=3.0, ratio=20.0),
        _cell(5, 5, "extreme", "not enough evidence", hours=0.0, ratio=None),
        _cell(3, 3, "medium", "as rated", ratio=100.0),  # clipped at 8×
    ]
    fig = charts.cell_ratings(cells)
    main = next(trace for trace in fig.data if trace.meta == "cells")
    thin = next(trace for trace in fig.data if trace.meta == "thin")
    z = np.asarray(main.z, dtype=float)
    assert z[0, 0] == 0.0  # row = likelihood - 1, column = impact - 1
    assert z[1, 2] == 2.0 and z[4, 0] == -2.0 and z[2, 2] == 3.0
    assert math.isnan(z[3, 3])  # too thin to colour ...
    assert np.asarray(thin.z, dtype=float)[3, 3] == 1.0  # ... greyed instead
    assert math.isnan(np.asarray(thin.z, dtype=float)[4, 4])  # never observed: blank
    text = np.asarray(main.text)
    assert text[1, 2] == "medium ▲" and text[4, 0] == "medium ▼" and text[3, 3] == "extreme ·"
    assert text[0, 0] == "low"


def test_missed_categories_sorted_capped_and_escaped():
    missed = [
        {"category": f"cat-{i}", "events": 3, "incidents": 10, "unanticipated": i,
         "share_unanticipated": i / 10, "ci_low": 0.0, "ci_high": 1.0,
         "unanticipated_disruptions": 0}
        for i in range(6)
    ] + [{"category": "<img src=x onerror=alert(1)>", "events": 4, "incidents": 9,
          "unanticipated": 9, "share_unanticipated": 1.0, "ci_low": 0.66, "ci_high": 1.0,
          "unanticipated_disruptions": 2}]  # fmt: skip
    fig = charts.missed_categories_chart(missed, top=3)
    unanticipated = next(trace for trace in fig.data if trace.meta == "unanticipated")
    anticipated = next(trace for trace in fig.data if trace.meta == "anticipated")
    # the most unanticipated at the top: a horizontal bar chart lists bottom-up
    assert list(unanticipated.y) == ["cat-4", "cat-5", "&lt;img src=x onerror=alert(1)&gt;"]
    assert list(unanticipated.x) == [4, 5, 9]
    assert list(anticipated.x) == [6, 5, 0]
    assert anticipated.text[2] == "100% unanticipated (66%–100%), 4 events"
    assert "4 more categories" in fig.layout.annotations[0].text
    with pytest.raises(ParameterError, match="top must be"):
        charts.missed_categories_chart(missed, top=0)


def test_missed_category_bars_are_named_by_their_label_never_the_code():
    missed = [
        {"category": "lost_property", "category_label": "Barang hilang", "events": 2,
         "incidents": 3, "unanticipated": 3, "share_unanticipated": 1.0, "ci_low": 0.3,
         "ci_high": 1.0, "unanticipated_disruptions": 0},
        {"category": "other", "category_label": "<b>Pohon</b> tumbang", "events": 1,
         "incidents": 1, "unanticipated": 1, "share_unanticipated": 1.0, "ci_low": 0.02,
         "ci_high": 1.0, "unanticipated_disruptions": 0},
    ]  # fmt: skip
    fig = charts.missed_categories_chart(missed, lang="id")
    bars = next(trace for trace in fig.data if trace.meta == "unanticipated")
    assert list(bars.y) == ["&lt;b&gt;Pohon&lt;/b&gt; tumbang", "Barang hilang"]


def test_missed_categories_without_any_incident_draws_an_empty_chart():
    fig = charts.missed_categories_chart([])
    assert all(len(trace.x) == 0 for trace in fig.data)


def test_hot_spots_sit_at_their_ring_and_hour_and_hot_ones_are_starred():
    spots = [
        {"ring": "1", "ring_name": "Outside", "hour": 8, "rate": 12.5, "ci_low": 8.0,
         "ci_high": 18.0, "incidents": 25, "officer_hours": 200.0, "events": 5,
         "rate_ratio": 3.1, "hot": True},
        {"ring": "2", "ring_name": None, "hour": 23, "rate": 1.0, "ci_low": 0.1,
         "ci_high": 5.0, "incidents": 1, "officer_hours": 100.0, "events": 1,
         "rate_ratio": 0.5, "hot": False},
    ]  # fmt: skip
    fig = charts.hot_spot_heatmap(spots)
    (heat,) = fig.data
    z = np.asarray(heat.z, dtype=float)
    assert list(heat.y) == ["1 · Outside", "2"]
    assert z[0, 8] == 12.5 and z[1, 23] == 1.0
    assert np.isnan(z).sum() == 2 * 24 - 2
    assert heat.text[0][8] == "★" and heat.text[1][23] == ""
    assert "3.10× the ring's other hours" in heat.customdata[0][8]


def test_hot_spot_rows_are_zones_from_the_inside_out_in_the_reports_language():
    def spot(ring, name, hour):
        return {"ring": ring, "ring_name": name, "hour": hour, "rate": 1.0, "ci_low": 0.5,
                "ci_high": 2.0, "incidents": 2, "officer_hours": 200.0, "events": 2,
                "rate_ratio": 1.0, "hot": False}  # fmt: skip

    # rows pooled by zone, given outermost first, and one event's ring pooled by name
    spots = [spot("perimeter", "x", 8), spot("Gudang", "Gudang", 9), spot("core", "y", 10),
             spot("building", None, 11)]  # fmt: skip
    (heat,) = charts.hot_spot_heatmap(spots, lang="id").data
    # zone labels as Polri numbers rings (labels/zones.py), not the codes or passed names
    assert list(heat.y) == [
        "Ring 1 – ruang sidang / area steril", "Ring 2 – gedung dan halaman",
        "Ring 3 – pagar, gerbang dan parkir", "Gudang",
    ]  # fmt: skip
    assert np.asarray(heat.z, dtype=float)[0, 10] == 1.0  # core is the first row


def test_a_table_missing_columns_is_named():
    with pytest.raises(ParameterError, match=r"lacks column\(s\) \['rate'"):
        charts.hot_spot_heatmap([{"ring": "1", "hour": 3}])


def test_forest_of_one_event_says_comparing_needs_two():
    pooled = {"status": "not_enough_events", "part": "level_rate_ratio", "found": 1,
              "needed": 2, "per_event": [], "between_events": {}}  # fmt: skip
    fig = charts.level_ratio_forest([], pooled, lang="id")
    assert len(fig.data) == 0
    assert [a.text for a in fig.layout.annotations] == [
        "Perbandingan antarkegiatan memerlukan sedikitnya dua kegiatan; grafik ini hanya memuat 1."
    ]
