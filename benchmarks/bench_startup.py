"""How long ``sra-review --help`` and ``import sra_analysis`` take, now and before the lazy API.

Each command runs in a fresh interpreter (``python -c ...``), several times; the script prints
the median and the best wall time of each. Three figures:

* ``sra-review --help`` on this tree (the lazy ``sra_analysis/__init__.py``);
* ``import sra_analysis`` on this tree;
* the eager baseline: importing on this tree every module the old ``__init__`` imported at
  once (``errors``, ``event``, ``io``, ``levels``, ``review.evaluate``, ``review.windows``),
  which is what both commands cost before the lazy API.

With ``--baseline REV`` (a git revision from before the change, e.g. the merge base with
``main``), the script also unpacks that revision with ``git archive`` into a temporary folder
and times its ``sra-review --help`` there (``PYTHONPATH`` first, so that tree is imported);
nothing in the repository is touched.

Run: ``python benchmarks/bench_startup.py [--repeats 7] [--baseline REV]``
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HELP = "from sra_analysis.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
#: an argument error: a usage message and exit 64, before anything heavy is imported
USAGE = (
    "from sra_analysis.cli import main\n"
    "assert main(['report', 'somewhere', '--workers', '0', '--out', 'x']) == 64"
)
IMPORT = "import sra_analysis"
EAGER = (
    "import sra_analysis.errors, sra_analysis.event, sra_analysis.io, sra_analysis.levels\n"
    "import sra_analysis.review.evaluate, sra_analysis.review.windows"
)


def _time(
    code: str, *, repeats: int, env: dict | None = None, cwd: str | None = None
) -> tuple[float, float]:
    """Median and best wall time (seconds) of ``python -c code`` in a fresh interpreter.

    It runs in ``cwd`` (default: the temporary folder), never in the repository, whose
    ``sra_analysis`` would otherwise come first on ``sys.path``."""
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=cwd or tempfile.gettempdir(),
        )
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), min(seconds)


def _unpack(revision: str, folder: Path) -> None:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "sra_analysis"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="runs per figure (default 7)")
    parser.add_argument("--baseline", help="a git revision to time sra-review --help on")
    args = parser.parse_args()

    rows = [
        ("sra-review --help (now)", _time(HELP, repeats=args.repeats)),
        ("sra-review report --workers 0 (usage error)", _time(USAGE, repeats=args.repeats)),
        ("import sra_analysis (now)", _time(IMPORT, repeats=args.repeats)),
        ("eager imports of the old __init__", _time(EAGER, repeats=args.repeats)),
    ]
    if args.baseline:
        with tempfile.TemporaryDirectory(prefix="sra-baseline-") as folder:
            _unpack(args.baseline, Path(folder))
            env = {**os.environ, "PYTHONPATH": folder}
            rows.append(
                (
                    f"sra-review --help ({args.baseline})",
                    _time(HELP, repeats=args.repeats, env=env, cwd=folder),
                )
            )
    print(f"{'command':<44} {'median s':>9} {'best s':>8}   ({args.repeats} runs each)")
    for name, (median, best) in rows:
        print(f"{name:<44} {median:>9.3f} {best:>8.3f}")
    slowest = max(median for name, (median, _) in rows[:2])
    print(f"--help and a usage error answer in ≤ {slowest:.2f} s (target < 0.5 s)")


if __name__ == "__main__":
    main()
