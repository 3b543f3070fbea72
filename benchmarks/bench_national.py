"""National benchmark: the engine over 8, 64 and 514 events, and report batches of 8 and 64.

The events are the national synthetic set (``sra-review sample DIR --events 514``), generated
once into a temporary folder or reused from ``--dir``. Two parts, each measured against its
smallest size in the same command:

- engine: ``load_event`` then ``evaluate`` (``n_resamples`` as the report uses, 1000) over the
  first 8, 64 and 514 events, one after the other in this process; per step the total and
  per-event seconds (and per 1,000 review windows, which corrects for the events' different
  sizes), and the ratio of per-event time to that of the 8-event run. The engine is one
  thread, so its CPU seconds measure its work even when other processes share the cores;
  the ratios are taken on CPU time, wall time is printed beside. The 8-event run is the
  median of six (three before the larger runs, three after), after one warm-up event that
  pays the imports.
- reports: ``sra-review report --assets shared`` (a subprocess)
  over the first 8 and 64 events; wall seconds per report and the ratio 64 vs 8 (the one
  checked: a batch runs in parallel), and CPU seconds of the command and its kernels.

Flat means a ratio near 1: no step grows faster than linearly with the number of events.

    python benchmarks/bench_national.py                 # 8/64/514 engine, 8/64 reports
    python benchmarks/bench_national.py --quick         # 4/16/48 engine at 200 resamples, 2/8
    python benchmarks/bench_national.py --dir /tmp/nat  # reuse (or fill) a sample folder

Prints the figures; exit 1 when an engine per-event CPU ratio or the per-report wall ratio
exceeds ``--tolerance`` (default 1.25).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOLERANCE = 1.25
FULL = {"engine": (8, 64, 514), "reports": (8, 64), "resamples": 1000}
QUICK = {"engine": (4, 16, 48), "reports": (2, 8), "resamples": 200}


def event_folders(folder: Path, n_events: int) -> list[Path]:
    """The first ``n_events`` of the national plan in ``folder``, generated when missing."""
    from sra_analysis.sample import generate_province, province_plan

    plan = province_plan(n_events=n_events, seed=2024)
    wanted = [folder / event_id for event_id in plan["event_id"]]
    if not all((path / "event.yaml").is_file() for path in wanted):
        started = time.perf_counter()
        generate_province(folder, n_events=n_events, seed=2024)
        seconds = time.perf_counter() - started
        print(f"generated {n_events} events into {folder} in {seconds:.1f} s")
    return wanted


def engine_run(events: list[Path], resamples: int) -> dict[str, float]:
    """CPU and wall seconds spent in load_event and in evaluate, and the windows made."""
    from sra_analysis import evaluate, load_event

    figures = dict.fromkeys(("load", "evaluate", "load_wall", "evaluate_wall", "windows"), 0.0)
    for folder in events:
        cpu, wall = time.process_time(), time.perf_counter()
        event = load_event(folder)
        cpu_loaded, wall_loaded = time.process_time(), time.perf_counter()
        review = evaluate(event, n_resamples=resamples)
        figures["load"] += cpu_loaded - cpu
        figures["load_wall"] += wall_loaded - wall
        figures["evaluate"] += time.process_time() - cpu_loaded
        figures["evaluate_wall"] += time.perf_counter() - wall_loaded
        figures["windows"] += len(review.windows)
    return figures


def engine(events: list[Path], sizes: tuple[int, ...], resamples: int) -> list[float]:
    """Print the engine table; return the per-event ratios of the larger sizes."""
    engine_run(events[:1], resamples)  # warm-up: imports and first-call costs
    # The smallest run three times before the larger ones and three times after: the median
    # of the six is the baseline, so a neighbour's load early or late moves it less.
    smallest = [engine_run(events[: sizes[0]], resamples) for _ in range(3)]
    runs = {size: engine_run(events[:size], resamples) for size in sizes[1:]}
    smallest += [engine_run(events[: sizes[0]], resamples) for _ in range(3)]
    runs[sizes[0]] = {key: statistics.median(run[key] for run in smallest) for key in smallest[0]}
    print(f"\nengine: load_event + evaluate (n_resamples={resamples}), one process")
    print(
        f"{'events':>7} {'step':>9} {'CPU s':>8} {'CPU s/ev':>9} {'wall s/ev':>10}"
        f" {'CPU s/1k win':>13} {'ratio/event':>12} {'wall ratio':>11} {'ratio/win':>10}"
    )
    ratios = []
    base = runs[sizes[0]]
    for size in sizes:
        run = runs[size]
        for step in ("load", "evaluate"):
            per_event, wall = run[step] / size, run[f"{step}_wall"] / size
            per_window = run[step] / run["windows"] * 1000
            ratio = per_event / (base[step] / sizes[0])
            wall_ratio = wall / (base[f"{step}_wall"] / sizes[0])
            ratio_window = per_window / (base[step] / base["windows"] * 1000)
            if size != sizes[0]:
                ratios.append(ratio)
            print(
                f"{size:>7} {step:>9} {run[step]:>8.1f} {per_event:>9.3f} {wall:>10.3f}"
                f" {per_window:>13.3f} {ratio:>12.2f} {wall_ratio:>11.2f} {ratio_window:>10.2f}"
            )
    return ratios


def report_batch(events: list[Path], out: Path) -> tuple[float, float]:
    """Wall and CPU seconds (the command and its kernels) of one ``sra-review report``."""
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    done = subprocess.run(
        ["sra-review", "report", *map(str, events), "--out", str(out), "--assets", "shared"],
        capture_output=True, text=True,
    )  # fmt: skip
    seconds, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if done.returncode != 0:
        print(done.stdout[-2000:], done.stderr[-2000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"sra-review report exited {done.returncode}")
    return seconds, cpu


def reports(events: list[Path], sizes: tuple[int, ...], work: Path) -> list[float]:
    """Print the report table; return the per-report ratios of the larger sizes."""
    runs = {size: report_batch(events[:size], work / f"reports-{size}") for size in sizes}
    print("\nreports: sra-review report (subprocess; CPU counts the command and its kernels)")
    print(
        f"{'events':>7} {'wall s':>8} {'wall s/rep':>11} {'ratio':>6}"
        f" {'CPU s/rep':>10} {'CPU ratio':>10} {'index KB':>9}"
    )
    ratios = []
    base_wall, base_cpu = (value / sizes[0] for value in runs[sizes[0]])
    for size in sizes:
        wall, cpu = (value / size for value in runs[size])
        index_kb = (work / f"reports-{size}" / "index.html").stat().st_size / 1024
        if size != sizes[0]:
            ratios.append(wall / base_wall)
        print(
            f"{size:>7} {runs[size][0]:>8.1f} {wall:>11.2f} {wall / base_wall:>6.2f}"
            f" {cpu:>10.2f} {cpu / base_cpu:>10.2f} {index_kb:>9.0f}"
        )
    return ratios


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="sample folder to reuse or fill")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, 200 resamples")
    parser.add_argument("--resamples", type=int, help="n_resamples of evaluate")
    parser.add_argument("--tolerance", type=float, default=TOLERANCE, help="largest ratio")
    parser.add_argument("--skip-reports", action="store_true", help="engine only")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    resamples = sizes["resamples"] if args.resamples is None else args.resamples
    with tempfile.TemporaryDirectory(prefix="bench-national-") as tmp:
        work = Path(tmp)
        folder = args.dir or work / "events"
        events = event_folders(folder, max(sizes["engine"]))
        ratios = engine(events, sizes["engine"], resamples)
        if not args.skip_reports:
            ratios += reports(events, sizes["reports"], work)
    worst = max(ratios)
    verdict = "ok" if worst <= args.tolerance else "FAILED"
    print(f"\nlargest ratio against the smallest run: {worst:.2f} (≤ {args.tolerance}) {verdict}")
    return 0 if worst <= args.tolerance else 1


if __name__ == "__main__":
    sys.exit(main())
