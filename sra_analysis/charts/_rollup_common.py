"""What the roll-up's charts share: reading a roll-up table back (a DataFrame or JSON rows)."""

from __future__ import annotations

import pandas as pd

from sra_analysis.errors import ParameterError

__all__ = ["frame_of"]

#: Columns of the roll-up's tables that hold text; every other column read is a number.
_TEXT_COLUMNS = {"event_id", "status", "level", "rating", "category", "ring", "ring_name", "hot"}


def frame_of(data, columns: list[str], *, caller: str) -> pd.DataFrame:
    """``data`` (a DataFrame or a list of records) as a DataFrame holding ``columns``."""
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(list(data or []))
    missing = [c for c in columns if c not in frame.columns]
    if missing and len(frame):
        raise ParameterError(f"{caller}: the table lacks column(s) {missing}")
    if missing:
        frame = pd.DataFrame(columns=columns)
    numbers = [c for c in columns if c not in _TEXT_COLUMNS]
    # rows read back from JSON carry null for a missing number: make those columns numbers
    return frame.assign(**{c: pd.to_numeric(frame[c], errors="coerce") for c in numbers})
