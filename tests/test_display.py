"""An evaluation in a notebook: a one-line repr, a short summary, a small HTML table."""

from __future__ import annotations

import pytest

from sra_analysis import evaluate, load_event
from sra_analysis.resources import sample_dir


@pytest.fixture(scope="module")
def review():
    return evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=0)


def test_repr_is_one_short_line_and_names_no_table(review):
    text = repr(review)
    assert "\n" not in text and len(text) < 200
    assert text.startswith("Evaluation('purwakarta-2024', grade=")
    assert "DataFrame" not in text and "window_start" not in text


def test_summary_counts_agree_with_the_windows_table(review):
    # recomputed from the windows table itself, not from the counts the review keeps
    windows = review.windows
    disrupted = int((windows["disruptions"] > 0).sum())
    flagged = int(windows["flagged"].sum())
    hits = int(((windows["disruptions"] > 0) & windows["flagged"]).sum())
    lines = review.summary().splitlines()
    assert lines[0].startswith("Event: purwakarta-2024 — ")
    assert lines[1] == "Verdict: " + review.verdict.text("en")
    assert f"{len(windows)} windows" in lines[2]
    assert f"; {flagged} rated high or above" in lines[2]
    assert lines[3].startswith(
        f"Disrupted ring-hours: {disrupted} ({hits} rated high enough, {disrupted - hits} not)"
    )
    assert f"holding {int(windows['disruptions'].sum())} disruptions" in lines[3]
    kinds = [finding.kind for finding in review.findings]
    assert lines[-1] == (
        f"Findings: {kinds.count('strength')} strengths, {kinds.count('improvement')} areas "
        f"for improvement, {kinds.count('note')} notes"
    )


def test_summary_speaks_indonesian(review):
    text = review.summary(lang="id")
    assert text.startswith("Kegiatan: purwakarta-2024")
    assert "dinilai tinggi ke atas" in text and "rated" not in text


def test_the_notebook_shows_an_escaped_html_table(review):
    from IPython.core.formatters import DisplayFormatter

    shown, _ = DisplayFormatter().format(review)
    page = shown["text/html"]
    assert page.startswith("<table class='sra-evaluation'>")
    assert page.count("<tr>") == len(review.summary().splitlines())
    assert "<script" not in page
