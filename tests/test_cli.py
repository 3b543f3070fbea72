"""``sra-review validate`` and ``sra-review sample``: what they print and their exit status."""

from __future__ import annotations

import errno
import html
import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from sra_analysis.cli import main
from sra_analysis.io import sha256_of
from sra_analysis.reports.batch.where import Here
from sra_analysis.resources import sample_dir, sample_events


@pytest.fixture
def event_copy(tmp_path):
    folder = tmp_path / "purwakarta-2024"
    shutil.copytree(sample_dir() / "purwakarta-2024", folder)
    return folder


def test_validate_every_sample_event_exits_0(capsys):
    assert main(["validate", *map(str, sample_events())]) == 0
    out = capsys.readouterr().out
    assert out.count("0 quarantined") == 3 * len(sample_events())


def test_validate_names_the_file_row_and_column_of_one_bad_row(event_copy, capsys):
    incidents = pd.read_csv(event_copy / "incidents.csv", dtype=str, keep_default_na=False)
    incidents.loc[4, "severity"] = "7"  # data row 5 is line 6 of the file (header on line 1)
    incidents.to_csv(event_copy / "incidents.csv", index=False)
    assert main(["validate", str(event_copy)]) == 1
    out = capsys.readouterr().out
    assert "incidents.csv: 35 rows read, 34 accepted, 1 quarantined" in out
    assert "incidents.csv row 6, column 'severity' = '7': severity outside 1–5" in out


def test_validate_exits_2_naming_the_file_that_cannot_be_read(event_copy, capsys):
    staffing = pd.read_csv(event_copy / "staffing.csv", dtype=str, keep_default_na=False)
    staffing.drop(columns=["shift_end"]).to_csv(event_copy / "staffing.csv", index=False)
    assert main(["validate", str(event_copy)]) == 2
    out = capsys.readouterr().out
    assert "CANNOT READ" in out and "staffing.csv" in out and "'shift_end'" in out


def test_validate_exits_2_for_a_path_that_is_not_an_event(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nowhere")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_a_folder_of_events_stands_for_all_of_them(tmp_path, event_copy, capsys):
    assert main(["validate", str(event_copy.parent)]) == 0
    assert "purwakarta-2024" in capsys.readouterr().out


def test_sample_writes_events_that_validate(tmp_path, capsys):
    out = tmp_path / "synthetic"
    assert main(["sample", str(out), "--events", "2", "--seed", "5"]) == 0
    capsys.readouterr()
    assert main(["validate", str(out)]) == 0
    assert len([p for p in out.iterdir() if (p / "event.yaml").exists()]) == 2


# ------------------------------------------------------- validate and report agree, per folder


def _billion_laughs() -> str:
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, 10):
        lines.append(f"lol{level}: &lol{level} [{', '.join([f'*lol{level - 1}'] * 10)}]")
    return "\n".join(lines) + "\n"


def _event_folders(root) -> dict:
    """One folder per case, each a copy of the Purwakarta sample with its own id."""
    folders = {}

    def copy(case, *, event_id=None, parent=root):
        folder = parent / case
        shutil.copytree(sample_dir() / "purwakarta-2024", folder)
        text = (folder / "event.yaml").read_text(encoding="utf-8")
        text = text.replace("id: purwakarta-2024", f"id: {event_id or case}")
        (folder / "event.yaml").write_text(text, encoding="utf-8")
        folders[case] = folder
        return folder, text

    copy("good")
    # the case: event.yml in a folder named like a bundled sample, another event's id
    folder, _ = copy("purwakarta-2024", event_id="users-own-event", parent=root / "yml")
    (folder / "event.yaml").rename(folder / "event.yml")
    folders["event-yml"] = folders.pop("purwakarta-2024")
    folder, text = copy("broken-yaml")
    (folder / "event.yaml").write_text(text.replace("rings:", "rings: [", 1), encoding="utf-8")
    folder, text = copy("alias-bomb")
    text = text.replace("\nname: ", "\nname_was: ", 1) + "name: *lol9\n"
    (folder / "event.yaml").write_text(_billion_laughs() + text, encoding="utf-8")
    folder, text = copy("infinite-personnel")
    text = text.replace("planned_personnel: 50", "planned_personnel: .inf")
    (folder / "event.yaml").write_text(text, encoding="utf-8")
    folder, text = copy("huge-margin")
    (folder / "event.yaml").write_text(text + "time_margin_hours: 1e30\n", encoding="utf-8")
    folder, _ = copy("both-names")
    shutil.copy(folder / "event.yaml", folder / "event.yml")
    return folders


