"""Synthetic recapitulation events: Jawa Barat's regions first, then the rest of Indonesia.

The first 26 events are the other regencies and cities of Jawa Barat (Purwakarta is the
hand-written sample), the 27th completes the province, and events 28 to 514 are the 487
regions of the 37 other provinces (:data:`~sra_analysis.sample.vocabulary.PROVINCES`), taken
one province at a time in turn so that any first 64 events already span every province and
the three zones WIB, WITA and WIT.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from sra_analysis.errors import ParameterError, SRAError
from sra_analysis.labels import t
from sra_analysis.sample import vocabulary as vocab
from sra_analysis.sample.generate import generate_event
from sra_analysis.sample.province_truth import ProvinceTruth
from sra_analysis.sample.truth import DEFAULT_GROUND_TRUTH
from sra_analysis.sample.write import write_event

__all__ = [
    "PROVINCE_TRUTH_FILE",
    "generate_province",
    "national_regions",
    "province_plan",
    "sample_command",
]

#: Where a planted province's truth is written, beside its event folders.
PROVINCE_TRUTH_FILE = "province_truth.json"

# (format, encoding) by event number; "mixed" mixes formats within one folder.
_FORMAT_CYCLE = (
    ("csv", "utf-8"),
    ("csv_semicolon", "cp1252"),
    ("xlsx", "utf-8"),
    ("csv", "utf-8-sig"),
    ("parquet", "utf-8"),
    ("csv_semicolon", "utf-8"),
    ("mixed", "utf-8"),
    ("csv_tab", "utf-8"),
)
_MIXED = {"incidents": "xlsx", "staffing": "csv_semicolon", "risk_register": "csv"}
_RING_LABEL_CYCLE = ("id", "name", "id", "alias")
_DURATION_HOURS = np.array([24, 40, 48, 64, 72, 88, 96])
_PLAN_COLUMNS = (
    "event_id", "name", "venue", "seed", "start", "days", "n_officers", "planned_personnel",
    "rings", "ring_order", "shift_hours", "n_risks", "timezone", "format", "encoding",
    "ring_labels", "date_style", "province",
)  # fmt: skip
_ZONE_ALIASES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA",
                 "Asia/Jayapura": "WIT"}  # fmt: skip
_FIRST_DAY = pd.Timestamp("2024-02-24")  # recapitulations ran from late February ...
_LAST_DAY = pd.Timestamp("2024-03-07")  # ... to early March 2024


def province_plan(*, n_events: int = 26, seed: int = 2024) -> pd.DataFrame:
    """The events :func:`generate_province` makes, one row each, without generating them.

    Variants rotate with the event number so that every one is exercised: file format and
    CSV encoding, ring labels, day-first dates, rings numbered from the inside out, 2 or 4
    rings, 12-hour shifts, the ``WIB``/``WITA``/``WIT`` zone aliases. Size, duration, start
    and seed are drawn. The plan of n events is the first n rows of the plan of more events.

    Parameters
    ----------
    n_events : int
        Number of events. Past the 26 regions of Jawa Barat, events are named ``Kabupaten
        Contoh 027``, ``Kota Contoh 031`` etc. and spread over the provinces as
        :func:`national_regions` orders them; past 514 they are named the same way with
        the zone of Jakarta.
    seed : int
        Seed of the draws.

    Returns
    -------
    DataFrame
        Columns ``event_id``, ``name``, ``venue``, ``seed``, ``start``, ``days``,
        ``n_officers``, ``planned_personnel``, ``rings``, ``ring_order``, ``shift_hours``,
        ``n_risks``, ``timezone``, ``format``, ``encoding``, ``ring_labels``, ``date_style``,
        ``province``
        (past the 27th event, ``name`` ends with the province).

    Examples
    --------
    >>> plan = province_plan(n_events=27, seed=1)
    >>> plan["event_id"].iloc[[0, 17, 26]].tolist()
    ['kab-bogor-2024', 'kota-bogor-2024', 'kab-contoh-027-2024']
    >>> bool(plan["n_officers"].between(30, 120).all())
    True
    >>> province_plan(n_events=64).iloc[[27, 43, 58]][["event_id", "timezone", "province"]]
                   event_id       timezone             province
    27  kab-contoh-028-2024   Asia/Jakarta                 Aceh
    43  kab-contoh-044-2024  Asia/Makassar  Nusa Tenggara Barat
    58  kab-contoh-059-2024  Asia/Jayapura                Papua
    """
    if n_events < 0:
        raise ParameterError(f"n_events must be ≥ 0, got {n_events!r}")
    rng = np.random.default_rng(seed)
    seeds = np.random.SeedSequence(seed).generate_state(max(n_events, 1))
    rows = []
    national = national_regions()
    for number in range(n_events):
        province, zone = "Jawa Barat", "Asia/Jakarta"
        if number < len(vocab.WEST_JAVA_REGIONS):
            kind, region = vocab.WEST_JAVA_REGIONS[number]
        else:
            kind, region = "kab", f"Contoh {number + 1:03d}"
            if len(vocab.WEST_JAVA_REGIONS) < number < len(national):
                kind, province, zone = national[number]
        title = f"{'Kabupaten' if kind == 'kab' else 'Kota'} {region}"
        fmt, encoding = _FORMAT_CYCLE[number % len(_FORMAT_CYCLE)]
        hours = int(rng.choice(_DURATION_HOURS))
        day = _FIRST_DAY + pd.Timedelta(days=int(rng.integers(0, (_LAST_DAY - _FIRST_DAY).days)))
        n_officers = int(rng.integers(30, 121))
        short = int(rng.integers(1, 11)) if rng.random() < 0.3 else 0
        rings = 4 if number % 7 == 5 else 2 if number % 11 == 9 else 3
        rows.append(
            {
                "event_id": f"{kind}-{region.lower().replace(' ', '-')}-2024",
                "name": "Rapat Pleno Terbuka Rekapitulasi Hasil Penghitungan Perolehan Suara "
                f"Pemilu 2024 Tingkat {title}" + (f", Provinsi {province}" if number > 26 else ""),
                "venue": f"Kantor KPU {title}",
                "seed": int(seeds[number]),
                "start": f"{day:%Y-%m-%d}T{int(rng.choice([7, 8])):02d}:00",
                "days": hours / 24,
                "n_officers": n_officers,
                "planned_personnel": n_officers + short,
                "rings": rings,
                "ring_order": "outside_in" if number % 5 == 2 else "inside_out",
                "shift_hours": 12 if number % 6 == 4 else 8,
                "n_risks": 8 + hours // 8 + int(rng.integers(0, 5)),
                "timezone": _ZONE_ALIASES[zone] if number % 9 == 6 else zone,
                "format": fmt,
                "encoding": encoding,
                "ring_labels": _RING_LABEL_CYCLE[number % len(_RING_LABEL_CYCLE)],
                "date_style": "dayfirst" if number % 3 == 1 else "iso",
                "province": province,
            }
        )
    return pd.DataFrame(rows, columns=list(_PLAN_COLUMNS))


def national_regions() -> list[tuple[str, str, str]]:
    """Indonesia's 514 regions in plan order: ``(kind, province, zone)`` each.

    Jawa Barat's 27 come first: :data:`~sra_analysis.sample.vocabulary.WEST_JAVA_REGIONS`
    and one stand-in regency for Purwakarta, which the hand-written sample covers. The other
    provinces follow in turns: the first region of each in
    :data:`~sra_analysis.sample.vocabulary.PROVINCES` order, then the second of each that has
    one, and so on. Within a province the cities (``kota``) are spread evenly among the
    regencies (``kab``).

    Examples
    --------
    >>> regions = national_regions()
    >>> len(regions), sum(kind == "kota" for kind, _, _ in regions)
    (514, 98)
    >>> regions[27], regions[64]
    (('kab', 'Aceh', 'Asia/Jakarta'), ('kab', 'Aceh', 'Asia/Jakarta'))
    """
    west_java = [(kind, "Jawa Barat", "Asia/Jakarta") for kind, _ in vocab.WEST_JAVA_REGIONS]
    slots = []
    for order, (province, zone, regencies, cities) in enumerate(vocab.PROVINCES[1:], start=1):
        size = regencies + cities
        for slot in range(size):
            is_city = (slot + 1) * cities // size > slot * cities // size
            slots.append((slot, order, ("kota" if is_city else "kab", province, zone)))
    return [*west_java, ("kab", "Jawa Barat", "Asia/Jakarta")] + [
        region for *_, region in sorted(slots)
    ]
    return [region for *_, region in sorted(slots)]


def generate_province(
    out_dir: str | Path,
    *,
    n_events: int = 26,
    seed: int = 2024,
    planted_rollup: bool | ProvinceTruth = False,
) -> list[Path]:
    """Generate and write the events of :func:`province_plan` into ``out_dir/<event id>/``.

    Parameters
    ----------
    out_dir : str or Path
        Parent folder; created when missing. Other folders in it are left alone.
    n_events : int
        Number of events.
    seed : int
        Same seed, same bytes.
    planted_rollup : bool or ProvinceTruth, default False
        Make the events from one province-wide truth for checking the roll-up
        (:mod:`sra_analysis.sample.province_truth`): ``True`` for the default
        :class:`~sra_analysis.sample.province_truth.ProvinceTruth`, or one of your own.
        Also writes ``out_dir/province_truth.json``; each event's ``ground_truth.json``
        gains ``planted.rollup`` (its role and volume factor). The plan (names, sizes,
        rosters, file variants) is the same as without it; registers and incidents differ.

    Returns
    -------
    list of Path
        The event folders, in plan order.

    Examples
    --------
    >>> import tempfile
    >>> folders = generate_province(tempfile.mkdtemp(), n_events=2, seed=5)
    >>> [folder.name for folder in folders]
    ['kab-bogor-2024', 'kab-sukabumi-2024']
    >>> sorted(path.name for path in folders[1].iterdir())
    ['event.yaml', 'ground_truth.json', 'incidents.csv', 'risk_register.csv', 'staffing.csv']
    """
    out = Path(out_dir)
    plan_table = province_plan(n_events=n_events, seed=seed)
    province = factors = None
    if planted_rollup is True:
        planted_rollup = ProvinceTruth()
    if isinstance(planted_rollup, ProvinceTruth):
        province = planted_rollup.with_outliers(plan_table)
        factors = province.event_factors(plan_table["event_id"].tolist(), seed=seed)
    elif planted_rollup is not False:
        raise ParameterError(
            f"planted_rollup must be True, False or a ProvinceTruth, got {planted_rollup!r}"
        )
    folders = []
    for plan in plan_table.to_dict("records"):
        truth = DEFAULT_GROUND_TRUTH
        if province is not None:
            role = province.role(plan["event_id"])
            truth = province.ground_truth(role, event_factor=factors[plan["event_id"]])
        event = generate_event(
            seed=plan["seed"], event_id=plan["event_id"], name=plan["name"], venue=plan["venue"],
            days=plan["days"], n_officers=plan["n_officers"], rings=plan["rings"],
            ring_order=plan["ring_order"], n_risks=plan["n_risks"],
            shift_hours=plan["shift_hours"], timezone=plan["timezone"], start=plan["start"],
            planned_personnel=plan["planned_personnel"], ground_truth=truth,
        )  # fmt: skip
        if province is not None:
            rollup = {"role": role, "event_factor": factors[plan["event_id"]],
                      "province_truth": PROVINCE_TRUTH_FILE}  # fmt: skip
            event = dataclasses.replace(event, planted={**event.planted, "rollup": rollup})
        folders.append(
            write_event(
                event,
                out / plan["event_id"],
                format=_MIXED if plan["format"] == "mixed" else plan["format"],
                ring_labels=plan["ring_labels"],
                date_style=plan["date_style"],
                encoding=plan["encoding"],
            )
        )
    if province is not None:
        _write_province_truth(out, province, factors, seed=seed)
    return folders


def _write_province_truth(
    out: Path, province: ProvinceTruth, factors: dict[str, float], *, seed: int
) -> Path:
    body = {
        "province_truth": province.to_dict(),
        "seed": int(seed),
        "events": [
            {"event_id": event_id, "role": province.role(event_id), "event_factor": factor}
            for event_id, factor in factors.items()
        ],
    }
    path = out / PROVINCE_TRUTH_FILE
    text = json.dumps(body, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def sample_command(out: str, events: int, seed: int, *, planted_rollup: bool = False) -> int:
    """``sra-review sample OUT --events N --seed S [--planted-rollup]``: write N synthetic
    events into OUT (with ``planted_rollup``, from one province-wide truth).

    Returns the exit status: 0 on success, 2 when the arguments are refused.

    Examples
    --------
    >>> import tempfile
    >>> sample_command(tempfile.mkdtemp(), 1, 2024)  # doctest: +ELLIPSIS
    wrote 1 synthetic event to ...
    0
    """
    try:
        folders = generate_province(out, n_events=events, seed=seed, planted_rollup=planted_rollup)
    except SRAError as error:
        print(f"sra-review sample: {error}", file=sys.stderr)
        return 2
    print(t("cli.sample_written", "en", count=len(folders), out=out))
    if planted_rollup:
        print(f"the planted truth is in {Path(out) / PROVINCE_TRUTH_FILE}")
    return 0
