"""Tests of sra_analysis.io.load: whole event folders, the bundled samples and the messy twin."""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from sra_analysis.errors import EventConfigError, InputFileError
from sra_analysis.event import EventMeta
from sra_analysis.io import (
    find_event_dirs,
    find_input,
    load_event,
    load_incidents,
    load_risk_register,
    load_staffing,
    sha256_of,
)
from sra_analysis.resources import sample_dir, sample_events

SAMPLE_EVENT = sample_dir() / "purwakarta-2024"

TIME_COLUMNS = {
    "incidents": ["reported_at", "occurred_from", "occurred_to", "responded_at", "resolved_at"],
    "staffing": ["shift_start", "shift_end"],
    "risks": ["window_start", "window_end"],
}


# ------------------------------------------------------------------------ bundled samples


@pytest.mark.parametrize("folder", sample_events(), ids=lambda path: path.name)
def test_every_sample_event_loads_cleanly(folder):
    event = load_event(folder)
    assert event.rows_quarantined == 0
    for kind, quality in event.quality.items():
        assert quality.quarantined == 0, (kind, quality.issues)
        assert quality.rows_read == (
            quality.accepted + quality.quarantined + quality.blank + quality.duplicates
        )
    # a quiet event may have no incidents, but never no roster or no register
    assert event.quality["staffing"].accepted > 0
    assert event.quality["risk_register"].accepted > 0
    for table, columns in TIME_COLUMNS.items():
        frame = getattr(event, table)
        for column in columns:
            assert isinstance(frame[column].dtype, pd.DatetimeTZDtype), (table, column)
            assert str(frame[column].dt.tz) == event.meta.timezone, (table, column)
    for table in ("incidents", "staffing", "risks"):
        ring = getattr(event, table)["ring"]
        assert ring.notna().all()
        assert set(ring.astype(str)) <= {*event.meta.ring_ids, "all"}
    assert set(event.inputs) == {Path(event.meta.source).name} | {
        q.file for q in event.quality.values()
    }


def test_sample_events_include_purwakarta():
    assert SAMPLE_EVENT in sample_events()


def test_purwakarta_counts_and_inputs(sample_event):
    # incidents.csv: 36 lines = header + 35 incidents; staffing.csv 151; risk_register.csv 15
    assert [q.rows_read for q in sample_event.quality.values()] == [35, 150, 14]
    assert len(sample_event.incidents) == 35
    assert sample_event.inputs["incidents.csv"] == sha256_of(SAMPLE_EVENT / "incidents.csv")
    # the sample spells some rings by name: "Ring II" (row 4), "Ruang pleno" (row 16)
    incidents = sample_event.incidents.set_index("source_row")
    assert incidents.loc[4, "ring"] == "2"
    assert incidents.loc[16, "ring"] == "1"  # the plenary room is ring 1, numbered as Polri does


# -------------------------------------------------------------------------- the messy twin

_ROMAN = {1: "I", 2: "II", 3: "III"}

_MESSY_HEADERS = {
    "incidents": {
        "incident_id": "No Kejadian",
        "reported_at": "\u00a0Waktu\u00a0Laporan ",
        "ring": "ZONA",
        "category": "Kategori",
        "severity": "Tingkat\u00a0Keparahan",
        "disrupted_proceedings": "Mengganggu Pleno",
        "occurred_from": "Terjadi Dari",
        "occurred_to": "terjadi sampai",
        "responded_at": "Waktu Respon",
        "resolved_at": " WAKTU SELESAI",
        "risk_id": "ID Risiko",
        "description": "Uraian",
    },
    "staffing": {
        "officer_id": "NRP",
        "ring": "Zona",
        "shift_start": "Jam\u00a0Mulai",
        "shift_end": " JAM SELESAI ",
        "unit": "Satuan",
        "role": "Peran",
    },
    "risk_register": {
        "risk_id": "Kode Risiko",
        "threat": "Ancaman",
        "ring": "Lokasi Ring",
        "likelihood": "KEMUNGKINAN",
        "impact": "Dampak",
        "window_start": "Periode Mulai",
        "window_end": "Periode\u00a0Selesai",
        "probability": "Peluang",
        "planned_personnel": "Jumlah Personel",
        "mitigation": "Mitigasi",
        "categories": "Kategori Kejadian",
    },
}


