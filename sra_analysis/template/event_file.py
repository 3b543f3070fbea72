"""``event.yaml`` with a comment above each key, from an event's metadata or an example.

The text is written by hand, not dumped, so that every key can carry its explanation in the
user's language; every value is written as YAML that :func:`sra_analysis.read_event_meta`
reads back to the same metadata (strings double-quoted, times as local ``YYYY-MM-DDTHH:MM``).
"""

from __future__ import annotations

import json
import re

import pandas as pd

from sra_analysis.event import EventMeta, Ring
from sra_analysis.levels import RiskLevels

__all__ = ["event_yaml_text", "example_meta"]

#: Plain words YAML 1.1 reads as booleans or null.
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})

_COMMENTS: dict[str, dict[str, str]] = {
    "head": {
        "en": "event.yaml — what the review needs to know about the event.\n"
        "Change the values, keep the keys. Lines starting with # are comments.\n"
        "Check the folder with:  sra-review validate FOLDER",
        "id": "event.yaml — keterangan kegiatan yang diperlukan untuk evaluasi.\n"
        "Ubah nilainya, jangan ubah nama kuncinya. Baris yang diawali # adalah komentar.\n"
        "Periksa folder dengan:  sra-review validate FOLDER",
    },
    "id": {
        "en": "Short identifier: lower-case letters, digits, '.', '_' or '-'; names the report "
        "folder.",
        "id": "Kode singkat: huruf kecil, angka, '.', '_' atau '-'; menjadi nama folder laporan.",
    },
    "name": {"en": "Full name of the event (the report's title).",
             "id": "Nama lengkap kegiatan (judul laporan)."},
    "venue": {"en": "Where it took place.", "id": "Tempat kegiatan."},
    "timezone": {
        "en": "Time zone of the venue (IANA name, or WIB, WITA, WIT). Times in the sheets\n"
        "without a zone are local times in this zone.",
        "id": "Zona waktu tempat kegiatan (nama IANA, atau WIB, WITA, WIT). Waktu dalam\n"
        "lembar kerja tanpa zona dibaca sebagai waktu setempat di zona ini.",
    },
    "start": {
        "en": "First and last hour of the security operation, local time, YYYY-MM-DDTHH:MM.\n"
        "Times in the sheets more than time_margin_hours outside them are refused.",
        "id": "Jam awal dan akhir pengamanan, waktu setempat, format YYYY-MM-DDTHH:MM.\n"
        "Waktu di lembar kerja yang lebih dari time_margin_hours di luarnya ditolak.",
    },
    "planned_personnel": {"en": "Officers deployed in total, as planned (optional).",
                          "id": "Jumlah personel yang direncanakan (boleh dikosongkan)."},
    "rings": {
        "en": "The security rings, in display order, numbered as Polri numbers them from the\n"
        "inside out: ring 1 the plenary room or sterile zone, ring 2 the building and yard,\n"
        "ring 3 the fence, gate and parking, ring 4 (if any) the roads. zone says what each\n"
        "ring guards, whatever its number: core (plenary room, sterile zone), building\n"
        "(building and yard), perimeter (fence, gate, parking) or outer (roads and\n"
        "surroundings); the roll-up across events pools rings by zone.\n"
        "The ring columns of the sheets may hold a ring's id, name, name_id or any alias\n"
        "(case, spaces and roman numerals do not matter). The workbooks' ring drop-downs\n"
        "list these rings as they were when the template was written: after changing them,\n"
        "write the template again with\n"
        "  sra-review template NEW_FOLDER --event event.yaml",
        "id": "Ring pengamanan, sesuai urutan tampilan, bernomor dari dalam ke luar seperti\n"
        "lazimnya di Polri: ring 1 ruang sidang atau area steril, ring 2 gedung dan\n"
        "halaman, ring 3 pagar, gerbang dan parkir, ring 4 (bila ada) jalan di sekitarnya.\n"
        "zone menyatakan bagian yang diamankan ring itu, apa pun nomornya: core (ruang\n"
        "sidang, area steril), building (gedung dan halaman), perimeter (pagar, gerbang,\n"
        "parkir) atau outer (jalan dan sekitarnya); rekap antarkegiatan menggabungkan\n"
        "ring menurut zona.\n"
        "Kolom ring pada lembar kerja boleh berisi id, name, name_id atau alias ring\n"
        "(huruf besar/kecil, spasi dan angka romawi tidak berpengaruh). Daftar pilihan\n"
        "ring di workbook berisi ring yang ada saat templat dibuat: setelah mengubahnya,\n"
        "buat templat lagi dengan\n"
        "  sra-review template FOLDER_BARU --event event.yaml",
    },
    "risk_levels": {
        "en": "How score = likelihood x impact (1-25) bands into risk levels: [low, high]\n"
        "ranges without gaps from 1 to 25. The legend sheet of risk_register.xlsx shows it.",
        "id": "Pembagian skor = kemungkinan x dampak (1-25) ke tingkat risiko: rentang\n"
        "[bawah, atas] tanpa celah dari 1 sampai 25. Lembar legenda risk_register.xlsx\n"
        "menampilkannya.",
    },
    "flag_level": {"en": "Windows rated at or above this level count as flagged by the SRA.",
                   "id": "Jendela waktu dengan tingkat ini atau lebih tinggi dianggap "
                   "ditandai oleh SRA."},
    "disruption_severity": {
        "en": "Incidents at or above this severity (1-5) count as disruptions when their\n"
        "disrupted-proceedings cell is blank.",
        "id": "Kejadian dengan tingkat keparahan ini (1-5) atau lebih dianggap gangguan bila\n"
        "kolom Mengganggu Jalannya Rapat kosong.",
    },
    "time_margin_hours": {
        "en": "Hours before start and after end in which a time is still accepted.",
        "id": "Jumlah jam sebelum start dan sesudah end yang waktunya masih diterima.",
    },
    "unit": {"en": "The unit that writes the review, shown on the report's cover (optional).",
             "id": "Satuan yang membuat laporan, tampil di sampul laporan (boleh dikosongkan)."},
    "classification": {
        "en": "Classification marking shown at the top and bottom of the cover, e.g. TERBATAS\n"
        "or RAHASIA (optional: without it the cover carries no marking).",
        "id": "Klasifikasi laporan di bagian atas dan bawah sampul, misalnya TERBATAS atau\n"
        "RAHASIA (boleh dikosongkan: tanpa klasifikasi, sampul tidak diberi tanda).",
    },
    "prepared_by": {
        "en": "Roles that prepare and approve the review, above the cover's signature block\n"
        "(optional; name, rank, NRP, date and signature are left blank to fill in by hand).",
        "id": "Jabatan pembuat dan pengesah laporan, di atas kolom tanda tangan pada sampul\n"
        "(boleh dikosongkan; nama, pangkat, NRP, tanggal dan tanda tangan diisi tangan).",
    },
    "objectives": {
        "en": "The operation's objectives, listed in the report's overview (optional):\n"
        "one text, or a list of texts.",
        "id": "Tujuan pengamanan, dicantumkan pada gambaran umum laporan (boleh dikosongkan):\n"
        "satu teks, atau daftar teks.",
    },
}  # fmt: skip

