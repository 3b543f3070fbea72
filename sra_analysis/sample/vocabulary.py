"""Words the synthetic events are made of: rings, threats, incident texts, units, regions.

Everything here is plain data. Incident categories use the same codes as the hand-written
``purwakarta-2024`` sample (``crowd``, ``protest``, ``witness_dispute``, ...); threats,
descriptions and mitigations are in Bahasa Indonesia, as a Polres operations order would
write them. A few texts carry ``±`` or ``–`` so that a cp1252 file differs from UTF-8.
"""

from __future__ import annotations

__all__ = [
    "CATEGORY_DESCRIPTIONS",
    "PROVINCES",
    "RING_POOL",
    "RING_SELECTION",
    "ROLES",
    "THREATS",
    "UNANTICIPATED_CATEGORIES",
    "UNITS_BY_RING_KIND",
    "WEST_JAVA_REGIONS",
]

#: Rings from the outermost to the innermost: (English name, Indonesian name, short alias,
#: kind, zone). The kind (``outer``, ``middle``, ``inner``) decides which units and threats go
#: there; the zone (:data:`sra_analysis.zones.ZONES`) is what ``event.yaml`` says it guards.
RING_POOL: tuple[tuple[str, str, str, str, str], ...] = (
    ("Approach roads", "Jalan akses", "approach", "outer", "outer"),
    ("Outside the fence", "Luar pagar", "outer", "outer", "perimeter"),
    ("Inside the fence", "Halaman dalam pagar", "compound", "middle", "building"),
    ("Inside the building", "Dalam gedung", "building", "middle", "building"),
    ("Plenary room", "Ruang pleno", "plenary", "inner", "core"),
)

#: Which rings of :data:`RING_POOL` (outermost first) an event with n rings has: as Polri
#: guards a plenary, three rings are the fence, the building and the plenary room, and a
#: fourth takes the approach roads.
RING_SELECTION: dict[int, tuple[int, ...]] = {
    1: (3,),
    2: (1, 4),
    3: (1, 3, 4),
    4: (0, 1, 3, 4),
    5: (0, 1, 2, 3, 4),
}

#: Threats of the SRA: (category, threat, ring kind, likelihood, impact, baseline, mitigation).
#: Ring kind is ``outer``, ``middle``, ``inner``, ``any`` or ``all``; baseline threats are the
#: ones an SRA lists for the whole event.
THREATS: tuple[tuple[str, str, str, int, int, bool, str], ...] = (
    (
        "crowd",
        "Massa pendukung caleg/partai berkumpul di depan pagar kantor KPU",
        "outer",
        3,
        2,
        True,
        "Penjagaan gerbang dan pagar, pemantauan Sat Intelkam, massa di luar radius 50 m.",
    ),
    (
        "protest",
        "Unjuk rasa menuntut penghitungan ulang di depan kantor KPU",
        "outer",
        3,
        4,
        False,
        "Water barrier di depan gerbang, Brimob BKO (PHH) siaga, negosiator Sat Intelkam.",
    ),
    (
        "clash",
        "Bentrokan antar massa pendukung yang berbeda pilihan",
        "outer",
        2,
        5,
        False,
        "Pemisahan kelompok massa, penyekatan jalan, Dalmas dan PHH siaga di ring luar.",
    ),
    (
        "traffic",
        "Kemacetan di jalan akses saat kedatangan logistik dari PPK",
        "outer",
        4,
        1,
        True,
        "Pengaturan arus oleh Sat Lantas, kedatangan PPK bergelombang, kantong parkir.",
    ),
    (
        "unauthorised_entry",
        "Upaya masuk gedung tanpa kartu akreditasi",
        "middle",
        3,
        3,
        True,
        "Pemeriksaan ID card di satu pintu masuk, pemeriksaan badan dan barang bawaan.",
    ),
    (
        "infrastructure",
        "Gangguan listrik saat rekapitulasi berlangsung",
        "middle",
        2,
        3,
        True,
        "Genset siaga, koordinasi dengan PLN, lampu darurat di ruang pleno.",
    ),
    (
        "ballot_tampering",
        "Upaya merebut atau merusak kotak suara dan formulir hasil",
        "middle",
        2,
        5,
        False,
        "Penjagaan gudang logistik 24 jam, segel diperiksa bersama saksi dan Bawaslu.",
    ),
    (
        "witness_dispute",
        "Perselisihan antar saksi partai di ruang pleno",
        "inner",
        3,
        3,
        False,
        "Personel berseragam dan Propam di ruang pleno, keberatan lewat formulir kejadian.",
    ),
    (
        "suspension",
        "Skorsing rapat pleno karena keberatan saksi",
        "inner",
        2,
        4,
        False,
        "Koordinasi dengan pimpinan rapat, ruang tunggu saksi dijaga selama skorsing.",
    ),
    (
        "intrusion",
        "Orang tidak berhak masuk ke ruang pleno",
        "inner",
        2,
        4,
        False,
        "Daftar hadir dan gelang akreditasi, pintu ruang pleno dijaga dua personel.",
    ),
    (
        "intimidation",
        "Intimidasi terhadap komisioner KPU dan anggota PPK",
        "inner",
        2,
        4,
        False,
        "Pengawalan komisioner, jalur keluar terpisah, pendampingan Propam.",
    ),
    (
        "suspicious_object",
        "Ancaman bom atau benda mencurigakan",
        "all",
        1,
        5,
        True,
        "Sterilisasi gedung oleh Jibom Brimob sebelum rapat, pemeriksaan barang bawaan.",
    ),
    (
        "disinformation",
        "Hoaks kecurangan rekapitulasi di media sosial memicu pengerahan massa",
        "all",
        3,
        2,
        True,
        "Patroli siber, klarifikasi bersama KPU dan Bawaslu, pantau grup WA.",
    ),
    (
        "medical",
        "Petugas atau saksi kelelahan dan sakit selama rapat maraton",
        "any",
        3,
        2,
        True,
        "Pos kesehatan dan ambulans siaga, rotasi personel, konsumsi tepat waktu.",
    ),
)

