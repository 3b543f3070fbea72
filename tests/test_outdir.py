"""The output folder check: made when missing, refused with a reason when it cannot be written."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from sra_analysis.errors import OutputError
from sra_analysis.reports.outdir import (
    STALE_AFTER_SECONDS,
    check_output_dir,
    clear_stale_temporaries,
    describe_os_error,
    remove_files,
)
from sra_analysis.resources import sample_dir


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder that really refuses a new file, for whoever runs the tests.

    chmod does not stop root (it bypasses permission bits), and the suite runs as root in
    CI containers; sysfs refuses to create ordinary files for everyone, root included
    (EACCES), so as root the test writes into /sys. Anyone else gets a folder without write
    permission.
    """
    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    folder = Path("/sys")
    try:  # make sure the premise holds on this machine before relying on it
        handle, probe = tempfile.mkstemp(dir=folder)
    except OSError:
        return folder
    os.close(handle)
    os.unlink(probe)
    pytest.skip("/sys accepts files here; no folder refuses root")


def test_a_missing_folder_is_created_with_its_parents_and_left_empty(tmp_path):
    out = check_output_dir(tmp_path / "reports" / "2024")
    assert out == tmp_path / "reports" / "2024"
    assert out.is_dir()
    assert list(out.iterdir()) == []  # the probe file is gone


def test_an_existing_folder_keeps_its_files(tmp_path):
    (tmp_path / "index.html").write_text("earlier", encoding="utf-8")
    check_output_dir(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_a_file_is_refused_as_the_output_folder(tmp_path):
    target = tmp_path / "reports.html"
    target.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError, match=r"reports\.html: is a file, not a folder — give --out"):
        check_output_dir(target)
    assert target.read_text(encoding="utf-8") == "not a folder"


def test_a_folder_under_a_file_cannot_be_created(tmp_path):
    (tmp_path / "plain-file").write_text("x", encoding="utf-8")
    with pytest.raises(
        OutputError, match=r"cannot be created: \[Errno 20\] Not a directory"
    ) as info:
        check_output_dir(tmp_path / "plain-file" / "reports")
    assert info.value.errno == errno.ENOTDIR


def test_a_folder_that_refuses_files_is_refused(tmp_path):
    folder = unwritable_folder(tmp_path)
    with pytest.raises(
        OutputError, match=r"cannot be written: \[Errno 13\] Permission denied"
    ) as info:
        check_output_dir(folder)
    assert info.value.errno == errno.EACCES
    assert "make" in str(info.value) and "writable, or choose another --out" in str(info.value)


def test_a_full_disk_is_told_as_such(tmp_path, monkeypatch):
    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", no_space)
    with pytest.raises(OutputError, match=r"No space left on device — free space in .* or choose"):
        check_output_dir(tmp_path)


def test_describe_os_error_names_the_task_the_reason_and_what_to_try():
    error = PermissionError(errno.EACCES, "Permission denied", "/out/x/.report.html.abc.tmp")
    line = describe_os_error(error, doing="writing the report of x", out="/out")
    # the temporary file's name says nothing to the user; the folder does
    assert line == (
        "error while writing the report of x: [Errno 13] Permission denied — "
        "make /out writable, or choose another --out"
    )


def test_remove_files_removes_what_exists_and_ignores_what_does_not(tmp_path):
    present = tmp_path / ".summary.json.1.tmp"
    present.write_text("{}", encoding="utf-8")
    remove_files([present, tmp_path / "never-written.tmp"])
    assert list(tmp_path.iterdir()) == []


def _dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temporaries_are_cleared_and_live_or_foreign_files_kept(tmp_path):
    dead, alive = _dead_pid(), os.getppid()
    old = time.time() - STALE_AFTER_SECONDS - 60
    names = {
        f".summary.json.{dead}.140.tmp": True,  # a killed batch's summary
        f".report.{dead}.140.tmp.ipynb": True,  # its executed notebook
        f".windows.parquet.{dead}.140.tmp": True,
        f".summary.json.{alive}.140.tmp": False,  # a run still going
        f".summary.json.{os.getpid()}.7.tmp": False,  # this process's own
        ".report.html.k3j_x9q2.tmp": True,  # write_atomic's, old
        ".index.html.a1b2c3d4.tmp": False,  # write_atomic's, being written now
        "report.html": False,
        ".hidden-notes.tmp": False,  # not a name this package writes
        "notes.1.2.tmp": False,
    }
    for name in names:
        (tmp_path / name).write_text("x")
    os.utime(tmp_path / ".report.html.k3j_x9q2.tmp", (old, old))
    os.utime(tmp_path / ".hidden-notes.tmp", (old, old))
    removed = clear_stale_temporaries(tmp_path)
    assert sorted(p.name for p in removed) == sorted(n for n, stale in names.items() if stale)
    assert sorted(os.listdir(tmp_path)) == sorted(n for n, stale in names.items() if not stale)


def test_a_missing_folder_has_nothing_to_clear(tmp_path):
    assert clear_stale_temporaries(tmp_path / "nowhere") == []


def test_a_killed_run_leaves_temporaries_that_the_next_run_clears(tmp_path):
    out = tmp_path / "reports"
    command = [sys.executable, "-m", "sra_analysis.cli", "report",
               str(sample_dir() / "purwakarta-2024"), "--out", str(out), "--no-rollup"]  # fmt: skip
    folder = out / "purwakarta-2024"
    run = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and run.poll() is None:
            if folder.is_dir() and any(p.name.endswith((".tmp", ".tmp.ipynb"))
                                       for p in folder.iterdir()):  # fmt: skip
                break
            time.sleep(0.05)
        assert run.poll() is None, "the run ended before it wrote a temporary file"
    finally:
        os.killpg(run.pid, signal.SIGKILL)  # the command and its kernel, as kill -9 would
        run.wait()
    left = [p.name for p in folder.iterdir() if ".tmp" in p.name]
    assert left, "a killed run left no temporary file: the test proves nothing"
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert not [p.name for p in out.rglob("*") if ".tmp" in p.name]
    assert (folder / "report.html").is_file()
