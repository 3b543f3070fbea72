"""Chart builders: structure of the figures, escaping of input text, labels, no mutation."""

from __future__ import annotations

import dataclasses
import json
import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from sra_analysis import charts
from sra_analysis.charts import LEVEL_COLORS, level_colors
from sra_analysis.errors import ParameterError
from sra_analysis.io import load_event
from sra_analysis.labels import t
from sra_analysis.review.evaluate import evaluate
from sra_analysis.review.windows import review_windows
from sra_analysis.sample import generate_event, write_event

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def review(sample_event):
    return evaluate(sample_event, n_resamples=0)


@pytest.fixture(scope="module")
def inside_out_event(tmp_path_factory):
    """A generated event whose ring "1" is the plenary room (numbered from the inside)."""
    synthetic = generate_event(seed=11, days=1, rings=3, ring_order="inside_out", n_risks=8)
    return load_event(write_event(synthetic, tmp_path_factory.mktemp("inside-out")))


@pytest.fixture(scope="module")
def reversed_event(sample_event):
    """The sample event with its rings listed innermost first (display order 3, 2, 1)."""
    meta = dataclasses.replace(sample_event.meta, rings=tuple(reversed(sample_event.meta.rings)))
    return dataclasses.replace(sample_event, meta=meta)


@pytest.fixture(scope="module")
def hostile_event(sample_event):
    """The sample event with markup in every free-text field, and one late incident."""
    incidents = sample_event.incidents.copy()
    incidents["description"] = incidents["description"].astype(object)
    incidents.loc[0, "description"] = f"{SCRIPT} {'x' * 400}"
    incidents.loc[1, "description"] = f"{IMG} parked cars"
    incidents.loc[2, "category"] = IMG
    incidents.loc[3, "incident_id"] = SCRIPT
    incidents.loc[4, "risk_id"] = IMG
    late = incidents.iloc[[5]].copy()
    late["reported_at"] = sample_event.meta.end + pd.Timedelta(hours=3)
    late["incident_id"] = "INC-LATE"
    incidents = pd.concat([incidents, late], ignore_index=True)
    risks = sample_event.risks.copy()
    risks["threat"] = risks["threat"].astype(object)
    risks.loc[0, "threat"] = f"{SCRIPT} crowd"
    risks.loc[1, "risk_id"] = IMG
    rings = tuple(
        dataclasses.replace(ring, name=f"{IMG} {ring.name}", name_id=f"{SCRIPT} {ring.name_id}")
        for ring in sample_event.meta.rings
    )
    meta = dataclasses.replace(sample_event.meta, name=f"{SCRIPT} plenary", rings=rings)
    return dataclasses.replace(sample_event, meta=meta, incidents=incidents, risks=risks)


@pytest.fixture(scope="module")
def hostile_review(hostile_event):
    return evaluate(hostile_event, n_resamples=0)


def _summaries(count: int, seed: int = 5) -> list[dict]:
    rng = np.random.default_rng(seed)
    out = []
    for k in range(count):
        auc = float(rng.uniform(0.3, 0.95))
        out.append(
            {
                "event": {"id": f"event-{k:03d}", "name": f"Pleno {k}"},
                "prediction": {
                    "auc": None if k % 50 == 7 else auc,
                    "auc_ci_low": max(0.0, auc - 0.1),
                    "auc_ci_high": min(1.0, auc + 0.1),
                    "pai": float(rng.uniform(0.2, 4)),
                },
                "totals": {
                    "incidents": int(rng.poisson(30)),
                    "incidents_in_windows": int(rng.poisson(30)),
                    "disruptions": int(rng.poisson(3)),
                    "officer_hours": float(rng.uniform(500, 2000)),
                },
            }
        )
    return out


def _traces(fig: go.Figure, kind: str) -> list:
    return [trace for trace in fig.data if (trace.meta or {}).get("kind") == kind]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _all_figures(event, review) -> dict[str, go.Figure]:
    return {
        "staffing_vs_incidents": charts.staffing_vs_incidents(event, evaluation=review),
        "rate_by_level": charts.rate_by_level(review),
        "confusion_heatmap": charts.confusion_heatmap(review),
        "risk_matrix": charts.risk_matrix(event),
        "risk_matrix_evaluation": charts.risk_matrix(review),
        "ring_rates": charts.ring_rates(review),
        "hour_of_day_heatmap": charts.hour_of_day_heatmap(event),
        "hour_of_day_windows": charts.hour_of_day_heatmap(review, per_ring_hour=True),
        "calibration": charts.calibration(review),
        "staffing_alignment": charts.staffing_alignment(review),
        "event_comparison": charts.event_comparison([review.to_dict(), *_summaries(3)]),
    }


# ----------------------------------------------------------------------------- palette


def test_level_palette_is_defined_once_and_ordered():
    assert list(LEVEL_COLORS) == ["none", "low", "medium", "high", "extreme"]
    assert level_colors(["none", "low", "medium", "high", "extreme"]) == LEVEL_COLORS
    # custom bands take colours by rank, lowest green, highest red
    custom = level_colors(["none", "minor", "moderate", "major"])
    assert custom["none"] == LEVEL_COLORS["none"]
    assert custom["minor"] == LEVEL_COLORS["low"]
    assert custom["major"] == LEVEL_COLORS["extreme"]


# ----------------------------------------------------------------------------- centrepiece


