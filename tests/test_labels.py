"""Tests of sra_analysis.labels: one catalogue, every label in both languages."""

from __future__ import annotations

import re
import string

import pytest

from sra_analysis.errors import ParameterError
from sra_analysis.labels import LABELS, LANGUAGES, check_lang, level_label, t


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_label_has_every_language_with_the_same_fields(key):
    entry = LABELS[key]
    assert set(entry) == set(LANGUAGES), key
    assert all(entry[lang].strip() for lang in LANGUAGES), key
    assert _fields(entry["en"]) == _fields(entry["id"]), key


def test_lookup_fills_fields_and_names_what_is_wrong():
    assert t("verdict.thin", "id", observed="3", minimum="10").startswith("Buktinya tipis")
    assert level_label("high", "id") == "tinggi"
    assert level_label("custom level", "id") == "custom level"  # custom names as written
    with pytest.raises(ParameterError, match="lang"):
        t("level.high", "fr")


def test_each_label_is_written_in_one_area_catalogue_only():
    # LABELS merges the areas; a key in two areas would silently keep only the later wording
    from sra_analysis.labels import COMMON_LABELS
    from sra_analysis.labels.across_events import ACROSS_EVENTS_LABELS
    from sra_analysis.labels.charts import CHART_LABELS
    from sra_analysis.labels.findings import FINDING_LABELS
    from sra_analysis.labels.plan import PLAN_LABELS
    from sra_analysis.labels.report import REPORT_LABELS
    from sra_analysis.labels.rollup import ROLLUP_LABELS
    from sra_analysis.labels.zones import ZONE_LABELS

    areas = [COMMON_LABELS, FINDING_LABELS, CHART_LABELS, REPORT_LABELS, ACROSS_EVENTS_LABELS,
             ROLLUP_LABELS, PLAN_LABELS, ZONE_LABELS]  # fmt: skip
    assert sum(len(area) for area in areas) == len(LABELS)
    assert set().union(*areas) == set(LABELS)
    assert all(key in CHART_LABELS for key in LABELS if key.startswith("chart."))
    assert all(key in ACROSS_EVENTS_LABELS for key in LABELS if key.startswith("across."))
    assert all(key in ROLLUP_LABELS for key in LABELS if key.startswith("rollup."))
    assert all(key in PLAN_LABELS for key in LABELS if key.startswith("plan."))


#: The message every ``lang`` argument gives, written out once by hand.
BAD_LANG = "lang must be one of ['en', 'id'], got 'fr'"


def test_check_lang_names_argument_languages_and_value():
    assert LANGUAGES == ("en", "id")
    assert [check_lang(lang) for lang in LANGUAGES] == ["en", "id"]
    with pytest.raises(ParameterError, match=re.escape(BAD_LANG)):
        check_lang("fr")
    with pytest.raises(ParameterError, match=re.escape("got None")):
        check_lang(None)


def test_the_lookup_checks_lang_with_the_same_message():
    with pytest.raises(ParameterError, match=re.escape(BAD_LANG)):
        t("level.high", "fr")
