"""Tests of sra_analysis.reports.batch.index_page: the cross-event index page, from summaries
on disk."""

from __future__ import annotations

import json
import re

import pytest
from _browser import visit
from _fabricated import OUTLIERS, fabricated_summaries, write_batch

from sra_analysis.labels import t
from sra_analysis.reports.batch import ReportResult
from sra_analysis.reports.batch.index_page import DOT_PLOT_EVENTS, write_index

HOSTILE = "<script>window.__xss = 1</script>Pleno"


def _summary(event_id: str, name: str, grade: str, evidence: str) -> dict:
    return {
        "event": {"id": event_id, "name": name},
        "totals": {"incidents": 12, "disruptions": 3, "personnel": 40, "officer_hours": 1200.0},
        "prediction": {"pod": 0.5, "far": None, "pai": 2.0, "auc": 0.75,
                       "auc_ci_low": 0.5, "auc_ci_high": 0.9},
        "by_ring": [{"ring": "1", "incidents_per_100_officer_hours": 1.0,
                     "ci_low": 0.5, "ci_high": 2.0}],
        "verdict": {"grade": grade, "evidence": evidence, "text": f"{grade} because <b>x</b>"},
        "schema_version": "3",
    }  # fmt: skip


@pytest.fixture
def batch(tmp_path):
    results = []
    for event_id, name, grade, evidence in (
        ("kab-a", "Pleno <script>window.__pwned=1</script>", "good", "sufficient"),
        ("kab-b", "Pleno B", "mixed", "thin"),
    ):
        folder = tmp_path / event_id
        folder.mkdir()
        (folder / "summary.json").write_text(
            json.dumps(_summary(event_id, name, grade, evidence)), encoding="utf-8"
        )
        results.append(ReportResult(str(folder), event_id, "ok", str(folder), 1.0))
    failed = tmp_path / "kab-c"
    failed.mkdir()
    results.append(
        ReportResult(str(failed), "kab-c", "failed", str(failed), 0.5, "cell In[3] raised <x>")
    )
    return tmp_path, results


@pytest.mark.parametrize(
    ("lang", "good", "mixed", "thin"),
    [
        ("en", ">good<", ">fair<", "evidence thin"),
        ("id", ">baik<", ">cukup<", "bukti belum memadai"),
    ],
)
def test_index_lists_every_event_with_its_verdict_in_the_language(batch, lang, good, mixed, thin):
    out, results = batch
    page = write_index(out, results, lang=lang).read_text(encoding="utf-8")
    assert good in page and mixed in page
    table = page[page.index('<table id="events"') :]
    assert table.count(thin) == 1  # only the event whose verdict rests on thin evidence
    assert 'href="kab-a/report.html"' in page and 'href="kab-c/report.html"' in page
    assert "FAILED" in page and "cell In[3] raised &lt;x&gt;" in page
    # text from input files is escaped, in cells and in the verdict's tooltip
    assert "<script>window.__pwned" not in page and "&lt;script&gt;" in page
    assert "<b>x</b>" not in page


def test_index_links_an_improvement_plan_where_the_report_left_one(batch):
    out, results = batch
    (out / "kab-a" / "improvement_plan.xlsx").write_bytes(b"PK")  # beside kab-a's report only
    page = write_index(out, results, lang="id").read_text(encoding="utf-8")
    plans = re.findall(r'<a class="plan" href="([^"]+)"[^>]*>([^<]+)</a>', page)
    assert plans == [("kab-a/improvement_plan.xlsx", "Rencana perbaikan")]


@pytest.mark.parametrize(
    ("lang", "officer_hours", "pod", "pai", "auc"),
    # CLDR en_GB: group ",", decimal "."; CLDR id: group ".", decimal ","
    [("en", "1,200", "0.50", "2.00", "0.75"), ("id", "1.200", "0,50", "2,00", "0,75")],
)
def test_index_numbers_are_written_as_the_language_writes_them(
    batch, lang, officer_hours, pod, pai, auc
):
    out, results = batch
    page = write_index(out, results, lang=lang).read_text(encoding="utf-8")
    row = re.search(r'<tr data-verdict="good".*?</tr>', page, re.S).group(0)
    cells = re.findall(r'<td class="num" data-value="([^"]*)">([^<]*)</td>', row)
    # incidents, disruptions, personnel, officer-hours, POD, FAR (missing), PAI, AUC
    assert [shown for _, shown in cells] == ["12", "3", "40", officer_hours, pod, "–", pai, auc]
    # the sort keys stay plain numbers whatever the language
    assert [raw for raw, _ in cells] == ["12.0", "3.0", "40.0", "1200.0", "0.5", "", "2.0",
                                         "0.75"]  # fmt: skip


# ----------------------------------------------------------------------------- 514 events


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    """An index of 514 fabricated events (one with a hostile name) and 3 FAILED reports."""
    out = tmp_path_factory.mktemp("national")
    summaries = fabricated_summaries(514)
    summaries[41]["event"]["name"] = HOSTILE
    results = write_batch(out, summaries, failed=("kab-gagal-1", "kab-gagal-2", "kab-gagal-3"))
    return write_index(out, results), summaries


