"""Calibration of the verdict: how often "good" is said of an SRA that knows nothing.

Events are made with the project's generator (``generate_event``) with incidents that cluster
in episodes (:class:`~sra_analysis.sample.EpisodeProcess`: 2-5 h, spill-over into the adjacent
ring, flare-ups), written as event folders (CSV) into a temporary directory, loaded and
reviewed at the report's settings (``evaluate``: flag level from event.yaml, 1 h windows,
1,000 resamples, seed 0). No notebook, no HTML: load and evaluate, one process per core.

* **Null arms**: the register is drawn as usual but the incident rate, severity and staffing
  effect are the same at every level, so the SRA carries no information about the incidents;
  at two clustering strengths: the generator's default episodes (0.03 onsets per ring-hour,
  0.8 of the rate in episodes) and strong clustering (0.015 onsets, 0.9 of the rate in
  episodes: fewer, more intense episodes; the capture count's variance over all time offsets
  is then about 1.5 times the binomial's).
* **Alternatives**: incidents in ring-hours rated high or above come at 3 and 10 times the
  rate of the others, with the generator's default episodes.

For every arm it prints the rate of each grade with its exact (Clopper-Pearson) 95% interval,
and each test's rejection rate against its nominal level, three ways on the same evaluation:

* **iid**, the former verdict's rule: tests treating windows as independent (one-sided exact
  binomial for capture, "AUC interval above 0.5" for discrimination), evidence counted in
  disrupted windows;
* **rotation**: toroidal rotation tests, every tie counted one half (mid-p), evidence counted
  in episodes;
* **rotation, ties broken** (the verdict): the same, with offsets that tie on the statistic
  ordered by the incidents of any severity (:func:`~sra_analysis.metrics.rotation_capture_test`).

Test sizes are over the events where the test can be made (at least one disrupted window,
some but not all windows flagged). Beside the verdict's sizes it prints the size each event's
own offsets allow if the disruptions were stationary (:meth:`RotationTest.level
<sra_analysis.metrics.RotationTest.level>`): a mid-p over 72 offsets without ties rejects
4 of 72 ranks at 5% (5.6%), so a size a little above nominal is the test's discreteness, and
only the measured size *above that level* is what a finite event adds (a rotation joins the
event's end to its start, a seam the event did not have; the generator's first hours hold no
episode that began before them); it is printed as a paired difference with its 95% interval.

A size near 5% measured on 2,000 events is known to about ±1 point (95%), as wide as the
target it is checked against. So each null arm also measures the two tests' sizes on
``--precise`` events (20,000 by default; ±0.3 point): the same generator and seeds, the ring ×
hour grid taken from the generated event itself instead of a written and reloaded folder
(:func:`_planted_grid`), and the verdict's two tests run on it as the review runs them. On the
seeds reviewed end to end the two must agree event by event - the grid, and whether each test
rejects - or the benchmark stops.

At the end it checks the targets: the null rate of "good" at most 5% with its upper 95%
bound at most 6% in both null arms (end to end), each test's size within one point of its
nominal level (on the precise measurement), and the capture test's power at rate ratio 3 at
least 20%.

Exit status 1 when the null rate of "good" exceeds 5%, or its upper bound 6%, in any null arm.

    python benchmarks/bench_calibration.py                      # 2,000 nulls per strength,
                                                                # 400 per rate ratio
    python benchmarks/bench_calibration.py --events 20 --alternatives 10 --precise 100
                                                                # a quick look
"""

from __future__ import annotations

import argparse
import concurrent.futures as futures
import dataclasses
import functools
import math
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from scipy import stats

