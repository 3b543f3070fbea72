"""The issue table of a loaded file: one line per problem, in the clerk's own words.

Each line names the file row, the clerk's own column header and the value as the clerk typed
it, with the reason as English text (``reason``) and as a label key and values
(``reason_key``, ``reason_values``) that render it in either language
(:func:`sra_analysis.io.reasons.issue_reasons`). A night shift whose end date was not moved
to the next day gets a hint with the end the clerk probably meant.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sra_analysis.io import cells
from sra_analysis.io.reasons import key_and_values, next_morning, reason_text
from sra_analysis.io.schemas import PAIRED_WITH
from sra_analysis.privacy import redact_issues

__all__ = ["ISSUE_COLUMNS", "issue_table", "redact_reasons"]

#: The columns of ``FileQuality.issues``.
ISSUE_COLUMNS = ["row", "column", "field", "value", "reason", "action", "reason_key",
                 "reason_values"]  # fmt: skip


def issue_table(failures, table, rows, header_of, *, canonical, action: str) -> pd.DataFrame:
    """One line per failure: the clerk's header, the value as typed and the reason, whose
    key and values (``reason_key``, ``reason_values``) render it in either language."""
    if failures.empty:
        empty = pd.DataFrame({c: pd.Series(dtype=object) for c in ISSUE_COLUMNS})
        return empty.astype({"row": "int64"})
    positions = failures["position"].to_numpy(dtype=np.int64)
    fields = failures["field"].tolist()
    columns = [header_of.get(f, f) for f in fields]

    def typed(position: int, header: str) -> str:
        return cells.display_value(table.at[position, header]) if header in table.columns else ""

    values = [typed(p, c) for p, c in zip(positions, columns, strict=True)]
    keys, details = [], []
    for position, field, value, reason in zip(
        positions, fields, values, failures["reason"], strict=True
    ):
        key, detail = key_and_values(reason)
        for name in ("column", "other"):  # internal names → the clerk's own headers
            if name in detail:
                detail[name] = str(header_of.get(detail[name], detail[name]))
        if key == "not_after" and field in PAIRED_WITH:
            first = PAIRED_WITH[field]
            start, end = canonical.at[position, first], canonical.at[position, field]
            if _next_morning_slip(start, end):
                key = "end_next_morning"
                detail.update(
                    other_value=typed(position, header_of.get(first, first)),
                    value=value,
                    suggested=next_morning(value, end),
                )
        keys.append(key)
        details.append(detail)
    return pd.DataFrame(
        {
            "row": rows[positions].astype("int64"),
            "column": columns,
            "field": fields,
            "value": values,
            "reason": [reason_text(k, d, "en") for k, d in zip(keys, details, strict=True)],
            "action": action,
            "reason_key": pd.Series(keys, dtype=object),
            "reason_values": pd.Series(details, dtype=object),
        }
    )


def _next_morning_slip(start: object, end: object) -> bool:
    """A night shift (or time span) whose end date was not moved to the next day: the end
    falls before the start on the start's own date (one day on, it is less than 24 h later)."""
    if pd.isna(start) or pd.isna(end):
        return False
    return end < start and end.date() == start.date()


def redact_reasons(issues: pd.DataFrame, *, ring_labels) -> pd.DataFrame:
    """A staffing issue table safe to show (:mod:`sra_analysis.privacy`): the values, and the
    values a reason quotes, as the privacy rule shows them; English reasons rendered again."""
    out = redact_issues(issues, ring_labels=ring_labels)
    if out.empty:
        return out
    details = []
    for detail, field in zip(out["reason_values"], out["field"], strict=True):
        detail = dict(detail)
        quoted = {"value": field, "other_value": PAIRED_WITH.get(field, field), "suggested": field}
        for name, of_field in quoted.items():
            if name in detail:
                shown = redact_issues(
                    pd.DataFrame({"field": [of_field], "value": [detail[name]]}),
                    ring_labels=ring_labels,
                )
                detail[name] = shown.at[0, "value"]
        details.append(detail)
    out["reason_values"] = pd.Series(details, index=out.index, dtype=object)
    out["reason"] = [
        reason_text(k, d, "en") for k, d in zip(out["reason_key"], details, strict=True)
    ]
    return out
