"""Generate the staffing roster of the ``purwakarta-2024`` sample data set.

Writes ``sra_analysis/sample_data/purwakarta-2024/staffing.csv`` (one row per
officer-shift: ``officer_id, ring, shift_start, shift_end, unit, role``).
The other files of that folder (``event.yaml``, ``incidents.csv``,
``risk_register.csv``, ``README.md``) are written by hand.

The roster is synthetic (not real police records) but follows how such an
event is guarded:

* 50 personnel of Polres Purwakarta plus a Brimob BKO detachment, each
  identified by an 8-digit NRP kept as text; officers born in 2000 or later
  have an NRP starting with ``0`` (e.g. ``01050417``).
* Three standard shifts per day, 07-15, 15-23 and 23-07 (crossing midnight),
  from 2024-03-01 07:00 to 2024-03-03 23:00 local time (WIB).  An officer
  gets at least 8 hours of rest between two shifts.
* Rings are numbered as Polri numbers them, from the inside out: ring 1 the
  plenary room (zone ``core``), ring 2 the building, ring 3 outside the fence
  (zone ``perimeter``).
* Ring 1 (plenary room) is staffed while the plenary sits, with a two-person
  guard at night over the sealed documents; ring 3 is heavier on day 2
  (protest expected) and day 3 (announcement of the results), where a Brimob
  BKO block reinforces the fence.
* Two realistic departures from the plan in ``risk_register.csv``:
  on 2 March at 11:00, after the witness brawl, four ring-3 officers are
  pulled into the building (their row is split at 11:00) and the Brimob
  block planned for 12:00 only arrives at 15:00, so ring 3 is short during
  the protest (7 on duty against 16 planned); on 3 March 15-23 two ring-1
  officers are withdrawn, leaving the plenary room with 4 against 6 planned.

Deterministic: a fixed seed drives the NRPs and the tie-breaks of the
assignment, so running it twice gives the same file.

Usage::

    python tools/make_purwakarta.py            # writes the CSV
    python tools/make_purwakarta.py --check    # fails if the CSV differs
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

SEED = 20240301
OUT = (
    Path(__file__).resolve().parents[1]
    / "sra_analysis"
    / "sample_data"
    / "purwakarta-2024"
    / "staffing.csv"
)
FMT = "%Y-%m-%d %H:%M"
MIN_REST = timedelta(hours=8)

# Unit -> number of officers (total 50).
POOLS = {
    "Sat Samapta": 22,
    "Brimob BKO": 9,
    "Sat Intelkam": 6,
    "Sat Lantas": 6,
    "Sat Reskrim": 3,
    "Propam": 4,
}

# Default role of each unit in each ring.
ROLES = {
    ("Sat Samapta", "3"): "Penjaga gerbang",
    ("Sat Samapta", "2"): "Pemeriksa ID card",
    ("Sat Samapta", "1"): "Pengamanan ruang pleno",
    ("Brimob BKO", "3"): "Pasukan PHH",
    ("Sat Intelkam", "3"): "Pemantau massa",
    ("Sat Intelkam", "1"): "Pemantau saksi",
    ("Sat Lantas", "3"): "Pengatur lalu lintas",
    ("Sat Reskrim", "3"): "Patroli perimeter",
    ("Sat Reskrim", "2"): "Patroli dalam gedung",
    ("Propam", "2"): "Provos",
    ("Propam", "1"): "Provos",
}

# (start, end, {ring: [(unit, count), ...]}) in chronological order; each shift fills the
# fence (ring 3) first, then the building and the plenary room (ring 1).
D1, D2, D3 = "2024-03-01", "2024-03-02", "2024-03-03"
SHIFTS = [
    (
        f"{D1} 07:00",
        f"{D1} 15:00",
        {
            "3": [("Sat Lantas", 4), ("Sat Samapta", 4), ("Sat Intelkam", 2)],
            "2": [("Sat Samapta", 3), ("Sat Reskrim", 1), ("Propam", 1)],
            "1": [("Sat Samapta", 3), ("Sat Intelkam", 1), ("Propam", 1)],
        },
    ),
    (
        f"{D1} 15:00",
        f"{D1} 23:00",
        {
            "3": [("Sat Lantas", 2), ("Sat Samapta", 3), ("Sat Intelkam", 1)],
            "2": [("Sat Samapta", 2), ("Sat Reskrim", 1), ("Propam", 1)],
            "1": [("Sat Samapta", 4), ("Sat Intelkam", 1)],
        },
    ),
    (
        f"{D1} 23:00",
        f"{D2} 07:00",
        {
            "3": [("Sat Samapta", 3), ("Brimob BKO", 2)],
            "2": [("Sat Samapta", 2)],
            "1": [("Sat Samapta", 2)],
        },
    ),
    (
        f"{D2} 07:00",
        f"{D2} 15:00",
        {
            "3": [("Sat Lantas", 3), ("Sat Samapta", 6), ("Sat Intelkam", 2)],
            "2": [("Sat Samapta", 2), ("Sat Reskrim", 1), ("Propam", 1)],
            "1": [("Sat Samapta", 4), ("Sat Intelkam", 1), ("Propam", 1)],
        },
    ),
    # Brimob BKO block: planned 12:00-20:00, arrived late (see docstring).
    (
        f"{D2} 15:00",
        f"{D2} 23:00",
        {
            "3": [("Brimob BKO", 8)],
        },
    ),
    (
        f"{D2} 15:00",
        f"{D2} 23:00",
        {
            "3": [("Sat Lantas", 2), ("Sat Samapta", 4), ("Sat Intelkam", 2)],
            "2": [("Sat Samapta", 3), ("Sat Reskrim", 1), ("Propam", 1)],
            "1": [("Sat Samapta", 3), ("Sat Intelkam", 1), ("Propam", 1)],
        },
    ),
    (
        f"{D2} 23:00",
        f"{D3} 07:00",
        {
            "3": [("Sat Samapta", 3), ("Sat Reskrim", 1), ("Brimob BKO", 1)],
            "2": [("Sat Samapta", 2)],
            "1": [("Sat Samapta", 2)],
        },
    ),
    (
        f"{D3} 07:00",
        f"{D3} 15:00",
        {
            "3": [("Sat Lantas", 3), ("Sat Samapta", 5), ("Sat Intelkam", 2)],
            "2": [("Sat Samapta", 3), ("Sat Reskrim", 1), ("Propam", 1)],
            "1": [("Sat Samapta", 4), ("Sat Intelkam", 1), ("Propam", 1)],
        },
    ),
    (
        f"{D3} 13:00",
        f"{D3} 21:00",
        {
            "3": [("Brimob BKO", 8)],
        },
    ),
    (
        f"{D3} 15:00",
        f"{D3} 23:00",
        {
            "3": [("Sat Lantas", 2), ("Sat Samapta", 4), ("Sat Intelkam", 2)],
            "2": [("Sat Samapta", 3), ("Sat Reskrim", 1), ("Propam", 1)],
            # 6 planned; two officers withdrawn (see docstring).
            "1": [("Sat Samapta", 3), ("Sat Intelkam", 1)],
        },
    ),
]

# 2 March, 11:00: ring-3 (fence) Samapta officers of the 07-15 shift moved inside.
PULL_AT = f"{D2} 11:00"
PULLED_TO = [
    ("1", "Perkuatan ruang pleno (dialihkan dari ring III)"),
    ("1", "Perkuatan ruang pleno (dialihkan dari ring III)"),
    ("2", "Perkuatan lobi (dialihkan dari ring III)"),
    ("2", "Perkuatan lobi (dialihkan dari ring III)"),
]


def make_nrps(rng: random.Random) -> dict[str, list[str]]:
    """Give each unit its officers' NRPs (YYMM + 4 digits, unique, as text)."""
    seen: set[str] = set()
    out: dict[str, list[str]] = {}
    for unit, n in POOLS.items():
        young = unit in ("Sat Samapta", "Brimob BKO")
        ids = []
        while len(ids) < n:
            if young and rng.random() < 0.35:
                year = rng.randint(2000, 2003)  # NRP starts with 0
            else:
                year = rng.randint(1976, 1999)
            nrp = f"{year % 100:02d}{rng.randint(1, 12):02d}{rng.randint(0, 9999):04d}"
            if nrp not in seen:
                seen.add(nrp)
                ids.append(nrp)
        out[unit] = ids
    return out


