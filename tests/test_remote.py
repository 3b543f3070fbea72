"""Events travel to a worker as bytes and reports come back as bytes."""

from __future__ import annotations

import io
import json
import shutil
import tarfile
from dataclasses import replace

import pytest

from sra_analysis import InputFileError
from sra_analysis.reports.batch import remote
from sra_analysis.reports.batch.remote import PackedReport, pack_event, run_packed, unpack_report
from sra_analysis.reports.batch.runner import Job, ReportResult
from sra_analysis.resources import notebook_path, sample_dir


@pytest.fixture
def event(tmp_path):
    folder = tmp_path / "events" / "kota-sukabumi-2024"
    shutil.copytree(sample_dir() / "kota-sukabumi-2024", folder)
    return folder


def _names(archive: bytes) -> list[str]:
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        return sorted(tar.getnames())


def test_the_archive_holds_the_folder_and_nothing_else(event):
    (event / "notes").mkdir()
    (event / "notes" / "briefing.txt").write_text("x", encoding="utf-8")
    expected = sorted(
        ["kota-sukabumi-2024", "kota-sukabumi-2024/notes", "kota-sukabumi-2024/notes/briefing.txt"]
        + [f"kota-sukabumi-2024/{p.name}" for p in event.iterdir() if p.is_file()]
    )
    assert _names(pack_event(event)) == expected


def test_a_folder_too_large_to_send_is_refused_by_name(event, monkeypatch):
    monkeypatch.setattr(remote, "MAX_EVENT_BYTES", 1000)
    with pytest.raises(InputFileError, match="kota-sukabumi-2024: holds 0 MB, more than the 0 MB"):
        pack_event(event)


def test_a_link_out_of_the_folder_fails_that_report_on_the_worker(event, tmp_path):
    (event / "elsewhere.csv").symlink_to("/etc/hostname")
    job = Job(str(event), str(tmp_path / "out" / "e"), "e", str(notebook_path("review_report")),
              {"n_resamples": 0})  # fmt: skip
    packed = run_packed(job, pack_event(event))
    assert packed.result.status == "failed"
    assert packed.result.error.startswith("the event folder could not be unpacked on the worker")
    assert list(packed.files) == ["report.html"]
    assert b"FAILED" in packed.files["report.html"]


def test_a_report_made_on_a_worker_names_the_event_s_own_folder(event, tmp_path):
    out = tmp_path / "out" / "kota-sukabumi-2024"
    job = Job(str(event), str(out), "kota-sukabumi-2024", str(notebook_path("review_report")),
              {"n_resamples": 0, "lang": "en"})  # fmt: skip
    packed = run_packed(job, pack_event(event))
    assert packed.result.ok, packed.result.error
    assert packed.result.folder == str(out) and packed.result.event_dir == str(event)
    assert {"report.html", "report.ipynb", "summary.json"} <= set(packed.files)
    for name, content in packed.files.items():
        assert b"sra-remote-" not in content, name
    notebook = json.loads(packed.files["report.ipynb"])
    source = "".join(
        "".join(cell["source"])
        for cell in notebook["cells"]
        if "injected-parameters" in cell["metadata"].get("tags", [])
    )
    assert f"event_dir = {json.dumps(str(event))}" in source
    assert not out.exists()  # nothing is written here until unpacked


def test_unpacking_replaces_what_an_earlier_run_left(tmp_path):
    folder = tmp_path / "out" / "e"
    (folder / "tables").mkdir(parents=True)
    (folder / "tables" / "old.csv").write_text("old", encoding="utf-8")
    (folder / "summary.json").write_text("{}", encoding="utf-8")
    (folder / "improvement_plan.xlsx").write_bytes(b"PK")
    failed = ReportResult("events/e", "e", "failed", str(folder), 1.0, "cell In[3] raised")
    packed = PackedReport(failed, {"report.html": b"FAILED", "report.ipynb": b"{}"})
    assert unpack_report(packed) is failed
    assert sorted(p.name for p in folder.iterdir()) == ["report.html", "report.ipynb"]
    assert (folder / "report.html").read_bytes() == b"FAILED"


def test_unpacking_never_writes_outside_the_report_folder(tmp_path):
    folder = tmp_path / "out" / "e"
    ok = ReportResult("events/e", "e", "ok", str(folder), 1.0)
    files = {"report.html": b"<p>", "../index.html": b"x", "tables/t.csv": b"a,b"}
    unpack_report(replace(PackedReport(ok, {}), files=files))
    assert not (tmp_path / "out" / "index.html").exists()
    assert (folder / "tables" / "t.csv").read_bytes() == b"a,b"
