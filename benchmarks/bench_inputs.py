"""Input benchmark: reading and loading large CSV files, UTF-8 and cp1252.

Files: an incident log of 200,000 rows (each with a 200-character description, ``é`` and
``–`` in some) and a staffing roster of 1,000,000 shift rows, written once as UTF-8 and once
as cp1252 (the cp1252 path also checks every line for mixed encodings). Each file is read
and loaded (``read_table`` then ``load_table``: cell checks for NUL bytes and oversized
cells, parsing, schema checks) three times; the best time is reported.

    python benchmarks/bench_inputs.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

INCIDENTS, SHIFTS, REPEATS = 200_000, 1_000_000, 3


def make_files(folder: Path) -> dict[str, Path]:
    """Write the four benchmark files (deterministic, seed 7)."""
    rng = np.random.default_rng(7)
    start = pd.Timestamp("2024-03-01 07:00")
    minutes = rng.integers(0, 60 * 60, INCIDENTS)
    incidents = pd.DataFrame(
        {
            "incident_id": [f"INC-{i:06d}" for i in range(INCIDENTS)],
            "reported_at": (start + pd.to_timedelta(minutes, unit="min")).strftime(
                "%Y-%m-%d %H:%M"
            ),
            "ring": rng.choice(["1", "Ring II", "ruang pleno"], INCIDENTS),
            "category": rng.choice(["crowd", "traffic", "protest"], INCIDENTS),
            "severity": rng.integers(1, 6, INCIDENTS).astype(str),
            "description": [
                ("massa berkumpul – café " if i % 7 == 0 else "massa berkumpul di gerbang ") * 8
                for i in range(INCIDENTS)
            ],
        }
    )
    shift_start = start + pd.to_timedelta(rng.integers(0, 56, SHIFTS), unit="h")
    staffing = pd.DataFrame(
        {
            "officer_id": rng.integers(10_000_000, 99_999_999, SHIFTS).astype(str),
            "ring": rng.choice(["1", "2", "3"], SHIFTS),
            "shift_start": shift_start.strftime("%Y-%m-%d %H:%M"),
            "shift_end": (shift_start + pd.Timedelta(hours=8)).strftime("%Y-%m-%d %H:%M"),
        }
    )
    files = {}
    for encoding in ("utf-8", "cp1252"):
        for kind, frame in (("incidents", incidents), ("staffing", staffing)):
            path = folder / f"{kind}-{encoding}.csv"
            frame.to_csv(path, index=False, encoding=encoding)
            files[f"{kind} {encoding}"] = path
    return files


def main() -> int:
    from sra_analysis.event_config import read_event_meta
    from sra_analysis.io.readers import read_table
    from sra_analysis.io.validate import load_table
    from sra_analysis.resources import sample_dir

    meta = read_event_meta(sample_dir() / "purwakarta-2024")
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp))
        for name, path in files.items():
            kind = name.split()[0]
            best_read = best_load = float("inf")
            for _ in range(REPEATS):
                started = time.perf_counter()
                raw = read_table(path)
                read = time.perf_counter() - started
                loaded = load_table(raw, kind=kind, meta=meta)
                best_read = min(best_read, read)
                best_load = min(best_load, time.perf_counter() - started - read)
            quality = loaded.quality
            print(
                f"{name:18s} {path.stat().st_size / 1e6:6.1f} MB  read {best_read:5.2f} s  "
                f"load {best_load:5.2f} s  ({quality.accepted:,} accepted, "
                f"{quality.quarantined:,} quarantined, {raw.encoding})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
