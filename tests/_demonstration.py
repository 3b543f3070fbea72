"""The spreading demonstration the after-action review and its workbook are tested on.

On the base event of tests/conftest.py (ring 1 outside the fence, ring 2 inside the building,
ring 3 the plenary room). R1 foresaw the demonstration outside the fence, 2 March
12:00–18:00, extreme (4 × 4), 16 officers planned; R2 rates every ring medium (2 × 3) all event.
The demonstration began outside the fence at 12:30 and reached the building (13:20) and the
plenary room (13:45): 75 minutes from first to last ring, disrupting all three (13:05, 13:20,
13:45). A witness dispute in the plenary room at 13:00 no item foresaw.
"""

from __future__ import annotations

__all__ = [
    "DEMO_INCIDENTS",
    "DEMO_RISKS",
    "DEMO_STAFFING",
    "SPREAD_INCIDENTS",
    "SPREAD_RISKS",
    "WITNESS_DISPUTE",
]

SPREAD_RISKS = [
    {"risk_id": "R1", "threat": "Unjuk rasa di depan pagar", "ring": "1", "likelihood": "4",
     "impact": "4", "window_start": "2024-03-02 12:00", "window_end": "2024-03-02 18:00",
     "planned_personnel": "16"},
    {"risk_id": "R2", "threat": "Gangguan umum", "ring": "all", "likelihood": "2", "impact": "3"},
]  # fmt: skip

SPREAD_INCIDENTS = [
    {"incident_id": "D1", "reported_at": "2024-03-02 12:30", "ring": "1", "category": "protest",
     "severity": "3", "disrupted_proceedings": "false", "risk_id": "R1",
     "responded_at": "2024-03-02 12:32"},
    {"incident_id": "D2", "reported_at": "2024-03-02 13:05", "ring": "1", "category": "protest",
     "severity": "5", "disrupted_proceedings": "true", "risk_id": "R1",
     "responded_at": "2024-03-02 13:06"},
    {"incident_id": "D3", "reported_at": "2024-03-02 13:20", "ring": "2", "category": "protest",
     "severity": "4", "disrupted_proceedings": "true", "risk_id": "R1",
     "responded_at": "2024-03-02 13:23"},
    {"incident_id": "D4", "reported_at": "2024-03-02 13:45", "ring": "3", "category": "protest",
     "severity": "4", "disrupted_proceedings": "true", "risk_id": "R1",
     "responded_at": "2024-03-02 13:47", "resolved_at": "2024-03-02 14:30"},
]  # fmt: skip

#: Close in time and ring to the demonstration, but another category and no item: apart.
WITNESS_DISPUTE = {
    "incident_id": "W1", "reported_at": "2024-03-02 13:00", "ring": "3",
    "category": "witness_dispute", "severity": "3", "disrupted_proceedings": "false",
    "responded_at": "2024-03-02 13:02",
}  # fmt: skip


# ---------------------------------------------------------------- a demonstration that spreads
# R1 foresaw the demonstration outside the fence (ring 1), 2 March 12:00–18:00, extreme (4 × 4),
# 16 officers planned. It began there at 12:30 and reached the building (13:20) and the plenary
# room (13:45): 75 minutes from first to last ring. R2 rates every ring medium (2 × 3) all event.
DEMO_RISKS = [
    *SPREAD_RISKS,
    # high (3 × 4) in the plenary room on the first morning only
    {"risk_id": "R3", "threat": "Perselisihan saksi", "ring": "3", "likelihood": "3",
     "impact": "4", "window_start": "2024-03-01 08:00", "window_end": "2024-03-01 12:00"},
]  # fmt: skip

DEMO_INCIDENTS = [
    *SPREAD_INCIDENTS,
    # minor: not significant, in no episode
    {"incident_id": "M1", "reported_at": "2024-03-02 12:50", "ring": "1", "category": "traffic",
     "severity": "2", "disrupted_proceedings": "false"},
    # close in time and ring to the demonstration but another category and no item: apart
    WITNESS_DISPUTE,
    # the same item three hours after the last protest incident: a second episode
    {"incident_id": "D5", "reported_at": "2024-03-02 17:00", "ring": "1", "category": "protest",
     "severity": "3", "disrupted_proceedings": "false", "risk_id": "R1",
     "responded_at": "2024-03-02 17:05"},
    # R3's threat, but after R3's span: not a strength, and rated medium without disruption
    {"incident_id": "X1", "reported_at": "2024-03-01 15:00", "ring": "3",
     "category": "witness_dispute", "severity": "3", "disrupted_proceedings": "false",
     "risk_id": "R3", "responded_at": "2024-03-01 15:04"},
]  # fmt: skip

# ten officers outside the fence on 2 March 07:00–19:00, against the 16 R1 plans for 12–18
DEMO_STAFFING = [
    {"officer_id": f"P{n:02d}", "ring": "1", "shift_start": "2024-03-02 07:00",
     "shift_end": "2024-03-02 19:00"}
    for n in range(10)
] + [
    {"officer_id": "B01", "ring": "2", "shift_start": "2024-03-02 07:00",
     "shift_end": "2024-03-02 19:00"},
]  # fmt: skip
