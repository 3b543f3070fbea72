"""Planted truth against the roll-up: what a province made with ``--planted-rollup`` planted,
and what the roll-up recovers from the events' saved tables.

The province (:mod:`sra_analysis.sample.province_truth`) is generated, each event reviewed as
its report's notebook does (``start_review``: summary.json and the three tables, no notebook
run), and the roll-up computed from what was saved (``read_reports`` → ``rollup_results``),
as tests/test_rollup_planted.py does. ``--repeats R`` adds a cheaper repeat over R seeds:
ordinary events only, made in memory by ``generate_event`` and counted from their planted
windows, to see how often the 95% interval of the rate ratio covers the planted value.

    python benchmarks/bench_planted_rollup.py                  # 36 events, seed 2024
    python benchmarks/bench_planted_rollup.py --repeats 40     # and the coverage over 40 seeds
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path


def _recover(events: int, seed: int, folder: Path) -> dict:
    from sra_analysis import rollup
    from sra_analysis.reports.pages.rollup_run import rollup_results
    from sra_analysis.reports.pages.session import start_review
    from sra_analysis.reports.rollup_inputs import read_reports
    from sra_analysis.sample import PROVINCE_TRUTH_FILE, generate_province

    began = time.perf_counter()
    folders = generate_province(folder / "events", n_events=events, seed=seed, planted_rollup=True)
    generated = time.perf_counter()
    for event_folder in folders:
        out = folder / "out" / event_folder.name
        out.mkdir(parents=True, exist_ok=True)
        start_review(event_dir=event_folder, n_resamples=0, summary_path=out / "summary.json")
    reviewed = time.perf_counter()
    read = read_reports(folder / "out")
    results = rollup_results(read)
    rolled = time.perf_counter()
    truth = json.loads((folder / "events" / PROVINCE_TRUTH_FILE).read_text(encoding="utf-8"))
    planted = truth["province_truth"]
    outliers = {*planted["better_events"], *planted["worse_events"]}
    windows = read.tables["windows"]
    ordinary = windows[~windows["event_id"].isin(outliers)]
    return {
        "planted": planted,
        "results": results,
        "ordinary_ratio": {
            outcome: rollup.level_rate_ratio(ordinary, outcome=outcome)
            for outcome in ("disruptions", "incidents")
        },
        "n_ordinary": ordinary["event_id"].nunique(),
        "seconds": (generated - began, reviewed - generated, rolled - reviewed),
    }


def _print_recovery(found: dict, events: int, seed: int) -> None:
    planted, results = found["planted"], found["results"]
    generate, review, pool = found["seconds"]
    print(f"planted province: {events} events, seed {seed}")
    print(
        f"  generated in {generate:.1f} s, reviewed (no notebooks) in {review:.1f} s, "
        f"roll-up in {pool:.1f} s"
    )
    print(f"\nrate ratio per level step, planted {planted['level_ratio']}:")
    for outcome, result in found["ordinary_ratio"].items():
        print(
            f"  {outcome:11s} {found['n_ordinary']} ordinary events: {result.rate_ratio:.2f} "
            f"(95% CI {result.ci_low:.2f}–{result.ci_high:.2f}, {result.model})"
        )
    for outcome, body in results["level_rate_ratio"].items():
        between = body["between_events"]
        print(
            f"  {outcome:11s} all {body['events']} events (rollup.json): "
            f"{body['rate_ratio']:.2f} ({body['ci_low']:.2f}–{body['ci_high']:.2f}); "
            f"between events I² {100 * between['i2']:.0f}%, Q p {between['q_p_value']:.2g}"
        )
    top = results["missed_categories"][0]
    print(
        f"\nmissed category, planted {planted['missed_category']!r}: top of missed_categories "
        f"is {top['category']!r}, {top['unanticipated']} of {top['incidents']} unanticipated "
        f"in {top['events']} events"
    )
    named = [x["text"] for x in results["lessons"] if x["kind"] == "missed_category"]
    print(f"  first lesson on it: {named[0] if named else '(none)'}")
    funnel = {row["event_id"]: row for row in results["funnel"]["events"]}
    print(f"\nfunnel of capture, pooled {results['funnel']['pooled_capture']:.3f}:")
    for kind in ("worse", "better"):
        for event_id in planted[f"{kind}_events"]:
            row = funnel[event_id]
            print(
                f"  {kind:6s} {event_id:26s} {row['flagged']:.0f}/{row['disrupted_windows']:.0f} "
                f"= {row['capture']:.2f} (flags {row['flagged_share']:.2f} of its windows; "
                f"adjusted {row['adjusted_capture']:.2f}); 95% {row['lower_95']:.2f}–"
                f"{row['upper_95']:.2f}, 99.8% {row['lower_99_8']:.2f}–{row['upper_99_8']:.2f}"
            )
    ordinary = [
        row
        for event_id, row in funnel.items()
        if event_id not in {*planted["better_events"], *planted["worse_events"]}
    ]
    out95 = sum(1 for row in ordinary if (row["outside"] or 0) >= 0.95)
    out998 = sum(1 for row in ordinary if (row["outside"] or 0) >= 0.998)
    print(
        f"  ordinary events outside the 95% limits: {out95} of {len(ordinary)}; "
        f"outside 99.8%: {out998}"
    )
    print(
        f"\ntotals: {results['totals']['incidents']} incidents, "
        f"{results['totals']['disruptions']} disruptions"
    )


def _coverage(repeats: int, events: int) -> None:
    import numpy as np
    import pandas as pd

    from sra_analysis import rollup
    from sra_analysis.sample import ProvinceTruth, generate_event, province_plan

    truth = ProvinceTruth()
    began = time.perf_counter()
    covered = {"disruptions": 0, "incidents": 0}
    logs = {"disruptions": [], "incidents": []}
    for seed in range(repeats):
        plan = province_plan(n_events=events, seed=seed)
        factors = truth.event_factors(plan["event_id"].tolist(), seed=seed)
        parts = []
        for row in plan.to_dict("records"):
            event = generate_event(
                seed=row["seed"],
                event_id=row["event_id"],
                days=row["days"],
                n_officers=row["n_officers"],
                rings=row["rings"],
                shift_hours=row["shift_hours"],
                start=row["start"],
                planned_personnel=row["planned_personnel"],
                ground_truth=truth.ground_truth("ordinary", event_factor=factors[row["event_id"]]),
            )
            windows = event.planted_windows
            disrupted = event.incidents[event.incidents["disrupted_proceedings"]]
            per_window = disrupted.groupby(
                [disrupted["ring"], disrupted["reported_at"].dt.floor("h")]
            ).size()
            keys = pd.MultiIndex.from_arrays([windows["ring"], windows["window_start"]])
            parts.append(
                pd.DataFrame(
                    {
                        "event_id": row["event_id"],
                        "ring": windows["ring"],
                        "hours": 1.0,
                        "level_rank": windows["predicted_level"].cat.codes.astype(int),
                        "incidents": windows["incidents"],
                        "disruptions": per_window.reindex(keys, fill_value=0).to_numpy(),
                    }
                )
            )
        pooled = pd.concat(parts, ignore_index=True)
        for outcome in covered:
            result = rollup.level_rate_ratio(pooled, outcome=outcome)
            covered[outcome] += result.ci_low < truth.level_ratio < result.ci_high
            logs[outcome].append(np.log(result.rate_ratio))
    print(
        f"\ncoverage over {repeats} seeds of {events} ordinary events each "
        f"({time.perf_counter() - began:.0f} s):"
    )
    for outcome, hits in covered.items():
        mean = float(np.exp(np.mean(logs[outcome])))
        print(
            f"  {outcome:11s} 95% interval covers {truth.level_ratio}: {hits} of {repeats}; "
            f"geometric mean estimate {mean:.3f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=36)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeats", type=int, default=0, help="seeds of the coverage repeat")
    parser.add_argument("--repeat-events", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        found = _recover(args.events, args.seed, Path(folder))
    _print_recovery(found, args.events, args.seed)
    if args.repeats:
        _coverage(args.repeats, args.repeat_events)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