@pytest.mark.parametrize("which", ["sample_event", "reversed_event", "inside_out_event"])
def test_centrepiece_has_one_row_per_ring_in_ring_order(which, request):
    event = request.getfixturevalue(which)
    fig = charts.staffing_vs_incidents(event)
    layout = fig.layout.to_plotly_json()
    rings = event.meta.rings
    assert len([key for key in layout if key.startswith("yaxis")]) == len(rings)
    titles = [annotation.text for annotation in fig.layout.annotations][: len(rings)]
    assert [title.split(" · ")[0] for title in titles] == [
        f"<b>{ring.name} (ring {ring.id})</b>" for ring in rings
    ]
    # row 1 is drawn at the top
    tops = [layout["yaxis" if k == 1 else f"yaxis{k}"]["domain"][1] for k in range(1, 4)]
    assert tops == sorted(tops, reverse=True)
    # headcount trace of row k belongs to ring k
    heads = _traces(fig, "headcount")
    assert [trace.meta["ring"] for trace in heads] == [ring.id for ring in rings]
    assert [trace.yaxis for trace in heads] == ["y", "y2", "y3"]


def test_inside_out_event_puts_the_plenary_room_first(inside_out_event):
    fig = charts.staffing_vs_incidents(inside_out_event, lang="id")
    first = fig.layout.annotations[0].text
    assert first.startswith("<b>Ruang pleno (ring 1)</b>")


def test_markers_are_the_incidents_inside_the_event(hostile_event):
    fig = charts.staffing_vs_incidents(hostile_event)
    meta = hostile_event.meta
    reported = hostile_event.incidents["reported_at"]
    inside = hostile_event.incidents[(reported >= meta.start) & (reported < meta.end)]
    assert len(inside) == len(hostile_event.incidents) - 1  # the late one is left out
    markers = _traces(fig, "incidents") + _traces(fig, "disruptions")
    assert sum(len(trace.x) for trace in markers) == len(inside)
    for ring in meta.ring_ids:
        mine = [trace for trace in markers if trace.meta["ring"] == ring]
        assert sum(len(trace.x) for trace in mine) == int((inside["ring"] == ring).sum())
    hover = "".join(text for trace in markers for text in trace.hovertext)
    assert "INC-LATE" not in hover


def test_disruptions_have_their_own_symbol(sample_event):
    fig = charts.staffing_vs_incidents(sample_event)
    disruptions = _traces(fig, "disruptions")
    incidents = _traces(fig, "incidents")
    assert {trace.marker.symbol for trace in disruptions} == {"star"}
    assert {trace.marker.symbol for trace in incidents} == {"circle"}
    disrupted = int(sample_event.incidents["disrupted_proceedings"].sum())
    assert sum(len(trace.x) for trace in disruptions) == disrupted
    yes = t("chart.yes")
    assert all(f"{t('chart.disrupted')}: {yes}" in h for tr in disruptions for h in tr.hovertext)


def test_markers_sit_on_the_headcount_at_the_time(sample_event):
    fig = charts.staffing_vs_incidents(sample_event)
    heads = {trace.meta["ring"]: trace for trace in _traces(fig, "headcount")}
    for trace in _traces(fig, "incidents") + _traces(fig, "disruptions"):
        steps = heads[trace.meta["ring"]]
        times = pd.to_datetime(pd.Series(steps.x))
        for when, y in zip(pd.to_datetime(pd.Series(trace.x)), trace.y, strict=True):
            position = np.searchsorted(times.to_numpy(), np.datetime64(when), side="right") - 1
            assert y == steps.y[position]


@pytest.fixture(scope="module")
def crowded_event(tmp_path_factory):
    """A generated one-day event of 3,000 incidents (more than one marker each can show)."""
    synthetic = generate_event(seed=23, days=1, n_officers=30, n_risks=6, n_incidents=3000)
    return load_event(write_event(synthetic, tmp_path_factory.mktemp("crowded"), format="parquet"))


def _hour_counts(incidents: pd.DataFrame, zone: str) -> pd.Series:
    """Incidents per (ring, middle of the local clock hour), counted independently."""
    local = incidents["reported_at"].dt.tz_convert(zone).dt.tz_localize(None)
    middle = local.dt.floor("h") + pd.Timedelta(minutes=30)
    return incidents.groupby([incidents["ring"].astype(str), middle]).size()


def test_above_the_limit_markers_count_incidents_per_ring_hour(crowded_event):
    fig = charts.staffing_vs_incidents(crowded_event)
    incidents = crowded_event.incidents
    assert len(incidents) == 3000
    zone = crowded_event.meta.timezone
    for kind, rows in (
        ("incidents", incidents),
        ("disruptions", incidents[incidents["disrupted_proceedings"]]),
    ):
        traces = _traces(fig, kind)
        assert {trace.meta["bin_hours"] for trace in traces} == {1}
        drawn = {
            (trace.meta["ring"], pd.Timestamp(x)): int(count)
            for trace in traces
            for x, count in zip(trace.x, trace.customdata, strict=True)
        }
        assert drawn == _hour_counts(rows, zone).to_dict()
        assert max(len(trace.x) for trace in traces) <= 24  # one day: at most 24 bins a ring
    circles = _traces(fig, "incidents")
    largest = max(max(trace.customdata) for trace in circles)
    for trace in circles:  # area grows with the count: the largest bin gets the largest size
        for count, size in zip(trace.customdata, trace.marker.size, strict=True):
            assert size == pytest.approx(6 + 24 * np.sqrt(count / largest))


