"""Tests of sra_analysis.sample: determinism, the data contract and the planted truth."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import math
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from pandas.testing import assert_frame_equal
from scipy import stats

import sra_analysis.sample as sample
from sra_analysis import load_event
from sra_analysis.errors import ParameterError
from sra_analysis.sample import (
    INCIDENT_COLUMNS,
    RISK_REGISTER_COLUMNS,
    STAFFING_COLUMNS,
    GroundTruth,
    generate_event,
    generate_province,
    province_plan,
    sample_command,
    write_event,
)

SAMPLE_DATA = Path(sample.__file__).resolve().parents[1] / "sample_data"
FRAMES = ("incidents", "staffing", "risk_register")
VARIANTS = [  # (format, ring_labels, date_style, encoding)
    ("csv", "id", "iso", "utf-8"),
    ("csv_semicolon", "name", "dayfirst", "cp1252"),
    ("csv_tab", "alias", "iso", "utf-8-sig"),
    ("xlsx", "alias", "dayfirst", "utf-8"),
    ("parquet", "name", "iso", "utf-8"),
]


@pytest.fixture(scope="module")
def event():
    return generate_event(seed=42, days=3, n_officers=60, n_risks=14, ring_order="inside_out")


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _frames(event) -> dict[str, pd.DataFrame]:
    return {name: getattr(event, name) for name in FRAMES}


def _labels(meta: dict) -> dict[str, str]:
    """Every id, name and alias of the rings, mapped to the ring id."""
    labels = {}
    for ring in meta["rings"]:
        for label in (ring["id"], ring["name"], *ring["aliases"]):
            labels[label] = ring["id"]
    return labels


def _read_back(path: Path, *, date_style: str, encoding: str) -> pd.DataFrame:
    """Read a written file as text, the way a careful loader would."""
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    if path.suffix == ".xlsx":
        return pd.read_excel(path, dtype={"officer_id": str, "ring": str})
    text = path.read_bytes().decode(encoding)
    sep = ";" if text.splitlines()[0].count(";") else "\t" if "\t" in text[:200] else ","
    frame = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding=encoding)
    fmt = "%d/%m/%Y %H:%M" if date_style == "dayfirst" else "%Y-%m-%d %H:%M"
    for column in frame.columns:
        if column.endswith(("_at", "_from", "_to", "_start", "_end")):
            frame[column] = pd.to_datetime(frame[column].replace("", None), format=fmt)
    if "probability" in frame:
        frame["probability"] = frame["probability"].str.replace(",", ".").astype(float)
    return frame


# ----------------------------------------------------------------------------- determinism


def test_same_seed_gives_identical_frames():
    first = generate_event(seed=7, days=2, n_officers=45, n_risks=10)
    second = generate_event(seed=7, days=2, n_officers=45, n_risks=10)
    for name in (*FRAMES, "planted_windows"):
        assert_frame_equal(getattr(first, name), getattr(second, name))
    assert first.meta == second.meta
    assert first.planted == second.planted


def test_different_seed_gives_different_frames():
    first = generate_event(seed=7, days=2, n_officers=45, n_risks=10)
    second = generate_event(seed=8, days=2, n_officers=45, n_risks=10)
    for name in FRAMES:
        assert not getattr(first, name).equals(getattr(second, name))


def test_same_event_and_options_give_byte_identical_files(event, tmp_path):
    mixed = {"incidents": "xlsx", "staffing": "csv_semicolon", "risk_register": "parquet"}
    options = [dict(format=f, ring_labels=r, date_style=d, encoding=e) for f, r, d, e in VARIANTS]
    options.append(dict(format=mixed, ring_labels="alias", date_style="dayfirst"))
    for run in ("a", "b"):
        again = generate_event(seed=42, days=3, n_officers=60, n_risks=14, ring_order="inside_out")
        for number, option in enumerate(options):
            write_event(again, tmp_path / run / str(number), **option)
        if run == "a":
            time.sleep(2.1)  # zip entries carry 2-second timestamps; xlsx must not
    for number in range(len(options)):
        first, second = tmp_path / "a" / str(number), tmp_path / "b" / str(number)
        assert _digests(first) == _digests(second), options[number]


# ----------------------------------------------------------------------------- contract


def test_frames_have_contract_columns_and_dtypes(event):
    assert tuple(event.incidents.columns) == INCIDENT_COLUMNS
    assert tuple(event.staffing.columns) == STAFFING_COLUMNS
    assert tuple(event.risk_register.columns) == RISK_REGISTER_COLUMNS
    times = {
        "incidents": ["reported_at", "occurred_from", "occurred_to", "responded_at", "resolved_at"],
        "staffing": ["shift_start", "shift_end"],
        "risk_register": ["window_start", "window_end"],
    }
    integers = {
        "incidents": ["severity"],
        "staffing": [],
        "risk_register": ["likelihood", "impact", "planned_personnel"],
    }
    for name, frame in _frames(event).items():
        for column in frame.columns:
            dtype = frame[column].dtype
            if column in times[name]:
                assert isinstance(dtype, pd.DatetimeTZDtype), (name, column)
                assert str(dtype.tz) == "Asia/Jakarta"
            elif column in integers[name]:
                assert dtype == np.int64, (name, column)
            elif column == "disrupted_proceedings":
                assert pd.api.types.is_bool_dtype(dtype)
            elif column == "probability":
                assert dtype == np.float64
            else:
                assert pd.api.types.is_string_dtype(dtype), (name, column, dtype)


@pytest.mark.parametrize(
    "options",
    [
        dict(seed=1),
        dict(seed=2, days=4, n_officers=120, rings=4, ring_order="inside_out", n_risks=30),
        dict(seed=3, days=1.5, n_officers=30, rings=2, shift_hours=12, timezone="WIB"),
        dict(seed=4, days=2, n_officers=40, n_risks=0, start="2024-02-27T08:30"),
    ],
)
def test_every_row_is_valid_by_the_contract(options):
    event = generate_event(**options)
    meta = event.meta
    start = pd.Timestamp(meta["start"]).tz_localize("Asia/Jakarta")
    end = pd.Timestamp(meta["end"]).tz_localize("Asia/Jakarta")
    ring_ids = {ring["id"] for ring in meta["rings"]}
    assert [ring["id"] for ring in meta["rings"]] == [str(i + 1) for i in range(len(ring_ids))]

    incidents, staffing, register = event.incidents, event.staffing, event.risk_register
    assert incidents["incident_id"].is_unique and register["risk_id"].is_unique
    assert incidents["severity"].between(1, 5).all()
    assert set(incidents["ring"]) <= ring_ids
    assert set(incidents["risk_id"].dropna()) <= set(register["risk_id"])
    assert incidents["category"].str.fullmatch(r"[a-z_]+").all()
    assert (incidents["description"].str.len() > 10).all()
    for column in ("reported_at", "occurred_from", "occurred_to", "responded_at", "resolved_at"):
        values = incidents[column].dropna()
        assert values.between(start, end).all(), column
    assert (incidents["responded_at"] >= incidents["reported_at"]).all()
    resolved = incidents["resolved_at"].notna()
    assert (incidents.loc[resolved, "resolved_at"] >= incidents.loc[resolved, "responded_at"]).all()
    span = incidents["occurred_from"].notna()
    assert span.equals(incidents["occurred_to"].notna())
    assert (incidents.loc[span, "occurred_from"] <= incidents.loc[span, "occurred_to"]).all()
    assert (incidents.loc[span, "occurred_to"] <= incidents.loc[span, "reported_at"]).all()

    assert set(staffing["ring"]) <= ring_ids
    length = staffing["shift_end"] - staffing["shift_start"]
    assert (length > pd.Timedelta(0)).all() and (length <= pd.Timedelta(hours=24)).all()
    assert staffing["shift_start"].between(start, end).all()
    assert staffing["shift_end"].between(start, end).all()
    assert staffing["officer_id"].str.fullmatch(r"\d{8}").all()
    ordered = staffing.sort_values(["officer_id", "shift_start"])
    same = ordered["officer_id"].eq(ordered["officer_id"].shift())
    assert (ordered["shift_start"][same] >= ordered["shift_end"].shift()[same]).all()

    assert set(register["ring"]) <= ring_ids | {"all"}
    assert register["likelihood"].between(1, 5).all() and register["impact"].between(1, 5).all()
    assert register["probability"].between(0, 1, inclusive="neither").all()
    assert (register["planned_personnel"] >= 1).all()
    window = register["window_start"].notna()
    assert window.equals(register["window_end"].notna())
    assert (register.loc[window, "window_start"] < register.loc[window, "window_end"]).all()
    assert register.loc[window, "window_start"].between(start, end).all()
    assert register.loc[window, "window_end"].between(start, end).all()


def test_ring_numbering_follows_ring_order():
    outside_in = generate_event(seed=1, days=1, ring_order="outside_in").meta["rings"]
    inside_out = generate_event(seed=1, days=1, ring_order="inside_out").meta["rings"]
    assert outside_in[0]["name"] == "Outside the fence" and outside_in[0]["id"] == "1"
    assert inside_out[0]["name"] == "Plenary room" and inside_out[0]["id"] == "1"
    assert inside_out[0]["aliases"][0] == "ring i"


def test_officer_ids_keep_leading_zeros(tmp_path):
    event = generate_event(seed=5, days=2, n_officers=200)
    assert event.staffing["officer_id"].str.startswith("0").any()
    write_event(event, tmp_path)
    text = pd.read_csv(tmp_path / "staffing.csv", dtype=str, keep_default_na=False)
    assert text["officer_id"].tolist() == event.staffing["officer_id"].tolist()


@pytest.mark.parametrize(("fmt", "ring_labels", "date_style", "encoding"), VARIANTS)
def test_written_files_read_back_to_the_frames(
    event, tmp_path, fmt, ring_labels, date_style, encoding
):
    folder = write_event(
        event, tmp_path, format=fmt, ring_labels=ring_labels, date_style=date_style,
        encoding=encoding,
    )  # fmt: skip
    labels = _labels(event.meta)
    for name, frame in _frames(event).items():
        (path,) = folder.glob(f"{name}.*")
        back = _read_back(path, date_style=date_style, encoding=encoding)
        assert list(back.columns) == list(frame.columns)
        assert len(back) == len(frame)
        rings = back["ring"].astype(str)
        assert set(rings) <= set(labels) | {"all"}
        if ring_labels != "id":
            assert not set(rings) & (set(frame["ring"]) - {"all"})
        if ring_labels == "alias":
            assert rings.nunique() > frame["ring"].nunique()
        assert rings.map(lambda label: labels.get(label, label)).tolist() == frame["ring"].tolist()
        for column in frame.columns:
            if isinstance(frame[column].dtype, pd.DatetimeTZDtype):
                expected = frame[column].dt.tz_convert("Asia/Jakarta").dt.tz_localize(None)
                got = back[column]
                if isinstance(got.dtype, pd.DatetimeTZDtype):
                    got = got.dt.tz_convert("Asia/Jakarta").dt.tz_localize(None)
                assert (got.isna() == expected.isna()).all(), column
                assert (got[expected.notna()] == expected[expected.notna()]).all(), column
        if name == "risk_register":
            assert np.allclose(back["probability"].astype(float), frame["probability"])
        if name == "incidents":
            assert back["description"].tolist() == frame["description"].tolist()


def test_semicolon_csv_uses_decimal_comma_and_cp1252(tmp_path):
    event = generate_event(seed=9, days=4, n_officers=80, n_risks=20)
    write_event(event, tmp_path, format="csv_semicolon", encoding="cp1252")
    register = (tmp_path / "risk_register.csv").read_text(encoding="cp1252")
    assert register.splitlines()[1].split(";")[7].startswith("0,")
    raw = b"".join((tmp_path / f"{name}.csv").read_bytes() for name in FRAMES)
    assert "±".encode("cp1252") in raw or "–".encode("cp1252") in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def test_event_yaml_and_ground_truth_json(event, tmp_path):
    write_event(event, tmp_path, format="parquet")
    meta = yaml.safe_load((tmp_path / "event.yaml").read_text(encoding="utf-8"))
    assert meta == event.meta
    truth = json.loads((tmp_path / "ground_truth.json").read_text(encoding="utf-8"))
    assert truth["ground_truth"] == json.loads(json.dumps(event.ground_truth.to_dict()))
    assert truth["planted"]["incidents"] == len(event.incidents)
    assert truth["files"]["staffing"] == "staffing.parquet"


def test_write_event_replaces_old_data_files(event, tmp_path):
    write_event(event, tmp_path, format="csv")
    write_event(event, tmp_path, format="xlsx")
    assert sorted(p.name for p in tmp_path.glob("incidents.*")) == ["incidents.xlsx"]


def test_xlsx_text_that_would_run_or_show_reversed_stays_inert(event, tmp_path):
    from _workbooks import not_inert

    incidents = event.incidents.copy()
    hostile = ["=HYPERLINK(1)", "+62 811", "-ring", "@SUM(1)", "Massa \u202eAPUS\u202c\x00"]
    incidents.loc[incidents.index[: len(hostile)], "description"] = hostile
    write_event(dataclasses.replace(event, incidents=incidents), tmp_path, format="xlsx")
    assert not_inert(tmp_path / "incidents.xlsx") == []
    loaded = load_event(tmp_path).incidents.set_index("incident_id")["description"]
    ids = incidents["incident_id"].iloc[: len(hostile)]
    assert loaded[ids].tolist() == [*hostile[:4], "Massa APUS\ufffd"]


def test_write_event_does_not_mutate_the_event(event, tmp_path):
    before = {name: frame.copy(deep=True) for name, frame in _frames(event).items()}
    meta, planted = copy.deepcopy(event.meta), copy.deepcopy(event.planted)
    for number, (fmt, ring_labels, date_style, encoding) in enumerate(VARIANTS):
        write_event(
            event, tmp_path / str(number), format=fmt, ring_labels=ring_labels,
            date_style=date_style, encoding=encoding,
        )  # fmt: skip
    for name, frame in _frames(event).items():
        assert_frame_equal(frame, before[name])
    assert event.meta == meta and event.planted == planted


def test_bad_arguments_are_refused_with_the_argument_named(event, tmp_path):
    with pytest.raises(ParameterError, match="ring_order must be one of"):
        generate_event(seed=1, ring_order="sideways")
    with pytest.raises(ParameterError, match="shift_hours must divide 24"):
        generate_event(seed=1, shift_hours=5)
    with pytest.raises(ParameterError, match="event_id must be a slug"):
        generate_event(seed=1, event_id="Kab Bogor")
    with pytest.raises(ParameterError, match="n_officers must be at least"):
        generate_event(seed=1, n_officers=5)
    with pytest.raises(ParameterError, match="format of incidents must be one of"):
        write_event(event, tmp_path, format="json")
    with pytest.raises(ParameterError, match="date_style must be one of"):
        write_event(event, tmp_path, date_style="us")
    with pytest.raises(ParameterError, match="disruption_probability"):
        GroundTruth(disruption_probability=(0.1, 0.2))


# ----------------------------------------------------------------------------- planted truth


def test_planted_truth_is_visible_in_a_large_event():
    truth = GroundTruth()
    event = generate_event(seed=10, days=365, n_officers=60, n_risks=1500)
    meta = event.meta
    start = pd.Timestamp(meta["start"]).tz_localize("Asia/Jakarta")
    hours = int((pd.Timestamp(meta["end"]) - pd.Timestamp(meta["start"])) / pd.Timedelta("1h"))
    rings = [ring["id"] for ring in meta["rings"]]
    position = {ring: index for index, ring in enumerate(rings)}

    def hour_of(times: pd.Series) -> np.ndarray:
        return ((times - start) / pd.Timedelta("1h")).to_numpy()

    # Predicted score per ring-hour: a plain loop over register rows.
    score = np.zeros((len(rings), hours), dtype=int)
    register = event.risk_register
    first = np.floor(hour_of(register["window_start"].fillna(start))).astype(int)
    last = np.ceil(hour_of(register["window_end"].fillna(start + pd.Timedelta(hours=hours))))
    for row, item in enumerate(register.itertuples()):
        covered = range(len(rings)) if item.ring == "all" else [position[item.ring]]
        for ring in covered:
            block = score[ring, first[row] : int(last[row])]
            np.maximum(block, item.likelihood * item.impact, out=block)
    level = np.zeros(score.shape, dtype=int)  # 0 = "none"
    for index, (low, high) in enumerate(meta["risk_levels"].values(), start=1):
        level[(score >= low) & (score <= high)] = index

    # Mean headcount per ring-hour: a plain loop over shifts.
    staff = np.zeros((len(rings), hours))
    shift_from, shift_to = (
        hour_of(event.staffing["shift_start"]),
        hour_of(event.staffing["shift_end"]),
    )
    for ring, begin, finish in zip(event.staffing["ring"], shift_from, shift_to, strict=True):
        for hour in range(int(begin), math.ceil(finish)):
            staff[position[ring], hour] += min(finish, hour + 1) - max(begin, hour)
    planned = np.array([event.planted["planned_on_duty"][ring] for ring in rings])
    ratio = np.clip(staff / planned[:, None], *truth.staffing_ratio_bounds)

    counts = np.zeros((len(rings), hours), dtype=int)
    incident_hour = np.floor(hour_of(event.incidents["reported_at"])).astype(int)
    incident_ring = event.incidents["ring"].map(position).to_numpy()
    np.add.at(counts, (incident_ring, incident_hour), 1)

    rates = np.array([truth.rate_by_level[name] for name in sample.LEVEL_NAMES])
    seen = []
    for index, name in enumerate(sample.LEVEL_NAMES):
        cells = level == index
        if cells.sum() < 1500:
            continue
        observed = counts[cells].sum()
        expected = (rates[index] * ratio[cells] ** -truth.staffing_elasticity).sum()
        assert abs(observed - expected) < 4 * math.sqrt(expected), name
        raw_rate = observed / cells.sum()
        assert raw_rate == pytest.approx(rates[index], rel=0.3), name
        seen.append(raw_rate)
    assert len(seen) >= 4, "the test event must expose most levels"
    assert seen == sorted(seen), "empirical rate must increase with the predicted level"

    # Staffing elasticity by Poisson maximum likelihood, base rates known: solve the score
    # equation sum((y - mu(e)) * log(ratio)) = 0 by bisection.
    base, log_ratio, y = rates[level].ravel(), np.log(ratio).ravel(), counts.ravel()
    low, high = -2.0, 3.0
    for _ in range(60):
        middle = (low + high) / 2
        gradient = ((y - base * np.exp(-middle * log_ratio)) * -log_ratio).sum()
        low, high = (middle, high) if gradient > 0 else (low, middle)
    assert low == pytest.approx(truth.staffing_elasticity, abs=0.2)

    # Disruption given severity, and the unanticipated share in covered ring-hours.
    incidents = event.incidents
    for severity in (3, 4, 5):
        chosen = incidents["severity"] == severity
        share = incidents.loc[chosen, "disrupted_proceedings"].mean()
        tolerance = 4 * math.sqrt(0.25 / chosen.sum())
        assert abs(share - truth.disruption_probability[severity - 1]) < tolerance
    covered = score[incident_ring, incident_hour] > 0
    blank = incidents["risk_id"].isna().to_numpy()
    assert blank[covered].mean() == pytest.approx(truth.unanticipated_share, abs=0.03)
    assert blank[~covered].all()


def test_planted_windows_match_the_frames():
    event = generate_event(seed=12, days=2, n_officers=50, n_risks=12)
    windows = event.planted_windows
    assert len(windows) == 3 * 48
    assert windows["incidents"].sum() == len(event.incidents)
    assert windows["predicted_level"].cat.ordered
    hours = (
        (event.staffing["shift_end"] - event.staffing["shift_start"]) / pd.Timedelta("1h")
    ).sum()
    assert windows["mean_staff"].sum() == pytest.approx(hours)


def test_n_incidents_fixes_the_total():
    event = generate_event(seed=4, days=2, n_incidents=250)
    assert len(event.incidents) == 250
    assert event.planted["expected_incidents"] == pytest.approx(250)


def test_a_large_event_has_the_sizes_asked_for():
    # how long it takes is measured by benchmarks/bench_charts.py (generation), not here
    event = generate_event(
        seed=1, days=30, n_officers=5000, n_risks=1000, n_incidents=10_000, rings=3
    )
    assert len(event.staffing) >= 90_000
    assert len(event.incidents) == 10_000 and len(event.risk_register) == 1000


# ----------------------------------------------------------------------------- province


def test_generate_province_names_and_variants(tmp_path):
    folders = generate_province(tmp_path, n_events=28, seed=7)
    ids = [folder.name for folder in folders]
    assert len(set(ids)) == 28
    assert ids[:2] == ["kab-bogor-2024", "kab-sukabumi-2024"]
    assert "kota-bandung-2024" in ids and "kab-bandung-barat-2024" in ids
    assert ids[26:] == ["kab-contoh-027-2024", "kab-contoh-028-2024"]
    plan = province_plan(n_events=28, seed=7)
    assert plan["n_officers"].between(30, 120).all() and plan["days"].between(1, 4).all()
    starts = pd.to_datetime(plan["start"])
    assert starts.between("2024-02-24", "2024-03-08").all()
    assert {"csv", "csv_semicolon", "csv_tab", "xlsx", "parquet", "mixed"} <= set(plan["format"])
    assert {"inside_out", "outside_in"} == set(plan["ring_order"])
    assert {"id", "name", "alias"} == set(plan["ring_labels"])
    assert {"iso", "dayfirst"} == set(plan["date_style"])
    assert "cp1252" in set(plan["encoding"])
    for folder in folders:
        meta = yaml.safe_load((folder / "event.yaml").read_text(encoding="utf-8"))
        assert meta["id"] == folder.name and meta["venue"].startswith("Kantor KPU")
        assert {p.stem for p in folder.iterdir() if p.suffix != ".yaml"} >= {*FRAMES}


def test_sample_command(tmp_path, capsys):
    assert sample_command(str(tmp_path), 2, 11) == 0
    assert "wrote 2 synthetic events" in capsys.readouterr().out
    assert sample_command(str(tmp_path), -1, 11) == 2


def test_bundled_sample_is_what_the_generator_writes(tmp_path):
    plan = province_plan(n_events=26, seed=2024)
    generate_province(tmp_path, n_events=26, seed=2024)
    size = 0
    for event_id in plan["event_id"]:
        bundled, fresh = SAMPLE_DATA / event_id, tmp_path / event_id
        assert sorted(p.name for p in bundled.iterdir()) == sorted(p.name for p in fresh.iterdir())
        for path in bundled.iterdir():
            size += path.stat().st_size
            if path.suffix in (".csv", ".yaml", ".json"):
                assert path.read_bytes() == (fresh / path.name).read_bytes(), path
    assert size <= 4 * 1024 * 1024


# ----------------------------------------------------------------------------- templates

TEMPLATE = {"none": 2, "low": 4, "medium": 12, "high": 4, "extreme": 2}


def test_template_register_rates_each_ring_day_as_the_template(tmp_path):
    truth = GroundTruth(level_hours=TEMPLATE)
    event = generate_event(seed=3, days=40 / 24, rings=3, ground_truth=truth)
    windows = event.planted_windows
    for ring, part in windows.groupby("ring", observed=True):
        codes = part["predicted_level"].cat.codes.to_numpy()
        # a whole day gets the template; the last 16 hours 16/24 of it, (1.33, 2.67, 8,
        # 2.67, 1.33) hours, rounded by largest remainder to (1, 3, 8, 3, 1)
        assert np.bincount(codes[:24], minlength=5).tolist() == [2, 4, 12, 4, 2], ring
        assert np.bincount(codes[24:], minlength=5).tolist() == [1, 3, 8, 3, 1], ring
    # one item per block of one level: items of a ring never overlap, "none" is uncovered
    register = event.risk_register
    assert event.planted["register_items_from_template"] == len(register)
    assert (register["ring"] != "all").all() and register["window_start"].notna().all()
    for _, items in register.groupby("ring"):
        items = items.sort_values("window_start")
        assert (items["window_start"].iloc[1:].to_numpy() >= items["window_end"].iloc[:-1]).all()
    covered = windows.merge(
        register.rename(columns={"window_start": "item_start"}), on="ring", how="left"
    )
    inside = (covered["window_start"] >= covered["item_start"]) & (
        covered["window_start"] < covered["window_end_y"]
    )
    per_window = inside.groupby([covered["ring"], covered["window_start"]]).sum()
    levels = windows.set_index(["ring", "window_start"])["predicted_level"]
    assert (per_window[levels.index].to_numpy() == (levels != "none").to_numpy()).all()
    # the loader and review see the planted levels
    from sra_analysis import load_event, review_windows

    folder = write_event(event, tmp_path / "template")
    reviewed = review_windows(load_event(folder))
    assert reviewed["predicted_level"].astype(str).tolist() == (
        windows["predicted_level"].astype(str).tolist()
    )


def test_missed_category_is_thinned_from_every_incident():
    # Every hour covered and no other incident left unanticipated: the planted category
    # is then exactly the incidents without a risk_id, Binomial(n, 0.2) of them.
    hours = {"none": 0, "low": 6, "medium": 10, "high": 6, "extreme": 2}
    truth = GroundTruth(
        level_hours=hours, unanticipated_share=0.0, missed_category="fire", missed_share=0.2
    )
    event = generate_event(seed=8, days=4, n_incidents=2000, ground_truth=truth)
    incidents = event.incidents
    n = len(incidents)
    fire = incidents["category"] == "fire"
    assert n == 2000
    assert (incidents["risk_id"].isna() == fire).all()
    low, high = stats.binom.interval(0.999, n, 0.2)
    assert low <= fire.sum() <= high
    assert set(incidents.loc[fire, "description"]) == set(
        sample.vocabulary.CATEGORY_DESCRIPTIONS["fire"]
    )
    assert truth.to_dict()["missed_category"] == "fire"
    assert "missed_category" not in GroundTruth().to_dict()  # older ground_truth.json unchanged


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"level_hours": {**TEMPLATE, "medium": 13}}, "summing to 24"),
        ({"level_hours": {"low": 24}}, "level_hours must give whole hours"),
        ({"level_hours": {**TEMPLATE, "low": 3.5, "medium": 12.5}}, "whole hours"),
        ({"missed_category": "crowd", "missed_share": 0.1}, "one no SRA threat names"),
        ({"missed_share": 0.1}, "missed_share needs a missed_category"),
        ({"missed_category": "drone", "missed_share": 1.5}, r"missed_share must lie in \[0, 1\]"),
    ],
)
def test_ground_truth_refuses_a_bad_template_or_missed_category(arguments, message):
    with pytest.raises(ParameterError, match=message):
        GroundTruth(**arguments)
