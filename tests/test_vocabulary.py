"""Tests of sra_analysis.vocabulary: the category vocabulary, office files and matching.

Expected codes come from reading categories.yaml by hand (each case names the entry and
field it matches), not from running the matcher.
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest
import yaml
from conftest import write_event_folder

from sra_analysis import evaluate, load_event
from sra_analysis.cli import main
from sra_analysis.errors import EventConfigError, VocabularyError
from sra_analysis.io.readers import read_table
from sra_analysis.resources import sample_events
from sra_analysis.review.anticipation import anticipated_by
from sra_analysis.sample import vocabulary as sample_words
from sra_analysis.vocabulary import (
    CATEGORIES_ENV,
    OTHER,
    bundled_vocabulary,
    category_choices,
    category_labels,
    fold_category,
    load_vocabulary,
    read_vocabulary_file,
)

# ----------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("protest", "protest"),  # the code
        ("lost_property", "lost_property"),
        ("Protest / demonstration", "protest"),  # label.en
        ("Barang hilang", "lost_property"),  # label.id
        ("rally", "protest"),  # synonyms.en
        ("unjuk rasa", "protest"),  # synonyms.id
        ("aksi massa", "protest"),
        ("demo", "protest"),
        ("protes saksi", "witness_dispute"),
        ("keberatan saksi", "witness_dispute"),
        ("keributan", "clash"),
        ("bentrok", "clash"),
        ("provokasi", "provocation"),
        ("hoaks", "disinformation"),
        ("masuk tanpa izin", "unauthorised_entry"),
        ("benda mencurigakan", "suspicious_object"),
        ("ancaman bom", "suspicious_object"),
        ("listrik padam", "infrastructure"),
        ("kebakaran", "fire"),
        ("lalu lintas", "traffic"),
        ("kemacetan", "traffic"),
        ("kecelakaan", "accident"),
        ("gangguan kesehatan", "medical"),
        ("medis", "medical"),
        ("barang hilang", "lost_property"),
        ("drone", "drone"),
        ("sabotase", "ballot_tampering"),
        ("perusakan logistik", "ballot_tampering"),
        ("lainnya", "other"),
        # case, spaces and punctuation folded
        ("  UNJUK-RASA! ", "protest"),
        ("Lost Property", "lost_property"),
        ("lalu\u00a0lintas", "traffic"),
        ("Listrik padam.", "infrastructure"),
    ],
)
def test_codes_labels_and_synonyms_in_both_languages_name_their_code(text, code):
    assert bundled_vocabulary().code_of(text) == code


@pytest.mark.parametrize("text", ["protesss", "unjuk", "demonstran", "pro test x", "", "   "])
def test_no_fuzzy_match(text):
    vocabulary = bundled_vocabulary()
    assert vocabulary.code_of(text) is None
    if text.strip():
        assert vocabulary.codes_of(pd.Series([text])).tolist() == [OTHER]


def test_codes_of_keeps_missing_values_and_the_index():
    values = pd.Series(["demo", None, "Banjir"], index=[7, 8, 9])
    codes = bundled_vocabulary().codes_of(values)
    assert codes.index.tolist() == [7, 8, 9]
    assert codes.iloc[0] == "protest" and pd.isna(codes.iloc[1]) and codes.iloc[2] == OTHER
    assert values.tolist()[0] == "demo"  # the input is not changed


def test_fold_category_leaves_roman_numerals_alone():
    assert fold_category("Ring II") == "ring ii"
    assert fold_category("lost_property") == fold_category("Lost property")


def test_the_bundled_vocabulary_is_complete_and_documented():
    vocabulary = bundled_vocabulary()
    assert vocabulary.codes[-1] == OTHER
    for category in vocabulary:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", category.code)
        for lang in ("en", "id"):
            assert category.label(lang).strip() and category.definition(lang).strip()
    # the issue's list of what Polri field logs of election events write
    required = {"unjuk rasa": "protest", "protes saksi": "witness_dispute",
                "bentrok": "clash", "provokasi": "provocation", "hoaks": "disinformation",
                "masuk tanpa izin": "unauthorised_entry", "ancaman bom": "suspicious_object",
                "listrik padam": "infrastructure", "kebakaran": "fire", "kemacetan": "traffic",
                "kecelakaan": "accident", "gangguan kesehatan": "medical",
                "barang hilang": "lost_property", "drone": "drone",
                "sabotase": "ballot_tampering"}  # fmt: skip
    assert {text: vocabulary.code_of(text) for text in required} == required


def test_every_category_the_samples_use_is_a_code_of_the_vocabulary():
    codes = set(bundled_vocabulary().codes)
    used = {threat[0] for threat in sample_words.THREATS}
    used |= set(sample_words.UNANTICIPATED_CATEGORIES) | set(sample_words.CATEGORY_DESCRIPTIONS)
    for folder in sample_events():
        file = next(folder.glob("incidents.*"))
        raw = read_table(file).frame
        column = next(c for c in raw.columns if str(c).strip().casefold() == "category")
        used |= {str(v).strip() for v in raw[column] if str(v).strip()}
    assert {"crowd", "protest", "witness_dispute", "lost_property", "parking"} <= used
    assert used <= codes, sorted(used - codes)


def test_category_choices_list_codes_with_labels_for_a_drop_down():
    choices = dict(category_choices("id"))
    assert list(choices) == list(bundled_vocabulary().codes)
    assert choices["protest"] == "Unjuk rasa" and choices["other"] == "Lainnya"
    assert dict(category_choices("en"))["witness_dispute"] == "Witness objection or dispute"


def test_labels_shown_are_the_label_or_the_text_as_written():
    incidents = pd.DataFrame(
        {"category": ["protest", "other", "lost_property"],
         "category_text": ["demo", "<b>Banjir</b>", "hilang HP"]}
    )  # fmt: skip
    assert category_labels(incidents, lang="id").tolist() == [
        "Unjuk rasa",
        "<b>Banjir</b>",
        "Barang hilang",
    ]  # fmt: skip  (escaping is the display's job, not the label's)


# -------------------------------------------------------------------- office extensions

OFFICE = {
    "categories": [
        {
            "code": "flood",
            "label": {"en": "Flood", "id": "Banjir"},
            "definition": {"en": "Water blocks the venue.", "id": "Air menggenangi lokasi."},
            "synonyms": {"id": ["banjir", "genangan air"]},
        },
        {"code": "protest", "synonyms": {"id": ["aksi tolak hasil"]}},  # adds a synonym
    ]
}


def _write(path, content) -> str:
    path.write_text(content if isinstance(content, str) else yaml.safe_dump(content), "utf-8")
    return str(path)


def test_an_office_file_adds_codes_and_synonyms(tmp_path):
    file = _write(tmp_path / "mine.yaml", OFFICE)
    vocabulary = load_vocabulary(file, environment=False)
    assert vocabulary.code_of("Genangan air") == "flood"
    assert vocabulary.label("flood", "id") == "Banjir"
    assert vocabulary.code_of("aksi tolak hasil") == "protest"
    assert vocabulary.code_of("unjuk rasa") == "protest"  # the bundled synonyms stay
    assert vocabulary.codes[: len(bundled_vocabulary())] == bundled_vocabulary().codes
    assert bundled_vocabulary().code_of("banjir") is None  # the bundled list is unchanged


INCIDENT_ROWS = [
    {"incident_id": "I1", "reported_at": "2024-03-01 08:00", "ring": "1", "category": "Banjir",
     "severity": 2},
    {"incident_id": "I2", "reported_at": "2024-03-01 09:00", "ring": "1",
     "category": "unjuk rasa", "severity": 3},
    {"incident_id": "I3", "reported_at": "2024-03-01 10:00", "ring": "2", "category": "banjir",
     "severity": 1},
    {"incident_id": "I4", "reported_at": "2024-03-01 11:00", "ring": "2",
     "category": "Pohon tumbang", "severity": 1},
    {"incident_id": "I5", "reported_at": "2024-03-01 12:00", "ring": "3",
     "category": "protesss", "severity": 1},
]  # fmt: skip
RISK_ROWS = [{"risk_id": "R1", "threat": "Unjuk rasa", "ring": "all", "likelihood": 3,
              "impact": 3}]  # fmt: skip


def test_event_yaml_names_the_office_file_and_the_loader_maps_to_codes(tmp_path):
    folder = write_event_folder(tmp_path / "ev", incidents=INCIDENT_ROWS, risks=RISK_ROWS,
                                categories="mine.yaml")  # fmt: skip
    _write(folder / "mine.yaml", OFFICE)
    event = load_event(folder)
    incidents = event.incidents.set_index("incident_id")
    assert incidents["category"].to_dict() == {
        "I1": "flood", "I2": "protest", "I3": "flood", "I4": "other", "I5": "other",
    }  # fmt: skip
    assert incidents["category_text"].to_dict() == {
        "I1": "Banjir", "I2": "unjuk rasa", "I3": "banjir", "I4": "Pohon tumbang",
        "I5": "protesss",
    }  # fmt: skip
    assert event.quality["incidents"].unknown_categories == (("Pohon tumbang", 1), ("protesss", 1))
    assert "mine.yaml" in event.inputs  # its sha256 is part of the provenance
    # without the office file, the flood is outside the vocabulary
    plain = load_event(write_event_folder(tmp_path / "plain", incidents=INCIDENT_ROWS,
                                          risks=RISK_ROWS))  # fmt: skip
    assert dict(plain.quality["incidents"].unknown_categories) == {
        "Banjir": 1, "banjir": 1, "Pohon tumbang": 1, "protesss": 1,
    }  # fmt: skip


def test_the_office_file_on_the_command_line_and_in_the_environment(tmp_path, monkeypatch):
    folder = write_event_folder(tmp_path / "ev", incidents=INCIDENT_ROWS, risks=RISK_ROWS)
    file = _write(tmp_path / "shared.yaml", OFFICE)
    event = load_event(folder, categories=file)
    assert set(event.incidents["category"]) == {"flood", "protest", "other"}
    monkeypatch.setenv(CATEGORIES_ENV, file)
    assert set(load_event(folder).incidents["category"]) == {"flood", "protest", "other"}


def test_event_yaml_may_not_name_a_file_outside_the_event_folder(tmp_path):
    _write(tmp_path / "outside.yaml", OFFICE)
    folder = write_event_folder(tmp_path / "ev", incidents=INCIDENT_ROWS, risks=RISK_ROWS,
                                categories="../outside.yaml")  # fmt: skip
    with pytest.raises(EventConfigError, match=r"key 'categories'.*outside the event folder"):
        load_event(folder)
    folder = write_event_folder(tmp_path / "ev2", incidents=INCIDENT_ROWS, risks=RISK_ROWS,
                                categories="missing.yaml")  # fmt: skip
    with pytest.raises(EventConfigError, match=r"no such file 'missing.yaml'"):
        load_event(folder)


def _entry(code="flood", **changes):
    entry = dataclasses.asdict(_Base(code=code))
    entry.update(changes)
    return {k: v for k, v in entry.items() if v is not None}


@dataclasses.dataclass
class _Base:
    code: str
    label: dict = dataclasses.field(default_factory=lambda: {"en": "Flood", "id": "Banjir"})
    definition: dict = dataclasses.field(
        default_factory=lambda: {"en": "Water.", "id": "Air menggenang."}
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("categories: [", r"mine.yaml: not valid YAML"),
        ("- a\n- b\n", r"mine.yaml: expected a mapping with a list of 'categories'"),
        ({"categories": []}, r"mine.yaml \(field 'categories'\): expected 'categories:'"),
        ({"categories": ["flood"]}, r"\(entry '#1'\): expected a mapping"),
        ({"categories": [_entry("Flood Water")]}, r"\(entry '#1', field 'code'\): code must be"),
        ({"categories": [_entry(label={"en": "Flood"})]},
         r"\(entry 'flood', field 'label.id'\): missing or not text"),
        ({"categories": [_entry(definition=None)]},
         r"\(entry 'flood', field 'definition.en'\): a new code needs a label"),
        ({"categories": [_entry(synonyms={"id": "banjir"})]},
         r"\(entry 'flood', field 'synonyms.id'\): expected a list"),
        ({"categories": [_entry(synonyms={"fr": ["inondation"]})]},
         r"\(entry 'flood', field 'synonyms'\): expected 'en:' and 'id:' lists"),
        ({"categories": [_entry(colour="blue")]}, r"\(entry 'flood', field 'colour'\): unknown"),
        ({"categories": [_entry(), _entry()]},
         r"\(entry 'flood', field 'code'\): code given twice"),
        # clashes with the bundled list
        ({"categories": [_entry(synonyms={"id": ["demo"]})]},
         r"\(entry 'flood', field 'synonyms.id'\): 'demo' already names category 'protest'"),
        ({"categories": [_entry(label={"en": "Fire!", "id": "Api besar"})]},
         r"\(entry 'flood', field 'label.en'\): 'Fire!' already names category 'fire'"),
        ({"categories": [_entry("protest")]},
         r"\(entry 'protest', field 'code'\): code is already in the vocabulary"),
        ({"categories": [{"code": "drone", "synonyms": {"en": ["rally"]}}]},
         r"\(entry 'drone', field 'synonyms.en'\): 'rally' already names category 'protest'"),
        ("a: &x [1]\nb: *x\n", r"YAML aliases"),
    ],
)  # fmt: skip
def test_a_bad_vocabulary_file_is_named_with_its_entry_and_field(tmp_path, content, message):
    file = _write(tmp_path / "mine.yaml", content)
    with pytest.raises(VocabularyError, match=message):
        load_vocabulary(file, environment=False)


def test_a_clash_inside_one_file_is_named(tmp_path):
    content = {"categories": [_entry("flood", synonyms={"id": ["air naik"]}),
                              _entry("tide", label={"en": "Tide", "id": "Rob"},
                                     synonyms={"en": ["Air naik!"]})]}  # fmt: skip
    file = _write(tmp_path / "mine.yaml", content)
    with pytest.raises(VocabularyError, match=r"'tide'.*'Air naik!' already names .*'flood'"):
        load_vocabulary(file, environment=False)
    assert len(read_vocabulary_file(file, require_labels=False)) == 2  # each entry is fine


# ------------------------------------------------------------------------- validate


def test_validate_lists_every_category_outside_the_vocabulary_with_its_count(tmp_path, capsys):
    rows = [*INCIDENT_ROWS, {**INCIDENT_ROWS[3], "incident_id": "I6"}]
    folder = write_event_folder(tmp_path / "ev", incidents=rows, risks=RISK_ROWS)
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out
    # Banjir and banjir are the same text folded, but listed as written, each counted
    assert "incident categories outside the vocabulary: 4 (5 incidents, loaded as 'other'" in out
    listed = re.findall(r"^    '(.*)': (\d+)$", out, flags=re.M)
    assert listed == [("Pohon tumbang", "2"), ("Banjir", "1"), ("banjir", "1"), ("protesss", "1")]
    file = _write(tmp_path / "mine.yaml", OFFICE)
    assert main(["validate", "--categories", file, str(folder)]) == 0
    out = capsys.readouterr().out
    assert "incident categories outside the vocabulary: 2 (3 incidents" in out
    assert "Banjir" not in out
    assert main(["validate", "--lang", "id", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "kategori kejadian di luar daftar kategori: 4 (5 kejadian, dimuat sebagai" in out


def test_validate_refuses_a_bad_categories_file(tmp_path, capsys):
    folder = write_event_folder(tmp_path / "ev", incidents=INCIDENT_ROWS, risks=RISK_ROWS)
    file = _write(tmp_path / "bad.yaml", {"categories": [_entry(synonyms={"id": ["demo"]})]})
    assert main(["validate", "--categories", file, str(folder)]) == 2
    assert "'demo' already names category 'protest'" in capsys.readouterr().err


# ------------------------------------------------------------- register and anticipation


def _with_register_categories(folder, covers: list[str]) -> None:
    register = pd.read_csv(folder / "risk_register.csv", dtype=str, keep_default_na=False)
    register["Kategori"] = covers  # the Indonesian header of the categories column
    register.to_csv(folder / "risk_register.csv", index=False)


def test_register_items_name_categories_and_anticipate_by_code(tmp_path):
    risks = [
        {"risk_id": "R1", "threat": "Massa di depan pagar", "ring": "1", "likelihood": 3,
         "impact": 3, "window_start": "2024-03-01 07:00", "window_end": "2024-03-01 10:00"},
        {"risk_id": "R2", "threat": "Gangguan di ruang pleno", "ring": "3", "likelihood": 2,
         "impact": 2},
    ]  # fmt: skip
    incidents = [
        # ring 1 at 09:00, logged as "demo": R1 lists "unjuk rasa" → anticipated by code
        {"incident_id": "I1", "reported_at": "2024-03-01 09:00", "ring": "1",
         "category": "demo", "severity": 2},
        # the same category after R1's span ends (10:00): unanticipated
        {"incident_id": "I2", "reported_at": "2024-03-01 11:00", "ring": "1",
         "category": "protest", "severity": 2},
        # same time, another ring: unanticipated
        {"incident_id": "I3", "reported_at": "2024-03-01 09:00", "ring": "2",
         "category": "unjuk rasa", "severity": 2},
        # names R2 by risk_id although R2 lists other categories: the link wins
        {"incident_id": "I4", "reported_at": "2024-03-01 09:00", "ring": "2",
         "category": "drone", "severity": 2, "risk_id": "R2"},
        # R2 lists "Keberatan saksi" (witness_dispute) for ring 3 over the whole event
        {"incident_id": "I5", "reported_at": "2024-03-02 15:00", "ring": "3",
         "category": "protes saksi", "severity": 3},
        # text outside the vocabulary never matches a category
        {"incident_id": "I6", "reported_at": "2024-03-02 15:00", "ring": "3",
         "category": "hujan deras", "severity": 1},
    ]  # fmt: skip
    folder = write_event_folder(tmp_path / "ev", incidents=incidents, risks=risks)
    _with_register_categories(folder, ["unjuk rasa, bentrok", "Keberatan saksi; hujan"])
    event = load_event(folder)
    assert event.risks.set_index("risk_id")["categories"].to_dict() == {
        "R1": "protest;clash", "R2": "witness_dispute",
    }  # fmt: skip
    # "hujan" is no category: a warning on the register row, which is kept
    issues = event.quality["risk_register"].issues
    assert issues[["row", "column", "action"]].values.tolist() == [[3, "Kategori", "warning"]]
    assert "'hujan' is not in the vocabulary" in issues["reason"].iloc[0]
    by = anticipated_by(event.incidents, event.risks)
    items = [None if pd.isna(v) else v for v in by]
    assert dict(zip(event.incidents["incident_id"], items, strict=True)) == {
        "I1": "R1", "I2": None, "I3": None, "I4": "R2", "I5": "R2", "I6": None,
    }  # fmt: skip
    review = evaluate(event, n_resamples=0)
    assert sorted(review.unanticipated["category_text"]) == ["hujan deras", "protest",
                                                             "unjuk rasa"]  # fmt: skip


def test_without_register_categories_anticipation_is_the_risk_id(sample_event):
    by = anticipated_by(sample_event.incidents, sample_event.risks)
    assert by.isna().tolist() == sample_event.incidents["risk_id"].isna().tolist()


# ------------------------------------------------------------------ reports show labels


def test_no_raw_code_in_the_indonesian_incident_table_of_the_sample(sample_event, monkeypatch):
    from sra_analysis.reports.pages import present

    fragments: list[str] = []
    monkeypatch.setattr(present, "show_html", fragments.append)
    present.incident_table(sample_event.incidents, sample_event, lang="id")
    html = fragments[0]
    codes = set(sample_event.incidents["category"])  # every one a code, none other
    cells = re.findall(r'<td id="[^"]*col3"[^>]*>(.*?)</td>', html)  # the category column
    assert len(cells) == len(sample_event.incidents) and OTHER not in codes
    assert not codes & set(cells)
    # the sample's lost property and unauthorised entry, by their Indonesian labels
    assert "Masuk tanpa izin" in cells and "Parkir liar" in cells
