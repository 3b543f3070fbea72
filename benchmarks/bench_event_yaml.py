"""How fast, and in how little memory, hostile event.yaml files are refused.

Each case is written to a temporary event folder and read with ``read_event_meta``; the script
prints the outcome, the median wall time over a few runs and the peak memory Python allocated
(tracemalloc) while reading. A 1 KB alias bomb ("billion laughs") used to expand until a
MemoryError; it should now be refused as fast as a valid file is read.

Run: ``python benchmarks/bench_event_yaml.py``
"""

from __future__ import annotations

import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from sra_analysis.errors import EventConfigError
from sra_analysis.event_config import read_event_meta
from sra_analysis.resources import sample_dir


def _billion_laughs() -> str:
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, 10):
        lines.append(f"lol{level}: &lol{level} [{', '.join([f'*lol{level - 1}'] * 10)}]")
    return "\n".join(lines) + "\n"


def _cases() -> dict[str, str]:
    base = (sample_dir() / "purwakarta-2024" / "event.yaml").read_text(encoding="utf-8")
    return {
        "valid (Purwakarta)": base,
        "billion laughs in name": _billion_laughs()
        + base.replace("\nname: ", "\nname_was: ", 1)
        + "name: *lol9\n",
        "planned_personnel: .inf": base.replace("planned_personnel: 50", "planned_personnel: .inf"),
        "time_margin_hours: 1e30": base + "time_margin_hours: 1e30\n",
        "nesting 400,000 deep": base + "x: " + "[" * 400_000 + "]" * 400_000 + "\n",
        "1 MB + 1 byte": base + "#" + "x" * (1_000_000 - len(base.encode())) + "\n",
    }


def main(repeats: int = 5) -> None:
    with tempfile.TemporaryDirectory() as root:
        print(f"{'case':<26} {'outcome':<18} {'median ms':>9} {'peak MiB':>9}")
        for name, text in _cases().items():
            folder = Path(root) / str(abs(hash(name)))
            folder.mkdir()
            (folder / "event.yaml").write_text(text, encoding="utf-8")
            times, outcome = [], ""
            for _ in range(repeats):
                started = time.perf_counter()
                try:
                    read_event_meta(folder)
                    outcome = "accepted"
                except EventConfigError:
                    outcome = "EventConfigError"
                times.append(time.perf_counter() - started)
            tracemalloc.start()
            try:
                read_event_meta(folder)
            except EventConfigError:
                pass
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(
                f"{name:<26} {outcome:<18} {statistics.median(times) * 1000:9.1f} "
                f"{peak / 2**20:9.1f}"
            )


if __name__ == "__main__":
    main()