READABLE = {"good", "event-yml"}


@pytest.fixture(scope="module")
def agreement(tmp_path_factory):
    root = tmp_path_factory.mktemp("events")
    (root / "yml").mkdir()
    folders = _event_folders(root)
    out = tmp_path_factory.mktemp("reports")
    status = main(["report", *map(str, folders.values()), "--out", str(out), "--workers", "2"])
    return {"folders": folders, "out": out, "status": status}


def test_validate_and_report_agree_on_every_folder(agreement, capsys):
    readable = {}
    for case, folder in agreement["folders"].items():
        # an event's output folder is named by its id; an unreadable one by its folder name
        written = agreement["out"] / {"event-yml": "users-own-event"}.get(case, case)
        page = (written / "report.html").read_text(encoding="utf-8")
        report_ok = (written / "summary.json").exists() and "FAILED" not in page
        validate_ok = main(["validate", str(folder)]) != 2
        assert validate_ok == report_ok, case
        readable[case] = report_ok
    capsys.readouterr()
    assert {case for case, ok in readable.items() if ok} == READABLE
    # the report's exit status counts the failed reports: every unreadable folder
    assert agreement["status"] == len(agreement["folders"]) - len(READABLE)


def test_a_missing_event_file_is_unreadable_for_both(tmp_path, capsys):
    folder = tmp_path / "purwakarta-2024"  # named like a bundled sample, no event file
    shutil.copytree(sample_dir() / "purwakarta-2024", folder)
    (folder / "event.yaml").unlink()
    assert main(["validate", str(folder)]) == 2  # unreadable
    # report: no event to run at all is EX_NOINPUT (66), not "2 reports failed"
    assert main(["report", str(folder), "--out", str(tmp_path / "out")]) == os.EX_NOINPUT
    err = capsys.readouterr().err
    assert err.count("holds no event.yaml") == 2
    assert not (tmp_path / "out" / "purwakarta-2024" / "summary.json").exists()


def test_event_yml_reports_the_users_data_never_the_bundled_sample(agreement):
    folder = agreement["folders"]["event-yml"]
    summary = json.loads((agreement["out"] / "users-own-event" / "summary.json").read_text())
    assert summary["event"]["id"] == "users-own-event"
    assert summary["provenance"]["inputs"]["event.yml"] == sha256_of(folder / "event.yml")
    assert not (agreement["out"] / "purwakarta-2024").exists()


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("broken-yaml", "not valid YAML"),
        ("alias-bomb", r"YAML aliases \(\*lol0, line 2\) are not accepted"),
        ("infinite-personnel", r"\(key 'planned_personnel'\): must be a finite whole number"),
        ("huge-margin", r"\(key 'time_margin_hours'\): must be 0–720 hours"),
        ("both-names", "holds both event.yaml and event.yml"),
    ],
)
def test_each_hostile_event_is_one_failed_page(agreement, capsys, case, message):
    page = (agreement["out"] / case / "report.html").read_text(encoding="utf-8")
    assert "FAILED" in page
    assert re.search(message, html.unescape(page))
    assert not (agreement["out"] / case / "summary.json").exists()
    capsys.readouterr()
    assert main(["validate", str(agreement["folders"][case])]) == 2
    assert re.search(message, capsys.readouterr().out)


