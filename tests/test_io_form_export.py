"""The export of the phone form (KoboToolbox, ODK Central) read as the incident log.

The key test writes the form (``sra-review template --xlsform``), reads its own field names
from it, and builds an export of the Purwakarta sample's 35 incidents in the layout each server
gives: KoboToolbox's CSV (``;``-separated, ``group/field`` headers, ``_uuid`` and the other
``_`` columns, ``start``/``end``/``today``/``deviceid``, ``meta/instanceID``) and ODK
Central's XLSX (``group-field`` headers, ``KEY``, ``SubmissionDate``, ...). Answers are
written as the servers export them: choice names (ring ids, category codes, 1–5, yes/no) and
times as ``2024-03-01T07:35:00.000+07:00``. The event must review like the CSV sample.
"""

from __future__ import annotations

import shutil
import uuid

import numpy as np
import openpyxl
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from sra_analysis import load_event, review_windows
from sra_analysis.cli import main
from sra_analysis.event import fold_label
from sra_analysis.event_config import read_event_meta
from sra_analysis.io.form_export import unpack_form_export
from sra_analysis.io.readers import RawTable
from sra_analysis.labels import english_plurals
from sra_analysis.resources import sample_dir
from sra_analysis.template.xlsform import FORM_FILE, form_fields

SAMPLE = sample_dir() / "purwakarta-2024"
TIMES = ("reported_at", "occurred_from", "occurred_to")

#: The metadata columns of each server's export, in their order (KoboToolbox's "Legacy" and
#: new exports; ODK Central's CSV/XLSX), as listed in their documentation.
KOBO_BEFORE = ["start", "end", "today", "deviceid"]
KOBO_AFTER = ["meta/instanceID", "_id", "_uuid", "_submission_time", "_validation_status",
              "_notes", "_status", "_submitted_by", "__version__", "_tags", "_index"]  # fmt: skip
ODK_BEFORE = ["SubmissionDate", "start", "end", "deviceid"]
ODK_AFTER = ["meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent",
             "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits",
             "FormVersion"]  # fmt: skip


@pytest.fixture(scope="module")
def fields(tmp_path_factory) -> dict[str, str]:
    """The export column of each question, read from the form the template writes."""
    folder = tmp_path_factory.mktemp("form")
    assert main(["template", str(folder), "--event", str(SAMPLE), "--xlsform"]) == 0
    return form_fields(openpyxl.load_workbook(folder / FORM_FILE))


def _answers(incidents: pd.DataFrame) -> dict[str, list[str]]:
    """The sample's incidents as the form's answers, as a server exports them."""
    meta = read_event_meta(SAMPLE)
    lookup = meta.ring_lookup()

    def stamp(text: str) -> str:  # the local time with the zone's offset, as ODK writes it
        return "" if not text else pd.Timestamp(text).strftime("%Y-%m-%dT%H:%M:%S.000+07:00")

    answers = {name: [stamp(t) for t in incidents[name]] for name in TIMES}
    answers["ring"] = [lookup[fold_label(text)] for text in incidents["ring"]]  # choice names
    answers["disrupted_proceedings"] = [
        {"true": "yes", "false": "no", "": ""}[text] for text in incidents["disrupted_proceedings"]
    ]
    for name in ("category", "severity", "description", "risk_id"):
        answers[name] = incidents[name].tolist()
    return answers


def _export(fields: dict[str, str], *, separator: str, before, after) -> pd.DataFrame:
    incidents = pd.read_csv(SAMPLE / "incidents.csv", dtype=str, keep_default_na=False)
    answers = _answers(incidents)
    n = len(incidents)
    ids = [str(uuid.uuid5(uuid.NAMESPACE_URL, text)) for text in incidents["incident_id"]]
    instance = [f"uuid:{i}" for i in ids]
    metadata = {
        "start": ["2024-03-01T07:00:05.123+07:00"] * n,
        "end": ["2024-03-01T07:02:00.000+07:00"] * n,
        "today": ["2024-03-01"] * n, "deviceid": ["collect:AbC123"] * n, "DeviceID": ["x"] * n,
        "meta/instanceID": instance, "meta-instanceID": instance, "KEY": instance,
        "_id": [str(1000 + k) for k in range(n)], "_uuid": ids, "_notes": ["catatan"] * n,
        "_submission_time": ["2024-03-01T00:05:00"] * n, "SubmissionDate": ["2024-03-01"] * n,
        "_index": [str(k + 1) for k in range(n)], "__version__": ["vABC"] * n,
    }  # fmt: skip
    columns = {}
    for name in before:
        columns[name] = metadata.get(name, [""] * n)
    for name, header in fields.items():
        columns[header.replace("/", separator)] = answers[name]
    for name in after:
        columns[name] = metadata.get(name, [""] * n)
    return pd.DataFrame(columns)


