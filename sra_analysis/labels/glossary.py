"""One glossary of the terms the reports use, in English and in Polri's Bahasa Indonesia.

Each concept has ONE Indonesian term, the word a Polri report uses (Kamtibmas, Renpam, Anev,
personel, pengamanan, jam-personel, ring, tingkat risiko, gangguan, kejadian), never a calque
of statistics English. The label catalogues use these terms; the test of the labels checks
that no calque listed in :data:`CALQUES` appears in any Indonesian label, and the report's
glossary section and the documentation site read :func:`glossary`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sra_analysis.errors import ParameterError

__all__ = ["CALQUES", "TERMS", "Term", "glossary", "term"]


@dataclass(frozen=True)
class Term:
    """One concept: its key, its term and one-line definition in each language."""

    key: str
    id: str
    en: str
    definition_id: str
    definition_en: str


def _term(key: str, id: str, en: str, definition_id: str, definition_en: str) -> Term:
    return Term(key, id, en, definition_id, definition_en)


#: Every term, in the order a reader meets them: the operation, the review, the scores.
TERMS: tuple[Term, ...] = (
    # the operation
    _term("kamtibmas", "Kamtibmas", "public security and order",
          "Keamanan dan ketertiban masyarakat yang dijaga selama kegiatan.",
          "The public security and order the operation keeps during the event."),
    _term("pengamanan", "pengamanan", "security operation",
          "Kegiatan Polri menjaga keamanan suatu kegiatan masyarakat, di sini rapat pleno.",
          "The police operation guarding an event, here the plenary."),
    _term("renpam", "Renpam", "security plan",
          "Rencana pengamanan: ring, kekuatan personel dan cara bertindak yang disiapkan.",
          "The security plan: rings, officers and actions prepared beforehand."),
    _term("sra", "SRA", "SRA",
          "Penilaian risiko pengamanan: tiap ancaman dinilai kemungkinan × dampak per ring "
          "dan rentang waktu.",
          "Security Risk Assessment: each threat rated likelihood × impact per ring and time "
          "span."),
    _term("anev", "Anev", "review",
          "Analisa dan evaluasi setelah pengamanan: membandingkan SRA dengan yang terjadi.",
          "The post-operation analysis and evaluation: the SRA compared with what happened."),
    _term("ring", "ring", "ring",
          "Lapis pengamanan; ring 1 yang paling dalam (ruang pleno), ring berikutnya ke luar.",
          "A layer of the security cordon; ring 1 is the innermost (the plenary room)."),
    _term("ring_zone", "zona", "zone",
          "Bagian lokasi yang dijaga suatu ring: ruang sidang (area steril), gedung dan halaman, "
          "pagar, gerbang dan parkir, atau jalan dan sekitarnya.",
          "The part of the venue a ring guards: the plenary room (sterile zone), the building "
          "and yard, the fence, gate and parking, or the roads around."),
    _term("zone", "zona waktu", "time zone",
          "WIB (UTC+7), WITA (UTC+8) atau WIT (UTC+9); semua jam ditulis dalam zona kegiatan.",
          "WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9); every time is in the event's zone."),
    _term("personnel", "personel", "officers",
          "Anggota Polri yang bertugas; dihitung per orang, tanpa menampilkan NRP.",
          "The police officers on duty; counted by person, never shown by id."),
    _term("officer_hours", "jam-personel", "officer-hours",
          "Jumlah personel bertugas dikalikan lamanya bertugas (jam).",
          "Officers on duty times the hours they served."),
    _term("staffing_plan", "rencana personel", "planned staffing",
          "Jumlah personel yang direncanakan per ring dan rentang waktu.",
          "The officers planned per ring and time span."),
    _term("shortfall", "kekurangan personel", "shortfall",
          "Jam-personel yang kurang dari rencana personel.",
          "Officer-hours short of the planned staffing."),
    # what happened
    _term("incident", "kejadian", "incident",
          "Setiap peristiwa yang dicatat dalam laporan kejadian selama pengamanan.",
          "Any event written in the incident log during the operation."),
    _term("disruption", "gangguan", "disruption",
          "Kejadian yang mengganggu jalannya rapat pleno (atau berkeparahan tinggi).",
          "An incident that disrupted the proceedings (or of high severity)."),
    _term("severity", "tingkat keparahan", "severity",
          "Berat ringannya kejadian, dari 1 (ringan) sampai 5 (sangat berat).",
          "How serious an incident was, from 1 (minor) to 5 (critical)."),
    _term("significant", "kejadian menonjol", "significant incident",
          "Setiap gangguan, dan kejadian dengan tingkat keparahan pada batas yang ditetapkan "
          "atau di atasnya (bawaan: 3).",
          "Every disruption, and every incident at or above a set severity (3 by default)."),
    _term("episode", "rangkaian kejadian", "episode",
          "Kejadian menonjol yang berdekatan waktunya, dengan kategori atau butir SRA yang sama, "
          "di ring yang sama atau bersebelahan.",
          "Significant incidents close in time sharing a category or an SRA item, in the same "
          "or adjacent rings."),
    _term("unanticipated", "tidak terantisipasi", "unanticipated",
          "Kejadian yang tidak tercantum pada butir SRA mana pun.",
          "An incident no SRA item named."),
    # the review
    _term("risk_level", "tingkat risiko", "risk level",
          "Rendah, sedang, tinggi atau ekstrem, dari skor kemungkinan × dampak.",
          "Low, medium, high or extreme, from the likelihood × impact score."),
    _term("window", "blok waktu", "window",
          "Satu ring selama satu blok jam (biasanya satu jam): satuan penilaian SRA.",
          "One ring over one block of time (usually an hour): the unit the SRA is judged on."),
    _term("ring_hour", "ring-jam", "ring-hour",
          "Satu ring selama satu jam; ukuran waktu yang dijaga.",
          "One ring for one hour; the measure of time guarded."),
    _term("flag_level", "batas rawan", "flag level",
          "Tingkat risiko terendah yang dihitung sebagai rawan (biasanya tinggi).",
          "The lowest risk level that counts as flagged (usually high)."),
    _term("flagged", "dinilai rawan", "flagged",
          "Blok waktu yang dinilai SRA pada batas rawan atau di atasnya.",
          "A window the SRA rated at or above the flag level."),
    _term("hit", "tepat", "hit",
          "Blok waktu dinilai rawan dan terjadi gangguan.",
          "A flagged window that had a disruption."),
    _term("miss", "terlewat", "miss",
          "Blok waktu tidak dinilai rawan, tetapi terjadi gangguan.",
          "A window not flagged that had a disruption."),
    _term("false_alarm", "dinilai rawan, tanpa gangguan", "false alarm",
          "Blok waktu dinilai rawan, tetapi tidak terjadi gangguan.",
          "A flagged window without a disruption."),
    _term("correct_negative", "tidak rawan, tanpa gangguan", "correct negative",
          "Blok waktu tidak dinilai rawan dan memang tidak terjadi gangguan.",
          "A window not flagged that stayed without a disruption."),
    _term("grade_good", "baik", "good",
          "Penilaian SRA: ring dan jam yang dinilai rawan memang tempat gangguan terjadi.",
          "The SRA's grade when its flags sat where the disruptions came."),
    _term("grade_mixed", "cukup", "fair",
          "Penilaian SRA: sebagian tepat, sebagian belum.",
          "The SRA's grade when part of it was right and part was not."),
    _term("grade_poor", "kurang", "poor",
          "Penilaian SRA: gangguan tidak lebih sering terjadi di ring dan jam yang dinilai rawan.",
          "The SRA's grade when disruptions came no more often where it flagged."),
    _term("grade_quiet", "tanpa gangguan", "quiet",
          "Penilaian SRA bila tidak terjadi gangguan sama sekali: ketepatannya belum dapat diuji.",
          "The SRA's grade when no disruption happened: its aim cannot be tested."),
    _term("thin_evidence", "bukti belum memadai", "thin evidence",
          "Terlalu sedikit gangguan untuk membedakan SRA yang baik dari kebetulan.",
          "Too few disruptions to tell a good SRA from chance."),
    _term("disruption_episode", "rangkaian gangguan", "episode of disruption",
          "Jam-jam dengan gangguan yang berurutan di satu ring; dihitung satu kali sebagai "
          "satu bukti.",
          "Consecutive disrupted hours in one ring, counted once as one piece of evidence."),
    _term("quarantined", "disisihkan", "quarantined",
          "Baris data yang tidak dipakai karena isinya salah; alasannya dicantumkan.",
          "An input row set aside because it is wrong; the reason is given."),
    _term("provenance", "sumber data", "provenance",
          "Berkas yang dibaca, sidik SHA-256-nya dan versi perangkat lunak.",
          "The files read, their SHA-256 fingerprints and the software version."),
    _term("rollup", "rekap Anev", "roll-up",
          "Anev gabungan banyak kegiatan: apa yang berlaku umum untuk SRA berikutnya.",
          "The review pooled over many events: what holds for the next SRA."),
    _term("improvement_plan", "rencana perbaikan", "improvement plan",
          "Daftar tindakan perbaikan untuk SRA dan Renpam berikutnya.",
          "The corrective actions for the next SRA and security plan."),
    _term("capability_element", "unsur kemampuan", "capability element",
          "Bidang yang diperbaiki: perencanaan, organisasi, sarana dan prasarana, pelatihan "
          "atau latihan (simulasi).",
          "What an improvement changes: planning, organisation, equipment, training or "
          "exercise."),
    # the scores
    _term("pod", "POD", "POD",
          "Porsi ring-jam dengan gangguan yang dinilai rawan (1 = semua terprediksi).",
          "Probability of detection: the share of disrupted ring-hours that were flagged."),
    _term("far", "FAR", "FAR",
          "Porsi blok waktu yang dinilai rawan tetapi tanpa gangguan.",
          "False alarm ratio: the share of flagged windows without a disruption."),
    _term("csi", "CSI", "CSI",
          "Tepat dibagi jumlah tepat, terlewat, dan dinilai rawan tanpa gangguan.",
          "Critical success index: hits over hits, misses and false alarms."),
    _term("heidke", "skor Heidke", "Heidke skill score",
          "Ketepatan SRA di atas kebetulan (0 = sama dengan kebetulan, 1 = sempurna).",
          "Accuracy beyond chance (0 = no better than chance, 1 = perfect)."),
    _term("peirce", "skor Peirce", "Peirce skill score",
          "Porsi gangguan terprediksi dikurangi porsi blok tenang yang dinilai rawan.",
          "Hit rate minus false-alarm rate."),
    _term("pai", "PAI", "PAI",
          "Porsi gangguan di blok waktu rawan dibagi porsi waktunya (>1 = terpusat).",
          "Prediction accuracy index: share of disruptions in flagged windows over their "
          "share of time."),
    _term("auc", "AUC", "AUC",
          "Peluang ring-jam dengan gangguan dinilai lebih tinggi dari blok tenang (0,5 = "
          "kebetulan).",
          "Chance a disrupted window was rated above a quiet one (0.5 = chance)."),
    _term("tau_b", "tau-b Kendall", "Kendall tau-b",
          "Keselarasan urutan skor risiko dengan jumlah kejadian (−1 sampai 1).",
          "Rank agreement of risk score with incident count (−1 to 1)."),
    _term("gamma", "gamma Goodman–Kruskal", "Goodman–Kruskal gamma",
          "Seperti tau-b, tanpa memperhitungkan nilai yang sama.",
          "Like tau-b, ignoring ties."),
    _term("rate_ratio", "rasio laju gangguan", "disruption rate ratio",
          "Gangguan per jam pada blok waktu rawan dibagi gangguan per jam pada blok waktu "
          "lainnya (>1 = gangguan lebih sering di blok waktu rawan).",
          "Disruptions per hour in flagged windows over those in the other windows (>1 = more "
          "often where flagged)."),
    _term("brier", "skor Brier", "Brier score",
          "Rata-rata kuadrat selisih peluang dalam SRA dengan yang terjadi (0 = sempurna).",
          "Mean squared error of the register's probabilities (0 = perfect)."),
    _term("reliability", "keandalan", "reliability",
          "Kesesuaian peluang yang ditulis SRA dengan seberapa sering gangguan benar-benar "
          "terjadi.",
          "How well the register's probabilities matched how often disruptions happened."),
    _term("ci", "IK 95%", "95% CI",
          "Interval kepercayaan: rentang nilai yang sejalan dengan data, pada tingkat 95%.",
          "Confidence interval: the range of values consistent with the data, at 95%."),
    _term("p_value", "nilai p", "p-value",
          "Peluang hasil sekuat ini atau lebih bila yang bekerja hanya kebetulan; makin kecil, "
          "makin kecil kemungkinan kebetulan.",
          "The chance of a result at least this strong if only chance were at work; the "
          "smaller, the less likely chance."),
    _term("iqr", "rentang antarkuartil", "IQR",
          "Rentang separuh data yang di tengah (kuartil 1 sampai kuartil 3).",
          "Interquartile range: the middle half of the values (first to third quartile)."),
    _term("funnel", "batas corong", "funnel limits",
          "Sebaran yang wajar karena kebetulan; titik di luar corong patut diperiksa.",
          "The spread expected by chance; a point outside the funnel is worth a look."),
    _term("i2", "I²", "I²",
          "Porsi perbedaan antar-kegiatan yang melebihi kebetulan (0% sampai 100%).",
          "The share of the spread between events beyond chance (0% to 100%)."),
    _term("cochran_q", "Q Cochran", "Cochran's Q",
          "Uji apakah hasil antar-kegiatan berbeda melebihi kebetulan.",
          "A test of whether the events' results differ by more than chance."),
    _term("dersimonian_laird", "metode DerSimonian–Laird", "DerSimonian–Laird",
          "Cara menggabungkan hasil tiap kegiatan dengan memperhitungkan perbedaannya.",
          "A way of pooling events' results that allows for their differences."),
    _term("poisson_model", "model Poisson", "Poisson model",
          "Model hitungan kejadian per blok waktu yang menganggap kejadian saling lepas.",
          "A model of incident counts per window that takes incidents as independent."),
    _term("negative_binomial", "model binomial negatif", "negative binomial model",
          "Model Poisson yang memberi ruang bagi kejadian yang lebih beragam (berkelompok).",
          "A Poisson model that allows counts to vary more, as clustered incidents do."),
    _term("bonferroni", "koreksi Bonferroni", "Bonferroni correction",
          "Batas uji diperketat sebanyak jumlah sel yang diuji, agar tidak menonjol karena "
          "kebetulan.",
          "The test threshold divided by the number of cells tested, so chance does not stand "
          "out."),
    _term("cox", "konsistensi Cox", "Cox's consistency",
          "Syarat matriks risiko: tingkat yang lebih tinggi harus berarti risiko yang lebih "
          "besar.",
          "A risk matrix's rule: a higher level must mean a larger risk."),
)  # fmt: skip

#: Calques of statistics English that no Indonesian label may use (lower case), each with
#: the glossary term that replaces it.
CALQUES: dict[str, str] = {
    "jendela": "window",
    "alarm palsu": "false_alarm",
    "asal-usul": "provenance",
    "campuran": "grade_mixed",
    "bukti tipis": "thin_evidence",
    "buktinya tipis": "thin_evidence",
    "dikarantina": "quarantined",
    "karantina": "quarantined",
    "bertanda": "flagged",
    "ditandai": "flagged",
    "tangkapan": "pod",
    "skor keterampilan": "heidke",
    "kaji ulang": "anev",
    "tinjauan": "anev",
}

_BY_KEY = {entry.key: entry for entry in TERMS}


def term(key: str, lang: str = "en") -> str:
    """The glossary term ``key`` in ``lang``.

    Examples
    --------
    >>> term("false_alarm", "id")
    'dinilai rawan, tanpa gangguan'
    >>> term("window", "en")
    'window'
    """
    from sra_analysis.labels import check_lang

    check_lang(lang)
    try:
        entry = _BY_KEY[key]
    except KeyError:
        raise ParameterError(f"no glossary term {key!r}") from None
    return getattr(entry, lang)


def glossary(lang: str = "en") -> pd.DataFrame:
    """The glossary in ``lang``, one row per term, in reading order.

    Returns
    -------
    DataFrame
        ``key`` (stable across languages), ``term``, ``definition``.

    Examples
    --------
    >>> table = glossary("id")
    >>> table.loc[table["key"] == "provenance", ["term", "definition"]].iloc[0].tolist()
    ['sumber data', 'Berkas yang dibaca, sidik SHA-256-nya dan versi perangkat lunak.']
    >>> list(glossary("en").columns)
    ['key', 'term', 'definition']
    """
    from sra_analysis.labels import check_lang

    check_lang(lang)
    return pd.DataFrame(
        {
            "key": [entry.key for entry in TERMS],
            "term": [getattr(entry, lang) for entry in TERMS],
            "definition": [getattr(entry, f"definition_{lang}") for entry in TERMS],
        }
    )
