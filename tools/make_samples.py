"""Regenerate every bundled sample event in ``sra_analysis/sample_data``, in one command.

The bundled data are made by two generators, run here in order:

1. the 26 synthetic regencies and cities of Jawa Barat, exactly what
   ``sra-review sample OUT --events 26 --seed 2024`` writes (their folders are removed
   first, so a file whose format changed leaves no stale copy behind);
2. the roster of the hand-written Purwakarta plenary, ``python tools/make_purwakarta.py``
   (its other files are written by hand and left alone).

``tests/test_sample.py`` checks that the bundled files are what the generators write, so
rerun this after any change to :mod:`sra_analysis.sample` (rings, incidents, registers)
and commit the result on its own, saying it was made with this command.

Usage::

    python tools/make_samples.py            # rewrite sra_analysis/sample_data
    python tools/make_samples.py --check    # fail when the bundled data differ
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DATA = ROOT / "sra_analysis" / "sample_data"
EVENTS, SEED = 26, 2024


def _province(out: Path) -> list[str]:
    from sra_analysis.sample import generate_province, province_plan

    ids = province_plan(n_events=EVENTS, seed=SEED)["event_id"].tolist()
    for event_id in ids:
        shutil.rmtree(out / event_id, ignore_errors=True)
    generate_province(out, n_events=EVENTS, seed=SEED)
    return ids


def _differences(ids: list[str]) -> list[str]:
    with tempfile.TemporaryDirectory() as scratch:
        _province(Path(scratch))
        found = []
        for event_id in ids:
            compared = filecmp.dircmp(SAMPLE_DATA / event_id, Path(scratch) / event_id)
            found += [f"{event_id}/{name}" for name in compared.diff_files]
            found += [f"{event_id}/{name}" for name in compared.left_only + compared.right_only]
        return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    purwakarta = [sys.executable, str(ROOT / "tools" / "make_purwakarta.py")]
    if args.check:
        from sra_analysis.sample import province_plan

        ids = province_plan(n_events=EVENTS, seed=SEED)["event_id"].tolist()
        differ = _differences(ids)
        for name in differ:
            print(f"differs from the generator: {name}")
        roster = subprocess.run([*purwakarta, "--check"], check=False)
        return 1 if differ or roster.returncode else 0
    ids = _province(SAMPLE_DATA)
    print(f"wrote {len(ids)} synthetic events to {SAMPLE_DATA} (seed {SEED})")
    return subprocess.run(purwakarta, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
