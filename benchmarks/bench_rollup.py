"""Roll-up benchmark: every analysis function of sra_analysis.rollup over a national batch.

Pooled tables are simulated (sra_analysis.rollup.simulate): 514 events × 3 rings × 60
one-hour windows (92,520 windows rows) at a base rate giving about 20,000 incidents, with the
planted effects of the tests. Each function is timed once, in the order a roll-up runs them.

    python benchmarks/bench_rollup.py        # prints the figures; exit 1 over 60 s in all

Target on a 2-core machine: well under 20 s in all; fails over 60 s.
"""

from __future__ import annotations

import sys
import time

EVENTS, HOURS, LIMIT_SECONDS = 514, 60, 60.0
BANDS = {"low": [1, 4], "medium": [5, 9], "high": [10, 14], "extreme": [15, 25]}


def main() -> int:
    from sra_analysis import rollup
    from sra_analysis.rollup.simulate import PlantedTruth, simulate_pooled

    started = time.perf_counter()
    pooled = simulate_pooled(events=EVENTS, hours=HOURS, seed=7,
                             truth=PlantedTruth(base_rate=0.025))  # fmt: skip
    print(
        f"simulated {len(pooled['windows']):,} windows, {len(pooled['incidents']):,} incidents, "
        f"{len(pooled['register']):,} register rows in {time.perf_counter() - started:.2f} s"
    )
    windows, incidents, register = pooled["windows"], pooled["incidents"], pooled["register"]
    results, total = {}, 0.0
    steps = [
        ("rates_by_level", lambda: rollup.rates_by_level(windows)),
        ("level_rate_ratio (disruptions)", lambda: rollup.level_rate_ratio(windows)),
        ("level_rate_ratio (incidents)",
         lambda: rollup.level_rate_ratio(windows, outcome="incidents")),
        ("cell_rates", lambda: rollup.cell_rates(windows, BANDS)),
        ("suggested_banding", lambda: rollup.suggested_banding(results["cell_rates"])),
        ("missed_categories", lambda: rollup.missed_categories(incidents, register)),
        ("never_materialised", lambda: rollup.never_materialised(register, incidents)),
        ("hot_spots (ring × hour)", lambda: rollup.hot_spots(windows)),
        ("hot_spots (ring × day × hour)",
         lambda: rollup.hot_spots(windows, by=("ring", "day", "hour"))),
        ("hot_spans", lambda: rollup.hot_spans(windows, results["hot_spots (ring × hour)"])),
        ("lessons", lambda: rollup.lessons(
            level_ratio=results["level_rate_ratio (disruptions)"],
            missed=results["missed_categories"], never=results["never_materialised"],
            cells=results["cell_rates"], banding=results["suggested_banding"],
            spans=results["hot_spans"])),
    ]  # fmt: skip
    for name, step in steps:
        began = time.perf_counter()
        results[name] = step()
        seconds = time.perf_counter() - began
        total += seconds
        print(f"{name:34s} {seconds:7.2f} s")
    print(
        f"{'all analysis':34s} {total:7.2f} s   target well under 20 s, limit {LIMIT_SECONDS:.0f} s"
    )
    for lesson in results["lessons"]:
        print(" -", lesson.text("en"))
    return 0 if total <= LIMIT_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
