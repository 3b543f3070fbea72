"""The hostile corpus of report folders (``tests/data/hostile/report_cases.yaml``) through the
roll-up: each tampered, damaged or foreign folder is set aside with its event and a one-line
reason, in the page, in rollup.json and on the console, and the roll-up goes on with the rest.
"""

from __future__ import annotations

import json
import re

import pytest
from hostile_cases import CORPUS
from hostile_reports import load_report_cases, tampered_copy

from sra_analysis.cli import main
from sra_analysis.reports.pages.rollup_run import rollup_results
from sra_analysis.reports.pages.session import start_review
from sra_analysis.reports.rollup_inputs import read_reports
from sra_analysis.resources import sample_dir

CASES = load_report_cases()
SET_ASIDE = [name for name, case in CASES.items() if case.outcome == "set_aside"]
#: The sound reports every tampered folder is pooled beside.
COMPANIONS = ("purwakarta-2024", "kota-bogor-2024")


def _report(event_dir, out):
    start_review(event_dir=str(event_dir), n_resamples=0, summary_path=str(out / "summary.json"))
    return out


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """Report folders of the corpus's clean event and of two sound sample events."""
    root = tmp_path_factory.mktemp("reports")
    folders = {"clean": _report(CORPUS / "clean", root / "hostile-clean")}
    for name in COMPANIONS:
        folders[name] = _report(sample_dir() / name, root / name)
    return folders


@pytest.fixture(scope="module")
def tampered(reports, tmp_path_factory):
    root = tmp_path_factory.mktemp("tampered")
    return {name: tampered_copy(CASES[name], reports["clean"], root) for name in SET_ASIDE}


def test_every_case_says_what_it_tries_and_expects():
    assert CASES, "no case read"
    for case in CASES.values():
        assert case.tries
        assert (case.reason is not None) == (case.outcome == "set_aside"), case.name


@pytest.mark.parametrize("name", SET_ASIDE)
def test_a_tampered_folder_is_set_aside_with_its_event_and_reason(reports, tampered, name):
    case = CASES[name]
    read = read_reports([reports[c] for c in COMPANIONS] + [tampered[name]])
    assert list(read.summaries) == list(COMPANIONS)  # the rest is pooled
    (aside,) = read.set_aside
    assert aside.event == case.event
    assert re.fullmatch(case.reason, aside.reason("en")), aside.reason("en")
    if case.reason_id:
        assert re.fullmatch(case.reason_id, aside.reason("id")), aside.reason("id")


def test_the_clean_report_itself_is_pooled(reports):
    # the tamperers, not the copy, set a folder aside: the clean report passes every check
    read = read_reports(reports["clean"])
    assert list(read.summaries) == ["hostile-clean"] and read.set_aside == ()
    # the clean event: 10 incidents, 5 marked disrupted_proceedings (H-002, H-003, H-005,
    # H-007, H-009 of tests/data/hostile/clean/incidents.csv)
    incidents = read.tables["incidents"]
    assert (len(incidents), int(incidents["disruption"].sum())) == (10, 5)


def test_a_rollup_of_one_folder_works_and_says_what_needs_two_events(reports):
    assert CASES["one-folder"].outcome == "alone"
    results = rollup_results(read_reports(reports["clean"]), lang="id")
    for outcome in ("disruptions", "incidents"):
        assert results["level_rate_ratio"][outcome] == {
            "status": "not_enough_events", "part": "level_rate_ratio", "found": 1, "needed": 2,
            "per_event": [], "between_events": {},
        }  # fmt: skip
    assert results["funnel"]["status"] == "not_enough_events"
    assert results["funnel"]["events"] == []
    assert not [x for x in results["lessons"] if x["kind"] in ("levels", "heterogeneity")]
    assert results["totals"]["incidents"] == 10
    json.dumps(results, allow_nan=False)


def test_sra_review_rollup_of_one_folder_exits_0(reports, tmp_path, capsys):
    assert main(["rollup", str(reports["clean"]), "--out", str(tmp_path)]) == 0
    page = (tmp_path / "rollup.html").read_text(encoding="utf-8")
    assert "Comparing events needs 2 or more" in page
    assert "Traceback" not in page


def test_a_tampered_batch_sets_each_case_aside_and_pools_the_rest(
    reports, tampered, tmp_path, capsys
):
    folders = [reports[c] for c in COMPANIONS] + [tampered[name] for name in SET_ASIDE]
    assert main(["rollup", *map(str, folders), "--out", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    body = json.loads((tmp_path / "rollup.json").read_text(encoding="utf-8"))
    assert body["events"] == list(COMPANIONS)
    assert [entry["event"] for entry in body["set_aside"]] == [CASES[n].event for n in SET_ASIDE]
    for name, entry in zip(SET_ASIDE, body["set_aside"], strict=True):
        assert re.fullmatch(CASES[name].reason, entry["reason"]), entry
        assert f"set aside {entry['event']}: {entry['reason']}" in lines
    assert lines[-1].startswith(f"2 events pooled, {len(SET_ASIDE)} set aside in ")
    # pooled figures come from the companions' tables: 9999 incidents pooled nowhere
    sound = [json.loads((reports[c] / "summary.json").read_text("utf-8")) for c in COMPANIONS]
    for key in ("incidents", "disruptions", "officer_hours"):
        assert body["totals"][key] == pytest.approx(sum(s["totals"][key] for s in sound))
    page = (tmp_path / "rollup.html").read_text(encoding="utf-8")
    for name in SET_ASIDE:
        assert CASES[name].event in page  # the appendix names each event set aside
