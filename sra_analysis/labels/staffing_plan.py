"""Words of the staffing plan: where the plan line comes from, planned against served."""

from __future__ import annotations

__all__ = ["STAFFING_PLAN_LABELS"]

STAFFING_PLAN_LABELS: dict[str, dict[str, str]] = {
    "staffing_plan.source.plan_file": {
        "en": "The planned staffing comes from the staffing plan ({file}).",
        "id": "Rencana personel diambil dari plotting personel per ring ({file}).",
    },
    "staffing_plan.source.register": {
        "en": "No staffing plan was given: the planned staffing comes from the risk "
        "register's planned personnel, taking for each ring and hour the most specific row "
        "(the shortest time span that covers it; of equal spans, the largest number).",
        "id": "Plotting personel per ring tidak dilampirkan: rencana personel diambil dari "
        "kolom rencana personel pada daftar risiko, dengan baris yang paling khusus untuk "
        "setiap ring dan jam (rentang waktu terpendek yang mencakupnya; bila sama panjang, "
        "jumlah terbesar).",
    },
    "staffing_plan.source.none": {
        "en": "Neither a staffing plan nor the risk register gives planned staffing, so "
        "staffing is not compared with a plan.",
        "id": "Plotting personel maupun daftar risiko tidak memuat rencana personel, "
        "sehingga kekuatan personel tidak dibandingkan dengan rencana.",
    },
    "staffing_plan.personnel": {
        "en": "Planned strength (event.yaml): {planned} officers; {served} distinct officers "
        "served.",
        "id": "Rencana kekuatan (event.yaml): {planned} personel; yang bertugas: {served} "
        "personel (dihitung per orang).",
    },
    "staffing_plan.personnel_unplanned": {
        "en": "{served} distinct officers served (event.yaml gives no planned personnel).",
        "id": "Yang bertugas: {served} personel (dihitung per orang); event.yaml tidak memuat "
        "rencana kekuatan.",
    },
    "staffing_plan.heading": {
        "en": "Planned against served, per ring",
        "id": "Rencana dibanding pelaksanaan, per ring",
    },
    "staffing_plan.col.planned_hours": {"en": "Planned hours", "id": "Jam direncanakan"},
    "staffing_plan.col.planned_officers": {
        "en": "Planned officers", "id": "Personel direncanakan",
    },
    "staffing_plan.col.planned_officer_hours": {
        "en": "Planned officer-hours", "id": "Jam-personel direncanakan",
    },
    "staffing_plan.col.served_officer_hours": {
        "en": "Served officer-hours (planned time)",
        "id": "Jam-personel terlaksana (waktu yang direncanakan)",
    },
    "staffing_plan.col.served_range": {
        "en": "Officers on duty (lowest–highest)",
        "id": "Personel bertugas (terendah–tertinggi)",
    },
    "staffing_plan.col.shortfall": {
        "en": "Officer-hours below plan", "id": "Kekurangan jam-personel",
    },
    # quarantine reasons of the staffing plan file
    "staffing_plan.reason.overlap": {
        "en": "overlaps row {row} for the same ring and time ({unit}); a ring's plan may "
        "list one number per unit and time: correct one of the two rows",
        "id": "tumpang tindih dengan baris {row} untuk ring dan waktu yang sama ({unit}); "
        "rencana satu ring hanya memuat satu jumlah per satuan dan waktu: perbaiki salah "
        "satu baris",
    },
    "staffing_plan.reason.no_unit": {"en": "no unit given", "id": "satuan tidak diisi"},
}  # fmt: skip
