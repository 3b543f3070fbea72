"""How long ``sra-review template`` takes: the whole command, and the writing alone.

The command runs in a fresh interpreter (imports included, as a user meets it); the writing
is ``write_template`` in this process once its imports are loaded, median of a few runs.
Both write the Purwakarta event's template in Bahasa Indonesia.

Run: ``python benchmarks/bench_template.py``
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sra_analysis.resources import sample_dir
from sra_analysis.template import write_template

EVENT = sample_dir() / "purwakarta-2024" / "event.yaml"
RUNS = 5


def _command_seconds(folder: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sra_analysis.cli", "template", str(folder), "--lang", "id",
         "--event", str(EVENT)],
        check=True, capture_output=True,
    )  # fmt: skip
    return time.perf_counter() - started


def _write_seconds(folder: Path) -> float:
    started = time.perf_counter()
    write_template(folder, lang="id", event=EVENT)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as root:
        command = [_command_seconds(Path(root) / f"cli-{run}") for run in range(RUNS)]
        _write_seconds(Path(root) / "warm-up")  # loads openpyxl, pandas, the level colours
        write = [_write_seconds(Path(root) / f"api-{run}") for run in range(RUNS)]
        sizes = {p.name: p.stat().st_size for p in (Path(root) / "api-0").iterdir()}
    print(f"sra-review template (fresh process): median {statistics.median(command):.2f} s")
    print(f"write_template (imports loaded):     median {statistics.median(write) * 1000:.0f} ms")
    print("files: " + ", ".join(f"{name} {size / 1024:.1f} KB" for name, size in sizes.items()))


if __name__ == "__main__":
    main()