def build_rows() -> list[dict[str, str]]:
    rng = random.Random(SEED)
    nrps = make_nrps(rng)
    busy_until: dict[str, datetime] = {}
    load: dict[str, int] = {}
    rows: list[dict[str, str]] = []
    for start_s, end_s, rings in SHIFTS:
        start, end = datetime.strptime(start_s, FMT), datetime.strptime(end_s, FMT)
        for ring, demand in rings.items():
            for unit, count in demand:
                free = [
                    o
                    for o in nrps[unit]
                    if o not in busy_until or busy_until[o] + MIN_REST <= start
                ]
                if len(free) < count:
                    raise SystemExit(f"not enough {unit} for {start_s} ring {ring}")
                rng.shuffle(free)
                free.sort(key=lambda o: load.get(o, 0))
                for k, o in enumerate(free[:count]):
                    busy_until[o] = end
                    load[o] = load.get(o, 0) + 1
                    role = ROLES[(unit, ring)]
                    if unit == "Sat Samapta" and k == 0:
                        role = "Danru (komandan regu)"
                    rows.append(
                        {
                            "officer_id": o,
                            "ring": ring,
                            "shift_start": start_s,
                            "shift_end": end_s,
                            "unit": unit,
                            "role": role,
                        }
                    )
    # Split the rows of the officers pulled off the fence on 2 March.
    pulled = [
        r
        for r in rows
        if r["shift_start"] == f"{D2} 07:00"
        and r["ring"] == "3"
        and r["unit"] == "Sat Samapta"
        and r["role"] != "Danru (komandan regu)"
    ][: len(PULLED_TO)]
    for r, (ring, role) in zip(pulled, PULLED_TO, strict=True):
        rows.append({**r, "ring": ring, "shift_start": PULL_AT, "role": role})
        r["shift_end"] = PULL_AT
    rows.sort(key=lambda r: (r["shift_start"], r["ring"], r["unit"], r["officer_id"]))
    return rows


def render(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(
        buf,
        fieldnames=["officer_id", "ring", "shift_start", "shift_end", "unit", "role"],
        lineterminator="\n",
    )
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    args = ap.parse_args(argv)
    text = render(build_rows())
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} differs from the generator")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {text.count(chr(10)) - 1} rows to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
