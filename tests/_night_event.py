"""A hand-worked event across midnight, shared by the slicing, breakdown and focus tests.

8 hours, 1 March 20:00 – 2 March 04:00 WIB, three rings. What each table must show is
worked out by hand in the tests that use it.
"""

from __future__ import annotations

NIGHT = {"start": "2024-03-01T20:00", "end": "2024-03-02T04:00"}

INCIDENTS = [
    {"incident_id": "I1", "reported_at": "2024-03-01 21:10", "ring": "1", "category": "crowd",
     "severity": "4", "disrupted_proceedings": "true", "risk_id": "R1"},
    {"incident_id": "I2", "reported_at": "2024-03-02 01:30", "ring": "1", "category": "traffic",
     "severity": "2", "disrupted_proceedings": "false"},
    {"incident_id": "I3", "reported_at": "2024-03-01 22:15", "ring": "2", "category": "access",
     "severity": "1", "disrupted_proceedings": "false"},
    {"incident_id": "I4", "reported_at": "2024-03-02 02:45", "ring": "3", "category": "protest",
     "severity": "5", "disrupted_proceedings": "true", "risk_id": "R3"},
    # before the event starts but within its margin: loaded, outside every window
    {"incident_id": "I5", "reported_at": "2024-03-01 19:30", "ring": "1", "category": "traffic",
     "severity": "1", "disrupted_proceedings": "false"},
]  # fmt: skip

STAFFING = [
    {"officer_id": "O1", "ring": "1", "shift_start": "2024-03-01 20:00",
     "shift_end": "2024-03-02 00:00"},
    {"officer_id": "O2", "ring": "1", "shift_start": "2024-03-01 20:00",
     "shift_end": "2024-03-02 04:00"},
    {"officer_id": "O3", "ring": "2", "shift_start": "2024-03-01 20:00",
     "shift_end": "2024-03-02 04:00"},
    {"officer_id": "O4", "ring": "3", "shift_start": "2024-03-02 00:00",
     "shift_end": "2024-03-02 04:00"},
]  # fmt: skip

RISKS = [
    # 4 × 4 = 16, extreme, 20:00–22:00 in ring 1, three officers planned
    {"risk_id": "R1", "threat": "Massa di gerbang", "ring": "1", "likelihood": "4",
     "impact": "4", "window_start": "2024-03-01 20:00", "window_end": "2024-03-01 22:00",
     "planned_personnel": "3"},
    # 2 × 3 = 6, medium, every ring, the whole event
    {"risk_id": "R2", "threat": "Gangguan umum", "ring": "all", "likelihood": "2",
     "impact": "3"},
    # 3 × 4 = 12, high, 02:00–04:00 in ring 3
    {"risk_id": "R3", "threat": "Unjuk rasa di ruang pleno", "ring": "3", "likelihood": "3",
     "impact": "4", "window_start": "2024-03-02 02:00", "window_end": "2024-03-02 04:00"},
]  # fmt: skip


def night_event(build_event, **changes):
    """The event above, loaded through ``build_event`` (tests/conftest.py)."""
    return build_event(incidents=INCIDENTS, staffing=STAFFING, risks=RISKS, **{**NIGHT, **changes})
