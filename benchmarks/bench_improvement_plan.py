"""What ``improvement_plan.xlsx`` adds to each report: importing openpyxl and writing the sheet.

    python benchmarks/bench_improvement_plan.py   # prints the figures; exit 1 if a target is missed

Target on the 2-core reference machine: the Purwakarta sample's plan built and written in
≤ 0.25 s (median of 20), a small share of a report's few seconds. Baselines, in the same run:
importing openpyxl in a fresh interpreter (paid once per kernel, which a batch keeps from report
to report) and ``evaluate`` of the same event without resampling.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 0.25
RUNS = 20


def _seconds(function) -> float:
    began = time.perf_counter()
    function()
    return time.perf_counter() - began


def main() -> int:
    from sra_analysis import evaluate, load_event
    from sra_analysis.reports.pages.improvement_plan import staffing_units, write_improvement_plan
    from sra_analysis.resources import sample_dir

    probe = "import time; t = time.perf_counter(); import openpyxl; print(time.perf_counter() - t)"
    imported = float(subprocess.run([sys.executable, "-c", probe], capture_output=True,
                                    text=True, check=True).stdout)  # fmt: skip
    event = load_event(sample_dir() / "purwakarta-2024")
    evaluated = _seconds(lambda: evaluate(event, n_resamples=0))
    review = evaluate(event, n_resamples=0)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "improvement_plan.xlsx"
        units = staffing_units(event.staffing)  # as a report writes it: the unit drop-down

        def write() -> Path:
            return write_improvement_plan(review, path, lang="id", units=units)

        write()  # the first call imports openpyxl
        written = statistics.median(_seconds(write) for _ in range(RUNS))
        size = path.stat().st_size
    print(f"import openpyxl (fresh interpreter)   {imported:6.3f} s")
    print(f"evaluate (Purwakarta, no resamples)    {evaluated:6.3f} s")
    print(f"write improvement_plan.xlsx (median)   {written:6.3f} s  ({size / 1024:.1f} KB)")
    if written > TARGET_SECONDS:
        print(f"missed: the plan took {written:.3f} s, target {TARGET_SECONDS} s")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
