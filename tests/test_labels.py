"""Tests of sra_analysis.labels: one catalogue, every label in both languages."""

from __future__ import annotations

import re
import string

import pytest

from sra_analysis.errors import ParameterError
from sra_analysis.labels import LABELS, LANGUAGES, check_lang, level_label, t
from sra_analysis.labels.aar import AAR_LABELS
from sra_analysis.labels.across_events import ACROSS_EVENTS_LABELS
from sra_analysis.labels.charts import CHART_LABELS
from sra_analysis.labels.plan import PLAN_LABELS
from sra_analysis.labels.rollup import ROLLUP_LABELS
from sra_analysis.labels.template import TEMPLATE_LABELS


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_label_has_every_language_with_the_same_fields(key):
    entry = LABELS[key]
    assert set(entry) == set(LANGUAGES), key
    assert all(entry[lang].strip() for lang in LANGUAGES), key
    assert _fields(entry["en"]) == _fields(entry["id"]), key


def test_lookup_fills_fields_and_names_what_is_wrong():
    assert t("verdict.thin", "id", observed="3", minimum="10").startswith("Bukti belum memadai")
    assert level_label("high", "id") == "tinggi"
    assert level_label("custom level", "id") == "custom level"  # custom names as written
    with pytest.raises(ParameterError, match="lang"):
        t("level.high", "fr")


def test_each_label_is_written_in_one_area_catalogue_only():
    # LABELS merges the areas; a key in two areas would silently keep only the later wording
    import importlib
    import pkgutil

    import sra_analysis.labels as package
    from sra_analysis.labels import CATALOGUES

    assert sum(len(area) for area in CATALOGUES) == len(LABELS)
    # no catalogue forgotten: every key of every module's catalogues is a label
    for module in pkgutil.iter_modules(package.__path__):
        loaded = importlib.import_module(f"{package.__name__}.{module.name}")
        for name, area in vars(loaded).items():
            if name.endswith("_LABELS") and isinstance(area, dict):
                assert set(area) <= set(LABELS), f"{module.name}.{name} is not in CATALOGUES"
    areas = {"chart.": CHART_LABELS, "across.": ACROSS_EVENTS_LABELS, "rollup.": ROLLUP_LABELS,
             "plan.": PLAN_LABELS, "aar.": AAR_LABELS,
             "template.": TEMPLATE_LABELS}  # fmt: skip
    for prefix, area in areas.items():
        assert all(key in area for key in LABELS if key.startswith(prefix)), prefix


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