def test_one_hostile_event_in_a_batch_of_three_fails_alone(tmp_path, monkeypatch):
    # any failure while the batch reads an event's metadata, even one that is no SRAError,
    # must become that event's FAILED page; here the hostile folder's slug also collides with
    # a readable event's id, which must not stop the batch either
    import sra_analysis.reports.batch.run as report
    from sra_analysis.event_config import read_event_meta

    hostile = tmp_path / "c" / "purwakarta-2024"
    folders = [hostile, tmp_path / "a" / "purwakarta-2024", tmp_path / "b" / "second"]
    for folder in folders:
        shutil.copytree(sample_dir() / "purwakarta-2024", folder)
    yaml_file = folders[2] / "event.yaml"
    yaml_file.write_text(
        yaml_file.read_text("utf-8").replace("id: purwakarta-2024", "id: second"), "utf-8"
    )

    def read(folder):
        if folder == hostile:
            raise MemoryError("expanding event.yaml")
        return read_event_meta(folder)

    monkeypatch.setattr(report, "read_event_meta", read)
    out = tmp_path / "out"
    for stale in ("summary.json", "report.ipynb"):  # an earlier run's files
        (out / "purwakarta-2024-2").mkdir(parents=True, exist_ok=True)
        (out / "purwakarta-2024-2" / stale).write_text("{}", encoding="utf-8")
    batch = report.run_reports(
        folders, out, where=Here(workers=1), progress=False, parameters={"n_resamples": 0}
    )
    assert [(r.event_id, r.status) for r in batch.results] == [
        ("purwakarta-2024-2", "failed"),
        ("purwakarta-2024", "ok"),
        ("second", "ok"),
    ]
    failed = batch.results[0]
    assert failed.error == "MemoryError: expanding event.yaml"
    assert {p.name for p in (out / "purwakarta-2024-2").iterdir()} == {"report.html"}
    page = (out / "purwakarta-2024-2" / "report.html").read_text("utf-8")
    assert "FAILED" in page and "MemoryError: expanding event.yaml" in page
    for event_id in ("purwakarta-2024", "second"):
        assert (out / event_id / "summary.json").exists()
    assert "purwakarta-2024-2" in batch.index.read_text("utf-8")


# ------------------------------------------------------------------ exit statuses and errors


def test_the_shared_exit_statuses_are_the_bsd_sysexits_codes():
    import os

    from sra_analysis.cli import MAX_FAILED_STATUS, ExitCode

    # sysexits.h, as Python's os module exposes it on Unix
    assert ExitCode.USAGE == os.EX_USAGE == 64
    assert ExitCode.NO_INPUT == os.EX_NOINPUT == 66
    assert ExitCode.UNAVAILABLE == os.EX_UNAVAILABLE == 69
    assert ExitCode.INTERNAL == os.EX_SOFTWARE == 70
    assert ExitCode.CANNOT_WRITE == os.EX_CANTCREAT == 73
    assert ExitCode.IO_ERROR == os.EX_IOERR == 74
    assert ExitCode.CANNOT_PRINT == os.EX_CONFIG == 78
    assert ExitCode.INTERRUPTED == 128 + 2  # the shell's status for SIGINT
    assert (ExitCode.OK, ExitCode.QUARANTINED, ExitCode.UNREADABLE) == (0, 1, 2)
    assert MAX_FAILED_STATUS < ExitCode.USAGE
    assert len(set(ExitCode)) == len(ExitCode.__members__)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["validate"],
        ["report", "somewhere"],  # --out missing
        ["report", "somewhere", "--out", "x", "--lang", "fr"],
        ["report", "somewhere", "--out", "x", "--workers", "0"],
        ["report", "somewhere", "--out", "x", "--assets", "bogus"],
        ["sample", "x", "--events", "many"],
        ["frobnicate"],
    ],
)
def test_bad_arguments_exit_64_not_argparse_2(argv, capsys):
    assert main(argv) == 64
    err = capsys.readouterr().err
    assert err.startswith("usage: sra-review") and "error:" in err


def test_a_bad_lang_is_refused_with_the_one_lang_message(capsys):
    assert main(["report", "somewhere", "--out", "x", "--lang", "fr"]) == 64
    err = capsys.readouterr().err
    assert "argument --lang: lang must be one of ['en', 'id'], got 'fr'" in err


