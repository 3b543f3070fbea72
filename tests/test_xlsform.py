"""``sra-review template --xlsform``: the phone form, checked by converting it with pyxform.

The form's layout follows the XLSForm standard (https://xlsform.org): sheets ``survey``,
``choices`` and ``settings``, one ``label::Language (code)`` column per language.
"""

from __future__ import annotations

import re
import sys

import openpyxl
import pandas as pd
import pytest
from pyxform.xls2xform import convert

from sra_analysis.cli import main
from sra_analysis.errors import ParameterError
from sra_analysis.event_config import read_event_meta
from sra_analysis.resources import sample_dir
from sra_analysis.template import write_template
from sra_analysis.template.xlsform import FORM_FILE, form_fields

SAMPLE = sample_dir() / "purwakarta-2024"


@pytest.fixture(scope="module")
def form(tmp_path_factory):
    folder = tmp_path_factory.mktemp("form")
    assert main(["template", str(folder), "--event", str(SAMPLE), "--xlsform"]) == 0
    return folder / FORM_FILE


def _rows(book, sheet: str) -> list[dict]:
    rows = book[sheet].iter_rows(values_only=True)
    header = next(rows)
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_the_form_has_the_three_sheets_and_both_languages(form):
    book = openpyxl.load_workbook(form)
    assert book.sheetnames == ["survey", "choices", "settings"]
    header = [cell.value for cell in book["survey"][1]]
    assert "label::Bahasa Indonesia (id)" in header and "label::English (en)" in header
    settings = _rows(book, "settings")[0]
    assert settings["form_id"] == "sra_incidents_purwakarta_2024"
    assert settings["default_language"] == "English (en)"


def test_pyxform_converts_the_form_to_an_xform(form):
    warnings: list[str] = []
    xform = convert(xlsform=str(form), warnings=warnings).xform
    assert warnings == []
    for field in ("reported_at", "ring", "category", "severity", "disrupted_proceedings",
                  "description", "risk_id"):  # fmt: skip
        assert f'ref="/data/incident/{field}"' in xform, field
    assert '<bind nodeset="/data/incident/reported_at" type="dateTime" required="true()"/>' in xform
    # the time defaults to now, when the form is opened
    assert re.search(r'<setvalue ref="/data/incident/reported_at"[^>]*value="now\(\)"', xform)
    assert 'lang="Bahasa Indonesia (id)"' in xform and 'lang="English (en)"' in xform
    assert "<value>Ruang pleno</value>" in xform and "<value>Plenary room</value>" in xform


def test_choices_are_the_events_rings_the_categories_and_severity(form):
    choices = pd.DataFrame(_rows(openpyxl.load_workbook(form), "choices"))
    by_list = {name: group for name, group in choices.groupby("list_name")}
    meta = read_event_meta(SAMPLE)
    rings = by_list["ring"]
    assert rings["name"].tolist() == ["1", "2", "3"]  # the loader's ring ids
    assert rings["label::Bahasa Indonesia (id)"].tolist() == [r.label("id") for r in meta.rings]
    assert rings["label::English (en)"].tolist() == [r.label("en") for r in meta.rings]
    assert by_list["severity"]["name"].tolist() == ["1", "2", "3", "4", "5"]
    assert by_list["yes_no"]["name"].tolist() == ["yes", "no"]
    # every category the sample's clerks wrote is a choice, and so is "other"
    written = set(pd.read_csv(SAMPLE / "incidents.csv", dtype=str)["category"])
    assert written | {"other"} <= set(by_list["category"]["name"])


def test_form_fields_read_the_export_names_from_the_survey(form):
    fields = form_fields(openpyxl.load_workbook(form))
    assert fields == {
        name: f"incident/{name}"
        for name in (
            "reported_at",
            "occurred_from",
            "occurred_to",
            "ring",
            "category",
            "severity",
            "disrupted_proceedings",
            "description",
            "risk_id",
        )
    }  # fmt: skip  (no incident_id: the export's submission id becomes it)


def test_without_pyxform_the_command_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pyxform.xls2xform", None)  # import fails
    with pytest.raises(ParameterError, match=r"pip install 'sra_analysis\[xlsform\]'"):
        write_template(tmp_path / "a", xlsform=True)
    assert main(["template", str(tmp_path / "b"), "--xlsform"]) == 64
    assert "pyxform" in capsys.readouterr().err
    assert not (tmp_path / "b").exists() or list((tmp_path / "b").iterdir()) == []
