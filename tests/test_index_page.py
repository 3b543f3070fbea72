"""Tests of sra_analysis.reports.index_page: the cross-event index page, from summaries on disk."""

from __future__ import annotations

import json

import pytest

from sra_analysis.reports.batch import ReportResult
from sra_analysis.reports.index_page import write_index


def _summary(event_id: str, name: str, grade: str, evidence: str) -> dict:
    return {
        "event": {"id": event_id, "name": name},
        "totals": {"incidents": 12, "disruptions": 3, "personnel": 40, "officer_hours": 1200.0},
        "prediction": {"pod": 0.5, "far": None, "pai": 2.0, "auc": 0.75,
                       "auc_ci_low": 0.5, "auc_ci_high": 0.9},
        "by_ring": [{"ring": "1", "incidents_per_100_officer_hours": 1.0,
                     "ci_low": 0.5, "ci_high": 2.0}],
        "verdict": {"grade": grade, "evidence": evidence, "text": f"{grade} because <b>x</b>"},
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
    [("en", ">good<", ">mixed<", "evidence thin"), ("id", ">baik<", ">campuran<", "bukti tipis")],
)
def test_index_lists_every_event_with_its_verdict_in_the_language(batch, lang, good, mixed, thin):
    out, results = batch
    page = write_index(out, results, lang=lang).read_text(encoding="utf-8")
    assert good in page and mixed in page
    assert page.count(thin) == 1  # only the event whose verdict rests on thin evidence
    assert 'href="kab-a/report.html"' in page and 'href="kab-c/report.html"' in page
    assert "FAILED" in page and "cell In[3] raised &lt;x&gt;" in page
    # text from input files is escaped, in cells and in the verdict's tooltip
    assert "<script>window.__pwned" not in page and "&lt;script&gt;" in page
    assert "<b>x</b>" not in page
