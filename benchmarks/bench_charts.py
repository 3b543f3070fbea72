"""Timings moved out of the tests: the index chart at 514 events and a large synthetic event.

    python benchmarks/bench_charts.py      # prints the figures; exit 1 if a target is missed

Targets on the 2-core reference machine: ``charts.event_comparison`` of 514 event summaries
drawn and serialised in ≤ 5 s; ``generate_event`` of 30 days, 5,000 officers, 1,000 register
rows and 10,000 incidents in ≤ 10 s. Baseline, in the same run: serialising an empty figure
(the fixed cost of Plotly's JSON encoder) and generating a 2-day, 50-officer event.
"""

from __future__ import annotations

import sys
import time

import numpy as np


def _summaries(n: int) -> list[dict]:
    rng = np.random.default_rng(5)
    return [
        {
            "event": {"id": f"kab-{i:03d}", "name": f"Pleno {i}"},
            "prediction": {"auc": float(a), "auc_ci_low": float(a) - 0.1,
                           "auc_ci_high": float(a) + 0.1, "pai": float(p)},
            "by_ring": [{"ring": "1", "incidents_per_100_officer_hours": float(r),
                         "ci_low": float(r) * 0.7, "ci_high": float(r) * 1.4}],
        }
        for i, (a, p, r) in enumerate(zip(rng.uniform(0.4, 0.95, n), rng.uniform(0.5, 6, n),
                                          rng.uniform(0.5, 9, n), strict=True))
    ]  # fmt: skip


def _seconds(function) -> float:
    began = time.perf_counter()
    function()
    return time.perf_counter() - began


def main() -> int:
    import plotly.graph_objects as go

    from sra_analysis import charts
    from sra_analysis.sample import generate_event

    summaries = _summaries(514)
    empty = _seconds(lambda: go.Figure().to_json())
    comparison = _seconds(lambda: charts.event_comparison(summaries).to_json())
    small = _seconds(lambda: generate_event(seed=1, days=2, n_officers=50))
    large = _seconds(
        lambda: generate_event(seed=1, days=30, n_officers=5000, n_risks=1000,
                               n_incidents=10_000, rings=3)
    )  # fmt: skip
    print(f"event_comparison, 514 events: {comparison:6.2f} s (empty figure {empty:.3f} s; "
          "target ≤ 5 s)")  # fmt: skip
    print(f"generate_event, 30 days:      {large:6.2f} s (2-day event {small:.2f} s; "
          "target ≤ 10 s)")  # fmt: skip
    return 0 if comparison <= 5 and large <= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
