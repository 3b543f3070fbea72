"""Labels of the report's cover (:mod:`sra_analysis.reports.pages.cover`): title, the event's
particulars and the signature block."""

from __future__ import annotations

__all__ = ["COVER_LABELS"]

COVER_LABELS: dict[str, dict[str, str]] = {
    "cover.title": {
        "en": "Post-event security review",
        "id": "Laporan Anev Pengamanan",
    },
    "cover.venue": {"en": "Venue", "id": "Tempat"},
    "cover.dates": {"en": "Dates", "id": "Waktu"},
    "cover.unit": {"en": "Unit", "id": "Satuan"},
    "cover.prepared_by": {"en": "Prepared by", "id": "Dibuat oleh"},
    "cover.approved_by": {"en": "Approved by", "id": "Disahkan oleh"},
    "cover.name": {"en": "Name", "id": "Nama"},
    "cover.rank": {"en": "Rank", "id": "Pangkat/golongan"},
    "cover.nrp": {"en": "NRP", "id": "NRP"},
    "cover.date": {"en": "Date", "id": "Tanggal"},
    "cover.signature": {"en": "Signature", "id": "Tanda tangan"},
    # the printed report's page footer (every page but the cover)
    "cover.page_of": {"en": "Page {page} of {pages}", "id": "Halaman {page} dari {pages}"},
}
