"""Report benchmark: ``sra-review report`` against the hand loop and against its floor.

For batches of 1, 4 and 27 bundled sample events (Purwakarta first), in one command:

- **hand loop**, the baseline a user would write: per event ``papermill NOTEBOOK out.ipynb -p
  event_dir DIR`` then ``jupyter nbconvert --to html --no-input out.ipynb``, one event after
  the other. It runs once over the 27 events, timing each; the 1- and 4-event figures are the
  sums over their first events (the loop is sequential, so the prefix sums are what those
  batches take);
- **sra-review report EVENTS... --out OUT**, the command as a user runs it (a new process:
  imports, kernels, everything);
- **floor**: the same notebooks executed in kernels already started and warm, plus the
  export and the writes, on one thread per core — what the batch would take if start-up cost
  nothing. Measured here, in this process, after warming the kernels.

    python benchmarks/bench_reports.py            # 1, 4 and 27 events (about 10 minutes)
    python benchmarks/bench_reports.py --quick    # 1 and 4 events only

Prints seconds, the speed-up against the hand loop and the overhead against the floor; exits
1 when a target is missed. Targets: one event ≥ 2× faster than the hand loop, four events ≥ 4×,
every batch within 25% of its floor.
"""

from __future__ import annotations

import argparse
import concurrent.futures as futures
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sra_analysis.reports.batch.kernels import prestart_kernels, shutdown_kernels, wait_until_warm
from sra_analysis.reports.batch.runner import KERNEL_NAME, Job, prepare_runner, run_one
from sra_analysis.resources import notebook_path, sample_events

TARGET_ONE = 2.0
TARGET_FOUR = 4.0
TARGET_FLOOR = 1.25


def ordered_events() -> list[Path]:
    events = sample_events()
    first = [e for e in events if e.name == "purwakarta-2024"]
    return first + [e for e in events if e.name != "purwakarta-2024"]


def hand_loop(events: list[Path], out: Path) -> list[float]:
    """Seconds per event of papermill CLI + nbconvert CLI, one event after the other."""
    notebook = notebook_path("review_report")
    seconds = []
    for event in events:
        started = time.perf_counter()
        executed = out / f"{event.name}.ipynb"
        subprocess.run(
            ["papermill", str(notebook), str(executed), "-p", "event_dir", str(event),
             "--no-progress-bar", "--log-level", "ERROR"],
            check=True, capture_output=True,
        )  # fmt: skip
        subprocess.run(
            ["jupyter", "nbconvert", "--to", "html", "--no-input", str(executed)],
            check=True, capture_output=True,
        )  # fmt: skip
        seconds.append(time.perf_counter() - started)
    return seconds


def command(events: list[Path], out: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        ["sra-review", "report", *map(str, events), "--out", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    return time.perf_counter() - started


def floor(events: list[Path], out: Path, cores: int) -> float:
    """The batch in kernels already warm: notebook, export and writes, one thread per core."""
    threads = min(cores, len(events))
    shutdown_kernels()
    prestart_kernels(threads, KERNEL_NAME)
    assert wait_until_warm(KERNEL_NAME) == threads
    prepare_runner()
    notebook = str(notebook_path("review_report"))
    jobs = [
        Job(str(e), str(out / e.name), e.name, notebook, {"lang": "en"}) for e in events
    ]  # fmt: skip
    started = time.perf_counter()
    with futures.ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(run_one, jobs))
    seconds = time.perf_counter() - started
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 and 4 events only")
    args = parser.parse_args()
    events = ordered_events()
    sizes = (1, 4) if args.quick else (1, 4, len(events))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    rows, ok = [], True
    with tempfile.TemporaryDirectory(prefix="sra-bench-reports-") as tmp:
        tmp = Path(tmp)
        hand_dir = tmp / "hand"
        hand_dir.mkdir()
        per_event = hand_loop(events[: max(sizes)], hand_dir)
        for n in sizes:
            batch = events[:n]
            ran = command(batch, tmp / f"cli-{n}")
            lowest = floor(batch, tmp / f"floor-{n}", cores)
            shutdown_kernels()
            hand = sum(per_event[:n])
            rows.append((n, hand, ran, lowest))
            shutil.rmtree(tmp / f"floor-{n}", ignore_errors=True)
    print(f"review_report notebook, {cores} cores; seconds (per report)")
    print(f"{'events':>6} {'hand loop':>16} {'sra-review':>16} {'floor':>16} "
          f"{'speed-up':>9} {'vs floor':>9}")  # fmt: skip
    for n, hand, ran, lowest in rows:
        speedup, overhead = hand / ran, ran / lowest
        target = TARGET_ONE if n == 1 else TARGET_FOUR
        missed = speedup < target or overhead > TARGET_FLOOR
        ok &= not missed
        print(
            f"{n:>6} {hand:8.1f} ({hand / n:5.2f}) {ran:8.1f} ({ran / n:5.2f}) "
            f"{lowest:8.1f} ({lowest / n:5.2f}) {speedup:8.1f}× {overhead:8.2f}×"
            f"{'   MISSED' if missed else ''}"
        )
    print(f"targets: 1 event ≥ {TARGET_ONE:g}×, 4 or more ≥ {TARGET_FOUR:g}× the hand loop; "
          f"every batch ≤ {TARGET_FLOOR:g}× its floor")  # fmt: skip
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