#: Episodes of the null arms: (onsets per ring-hour, share of the rate in episodes).
NULL_STRENGTHS = {
    "null, default clustering": (0.03, 0.8),
    "null, strong clustering": (0.015, 0.9),
}
RATE_RATIOS = (3.0, 10.0)
ALTERNATIVE_STRENGTH = (0.03, 0.8)
#: Incidents per ring-hour; with severity 1 + Binomial(4, ½) a quarter of them disrupt
#: (P = 0.249), about 8 disrupted ring-hours in an event of 3 rings × 72 h.
BASE_RATE = 0.15
SEVERITY_P = 0.5
#: Share of ring-hours the drawn registers flag (high or above), to keep the alternatives'
#: total rate near the nulls': rate = BASE_RATE / (1 - a + ratio * a).
FLAGGED_SHARE = 0.2
#: Power of the capture test at rate ratio 3 the verdict must keep (the toroidal test's power
#: measured when the clustering problem was found).
TARGET_POWER = 0.20


def _truth(ratio: float, strength: tuple[float, float]):
    from sra_analysis.sample import EpisodeProcess, GroundTruth
    from sra_analysis.sample.truth import LEVEL_NAMES

    low = BASE_RATE / (1 - FLAGGED_SHARE + ratio * FLAGGED_SHARE)
    rates = {level: low * (ratio if level in ("high", "extreme") else 1.0) for level in LEVEL_NAMES}
    return GroundTruth(
        rate_by_level=rates,
        severity_p_by_level=dict.fromkeys(LEVEL_NAMES, SEVERITY_P),
        staffing_elasticity=0.0,
        episodes=EpisodeProcess(onset_rate=strength[0], weight=strength[1]),
    )


def _review(seed: int, truth, folder: Path) -> dict:
    """Generate, write, load and evaluate one event; the numbers of the three verdicts."""
    from sra_analysis import evaluate, load_event, metrics
    from sra_analysis.review.rotations import window_grid
    from sra_analysis.review.verdict import ALPHA, ALPHA_DISCRIMINATION, MIN_EPISODES
    from sra_analysis.sample import generate_event, write_event

    event = generate_event(seed=seed, event_id=f"calibration-{seed}", ground_truth=truth)
    path = write_event(event, folder / f"calibration-{seed}")
    review = evaluate(load_event(path))
    skill = review.verdict.skill
    testable = skill.observed > 0 and skill.coverage != "nothing" and skill.flagged_share < 1
    binomial = review.prediction.capture.beats_chance(0.05)
    interval = bool(skill.auc_low > 0.5)  # nan compares False
    before = dataclasses.replace(
        skill, capture_beats_chance=binomial, discriminates=interval,
        evidence="thin" if skill.observed < MIN_EPISODES else "sufficient",
    )  # fmt: skip
    # the rotation tests without the incidents breaking their ties
    grid = window_grid(review.windows)
    plain_capture = skill.observed > 0 and metrics.rotation_capture_test(
        grid["disrupted"], grid["flagged"], valid=grid["valid"]
    ).significant(ALPHA)
    plain_auc = metrics.rotation_auc_test(
        grid["score"], grid["disrupted"], valid=grid["valid"]
    ).significant(ALPHA_DISCRIMINATION)
    plain = dataclasses.replace(skill, capture_beats_chance=plain_capture, discriminates=plain_auc)
    rotation = review.prediction.rotation
    planted = _planted_grid(event)
    same_grid = grid.keys() == planted.keys() and all(
        grid[k].shape == planted[k].shape and np.array_equal(grid[k], planted[k]) for k in grid
    )
    return {
        "seed": seed,
        "same_grid": same_grid,
        "after": skill.grade,
        "plain": plain.grade,
        "before": before.grade,
        "testable": testable,
        "capture_binomial": binomial,
        "capture_plain": plain_capture,
        "capture_rotation": skill.capture_beats_chance,
        "auc_interval": interval,
        "auc_plain": plain_auc,
        "auc_rotation": skill.discriminates,
        # the verdict's tests' exact sizes on this event, were the disruptions stationary
        "capture_level": rotation.capture.level(ALPHA) if testable else math.nan,
        "auc_level": _zero_if_nan(rotation.auc.level(ALPHA_DISCRIMINATION)),
        "windows": skill.observed,
        "episodes": skill.episodes,
        "design_effect": skill.design_effect,
        "thin_before": before.evidence == "thin",
        "thin_after": skill.evidence == "thin",
    }


