"""A file's headers matched to the contract's columns, and the error when required ones are
missing.

Headers are matched after folding case, spaces and punctuation
(:func:`sra_analysis.io.normalise.normalise_header`), against each column's name and the
aliases field offices use for it (:data:`sra_analysis.io.schemas.HEADER_ALIASES`). A staffing
file's unrecognised headers are shown only as :mod:`sra_analysis.privacy` allows.

>>> map_headers(["Waktu Lapor", "Ring", "catatan lain"], kind="incidents", file="log.csv")
{'Waktu Lapor': 'reported_at', 'Ring': 'ring'}
"""

from __future__ import annotations

import re

from sra_analysis.errors import InputFileError, MissingColumnsError
from sra_analysis.io import normalise
from sra_analysis.io.readers import RawTable
from sra_analysis.io.schemas import HEADER_ALIASES, columns_of
from sra_analysis.privacy import display_headers

__all__ = ["map_headers", "missing_columns", "shown_headers"]


def map_headers(columns, *, kind: str, file: str) -> dict[str, str]:
    """Map a file's headers to contract column names; unknown headers are left out.

    Raises
    ------
    InputFileError
        When two headers map to the same contract column.
    """
    lookup: dict[str, str] = {}
    for spec in columns_of(kind):
        lookup[spec.name] = spec.name
    for name, aliases in HEADER_ALIASES[kind].items():
        for alias in aliases:
            lookup.setdefault(alias, name)
    mapping: dict[str, str] = {}
    for header in columns:
        canonical = lookup.get(normalise.normalise_header(header))
        if canonical is None:
            continue
        if canonical in mapping.values():
            other = next(h for h, c in mapping.items() if c == canonical)
            raise InputFileError(
                file,
                f"columns {other!r} and {header!r} both mean {canonical!r}; keep one of them",
            )
        mapping[header] = canonical
    return mapping


def shown_headers(raw: RawTable, mapping: dict[str, str]) -> list[str]:
    """A staffing file's headers as a message may show them (see :mod:`sra_analysis.privacy`);
    the names the reader gives blank header cells are its own and shown."""
    made_up = {c for c in raw.frame.columns if re.fullmatch(r"unnamed_\d{1,4}", str(c))}
    return display_headers(raw.frame.columns, recognised=set(mapping) | made_up)


def missing_columns(raw: RawTable, *, kind: str, missing: list[str], mapping) -> Exception:
    found = list(raw.frame.columns)
    if kind == "staffing":
        found = shown_headers(raw, mapping)
    hint = None
    if not mapping:
        required = [s.name for s in columns_of(kind) if s.required]
        hint = (
            f"none of the headers names a {kind} column; if the first row holds data, add a "
            f"header row ({', '.join(required)})"
        )
    return MissingColumnsError(raw.file, missing=missing, found=found, hint=hint)
