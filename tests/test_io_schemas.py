"""Tests of sra_analysis.io.schemas: the contract columns and the row checks' columns."""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa
import pytest

from sra_analysis.errors import ParameterError
from sra_analysis.event import FILE_KINDS
from sra_analysis.io.schemas import columns_of, failure_columns, row_schema

#: The checks on two columns, as DESIGN §2 states them, and the column each reports under;
#: each check is named by the key of its reason (io/reasons.py: "not_after" reads "shift_end
#: is not after shift_start", "before" "occurred_to before occurred_from").
FRAME_CHECKS = {
    "incidents": {("before", "occurred_to")},
    "staffing": {("not_after", "shift_end"), ("shift_too_long", "shift_end")},
    "risk_register": {("not_after", "window_end")},
}


def test_the_three_file_kinds():
    assert FILE_KINDS == ("incidents", "staffing", "risk_register")
    with pytest.raises(
        ParameterError,
        match=re.escape(
            "kind must be one of ['incidents', 'staffing', 'risk_register', 'staffing_plan'], "
            "got 'risks'"
        ),
    ):
        columns_of("risks")


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_every_frame_check_is_named_after_the_column_it_reports_under(kind, base_meta):
    schema = row_schema(kind, base_meta)
    found = {(check.error, check.name) for check in schema.checks}
    assert found == FRAME_CHECKS[kind]
    assert {name for _, name in found} <= {spec.name for spec in columns_of(kind)}


def test_failure_columns_reads_the_check_name_not_its_message():
    # a made-up schema whose messages name no column: only the names can place the failures
    schema = pa.DataFrameSchema(
        {"a": pa.Column(checks=pa.Check(lambda s: s < 3, error="too big")), "b": pa.Column()},
        checks=[
            pa.Check(lambda f: f["b"] >= 0, error="first rule", name="a"),
            pa.Check(lambda f: f["b"] > f["a"], error="second rule", name="b"),
        ],
    )
    frame = pd.DataFrame({"a": [1, 2, 3], "b": [-1, 5, 4]})
    with pytest.raises(pa.errors.SchemaErrors) as raised:
        schema.validate(frame, lazy=True)
    cases = raised.value.failure_cases
    placed = set(zip(cases["index"], cases["check"], failure_columns(schema, cases), strict=True))
    # row 0: b < 0 (first rule → a) and b not above a (second rule → b); row 2: a too big (a)
    assert placed == {(0, "first rule", "a"), (0, "second rule", "b"), (2, "too big", "a")}