def _contract_columns(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(
        columns=["source_row", "score", "level", "disrupted_by_rule", "category_text"],
        errors="ignore",
    )


def _blank(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _clean_cell(value) -> str:
    """The contract's plain spelling: ISO times, ids, true/false."""
    if _blank(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _messy_ring(ring_id: str, position: int, meta: EventMeta) -> str:
    """Names, Indonesian names, roman numerals and aliases, in turn; never the id."""
    if ring_id == "all":
        return ("Semua", "ALL")[position % 2]
    ring = meta.ring(ring_id)
    spellings = [ring.name.upper(), ring.name_id, f"Ring {_ROMAN[int(ring_id)]}", *ring.aliases]
    spellings = [s for s in spellings if s]
    return spellings[position % len(spellings)]


def _messy_time(stamp: pd.Timestamp, position: int) -> str:
    """Day-first with HH.MM; every third one written in WITA (one hour ahead of WIB)."""
    if position % 3 == 2:
        return (stamp + pd.Timedelta(hours=1)).strftime("%d-%m-%Y %H.%M") + " WITA"
    if position % 3 == 1:
        return stamp.strftime("%d-%m-%Y %H.%M")
    return stamp.strftime("%d/%m/%Y %H.%M")


def _messy_cell(value, column: str, position: int, meta: EventMeta):
    if _blank(value):
        return ""
    if column == "ring":
        return _messy_ring(str(value), position, meta)
    if isinstance(value, pd.Timestamp):
        return _messy_time(value, position)
    if isinstance(value, bool):
        return ("Ya", "YES", "1")[position % 3] if value else ("Tidak", "no", "0")[position % 3]
    return str(value)


def _write_csv(path: Path, rows: list[list[str]], *, delimiter: str, encoding: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


def _write_twins(source_event, clean: Path, messy: Path) -> None:
    """Write the canonical tables of ``source_event`` twice: as the contract's clean CSVs,
    and as someone else's export of the same data."""
    meta = source_event.meta
    for folder in (clean, messy):
        folder.mkdir()
        shutil.copy(meta.source, folder / "event.yaml")
    tables = {
        "incidents": _contract_columns(source_event.incidents),
        "staffing": _contract_columns(source_event.staffing),
        "risk_register": _contract_columns(source_event.risks),
    }
    # non-ASCII text that cp1252 can hold: é, an en dash, ±
    tables["incidents"].loc[0, "description"] = "Massa (±60 orang) – café depan pagar; bubar."
    for kind, frame in tables.items():
        columns = list(frame.columns)
        records = frame.astype(object).to_numpy().tolist()
        clean_rows = [columns] + [[_clean_cell(v) for v in record] for record in records]
        _write_csv(clean / f"{kind}.csv", clean_rows, delimiter=",", encoding="utf-8")

        headers = [_MESSY_HEADERS[kind][c] for c in columns]
        messy_rows = [
            [_messy_cell(v, c, position, meta) for v, c in zip(record, columns, strict=True)]
            for position, record in enumerate(records)
        ]
        if kind != "risk_register":
            _write_csv(
                messy / f"{kind}.csv", [headers, *messy_rows], delimiter=";", encoding="cp1252"
            )
            continue
        # the register as a workbook: numbers and times as typed cells, rings as names
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = "SRA"
        sheet.append(headers)
        for position, record in enumerate(records):
            cells = []
            for value, column in zip(record, columns, strict=True):
                if _blank(value):
                    cells.append(None)
                elif isinstance(value, pd.Timestamp):
                    cells.append(value.tz_localize(None).to_pydatetime())  # local time cell
                elif column == "ring":
                    cells.append(_messy_ring(str(value), position, meta))
                elif column in ("likelihood", "impact", "planned_personnel"):
                    cells.append(int(value))
                elif column == "probability":
                    cells.append(float(value))
                else:
                    cells.append(str(value))
            sheet.append(cells)
        workbook.save(messy / "risk_register.xlsx")


@pytest.fixture(scope="module")
def twins(tmp_path_factory, sample_event):
    root = tmp_path_factory.mktemp("twins")
    clean, messy = root / "clean", root / "messy"
    _write_twins(sample_event, clean, messy)
    return load_event(clean), load_event(messy), messy


def test_messy_twin_files_are_really_messy(twins):
    _, _, messy = twins
    raw = (messy / "incidents.csv").read_bytes()
    assert "– café".encode("cp1252") in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1252")
    assert text.startswith("No Kejadian;\u00a0Waktu\u00a0Laporan ;ZONA;")
    assert ";01/03/2024 07.35;" in text  # INC-001, 2024-03-01 07:35
    assert "WITA" in text
    assert "Ring I" in text or "LUAR PAGAR" in text
    assert sorted(p.name for p in messy.iterdir()) == [
        "event.yaml",
        "incidents.csv",
        "risk_register.xlsx",
        "staffing.csv",
    ]


def test_messy_twin_reads_as_its_clean_twin(twins):
    clean, messy, _ = twins
    pd.testing.assert_frame_equal(messy.incidents, clean.incidents)
    pd.testing.assert_frame_equal(messy.staffing, clean.staffing)
    pd.testing.assert_frame_equal(messy.risks, clean.risks)
    assert messy.incidents.loc[0, "description"] == "Massa (±60 orang) – café depan pagar; bubar."


def test_messy_twin_reports_how_it_was_read(twins):
    clean, messy, _ = twins
    assert messy.rows_quarantined == clean.rows_quarantined == 0
    assert (messy.quality["incidents"].encoding, messy.quality["incidents"].delimiter) == (
        "cp1252",
        ";",
    )
    assert messy.quality["staffing"].encoding == "cp1252"
    assert messy.quality["risk_register"].sheet == "SRA"
    assert (clean.quality["incidents"].encoding, clean.quality["incidents"].delimiter) == (
        "utf-8",
        ",",
    )
    for kind in ("incidents", "staffing", "risk_register"):
        assert messy.quality[kind].ignored_columns == ()
        assert messy.quality[kind].rows_read == clean.quality[kind].rows_read


def test_twins_match_the_sample(twins, sample_event):
    clean, _, _ = twins
    pd.testing.assert_frame_equal(clean.staffing, sample_event.staffing)
    pd.testing.assert_frame_equal(clean.risks, sample_event.risks)
    pd.testing.assert_frame_equal(
        clean.incidents.drop(columns="description"),
        sample_event.incidents.drop(columns="description"),
    )


# --------------------------------------------------------------------- other formats


def test_parquet_event_matches_the_csv_event(tmp_path, sample_event):
    # Parquet with native dtypes: naive local datetimes, integers, booleans
    shutil.copy(SAMPLE_EVENT / "event.yaml", tmp_path / "event.yaml")
    for kind, frame in [
        ("incidents", sample_event.incidents),
        ("staffing", sample_event.staffing),
        ("risk_register", sample_event.risks),
    ]:
        frame = _contract_columns(frame).copy()
        for column in frame.columns:
            if isinstance(frame[column].dtype, pd.DatetimeTZDtype):
                frame[column] = frame[column].dt.tz_localize(None)
            elif isinstance(frame[column].dtype, pd.CategoricalDtype):
                frame[column] = frame[column].astype(str)
        frame.to_parquet(tmp_path / f"{kind}.parquet")
    event = load_event(tmp_path)
    for table in ("incidents", "staffing", "risks"):
        loaded, expected = getattr(event, table), getattr(sample_event, table)
        # Parquet rows are numbered from 1, CSV data rows from line 2
        assert (loaded["source_row"] + 1).tolist() == expected["source_row"].tolist()
        pd.testing.assert_frame_equal(
            loaded.drop(columns="source_row"), expected.drop(columns="source_row")
        )


def test_load_single_files_with_meta_or_event_yaml(sample_meta, sample_event):
    by_meta = load_incidents(SAMPLE_EVENT / "incidents.csv", sample_meta)
    by_path = load_incidents(SAMPLE_EVENT / "incidents.csv", SAMPLE_EVENT / "event.yaml")
    pd.testing.assert_frame_equal(by_meta.frame, by_path.frame)
    staffing = load_staffing(SAMPLE_EVENT / "staffing.csv", SAMPLE_EVENT)
    pd.testing.assert_frame_equal(staffing.frame, sample_event.staffing)
    risks = load_risk_register(SAMPLE_EVENT / "risk_register.csv", sample_meta)
    pd.testing.assert_frame_equal(risks.frame, sample_event.risks)


def test_load_register_from_a_named_sheet(tmp_path, sample_meta):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Petunjuk"
    workbook.active.append(["Isi lembar SRA"])
    sheet = workbook.create_sheet("SRA")
    sheet.append(["risk_id", "threat", "ring", "likelihood", "impact", "window_start"])
    # an Excel serial date: 45352 is 2024-03-01 (45292 is 2024-01-01, +31 Jan +29 Feb),
    # .5 is noon
    sheet.append(["R01", "crowd", "Ring I", 3, 4, 45352.5])
    path = tmp_path / "risk_register.xlsx"
    workbook.save(path)
    loaded = load_risk_register(path, sample_meta, sheet="SRA")
    assert loaded.frame[["risk_id", "ring", "score"]].values.tolist() == [["R01", "1", 12]]
    assert loaded.frame.loc[0, "window_start"] == pd.Timestamp(
        "2024-03-01 12:00", tz="Asia/Jakarta"
    )
    assert loaded.quality.sheet == "SRA"


# -------------------------------------------------------------------- folders and files


def _copy_sample(tmp_path: Path) -> Path:
    folder = tmp_path / "event"
    shutil.copytree(SAMPLE_EVENT, folder)
    return folder


def test_find_input(tmp_path):
    folder = _copy_sample(tmp_path)
    (folder / "Incidents.CSV").unlink(missing_ok=True)
    assert find_input(folder, "incidents") == folder / "incidents.csv"
    (folder / "incidents.csv").rename(folder / "INCIDENTS.xlsx")
    assert find_input(folder, "incidents") == folder / "INCIDENTS.xlsx"


def test_find_input_none(tmp_path):
    folder = _copy_sample(tmp_path)
    (folder / "staffing.csv").rename(folder / "staffing.json")
    with pytest.raises(InputFileError, match=r"no staffing file .*staffing\.xlsx"):
        find_input(folder, "staffing")
    with pytest.raises(InputFileError, match="no staffing file"):
        load_event(folder)


def test_find_input_more_than_one(tmp_path):
    folder = _copy_sample(tmp_path)
    shutil.copy(folder / "incidents.csv", folder / "incidents.txt")
    with pytest.raises(
        InputFileError, match=r"more than one incidents file \(incidents\.csv, incidents\.txt\)"
    ):
        find_input(folder, "incidents")


def test_load_event_needs_a_folder_with_event_yaml(tmp_path):
    with pytest.raises(InputFileError, match="not a folder"):
        load_event(SAMPLE_EVENT / "incidents.csv")
    folder = _copy_sample(tmp_path)
    (folder / "event.yaml").unlink()
    with pytest.raises(EventConfigError, match="no event.yaml found"):
        load_event(folder)


# ------------------------------------------------------------------- links and event.yml

#: The first line of a file outside the event folder: it must never reach a message.
OUTSIDE_LINE = "officer_id,ring,OUTSIDE-FILE-FIRST-LINE"


@pytest.mark.parametrize("kind", ["incidents", "staffing", "risk_register"])
def test_an_input_linked_to_a_file_outside_the_folder_is_refused(tmp_path, kind):
    folder = _copy_sample(tmp_path)
    outside = tmp_path / "private" / f"{kind}.csv"
    outside.parent.mkdir()
    outside.write_text(OUTSIDE_LINE + "\n77057217,1,x\n", encoding="utf-8")
    (folder / f"{kind}.csv").unlink()
    (folder / f"{kind}.csv").symlink_to(outside)
    message = "is a link to a file outside the event folder; copy the file in instead"
    with pytest.raises(InputFileError, match=message) as raised:
        load_event(folder)
    assert raised.value.file == str(folder / f"{kind}.csv")
    assert "OUTSIDE" not in str(raised.value) and "77057217" not in str(raised.value)


def test_an_input_linked_within_the_folder_loads_as_the_file_itself(tmp_path, sample_event):
    folder = _copy_sample(tmp_path)
    (folder / "versions").mkdir()
    (folder / "incidents.csv").rename(folder / "versions" / "incidents-v2.csv")
    (folder / "incidents.csv").symlink_to(Path("versions") / "incidents-v2.csv")
    event = load_event(folder)
    pd.testing.assert_frame_equal(event.incidents, sample_event.incidents)
    assert event.inputs == sample_event.inputs


def test_an_input_that_is_not_a_regular_file_is_refused(tmp_path):
    folder = _copy_sample(tmp_path)
    (folder / "staffing.csv").unlink()
    os.mkfifo(folder / "staffing.csv")  # reading it would wait forever
    with pytest.raises(InputFileError, match="not a regular file"):
        find_input(folder, "staffing")
    os.unlink(folder / "staffing.csv")
    (folder / "staffing.csv").symlink_to(folder / "gone.csv")  # a dead link inside the folder
    with pytest.raises(InputFileError, match="not a regular file"):
        find_input(folder, "staffing")


def test_event_yaml_linked_outside_the_folder_is_refused_by_load_event(tmp_path):
    folder = _copy_sample(tmp_path)
    (folder / "event.yaml").rename(tmp_path / "shared.yaml")
    (folder / "event.yaml").symlink_to(tmp_path / "shared.yaml")
    with pytest.raises(EventConfigError, match="link to a file outside the event folder"):
        load_event(folder)


def test_an_event_with_event_yml_loads_like_event_yaml(tmp_path, sample_event):
    folder = _copy_sample(tmp_path)
    (folder / "event.yaml").rename(folder / "event.yml")
    event = load_event(folder)
    assert event.meta.to_dict() == sample_event.meta.to_dict()
    pd.testing.assert_frame_equal(event.incidents, sample_event.incidents)
    assert event.inputs["event.yml"] == sample_event.inputs["event.yaml"]
    assert "event.yaml" not in event.inputs


def test_an_event_with_both_names_cannot_be_loaded(tmp_path):
    folder = _copy_sample(tmp_path)
    shutil.copy(folder / "event.yaml", folder / "event.yml")
    with pytest.raises(EventConfigError, match="both event.yaml and event.yml"):
        load_event(folder)


def test_find_event_dirs_knows_both_names_and_only_them(tmp_path):
    for name, file in [("a", "event.yaml"), ("b", "event.yml"), ("c", "event.yxml"),
                       ("d", "event.yaml.bak"), ("e", "event.yml")]:  # fmt: skip
        (tmp_path / name).mkdir()
        (tmp_path / name / file).write_text("id: x\n", encoding="utf-8")
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / "event.yaml").symlink_to(tmp_path / "nowhere.yaml")  # listed, then refused
    expected = [tmp_path / n for n in ("a", "b", "e", "f")]
    assert find_event_dirs(tmp_path) == expected
    assert find_event_dirs([tmp_path / "b", tmp_path / "a", tmp_path / "b"]) == expected[1::-1]
    with pytest.raises(InputFileError, match="holds no event.yaml"):
        find_event_dirs(tmp_path / "c")


def test_unknown_risk_id_is_a_warning_and_the_incident_is_kept(tmp_path):
    folder = _copy_sample(tmp_path)
    path = folder / "incidents.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("INC-001,") and ",R03," in lines[1]
    lines[1] = lines[1].replace(",R03,", ",R99,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    event = load_event(folder)
    quality = event.quality["incidents"]
    assert (quality.accepted, quality.quarantined) == (35, 0)
    warnings = quality.issues[quality.issues["action"] == "warning"]
    assert warnings[["row", "column", "value"]].values.tolist() == [[2, "risk_id", "R99"]]
    assert warnings.iloc[0]["reason"].startswith("risk_id not in the risk register")
    assert event.incidents.loc[0, "risk_id"] == "R99"
    assert quality.to_dict()["warnings"] == 1


def test_one_bad_row_in_an_event_folder(tmp_path):
    folder = _copy_sample(tmp_path)
    path = folder / "staffing.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    # line 11 of the file: its ring becomes "Ring IV", which this event does not have
    fields = lines[10].split(",")
    fields[1] = "Ring IV"
    lines[10] = ",".join(fields)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    event = load_event(folder)
    quality = event.quality["staffing"]
    assert (quality.rows_read, quality.accepted, quality.quarantined) == (150, 149, 1)
    issue = quality.issues.iloc[0]
    assert (quality.file, issue["row"], issue["column"], issue["value"]) == (
        "staffing.csv",
        11,
        "ring",
        "Ring IV",
    )
    assert event.rows_quarantined == 1
    assert 11 not in set(event.staffing["source_row"])


def test_an_inside_out_event_resolves_ring_i_to_the_plenary_room(tmp_path, write_event):
    folder = tmp_path / "inside-out"
    write_event(
        folder,
        rings=[
            {"id": "3", "name": "Outside the fence", "aliases": ["luar pagar"]},
            {"id": "2", "name": "Inside the building"},
            {"id": "1", "name": "Plenary room", "aliases": ["ring i", "ruang pleno"]},
        ],
    )
    (folder / "incidents.csv").write_text(
        "incident_id,reported_at,ring,category,severity,risk_id\n"
        "I1,2024-03-01 10:00,Ring I,witness_dispute,4,R1\n"
        "I2,2024-03-01 11:00,Luar Pagar,crowd,2,\n"
        "I3,2024-03-01 12:00,ring iii,crowd,2,\n",
        encoding="utf-8",
    )
    (folder / "staffing.csv").write_text(
        "officer_id,ring,shift_start,shift_end\n00101,ring i,2024-03-01 07:00,2024-03-01 15:00\n",
        encoding="utf-8",
    )
    (folder / "risk_register.csv").write_text(
        "risk_id,threat,ring,likelihood,impact\nR1,dispute,Plenary room,3,4\n", encoding="utf-8"
    )
    event = load_event(folder)
    assert event.incidents["ring"].tolist() == ["1", "3", "3"]
    assert list(event.incidents["ring"].cat.categories) == ["3", "2", "1"]
    assert event.staffing["ring"].tolist() == ["1"]
    assert event.risks["ring"].tolist() == ["1"]


# ---------------------------------------------------------------------- hostile inputs


def test_an_excel_unicode_text_roster_loads_like_its_csv(tmp_path, sample_event):
    # Excel's "Unicode text" export: UTF-16 LE with a byte-order mark, tab-separated, CRLF
    folder = _copy_sample(tmp_path)
    rows = list(csv.reader(io.StringIO((folder / "staffing.csv").read_text(encoding="utf-8"))))
    text = "\r\n".join("\t".join(row) for row in rows) + "\r\n"
    (folder / "staffing.csv").unlink()
    (folder / "staffing.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    event = load_event(folder)
    quality = event.quality["staffing"]
    assert (quality.encoding, quality.delimiter) == ("utf-16-le", "\t")
    assert (quality.rows_read, quality.accepted) == (150, 150)
    pd.testing.assert_frame_equal(event.staffing, sample_event.staffing)


def test_an_incident_log_mixing_encodings_is_refused_naming_file_and_line(tmp_path):
    folder = _copy_sample(tmp_path)
    path = folder / "incidents.csv"
    lines = path.read_bytes().split(b"\n")
    lines[1] = lines[1].replace(b"Kemacetan", "Kemacetan caf\u00e9".encode())  # UTF-8 C3 A9
    lines[5] = lines[5].replace(b",R", "caf\u00e9,R".encode("cp1252"), 1)  # cp1252 E9
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(InputFileError, match="mixes text encodings") as raised:
        load_event(folder)
    assert raised.value.file == str(path)
    assert raised.value.row == 6


def test_hostile_cells_in_an_event_folder_cost_their_rows_only(tmp_path, sample_event):
    folder = _copy_sample(tmp_path)
    path = folder / "incidents.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[1].startswith("INC-001,") and lines[4].startswith("INC-004,")
    lines[1] = lines[1].replace("INC-001", "INC-\x00001")  # line 2: a NUL byte in the id
    head, _, _ = lines[4].rpartition(",")  # line 5: a 2 MB description
    lines[4] = f'{head},"{"x" * 2_000_000}"'
    path.write_text("\n".join(lines), encoding="utf-8")
    roster = folder / "staffing.csv"  # every ring id written as Excel exports numbers
    rows = list(csv.reader(io.StringIO(roster.read_text(encoding="utf-8"))))
    ring = rows[0].index("ring")
    for row in rows[1:]:
        row[ring] = f"{row[ring]}.0" if row[ring].isdigit() else row[ring]
    with roster.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)

    event = load_event(folder)
    incidents = event.quality["incidents"]
    assert (incidents.rows_read, incidents.accepted, incidents.quarantined) == (35, 33, 2)
    assert incidents.rows_read == (
        incidents.accepted + incidents.quarantined + incidents.blank + incidents.duplicates
    )
    assert incidents.issues[["row", "column"]].values.tolist() == [
        [2, "incident_id"],
        [5, "description"],
    ]
    assert "NUL byte" in incidents.issues.loc[0, "reason"]
    assert "cell too large" in incidents.issues.loc[1, "reason"]
    assert event.quality["staffing"].accepted == 150
    pd.testing.assert_frame_equal(event.staffing, sample_event.staffing)


def test_officer_ids_typed_into_free_text_are_replaced_by_their_pseudonyms():
    from sra_analysis.privacy import pseudonymise

    folder = Path(__file__).parent / "data" / "hostile" / "officer-id-in-text"
    event = load_event(folder)
    first, second = pseudonymise(["83110201", "84020315"])
    described = event.incidents.set_index("incident_id")
    assert described.at["H-002", "description"] == (
        f"Massa mendorong gerbang; ditahan Bripka {first} (NRP {second})."
    )
    # the category text as written (the code is "other": no category is named that way)
    assert described.at["H-004", "category_text"] == f"keributan {first}"
    assert described.at["H-004", "category"] == "other"
    assert (
        event.risks.set_index("risk_id")
        .at["R01", "mitigation"]
        .endswith(f"Penanggung jawab: {second}.")
    )
    for frame in (event.incidents, event.risks):
        text = frame.astype(str).to_string()
        assert "83110201" not in text and "84020315" not in text
    # sra-review validate lists the categories outside the vocabulary as written: masked too
    unknown = event.quality["incidents"].unknown_categories
    assert (f"keributan {first}", 1) in unknown
    assert not any("83110201" in text for text, _ in unknown)
    # the staffing table keeps its ids (pseudonymised where shown), and the rest is untouched
    assert {"83110201", "84020315"} <= set(event.staffing["officer_id"])
    assert described.at["H-001", "description"] == "Antrean kendaraan logistik di depan gerbang."