def test_counted_markers_are_announced_under_the_title(crowded_event):
    english = charts.staffing_vs_incidents(crowded_event)
    assert "3,000 incidents: each marker counts a ring's incidents in 1 h" in (
        english.layout.title.text
    )
    indonesian = charts.staffing_vs_incidents(crowded_event, lang="id")
    assert "3.000 kejadian: tiap penanda menghitung" in indonesian.layout.title.text
    names = {trace.name for trace in english.data if trace.showlegend is not False}
    assert t("chart.incident_count_marker") in names


def test_up_to_the_limit_each_incident_keeps_its_own_marker(crowded_event):
    from sra_analysis.charts._markers import MARKER_LIMIT

    for count, binned in ((MARKER_LIMIT, False), (MARKER_LIMIT + 1, True)):
        event = dataclasses.replace(crowded_event, incidents=crowded_event.incidents.iloc[:count])
        fig = charts.staffing_vs_incidents(event)
        markers = _traces(fig, "incidents") + _traces(fig, "disruptions")
        assert all(("bin_hours" in trace.meta) == binned for trace in markers)
        if not binned:
            assert sum(len(trace.x) for trace in markers) == count


def test_counted_markers_escape_ring_names(crowded_event):
    rings = tuple(
        dataclasses.replace(ring, name=f"{IMG} {ring.name}") for ring in crowded_event.meta.rings
    )
    event = dataclasses.replace(
        crowded_event, meta=dataclasses.replace(crowded_event.meta, rings=rings)
    )
    fig = charts.staffing_vs_incidents(event)
    hover = "".join(h for trace in _traces(fig, "incidents") for h in trace.hovertext)
    assert "&lt;img src=x onerror=alert(1)&gt;" in hover and IMG not in hover


def test_level_bands_cover_the_windows_with_the_level_colours(sample_event):
    windows = review_windows(sample_event, "1h")
    fig = charts.staffing_vs_incidents(sample_event, windows=windows)
    meta = sample_event.meta
    start = meta.start.tz_localize(None)
    end = meta.end.tz_localize(None)
    bands = [shape for shape in fig.layout.shapes if shape.type == "rect"]
    for row, ring in enumerate(meta.ring_ids, start=1):
        xref = "x" if row == 1 else f"x{row}"
        mine = sorted(
            (shape for shape in bands if shape.xref == xref), key=lambda s: pd.Timestamp(s.x0)
        )
        assert mine[0].yref == f"{'y' if row == 1 else f'y{row}'} domain"
        assert (mine[0].y0, mine[0].y1) == (0, 1)
        assert pd.Timestamp(mine[0].x0) == start
        assert pd.Timestamp(mine[-1].x1) == end
        for before, after in zip(mine, mine[1:], strict=False):
            assert pd.Timestamp(before.x1) == pd.Timestamp(after.x0)
            assert before.name != after.name  # equal neighbours are merged
        part = windows[windows["ring"] == ring]
        for window_start, level in zip(part["window_start"], part["predicted_level"], strict=True):
            local = window_start.tz_localize(None)
            band = next(s for s in mine if pd.Timestamp(s.x0) <= local < pd.Timestamp(s.x1))
            assert band.name == level
            assert band.fillcolor == LEVEL_COLORS[level]
        runs = (part["predicted_level"] != part["predicted_level"].shift()).sum()
        assert len(mine) == runs < len(part)


def test_planned_staffing_is_a_dashed_line_where_planned(sample_event, review):
    fig = charts.staffing_vs_incidents(sample_event, evaluation=review)
    planned = _traces(fig, "planned")
    assert planned and {trace.line.dash for trace in planned} == {"dash"}
    assert sum(trace.showlegend is not False for trace in planned) == 1
    ring = planned[0].meta["ring"]
    expected = review.windows.loc[review.windows["ring"] == ring, "planned_staff"].dropna()
    drawn = {value for value in planned[0].y if value is not None}
    assert drawn == set(expected)


def test_legend_explains_levels_and_markers(sample_event):
    fig = charts.staffing_vs_incidents(sample_event)
    names = {trace.name for trace in fig.data if trace.showlegend is not False}
    assert {t(f"level.{level}") for level in LEVEL_COLORS} <= names
    assert {t("chart.incident_marker"), t("chart.disruption_marker"), t("headcount")} <= names


def _wib(clock: str) -> pd.Timestamp:
    return pd.Timestamp(f"2024-03-01 {clock}", tz="Asia/Jakarta")


