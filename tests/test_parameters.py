"""Tests of sra_analysis.reports.parameters: notebook parameters, an event folder taken as given.

The issue this guards against: a folder named like a bundled sample but holding no
``event.yaml`` was silently replaced by the bundled sample, so a report showed another event's
data under the user's folder. Now the bundled sample is reached only by an empty
``event_dir`` (the notebooks' documented default), ``sample_dir()`` or ``sra-review sample``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import papermill
import pytest

from sra_analysis.errors import EventConfigError, ParameterError
from sra_analysis.reports.parameters import (
    DEFAULT_SAMPLE_EVENT,
    ReportParameters,
    batch_parameters,
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


# ------------------------------------------------ one parameters object, checked when made

#: The messages of the one lang and flag_level checks, written out by hand.
BAD_LANG = "lang must be one of ['en', 'id'], got 'fr'"
FLAGGABLE = "['low', 'medium', 'high', 'extreme']"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"lang": "fr"}, BAD_LANG),
        ({"flag_level": 3}, f"flag_level must be one of {FLAGGABLE}, got 3"),
        ({"freq": "often"}, "freq must be a fixed pandas frequency"),
        ({"n_resamples": -1}, "n_resamples must be a whole number ≥ 0, got -1"),
        ({"seed": True}, "seed must be a whole number ≥ 0, got True"),
        ({"summary_path": "out.json"}, "summary_path must be a Path or None, got 'out.json'"),
    ],
)
def test_report_parameters_are_checked_when_made(options, message):
    with pytest.raises(ParameterError, match=re.escape(message)):
        ReportParameters(**options)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"lang": "fr"}, BAD_LANG),
        ({"flag_level": "bogus"}, f"flag_level must be one of {FLAGGABLE}, got 'bogus'"),
        ({"flag_level": "none"}, f"flag_level must be one of {FLAGGABLE}, got 'none'"),
        ({"summary_path": 5}, "summary_path must be a path or '', got 5"),
    ],
)
def test_check_parameters_gives_the_same_messages(options, message):
    with pytest.raises(ParameterError, match=re.escape(message)):
        check_parameters(event_dir="", **options)


def test_check_parameters_checks_flag_level_against_the_events_own_levels(tmp_path):
    folder = tmp_path / "custom"
    shutil.copytree(BUNDLED, folder)
    default = "risk_levels: {low: [1, 4], medium: [5, 9], high: [10, 14], extreme: [15, 25]}"
    text = (folder / "event.yaml").read_text("utf-8")
    assert default in text
    text = text.replace(default, "risk_levels: {rendah: [1, 9], tinggi: [10, 25]}")
    (folder / "event.yaml").write_text(text.replace("flag_level: high", "flag_level: tinggi"))
    assert check_parameters(event_dir=folder, flag_level="tinggi").flag_level == "tinggi"
    message = "flag_level must be one of ['rendah', 'tinggi'], got 'high'"
    with pytest.raises(ParameterError, match=re.escape(message)):
        check_parameters(event_dir=folder, flag_level="high")


def test_check_parameters_returns_the_parameters_object():
    checked = check_parameters(
        event_dir="", lang="id", flag_level="", freq="30min", n_resamples=0, seed=7,
        summary_path="",
    )  # fmt: skip
    assert checked == ReportParameters(
        event_dir=BUNDLED, lang="id", flag_level=None, freq="30min", n_resamples=0, seed=7
    )
    assert check_parameters(event_dir="", flag_level="extreme").flag_level == "extreme"
    assert check_parameters(summary_path="s.json").summary_path == Path("s.json")


def test_notebook_parameters_are_lang_and_what_differs_from_the_defaults():
    assert ReportParameters().notebook_parameters() == {"lang": "en"}
    given = ReportParameters(event_dir=Path("e"), flag_level="medium", seed=3)
    # papermill passes literals: paths as text
    assert given.notebook_parameters() == {
        "event_dir": "e", "lang": "en", "flag_level": "medium", "seed": 3,
    }  # fmt: skip


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_report_parameter_is_a_parameter_of_every_shipped_notebook(name):
    declared = papermill.inspect_notebook(str(notebook_path(name)))
    fields = set(ReportParameters.__dataclass_fields__)
    assert fields <= set(declared)


def test_batch_parameters_take_an_object_or_a_mapping_alike():
    from_object = batch_parameters(ReportParameters(lang="id", n_resamples=0))
    from_mapping = batch_parameters({"lang": "id", "n_resamples": 0})
    with_lang = batch_parameters({"n_resamples": 0}, lang="id")
    expected = (ReportParameters(lang="id", n_resamples=0), {"lang": "id", "n_resamples": 0})
    assert from_object == from_mapping == with_lang == expected
    # a notebook of one's own may take more; an empty flag_level is the event's own
    checked, passed = batch_parameters({"flag_level": "", "title": "x"})
    assert checked.flag_level is None and passed == {"lang": "en", "title": "x"}
    with pytest.raises(ParameterError, match=r"no parameter\(s\) \['title'\]"):
        batch_parameters({"title": "x"}, notebook=notebook_path("review_report"))
    with pytest.raises(ParameterError, match="must be a ReportParameters or a mapping, got list"):
        batch_parameters([("lang", "en")])
