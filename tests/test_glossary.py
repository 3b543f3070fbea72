"""Tests of sra_analysis.labels.glossary: one term per concept, used by every label."""

from __future__ import annotations

import re

import pytest

from sra_analysis.errors import ParameterError
from sra_analysis.labels import LABELS, t
from sra_analysis.labels.glossary import CALQUES, TERMS, glossary, term


def test_one_indonesian_term_per_concept_and_one_concept_per_term():
    keys = [entry.key for entry in TERMS]
    assert len(keys) == len(set(keys))
    indonesian = [entry.id.casefold() for entry in TERMS]
    assert len(indonesian) == len(set(indonesian))


def test_every_term_has_both_languages_and_a_one_line_definition():
    for entry in TERMS:
        for text in (entry.id, entry.en, entry.definition_id, entry.definition_en):
            assert text.strip() and "\n" not in text, entry.key
        assert entry.definition_id != entry.definition_en, entry.key


def test_the_statistics_the_reports_show_are_defined():
    # the scores and methods named in the reports (issue 16, deliverable 5)
    needed = {"pod", "far", "csi", "heidke", "peirce", "pai", "auc", "tau_b", "gamma", "brier",
              "ci", "iqr", "funnel", "i2", "dersimonian_laird", "bonferroni", "cox",
              # and those the verdict's sentence and the roll-up's notes name (issue 20)
              "disruption_episode", "rate_ratio", "p_value", "poisson_model", "negative_binomial",
              "cochran_q", "reliability"}  # fmt: skip
    assert needed <= {entry.key for entry in TERMS}


def test_glossary_is_a_tidy_table_in_each_language():
    table = glossary("id")
    assert list(table.columns) == ["key", "term", "definition"]
    assert len(table) == len(TERMS)
    row = table.set_index("key").loc["false_alarm"]
    assert row["term"] == "dinilai rawan, tanpa gangguan"
    assert glossary("en").set_index("key").loc["false_alarm", "term"] == "false alarm"
    with pytest.raises(ParameterError, match="lang"):
        glossary("fr")
    with pytest.raises(ParameterError, match="no glossary term 'nope'"):
        term("nope")


@pytest.mark.parametrize("calque", sorted(CALQUES))
def test_no_indonesian_label_uses_a_calque(calque):
    pattern = re.compile(r"(?<!\w)" + re.escape(calque) + r"(?!\w)", re.IGNORECASE)
    offending = [key for key, entry in LABELS.items() if pattern.search(entry["id"])]
    assert offending == [], f"{calque!r} → {term(CALQUES[calque], 'id')!r}"


def test_no_glossary_term_is_itself_a_calque():
    for entry in TERMS:
        for calque in CALQUES:
            assert not re.search(r"(?<!\w)" + re.escape(calque) + r"(?!\w)", entry.id.lower())


@pytest.mark.parametrize(
    ("key", "concept"),
    [
        ("verdict.grade.mixed", "grade_mixed"),
        ("verdict.evidence.thin", "thin_evidence"),
        ("col.false_alarms", "false_alarm"),
        ("col.correct_negatives", "correct_negative"),
        ("col.hits", "hit"),
        ("col.misses", "miss"),
        ("dq.quarantined", "quarantined"),
        ("officer_hours", "officer_hours"),
        ("disruptions", "disruption"),
        ("incidents", "incident"),
    ],
)
def test_labels_naming_a_glossary_concept_use_its_term(key, concept):
    assert t(key, "id").casefold() == term(concept, "id").casefold()


@pytest.mark.parametrize(
    ("key", "concept"),
    [
        ("section.appendix", "provenance"),
        ("section.false_alarm_windows", "window"),
        ("verdict.thin", "thin_evidence"),
        ("score.csi.help", "hit"),
        ("chart.confusion.title", "window"),
    ],
)
def test_sentences_naming_a_concept_use_its_term(key, concept):
    assert term(concept, "id").casefold() in LABELS[key]["id"].casefold()


#: Concepts whose English term, wherever a label's English names it, must come with the
#: glossary's Indonesian term in the same label's Indonesian.
EVERYWHERE = ("sra", "anev", "ring", "personnel", "officer_hours", "staffing_plan",
              "risk_level", "window", "ring_hour", "flag_level", "grade_mixed", "thin_evidence",
              "quarantined", "provenance", "improvement_plan", "ci", "auc", "pai", "funnel", "i2",
              "iqr")  # fmt: skip


@pytest.mark.parametrize("concept", EVERYWHERE)
def test_every_label_naming_a_concept_in_english_uses_its_one_indonesian_term(concept):
    entry = next(entry for entry in TERMS if entry.key == concept)
    english = re.compile(r"(?<![\w-])" + re.escape(entry.en) + r"s?(?![\w-])", re.IGNORECASE)
    naming = [key for key, label in LABELS.items() if english.search(label["en"])]
    assert naming, concept  # the check must have labels to check
    missing = [key for key in naming if entry.id.casefold() not in LABELS[key]["id"].casefold()]
    assert missing == [], f"{entry.id!r} missing from {missing}"


def test_every_term_the_report_uses_is_in_the_glossary_in_both_languages(sample_event):
    from sra_analysis.reports.pages import present
    from sra_analysis.reports.pages.glossary_section import SCORE_TERMS, report_terms
    from sra_analysis.review.evaluate import evaluate

    review = evaluate(sample_event, n_resamples=0)
    keys = report_terms(review)
    assert len(keys) == len(set(keys))
    assert "grade_mixed" in keys  # the sample's grade (tests/test_aar_present.py)
    for language in ("en", "id"):
        table = glossary(language).set_index("key")
        assert set(keys) <= set(table.index), set(keys) - set(table.index)
        assert all(table.loc[list(keys), "definition"].str.strip().astype(bool))
    # every score of the score table, and every grade a verdict can give
    assert {name for name, _ in present._SCORES} == set(SCORE_TERMS)
    assert set(SCORE_TERMS.values()) <= set(keys)
    grades = {entry.key for entry in TERMS if entry.key.startswith("grade_")}
    assert grades == {"grade_good", "grade_mixed", "grade_poor", "grade_quiet"}
    # the terms of the after-action review (issue 17)
    assert {"episode", "significant", "capability_element", "rate_ratio"} <= set(keys)


def test_the_glossary_section_lists_the_terms_in_the_reports_language(sample_event, monkeypatch):
    from sra_analysis.reports.pages import glossary_section
    from sra_analysis.review.evaluate import evaluate

    shown: list[str] = []
    monkeypatch.setattr(glossary_section, "show_html", shown.append)
    review = evaluate(sample_event, n_resamples=0)
    glossary_section.glossary_section(review, lang="id")
    glossary_section.glossary_section(review, lang="en")
    bahasa, english = shown
    assert '<h2 id="glossary">Daftar istilah</h2>' in bahasa
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", bahasa.split("<tbody>")[1], re.S)
    assert len(rows) == len(glossary_section.report_terms(review))
    assert "rangkaian kejadian" in bahasa and "unsur kemampuan" in bahasa
    assert "episode" not in bahasa.lower() and "capability" not in bahasa.lower()
    assert '<h2 id="glossary">Glossary</h2>' in english and "capability element" in english