#: Values shown, commented out, for the cover's keys an event leaves out.
_COVER_EXAMPLES: dict[str, str] = {
    "unit": "Polres Purwakarta",
    "classification": "TERBATAS",
    "prepared_by": "Kabag Ops",
    "approved_by": "Kapolres",
}


def example_meta(*, lang: str = "en") -> EventMeta:
    """A plausible event to start from: a three-day plenary guarded in three rings,
    numbered as Polri numbers them (ring 1 the plenary room), each with its zone.

    Examples
    --------
    >>> [(ring.id, ring.label("id"), ring.zone) for ring in example_meta(lang="id").rings]
    [('1', 'Ruang pleno', 'core'), ('2', 'Dalam gedung', 'building'), ('3', 'Luar pagar', \
'perimeter')]
    """
    zone = "Asia/Jakarta"
    return EventMeta(
        id="contoh-pleno" if lang == "id" else "example-plenary",
        name="Rapat Pleno Terbuka Rekapitulasi" if lang == "id" else "Open recount plenary",
        venue="Kantor KPU Kabupaten" if lang == "id" else "Regency election commission office",
        timezone=zone,
        start=pd.Timestamp("2024-03-01T07:00", tz=zone),
        end=pd.Timestamp("2024-03-03T23:00", tz=zone),
        rings=(
            Ring("1", "Plenary room", "Ruang pleno", ("ring i", "plenary"), zone="core"),
            Ring("2", "Inside the building", "Dalam gedung", ("ring ii",), zone="building"),
            Ring("3", "Outside the fence", "Luar pagar", ("ring iii", "gate"), zone="perimeter"),
        ),
        planned_personnel=50,
        risk_levels=RiskLevels.from_mapping(None),
    )


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(str(text), ensure_ascii=False)