def test_bands_and_planned_line_follow_runs_of_windows_by_hand(sample_event):
    # Hand-worked: ring 1 has two high hours, then medium 09-10 and, after a missing hour,
    # medium again 11-13; ring 2 one low hour; ring 3 no windows. A band is a run of
    # touching windows of one level, so ring 1 gets three bands and the gap splits medium.
    rows = [  # ring, start, end, level, planned
        ("1", "07:00", "08:00", "high", 5.0),
        ("1", "08:00", "09:00", "high", 5.0),
        ("1", "09:00", "10:00", "medium", 8.0),
        ("1", "11:00", "12:00", "medium", 8.0),
        ("1", "12:00", "13:00", "medium", np.nan),
        ("2", "07:00", "08:00", "low", np.nan),
    ]
    windows = pd.DataFrame(
        {
            "ring": [r[0] for r in rows],
            "window_start": [_wib(r[1]) for r in rows],
            "window_end": [_wib(r[2]) for r in rows],
            "predicted_level": [r[3] for r in rows],
            "planned_staff": [r[4] for r in rows],
        }
    )
    before = windows.copy()
    fig = charts.staffing_vs_incidents(sample_event, windows=windows)
    pd.testing.assert_frame_equal(windows, before)
    bands = [(s.xref, s.x0, s.x1, s.name) for s in fig.layout.shapes if s.type == "rect"]
    day = "2024-03-01"
    assert [(x, pd.Timestamp(a), pd.Timestamp(b), n) for x, a, b, n in bands] == [
        ("x", pd.Timestamp(f"{day} 07:00"), pd.Timestamp(f"{day} 09:00"), "high"),
        ("x", pd.Timestamp(f"{day} 09:00"), pd.Timestamp(f"{day} 10:00"), "medium"),
        ("x", pd.Timestamp(f"{day} 11:00"), pd.Timestamp(f"{day} 13:00"), "medium"),
        ("x2", pd.Timestamp(f"{day} 07:00"), pd.Timestamp(f"{day} 08:00"), "low"),
    ]
    midnights = [s for s in fig.layout.shapes if s.name == "midnight"]
    assert [pd.Timestamp(s.x0).strftime("%d %H:%M") for s in midnights] == ["02 00:00", "03 00:00"]
    # planned 5 from 07 to 09, a step up to 8 until 10, a break, 8 again from 11 to 12
    (planned,) = _traces(fig, "planned")
    assert planned.meta["ring"] == "1"
    x = [None if v is None else pd.Timestamp(v).strftime("%H:%M") for v in planned.x]
    assert x == ["07:00", "09:00", "09:00", "10:00", None, "11:00", "12:00"]
    assert list(planned.y) == [5.0, 5.0, 8.0, 8.0, None, 8.0, 8.0]


def _runs_by_hand(part: pd.DataFrame, column: str) -> list[tuple]:
    """(start, end, value) of each run of touching windows with one non-missing value."""
    runs: list[list] = []
    for start, end, value in zip(part["window_start"], part["window_end"], part[column],
                                 strict=True):  # fmt: skip
        if pd.isna(value):
            continue
        if runs and runs[-1][1] == start and runs[-1][2] == value:
            runs[-1][1] = end
        else:
            runs.append([start, end, value])
    return [tuple(run) for run in runs]


def test_planned_line_is_the_runs_of_the_windows_plan(sample_event, review):
    fig = charts.staffing_vs_incidents(sample_event, evaluation=review)
    windows = review.windows.sort_values(["ring", "window_start"])
    planned = {trace.meta["ring"]: trace for trace in _traces(fig, "planned")}
    assert set(planned) == {
        str(ring) for ring in windows.loc[windows["planned_staff"].notna(), "ring"].unique()
    }
    for ring, trace in planned.items():
        runs = _runs_by_hand(windows[windows["ring"] == ring], "planned_staff")
        x, y = [], []
        for position, (start, end, value) in enumerate(runs):
            if position and runs[position - 1][1] != start:
                x.append(None)
                y.append(None)
            x += [start.tz_localize(None), end.tz_localize(None)]
            y += [value, value]
        drawn = [None if v is None else pd.Timestamp(v) for v in trace.x]
        assert drawn == x and list(trace.y) == y


def test_headcount_line_counts_the_officers_on_duty(sample_event):
    fig = charts.staffing_vs_incidents(sample_event)
    staffing = sample_event.staffing
    start = sample_event.meta.start.tz_localize(None)
    end = sample_event.meta.end.tz_localize(None)
    for trace in _traces(fig, "headcount"):
        shifts = staffing[staffing["ring"].astype(str) == trace.meta["ring"]]
        on = shifts["shift_start"].dt.tz_localize(None)
        off = shifts["shift_end"].dt.tz_localize(None)
        times = [pd.Timestamp(x) for x in trace.x]
        assert (times[0], times[-1]) == (start, end)
        assert times == sorted(times) and trace.line.shape == "hv"
        for when, heads in zip(times[:-1], trace.y[:-1], strict=True):
            assert heads == shifts.loc[(on <= when) & (off > when), "officer_id"].nunique()
        assert trace.y[-1] == trace.y[-2]  # the last step runs on to the end


def test_centrepiece_layers_in_order(sample_event, review):
    fig = charts.staffing_vs_incidents(sample_event, evaluation=review)
    rings = sample_event.meta.ring_ids
    planned = {str(r) for r in review.windows.loc[review.windows["planned_staff"].notna(), "ring"]}
    per_ring = []
    for ring in rings:  # headcount, planned line where planned, incidents, disruptions
        per_ring += ["headcount", *(["planned"] if ring in planned else []), "incidents",
                     "disruptions"]  # fmt: skip
    kinds = [(trace.meta or {}).get("kind") for trace in fig.data]
    assert kinds == per_ring + [None] * (2 + len(LEVEL_COLORS))  # then the legend entries
    assert [trace.name for trace in fig.data[len(per_ring) :]] == [
        t("chart.incident_marker"),
        t("chart.disruption_marker"),
        *(t(f"level.{level}") for level in LEVEL_COLORS),
    ]
    levels = review.windows.sort_values(["ring", "window_start"])
    runs = sum(len(_runs_by_hand(levels[levels["ring"] == r], "predicted_level")) for r in rings)
    shapes = [shape.name for shape in fig.layout.shapes]
    assert len(shapes) == runs + 2 and shapes[-2:] == ["midnight", "midnight"]


