"""The after-action review in the report: every summary link lands on a section, text from
input files is escaped, and the Indonesian report speaks Indonesian."""

from __future__ import annotations

import html
import re

import pytest
from _demonstration import DEMO_INCIDENTS, DEMO_RISKS, DEMO_STAFFING

from sra_analysis.reports.pages import aar_present, annex, glossary_section, overview, present
from sra_analysis.reports.pages.improvement_plan import improvement_plan_rows
from sra_analysis.review.evaluate import evaluate


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    fragments: list[str] = []
    monkeypatch.setattr(present, "show_html", fragments.append)
    for module in (aar_present, annex, glossary_section, overview):
        monkeypatch.setattr(module, "show_html", fragments.append)
    return fragments


@pytest.fixture
def demo_review(build_event):
    risks = [dict(DEMO_RISKS[0], threat="<script>alert(1)</script> unjuk rasa"), *DEMO_RISKS[1:]]
    event = build_event(incidents=DEMO_INCIDENTS, staffing=DEMO_STAFFING, risks=risks)
    return event, evaluate(event, n_resamples=0)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_summary_link_lands_on_a_section_of_the_report(demo_review, shown, lang):
    event, review = demo_review
    present.overview(event, review, lang=lang)
    aar_present.chronology(review, lang=lang)
    aar_present.findings_to_act_on(review, lang=lang)
    page = "".join(shown)
    links = re.findall(r'<a href="#([^"]+)">', page)
    assert len(links) == len(review.aar.summary)
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert set(links) <= ids
    assert {"aar-summary", "aar-chronology", "aar-strengths", "aar-improvements"} <= ids
    # the grade word comes first, before the statistics of the verdict box
    # 1 of 3 disrupted ring-hours flagged in 10 of 192 ring-hours (5 %). The disruptions share
    # hour 30 of the 64 (13:00 on 2 March, in all three rings); 10 offsets put it on a flagged
    # ring-hour too (ring 1's 29-34, ring 3's 1-4). They are ordered by the incidents the
    # flagged ring-hours then hold: 4 as it happened (ring 1's two at 12:00, one at 13:00,
    # one at 17:00), at most 3 at the other nine (shifted later, the 17:00 one leaves the
    # span; earlier, the 12:00 pair does; onto ring 3's morning only ring 3's two at 13:00
    # land). So the capture mid-p is (0 + 1/2) / 64; the AUC's test passes too, and the
    # grade is good / baik though the evidence is thin (3 episodes)
    grade = {"en": "Grade: good", "id": "Nilai: baik"}[lang]
    assert review.verdict.reason == "skilled" and review.verdict.evidence == "thin"
    assert review.verdict.skill.capture_p == pytest.approx(0.5 / 64)
    assert page.index(grade) < page.index("AUC")


def test_text_from_input_files_is_escaped(demo_review, shown):
    event, review = demo_review
    present.overview(event, review)
    aar_present.findings_to_act_on(review)
    page = "".join(shown)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_indonesian_review_has_no_english_labels(demo_review, shown):
    _, review = demo_review
    aar_present.chronology(review, lang="id")
    aar_present.findings_to_act_on(review, lang="id")
    page = re.sub(r"<[^>]+>", " ", "".join(shown))
    for english in ("Priority", "Root cause", "Recommended action", "Episode", "Strengths",
                    "Chronology", "significant", "minutes", "Planning"):  # fmt: skip
        assert english not in page
    assert "Saran tindak lanjut" in page and "Kronologi" in page and "Prioritas: tinggi" in page


