"""The roll-up reads each report's summary and tables back from a batch's output folder."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROLLUP_EVENTS as EVENTS

from sra_analysis import InputFileError, ParameterError
from sra_analysis.reports.rollup_inputs import read_reports, report_folders


@pytest.fixture(scope="module")
def out(rollup_batch):
    return rollup_batch


def test_pooled_totals_equal_the_sums_of_the_per_event_summaries(out):
    read = read_reports(out)
    assert sorted(read.summaries) == sorted(EVENTS)
    windows, incidents = read.tables["windows"], read.tables["incidents"]
    for event_id, summary in read.summaries.items():
        totals = summary.totals
        mine = windows[windows["event_id"] == event_id]
        assert mine["incidents"].sum() == totals.incidents_in_windows
        assert mine["disruptions"].sum() == totals.disruptions_in_windows
        assert mine["officer_hours"].sum() == pytest.approx(totals.officer_hours)
        assert mine["hours"].sum() == pytest.approx(totals.ring_hours)
        assert (incidents["event_id"] == event_id).sum() == totals.incidents
    totals = [s.totals for s in read.summaries.values()]
    assert windows["disruptions"].sum() == sum(t.disruptions_in_windows for t in totals)
    assert len(incidents) == sum(t.incidents for t in totals)


def test_a_failed_report_is_skipped_and_said_so(out):
    read = read_reports(out)
    assert read.skipped == (
        (str(out / "kota-depok-2024"), "no summary.json: the report FAILED or did not finish"),
    )


def test_report_folders_and_batch_folders_are_both_accepted(out):
    one = read_reports([out / "purwakarta-2024", out / "kota-bogor-2024"])
    assert list(one.summaries) == ["purwakarta-2024", "kota-bogor-2024"]
    assert report_folders(out) == sorted(p for p in out.iterdir() if p.is_dir())


def test_a_report_without_its_tables_is_skipped_naming_them(out, tmp_path):
    old = shutil.copytree(out / "kab-garut-2024", tmp_path / "kab-garut-2024")
    (old / "register.parquet").unlink()
    read = read_reports([out / "purwakarta-2024", old])
    assert list(read.summaries) == ["purwakarta-2024"]
    assert read.skipped == ((str(old), "no register.parquet: rerun its report to make them"),)


def test_one_event_twice_is_refused_naming_both_folders(out, tmp_path):
    twin = shutil.copytree(out / "purwakarta-2024", tmp_path / "elsewhere")
    with pytest.raises(ParameterError, match="two reports of event 'purwakarta-2024'"):
        read_reports([out / "purwakarta-2024", twin])


def test_nothing_to_pool_and_bad_paths_are_errors(out, tmp_path):
    with pytest.raises(ParameterError, match="no report to pool"):
        read_reports(out / "kota-depok-2024")
    with pytest.raises(InputFileError, match="no such folder"):
        read_reports(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputFileError, match="holds no report"):
        read_reports(tmp_path / "empty")


def test_a_summary_that_cannot_be_read_is_skipped(out, tmp_path):
    bad = shutil.copytree(out / "kota-bogor-2024", tmp_path / "kota-bogor-2024")
    (bad / "summary.json").write_text("{not json", encoding="utf-8")
    read = read_reports([out / "purwakarta-2024", bad])
    assert list(read.summaries) == ["purwakarta-2024"]
    assert read.skipped[0][0] == str(bad)
    assert read.skipped[0][1].startswith("summary.json cannot be read as JSON (")
    assert read.set_aside[0].event == "kota-bogor-2024"  # named by its folder


def test_a_summary_without_totals_is_skipped(out, tmp_path):
    import json

    bad = shutil.copytree(out / "kota-bogor-2024", tmp_path / "kota-bogor-2024")
    summary = json.loads((bad / "summary.json").read_text(encoding="utf-8"))
    summary["totals"] = "lots"
    (bad / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    read = read_reports([out / "purwakarta-2024", bad])
    assert list(read.summaries) == ["purwakarta-2024"]
    assert read.skipped[0][1] == (
        'summary.json totals: must be an object of named values, got "lots"'
    )
    assert read.set_aside[0].event == "kota-bogor-2024"


def test_a_damaged_or_foreign_table_sets_its_report_aside(out, tmp_path):
    import pandas as pd

    damaged = shutil.copytree(out / "kota-bogor-2024", tmp_path / "kota-bogor-2024")
    (damaged / "incidents.parquet").write_bytes(b"PAR1 but not really")
    foreign = shutil.copytree(out / "kab-garut-2024", tmp_path / "kab-garut-2024")
    windows = pd.read_parquet(foreign / "windows.parquet")
    windows.drop(columns=["level_rank", "officer_hours"]).to_parquet(foreign / "windows.parquet")
    read = read_reports([out / "purwakarta-2024", damaged, foreign])
    assert list(read.summaries) == ["purwakarta-2024"]
    assert read.folders == {"purwakarta-2024": out / "purwakarta-2024"}
    reasons = dict(read.skipped)
    assert reasons[str(damaged)].startswith("incidents.parquet cannot be read (")
    assert reasons[str(foreign)] == (
        "windows.parquet lacks column(s) ['officer_hours', 'level_rank']: rerun its report"
    )


def test_check_reports_refuses_what_read_reports_refuses_without_reading_a_table(out, tmp_path):
    from sra_analysis.reports.rollup_inputs import check_reports

    assert sorted(p.name for p in check_reports(out)) == sorted(EVENTS)
    twin = shutil.copytree(out / "purwakarta-2024", tmp_path / "elsewhere")
    with pytest.raises(ParameterError, match="two reports of event 'purwakarta-2024'"):
        check_reports([out / "purwakarta-2024", twin])
    with pytest.raises(ParameterError, match="no report to pool"):
        check_reports(out / "kota-depok-2024")
    with pytest.raises(InputFileError, match="no such folder"):
        check_reports(tmp_path / "missing")
    # a damaged table is found only by reading it: the check passes, the reading sets it aside
    (twin / "windows.parquet").write_bytes(b"not parquet")
    assert check_reports(twin) == [twin]
    with pytest.raises(ParameterError, match="windows.parquet cannot be read"):
        read_reports(twin)
