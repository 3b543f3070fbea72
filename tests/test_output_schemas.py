"""The written schemas of summary.json, rollup.json and the Parquet tables match what is written.

The docs site's data-format page is generated from these schemas, so a key or column the code
writes without a line in the schema fails here, not silently on the page.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import ROLLUP_EVENTS

from sra_analysis.reports.rollup_schema import ROLLUP_SCHEMA, TABLE_COLUMNS, table_columns
from sra_analysis.reports.summary_schema import (
    SUMMARY_SCHEMA,
    describe,
    json_paths,
    undocumented,
)

JSON_TYPES = {"string", "integer", "number", "boolean", "array", "object", "null", "any"}


@pytest.mark.parametrize("schema", [SUMMARY_SCHEMA, ROLLUP_SCHEMA], ids=["summary", "rollup"])
def test_every_entry_has_a_json_type_and_a_description(schema):
    for path, (kind, text) in schema.items():
        assert set(kind.replace("...", "").split("|")) <= JSON_TYPES, path
        assert text.strip().endswith("."), path


@pytest.mark.parametrize("event", ROLLUP_EVENTS)
def test_the_summaries_a_batch_wrote_are_documented(rollup_batch, event):
    summary = json.loads((rollup_batch / event / "summary.json").read_text("utf-8"))
    assert undocumented(summary, SUMMARY_SCHEMA) == []
    # every top-level key the schema names is written
    top = {path for path in SUMMARY_SCHEMA if "." not in path and "[" not in path}
    assert top == set(summary)


def test_a_summary_with_its_intervals_and_p_values_is_documented():
    # the batch fixture skips resampling; with it, the bootstrap intervals appear too
    from sra_analysis import evaluate, load_event
    from sra_analysis.resources import sample_dir

    body = evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=200).to_dict()
    assert "auc_ci_low" in body["prediction"]
    assert undocumented(body, SUMMARY_SCHEMA) == []


def test_the_rollup_a_batch_wrote_is_documented(rollup_batch, tmp_path):
    from sra_analysis.reports.pages.rollup_run import write_rollup

    _, body = write_rollup(rollup_batch, tmp_path)
    assert undocumented(body, ROLLUP_SCHEMA) == []
    top = {path for path in ROLLUP_SCHEMA if "." not in path and "[" not in path}
    assert top == set(body)


def test_a_key_or_type_the_schema_does_not_know_is_reported():
    body = {
        "schema_version": "3",
        "verdict": {"grade": "good", "mood": "cheerful", "episodes": "12"},
        "provenance": {"inputs": {"incidents.2024.csv": "ab12"}},
        "aar": {"strengths": [{"evidence": {"anything": [1, {"goes": None}]}}]},
    }
    assert undocumented(body, SUMMARY_SCHEMA) == [
        "verdict.mood: not in the schema",
        "verdict.episodes: str, the schema says integer",
    ]


def test_a_boolean_is_not_taken_for_a_number():
    assert undocumented({"verdict": {"episodes": True}}, SUMMARY_SCHEMA) == [
        "verdict.episodes: boolean, the schema says integer"
    ]


def test_paths_use_the_schema_notation():
    body = {"by_ring": [{"ring": "1"}, {"ring": "2"}], "event": {"risk_levels": {"low": [1, 4]}}}
    assert [path for path, _ in json_paths(body)] == [
        "by_ring", "by_ring[]", "by_ring[].ring", "by_ring[]", "by_ring[].ring",
        "event", "event.risk_levels", "event.risk_levels.low",
        "event.risk_levels.low[]", "event.risk_levels.low[]",
    ]  # fmt: skip
    assert describe("event.risk_levels.low", SUMMARY_SCHEMA)[0] == "array"
    assert describe("event.risk_levels.low[]", SUMMARY_SCHEMA)[0] == "integer"


@pytest.mark.parametrize("name", ["windows", "incidents", "register"])
def test_the_parquet_tables_have_the_documented_columns(rollup_batch, name):
    columns = list(pd.read_parquet(rollup_batch / "purwakarta-2024" / f"{name}.parquet").columns)
    assert columns == table_columns()[name]
    assert list(TABLE_COLUMNS[name]) == columns  # a description per column, none stale