def test_index_of_514_events_stays_small_and_lists_the_funnel_outliers(national):
    index, _ = national
    assert index.stat().st_size <= 2 * 1024 * 1024
    page = index.read_text(encoding="utf-8")
    outliers = page[page.index('class="outliers"') :]
    outliers = outliers[: outliers.index("</div>")]
    for event_id in OUTLIERS:  # planted 0/40 and 40/40 captures
        assert f'href="{event_id}/report.html"' in outliers
    assert "0/40 (below)" in outliers and "40/40 (above)" in outliers
    assert t("chart.event_comparison.title") not in page  # no 514-row dot plot
    assert len(re.findall(r"<tr[^>]* data-verdict=", page)) == 514 + 3
    assert "&lt;script&gt;window.__xss" in page and "<script>window.__xss" not in page


def test_few_events_keep_the_dot_plot(tmp_path):
    results = write_batch(tmp_path, fabricated_summaries(DOT_PLOT_EVENTS))
    page = write_index(tmp_path, results).read_text(encoding="utf-8")
    assert t("chart.event_comparison.title") in page


def _visible_ids(page) -> list[str]:
    return page.evaluate(
        "Array.from(document.querySelectorAll('#events tbody tr'))"
        ".filter(r => !r.hidden).map(r => r.cells[0].textContent)"
    )


def _column(page, column: int) -> list[str]:
    return page.evaluate(
        "c => Array.from(document.querySelectorAll('#events tbody tr'))"
        ".map(r => r.cells[c] ? r.cells[c].textContent : '')",
        column,
    )


def test_index_draws_offline_without_errors_or_script_injection(national, browser):
    index, _ = national
    record = visit(browser, index, expected_plots=2)
    assert record.drawn_plots == 2 and record.plots == 2
    assert record.page_errors == [] and record.console_errors == []
    assert record.blocked_requests == [] and record.xss is None
    assert HOSTILE in record.text  # the name shows as text
    assert "showing 517 of 517 events" in record.text


def test_index_table_sorts_by_any_header_with_missing_values_last(national, browser):
    index, summaries = national
    context = browser.new_context()
    page = context.new_page()
    page.goto(index.resolve().as_uri())
    page.click("#events th:nth-child(11) button")  # AUC, ascending
    values = page.evaluate(
        "Array.from(document.querySelectorAll('#events tbody tr'))"
        ".map(r => r.cells[10] ? r.cells[10].getAttribute('data-value') : null)"
    )
    auc = _column(page, 10)
    known = sorted(s["prediction"]["auc"] for s in summaries if s["prediction"]["auc"] is not None)
    assert [float(v) for v in values[: len(known)]] == known  # exactly, by data-value
    assert [float(v) for v in auc[: len(known)]] == pytest.approx(known, abs=0.0051)
    missing = 514 - len(known) + 3  # "–" cells and the FAILED rows
    assert auc[len(known) :] == ["–"] * (missing - 3) + [""] * 3
    page.click("#events th:nth-child(11) button")  # descending, missing still last
    auc = _column(page, 10)
    assert [float(v) for v in auc[: len(known)]] == pytest.approx(known[::-1], abs=0.0051)
    assert page.get_attribute("#events th:nth-child(11)", "aria-sort") == "descending"
    page.click("#events th:nth-child(5) button")  # disruptions: numbers, not text
    disruptions = [int(v) for v in _column(page, 4)[:514]]
    assert disruptions == sorted(s["totals"]["disruptions"] for s in summaries)
    page.click("#events th:nth-child(1) button")  # event id, as text
    ids = _visible_ids(page)
    assert ids == sorted(ids)
    context.close()


def test_index_table_filters_by_text_and_verdict_and_counts(national, browser):
    index, summaries = national
    context = browser.new_context()
    page = context.new_page()
    page.goto(index.resolve().as_uri())
    page.fill("#filter-text", "contoh-01")
    expected = [s["event"]["id"] for s in summaries if "contoh-01" in s["event"]["id"]]
    assert sorted(_visible_ids(page)) == expected
    assert page.inner_text("#filter-count") == f"showing {len(expected)} of 517 events"
    page.fill("#filter-text", "PLENO KABUPATEN CONTOH 2")  # names too, any case
    assert len(_visible_ids(page)) == sum(
        "contoh 2" in s["event"]["name"].lower() for s in summaries
    )
    page.fill("#filter-text", "")
    page.select_option("#filter-verdict", "poor")
    poor = sorted(s["event"]["id"] for s in summaries if s["verdict"]["grade"] == "poor")
    assert sorted(_visible_ids(page)) == poor
    page.select_option("#filter-verdict", "failed")
    assert sorted(_visible_ids(page)) == ["kab-gagal-1", "kab-gagal-2", "kab-gagal-3"]
    assert page.inner_text("#filter-count") == "showing 3 of 517 events"
    context.close()


def test_index_without_javascript_is_a_plain_table(national, browser):
    index, _ = national
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(index.resolve().as_uri())
    assert not page.is_visible("#filters")
    assert page.locator("#events tbody tr").count() == 517
    assert re.search(r"kab-contoh-514", page.inner_text("#events"))
    context.close()
