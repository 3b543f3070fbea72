"""The hostile corpus: its table of cases, the generators of its large and awkward files, and
the scanners that look for what must never reach an output.

Small cases are committed event folders under ``tests/data/hostile/``. Anything large (over
about 50 KB) or awkward to keep in git (mixed encodings, NUL bytes, UTF-16, symlinks) is
written at test time by a generator below, starting from a committed folder. Each case's
expected outcome is in ``tests/data/hostile/cases.yaml``; ``tests/test_hostile.py`` runs them.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

__all__ = [
    "CORPUS",
    "GENERATORS",
    "SECRET",
    "Case",
    "load_cases",
    "materialise",
    "officer_ids",
    "output_texts",
    "without_plotly_library",
]

#: Where the committed part of the corpus lives.
CORPUS = Path(__file__).resolve().parent / "data" / "hostile"
#: The first line of the file a symlink case points at; it must reach no output.
SECRET = "SECRET-hostile-7f3a9c-never-publish"
#: Marks around a generated long description: the start is shown, the end must be cut off.
LONG_START, LONG_END = "LONG-DESCRIPTION-START", "LONG-DESCRIPTION-END"
OUTCOMES = ("accepted", "normalised", "quarantined", "error", "failed_page")


@dataclass(frozen=True)
class Case:
    """One case of ``cases.yaml`` (see the comments at its top for every key)."""

    name: str
    tries: str
    source: str
    outcomes: tuple[str, ...]
    event_id: str
    folder: str
    batch: str = "shared"
    generate: str | None = None
    size: int | None = None
    file: str | None = None
    key: str | None = None
    message: str | None = None
    issues: tuple[dict, ...] = ()
    expect: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return self.name


def load_cases(path: Path = CORPUS / "cases.yaml") -> dict[str, Case]:
    """Every case of the corpus, keyed by name, in the file's order.

    Examples
    --------
    >>> cases = load_cases()
    >>> cases["dst-gap"].outcomes, cases["dst-gap"].event_id
    (('quarantined',), 'hostile-dst-gap')
    >>> cases["event-yml"].folder
    'purwakarta-2024'
    """
    table = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    cases = {}
    for name, spec in table.items():
        outcomes = spec.pop("outcome")
        outcomes = tuple([outcomes] if isinstance(outcomes, str) else outcomes)
        unknown = set(outcomes) - set(OUTCOMES)
        if unknown:
            raise ValueError(f"case {name!r}: outcome must be among {OUTCOMES}, got {unknown}")
        if spec.get("generate") and spec["generate"] not in GENERATORS:
            raise ValueError(f"case {name!r}: no generator {spec['generate']!r}")
        cases[name] = Case(
            name=name,
            outcomes=outcomes,
            event_id=spec.pop("id", f"hostile-{name}"),
            folder=spec.pop("folder", name),
            issues=tuple(spec.pop("issues", ())),
            expect=spec.pop("expect", {}) or {},
            **spec,
        )
    return cases


def materialise(case: Case, root: Path) -> Path:
    """Write the case's event folder as ``root/<case name>/<folder>`` and return it.

    The committed ``source`` folder is copied, then the case's generator (if any) writes the
    hostile part. Each case gets a parent of its own, so two cases may use the same folder
    name (both ``purwakarta-2024``, say).
    """
    folder = root / case.name / case.folder
    shutil.copytree(CORPUS / case.source, folder)
    if case.generate:
        GENERATORS[case.generate](folder, case)
    return folder


# ----------------------------------------------------------------------------- generators


def _set_id(folder: Path, event_id: str) -> None:
    config = folder / "event.yaml"
    text = re.sub(r"^id: .*$", f"id: {event_id}", config.read_text("utf-8"), flags=re.M)
    config.write_text(text, encoding="utf-8")


def _rows(folder: Path, name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((folder / name).read_text("utf-8"))))


def _csv_text(rows: list[list[str]], *, delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def symlink_outside(folder: Path, case: Case) -> None:
    """Replace ``risk_register.csv`` by a symlink to a file outside the event folder (and
    outside the batch's folder), whose first line is :data:`SECRET` followed by a register."""
    _set_id(folder, case.event_id)
    outside = folder.parents[1] / f"outside-{case.name}"
    outside.mkdir()
    target = outside / "risk_register.csv"
    register = (folder / "risk_register.csv").read_text("utf-8")
    target.write_text(f"{SECRET}\n{register}", encoding="utf-8")
    (folder / "risk_register.csv").unlink()
    (folder / "risk_register.csv").symlink_to(target)


def mixed_encoding(folder: Path, case: Case) -> None:
    """``incidents.csv`` with an ``é`` as UTF-8 on line 7 (H-006) and as cp1252 on line 10
    (H-009), both in descriptions of unanticipated incidents (so the report lists them)."""
    _set_id(folder, case.event_id)
    rows = _rows(folder, "incidents.csv")
    rows[6][11] = "Listrik padam di kafé samping ruang server."
    rows[9][11] = "Tas tanpa pemilik di dekat kafé; diamankan tim Jibom."
    lines = _csv_text(rows).splitlines(keepends=True)
    data = b"".join(
        line.encode("cp1252" if number == 10 else "utf-8")
        for number, line in enumerate(lines, start=1)
    )
    (folder / "incidents.csv").write_bytes(data)


def nul_in_id(folder: Path, case: Case) -> None:
    """``incidents.csv`` whose line 5 has ``incident_id`` ``H-0\\x0004``."""
    _set_id(folder, case.event_id)
    rows = _rows(folder, "incidents.csv")
    rows[4][0] = "H-0\x0004"
    (folder / "incidents.csv").write_text(_csv_text(rows), encoding="utf-8")


def utf16_tab(folder: Path, case: Case) -> None:
    """``incidents.csv`` re-saved as UTF-16 LE with a BOM, tab-separated: the same rows."""
    _set_id(folder, case.event_id)
    rows = _rows(folder, "incidents.csv")
    text = _csv_text(rows, delimiter="\t")
    (folder / "incidents.csv").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))