def _plain(text: str) -> str:
    """A level name as written by hand (``high``) when YAML reads it back as that text.

    Examples
    --------
    >>> _plain("high"), _plain("no"), _plain("very high")
    ('high', '"no"', '"very high"')
    """
    bare = re.fullmatch(r"[a-z][a-z0-9_]*", text) and text not in _YAML_WORDS
    return text if bare else _quoted(text)


def _local(stamp: pd.Timestamp) -> str:
    naive = stamp.tz_localize(None)
    return naive.strftime("%Y-%m-%dT%H:%M" + (":%S" if naive.second else ""))


def _comment(key: str, lang: str) -> list[str]:
    return [f"# {line}".rstrip() for line in _COMMENTS[key][lang].splitlines()]


def _ring_lines(ring: Ring) -> list[str]:
    lines = [f"  - id: {_quoted(ring.id)}", f"    name: {_quoted(ring.name)}"]
    if ring.name_id:
        lines.append(f"    name_id: {_quoted(ring.name_id)}")
    if ring.aliases:
        lines.append(f"    aliases: [{', '.join(_quoted(a) for a in ring.aliases)}]")
    if ring.zone:
        lines.append(f"    zone: {ring.zone}")
    return lines


def event_yaml_text(meta: EventMeta, *, lang: str = "en") -> str:
    """The text of ``event.yaml`` for ``meta``, each key under a comment in ``lang``.

    Parameters
    ----------
    meta : EventMeta
        The event, e.g. from :func:`sra_analysis.read_event_meta` or :func:`example_meta`.
    lang : {"en", "id"}
        Language of the comments.

    Returns
    -------
    str

    Examples
    --------
    >>> print(event_yaml_text(example_meta()).splitlines()[5])
    id: "example-plenary"
    """
    lines = [*_comment("head", lang), ""]
    lines += [*_comment("id", lang), f"id: {_quoted(meta.id)}"]
    lines += [*_comment("name", lang), f"name: {_quoted(meta.name)}"]
    lines += [*_comment("venue", lang), f"venue: {_quoted(meta.venue or '')}"]
    lines += [*_comment("timezone", lang), f"timezone: {_quoted(meta.timezone)}"]
    lines += [*_comment("start", lang), f"start: {_local(meta.start)}", f"end: {_local(meta.end)}"]
    if meta.planned_personnel is not None:
        lines += [*_comment("planned_personnel", lang)]
        lines += [f"planned_personnel: {int(meta.planned_personnel)}"]
    lines += [*_comment("rings", lang), "rings:"]
    for ring in meta.rings:
        lines += _ring_lines(ring)
    lines += [*_comment("risk_levels", lang), "risk_levels:"]
    lines += [f"  {_plain(name)}: [{low}, {high}]" for name, low, high in meta.risk_levels.bands]
    lines += [*_comment("flag_level", lang), f"flag_level: {_plain(meta.flag_level)}"]
    lines += [*_comment("disruption_severity", lang)]
    lines += [f"disruption_severity: {int(meta.disruption_severity)}"]
    margin = int(meta.time_margin / pd.Timedelta(hours=1))
    lines += [*_comment("time_margin_hours", lang), f"time_margin_hours: {margin}"]
    for key, example in _COVER_EXAMPLES.items():
        if key in _COMMENTS:  # approved_by shares prepared_by's comment
            lines += _comment(key, lang)
        value = getattr(meta, key)
        lines += [f"{key}: {_quoted(value)}" if value else f"# {key}: {_quoted(example)}"]
    lines += _comment("objectives", lang)
    objectives = getattr(meta, "objectives", ())
    if objectives:
        lines += ["objectives:", *(f"  - {_quoted(text)}" for text in objectives)]
    else:
        example = "Rapat pleno berjalan aman dan tertib" if lang == "id" else "A safe plenary"
        lines += [f"# objectives: [{_quoted(example)}]"]
    return "\n".join(lines) + "\n"
