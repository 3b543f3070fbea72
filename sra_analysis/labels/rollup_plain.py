"""Labels of the roll-up's first screen for a Polda planner: the plain answer, staffing
against plan when it mattered, recurring findings with a recommendation for the province,
and the events to look at first. No statistics words: those stay in the analyst annex."""

from __future__ import annotations

__all__ = ["ROLLUP_PLAIN_LABELS"]

ROLLUP_PLAIN_LABELS: dict[str, dict[str, str]] = {
    # the plain answer: one sentence each
    "rollup.plain.right": {
        "en": "What the SRAs get right: {items}.",
        "id": "Yang sudah baik dari SRA: {items}.",
    },
    "rollup.plain.right_none": {
        "en": "No strength of the SRAs is found in two events or more.",
        "id": "Belum ada hal baik dari SRA yang muncul di dua kegiatan atau lebih.",
    },
    "rollup.plain.strength.anticipated": {
        "en": "a threat rated high or above happened where and when the SRA said it would "
        "({events} events)",
        "id": "ancaman berisiko tinggi ke atas benar terjadi di tempat dan waktu yang "
        "diperkirakan SRA ({events} kegiatan)",
    },
    "rollup.plain.strength.staffed": {
        "en": "hours rated high were staffed to plan ({events} events)",
        "id": "jam berisiko tinggi diisi personel sesuai rencana ({events} kegiatan)",
    },
    "rollup.plain.strength.levels": {
        "en": "the ratings pointed to where and when disruptions came ({events} events)",
        "id": "penilaian risiko menunjuk tempat dan waktu gangguan ({events} kegiatan)",
    },
    "rollup.plain.strength.response": {
        "en": "incidents were answered quickly ({events} events)",
        "id": "kejadian ditanggapi dengan cepat ({events} kegiatan)",
    },
    "rollup.plain.missing": {
        "en": "What they keep missing: {items}.",
        "id": "Yang terus terlewat: {items}.",
    },
    "rollup.plain.missing_item": {
        "en": "{category} in {zone}, {how} ({events} events)",
        "id": "{category} di {zone}, {how} ({events} kegiatan)",
    },
    "rollup.plain.how.missed": {"en": "rated too low", "id": "dinilai terlalu rendah"},
    "rollup.plain.how.unanticipated": {"en": "not in the SRA", "id": "tidak ada di SRA"},
    "rollup.plain.missing_none": {
        "en": "No threat was missed, or rated too low, in two events or more.",
        "id": "Tidak ada ancaman yang terlewat atau dinilai terlalu rendah di dua kegiatan atau "
        "lebih.",
    },
    "rollup.plain.staffing": {
        "en": "Staffing fell furthest short of plan when it mattered in {zone}, {hours}: "
        "{below} of {with_plan} ring-hours below plan, in {events} events; {served} of "
        "{planned} planned officer-hours served.",
        "id": "Kekurangan personel saat dibutuhkan paling besar di {zone}, pukul {hours}: "
        "{below} dari {with_plan} ring-jam di bawah rencana, di {events} kegiatan; terisi "
        "{served} dari {planned} jam-personel yang direncanakan.",
    },
    "rollup.plain.staffing_none": {
        "en": "No ring and hour of day was staffed below plan when it mattered in two events "
        "or more.",
        "id": "Tidak ada ring dan jam yang personelnya di bawah rencana saat dibutuhkan di dua "
        "kegiatan atau lebih.",
    },
    "rollup.plain.staffing_no_plan": {
        "en": "No SRA planned personnel for the hours that mattered, so staffing cannot be "
        "compared with a plan.",
        "id": "Tidak ada SRA yang merencanakan personel untuk jam-jam yang dibutuhkan, sehingga "
        "pengisian personel tidak dapat dibandingkan dengan rencana.",
    },
    "rollup.plain.without_plan": {
        "en": "{count} of {total} ring-hours that mattered had no staffing plan.",
        "id": "{count} dari {total} ring-jam yang dibutuhkan tidak memiliki rencana personel.",
    },
    "rollup.plain.first": {
        "en": "Events to look at first: {events}.",
        "id": "Kegiatan yang perlu diperiksa lebih dulu: {events}.",
    },
    "rollup.plain.first_none": {
        "en": "No event stands out: none was graded poor, had disruptions in hours rated low "
        "or was staffed below plan when it mattered.",
        "id": "Tidak ada kegiatan yang menonjol: tidak ada yang dinilai kurang, mengalami "
        "gangguan pada jam yang dinilai rendah, atau kekurangan personel saat dibutuhkan.",
    },
    "rollup.plain.recurring": {
        "en": "{count} findings recur in two events or more; each comes with a recommendation "
        "for the province.",
        "id": "{count} temuan berulang di dua kegiatan atau lebih; masing-masing disertai saran "
        "untuk tingkat Polda.",
    },
    "rollup.plain.recurring_none": {
        "en": "No finding recurs in two events or more.",
        "id": "Tidak ada temuan yang berulang di dua kegiatan atau lebih.",
    },
    # province-level recommendations, one per kind of improvement
    "rollup.recur.missed": {
        "en": "In {events} events {category} struck {zone} in hours the SRA rated too low. "
        "In every next SRA, rate this threat at least {level} for {zone} while the plenary "
        "runs, and plan personnel for it.",
        "id": "Di {events} kegiatan, {category} terjadi di {zone} pada jam yang dinilai SRA "
        "terlalu rendah. Dalam setiap SRA berikutnya, nilai ancaman ini sekurang-kurangnya "
        "{level} untuk {zone} selama rapat pleno berlangsung, dan rencanakan personelnya.",
    },
    "rollup.recur.unanticipated": {
        "en": "In {events} events {category} happened in {zone} with no SRA item for it. "
        "Add it to the threat list of every next SRA for {zone}, with a rating, mitigation "
        "and personnel.",
        "id": "Di {events} kegiatan, {category} terjadi di {zone} tanpa butir SRA yang "
        "memuatnya. Masukkan ancaman ini ke daftar ancaman setiap SRA berikutnya untuk {zone}, "
        "lengkap dengan penilaian risiko, langkah mitigasi dan kebutuhan personelnya.",
    },
    "rollup.recur.understaffed": {
        "en": "In {events} events {zone} was served below plan in hours rated high. Check the "
        "duty roster against the Renpam before each plenary and keep a reserve that can be "
        "moved to {zone} at once.",
        "id": "Di {events} kegiatan, {zone} diisi di bawah rencana pada jam berisiko tinggi. "
        "Cocokkan daftar dinas dengan Renpam sebelum setiap rapat pleno dan siapkan cadangan "
        "yang dapat segera digeser ke {zone}.",
    },
    "rollup.recur.overflagged": {
        "en": "In {events} events the SRA rated so many hours high that its ratings no longer "
        "told the hours apart. Keep high ratings for the rings and hours where a threat is "
        "expected.",
        "id": "Di {events} kegiatan, SRA menilai begitu banyak jam berisiko tinggi sehingga "
        "penilaiannya tidak lagi membedakan jam yang rawan. Batasi penilaian tinggi pada ring "
        "dan jam yang benar-benar diperkirakan terancam.",
    },
    "rollup.recur.response": {
        "en": "In {events} events the response to {category} in {zone} was slow. Rehearse it "
        "before each plenary: who moves, from where, and how fast.",
        "id": "Di {events} kegiatan, tindakan terhadap {category} di {zone} lambat. Latihkan "
        "sebelum setiap rapat pleno: siapa bergerak, dari mana, dan seberapa cepat.",
    },
    "rollup.recur.any_zone": {"en": "every ring", "id": "seluruh ring"},
    "rollup.recur.any_category": {"en": "this threat", "id": "ancaman ini"},
    # why an event is to be looked at first
    "rollup.first.poor": {
        "en": "its review graded the SRA poor",
        "id": "Anev-nya menilai SRA kurang",
    },
    "rollup.first.missed": {
        "en": "{count} disruption(s) in hours the SRA rated below {level}",
        "id": "{count} gangguan terjadi pada jam yang dinilai SRA di bawah {level}",
    },
    "rollup.first.gap": {
        "en": "{short} officers short of the {planned} planned in {zone} on day {day} at "
        "{hour}, when it mattered",
        "id": "kurang {short} dari {planned} personel yang direncanakan di {zone} pada hari "
        "ke-{day} pukul {hour}, saat dibutuhkan",
    },
    "rollup.first.rule": {
        "en": "Order: SRAs graded poor first, then the most disruptions in hours rated below "
        "the event's flag level, then the largest staffing gap when it mattered.",
        "id": "Urutan: SRA yang dinilai kurang lebih dulu, lalu yang paling banyak mengalami "
        "gangguan pada jam yang dinilai di bawah batas rawan kegiatannya, lalu yang kekurangan "
        "personelnya terbesar saat dibutuhkan.",
    },
    # sections
    "rollup.section.answer": {
        "en": "What the province's SRAs show",
        "id": "Gambaran SRA di wilayah Polda",
    },
    "rollup.section.staffing": {
        "en": "Where staffing fell short of plan when it mattered",
        "id": "Di mana personel di bawah rencana saat dibutuhkan",
    },
    "rollup.section.recurring": {
        "en": "Findings that recur across events",
        "id": "Temuan yang berulang antarkegiatan",
    },
    "rollup.section.strengths": {
        "en": "Strengths found in several events",
        "id": "Hal baik yang muncul di beberapa kegiatan",
    },
    "rollup.col.strength": {"en": "Strength", "id": "Hal yang sudah baik"},
    "rollup.strengths.none": {
        "en": "No strength of the events' reviews is found in two events or more.",
        "id": "Tidak ada hal baik dari Anev yang muncul di dua kegiatan atau lebih.",
    },
    "rollup.section.first": {
        "en": "Events to look at first",
        "id": "Kegiatan yang perlu diperiksa lebih dulu",
    },
    "rollup.section.annex": {"en": "Analyst annex", "id": "Lampiran analis"},
    "rollup.annex_note": {
        "en": "The numbers behind the answer above: how the risk levels, the matrix and each "
        "event compare across events, with the methods.",
        "id": "Angka di balik jawaban di atas: perbandingan tingkat risiko, matriks dan tiap "
        "kegiatan antarkegiatan, beserta metodenya.",
    },
    "rollup.staffing.intro": {
        "en": "Counted: the ring-hours that mattered, those the SRA rated at or above its flag "
        "level or in which an incident happened, in every event. A ring-hour is below plan "
        "when fewer officers were on duty on average than planned.",
        "id": "Yang dihitung: ring-jam yang dibutuhkan, yaitu yang dinilai SRA pada batas rawan "
        "atau di atasnya, atau yang "
        "mengalami kejadian, di semua kegiatan. Satu ring-jam di bawah rencana bila rata-rata "
        "personel yang bertugas lebih sedikit daripada rencana.",
    },
    "rollup.staffing.none": {
        "en": "No ring and hour of day was below plan in two events or more.",
        "id": "Tidak ada ring dan jam yang di bawah rencana di dua kegiatan atau lebih.",
    },
    "rollup.recurring.none": {
        "en": "No finding of the events' reviews recurs in two events or more.",
        "id": "Tidak ada temuan Anev yang berulang di dua kegiatan atau lebih.",
    },
    "rollup.recurring.not_read": {
        "en": "{count} report(s) carry no after-action findings (written by an older "
        "version): rerun them to include their findings.",
        "id": "{count} laporan tidak memuat temuan Anev (dibuat versi lama): jalankan ulang "
        "agar temuannya ikut dihitung.",
    },
    # table columns
    "rollup.col.finding": {"en": "Finding", "id": "Temuan"},
    "rollup.col.where": {"en": "Ring", "id": "Ring"},
    "rollup.col.event_list": {"en": "In events", "id": "Di kegiatan"},
    "rollup.col.recommendation": {
        "en": "Recommendation for the province",
        "id": "Saran untuk tingkat Polda",
    },
    "rollup.col.priority": {"en": "Priority", "id": "Prioritas"},
    "rollup.col.below_plan": {"en": "Ring-hours below plan", "id": "Ring-jam di bawah rencana"},
    "rollup.col.planned_oh": {
        "en": "Officer-hours planned",
        "id": "Jam-personel direncanakan",
    },
    "rollup.col.served_oh": {"en": "Officer-hours served", "id": "Jam-personel terisi"},
    "rollup.col.no_plan": {"en": "Without a plan", "id": "Tanpa rencana"},
    "rollup.col.why": {"en": "Why", "id": "Alasan"},
    "rollup.col.event_name": {"en": "Event", "id": "Kegiatan"},
    # chart
    "rollup.chart.staffing_title": {
        "en": "Ring-hours below planned staffing when it mattered, by ring and hour of day",
        "id": "Ring-jam yang terisi di bawah rencana personel saat dibutuhkan, menurut ring "
        "dan jam",
    },
    "rollup.chart.below_plan": {"en": "below plan", "id": "di bawah rencana"},
    "rollup.chart.staffing_hover": {
        "en": "{ring}, {hours}<br>{below} of {with_plan} ring-hours below plan ({share}), in "
        "{events_below} of {events} events<br>planned {planned} officer-hours, served "
        "{served}<br>{without} ring-hours without a plan",
        "id": "{ring}, pukul {hours}<br>{below} dari {with_plan} ring-jam di bawah rencana "
        "({share}), di {events_below} dari {events} kegiatan<br>rencana {planned} "
        "jam-personel, terisi {served}<br>{without} ring-jam tanpa rencana",
    },
    "rollup.chart.staffing_note": {
        "en": "Ring-hours the SRA flagged or with an incident, all events. Faded: below plan "
        "in one event only; · no plan; blank: none.",
        "id": "Ring-jam yang dinilai rawan oleh SRA atau mengalami kejadian, semua kegiatan. "
        "Pudar: di "
        "bawah rencana di satu kegiatan saja; · tanpa rencana; kosong: tidak ada.",
    },
}
