"""summary.json, typed: ReportSummary writes what a review says and reads it back as untrusted
input (size, depth, version, types and ranges checked before anything is pooled)."""

from __future__ import annotations

import json
import time

import pytest

from sra_analysis import evaluate
from sra_analysis.report_folder import ReportFolderError
from sra_analysis.report_summary import (
    MAX_SUMMARY_BYTES,
    MAX_SUMMARY_DEPTH,
    ReportSummary,
    json_depth,
    report_summaries,
)


@pytest.fixture(scope="module")
def review(sample_event):
    return evaluate(sample_event, n_resamples=0)


@pytest.fixture(scope="module")
def body(review) -> dict:
    return review.to_dict(lang="en")


def _write(tmp_path, body, name="kab-contoh") -> object:
    folder = tmp_path / name
    folder.mkdir()
    path = folder / "summary.json"
    path.write_text(body if isinstance(body, str) else json.dumps(body), encoding="utf-8")
    return path


def test_the_writer_keeps_the_shape_of_summary_json(review, body):
    summary = ReportSummary.from_evaluation(review, lang="en")
    assert summary.to_dict() == json.loads(json.dumps(body))  # the documented body, unchanged
    assert summary.to_dict() is not summary.to_dict()  # a copy each time
    sliced = ReportSummary.from_evaluation(review, slice={"rings": ["3"]})
    assert sliced.to_dict()["provenance"]["parameters"]["slice"] == {"rings": ["3"]}
    assert "slice" not in body["provenance"]["parameters"]  # the review's own dict untouched


def test_the_reader_types_what_the_writer_wrote(tmp_path, body):
    summary = ReportSummary.from_file(_write(tmp_path, body))
    # the bundled purwakarta sample: 35 incidents, 4 disruptions, 50 officers (its README)
    assert summary.event.id == "purwakarta-2024"
    assert (summary.totals.incidents, summary.totals.disruptions) == (35, 4)
    assert summary.totals.personnel == 50
    assert summary.prediction.hits == body["prediction"]["hits"]
    assert summary.prediction.windows == body["totals"]["windows"]
    assert summary.verdict.grade in ("good", "mixed", "poor", "quiet")
    assert dict(summary.event.risk_levels)["high"] == (10, 14)
    assert summary.schema_version == "3"
    assert summary.to_dict() == body


def test_json_depth_counts_brackets_outside_strings_only():
    assert json_depth("{}") == 1
    assert json_depth('{"a": [1, [2]], "b": {"c": "]]]}}}{{{["}}') == 3
    assert json_depth('"[[[["') == 0
    assert json_depth('["a\\"[[", [[]]]') == 3  # an escaped quote does not end the string


def _reason(tmp_path, body, *, lang="en", name="kab-contoh") -> ReportFolderError:
    with pytest.raises(ReportFolderError) as caught:
        ReportSummary.from_file(_write(tmp_path, body, name))
    return caught.value


def test_a_summary_nested_200000_deep_is_refused_before_it_is_parsed(tmp_path):
    started = time.perf_counter()
    error = _reason(tmp_path, '{"a": ' + "[" * 200_000 + "]" * 200_000 + "}")
    assert time.perf_counter() - started < 5  # bounds the run; not a timing assertion
    assert error.event == "kab-contoh"  # no id could be read: the folder names it
    assert (
        error.reason()
        == f"summary.json nests deeper than {MAX_SUMMARY_DEPTH} levels, which no review writes"
    )


