"""Tests of sra_analysis.reports.pages.session: the notebooks' one setup call and their headings."""

from __future__ import annotations

import json

import IPython.display
import pytest
from _night_event import INCIDENTS, NIGHT, RISKS, STAFFING
from conftest import write_event_folder

from sra_analysis.errors import ParameterError
from sra_analysis.reports.pages.session import ReviewSession, heading, start_review


@pytest.fixture
def folder(tmp_path):
    return write_event_folder(
        tmp_path / "night", incidents=INCIDENTS, staffing=STAFFING, risks=RISKS, **NIGHT
    )


@pytest.fixture
def shown(monkeypatch) -> list:
    """Everything passed to IPython's display, in order."""
    calls: list = []
    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: calls.append((a, k)))
    return calls


def test_a_session_holds_the_checked_parameters_the_event_and_its_review(folder, tmp_path):
    summary = tmp_path / "out" / "summary.json"
    session = start_review(
        event_dir=str(folder), lang="id", n_resamples=0, summary_path=str(summary),
    )  # fmt: skip
    assert isinstance(session, ReviewSession) and not session.sliced
    assert session.lang == "id" and session.params.event_dir == folder
    assert session.event is session.whole
    assert session.review.totals["incidents"] == 5  # every loaded row, I5 included
    assert session.tables == tmp_path / "out" / "tables"
    written = json.loads(summary.read_text(encoding="utf-8"))
    assert "slice" not in written["provenance"]["parameters"]


def test_a_sliced_session_reviews_and_records_only_its_part(folder, tmp_path):
    summary = tmp_path / "summary.json"
    session = start_review(
        event_dir=str(folder), n_resamples=0, summary_path=str(summary), rings=["3"],
        start="2024-03-02 00:00",
    )  # fmt: skip
    assert session.sliced and session.whole.meta.ring_ids == ("1", "2", "3")
    assert session.review.totals["incidents"] == 1  # I4 only
    assert session.review.totals["officer_hours"] == 4.0  # O4, 00:00–04:00
    written = json.loads(summary.read_text(encoding="utf-8"))
    assert written["provenance"]["parameters"]["slice"] == {
        "rings": ["3"], "start": "2024-03-02T00:00:00+07:00", "end": "2024-03-02T04:00:00+07:00",
    }  # fmt: skip
    assert written["totals"]["incidents"] == 1


def test_bad_parameters_are_named_before_anything_is_written(folder, tmp_path):
    summary = tmp_path / "summary.json"
    with pytest.raises(ParameterError, match="lang must be one of"):
        start_review(event_dir=str(folder), lang="fr", summary_path=str(summary))
    with pytest.raises(ParameterError, match="rings must name rings of the event"):
        start_review(event_dir=str(folder), rings=["ring 9"], summary_path=str(summary))
    assert not summary.exists()


def test_the_setup_displays_nothing(folder, shown):
    # figures carry their data; plotly.js is the HTML export's business, not the notebook's
    start_review(event_dir=str(folder), n_resamples=0)
    assert shown == []


def test_a_heading_is_one_output_in_markdown_and_html(shown):
    heading("section.sra", "id", level=3)
    (bundle,), options = shown[0]
    assert options == {"raw": True}
    assert bundle["text/markdown"] == "### Apakah SRA tepat?"
    assert bundle["text/html"] == '<div class="sra-report"><h3>Apakah SRA tepat?</h3></div>'
    assert bundle["text/plain"] == "Apakah SRA tepat?"


def test_a_heading_refuses_an_unknown_key_or_level(shown):
    with pytest.raises(ParameterError, match="no label 'section.nope'"):
        heading("section.nope")
    with pytest.raises(ParameterError, match="level must be a whole number from 1 to 6, got 7"):
        heading("section.sra", level=7)
    assert shown == []


def test_narrowing_a_session_reviews_the_part_and_writes_nothing(folder, tmp_path):
    summary = tmp_path / "summary.json"
    session = start_review(event_dir=str(folder), n_resamples=0, summary_path=str(summary))
    written = summary.read_bytes()
    part = session.narrow(rings=["1"], categories=["traffic"])
    assert part.sliced and part.whole is session.whole and part.params == session.params
    assert sorted(part.event.incidents["incident_id"]) == ["I2", "I5"]
    # I2 (01:30) is in the review's windows; I5 (19:30, before the start) only in the totals
    assert part.review.windows["incidents"].sum() == 1
    assert part.review.totals["officer_hours"] == 12.0  # O1 4 h + O2 8 h in ring 1
    assert part.tables is None and summary.read_bytes() == written
    assert session.review.totals["incidents"] == 5  # the session itself is unchanged
    assert session.narrow(rings=[], start="", end="", categories=None) is session
    with pytest.raises(ParameterError, match="categories must name categories"):
        session.narrow(categories=["drone"])