def test_staffing_alignment_planned_diamonds_are_medians(review):
    fig = charts.staffing_alignment(review)
    windows = review.windows
    diamonds = [tr for tr in fig.data if (tr.meta or {}).get("kind") == "planned"]
    expected = (
        windows.dropna(subset=["planned_staff"])
        .groupby([windows["ring"].astype(str), windows["predicted_level"].astype(str)],
                 observed=True)["planned_staff"]
        .median()
    )  # fmt: skip
    drawn = {}
    for trace in diamonds:
        (label,) = trace.x
        level = next(k for k in LEVEL_COLORS if t(f"level.{k}") == label)
        drawn[(trace.meta["ring"], level)] = trace.y[0]
    assert drawn == pytest.approx(expected.to_dict())
    assert {trace.marker.symbol for trace in diamonds} == {"diamond-open"}


def test_chart_functions_are_short_and_documented():
    # the builders are sequences of small, documented steps (house style: modules <= 400
    # lines; a function's code, docstring aside, at most 50 lines)
    import ast
    from pathlib import Path

    folder = Path(charts.__file__).parent
    for module in sorted(folder.glob("*.py")):
        text = module.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 400, module.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef):
                where = f"{module.name}::{node.name}"
                assert ast.get_docstring(node), f"{where} has no docstring"
                code_from = node.body[1].lineno if len(node.body) > 1 else node.body[0].lineno
                assert node.end_lineno - code_from + 1 <= 50, f"{where} is too long"


# ----------------------------------------------------------------------------- escaping


def test_input_text_reaches_the_figures_only_escaped(hostile_event, hostile_review):
    figures = _all_figures(hostile_event, hostile_review)
    summaries = [{"event": {"id": SCRIPT, "name": IMG}, "prediction": {"auc": 0.6}}]
    figures["event_comparison_hostile"] = charts.event_comparison(summaries)
    figures["staffing_vs_incidents_id"] = charts.staffing_vs_incidents(hostile_event, lang="id")
    for name, fig in figures.items():
        body = json.loads(fig.to_json())
        for text in _strings(body):
            assert "<script" not in text.lower(), (name, text)
            assert "<img" not in text.lower(), (name, text)
    centre = figures["staffing_vs_incidents"]
    hover = [h for tr in _traces(centre, "incidents") + _traces(centre, "disruptions")
             for h in tr.hovertext]  # fmt: skip
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in h for h in hover)
    assert any("&lt;img src=x onerror=alert(1)&gt;" in h for h in hover)
    titles = " ".join(a.text for a in centre.layout.annotations) + centre.layout.title.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in titles and "&lt;script&gt;" in titles
    matrix = json.dumps(json.loads(figures["risk_matrix"].to_json()))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; crowd" in matrix


def test_long_descriptions_are_truncated(hostile_event):
    fig = charts.staffing_vs_incidents(hostile_event)
    hover = next(
        h
        for tr in _traces(fig, "incidents") + _traces(fig, "disruptions")
        for h in tr.hovertext
        if "&lt;script&gt;alert" in h
    )
    description = hover.split(f"{t('description')}:<br>")[1].replace("<br>", " ")
    assert description.endswith("…")
    assert description.count("x") < 200


def test_long_names_and_ids_are_cut_wherever_they_are_shown(sample_event, review):
    incidents = sample_event.incidents.copy()
    for column in ("category_text", "incident_id", "risk_id"):
        incidents[column] = incidents[column].astype(object)
    # a category outside the vocabulary is loaded as other and shown as written
    incidents.loc[0, ["category", "category_text", "incident_id", "risk_id"]] = [
        "other", "c" * 100_000, "I" * 100_000, None,
    ]  # fmt: skip
    rings = tuple(dataclasses.replace(r, name="R" * 100_000) for r in sample_event.meta.rings)
    meta = dataclasses.replace(sample_event.meta, rings=rings)
    event = dataclasses.replace(sample_event, incidents=incidents, meta=meta)
    fig = charts.staffing_vs_incidents(event)
    hover = [
        h for tr in _traces(fig, "incidents") + _traces(fig, "disruptions") for h in tr.hovertext
    ]
    assert max(len(text) for text in hover) < 2_000
    assert any("c" * 79 + "…" in text for text in hover)
    # 35 hovers and 3 titles would carry 100,000 characters of ring name each
    assert len(fig.to_json()) < 1_000_000
    matrix = charts.risk_matrix(dataclasses.replace(review, meta=meta))
    assert len(matrix.to_json()) < 1_000_000


# ----------------------------------------------------------------------------- language