def _headings(page: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", page)]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_report_reads_in_the_after_action_order(demo_review, shown, lang):
    event, review = demo_review
    overview.summary_page(event, review, lang=lang)
    overview.overview_section(event, review, lang=lang)
    aar_present.chronology(review, lang=lang)
    aar_present.findings_to_act_on(review, lang=lang)
    aar_present.improvement_plan(review, lang=lang)
    annex.annex_intro(lang=lang)
    annex.verdict_box(event, review, lang=lang)
    glossary_section.glossary_section(review, lang=lang)
    page = "".join(shown)
    expected = {
        "en": ["Overview", "Chronology", "Strengths", "Areas for improvement",
               "Improvement plan", "Analyst annex", "Glossary"],
        "id": ["Gambaran umum", "Kronologi", "Hal yang sudah baik", "Hal yang perlu diperbaiki",
               "Rencana perbaikan", "Lampiran analis", "Daftar istilah"],
    }[lang]  # fmt: skip
    assert _headings(page) == expected
    # every summary link lands on a section; the statistics wait for the annex
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert set(re.findall(r'<a href="#([^"]+)">', page)) <= ids
    annex_at = page.index('id="analyst-annex"')
    grade = {"en": "Grade: good", "id": "Nilai: baik"}[lang]
    assert page.index(grade) < annex_at
    for statistic in ("AUC", "p = ", "sra-tile"):
        assert annex_at < page.index(statistic), statistic
    assert '<div class="sra-verdict good"><b>' in page[annex_at:]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_plan_table_has_the_workbooks_rows_and_blanks_to_fill(demo_review, shown, lang):
    _, review = demo_review
    aar_present.improvement_plan(review, lang=lang, workbook="/out/event/improvement_plan.xlsx")
    (page,) = shown
    assert '<a href="improvement_plan.xlsx">' in page
    body = page.split("<tbody>")[1]
    rows = [
        [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
        for r in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]
    sheet = improvement_plan_rows(review, lang=lang)
    assert len(rows) == len(review.aar.improvements) == len(sheet) > 0
    for number, (row, (_, expected)) in enumerate(zip(rows, sheet.iterrows(), strict=True), 1):
        finding, action = (html.unescape(v) for v in row[1:3])
        assert row[0] == str(number)
        assert (finding, action) == (expected["finding"], expected["recommended_action"])
        assert row[5:] == ["", "", "", ""]  # unit, start, due, status: to fill in
    # the demonstration that spread: missed, high, planning (tests/test_aar.py)
    first = {"en": ["Planning", "high"], "id": ["Perencanaan", "tinggi"]}[lang]
    assert rows[0][3:5] == first


def test_an_event_without_improvements_says_so_in_the_plan(build_event, shown):
    review = evaluate(build_event(), n_resamples=0)
    assert review.aar.improvements == ()
    aar_present.improvement_plan(review, lang="id")
    (page,) = shown
    assert "<table" not in page and "Rencana perbaikan" in page


@pytest.mark.parametrize("lang", ["en", "id"])
def test_past_the_shown_number_the_rest_is_counted_and_summary_links_still_land(
    demo_review, shown, monkeypatch, lang
):
    # an event of thousands of incidents keeps a report one can open: with one episode and one
    # improvement shown, the others are counted, and the improvements the summary links to
    # stay whatever their place
    event, review = demo_review
    aar = review.aar
    assert len(aar.episodes) >= 2 and len(aar.improvements) >= 2
    monkeypatch.setattr(aar_present, "SHOWN_EPISODES", 1)
    monkeypatch.setattr(aar_present, "SHOWN_IMPROVEMENTS", 1)
    present.overview(event, review, lang=lang)
    aar_present.chronology(review, lang=lang)
    aar_present.findings_to_act_on(review, lang=lang)
    aar_present.improvement_plan(review, lang=lang)
    page = "".join(shown)
    linked = {line.anchor for line in aar.summary}
    episodes = [e for n, e in enumerate(aar.episodes, 1) if n == 1 or e.anchor in linked]
    listed = [i for n, i in enumerate(aar.improvements, 1) if n == 1 or i.anchor in linked]
    more = {
        "en": ("more episode", "more area"),
        "id": ("rangkaian kejadian lainnya", "hal lain yang perlu diperbaiki"),
    }[lang]
    assert len(aar.episodes) > len(episodes) and len(aar.improvements) > len(listed)
    assert page.count("aar-episode-") >= len(episodes)
    assert f"{len(aar.episodes) - len(episodes)} {more[0]}" in page
    assert page.count('class="sra-finding improvement"') == len(listed)
    assert f"{len(aar.improvements) - len(listed)} {more[1]}" in page
    # the plan's table shows one row, and counts the rest
    assert f"{len(aar.improvements) - 1} {more[1]}" in page
    assert set(re.findall(r'<a href="#([^"]+)">', page)) <= set(re.findall(r'id="([^"]+)"', page))