def test_report_hands_run_reports_one_parameters_object(tmp_path, monkeypatch, capsys):
    from sra_analysis.reports.batch import run as report
    from sra_analysis.reports.parameters import ReportParameters

    calls = []

    def record(event_dirs, out, **options):
        calls.append(options)
        return report.BatchResult((), Path(out) / "index.html")

    monkeypatch.setattr(report, "run_reports", record)
    assert main(["report", "e1", "--out", str(tmp_path), "--lang", "id", "--workers", "2"]) == 0
    assert calls == [
        {"notebook": "review_report", "parameters": ReportParameters(lang="id"),
         "where": Here(workers=2),  # on this machine, two at once
         "assets": None,  # None: inline for one event, shared for more
         "rollup": True,  # the roll-up across events, when two or more reports are written
         "pdf": False}  # no report.pdf unless --pdf
    ]  # fmt: skip


@pytest.mark.parametrize("assets", ["inline", "shared"])
def test_report_hands_run_reports_the_assets_asked_for(tmp_path, monkeypatch, assets):
    from sra_analysis.reports.batch import run as report

    calls = []

    def record(event_dirs, out, **options):
        calls.append(options["assets"])
        return report.BatchResult((), Path(out) / "index.html")

    monkeypatch.setattr(report, "run_reports", record)
    assert main(["report", "e1", "--out", str(tmp_path), "--assets", assets]) == 0
    assert calls == [assets]


@pytest.mark.parametrize("process_ends", [False, True])
def test_report_freezes_its_start_up_only_in_a_process_that_ends_with_it(
    tmp_path, monkeypatch, process_ends
):
    import gc

    from sra_analysis.reports.batch import run as report

    seen = []

    def record(event_dirs, out, **options):
        seen.append(gc.isenabled())  # the reports run with the collector on
        return report.BatchResult((), Path(out) / "index.html")

    monkeypatch.setattr(report, "run_reports", record)
    frozen = gc.get_freeze_count()
    try:
        assert main(["report", "e1", "--out", str(tmp_path)], process_ends=process_ends) == 0
        assert seen == [True] and gc.isenabled()
        # the console script freezes what its start-up made; a program calling main() keeps
        # its heap as it was
        assert (gc.get_freeze_count() > frozen) is process_ends
    finally:
        gc.unfreeze()
        gc.enable()


def test_a_bad_assets_value_names_the_choices(capsys):
    from sra_analysis.cli import REPORT_ASSETS
    from sra_analysis.reports.batch.report_html import ASSETS

    assert REPORT_ASSETS == ASSETS  # the parser's copy of the one list
    assert main(["report", "somewhere", "--out", "x", "--assets", "cdn"]) == 64
    err = capsys.readouterr().err
    # argparse quotes the choices on some Python versions, not on others
    assert re.search(r"argument --assets: invalid choice: 'cdn' \(choose from '?inline'?, "
                     r"'?shared'?\)", err)  # fmt: skip


EXPECTED_HELP_STATUSES = {
    "validate": ["0", "1", "2", "64", "70", "74", "130"],
    "sample": ["0", "64", "70", "73", "74", "130"],
    "report": ["0", "1-63", "64", "66", "69", "70", "73", "74", "78", "130"],
    "rollup": ["0", "1", "64", "66", "70", "73", "74", "130"],
    "template": ["0", "64", "66", "70", "73", "74", "130"],
}


@pytest.mark.parametrize("command", sorted(EXPECTED_HELP_STATUSES))
def test_each_command_help_lists_its_exit_statuses(command, capsys):
    assert main([command, "--help"]) == 0
    help_text = capsys.readouterr().out
    section = help_text[help_text.index("exit status:") :]
    listed = [line.split()[0] for line in section.splitlines()[1:] if line.strip()]
    assert listed == EXPECTED_HELP_STATUSES[command]


def test_top_level_help_lists_the_shared_statuses_and_debug(capsys):
    assert main(["--help"]) == 0
    help_text = capsys.readouterr().out
    assert "--debug" in help_text
    for code in ("64", "70", "73", "74", "130"):
        assert re.search(rf"^\s+{code}\s+\S", help_text, flags=re.M), code


def _crash(*args, **kwargs):
    raise ZeroDivisionError("float division by zero")


