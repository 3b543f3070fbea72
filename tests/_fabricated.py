"""Fabricated ``summary.json`` bodies for index and cross-event chart tests (no notebook runs).

Every event flags its disrupted windows with the same chance, 0.6, except the planted
outliers: ``kab-contoh-001`` caught 0 of 40 disrupted windows and ``kab-contoh-002`` all 40.
Under Binomial(40, p) with p near 0.6, P(Y = 0) and P(Y = 40) are far below 0.001, so both
lie outside the 99.8 % funnel limits whatever the pooled share of a large batch.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from sra_analysis.reports.batch import ReportResult

GRADES = ("good", "mixed", "poor", "quiet")
OUTLIERS = {"kab-contoh-001": (0, 40), "kab-contoh-002": (40, 40)}


def fabricated_summaries(n_events: int, *, seed: int = 9) -> list[dict]:
    """``n_events`` summaries with varied numbers, verdicts and a few missing AUCs."""
    rng = np.random.default_rng(seed)
    summaries = []
    for number in range(1, n_events + 1):
        event_id = f"kab-contoh-{number:03d}"
        windows = int(rng.integers(0, 45))
        hits = int(rng.binomial(windows, 0.6))
        hits, windows = OUTLIERS.get(event_id, (hits, windows))
        auc = None if number % 17 == 0 else round(float(rng.uniform(0.3, 0.95)), 3)
        summaries.append(
            {
                "event": {"id": event_id, "name": f"Pleno Kabupaten Contoh {number:03d}"},
                "totals": {"incidents": int(windows * 2 + rng.integers(0, 9)),
                           "disruptions": windows, "personnel": int(rng.integers(30, 121)),
                           "officer_hours": float(rng.uniform(800, 9000))},
                "prediction": {"hits": hits, "misses": windows - hits,
                               "pod": hits / windows if windows else None, "far": None,
                               "pai": round(float(rng.uniform(0, 4)), 2), "auc": auc},
                "verdict": {"grade": GRADES[number % 4],
                            "evidence": "thin" if number % 3 == 0 else "sufficient",
                            "text": f"verdict of {event_id}"},
                "schema_version": "3",
            }
        )  # fmt: skip
    return summaries


def write_batch(out: Path, summaries: list[dict], *, failed: tuple[str, ...] = ()) -> list:
    """Write each summary to ``out/<id>/summary.json``; return the batch's results."""
    results = []
    for summary in summaries:
        folder = out / summary["event"]["id"]
        folder.mkdir(parents=True)
        (folder / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
        results.append(ReportResult(str(folder), folder.name, "ok", str(folder), 1.0))
    for event_id in failed:
        folder = out / event_id
        folder.mkdir(parents=True)
        results.append(
            ReportResult(str(folder), event_id, "failed", str(folder), 0.5, "cell In[3] raised")
        )
    return results
