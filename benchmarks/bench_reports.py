"""Report benchmark: ``sra-review report`` against the loop a user would write by hand.

Both run the same notebook (``review_report``) over the same events in the same command:

- baseline, the hand loop: per event ``papermill NOTEBOOK out.ipynb -p event_dir DIR`` then
  ``jupyter nbconvert --to html --no-input out.ipynb``, one event after the other;
- ``sra-review report EVENTS... --out OUT`` (parallel workers, one kept kernel per worker).

    python benchmarks/bench_reports.py              # all bundled sample events
    python benchmarks/bench_reports.py --events 6   # the first six, for a quick look

Prints seconds per report, the ratio and report sizes; exit 1 when a target is missed.
Targets on a 2-core machine: ≥ 4× faster than the hand loop, every report ≤ 6 MB.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sra_analysis.resources import notebook_path, sample_events

TARGET_RATIO = 4.0
TARGET_MB = 6.0


def hand_loop(events: list[Path], out: Path) -> float:
    notebook = notebook_path("review_report")
    started = time.perf_counter()
    for event in events:
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
    return time.perf_counter() - started


def batch(events: list[Path], out: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        ["sra-review", "report", *map(str, events), "--out", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=None, help="use the first N events")
    args = parser.parse_args()
    events = sample_events()[: args.events] if args.events else sample_events()
    with tempfile.TemporaryDirectory(prefix="sra-bench-reports-") as tmp:
        hand_out, batch_out = Path(tmp, "hand"), Path(tmp, "batch")
        hand_out.mkdir()
        batch_seconds = batch(events, batch_out)
        hand_seconds = hand_loop(events, hand_out)
        sizes = [p.stat().st_size / 1024**2 for p in batch_out.glob("*/report.html")]
        hand_sizes = [p.stat().st_size / 1024**2 for p in hand_out.glob("*.html")]
    ratio = hand_seconds / batch_seconds
    n = len(events)
    print(f"{n} events, notebook review_report")
    print(f"hand loop (papermill CLI + nbconvert CLI) {hand_seconds:7.1f} s  "
          f"{hand_seconds / n:5.2f} s/report")  # fmt: skip
    print(f"sra-review report                         {batch_seconds:7.1f} s  "
          f"{batch_seconds / n:5.2f} s/report")  # fmt: skip
    print(f"ratio                                     {ratio:7.1f}×   target ≥ {TARGET_RATIO:g}×")
    print(
        f"report size: max {max(sizes):.2f} MB, median {statistics.median(sizes):.2f} MB "
        f"(hand loop median {statistics.median(hand_sizes):.2f} MB)   target ≤ {TARGET_MB:g} MB"
    )
    ok = ratio >= TARGET_RATIO and max(sizes) <= TARGET_MB and len(sizes) == n
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
