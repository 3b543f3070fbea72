"""The hostile corpus of report folders: its cases and the tamperers that write them.

Each case of ``tests/data/hostile/report_cases.yaml`` starts from a copy of the report folder
of the corpus's ``clean`` event, named and identified ``hostile-<case name>``, and applies a
tamperer below; ``tests/test_hostile_reports.py`` runs them through the roll-up.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml
from hostile_cases import CORPUS

__all__ = ["TAMPERERS", "ReportCase", "load_report_cases", "tampered_copy"]

OUTCOMES = ("set_aside", "alone")


@dataclass(frozen=True)
class ReportCase:
    """One case of ``report_cases.yaml`` (see the comments at its top for every key)."""

    name: str
    tries: str
    outcome: str
    tamper: str | None = None
    args: dict = field(default_factory=dict)
    reason: str | None = None
    reason_id: str | None = None
    event: str = ""

    def __str__(self) -> str:
        return self.name


def load_report_cases(path: Path = CORPUS / "report_cases.yaml") -> dict[str, ReportCase]:
    """Every case, keyed by name, in the file's order."""
    cases = {}
    for name, spec in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"].items():
        if spec["outcome"] not in OUTCOMES:
            raise ValueError(f"case {name!r}: outcome must be one of {OUTCOMES}")
        if spec.get("tamper") and spec["tamper"] not in TAMPERERS:
            raise ValueError(f"case {name!r}: no tamperer {spec['tamper']!r}")
        cases[name] = ReportCase(name=name, event=spec.pop("event", f"hostile-{name}"), **spec)
    return cases


def tampered_copy(case: ReportCase, clean_report: Path, root: Path) -> Path:
    """Copy ``clean_report`` to ``root/hostile-<case>``, give its summary the case's event id,
    and apply the case's tamperer."""
    folder = root / f"hostile-{case.name}"
    shutil.copytree(clean_report, folder)
    _edit_summary(folder, lambda body: body["event"].__setitem__("id", case.event))
    if case.tamper:
        TAMPERERS[case.tamper](folder, **case.args)
    return folder


def _edit_summary(folder: Path, edit: Callable[[dict], None]) -> None:
    path = folder / "summary.json"
    body = json.loads(path.read_text(encoding="utf-8"))
    edit(body)
    path.write_text(json.dumps(body), encoding="utf-8")


# ----------------------------------------------------------------------------- tamperers


def summary_value(folder: Path, *, path: str, value=None, add=None, delete=False) -> None:
    """Set (or delete, or raise by ``add``) the value at dotted ``path`` of summary.json."""

    def edit(body: dict) -> None:
        *parents, key = path.split(".")
        for parent in parents:
            body = body[parent]
        if delete:
            del body[key]
        else:
            body[key] = body[key] + add if add is not None else value

    _edit_summary(folder, edit)


def table_value(folder: Path, *, table: str, column: str, row: int, value) -> None:
    """Write ``value`` into one cell of ``<table>.parquet`` (text turns the column to text)."""
    path = folder / f"{table}.parquet"
    frame = pd.read_parquet(path)
    if isinstance(value, str):
        frame[column] = frame[column].astype(str)
    frame.loc[row, column] = value
    frame.to_parquet(path)


def deep_summary(folder: Path, *, depth: int) -> None:
    """Add to summary.json a key ``nested`` holding arrays ``depth`` deep."""
    body = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    text = json.dumps(body)[:-1] + ', "nested": ' + "[" * depth + "]" * depth + "}"
    (folder / "summary.json").write_text(text, encoding="utf-8")


def large_summary(folder: Path, *, size: int) -> None:
    """Pad summary.json's findings with one text of ``size`` characters."""
    summary_value(folder, path="findings", value=["x" * size])


def nan_total(folder: Path) -> None:
    """Write ``NaN`` as summary.json's officer-hours (Python's json writes it; JSON has none)."""
    summary_value(folder, path="totals.officer_hours", value=float("nan"))


TAMPERERS: dict[str, Callable[..., None]] = {
    "summary_value": summary_value,
    "table_value": table_value,
    "deep_summary": deep_summary,
    "large_summary": large_summary,
    "nan_total": nan_total,
}
