"""Shared fixtures: the bundled sample event, event.yaml builders, a seeded random generator."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import yaml

from sra_analysis.event import EventMeta, read_event_meta
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