def long_description(folder: Path, case: Case) -> None:
    """The description of H-006 (line 7, unanticipated) grown to ``case.size`` bytes:
    :data:`LONG_START`, plain words, :data:`LONG_END`."""
    _set_id(folder, case.event_id)
    rows = _rows(folder, "incidents.csv")
    words = "listrik padam di ruang server genset menyala kembali "
    body = words * ((case.size - len(LONG_START) - len(LONG_END)) // len(words) + 1)
    rows[6][11] = f"{LONG_START} {body[: case.size - len(LONG_START) - len(LONG_END) - 2]} "
    rows[6][11] += LONG_END
    (folder / "incidents.csv").write_text(_csv_text(rows), encoding="utf-8")


def with_id(folder: Path, case: Case) -> None:
    """The source event as it is, under the case's ``id`` (one a batch must refuse)."""
    _set_id(folder, case.event_id)


def xlsx_entity_bomb(folder: Path, case: Case) -> None:
    """Replace ``risk_register.csv`` by ``risk_register.xlsx`` whose sheet XML declares a
    nine-level entity bomb ("billion laughs") and uses it as the first threat: expanded, that
    cell would hold 10**9 copies of "lol" (3 GB)."""
    import openpyxl

    _set_id(folder, case.event_id)
    rows = _rows(folder, "risk_register.csv")
    (folder / "risk_register.csv").unlink()
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    written = io.BytesIO()
    workbook.save(written)
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    ]
    doctype = f"<!DOCTYPE worksheet [{''.join(entities)}]>".encode()
    threat = rows[1][rows[0].index("threat")].encode()
    with (
        zipfile.ZipFile(written) as source,
        zipfile.ZipFile(folder / "risk_register.xlsx", "w") as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<t>" + threat + b"</t>", b"<t>&lol9;</t>", 1)
                if data.startswith(b"<?xml"):  # the DOCTYPE goes after the XML declaration
                    declaration, data = data.split(b"?>", 1)
                    data = declaration + b"?>" + doctype + data
                else:
                    data = doctype + data
            target.writestr(item, data)


GENERATORS: dict[str, Callable[[Path, Case], None]] = {
    "with_id": with_id,
    "symlink_outside": symlink_outside,
    "xlsx_entity_bomb": xlsx_entity_bomb,
    "mixed_encoding": mixed_encoding,
    "nul_in_id": nul_in_id,
    "utf16_tab": utf16_tab,
    "long_description": long_description,
}


# ------------------------------------------------------------------------------- scanners

_NRP = re.compile(r"(?<!\d)\d{8}(?!\d)")


def officer_ids(folder: Path) -> set[str]:
    """Every officer id of the event's staffing file, read from the raw text.

    Every 8-digit token (the NRPs; a broken file may hold them in any column), and every
    value of at least 6 characters under an ``officer_id`` header when there is one (short
    values such as a ring ``1`` moved into the column would match anything).

    Examples
    --------
    >>> sorted(officer_ids(CORPUS / "staffing-swapped"))[:2]
    ['91230401', '91230402']
    """
    files = sorted(folder.glob("staffing.*"))
    if not files:
        return set()
    text = files[0].read_bytes().decode("utf-8", errors="replace")
    found = set(_NRP.findall(text))
    rows = list(csv.reader(io.StringIO(text)))
    if rows and "officer_id" in rows[0]:
        column = rows[0].index("officer_id")
        found |= {r[column].strip() for r in rows[1:] if len(r) > column}
    return {value for value in found if len(value) >= 6}


def without_plotly_library(text: str) -> str:
    """``text`` less any ``<script>`` over 1 MB: the embedded plotly.js, whose source holds
    digits and words that are no one's data."""
    parts, position = [], 0
    while (start := text.find("<script", position)) != -1:
        end = text.find("</script>", start)
        end = len(text) if end == -1 else end + len("</script>")
        parts.append(text[position:start])
        if end - start < 1_000_000:
            parts.append(text[start:end])
        position = end
    parts.append(text[position:])
    return "".join(parts)


def output_texts(folder: Path, *, recursive: bool = True) -> Iterator[tuple[str, str]]:
    """``(path, text)`` of every file under ``folder`` (or in it, when not ``recursive``), as
    far as text can be got from it.

    Workbooks are read member by member, Parquet files through pandas, everything else as
    UTF-8 with replacement; the shared ``plotly.min.js`` is skipped and the embedded copy
    of it removed (:func:`without_plotly_library`).
    """
    import pandas as pd

    paths = folder.rglob("*") if recursive else folder.glob("*")
    for path in sorted(p for p in paths if p.is_file()):
        if path.name == "plotly.min.js":
            continue
        if path.suffix in (".xlsx", ".xlsm"):
            with zipfile.ZipFile(path) as workbook:
                text = "\n".join(
                    workbook.read(member).decode("utf-8", errors="replace")
                    for member in workbook.namelist()
                )
        elif path.suffix == ".parquet":
            text = pd.read_parquet(path).astype(str).to_csv(index=False)
        else:
            text = path.read_bytes().decode("utf-8", errors="replace")
        yield str(path), without_plotly_library(text)