def _planted_grid(event) -> dict[str, np.ndarray]:
    """The ring × hour matrices ``window_grid`` makes of the review's windows, taken from a
    generated event without writing or loading it: ratings and flags from its planted
    windows, disruptions and incident counts from its incidents (every generated incident
    says whether it disrupted the proceedings)."""
    windows = event.planted_windows
    order = {ring: i for i, ring in enumerate(dict.fromkeys(windows["ring"]))}
    ring_codes = windows["ring"].map(order).to_numpy()
    starts = np.sort(windows["window_start"].unique())
    block_codes = np.searchsorted(starts, windows["window_start"].to_numpy())
    shape = (len(order), len(starts))
    levels = list(event.meta["risk_levels"])
    flagged_levels = set(levels[levels.index(event.meta["flag_level"]) :])
    out = {name: np.zeros(shape, dtype=bool) for name in ("disrupted", "flagged", "valid")}
    out["score"], out["incidents"] = np.zeros(shape), np.zeros(shape)
    out["valid"][ring_codes, block_codes] = True
    out["flagged"][ring_codes, block_codes] = windows["predicted_level"].isin(flagged_levels)
    out["score"][ring_codes, block_codes] = windows["predicted_score"].to_numpy(dtype=float)
    incidents = event.incidents
    hour = np.searchsorted(starts, incidents["reported_at"].dt.floor("h").to_numpy())
    ring = incidents["ring"].map(order).to_numpy()
    np.add.at(out["incidents"], (ring, hour), 1.0)
    disrupted = incidents["disrupted_proceedings"].to_numpy(dtype=bool)
    out["disrupted"][ring[disrupted], hour[disrupted]] = True
    return {k: out[k] for k in ("disrupted", "flagged", "score", "incidents", "valid")}


def _grid_tests(seed: int, truth) -> dict:
    """The verdict's two rotation tests on a generated event's own grid (no folder)."""
    from sra_analysis import metrics
    from sra_analysis.review.verdict import ALPHA, ALPHA_DISCRIMINATION
    from sra_analysis.sample import generate_event

    grid = _planted_grid(generate_event(seed=seed, event_id=f"calibration-{seed}",
                                        ground_truth=truth))  # fmt: skip
    valid, incidents = grid["valid"], grid["incidents"]
    share = float(grid["flagged"][valid].mean())
    observed = int((grid["disrupted"] & valid).sum())
    capture = metrics.rotation_capture_test(grid["disrupted"], grid["flagged"], valid=valid,
                                            counts=incidents)  # fmt: skip
    auc = metrics.rotation_auc_test(grid["score"], grid["disrupted"], valid=valid, counts=incidents)
    return {
        "seed": seed,
        "testable": observed > 0 and 0 < share < 1,
        "capture_rotation": observed > 0 and capture.significant(ALPHA),
        "auc_rotation": auc.significant(ALPHA_DISCRIMINATION),
        "capture_level": capture.level(ALPHA),
        "auc_level": _zero_if_nan(auc.level(ALPHA_DISCRIMINATION)),
    }


