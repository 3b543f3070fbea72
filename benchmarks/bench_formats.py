"""What writing numbers and dates through Babel costs, against Python's own formatting.

    python benchmarks/bench_formats.py     # prints the figures; exit 1 if a target is missed

Every number and date a reader sees goes through :mod:`sra_analysis.labels.formats`. Targets
on the 2-core reference machine: a number ≤ 25 µs and a date and time ≤ 60 µs per call;
a capped report table (100 rows × 8 number columns, :func:`html_table`) in Bahasa Indonesia
≤ 0.5 s; the centrepiece chart of an event with 2,000 incidents (one hover each) in Bahasa
Indonesia ≤ 1.5 × its English time. Baselines in the same run: ``f"{x:,.2f}"`` and
``f"{t:%d %b %Y %H:%M}"``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd


def _per_call(function, values) -> float:
    began = time.perf_counter()
    for value in values:
        function(value)
    return (time.perf_counter() - began) / len(values)


def _seconds(function, repeat: int = 3) -> float:
    """The best of ``repeat`` runs (the machine is shared)."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        function()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> int:
    from sra_analysis import charts, evaluate, load_event
    from sra_analysis.labels.formats import format_datetime, format_number
    from sra_analysis.reports.html_tables import html_table
    from sra_analysis.sample import generate_event, write_event

    rng = np.random.default_rng(3)
    numbers = rng.uniform(0, 5000, 20_000).tolist()
    stamps = list(pd.date_range("2024-03-01 07:00", periods=5_000, freq="7min", tz="Asia/Jakarta"))
    format_number(1.0, lang="id")  # load the locales once, outside the timing
    format_datetime(stamps[0], lang="id")
    baseline_number = _per_call(lambda x: f"{x:,.2f}", numbers)
    babel_number = _per_call(lambda x: format_number(x, lang="id", digits=2), numbers)
    baseline_date = _per_call(lambda s: f"{s:%d %b %Y %H:%M}", stamps)
    babel_date = _per_call(lambda s: format_datetime(s, lang="id"), stamps)
    table = pd.DataFrame(rng.uniform(0, 5000, (100, 8)), columns=[f"c{i}" for i in range(8)])
    html_table(table.head(2), numeric=table.columns, lang="id")
    table_id = _seconds(lambda: html_table(table, numeric=table.columns, lang="id"))
    table_en = _seconds(lambda: html_table(table, numeric=table.columns, lang="en"))
    synthetic = generate_event(seed=2, days=3, n_officers=120, n_incidents=2000, rings=3)
    with tempfile.TemporaryDirectory() as folder:
        event = load_event(write_event(synthetic, Path(folder) / "event"))
    review = evaluate(event, n_resamples=0)
    charts.staffing_vs_incidents(event, evaluation=review)  # warm: imports and caches
    chart_en = _seconds(lambda: charts.staffing_vs_incidents(event, evaluation=review))
    chart_id = _seconds(lambda: charts.staffing_vs_incidents(event, evaluation=review, lang="id"))
    print(f"a number:           {babel_number * 1e6:6.1f} µs (f-string {baseline_number * 1e6:.1f}"
          " µs; target ≤ 25 µs)")  # fmt: skip
    print(f"a date and time:    {babel_date * 1e6:6.1f} µs (strftime {baseline_date * 1e6:.1f} µs;"
          " target ≤ 60 µs)")  # fmt: skip
    print(f"100 × 8 table, id:  {table_id:6.3f} s (en {table_en:.3f} s; target ≤ 0.5 s)")
    print(
        f"centrepiece, id:    {chart_id:6.2f} s (en {chart_en:.2f} s, "
        f"{len(event.incidents):,} incidents; target ≤ 1.5 × en)"
    )
    ok = babel_number <= 25e-6 and babel_date <= 60e-6 and table_id <= 0.5
    return 0 if ok and chart_id <= 1.5 * chart_en else 1


if __name__ == "__main__":
    sys.exit(main())