LAYOUTS = {
    "kobotoolbox-csv": dict(separator="/", before=KOBO_BEFORE, after=KOBO_AFTER),
    "odk-central-xlsx": dict(separator="-", before=ODK_BEFORE, after=ODK_AFTER),
}


def _event_folder(tmp_path, export: pd.DataFrame, layout: str):
    folder = tmp_path / "purwakarta-2024"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("incidents.*"))
    if layout.endswith("csv"):
        export.to_csv(folder / "incidents.csv", sep=";", index=False)  # KoboToolbox's default
    else:
        export.to_excel(folder / "incidents.xlsx", index=False)
    return folder


@pytest.mark.parametrize("layout", LAYOUTS)
def test_an_export_reviews_like_the_csv_sample(fields, layout, sample_event, tmp_path, capsys):
    export = _export(fields, **LAYOUTS[layout])
    folder = _event_folder(tmp_path, export, layout)
    event = load_event(folder)
    quality = event.quality["incidents"]
    assert (quality.rows_read, quality.accepted, quality.quarantined) == (35, 35, 0)
    # every metadata column set aside on purpose and listed, none silently
    metadata = LAYOUTS[layout]["before"] + LAYOUTS[layout]["after"]
    assert sorted(quality.form_columns) == sorted(metadata)
    assert quality.ignored_columns == ()
    assert quality.form_id_column == ("_uuid" if layout.startswith("kobo") else "meta-instanceID")
    assert event.incidents["incident_id"].str.fullmatch(r"[0-9a-f-]{36}").all()

    counts = ["ring", "window_start", "incidents", "disruptions", "max_severity"]
    assert_frame_equal(review_windows(event)[counts], review_windows(sample_event)[counts])
    same = ["reported_at", "ring", "category", "severity", "disrupted_proceedings"]
    assert_frame_equal(event.incidents[same], sample_event.incidents[same])

    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out
    expected = f"phone form export: {len(metadata)} submission metadata column(s) set aside"
    assert english_plurals(expected) in out


def test_bad_answers_are_quarantined_with_their_row(fields, tmp_path, capsys):
    export = _export(fields, **LAYOUTS["kobotoolbox-csv"])
    export.loc[4, "incident/ring"] = "9"  # a ring the event does not have
    export.loc[6, "incident/severity"] = "7"
    folder = _event_folder(tmp_path, export, "kobotoolbox-csv")
    quality = load_event(folder).quality["incidents"]
    assert (quality.accepted, quality.quarantined) == (33, 2)
    issues = quality.issues.set_index("row")
    # the CSV's line numbers: the header is line 1, export row k is line k + 2
    assert issues.loc[6, "field"] == "ring" and issues.loc[8, "field"] == "severity"
    # shown under the headers as exported, with the value as the phone sent it
    assert issues.loc[6, "column"] == "incident/ring" and issues.loc[6, "value"] == "9"
    assert issues.loc[8, "column"] == "incident/severity"
    assert "incident/ring" in quality.quarantined_rows.columns
    assert main(["validate", str(folder)]) == 1
    assert "incidents.csv row 6, column 'incident/ring' = '9'" in capsys.readouterr().out


def test_an_export_with_its_own_id_column_keeps_it():
    frame = pd.DataFrame({"No Kejadian": ["K-1"], "grp/ring": ["1"], "_uuid": ["abc"]})
    raw = RawTable("export.csv", frame, np.array([2]), 0, "csv")
    table, done = unpack_form_export(raw)
    assert list(table.frame.columns) == ["No Kejadian", "ring", "_uuid"]
    assert done.id_column is None and done.metadata == ("_uuid",)
    assert list(frame.columns) == ["No Kejadian", "grp/ring", "_uuid"]  # input not mutated


def test_a_sheet_that_is_no_export_is_left_alone():
    frame = pd.DataFrame({"Waktu-Laporan": ["x"], "start": ["y"], "ring-a": ["1"]})
    raw = RawTable("incidents.csv", frame, np.array([2]), 0, "csv")
    table, done = unpack_form_export(raw)
    assert table is raw and done.metadata == () and done.id_column is None
