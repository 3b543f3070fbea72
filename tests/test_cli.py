"""``sra-review validate`` and ``sra-review sample``: what they print and their exit status."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from sra_analysis.cli import main
from sra_analysis.resources import sample_dir, sample_events


@pytest.fixture
def event_copy(tmp_path):
    folder = tmp_path / "purwakarta-2024"
    shutil.copytree(sample_dir() / "purwakarta-2024", folder)
    return folder


def test_validate_every_sample_event_exits_0(capsys):
    assert main(["validate", *map(str, sample_events())]) == 0
    out = capsys.readouterr().out
    assert out.count("0 quarantined") == 3 * len(sample_events())


def test_validate_names_the_file_row_and_column_of_one_bad_row(event_copy, capsys):
    incidents = pd.read_csv(event_copy / "incidents.csv", dtype=str, keep_default_na=False)
    incidents.loc[4, "severity"] = "7"  # data row 5 is line 6 of the file (header on line 1)
    incidents.to_csv(event_copy / "incidents.csv", index=False)
    assert main(["validate", str(event_copy)]) == 1
    out = capsys.readouterr().out
    assert "incidents.csv: 35 rows read, 34 accepted, 1 quarantined" in out
    assert "incidents.csv row 6, column 'severity' = '7': severity outside 1–5" in out


def test_validate_exits_2_naming_the_file_that_cannot_be_read(event_copy, capsys):
    staffing = pd.read_csv(event_copy / "staffing.csv", dtype=str, keep_default_na=False)
    staffing.drop(columns=["shift_end"]).to_csv(event_copy / "staffing.csv", index=False)
    assert main(["validate", str(event_copy)]) == 2
    out = capsys.readouterr().out
    assert "CANNOT READ" in out and "staffing.csv" in out and "'shift_end'" in out


def test_validate_exits_2_for_a_path_that_is_not_an_event(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nowhere")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_a_folder_of_events_stands_for_all_of_them(tmp_path, event_copy, capsys):
    assert main(["validate", str(event_copy.parent)]) == 0
    assert "purwakarta-2024" in capsys.readouterr().out


def test_sample_writes_events_that_validate(tmp_path, capsys):
    out = tmp_path / "synthetic"
    assert main(["sample", str(out), "--events", "2", "--seed", "5"]) == 0
    capsys.readouterr()
    assert main(["validate", str(out)]) == 0
    assert len([p for p in out.iterdir() if (p / "event.yaml").exists()]) == 2
