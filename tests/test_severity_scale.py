"""The severity scale defined: its words in both languages, the loader reading what a clerk
types or picks, and the disruption rule said out loud where it decides."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import write_event_folder

from sra_analysis import evaluate, load_event
from sra_analysis.errors import ParameterError
from sra_analysis.io.normalise import parse_severities
from sra_analysis.labels import LANGUAGES, t
from sra_analysis.levels import SEVERITY_SCALE, severity_choice, severity_name, severity_scale
from sra_analysis.reports.pages.legends import disruption_rule_note, severity_legend

# ----------------------------------------------------------------------------- the words


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_level_has_a_distinct_name_and_a_description(lang):
    scale = severity_scale(lang)
    assert scale["severity"].tolist() == list(SEVERITY_SCALE)
    assert scale["name"].is_unique
    assert all(len(text) > 40 for text in scale["description"])  # a sentence, not a word


def test_the_indonesian_names_run_from_no_effect_to_very_heavy():
    assert severity_scale("id")["name"].tolist() == [
        "tidak berdampak", "ringan", "sedang", "berat", "sangat berat"
    ]  # fmt: skip
    # the default disruption threshold, 4, is the first level at which the plenary stops
    assert "Pleno diskors" in t("severity.4.help", "id")
    assert "Pleno terhenti" in t("severity.5.help", "id")


def test_a_choice_puts_the_number_first_and_off_scale_levels_raise():
    assert severity_choice(5, "id") == "5 – sangat berat"
    assert severity_name(1, "en") == "negligible"
    with pytest.raises(ParameterError, match=r"severity must be one of \[1, 2, 3, 4, 5\], got 0"):
        severity_choice(0)


# ------------------------------------------------------------------------------ the parser


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3", 3), (3, 3), (3.0, 3), ("3.0", 3), (" 4 ", 4), ("3 - sedang", 3),
        ("3 – sedang", 3), ("3 – moderate", 3), ("3-Sedang", 3), ("5: sangat berat", 5),
        ("2 (ringan)", 2), ("4 — SEVERE", 4), ("1 – tidak berdampak", 1),
    ],
)  # fmt: skip
def test_the_number_or_the_drop_down_choice_is_read(typed, expected):
    column = parse_severities(pd.Series([typed], dtype=object))
    assert not column.invalid[0]
    assert column.values.iloc[0] == expected


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("berat", "severity 'berat' has no number"),
        ("sedang", "severity 'sedang' has no number"),
        ("3 – berat", "the number says 3 (moderate) but the words do not"),
        ("5 - severe", "the number says 5 (critical) but the words do not"),
        ("3.5", "not a whole number"),
        (True, "not a number"),
    ],
)
def test_names_alone_and_numbers_contradicting_their_name_are_refused(typed, reason):
    column = parse_severities(pd.Series([typed], dtype=object))
    assert column.invalid[0] and np.isnan(column.values.iloc[0])
    assert reason in column.reasons_at([0])[0]


def test_blank_is_missing_not_invalid():
    column = parse_severities(pd.Series(["", None, "  "], dtype=object))
    assert not column.invalid.any()


def _incident(number: int, severity: str, disrupted: str = "") -> dict:
    return {
        "incident_id": f"I{number}", "reported_at": "2024-03-01 10:00", "ring": "1",
        "category": "massa", "severity": severity, "disrupted_proceedings": disrupted,
    }  # fmt: skip


def test_the_loader_quarantines_off_scale_and_unreadable_severities(tmp_path):
    typed = ["0", "6", "berat", "3 - sedang", "4 – sedang", "5", "2 – ringan"]
    folder = write_event_folder(
        tmp_path / "e", incidents=[_incident(i, s) for i, s in enumerate(typed, start=1)]
    )
    event = load_event(folder)
    assert event.incidents["incident_id"].tolist() == ["I4", "I6", "I7"]
    assert event.incidents["severity"].astype(int).tolist() == [3, 5, 2]
    issues = event.quality["incidents"].issues.set_index("row")
    # file rows: the header is row 1, I1 row 2
    assert issues.loc[2, "reason"] == issues.loc[3, "reason"] == "severity outside 1–5"
    assert issues.loc[4, "reason"].startswith("severity 'berat' has no number")
    assert "the number says 4 (severe)" in issues.loc[6, "reason"]
    assert set(issues["column"]) == {"severity"}
    quality = event.quality["incidents"]
    assert (quality.rows_read, quality.accepted, quality.quarantined) == (7, 3, 4)


def test_an_indonesian_choice_read_from_xlsx_is_the_number(tmp_path):
    folder = write_event_folder(tmp_path / "e")
    frame = pd.DataFrame([_incident(1, "4 – berat", "ya"), _incident(2, 2, "tidak")])
    (folder / "incidents.csv").unlink()
    frame.to_excel(folder / "incidents.xlsx", index=False)
    event = load_event(folder)
    assert event.incidents["severity"].astype(int).tolist() == [4, 2]


# ------------------------------------------------------------------------ the disruption rule


def _rule_event(tmp_path, disrupted: list[str], severities: list[str], **changes):
    incidents = [
        _incident(i, s, d) for i, (s, d) in enumerate(zip(severities, disrupted, strict=True))
    ]
    folder = write_event_folder(tmp_path / "e", incidents=incidents, **changes)
    return load_event(folder)


def test_with_the_column_blank_severity_decides_and_the_summary_says_so(tmp_path):
    # severities 2, 4, 5 with nothing written: 4 and 5 reach the threshold 4
    event = _rule_event(tmp_path, ["", "", ""], ["2", "4", "5"])
    assert event.incidents["disrupted_by_rule"].tolist() == [True, True, True]
    review = evaluate(event, n_resamples=0)
    rule = review.to_dict()["totals"]["disruption_rule"]
    assert rule == {"source": "severity", "threshold": 4, "decided_by_rule": 3,
                    "disruptions_by_rule": 2}  # fmt: skip
    assert review.totals["disruptions"] == 2
    note = disruption_rule_note(review, lang="en")
    assert "severity 4 or above counts as a disruption (3 of 3 incidents" in note
    assert "tingkat keparahan 4 ke atas" in disruption_rule_note(review, lang="id")


def test_blank_cells_among_written_ones_are_mixed(tmp_path):
    # I0 written (false), I1 blank with severity 5, I2 written (true) though severity 1
    event = _rule_event(tmp_path, ["false", "", "true"], ["5", "5", "1"],
                        disruption_severity=5)  # fmt: skip
    rule = evaluate(event, n_resamples=0).totals["disruption_rule"]
    assert rule == {"source": "mixed", "threshold": 5, "decided_by_rule": 1,
                    "disruptions_by_rule": 1}  # fmt: skip


def test_where_the_log_says_for_every_incident_the_report_says_nothing(sample_event):
    review = evaluate(sample_event, n_resamples=0)
    assert review.totals["disruption_rule"]["source"] == "column"
    assert disruption_rule_note(review, lang="id") == ""


def test_without_the_column_at_all_severity_decides_every_incident(tmp_path):
    folder = write_event_folder(tmp_path / "e")
    pd.DataFrame(
        {"incident_id": ["A", "B"], "reported_at": ["2024-03-01 10:00"] * 2, "ring": ["1", "2"],
         "category": ["massa"] * 2, "severity": ["3 – sedang", "4"]}
    ).to_csv(folder / "incidents.csv", index=False)  # fmt: skip
    rule = evaluate(load_event(folder), n_resamples=0).totals["disruption_rule"]
    assert (rule["source"], rule["decided_by_rule"], rule["disruptions_by_rule"]) == (
        "severity", 2, 1
    )  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_legend_lists_every_level(lang):
    legend = severity_legend(lang)
    for name in severity_scale(lang)["name"]:
        assert name in legend
    assert t("severity.legend", lang) in legend


def test_a_long_unreadable_severity_is_quoted_short():
    column = parse_severities(pd.Series(["sangat " * 200], dtype=object))
    reason = column.reasons_at([0])[0]
    assert column.invalid[0] and len(reason) < 300 and "…" in reason


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_template_instructions_explain_the_scale(tmp_path, lang):
    import openpyxl

    from sra_analysis.template import write_template

    write_template(tmp_path, lang=lang)
    sheet = openpyxl.load_workbook(tmp_path / "incidents.xlsx").worksheets[1]
    cells = [row for row in sheet.iter_rows(values_only=True) if row[0]]
    scale = severity_scale(lang)
    for level in scale.itertuples(index=False):
        assert (severity_choice(level.severity, lang), level.name, level.description) in [
            row[:3] for row in cells
        ]
    # the threshold of the disruption rule (example event: 4) is said on the sheet too
    said = {"en": "severity 4 or above counts as a disruption", "id": "4 ke atas dihitung"}
    assert any(said[lang] in str(row[0]) for row in cells)