#: Categories of incidents that no SRA above anticipates.
UNANTICIPATED_CATEGORIES: tuple[str, ...] = ("accident", "lost_property", "drone", "fire")

#: Indonesian descriptions per incident category (two or three variants each).
CATEGORY_DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "crowd": (
        "Massa pendukung ± 150 orang berkumpul di pagar menunggu hasil rekapitulasi.",
        "Massa pendukung berkumpul di depan gerbang kantor KPU, situasi kondusif.",
    ),
    "protest": (
        "Unjuk rasa menuntut penghitungan ulang, orasi di depan pagar.",
        "Aksi massa menuntut pembukaan kotak suara – perwakilan diterima KPU.",
    ),
    "clash": (
        "Saling dorong antar kelompok pendukung di depan pagar, dilerai Dalmas.",
        "Bentrokan kecil antar massa pendukung, dua orang diamankan.",
    ),
    "traffic": (
        "Kemacetan di jalan akses akibat antrean truk logistik dari PPK.",
        "Parkir liar kendaraan pendukung menutup jalan akses, diurai Sat Lantas.",
    ),
    "unauthorised_entry": (
        "Upaya masuk tanpa akreditasi, yang bersangkutan diarahkan keluar.",
        "Tamu tanpa ID card mencoba masuk gedung lewat pintu samping.",
    ),
    "infrastructure": (
        "Listrik padam ± 15 menit, genset dinyalakan.",
        "Pendingin ruangan dan pengeras suara ruang pleno mati, diperbaiki teknisi.",
    ),
    "ballot_tampering": (
        "Segel kotak suara dari PPK ditemukan rusak, dibuka bersama saksi dan Bawaslu.",
        "Upaya merebut formulir hasil dari meja PPK, dicegah petugas.",
    ),
    "witness_dispute": (
        "Perselisihan saksi partai soal selisih suara pada formulir D.Hasil Kecamatan.",
        "Adu mulut antar saksi partai, ditengahi pimpinan rapat.",
    ),
    "suspension": (
        "Skorsing rapat pleno ± 30 menit karena keberatan saksi.",
        "Rapat pleno diskors untuk pencocokan data – saksi menunggu di ruang tunggu.",
    ),
    "intrusion": (
        "Orang tidak dikenal masuk ke ruang pleno tanpa gelang akreditasi.",
        "Pendukung caleg menyusup ke barisan saksi di ruang pleno.",
    ),
    "intimidation": (
        "Ancaman verbal terhadap komisioner KPU saat jeda rapat.",
        "Anggota PPK diintimidasi pendukung caleg di lorong gedung.",
    ),
    "suspicious_object": (
        "Laporan benda mencurigakan di area parkir, diperiksa Jibom – nihil.",
        "Tas tanpa pemilik di lobi, area disterilkan.",
    ),
    "disinformation": (
        "Hoaks penggelembungan suara beredar di grup WhatsApp, dilaporkan ke tim siber.",
        "Seruan mengepung kantor KPU beredar di media sosial.",
    ),
    "medical": (
        "Petugas pingsan karena kelelahan, ditangani pos kesehatan.",
        "Saksi sakit dan dievakuasi ke puskesmas terdekat.",
    ),
    "accident": ("Kecelakaan sepeda motor di depan kantor KPU, korban dibawa ke RSUD.",),
    "lost_property": ("Laporan kehilangan telepon genggam di ruang tunggu saksi.",),
    "drone": ("Drone tanpa izin terbang di atas gedung, operator ditemukan dan ditegur.",),
    "fire": ("Kebakaran kecil di tempat sampah belakang gedung, dipadamkan dengan APAR.",),
}

#: Units and their weights per ring kind (outer, middle, inner).
UNITS_BY_RING_KIND: dict[str, tuple[tuple[str, float], ...]] = {
    "outer": (
        ("Sat Samapta", 0.4),
        ("Brimob BKO", 0.25),
        ("Sat Lantas", 0.2),
        ("Sat Intelkam", 0.15),
    ),
    "middle": (("Sat Samapta", 0.55), ("Sat Reskrim", 0.25), ("Propam", 0.2)),
    "inner": (("Sat Samapta", 0.5), ("Sat Intelkam", 0.25), ("Propam", 0.25)),
}

