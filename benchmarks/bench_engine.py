"""Engine benchmark: load_event, review_windows and evaluate on a very large synthetic event.

The event: 1,000,000 shift rows, 100,000 incidents, 1,000 register rows, 3 rings, 30 days,
stored as Parquet, reviewed in 15-minute windows. Baseline: the same windows computed the
naive way (every window tested against every shift and incident with pandas boolean masks)
on a subsample of windows, scaled to all windows. Peak memory is the pipeline's own: it runs
in a fresh child process whose peak RSS is reported.

    python benchmarks/bench_engine.py            # prints the figures; exit 1 if a target fails

Targets on a 2-core machine: whole pipeline ≤ 15 s, peak RSS ≤ 3 GB, review_windows ≤ 0.6 s and
≥ 100× faster than the naive way.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

SHIFTS, INCIDENTS, RISKS, DAYS, FREQ = 1_000_000, 100_000, 1_000, 30, "15min"
TARGET_SECONDS, TARGET_RSS_GB, TARGET_SPEEDUP = 15.0, 3.0, 100.0
TARGET_REVIEW_WINDOWS = 0.6  # seconds for review_windows on the 1M-shift event
NAIVE_WINDOWS = 120  # windows timed the naive way, then scaled


def make_event(folder: Path) -> dict:
    """Write the benchmark event as Parquet (deterministic, seed 7)."""
    from sra_analysis.sample import generate_event, write_event

    officers = 50_000  # about 20 shift rows each over 30 days; cut to exactly 1M below
    event = generate_event(
        seed=7, event_id="bench-30d", days=DAYS, n_officers=officers, n_risks=RISKS,
        n_incidents=INCIDENTS,
    )  # fmt: skip
    if len(event.staffing) > SHIFTS:
        staffing = event.staffing.iloc[:SHIFTS]
        event = type(event)(**{**event.__dict__, "staffing": staffing})
    write_event(event, folder, format="parquet")
    return {"shifts": len(event.staffing), "incidents": len(event.incidents),
            "risks": len(event.risk_register)}  # fmt: skip


def _peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def measure(folder: Path) -> dict:
    """The pipeline, timed stage by stage (runs in a child process)."""
    from sra_analysis import evaluate, load_event, review_windows

    figures = {}
    started = time.perf_counter()
    event = load_event(folder)
    figures["load_event_s"] = time.perf_counter() - started
    figures["rss_after_load_gb"] = _peak_gb()
    step = time.perf_counter()
    windows = review_windows(event, FREQ)
    figures["review_windows_s"] = time.perf_counter() - step
    step = time.perf_counter()
    review = evaluate(event, windows=windows, freq=FREQ)
    figures["evaluate_s"] = time.perf_counter() - step
    figures["pipeline_s"] = time.perf_counter() - started
    figures["peak_rss_gb"] = _peak_gb()
    figures["windows"] = len(windows)
    figures["rows"] = {k: q.rows_read for k, q in event.quality.items()}
    figures["auc"] = review.score("auc").estimate
    naive = naive_windows(event, windows.iloc[:NAIVE_WINDOWS])
    figures.update(naive)
    return figures


def naive_windows(event, sample: pd.DataFrame) -> dict:
    """Officer-hours and incident counts window by window with boolean masks."""
    shifts, incidents = event.staffing, event.incidents
    started = time.perf_counter()
    officer_hours, counts = [], []
    for window in sample.itertuples(index=False):
        in_ring = shifts["ring"] == window.ring
        overlap = (shifts["shift_end"].clip(upper=window.window_end)
                   - shifts["shift_start"].clip(lower=window.window_start))  # fmt: skip
        hours = overlap.where(in_ring & (overlap > pd.Timedelta(0)), pd.Timedelta(0))
        officer_hours.append(hours.sum() / pd.Timedelta(hours=1))
        hit = (
            (incidents["ring"] == window.ring)
            & (incidents["reported_at"] >= window.window_start)
            & (incidents["reported_at"] < window.window_end)
        )
        counts.append(int(hit.sum()))
    seconds = time.perf_counter() - started
    same = np.allclose(officer_hours, sample["officer_hours"]) and counts == list(
        sample["incidents"]
    )
    return {"naive_windows_timed": len(sample), "naive_s": seconds, "naive_agrees": bool(same)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="folder for the event (default: a temp dir)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    folder = args.data or Path(tempfile.mkdtemp(prefix="sra-bench-")) / "bench-30d"
    if not (folder / "event.yaml").exists():
        started = time.perf_counter()
        sizes = make_event(folder)
        print(f"generated {sizes} in {time.perf_counter() - started:.1f} s → {folder}")
    child = subprocess.run(
        [sys.executable, __file__, "--measure", str(folder)], capture_output=True, text=True
    )
    if child.returncode != 0:
        print(child.stderr, file=sys.stderr)
        return 2
    f = json.loads(child.stdout.strip().splitlines()[-1])
    naive_total = f["naive_s"] / f["naive_windows_timed"] * f["windows"]
    speedup = naive_total / f["review_windows_s"]
    print(f"event: {f['rows']} rows read, {f['windows']:,} windows of {FREQ}")
    print(
        f"load_event        {f['load_event_s']:7.2f} s   (peak RSS {f['rss_after_load_gb']:.2f} GB)"
    )
    print(
        f"review_windows    {f['review_windows_s']:7.2f} s   target ≤ {TARGET_REVIEW_WINDOWS:g} s"
    )
    print(f"evaluate          {f['evaluate_s']:7.2f} s")
    print(f"pipeline          {f['pipeline_s']:7.2f} s   target ≤ {TARGET_SECONDS:g} s")
    print(f"peak RSS          {f['peak_rss_gb']:7.2f} GB  target ≤ {TARGET_RSS_GB:g} GB")
    print(
        f"naive baseline    {f['naive_s']:7.2f} s for {f['naive_windows_timed']} windows → "
        f"{naive_total:,.0f} s for all {f['windows']:,} (agrees: {f['naive_agrees']})"
    )
    print(f"speed-up          {speedup:7.0f}×    target ≥ {TARGET_SPEEDUP:g}×")
    ok = (
        f["pipeline_s"] <= TARGET_SECONDS
        and f["peak_rss_gb"] <= TARGET_RSS_GB
        and speedup >= TARGET_SPEEDUP
        and f["review_windows_s"] <= TARGET_REVIEW_WINDOWS
        and f["naive_agrees"]
    )
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
