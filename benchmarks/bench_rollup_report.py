"""Roll-up report benchmark: ``sra-review rollup`` over the reports of 27 and 514 events.

The events are the national synthetic set (``sra-review sample DIR --events 514``). Their
reports are made once, without the HTML step (the roll-up reads only ``summary.json`` and the
three tables beside it): each event's review runs in-process through
:func:`sra_analysis.reports.pages.session.start_review` with ``n_resamples=0``, on one process per
core. That setup is printed, not part of the figure. Then, in the same command:

- baseline: ``sra-review rollup`` (a fresh process: kernel start, reading, the pooled
  analysis, the notebook's charts, the HTML export) over the first 27 reports;
- the national roll-up: the same command over all 514 reports;
- the parts in this process for 514: ``read_reports`` and ``rollup_results``.

    python benchmarks/bench_rollup_report.py                 # 27 and 514 events
    python benchmarks/bench_rollup_report.py --dir /tmp/nat  # reuse (or fill) a folder
    python benchmarks/bench_rollup_report.py --events 64     # a smaller national set

Prints the figures; exit 1 when the national roll-up takes longer than 60 s.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from concurrent import futures
from pathlib import Path

LIMIT_SECONDS = 60.0
BASELINE_EVENTS = 27


def _review(folder: str, reports: str) -> str:
    from sra_analysis.reports.pages.session import start_review

    target = Path(reports) / Path(folder).name
    target.mkdir(parents=True, exist_ok=True)
    start_review(event_dir=folder, n_resamples=0, summary_path=str(target / "summary.json"))
    return folder


def _prepare(root: Path, events: int) -> Path:
    """Sample events and their reviews under ``root``; reused when already there."""
    from sra_analysis.sample import generate_province

    source, reports = root / "events", root / "reports"
    if len(list(source.glob("*/event.yaml"))) < events:
        began = time.perf_counter()
        generate_province(source, n_events=events, seed=0)
        print(f"setup: {events} events generated in {time.perf_counter() - began:.1f} s")
    folders = sorted(p.parent for p in source.glob("*/event.yaml"))[:events]
    todo = [f for f in folders if not (reports / f.name / "register.parquet").exists()]
    if todo:
        began = time.perf_counter()
        with futures.ProcessPoolExecutor(max_workers=2) as pool:
            list(pool.map(_review, map(str, todo), [str(reports)] * len(todo)))
        print(f"setup: {len(todo)} reviews written in {time.perf_counter() - began:.1f} s")
    return reports


def _rollup(reports: list[Path], out: Path) -> float:
    began = time.perf_counter()
    command = [sys.executable, "-m", "sra_analysis.cli", "rollup", *map(str, reports),
               "--out", str(out)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        print(done.stdout[-2000:], done.stderr[-2000:])
        raise SystemExit(f"sra-review rollup exited {done.returncode}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=None, help="reuse or fill this folder")
    parser.add_argument("--events", type=int, default=514)
    args = parser.parse_args(argv)
    root = args.dir or Path(tempfile.mkdtemp(prefix="bench-rollup-"))
    reports = _prepare(root, args.events)
    folders = sorted(p for p in reports.iterdir() if (p / "summary.json").exists())
    folders = folders[: args.events]
    baseline = _rollup(folders[:BASELINE_EVENTS], root / "out-27")
    national = _rollup(folders, root / "out-all")

    from sra_analysis.reports.pages.rollup_run import rollup_results
    from sra_analysis.reports.rollup_inputs import read_reports

    began = time.perf_counter()
    read = read_reports(folders)
    reading = time.perf_counter() - began
    began = time.perf_counter()
    rollup_results(read)
    analysis = time.perf_counter() - began
    out = root / "out-all"
    sizes = {name: (out / name).stat().st_size / 1e6 for name in
             ("rollup.html", "rollup.ipynb", "rollup.json")}  # fmt: skip
    windows = len(read.tables["windows"])
    body = json.loads((out / "rollup.json").read_text(encoding="utf-8"))
    print(f"sra-review rollup, {BASELINE_EVENTS} events (baseline): {baseline:6.1f} s")
    print(
        f"sra-review rollup, {len(folders)} events:            {national:6.1f} s   "
        f"({national / baseline:.1f}× the baseline for {len(folders) / BASELINE_EVENTS:.0f}× "
        f"the events; limit {LIMIT_SECONDS:.0f} s)"
    )
    print(f"  of which, in this process: read_reports {reading:.1f} s "
          f"({windows:,} windows), rollup_results {analysis:.1f} s")  # fmt: skip
    print("  files: " + ", ".join(f"{k} {v:.2f} MB" for k, v in sizes.items()))
    ratio = body["level_rate_ratio"]["disruptions"]
    print(f"  level step: {ratio['rate_ratio']:.2f}× ({ratio['ci_low']:.2f}–"
          f"{ratio['ci_high']:.2f}) over {len(body['events'])} events")  # fmt: skip
    return 0 if national <= LIMIT_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