#: Roles and their weights (one squad leader for about every ten officers).
ROLES: tuple[tuple[str, float], ...] = (
    ("Anggota", 0.82),
    ("Danru (komandan regu)", 0.12),
    ("Pawas (perwira pengawas)", 0.06),
)

#: The 26 regencies (kab) and cities (kota) of Jawa Barat other than Purwakarta.
WEST_JAVA_REGIONS: tuple[tuple[str, str], ...] = (
    ("kab", "Bogor"), ("kab", "Sukabumi"), ("kab", "Cianjur"), ("kab", "Bandung"),
    ("kab", "Garut"), ("kab", "Tasikmalaya"), ("kab", "Ciamis"), ("kab", "Kuningan"),
    ("kab", "Cirebon"), ("kab", "Majalengka"), ("kab", "Sumedang"), ("kab", "Indramayu"),
    ("kab", "Subang"), ("kab", "Karawang"), ("kab", "Bekasi"), ("kab", "Bandung Barat"),
    ("kab", "Pangandaran"), ("kota", "Bogor"), ("kota", "Sukabumi"), ("kota", "Bandung"),
    ("kota", "Cirebon"), ("kota", "Bekasi"), ("kota", "Depok"), ("kota", "Cimahi"),
    ("kota", "Tasikmalaya"), ("kota", "Banjar"),
)  # fmt: skip

#: Indonesia's 38 provinces: (name, IANA zone, regencies, cities), 416 kab + 98 kota = 514
#: regions, the ones that hold a recapitulation plenary (KPU regency and city offices, 2024).
#: WIB (UTC+7) is Sumatra, Java and West and Central Kalimantan (``Asia/Pontianak``); WITA
#: (UTC+8) Bali, Nusa Tenggara, South, East and North Kalimantan and Sulawesi; WIT (UTC+9)
#: Maluku and Papua. Jawa Barat comes first: its regions are :data:`WEST_JAVA_REGIONS`.
PROVINCES: tuple[tuple[str, str, int, int], ...] = (
    ("Jawa Barat", "Asia/Jakarta", 18, 9),
    ("Aceh", "Asia/Jakarta", 18, 5),
    ("Sumatera Utara", "Asia/Jakarta", 25, 8),
    ("Sumatera Barat", "Asia/Jakarta", 12, 7),
    ("Riau", "Asia/Jakarta", 10, 2),
    ("Jambi", "Asia/Jakarta", 9, 2),
    ("Sumatera Selatan", "Asia/Jakarta", 13, 4),
    ("Bengkulu", "Asia/Jakarta", 9, 1),
    ("Lampung", "Asia/Jakarta", 13, 2),
    ("Kepulauan Bangka Belitung", "Asia/Jakarta", 6, 1),
    ("Kepulauan Riau", "Asia/Jakarta", 5, 2),
    ("DKI Jakarta", "Asia/Jakarta", 1, 5),
    ("Jawa Tengah", "Asia/Jakarta", 29, 6),
    ("DI Yogyakarta", "Asia/Jakarta", 4, 1),
    ("Jawa Timur", "Asia/Jakarta", 29, 9),
    ("Banten", "Asia/Jakarta", 4, 4),
    ("Bali", "Asia/Makassar", 8, 1),
    ("Nusa Tenggara Barat", "Asia/Makassar", 8, 2),
    ("Nusa Tenggara Timur", "Asia/Makassar", 21, 1),
    ("Kalimantan Barat", "Asia/Pontianak", 12, 2),
    ("Kalimantan Tengah", "Asia/Pontianak", 13, 1),
    ("Kalimantan Selatan", "Asia/Makassar", 11, 2),
    ("Kalimantan Timur", "Asia/Makassar", 7, 3),
    ("Kalimantan Utara", "Asia/Makassar", 4, 1),
    ("Sulawesi Utara", "Asia/Makassar", 11, 4),
    ("Sulawesi Tengah", "Asia/Makassar", 12, 1),
    ("Sulawesi Selatan", "Asia/Makassar", 21, 3),
    ("Sulawesi Tenggara", "Asia/Makassar", 15, 2),
    ("Gorontalo", "Asia/Makassar", 5, 1),
    ("Sulawesi Barat", "Asia/Makassar", 6, 0),
    ("Maluku", "Asia/Jayapura", 9, 2),
    ("Maluku Utara", "Asia/Jayapura", 8, 2),
    ("Papua", "Asia/Jayapura", 8, 1),
    ("Papua Barat", "Asia/Jayapura", 7, 0),
    ("Papua Selatan", "Asia/Jayapura", 4, 0),
    ("Papua Tengah", "Asia/Jayapura", 8, 0),
    ("Papua Pegunungan", "Asia/Jayapura", 8, 0),
    ("Papua Barat Daya", "Asia/Jayapura", 5, 1),
)