def test_a_summary_over_the_size_cap_is_refused_unread(tmp_path, body):
    padded = dict(body, findings=["x" * (MAX_SUMMARY_BYTES + 10)])
    error = _reason(tmp_path, padded)
    assert error.reason() == "summary.json is 5.0 MB, more than the 5 MB a review writes"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"schema_version": "2"}, 'summary.json of version "2", not the version this roll-up '
                                  'reads ("3"): rerun its report'),
        ({"schema_version": None}, 'summary.json names no version (schema_version; this '
                                   'roll-up reads "3"): rerun its report'),
        ({"totals.incidents": -5}, "summary.json totals.incidents: must be a whole number ≥ 0, "
                                   "got -5"),
        ({"totals.officer_hours": -5}, "summary.json totals.officer_hours: must be a finite "
                                       "number ≥ 0, got -5"),
        ({"totals.incidents": 10**30}, "summary.json totals.incidents: must be a whole number "
                                       "≥ 0, got 1000000000000000000000000000000"),
        ({"totals.incidents": 10**400}, "summary.json totals.incidents: must be a whole number "
                                        "≥ 0, got 1" + "0" * 36 + "..."),  # quoted cut short
        ({"totals.officer_hours": 1e308}, "summary.json totals.officer_hours: must be a finite "
                                          "number ≥ 0, got 1e+308"),
        ({"totals.incidents": True}, "summary.json totals.incidents: must be a whole number "
                                     "≥ 0, got true"),
        ({"totals.incidents": 2.5}, "summary.json totals.incidents: must be a whole number ≥ 0, "
                                    "got 2.5"),
        ({"totals": "lots"}, 'summary.json totals: must be an object of named values, got '
                             '"lots"'),
        ({"totals.officer_hours": None}, "summary.json lacks totals.officer_hours"),
        ({"prediction.auc": 1.5}, "summary.json prediction.auc: must be a number from 0 to 1, "
                                  "got 1.5"),
        ({"event.id": 7}, "summary.json event.id: must be an event id (lower-case letters, "
                          "digits, '.', '_' or '-'; at most 64), got 7"),
        ({"event.id": "<b>x</b>"}, "summary.json event.id: must be an event id (lower-case "
                                   "letters, digits, '.', '_' or '-'; at most 64), got "
                                   '"<b>x</b>"'),
    ],
)  # fmt: skip
def test_a_value_out_of_type_or_range_is_refused_naming_field_and_value(
    tmp_path, body, change, reason
):
    tampered = json.loads(json.dumps(body))
    for path, value in change.items():
        *parents, key = path.split(".")
        part = tampered
        for parent in parents:
            part = part[parent]
        if value is None:
            del part[key]
        else:
            part[key] = value
    error = _reason(tmp_path, tampered)
    assert error.reason() == reason
    # an id that is no event id is not repeated as the event's name: the folder names it
    assert error.event == ("kab-contoh" if "event.id" in change else "purwakarta-2024")


def test_nan_and_infinity_are_not_json_numbers(tmp_path, body):
    text = json.dumps(body).replace('"officer_hours": 1168.0', '"officer_hours": NaN', 1)
    assert "NaN" in text
    assert _reason(tmp_path, text).reason() == (
        "summary.json cannot be read as JSON (NaN is not a JSON number)"
    )


def test_the_reason_reads_in_indonesian(tmp_path, body):
    tampered = json.loads(json.dumps(body))
    tampered["totals"]["officer_hours"] = -5
    assert _reason(tmp_path, tampered).reason("id") == (
        "summary.json totals.officer_hours: harus angka terhingga ≥ 0, tertulis -5"
    )


def test_a_hand_made_summary_is_read_leniently_for_charts():
    (one,) = report_summaries([{"event": {"id": "a"}, "prediction": {"auc": "high"}}])
    assert one.event.id == "a"
    assert one.prediction.auc is None  # not a number: left out, as a chart leaves it out
    assert one.totals.incidents is None and one.schema_version is None
    with pytest.raises(ReportFolderError, match="names no version"):
        ReportSummary.from_dict({"event": {"id": "a"}})


def test_reading_does_not_mutate_the_body(body):
    before = json.dumps(body, sort_keys=True)
    summary = ReportSummary.from_dict(body)
    summary.to_dict()["totals"]["incidents"] = 9999
    assert json.dumps(body, sort_keys=True) == before
    assert summary.totals.incidents == 35


def test_the_error_crosses_a_process_boundary_whole():
    import pickle

    error = ReportFolderError(
        "out/kab-a", "aside.table_value", event="kab-a", file="windows.parquet", row=2,
        column="hours", kind="hours", value="-1.0",
    )  # fmt: skip
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.folder, copy.event, copy.key, copy.values) == (
        error.folder, error.event, error.key, error.values
    )  # fmt: skip
    assert copy.reason("id") == (
        "windows.parquet baris 2, kolom hours: harus angka terhingga > 0, tertulis -1.0"
    )
    assert str(copy) == str(error)