def test_indonesian_labels(sample_event, review):
    centre = charts.staffing_vs_incidents(sample_event, evaluation=review, lang="id")
    assert centre.layout.yaxis.title.text == "Personel"
    assert centre.layout.xaxis3.title.text == "Waktu setempat (WIB)"
    # ring 1 first: the plenary room, as Polri numbers rings
    assert centre.layout.annotations[0].text.startswith("<b>Ruang pleno (ring 1)</b>")
    rate = charts.rate_by_level(review, lang="id")
    assert rate.layout.xaxis2.title.text == t("predicted_level", "id") == "Tingkat risiko (SRA)"
    assert list(rate.layout.xaxis.categoryarray)[-1] == "ekstrem"
    matrix = charts.risk_matrix(review, lang="id")
    assert (matrix.layout.xaxis.title.text, matrix.layout.yaxis.title.text) == (
        "Dampak",
        "Kemungkinan",
    )
    assert charts.ring_rates(review, lang="id").data[0].x == (
        "Ruang pleno",
        "Dalam gedung",
        "Luar pagar",
    )
    assert charts.hour_of_day_heatmap(sample_event, lang="id").layout.xaxis.title.text == "Jam"
    assert charts.calibration(review, lang="id").layout.xaxis.title.text == (
        "Probabilitas prakiraan"
    )
    heat = charts.confusion_heatmap(review, lang="id")
    assert list(heat.data[0].x) == ["tidak ada kejadian", "kejadian", "gangguan"]
    comparison = charts.event_comparison(_summaries(5), lang="id")
    assert comparison.layout.yaxis.title.text.startswith("5 kegiatan")


def _every_chart(event, review, lang):
    return {
        "staffing_vs_incidents": charts.staffing_vs_incidents(event, evaluation=review, lang=lang),
        "rate_by_level": charts.rate_by_level(review, lang=lang),
        "confusion_heatmap": charts.confusion_heatmap(review, lang=lang),
        "risk_matrix": charts.risk_matrix(review, lang=lang),
        "ring_rates": charts.ring_rates(review, lang=lang),
        "hour_of_day_heatmap": charts.hour_of_day_heatmap(event, lang=lang),
        "calibration": charts.calibration(review, lang=lang),
        "staffing_alignment": charts.staffing_alignment(review, lang=lang),
        "event_comparison": charts.event_comparison(_summaries(5), lang=lang),
        "capture_funnel": charts.capture_funnel(_summaries(5), lang=lang),
        "verdict_counts": charts.verdict_counts(_summaries(5), lang=lang),
    }


@pytest.mark.parametrize(("lang", "separators"), [("en", ".,"), ("id", ",.")])
def test_every_chart_writes_numbers_as_the_language_does(sample_event, review, lang, separators):
    # Plotly's layout.separators is "decimal then thousands"; CLDR id: decimal ",", group "."
    for name, fig in _every_chart(sample_event, review, lang).items():
        assert fig.layout.separators == separators, name


def test_indonesian_dates_times_and_numbers_in_the_charts(sample_event, review):
    english = charts.staffing_vs_incidents(sample_event, evaluation=review, lang="en")
    bahasa = charts.staffing_vs_incidents(sample_event, evaluation=review, lang="id")
    # the axis spans 2024-03-01 07:00 – 03-03 23:00 (64 hours): a tick every 6 hours from
    # 12:00 on Friday 1 March (Jumat, abbreviated "Jum" in CLDR id), times as HH.mm in id
    assert bahasa.layout.xaxis3.ticktext[0] == "12.00<br><b>Jum 01 Mar</b>"
    assert english.layout.xaxis3.ticktext[0] == "12:00<br><b>Fri 01 Mar</b>"
    assert "00.00<br><b>Sab 02 Mar</b>" in bahasa.layout.xaxis3.ticktext

    def hovers(fig):
        return [h for trace in fig.data for h in (trace.hovertext or ())]

    # INC-001 was reported at 2024-03-01 07:35 (incidents.csv of the sample)
    assert any("Dilaporkan" in h and "Jum 01 Mar 2024 07.35" in h for h in hovers(bahasa))
    assert any("Fri 01 Mar 2024 07:35" in h for h in hovers(english))
    assert not any("Fri " in h or "07:35" in h for h in hovers(bahasa))
    headcount = next(tr for tr in bahasa.data if (tr.meta or {}).get("kind") == "headcount")
    assert "%{x|%d/%m/%Y %H.%M}" in headcount.hovertemplate

    # the confusion matrix's share of each level, and the comparison's numbers
    heat = charts.confusion_heatmap(review, lang="id")
    shares = [cell for row in heat.data[0].customdata for cell in row]
    assert all(cell == "–" or cell.endswith("%") for cell in shares)
    comparison = charts.event_comparison(_summaries(5), lang="id")
    text = " ".join(h for trace in comparison.data for h in (trace.hovertext or ()))
    assert re.search(r"AUC: 0,\d\d \[0,\d\d–", text)
    assert not re.search(r"\d\.\d\d(?!\d)", text)  # no decimal point before two decimals
    assert re.search(r"\d\.\d{3}", text)  # officer-hours 500–2000 grouped with a dot


@pytest.mark.parametrize(
    "build",
    [
        lambda e, r: charts.staffing_vs_incidents(e, lang="fr"),
        lambda e, r: charts.rate_by_level(r, lang="fr"),
        lambda e, r: charts.confusion_heatmap(r, lang="fr"),
        lambda e, r: charts.risk_matrix(e, lang="fr"),
        lambda e, r: charts.ring_rates(r, lang="fr"),
        lambda e, r: charts.hour_of_day_heatmap(e, lang="fr"),
        lambda e, r: charts.calibration(r, lang="fr"),
        lambda e, r: charts.staffing_alignment(r, lang="fr"),
        lambda e, r: charts.event_comparison(_summaries(2), lang="fr"),
    ],
)
def test_unknown_language_is_refused(build, sample_event, review):
    with pytest.raises(ParameterError, match="lang must be one of"):
        build(sample_event, review)


# ----------------------------------------------------------------------------- the rest