def test_an_unexpected_error_is_one_line_without_traceback_exit_70(event_copy, monkeypatch, capsys):
    import sra_analysis.io

    monkeypatch.setattr(sra_analysis.io, "load_event", _crash)
    assert main(["validate", str(event_copy)]) == 70
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip().splitlines() == [
        f"error while validating {event_copy}: ZeroDivisionError: float division by zero — "
        "this is a bug in sra-review; rerun with --debug for details and report it"
    ]


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_adds_the_traceback(event_copy, monkeypatch, capsys, where):
    import sra_analysis.io

    monkeypatch.setattr(sra_analysis.io, "load_event", _crash)
    argv = ["validate", str(event_copy)]
    argv = ["--debug", *argv] if where == "before" else [*argv, "--debug"]
    assert main(argv) == 70
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "in _crash" in err
    assert err.strip().splitlines()[-1].startswith("error while validating")


def test_a_full_disk_outside_any_report_exits_74_with_what_to_do(tmp_path, monkeypatch, capsys):
    import sra_analysis.sample

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sra_analysis.sample, "generate_province", disk_full)
    assert main(["sample", str(tmp_path / "synthetic")]) == 74
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip() == (
        f"error while writing synthetic events to {tmp_path / 'synthetic'}: [Errno 28] No space "
        "left on device — free space there or choose another output folder"
    )


def test_an_interrupt_exits_130(event_copy, monkeypatch, capsys):
    import sra_analysis.io

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(sra_analysis.io, "load_event", interrupt)
    assert main(["validate", str(event_copy)]) == 130
    assert "interrupted" in capsys.readouterr().err


def test_sample_refuses_an_out_under_a_file_with_73(tmp_path, capsys):
    (tmp_path / "plain-file").write_text("x", encoding="utf-8")
    assert main(["sample", str(tmp_path / "plain-file" / "synthetic")]) == 73
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "cannot be created: [Errno 20] Not a directory — check the path" in err


# ------------------------------------------------------- report: the output folder comes first


@pytest.fixture
def no_report_runs(monkeypatch):
    """Fails the test if any report starts."""
    import sra_analysis.reports.batch.where

    def forbidden(job):
        raise AssertionError(f"a report ran for {job.event_id}")

    monkeypatch.setattr(sra_analysis.reports.batch.where, "run_one", forbidden)


def test_report_refuses_an_out_that_is_a_file_before_any_notebook(tmp_path, no_report_runs, capsys):
    target = tmp_path / "reports"
    target.write_text("a file", encoding="utf-8")
    assert main(["report", str(sample_dir() / "purwakarta-2024"), "--out", str(target)]) == 73
    err = capsys.readouterr().err
    assert err.strip() == f"error: {target}: is a file, not a folder — give --out a folder " \
        "(made when missing)"  # fmt: skip
    assert target.read_text(encoding="utf-8") == "a file"


def test_report_refuses_an_out_that_cannot_be_created(tmp_path, no_report_runs, capsys):
    (tmp_path / "plain-file").write_text("x", encoding="utf-8")
    out = tmp_path / "plain-file" / "reports"
    assert main(["report", str(sample_dir() / "purwakarta-2024"), "--out", str(out)]) == 73
    err = capsys.readouterr().err
    assert f"error: {out}: cannot be created: [Errno 20] Not a directory" in err
    assert "Traceback" not in err


def test_report_refuses_an_out_that_refuses_files(tmp_path, no_report_runs, capsys):
    from test_outdir import unwritable_folder

    out = unwritable_folder(tmp_path)
    assert main(["report", str(sample_dir() / "purwakarta-2024"), "--out", str(out)]) == 73
    err = capsys.readouterr().err
    assert f"error: {out}: cannot be written: [Errno 13] Permission denied" in err
    assert "Traceback" not in err


