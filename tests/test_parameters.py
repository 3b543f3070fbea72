"""Tests of sra_analysis.reports.parameters: notebook parameters, an event folder taken as given.

The issue this guards against: a folder named like a bundled sample but holding no
``event.yaml`` was silently replaced by the bundled sample, so a report showed another event's
data under the user's folder. Now the bundled sample is reached only by an empty
``event_dir`` (the notebooks' documented default), ``sample_dir()`` or ``sra-review sample``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import papermill
import pytest

from sra_analysis.errors import EventConfigError, ParameterError
from sra_analysis.reports.parameters import (
    DEFAULT_SAMPLE_EVENT,
    check_parameters,
    resolve_event_dir,
)
from sra_analysis.resources import NOTEBOOKS, notebook_path, sample_dir

BUNDLED = sample_dir() / "purwakarta-2024"


@pytest.mark.parametrize("empty", ["", "  ", None])
def test_an_empty_event_dir_is_the_bundled_purwakarta_sample(empty):
    assert DEFAULT_SAMPLE_EVENT == "purwakarta-2024"
    assert resolve_event_dir(empty) == BUNDLED
    assert check_parameters(event_dir=empty).event_dir == BUNDLED


def test_an_existing_event_folder_is_taken_as_given(tmp_path):
    folder = tmp_path / "purwakarta-2024"
    shutil.copytree(sample_dir() / "kab-cianjur-2024", folder)
    assert resolve_event_dir(folder) == folder
    assert resolve_event_dir(str(folder)) == folder


def test_a_bare_sample_name_is_a_relative_path_not_the_sample(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ParameterError, match="'purwakarta-2024' does not exist"):
        resolve_event_dir("purwakarta-2024")
    with pytest.raises(ParameterError, match="'purwakarta-2024' does not exist"):
        check_parameters(event_dir="purwakarta-2024")
    # relative to the working directory when it does exist there
    shutil.copytree(BUNDLED, tmp_path / "purwakarta-2024")
    assert resolve_event_dir("purwakarta-2024") == Path("purwakarta-2024")


def test_a_folder_named_like_a_sample_without_event_yaml_never_falls_back(tmp_path):
    # the case without event.yml: the data files are there, the event file is not
    folder = tmp_path / "purwakarta-2024"
    shutil.copytree(BUNDLED, folder)
    (folder / "event.yaml").rename(folder / "event.yaml.old")
    with pytest.raises(ParameterError, match="'.*purwakarta-2024' holds no event.yaml"):
        resolve_event_dir(folder)


def test_event_yml_is_the_users_event_not_the_bundled_one(tmp_path):
    # the case: a user's folder named like a bundled sample, with event.yml
    folder = tmp_path / "purwakarta-2024"
    shutil.copytree(sample_dir() / "kab-cianjur-2024", folder)
    (folder / "event.yaml").rename(folder / "event.yml")
    assert check_parameters(event_dir=str(folder)).event_dir == folder


def test_both_event_files_are_refused(tmp_path):
    shutil.copytree(BUNDLED, tmp_path / "e")
    shutil.copy(tmp_path / "e" / "event.yaml", tmp_path / "e" / "event.yml")
    with pytest.raises(EventConfigError, match="both event.yaml and event.yml"):
        resolve_event_dir(tmp_path / "e")


def test_a_file_or_a_non_path_is_refused(tmp_path):
    with pytest.raises(ParameterError, match="is not a folder"):
        resolve_event_dir(BUNDLED / "event.yaml")
    with pytest.raises(ParameterError, match="must be a path to an event folder, got 123"):
        resolve_event_dir(123)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_shipped_notebook_defaults_to_the_empty_event_dir(name):
    declared = papermill.inspect_notebook(str(notebook_path(name)))
    assert declared["event_dir"]["default"] == '""'


def test_a_shipped_notebook_runs_with_its_defaults_from_any_folder(tmp_path):
    # no event_dir given, run from a folder that holds no data/sample: the default still works
    notebook = papermill.execute_notebook(
        str(notebook_path("explore")),
        str(tmp_path / "explore.ipynb"),
        parameters={"n_resamples": 0},
        kernel_name="python3",
        progress_bar=False,
        cwd=str(tmp_path),
    )
    errors = [
        output
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert errors == []
    text = "".join(str(cell.get("outputs", "")) for cell in notebook.cells)
    assert "purwakarta" in text.casefold()
