"""One report folder read as untrusted input: rollup/folders.read_report_folder."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from hostile_cases import CORPUS

from sra_analysis.report_folder import ReportFolderError
from sra_analysis.reports.pages.session import start_review
from sra_analysis.rollup.folders import missing_files, read_report_folder


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The report folder of the hostile corpus's clean event (10 incidents, 5 disrupted)."""
    folder = tmp_path_factory.mktemp("report") / "hostile-clean"
    folder.mkdir()
    start_review(event_dir=str(CORPUS / "clean"), n_resamples=0,
                 summary_path=str(folder / "summary.json"))  # fmt: skip
    return folder


@pytest.fixture
def copy(report, tmp_path):
    return shutil.copytree(report, tmp_path / "hostile-clean")


def _reason(folder) -> str:
    with pytest.raises(ReportFolderError) as caught:
        read_report_folder(folder)
    assert caught.value.event == "hostile-clean"
    return caught.value.reason("en")


def test_a_sound_folder_reads_its_tables_as_written(report):
    read = read_report_folder(report)
    assert read.event_id == "hostile-clean" and read.folder == report
    for name in ("windows", "incidents", "register"):
        pd.testing.assert_frame_equal(
            read.tables[name], pd.read_parquet(report / f"{name}.parquet")
        )
    assert read.summary.totals.incidents == len(read.tables["incidents"]) == 10


def test_numbers_written_as_text_are_checked_and_typed(copy):
    windows = pd.read_parquet(copy / "windows.parquet")
    before = windows.copy()
    windows.assign(hours=windows["hours"].map(str)).to_parquet(copy / "windows.parquet")
    read = read_report_folder(copy)
    assert read.tables["windows"]["hours"].dtype == float
    assert read.tables["windows"]["hours"].tolist() == before["hours"].tolist()


def test_a_missing_rating_is_allowed_and_an_impossible_one_is_not(copy):
    windows = pd.read_parquet(copy / "windows.parquet")
    windows["likelihood"] = windows["likelihood"].astype("Int64")
    uncovered = windows["likelihood"].isna()  # windows no register row covers have none
    assert 0 < uncovered.sum() < len(windows)
    row = int(uncovered.to_numpy().argmin())  # a covered window, made uncovered
    windows.loc[row, "likelihood"] = pd.NA
    windows.to_parquet(copy / "windows.parquet")
    read = read_report_folder(copy).tables["windows"]["likelihood"]
    assert read.isna().sum() == uncovered.sum() + 1
    windows.loc[row + 1, "likelihood"] = 6
    windows.to_parquet(copy / "windows.parquet")
    assert _reason(copy) == (
        f"windows.parquet row {row + 1}, column likelihood: must be a whole number from 1 to 5, "
        "got 6"
    )


def test_disruptions_in_the_summary_must_be_those_of_the_incident_table(copy):
    body = json.loads((copy / "summary.json").read_text("utf-8"))
    body["totals"]["disruptions"] = 2
    (copy / "summary.json").write_text(json.dumps(body), encoding="utf-8")
    assert _reason(copy) == "summary.json totals.disruptions says 2, its tables give 5"


def test_officer_hours_within_rounding_agree(copy):
    body = json.loads((copy / "summary.json").read_text("utf-8"))
    body["totals"]["officer_hours"] += 0.004  # rounded differently: still the same hours
    (copy / "summary.json").write_text(json.dumps(body), encoding="utf-8")
    assert read_report_folder(copy).summary.totals.officer_hours == pytest.approx(
        body["totals"]["officer_hours"]
    )
    body["totals"]["officer_hours"] += 1.0
    (copy / "summary.json").write_text(json.dumps(body), encoding="utf-8")
    assert _reason(copy).startswith("summary.json totals.officer_hours says ")


def test_a_table_without_a_column_or_a_flag_as_text_is_named(copy):
    incidents = pd.read_parquet(copy / "incidents.parquet")
    incidents.assign(disruption=incidents["disruption"].map(str)).to_parquet(
        copy / "incidents.parquet"
    )
    assert _reason(copy) == (
        "incidents.parquet row 0, column disruption: must be true or false, got 'False'"
    )
    incidents.drop(columns="severity").to_parquet(copy / "incidents.parquet")
    assert _reason(copy) == "incidents.parquet lacks column(s) ['severity']: rerun its report"


def test_missing_files_name_what_is_missing(copy):
    assert missing_files(copy) is None
    (copy / "register.parquet").unlink()
    assert missing_files(copy).reason("id") == (
        "tidak ada register.parquet: jalankan ulang laporannya"
    )
    (copy / "summary.json").unlink()
    assert _reason(copy) == "no summary.json: the report FAILED or did not finish"
