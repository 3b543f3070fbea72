"""Tests of sra_analysis.errors: the one wording of "not one of these values"."""

from __future__ import annotations

import re

import pytest

from sra_analysis.errors import ParameterError, SRAError, check_argument


def test_check_argument_returns_an_allowed_value():
    assert check_argument("sort_by", ("ring", "time"), "time") == "time"


def test_check_argument_names_argument_allowed_values_and_value():
    message = "sort_by must be one of ['ring', 'time'], got 'size'"
    with pytest.raises(ParameterError, match=re.escape(message)) as raised:
        check_argument("sort_by", ("ring", "time"), "size")
    assert isinstance(raised.value, SRAError) and isinstance(raised.value, ValueError)


def test_true_is_not_taken_for_one_nor_a_list_for_a_value():
    with pytest.raises(ParameterError, match=re.escape("got True")):
        check_argument("severity", (1, 2, 3), True)
    with pytest.raises(ParameterError, match=re.escape("got ['en']")):
        check_argument("lang", ("en", "id"), ["en"])
    with pytest.raises(ParameterError, match=re.escape("got {'en': 1}")):
        check_argument("lang", {"en", "id"}, {"en": 1})  # unhashable against a set


def test_a_long_value_is_cut_in_the_message():
    pasted = "x" * 500
    with pytest.raises(ParameterError) as raised:
        check_argument("lang", ("en", "id"), pasted)
    shown = str(raised.value).split("got ", 1)[1]
    assert len(shown) == 80 and shown == repr(pasted)[:77] + "..."