@pytest.mark.parametrize("source", ["evaluation", "table"])
def test_rate_by_level_error_bars_are_the_table_intervals(review, source):
    data = review if source == "evaluation" else review.rate_by_level
    fig = charts.rate_by_level(data)
    table = review.rate_by_level
    for trace in fig.data:
        name = trace.meta
        rate = table[f"{name}_rate"].to_numpy(dtype=float)
        y = np.array([np.nan if v is None else v for v in trace.y], dtype=float)
        np.testing.assert_allclose(y, rate)
        plus = np.array([np.nan if v is None else v for v in trace.error_y.array], dtype=float)
        minus = np.array(
            [np.nan if v is None else v for v in trace.error_y.arrayminus], dtype=float
        )
        np.testing.assert_allclose(rate + plus, table[f"{name}_ci_high"], rtol=1e-12)
        np.testing.assert_allclose(rate - minus, table[f"{name}_ci_low"], atol=1e-12)
        assert list(trace.marker.color) == [LEVEL_COLORS[level] for level in table["level"]]


def test_rate_by_level_keeps_absent_levels_on_the_axis(review):
    fig = charts.rate_by_level(review)
    assert list(fig.layout.xaxis.categoryarray) == [t(f"level.{k}") for k in LEVEL_COLORS]
    absent = review.rate_by_level.loc[review.rate_by_level["windows"] == 0, "level"]
    assert len(absent) == 2  # none and low: nothing in the sample is rated so
    notes = [a for a in fig.layout.annotations if t("chart.no_windows") in a.text]
    assert sorted({a.x for a in notes}) == sorted(t(f"level.{level}") for level in absent)
    assert len(notes) == 2 * len(absent)  # one per panel


def test_confusion_heatmap_shows_the_counts(review):
    fig = charts.confusion_heatmap(review.confusion)
    heat = fig.data[0]
    np.testing.assert_array_equal(np.asarray(heat.z), review.confusion.to_numpy())
    assert list(heat.y) == [t(f"level.{level}") for level in review.confusion.index]
    assert heat.texttemplate == "%{z:.0f}"


def test_risk_matrix_places_every_threat(sample_event, review):
    fig = charts.risk_matrix(sample_event)
    cells = [shape for shape in fig.layout.shapes if shape.type == "rect"]
    assert len(cells) == 25
    for cell in cells:
        impact, likelihood = round(cell.x0 + 0.5), round(cell.y0 + 0.5)
        level = str(sample_event.meta.risk_levels.level_of([impact * likelihood])[0])
        assert (cell.name, cell.fillcolor) == (level, LEVEL_COLORS[level])
    realised = next(tr for tr in fig.data if tr.meta == "realised")
    not_realised = next(tr for tr in fig.data if tr.meta == "not_realised")
    assert len(realised.x) + len(not_realised.x) == len(sample_event.risks)
    assert set(not_realised.text) == set(
        review.sra_items.loc[~review.sra_items.realised, "risk_id"]
    )
    # every marker stays inside its own cell
    items = sample_event.risks.set_index("risk_id")
    for trace in (realised, not_realised):
        for x, y, risk in zip(trace.x, trace.y, trace.text, strict=True):
            assert abs(x - items.loc[risk, "impact"]) < 0.5
            assert abs(y - items.loc[risk, "likelihood"]) < 0.5
    from_review = charts.risk_matrix(review)
    assert set(next(tr for tr in from_review.data if tr.meta == "realised").text) == set(
        realised.text
    )


def test_ring_rates_bars_and_intervals(review):
    fig = charts.ring_rates(review.by_ring)
    bar = fig.data[0]
    table = review.by_ring
    np.testing.assert_allclose(bar.y, table["incidents_per_100_officer_hours"])
    np.testing.assert_allclose(np.asarray(bar.y) + bar.error_y.array, table["ci_high"])
    assert list(bar.x) == list(table["ring_name"])


@pytest.mark.parametrize("lang", ["en", "id"])
def test_rate_charts_say_how_their_intervals_were_made_and_what_they_assume(review, lang):
    # the Garwood interval counts incidents as independent (issue: clustered incidents)
    words = {"en": ("Garwood", "independent", "episodes"),
             "id": ("Garwood", "berdiri sendiri", "berangkai")}[lang]  # fmt: skip
    for fig in (charts.rate_by_level(review, lang=lang), charts.ring_rates(review, lang=lang)):
        title = fig.layout.title.text
        assert all(word in title for word in words), title


def test_hour_of_day_counts_from_event_and_windows_agree(sample_event, review):
    from_event = charts.hour_of_day_heatmap(sample_event).data[0]
    from_windows = charts.hour_of_day_heatmap(review).data[0]
    z = np.asarray(from_event.z)
    assert z.shape == (3, 24)
    assert z.sum() == len(sample_event.incidents)
    np.testing.assert_array_equal(z, np.asarray(from_windows.z))
    rate = np.asarray(charts.hour_of_day_heatmap(sample_event, per_ring_hour=True).data[0].z)
    exposure = np.asarray(from_event.customdata)[..., 1]
    assert exposure[0].sum() == pytest.approx(64.0)  # 1 March 07:00 to 3 March 23:00
    np.testing.assert_allclose(rate * exposure, z)
    local_hours = sample_event.incidents["reported_at"].dt.hour
    ring_one = sample_event.incidents["ring"] == "1"
    assert z[0, 7] == int((local_hours[ring_one] == 7).sum())


