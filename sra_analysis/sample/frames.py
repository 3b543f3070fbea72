"""The tables of a synthetic event, built from its numpy draws (incidents, roster, register)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sra_analysis.sample import draws
from sra_analysis.sample.truth import LEVEL_NAMES

__all__ = ["Clock", "incident_frame", "planted_windows", "register_frame", "staffing_frame"]


@dataclass(frozen=True)
class Clock:
    """Turns minutes from the event start into tz-aware timestamps."""

    start: pd.Timestamp
    zone: str

    def stamp(self, minutes: np.ndarray, missing: np.ndarray | None = None) -> pd.DatetimeIndex:
        origin = np.datetime64(self.start.tz_convert("UTC").tz_localize(None).to_datetime64(), "us")
        values = origin + np.asarray(minutes, dtype=np.int64).astype("timedelta64[m]")
        if missing is not None:
            values[missing] = np.datetime64("NaT")
        return pd.DatetimeIndex(values).tz_localize("UTC").tz_convert(self.zone)


def _text(values) -> pd.Series:
    return pd.Series(np.asarray(values, dtype=object), dtype="str")


def planted_windows(
    display, hours, ring_ids, cover, mean_staff, planned_on_duty, expected, counts, clock
) -> pd.DataFrame:
    """One row per ring × hour, rings in display order: what the review should find."""
    position = np.repeat(display, hours)
    hour = np.tile(np.arange(hours), display.size)
    cell = position * hours + hour
    window_start = clock.stamp(hour * 60)
    return pd.DataFrame(
        {
            "ring": _text(ring_ids[position]),
            "window_start": window_start,
            "window_end": window_start + pd.Timedelta(hours=1),
            "predicted_score": cover["score"][cell].astype(np.int64),
            "predicted_level": pd.Categorical.from_codes(
                cover["level"][cell], categories=list(LEVEL_NAMES), ordered=True
            ),
            "mean_staff": mean_staff.ravel()[cell],
            "planned_on_duty": planned_on_duty[position],
            "expected_incidents": expected[cell],
            "incidents": counts[cell].astype(np.int64),
        }
    )


def incident_frame(
    incidents: dict[str, np.ndarray], register: dict, ring_ids: np.ndarray, clock: Clock
) -> pd.DataFrame:
    """Incidents sorted by report time and ring, numbered ``INC-0001``..."""
    order = np.lexsort((incidents["ring"], incidents["minute"]))
    inc = {key: value[order] for key, value in incidents.items()}
    no_span = ~inc["has_span"]
    return pd.DataFrame(
        {
            "incident_id": _text(draws.running_codes("INC-", order.size, 4)),
            "reported_at": clock.stamp(inc["minute"]),
            "ring": _text(ring_ids[inc["ring"]]),
            "category": _text(np.array(draws.CATEGORIES, object)[inc["category"]]),
            "severity": inc["severity"].astype(np.int64),
            "disrupted_proceedings": inc["disrupted"].astype(bool),
            "occurred_from": clock.stamp(inc["occurred_from"], no_span),
            "occurred_to": clock.stamp(inc["occurred_to"], no_span),
            "responded_at": clock.stamp(inc["responded"]),
            "resolved_at": clock.stamp(inc["resolved"], inc["unresolved"]),
            "risk_id": _text(np.append(register["risk_id"], None)[inc["risk_row"]]),  # -1: blank
            "description": _text(draws.DESCRIPTIONS[inc["description"]]),
        }
    )


def staffing_frame(roster: dict[str, np.ndarray], ring_ids: np.ndarray, clock: Clock):
    officer = roster["officer"]
    return pd.DataFrame(
        {
            "officer_id": _text(roster["officer_id"][officer]),
            "ring": _text(ring_ids[roster["ring"]]),
            "shift_start": clock.stamp(roster["start"]),
            "shift_end": clock.stamp(roster["end"]),
            "unit": _text(roster["unit"][officer]),
            "role": _text(roster["role"][officer]),
        }
    )


def register_frame(register: dict, ring_ids: np.ndarray, clock: Clock) -> pd.DataFrame:
    ring = register["ring"]
    blank = register["blank_window"]
    return pd.DataFrame(
        {
            "risk_id": _text(register["risk_id"]),
            "threat": _text(register["threat"]),
            "ring": _text(np.where(ring < 0, "all", np.append(ring_ids, "all")[ring])),
            "likelihood": register["likelihood"].astype(np.int64),
            "impact": register["impact"].astype(np.int64),
            "window_start": clock.stamp(register["start"] * 60, blank),
            "window_end": clock.stamp(register["end"] * 60, blank),
            "probability": register["probability"].astype(float),
            "planned_personnel": register["planned_personnel"].astype(np.int64),
            "mitigation": _text(register["mitigation"]),
        }
    )


# ----------------------------------------------------------------------------- helpers