def _precise(name: str, truth, seeds: range, pool: futures.Executor, reviewed: list[dict]) -> dict:
    """Test sizes on many events' own grids, after checking them against the reviewed ones."""
    began = time.perf_counter()
    run = functools.partial(_grid_tests, truth=truth)
    rows = list(pool.map(run, seeds, chunksize=max(1, len(seeds) // 64)))
    seconds = time.perf_counter() - began
    by_seed = {r["seed"]: r for r in rows}
    checked = [r for r in reviewed if r["seed"] in by_seed]
    differ = [
        r["seed"]
        for r in checked
        if not r["same_grid"]
        or any(
            r[k] != by_seed[r["seed"]][k] for k in ("testable", "capture_rotation", "auc_rotation")
        )
    ]
    if differ:
        raise SystemExit(
            f"{name}: the generated grid and the review disagree on seeds {differ[:10]}"
        )
    testable = [r for r in rows if r["testable"]]
    m = len(testable)
    print(f"\n{name}, test sizes on {len(rows)} events' own grids ({seconds:.0f} s; the "
          f"{len(checked)} reviewed above agree event by event)")  # fmt: skip
    print(f"| test ({m} events with a test) | nominal | rotation, ties broken "
          "| its size if stationary | above that |")  # fmt: skip
    print("| --- | --- | --- | --- | --- |")
    out = {"m": m}
    for label, nominal, key, level in (
        ("capture beats chance", "5%", "capture_rotation", "capture_level"),
        ("discrimination (AUC)", "2.5%", "auc_rotation", "auc_level"),
    ):
        rejected, levels = [r[key] for r in testable], [r[level] for r in testable]
        out[key], out[level] = sum(rejected), float(np.mean(levels)) if levels else math.nan
        print(f"| {label} | {nominal} | {_rate(out[key], m)} | {100 * out[level]:.1f}% | "
              f"{_excess(rejected, levels)} |")  # fmt: skip
    return out


def _zero_if_nan(value: float) -> float:
    # a test without a defined statistic at any offset never rejects
    return 0.0 if math.isnan(value) else value


def _excess(rejected: list[bool], levels: list[float]) -> str:
    """Measured size minus the stationary level, paired by event, with a 95% interval."""
    d = np.asarray(rejected, dtype=float) - np.asarray(levels, dtype=float)
    if d.size < 2:
        return "–"
    mean, half = d.mean(), 1.96 * d.std(ddof=1) / math.sqrt(d.size)
    return f"{100 * mean:+.1f} pt [{100 * (mean - half):+.1f}, {100 * (mean + half):+.1f}]"


def _rate(k: int, n: int) -> str:
    if n == 0:
        return "–"
    ci = stats.binomtest(k, n).proportion_ci(0.95, method="exact")
    return f"{100 * k / n:5.1f}% [{100 * ci.low:4.1f}, {100 * ci.high:4.1f}]"


def _arm(name: str, truth, seeds: range, folder: Path, pool: futures.Executor) -> dict:
    began = time.perf_counter()
    review = functools.partial(_review, truth=truth, folder=folder)
    rows = list(pool.map(review, seeds, chunksize=max(1, len(seeds) // 64)))
    seconds = time.perf_counter() - began
    n = len(rows)
    testable = [r for r in rows if r["testable"]]
    print(f"\n## {name}: {n} events ({seconds:.0f} s, {1000 * seconds / max(n, 1):.0f} ms each)")
    print(
        f"disrupted windows per event: median {np.median([r['windows'] for r in rows]):.0f} "
        f"(IQR {np.percentile([r['windows'] for r in rows], 25):.0f}–"
        f"{np.percentile([r['windows'] for r in rows], 75):.0f}); episodes: median "
        f"{np.median([r['episodes'] for r in rows]):.0f}; design effect of capture: median "
        f"{np.nanmedian([r['design_effect'] for r in rows]):.2f}"
    )
    print("| grade | iid tests | rotation | rotation, ties broken (the verdict) |")
    print("| --- | --- | --- | --- |")
    out = {"n": n, "m": len(testable), "rows": rows}
    for grade in ("good", "mixed", "poor", "quiet"):
        counts = [sum(r[key] == grade for r in rows) for key in ("before", "plain", "after")]
        out[grade] = counts
        print(f"| {grade} | " + " | ".join(_rate(k, n) for k in counts) + " |")
    thin = (sum(r["thin_before"] for r in rows), sum(r["thin_after"] for r in rows))
    print(f"| evidence thin | {_rate(thin[0], n)} | {_rate(thin[1], n)} | {_rate(thin[1], n)} |")
    m = len(testable)
    print(f"\n| test ({m} events with a test) | nominal | iid | rotation | rotation, ties "
          "broken | its size if stationary | above that |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for label, nominal, keys, level in (
        ("capture beats chance", "5%", ("capture_binomial", "capture_plain", "capture_rotation"),
         "capture_level"),
        ("discrimination (AUC)", "2.5%", ("auc_interval", "auc_plain", "auc_rotation"),
         "auc_level"),
    ):  # fmt: skip
        counts = [sum(r[key] for r in testable) for key in keys]
        for key, k in zip(keys, counts, strict=True):
            out[key] = k
        levels = [r[level] for r in testable]
        out[level] = float(np.mean(levels)) if levels else math.nan
        print(f"| {label} | {nominal} | " + " | ".join(_rate(k, m) for k in counts)
              + f" | {100 * out[level]:.1f}% | "
              + _excess([r[keys[2]] for r in testable], levels) + " |")  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=2000, help="null events per strength")
    parser.add_argument("--alternatives", type=int, default=400, help="events per rate ratio")
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)),
                        help="processes reviewing events (default: one per core)")  # fmt: skip
    parser.add_argument("--precise", type=int, default=20_000,
                        help="null events per strength whose test sizes are measured on their "
                             "own grids (0: sizes from the reviewed events only)")  # fmt: skip
    args = parser.parse_args(argv)

    print("# Calibration of the verdict (benchmarks/bench_calibration.py)")
    print(f"null events per strength: {args.events}; alternatives per rate ratio: "
          f"{args.alternatives}; seeds from {args.seed}; {args.workers} processes")  # fmt: skip
    from sra_analysis.review.verdict import ALPHA, ALPHA_DISCRIMINATION

    failed, targets = [], []
    with (
        tempfile.TemporaryDirectory(prefix="calibration-") as tmp,
        futures.ProcessPoolExecutor(max(1, args.workers)) as pool,
    ):
        folder = Path(tmp)
        start = args.seed
        for name, strength in NULL_STRENGTHS.items():
            truth = _truth(1.0, strength)
            result = _arm(name, truth, range(start, start + args.events), folder, pool)
            sizes, where = result, f"{result['m']} reviewed events"
            if args.precise > 0:
                sizes = _precise(name, truth, range(start, start + args.precise), pool,
                                 result["rows"])  # fmt: skip
                where = f"{sizes['m']} events' own grids"
            start += args.events
            good = result["good"][2]
            upper = stats.binomtest(good, result["n"]).proportion_ci(0.95, method="exact").high
            print(f"\nnull 'good': {good}/{result['n']}, upper 95% bound {100 * upper:.1f}%")
            if good > 0.05 * result["n"] or upper > 0.06:
                failed.append(name)
            targets.append((f"{name}: 'good' ≤ 5%, upper bound ≤ 6%",
                            f"{100 * good / result['n']:.1f}%, {100 * upper:.1f}%",
                            name not in failed))  # fmt: skip
            for key, nominal in (("capture_rotation", ALPHA),
                                 ("auc_rotation", ALPHA_DISCRIMINATION)):  # fmt: skip
                test = key.split("_")[0]
                size = sizes[key] / max(sizes["m"], 1)
                targets.append((f"{name}: size of {test} within 1 point of {100 * nominal:g}%",
                                f"{100 * size:.1f}% on {where} ({100 * sizes[f'{test}_level']:.1f}%"
                                " if stationary)", abs(size - nominal) <= 0.01))  # fmt: skip
        for ratio in RATE_RATIOS:
            name = f"rate ratio {ratio:g} in flagged ring-hours"
            result = _arm(name, _truth(ratio, ALTERNATIVE_STRENGTH),
                          range(start, start + args.alternatives), folder, pool)  # fmt: skip
            start += args.alternatives
            if ratio == 3:
                power = result["capture_rotation"] / max(result["m"], 1)
                targets.append((f"{name}: power of capture ≥ {100 * TARGET_POWER:g}%",
                                f"{100 * power:.1f}%", power >= TARGET_POWER))  # fmt: skip
    print("\n## Targets\n| target | measured | met |\n| --- | --- | --- |")
    for target, measured, met in targets:
        print(f"| {target} | {measured} | {'yes' if met else 'NO'} |")
    if failed:
        print(f"\nFAILED: null rate of 'good' above 5% (or its bound above 6%) in "
              f"{', '.join(failed)}")  # fmt: skip
        return 1
    print("\nnull rate of 'good' at most 5% (upper bound at most 6%) in every null arm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
