"""Shared fixtures: the bundled sample event, event.yaml builders, a seeded random generator."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import yaml

from sra_analysis.event import EventMeta
from sra_analysis.event_config import read_event_meta
from sra_analysis.io import load_event
from sra_analysis.resources import sample_dir

#: The hand-checked sample event every loader test can lean on.
SAMPLE_EVENT = sample_dir() / "purwakarta-2024"

#: A small, valid event.yaml (as a mapping). Times are local to Asia/Jakarta (WIB).
BASE_EVENT_CONFIG: dict = {
    "id": "test-event",
    "name": "Test plenary",
    "venue": "Test venue",
    "timezone": "Asia/Jakarta",
    "start": "2024-03-01T07:00",
    "end": "2024-03-03T23:00",
    "planned_personnel": 50,
    "rings": [
        {
            "id": "1",
            "name": "Outside the fence",
            "name_id": "Luar pagar",
            "aliases": ["ring i", "outer"],
        },
        {"id": "2", "name": "Inside the building", "name_id": "Dalam gedung"},
        {"id": "3", "name": "Plenary room", "name_id": "Ruang pleno", "aliases": ["plenary"]},
    ],
}


@pytest.fixture
def rng() -> np.random.Generator:
    """A seeded generator: tests that draw random data draw the same data every run."""
    return np.random.default_rng(20240301)


@pytest.fixture(scope="session")
def sample_meta() -> EventMeta:
    return read_event_meta(SAMPLE_EVENT)


@pytest.fixture(scope="session")
def sample_event():
    return load_event(SAMPLE_EVENT)


def event_config(**changes) -> dict:
    """A deep copy of :data:`BASE_EVENT_CONFIG` with top-level keys changed (None deletes)."""
    config = copy.deepcopy(BASE_EVENT_CONFIG)
    for key, value in changes.items():
        if value is None:
            config.pop(key, None)
        else:
            config[key] = value
    return config


def write_event_yaml(folder: Path, config: dict) -> Path:
    """Write ``config`` as ``folder/event.yaml`` and return the file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "event.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def write_event() -> Callable[..., Path]:
    """``write_event(folder, **changes)`` writes an event.yaml (see :func:`event_config`)."""

    def write(folder: Path, **changes) -> Path:
        return write_event_yaml(folder, event_config(**changes))

    return write


@pytest.fixture
def make_meta(tmp_path: Path) -> Callable[..., EventMeta]:
    """Build an EventMeta from :data:`BASE_EVENT_CONFIG` with changes, through event.yaml."""
    counter = iter(range(1_000_000))

    def make(**changes) -> EventMeta:
        folder = tmp_path / f"event-{next(counter)}"
        return read_event_meta(write_event_yaml(folder, event_config(**changes)))

    return make


@pytest.fixture
def base_meta(make_meta) -> EventMeta:
    """The event of :data:`BASE_EVENT_CONFIG` (1 March 07:00 – 3 March 23:00 WIB, rings 1–3)."""
    return make_meta()


@pytest.fixture(scope="session")
def base_meta_session(tmp_path_factory) -> EventMeta:
    """:func:`base_meta`, once per session: for hypothesis tests, which refuse
    function-scoped fixtures."""
    return read_event_meta(write_event_yaml(tmp_path_factory.mktemp("event"), event_config()))


# ----------------------------------------------------------------------------- hand-made events
# Appended for the engine tests (staffing, windows, evaluate, findings): an event folder written
# from a few literal rows, then read back through load_event like any field office's files.

#: The contract columns of each input file (DESIGN §2), written in this order.
EVENT_FILE_COLUMNS: dict[str, tuple[str, ...]] = {
    "incidents": (
        "incident_id", "reported_at", "ring", "category", "severity", "disrupted_proceedings",
        "occurred_from", "occurred_to", "responded_at", "resolved_at", "risk_id", "description",
    ),
    "staffing": ("officer_id", "ring", "shift_start", "shift_end", "unit", "role"),
    "risk_register": (
        "risk_id", "threat", "ring", "likelihood", "impact", "window_start", "window_end",
        "probability", "planned_personnel", "mitigation",
    ),
}  # fmt: skip


def write_event_folder(folder: Path, *, incidents=(), staffing=(), risks=(), **changes) -> Path:
    """Write ``event.yaml`` (:func:`event_config` with ``changes``) and the three CSV files.

    ``incidents``, ``staffing`` and ``risks`` are sequences of dicts keyed by contract column;
    absent keys are written blank. Times are text local to the event (``"2024-03-01 07:00"``).
    """
    import pandas as pd

    write_event_yaml(folder, event_config(**changes))
    for kind, rows in (("incidents", incidents), ("staffing", staffing), ("risk_register", risks)):
        columns = EVENT_FILE_COLUMNS[kind]
        frame = pd.DataFrame(
            [{c: row.get(c, "") for c in columns} for row in rows], columns=columns
        )
        frame.to_csv(folder / f"{kind}.csv", index=False)
    return folder


@pytest.fixture
def build_event(tmp_path: Path) -> Callable[..., object]:
    """``build_event(incidents=[...], staffing=[...], risks=[...], **yaml_changes) -> Event``."""
    counter = iter(range(1_000_000))

    def build(*, incidents=(), staffing=(), risks=(), **changes):
        folder = tmp_path / f"built-{next(counter)}"
        write_event_folder(folder, incidents=incidents, staffing=staffing, risks=risks, **changes)
        return load_event(folder)

    return build


#: Three sample events whose reports a roll-up pools (a fourth, broken one FAILS).
ROLLUP_EVENTS = ("purwakarta-2024", "kota-bogor-2024", "kab-garut-2024")


@pytest.fixture(scope="session")
def rollup_batch(tmp_path_factory):
    """A batch's output folder: the reports of :data:`ROLLUP_EVENTS` and one FAILED report
    (kota-depok-2024 without its incident log)."""
    import shutil

    from sra_analysis import run_reports
    from sra_analysis.resources import sample_dir

    root = tmp_path_factory.mktemp("rollup-events")
    folders = [shutil.copytree(sample_dir() / name, root / name) for name in ROLLUP_EVENTS]
    broken = shutil.copytree(sample_dir() / "kota-depok-2024", root / "kota-depok-2024")
    for file in broken.glob("incidents.*"):
        file.unlink()
    out = tmp_path_factory.mktemp("rollup-out")
    batch = run_reports([*folders, broken], out, progress=False, parameters={"n_resamples": 0})
    assert [r.ok for r in batch.results] == [True, True, True, False]
    return out


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's), one per test module; the test is skipped without it."""
    from _browser import CHROMIUM, LAUNCH_ARGS, chromium_or_skip

    sync_playwright = chromium_or_skip()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()