def test_report_of_a_missing_event_folder_exits_66(tmp_path, no_report_runs, capsys):
    assert main(["report", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 66
    assert capsys.readouterr().err.strip() == f"error: {tmp_path / 'nowhere'}: no such folder"


def test_report_of_two_events_sharing_an_id_exits_64(tmp_path, event_copy, no_report_runs, capsys):
    second = tmp_path / "again"
    shutil.copytree(event_copy, second)
    assert main(["report", str(event_copy), str(second), "--out", str(tmp_path / "out")]) == 64
    assert "two events share the id 'purwakarta-2024'" in capsys.readouterr().err


@pytest.mark.parametrize(("failed", "status"), [(0, 0), (1, 1), (3, 3), (63, 63), (70, 63)])
def test_report_exit_status_is_the_number_of_failed_reports_up_to_63(
    tmp_path, monkeypatch, capsys, failed, status
):
    import sra_analysis.reports.batch.run
    from sra_analysis.reports.batch import BatchResult, ReportResult

    def fake_batch(event_dirs, out_dir, **options):
        results = [
            ReportResult(f"e{i}", f"e{i}", "failed" if i < failed else "ok", str(tmp_path), 0.0,
                         "cell In[4] raised KeyError: 'ring'" if i < failed else None)
            for i in range(failed + 2)
        ]  # fmt: skip
        return BatchResult(tuple(results), tmp_path / "index.html")

    monkeypatch.setattr(sra_analysis.reports.batch.run, "run_reports", fake_batch)
    assert main(["report", "events", "--out", str(tmp_path)]) == status
    captured = capsys.readouterr()
    assert f"2 of {failed + 2} reports written" in captured.out
    assert captured.out.count("FAILED") == failed


@pytest.mark.parametrize("debug", [False, True])
def test_a_failed_report_shows_its_first_line_and_all_with_debug(
    tmp_path, monkeypatch, capsys, debug
):
    import sra_analysis.reports.batch.run
    from sra_analysis.reports.batch import BatchResult, ReportResult

    error = "KeyError: 'ring'\n  File \"windows.py\", line 80\n    ring = frame['ring']"

    def fake_batch(event_dirs, out_dir, **options):
        result = ReportResult("e", "e", "failed", str(tmp_path), 0.0, error)
        return BatchResult((result,), tmp_path / "index.html")

    monkeypatch.setattr(sra_analysis.reports.batch.run, "run_reports", fake_batch)
    argv = ["report", "events", "--out", str(tmp_path)] + (["--debug"] if debug else [])
    assert main(argv) == 1
    out = capsys.readouterr().out
    assert "FAILED e" in out and "       KeyError: 'ring'" in out
    assert ('       File "windows.py", line 80' in out) is debug
    assert ("ring = frame['ring']" in out) is debug


@pytest.mark.parametrize("debug", [False, True])
def test_an_unexpected_report_failure_shows_its_traceback_only_with_debug(
    event_copy, tmp_path, monkeypatch, capsys, debug
):
    # papermill itself breaking (not a notebook cell): the report is FAILED in one line
    import papermill

    monkeypatch.setattr(papermill, "execute_notebook", _crash)
    out = tmp_path / "out"
    argv = ["report", str(event_copy), "--out", str(out), *(["--debug"] if debug else [])]
    assert main(argv) == 1
    console = capsys.readouterr().out
    assert "ZeroDivisionError: float division by zero" in console
    assert ("Traceback (most recent call last)" in console) == debug
    page = (out / "purwakarta-2024" / "report.html").read_text(encoding="utf-8")
    assert "FAILED" in page and "ZeroDivisionError" in page and "Traceback" not in page


@pytest.mark.parametrize(
    ("events", "options", "kernels"),
    [
        (["purwakarta-2024"], [], 1),
        (["purwakarta-2024", "kota-bogor-2024", "kab-garut-2024"], ["--workers", "2"], 2),
        (["purwakarta-2024", "kota-bogor-2024"], ["--scheduler", "tcp://127.0.0.1:9"], 0),
    ],
)
def test_report_starts_its_kernels_before_the_batch_machinery(
    tmp_path, monkeypatch, events, options, kernels
):
    # one kernel per report run at once, already starting when run_reports is called; none
    # for a cluster, whose workers keep their own
    from sra_analysis.reports.batch import kernels as pool
    from sra_analysis.reports.batch import run as report

    seen = []

    def record(event_dirs, out, **options):
        seen.append(len(pool._IDLE.get("python3", [])))
        return report.BatchResult((), Path(out) / "index.html")

    monkeypatch.setattr(report, "run_reports", record)
    pool.shutdown_kernels()
    folders = [str(sample_dir() / name) for name in events]
    try:
        assert main(["report", *folders, "--out", str(tmp_path), *options]) == 0
    finally:
        pool.shutdown_kernels()
    assert seen == [kernels]
