"""rollup.json and ``sra-review rollup``: the pooled analysis of reports a batch wrote."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pandas as pd
import pytest
from conftest import ROLLUP_EVENTS

from sra_analysis.cli import main
from sra_analysis.reports.pages.rollup_run import plain, rollup_results, write_rollup


def test_plain_makes_json_values_of_tables_numbers_and_missing_values():
    value = {
        "nan": float("nan"), "inf": np.float64("inf"), "int": np.int64(7), "na": pd.NA,
        "when": pd.Timestamp("2024-03-01 07:00", tz="Asia/Jakarta"), "nat": pd.NaT,
        "table": pd.DataFrame({"level": ["low", "high"], "rate": [0.5, np.nan]}),
    }  # fmt: skip
    assert plain(value) == {
        "nan": None, "inf": None, "int": 7, "na": None,
        "when": "2024-03-01T07:00:00+07:00", "nat": None,
        "table": [{"level": "low", "rate": 0.5}, {"level": "high", "rate": None}],
    }  # fmt: skip


def test_rollup_json_pools_the_reports_and_names_what_it_skipped(rollup_batch, tmp_path):
    path, results = write_rollup(rollup_batch, tmp_path / "rollup")
    assert path == tmp_path / "rollup" / "rollup.json"
    on_disk = json.loads(path.read_text("utf-8"))
    assert on_disk == results
    json.dumps(results, allow_nan=False)  # plain JSON: no NaN or Infinity
    assert sorted(results["events"]) == sorted(ROLLUP_EVENTS)
    assert results["set_aside"] == [{
        "event": "kota-depok-2024",
        "folder": str(rollup_batch / "kota-depok-2024"),
        "reason": "no summary.json: the report FAILED or did not finish",
    }]  # fmt: skip
    summaries = [
        json.loads((rollup_batch / name / "summary.json").read_text("utf-8"))
        for name in ROLLUP_EVENTS
    ]
    # the totals are counted from the tables; untampered, they are the summaries' sums
    for key in ("incidents", "disruptions", "ring_hours", "officer_hours", "personnel"):
        assert results["totals"][key] == pytest.approx(sum(s["totals"][key] for s in summaries))
    # the pooled rates by level add up to the totals
    by_level = results["rates_by_level"]
    assert sum(row["incidents"] for row in by_level) == results["totals"]["incidents_in_windows"]
    assert sum(row["hours"] for row in by_level) == pytest.approx(results["totals"]["ring_hours"])
    ratio = results["level_rate_ratio"]["disruptions"]
    assert ratio["events"] == 3
    assert ratio["ci_low"] <= ratio["rate_ratio"] <= ratio["ci_high"]
    # the between-event combination is reported as a rate ratio too: exp of DL's log ratio
    from sra_analysis.reports.rollup_inputs import read_reports
    from sra_analysis.rollup import level_rate_ratio

    dl = level_rate_ratio(read_reports(rollup_batch).tables["windows"]).heterogeneity
    between = ratio["between_events"]
    assert between["events"] == dl.k
    if dl.k:
        assert between["rate_ratio"] == pytest.approx(math.exp(dl.estimate))
        assert between["ci_low"] <= between["rate_ratio"] <= between["ci_high"]
    assert sum(v["events"] for v in results["verdicts"]) == 3
    assert all(lesson["text"] for lesson in results["lessons"])
    # every sample ring has a zone: the hot spots pool by zone and nothing by name
    assert results["ring_pooling"] == {
        "by_zone": list(results["events"]), "without_zone": [], "note": None
    }  # fmt: skip
    assert {row["ring"] for row in results["hot_spots"]} <= {
        "core", "building", "perimeter", "outer"
    }  # fmt: skip
    assert {row["pooled_by"] for row in results["hot_spots"]} == {"zone"}


def test_lessons_follow_the_language(rollup_batch):
    from sra_analysis.reports.rollup_inputs import read_reports

    read = read_reports(rollup_batch)
    english = rollup_results(read, lang="en")["lessons"]
    indonesian = rollup_results(read, lang="id")["lessons"]
    assert len(english) == len(indonesian) > 0
    assert [e["text"] for e in english] != [i["text"] for i in indonesian]
    assert [e["estimate"] for e in english] == [i["estimate"] for i in indonesian]


def test_sra_review_rollup_prints_the_lessons_and_where_it_wrote(rollup_batch, tmp_path, capsys):
    assert main(["rollup", str(rollup_batch), "--out", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert re.fullmatch(
        rf"3 events pooled, 1 set aside in \d+\.\d s; roll-up: {re.escape(str(tmp_path))}"
        r"/rollup\.html",
        lines[-1],
    )
    assert {p.name for p in tmp_path.iterdir()} == {"rollup.html", "rollup.ipynb", "rollup.json"}
    assert (
        lines[-2]
        == "set aside kota-depok-2024: no summary.json: the report FAILED or did not finish"
    )
    assert lines[0].startswith("- ")


@pytest.mark.parametrize(
    ("arguments", "status", "message"),
    [
        (["rollup", "{missing}", "--out", "{tmp}"], 66, "no such folder"),
        (["rollup", "{failed}", "--out", "{tmp}"], 64, "no report to pool"),
        (["rollup", "{batch}", "--out", "{file}"], 73, "is a file, not a folder"),
        (["rollup", "{batch}"], 64, "the following arguments are required: --out"),
    ],
)
def test_sra_review_rollup_errors_are_one_line(
    rollup_batch, tmp_path, capsys, arguments, status, message
):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    names = {
        "missing": tmp_path / "missing", "tmp": tmp_path / "out", "batch": rollup_batch,
        "failed": rollup_batch / "kota-depok-2024", "file": tmp_path / "a-file",
    }  # fmt: skip
    assert main([a.format(**names) for a in arguments]) == status
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert message in err.strip().splitlines()[-1]


def test_cells_pool_under_one_banding_and_not_under_several(rollup_batch, tmp_path):
    import shutil

    from sra_analysis.reports.rollup_inputs import read_reports

    results = rollup_results(read_reports(rollup_batch))
    assert results["cells_note"] is None
    bands = {"low": [1, 4], "medium": [5, 9], "high": [10, 14], "extreme": [15, 25]}
    assert results["cells"]["bands"] == bands  # the sample events' own banding
    assert results["suggested_banding"]["current"] == bands
    cells = results["cells"]["cells"]
    assert len(cells) == 25  # every likelihood × impact cell of the 5 × 5 matrix
    for cell in cells:  # each cell is banded by its score, as event.yaml says
        low, high = bands[cell["level"]]
        assert low <= cell["likelihood"] * cell["impact"] == cell["score"] <= high
    # the exposure of the cells is the ring-hours an SRA item covered
    read = read_reports(rollup_batch)
    covered = read.tables["windows"]["likelihood"].notna()
    assert sum(c["hours"] for c in cells) == pytest.approx(
        read.tables["windows"].loc[covered, "hours"].sum()
    )

    # one report banded differently: cells are not pooled, and rollup.json says why
    other = shutil.copytree(rollup_batch / "kab-garut-2024", tmp_path / "kab-garut-2024")
    summary = json.loads((other / "summary.json").read_text("utf-8"))
    summary["event"]["risk_levels"] = {"low": [1, 9], "high": [10, 25]}
    (other / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    mixed = rollup_results(read_reports([rollup_batch / "purwakarta-2024", other]))
    assert mixed["cells"] is None and mixed["suggested_banding"] is None
    assert mixed["cells_note"].startswith("the events band their scores differently")


def test_rollup_reports_is_typed_and_its_dict_is_rollup_json(rollup_batch, tmp_path):
    from sra_analysis import Rollup, rollup_reports

    rollup = rollup_reports(rollup_batch, lang="id")
    path, written = write_rollup(rollup_batch, tmp_path, lang="id")
    assert rollup.to_dict() == written == json.loads(path.read_text("utf-8"))
    assert Rollup.from_file(path) == rollup
    assert sorted(rollup.events) == sorted(ROLLUP_EVENTS)
    (aside,) = rollup.set_aside
    assert (aside.event, aside.reason) == (
        "kota-depok-2024", "tidak ada summary.json: laporannya GAGAL atau belum selesai"
    )  # fmt: skip
    assert rollup.totals.incidents == written["totals"]["incidents"]
    step = rollup.level_rate_ratio["disruptions"]
    assert step.computed and step.events == 3
    assert step.rate_ratio == written["level_rate_ratio"]["disruptions"]["rate_ratio"]
    assert repr(rollup) == f"Rollup(events=3, set_aside=1, lessons={len(rollup.lessons)})"
    lines = rollup.summary(lang="id").splitlines()
    assert lines[:2] == [
        "Kegiatan digabung: 3",
        "Disisihkan: kota-depok-2024: tidak ada summary.json: laporannya GAGAL atau belum selesai",
    ]
    assert [line for line in lines if line.startswith("Untuk SRA berikutnya: ")] == [
        f"Untuk SRA berikutnya: {lesson.text}" for lesson in rollup.lessons
    ]