def test_calibration_points_and_refusal_without_probabilities(sample_event, review):
    fig = charts.calibration(review)
    bins = review.reliability[review.reliability["n"] > 0]
    points = next(tr for tr in fig.data if tr.meta == "bins")
    np.testing.assert_allclose(points.x, bins["mean_forecast"])
    np.testing.assert_allclose(np.asarray(points.y) + points.error_y.array, bins["ci_high"])
    assert next(tr for tr in fig.data if tr.meta == "diagonal").x[0] == 0
    assert points.marker.size[bins["n"].argmax()] == max(points.marker.size)
    no_probability = dataclasses.replace(
        sample_event, risks=sample_event.risks.assign(probability=np.nan)
    )
    with pytest.raises(ParameterError, match="no probabilit|probabilities"):
        charts.calibration(evaluate(no_probability, n_resamples=0))
    with pytest.raises(ParameterError, match="reliability table is empty"):
        charts.calibration(pd.DataFrame())


def test_staffing_alignment_boxes_hold_the_windows(review):
    fig = charts.staffing_alignment(review)
    windows = review.windows
    boxes = [trace for trace in fig.data if trace.type == "box"]
    assert sum(len(box.y) for box in boxes) == len(windows)
    for box in boxes:
        part = windows[
            (windows["ring"] == box.meta["ring"])
            & (windows["predicted_level"] == box.meta["level"])
        ]
        np.testing.assert_allclose(box.y, part["mean_staff"])
        assert box.fillcolor == LEVEL_COLORS[box.meta["level"]]
    stars = [tr for tr in fig.data if (tr.meta or {}).get("kind") == "disruptions"]
    assert sum(len(star.y) for star in stars) == int((windows["disruptions"] > 0).sum())
    assert {star.marker.symbol for star in stars} == {"star"}


def test_event_comparison_is_sorted_for_514_events():
    # its speed at 514 events is measured by benchmarks/bench_charts.py, not asserted here
    summaries = _summaries(514)
    fig = charts.event_comparison(summaries)
    assert len(fig.data) == 3
    assert all(len(trace.x) == 514 for trace in fig.data)
    assert not any(trace.showlegend for trace in fig.data)
    assert fig.layout.yaxis.showticklabels is False
    auc = np.array([np.nan if v is None else v for v in fig.data[0].x], dtype=float)
    known = auc[~np.isnan(auc)]
    assert np.all(np.diff(known) <= 0) and np.isnan(auc[-1])  # highest first, missing last


def test_event_comparison_accepts_a_dataframe_and_labels_few_events():
    summaries = _summaries(27)
    table = pd.json_normalize(summaries)
    before = table.copy()
    fig = charts.event_comparison(table, sort_by="pai")
    pd.testing.assert_frame_equal(table, before)
    assert fig.layout.yaxis.showticklabels is not False
    pai = list(fig.data[1].x)
    assert pai == sorted(pai, reverse=True)
    rates = charts.comparison_table(summaries)
    expected = np.array([s["totals"]["incidents_in_windows"] / s["totals"]["officer_hours"] * 100
                         for s in summaries])  # fmt: skip
    np.testing.assert_allclose(rates["incidents_per_100_officer_hours"], expected)
    with pytest.raises(ParameterError, match="sort_by must be one of"):
        charts.event_comparison(table, sort_by="name")


def test_builders_do_not_mutate_their_inputs(sample_event, review):
    tables = {
        "windows": review.windows,
        "rate_by_level": review.rate_by_level,
        "by_ring": review.by_ring,
        "confusion": review.confusion,
        "reliability": review.reliability,
        "sra_items": review.sra_items,
        "incidents": sample_event.incidents,
        "staffing": sample_event.staffing,
        "risks": sample_event.risks,
    }
    copies = {name: table.copy(deep=True) for name, table in tables.items()}
    windows = review.windows
    windows_copy = windows.copy(deep=True)
    _all_figures(sample_event, review)
    charts.staffing_vs_incidents(sample_event, windows=windows)
    charts.rate_by_level(review.rate_by_level)
    charts.confusion_heatmap(review.confusion)
    charts.ring_rates(review.by_ring)
    charts.hour_of_day_heatmap(windows)
    charts.calibration(review.reliability)
    charts.staffing_alignment(windows)
    for name, table in tables.items():
        pd.testing.assert_frame_equal(table, copies[name], obj=name)
    pd.testing.assert_frame_equal(windows, windows_copy)


def test_builders_leave_plotly_global_state_alone(sample_event, review):
    template, renderer = pio.templates.default, pio.renderers.default
    figures = _all_figures(sample_event, review)
    assert all(isinstance(fig, go.Figure) for fig in figures.values())
    assert (pio.templates.default, pio.renderers.default) == (template, renderer)


def test_wrong_data_is_refused_with_the_argument_named(sample_event):
    with pytest.raises(ParameterError, match="rate_by_level: data must be an Evaluation"):
        charts.rate_by_level([1, 2])
    with pytest.raises(ParameterError, match="lacks column"):
        charts.ring_rates(pd.DataFrame({"ring": ["1"]}))
    with pytest.raises(ParameterError, match="event must be an Event"):
        charts.staffing_vs_incidents(sample_event.incidents)
    windows_only = evaluate(review_windows(sample_event), n_resamples=0)
    with pytest.raises(ParameterError, match="risk_matrix"):
        charts.risk_matrix(windows_only)
