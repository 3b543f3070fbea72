"""Labels of the after-action review (:mod:`sra_analysis.review.aar`).

The Indonesian follows an Anev (analisa dan evaluasi) as a Polres staff officer writes it:
kejadian menonjol, gangguan, rangkaian kejadian, butir SRA, personel, ring-jam.
"""

from __future__ import annotations

__all__ = ["AAR_LABELS"]

AAR_LABELS: dict[str, dict[str, str]] = {
    # words
    "aar.word.ring": {"en": "ring", "id": "ring"},
    "aar.word.and": {"en": "and", "id": "dan"},
    "aar.word.unrated": {"en": "not rated", "id": "tidak dinilai"},
    "aar.place": {"en": "{ring}, {span}", "id": "{ring}, {span}"},
    "aar.word.minutes": {"en": "min", "id": "menit"},
    "aar.word.yes": {"en": "yes", "id": "ya"},
    "aar.word.no": {"en": "no", "id": "tidak"},
    "aar.evidence": {"en": "(evidence)", "id": "(rincian)"},
    "aar.episode.levels": {"en": "SRA rating", "id": "Penilaian SRA"},
    "aar.episode.facts": {
        "en": "{incidents} significant incident(s), {disruptions} disruption(s); half answered "
        "within {response}, resolved within {resolution}.",
        "id": "{incidents} kejadian menonjol, {disruptions} gangguan; separuh ditanggapi dalam "
        "{response}, selesai dalam {resolution}.",
    },
    "aar.chronology.rule": {
        "en": "Significant incidents (every disruption, and severity {severity} or above), "
        "grouped into episodes: incidents at most {gap} minutes apart that share a category "
        "or an SRA item, in the same or adjacent rings.",
        "id": "Kejadian menonjol (setiap gangguan, dan tingkat keparahan {severity} ke atas), "
        "dihimpun menjadi rangkaian kejadian: kejadian yang berselang paling lama {gap} menit "
        "dengan kategori atau butir SRA yang sama, di ring yang sama atau bersebelahan.",
    },
    # sections, kinds, capability elements, priorities
    "aar.section.summary": {"en": "Summary", "id": "Ringkasan"},
    "aar.section.chronology": {"en": "Chronology", "id": "Kronologi"},
    "aar.section.strengths": {"en": "Strengths", "id": "Hal yang sudah baik"},
    "aar.section.improvements": {"en": "Areas for improvement", "id": "Hal yang perlu diperbaiki"},
    "aar.section.notes": {"en": "Notes", "id": "Catatan"},
    "aar.more_episodes": {
        "en": "… and {count} more episode(s); every significant incident is in the table below "
        "and its full copy",
        "id": "… dan {count} rangkaian kejadian lainnya; semua kejadian menonjol ada pada tabel "
        "di bawah dan salinan lengkapnya",
    },
    "aar.more_improvements": {
        "en": "… and {count} more area(s) for improvement, every one in the improvement plan "
        "workbook (improvement_plan.xlsx)",
        "id": "… dan {count} hal lain yang perlu diperbaiki, semuanya ada di buku kerja rencana "
        "perbaikan (improvement_plan.xlsx)",
    },
    "aar.grade": {"en": "Grade", "id": "Nilai"},
    "aar.kind.anticipated": {"en": "Threat foreseen", "id": "Ancaman terperkirakan"},
    "aar.kind.staffed": {"en": "Staffed to plan", "id": "Personel sesuai rencana"},
    "aar.kind.levels": {"en": "Ratings on target", "id": "Penilaian risiko tepat sasaran"},
    "aar.kind.response": {"en": "Response", "id": "Kecepatan tindakan"},
    "aar.kind.missed": {"en": "Rated too low", "id": "Risiko dinilai terlalu rendah"},
    "aar.kind.unanticipated": {"en": "Threat not foreseen", "id": "Ancaman tidak terperkirakan"},
    "aar.kind.understaffed": {"en": "Below planned strength", "id": "Personel di bawah rencana"},
    "aar.kind.overflagged": {"en": "Too much rated high", "id": "Terlalu banyak dinilai tinggi"},
    "aar.capability.planning": {"en": "Planning", "id": "Perencanaan"},
    "aar.capability.organisation": {"en": "Organisation", "id": "Organisasi"},
    "aar.capability.equipment": {"en": "Equipment", "id": "Sarana dan prasarana"},
    "aar.capability.training": {"en": "Training", "id": "Pelatihan"},
    "aar.capability.exercise": {"en": "Exercise", "id": "Latihan (simulasi)"},
    "aar.priority.high": {"en": "high", "id": "tinggi"},
    "aar.priority.medium": {"en": "medium", "id": "sedang"},
    "aar.priority.low": {"en": "low", "id": "rendah"},
    "aar.col.episode": {"en": "Episode", "id": "Rangkaian"},
    "aar.col.root_cause": {"en": "Root cause", "id": "Penyebab"},
    "aar.col.action": {"en": "Recommended action", "id": "Saran tindak lanjut"},
    "aar.col.capability": {"en": "Capability element", "id": "Unsur kemampuan"},
    "aar.col.priority": {"en": "Priority", "id": "Prioritas"},
    "aar.col.response": {"en": "Response (min)", "id": "Tanggapan (menit)"},
    # the two counts, each under its own name (sra_analysis.review.aar.counts)
    "aar.count.disruptions": {"en": "Disruptions (incidents)", "id": "Gangguan (kejadian)"},
    "aar.count.disrupted_ring_hours": {
        "en": "Disrupted ring-hours",
        "id": "Ring-jam dengan gangguan",
    },
    "aar.count.disruptions_flagged": {
        "en": "Disruptions in ring-hours rated {flag_level}+",
        "id": "Gangguan pada ring-jam berisiko {flag_level} ke atas",
    },
    "aar.count.ring_hours_missed": {
        "en": "Disrupted ring-hours rated below {flag_level}",
        "id": "Ring-jam dengan gangguan berisiko di bawah {flag_level}",
    },
    # strengths
    "aar.strength.anticipated": {
        "en": "The SRA foresaw {risk_id} ({threat}), rated {level}, in {rings} for {span}; it "
        "happened there and then: {incidents} significant incident(s), {disruptions} of which "
        "disrupted the proceedings.",
        "id": "SRA telah memperkirakan {risk_id} ({threat}) dengan risiko {level} di {rings} "
        "pada {span}; ancaman itu benar terjadi di tempat dan waktu tersebut: {incidents} "
        "kejadian menonjol, {disruptions} di antaranya mengganggu jalannya rapat.",
    },
    "aar.strength.anticipated_held": {
        "en": "The SRA foresaw {risk_id} ({threat}), rated {level}, in {rings} for {span}; it "
        "happened there and then ({incidents} significant incident(s)) and the proceedings "
        "were not disrupted.",
        "id": "SRA telah memperkirakan {risk_id} ({threat}) dengan risiko {level} di {rings} "
        "pada {span}; ancaman itu benar terjadi di tempat dan waktu tersebut ({incidents} "
        "kejadian menonjol) dan jalannya rapat tidak terganggu.",
    },
    "aar.strength.staffed": {
        "en": "{rings}: all {hours} ring-hours rated {flag_level} or above were staffed at or "
        "above plan (up to {planned} officers).",
        "id": "{rings}: seluruh {hours} ring-jam berisiko {flag_level} ke atas terisi personel "
        "sesuai atau melebihi rencana (hingga {planned} personel).",
    },
    "aar.strength.levels": {
        "en": "The ratings pointed to where the disruptions came: {captured} of {disruptions} "
        "disruptions fell in the {area} of ring-hours rated {flag_level} or above.",
        "id": "Penilaian risiko menunjuk tempat dan waktu gangguan: {captured} dari "
        "{disruptions} gangguan terjadi pada {area} ring-jam yang dinilai berisiko "
        "{flag_level} ke atas.",
    },
    "aar.strength.response": {
        "en": "Half of the {incidents} significant incidents were answered within {median} "
        "minutes; the slowest response took {slowest} minutes.",
        "id": "Separuh dari {incidents} kejadian menonjol ditanggapi dalam {median} menit; "
        "tanggapan paling lambat {slowest} menit.",
    },
    # areas for improvement: what happened
    "aar.improvement.missed": {
        "en": "Episode {episode} ({categories}, {span}): {missed} of its {disruptions} "
        "disruption(s) came in ring-hours the SRA rated below {flag_level}, in {low_rings}.",
        "id": "Rangkaian kejadian {episode} ({categories}, {span}): {missed} dari "
        "{disruptions} gangguan terjadi pada ring-jam yang dinilai SRA di bawah "
        "{flag_level}, di {low_rings}.",
    },
    "aar.improvement.unanticipated": {
        "en": "Episode {episode} ({categories}, {span}) in {rings}: {incidents} significant "
        "incident(s), {disruptions} disruption(s), matched no SRA item.",
        "id": "Rangkaian kejadian {episode} ({categories}, {span}) di {rings}: {incidents} "
        "kejadian menonjol, {disruptions} gangguan, tidak tercakup butir SRA mana pun.",
    },
    "aar.improvement.understaffed": {
        "en": "{rings} stood at {served} of {planned} planned officers on {span}, "
        "ring-hours rated {flag_level} or above; in all {hours} such ring-hours were below "
        "plan, {shortfall} officer-hours short.",
        "id": "{rings} hanya diisi {served} dari {planned} personel yang direncanakan "
        "pada {span}, ring-jam berisiko {flag_level} ke atas; seluruhnya {hours} ring-jam di "
        "bawah rencana, kurang {shortfall} jam-personel.",
    },
    "aar.improvement.overflagged": {
        "en": "The SRA rated {area} of the ring-hours {flag_level} or above ({flagged_hours} "
        "of {total_hours}).",
        "id": "SRA menilai {area} dari ring-jam berisiko {flag_level} ke atas "
        "({flagged_hours} dari {total_hours} ring-jam).",
    },
    "aar.improvement.response": {
        "en": "Episode {episode} ({categories}, {span}): an incident in {slow_ring} waited "
        "{slowest} minutes for its response (half were answered within {median} minutes).",
        "id": "Rangkaian kejadian {episode} ({categories}, {span}): satu kejadian di "
        "{slow_ring} baru ditanggapi setelah {slowest} menit (separuh kejadian ditanggapi "
        "dalam {median} menit).",
    },
    # root causes: patterns in the data
    "aar.root.missed_spread": {
        "en": "The item {risk_id} ({threat}) covered {item_rings}, {item_span}; the episode "
        "began in {first_ring} and reached {rings} within {minutes} minutes, where the SRA "
        "rated the hours {levels}.",
        "id": "Butir {risk_id} ({threat}) hanya mencakup {item_rings}, {item_span}; rangkaian "
        "kejadian bermula di {first_ring} dan dalam {minutes} menit meluas hingga {rings}, "
        "padahal jam-jam di sana dinilai SRA {levels}.",
    },
    "aar.root.missed_outside": {
        "en": "The item {risk_id} ({threat}) covered {item_rings}, {item_span}; the "
        "disruptions came outside those rings or hours, where the SRA rated the hours "
        "{levels}.",
        "id": "Butir {risk_id} ({threat}) mencakup {item_rings}, {item_span}; gangguan "
        "terjadi di luar ring atau jam tersebut, yang dinilai SRA {levels}.",
    },
    "aar.root.missed_rated_low": {
        "en": "The item {risk_id} ({threat}) covered these rings and hours but was rated "
        "{item_level}, below {flag_level}.",
        "id": "Butir {risk_id} ({threat}) sudah mencakup ring dan jam tersebut, tetapi hanya "
        "dinilai {item_level}, di bawah {flag_level}.",
    },
    "aar.root.unanticipated": {
        "en": "The SRA had no threat for {categories}; the ring-hours were rated {levels} for "
        "other threats.",
        "id": "SRA tidak memuat ancaman {categories}; ring-jam tersebut dinilai {levels} "
        "berdasarkan ancaman lain.",
    },
    "aar.root.understaffed": {
        "en": "The ring was served below its plan while the SRA rated it {flag_level} or above.",
        "id": "Ring tersebut diisi di bawah rencana saat SRA menilainya berisiko {flag_level} "
        "ke atas.",
    },
    "aar.root.understaffed_episode": {
        "en": "The ring was served below its plan while episode {episode} ({categories}) "
        "unfolded there.",
        "id": "Ring tersebut diisi di bawah rencana tepat saat rangkaian kejadian {episode} "
        "({categories}) berlangsung di sana.",
    },
    "aar.root.overflagged_share": {
        "en": "With half or more of the ring-hours flagged, the ratings cannot show where "
        "personnel matter most; the flagged hours held {captured} of {disruptions} "
        "disruptions.",
        "id": "Bila separuh atau lebih ring-jam dinilai rawan, penilaian risiko tidak lagi "
        "menunjukkan di mana personel paling dibutuhkan; ring-jam yang dinilai rawan memuat "
        "{captured} dari {disruptions} gangguan.",
    },
    "aar.root.overflagged_chance": {
        "en": "{flagged_hours} ring-hours were flagged, and disruptions came in them no more "
        "often than chance would place them.",
        "id": "{flagged_hours} ring-jam dinilai rawan, dan gangguan tidak lebih sering terjadi di "
        "sana daripada bila ditempatkan secara acak.",
    },
    "aar.root.response": {
        "en": "The response in {slow_ring} took longer than {target} minutes while the "
        "episode ran in {rings}.",
        "id": "Tanggapan di {slow_ring} memakan waktu lebih dari {target} menit saat "
        "rangkaian kejadian berlangsung di {rings}.",
    },
    # recommended actions
    "aar.action.extend_item": {
        "en": "Extend {risk_id} to {gap_rings} for {span}, rated at least {flag_level}, with "
        "personnel planned for those rings.",
        "id": "Perluas butir {risk_id} ke {gap_rings} pada {span} dengan tingkat risiko "
        "sekurang-kurangnya {flag_level}, dan rencanakan personel untuk ring tersebut.",
    },
    "aar.action.raise_item": {
        "en": "Raise {risk_id} to at least {flag_level} in {gap_rings} for {span}, and plan "
        "personnel for it.",
        "id": "Naikkan penilaian butir {risk_id} menjadi sekurang-kurangnya {flag_level} di "
        "{gap_rings} pada {span}, dan rencanakan personelnya.",
    },
    "aar.action.add_threat": {
        "en": "Add a threat for {categories} in {rings} to the SRA (this time {plan_span}), "
        "with its rating, mitigation and personnel.",
        "id": "Tambahkan ancaman {categories} di {rings} ke dalam SRA (kali ini terjadi "
        "{plan_span}), lengkap dengan penilaian risiko, langkah mitigasi dan kebutuhan "
        "personelnya.",
    },
    "aar.action.add_officers": {
        "en": "Plan {officers} more officers for {rings} on {span} (or a reserve that can "
        "reach it in time), so that it stands at {planned}.",
        "id": "Rencanakan tambahan {officers} personel untuk {rings} pada {span} (atau "
        "cadangan yang dapat segera digeser ke sana) agar kekuatannya mencapai {planned} "
        "personel.",
    },
    "aar.action.focus_flags": {
        "en": "Keep {flag_level} and above for the rings and hours where a named threat is "
        "expected; rate the other ring-hours on their own threats, so that fewer than half "
        "are flagged.",
        "id": "Batasi penilaian {flag_level} ke atas pada ring dan jam yang memang menghadapi "
        "ancaman tertentu; nilai ring-jam lainnya sesuai ancamannya sendiri sehingga yang "
        "dinilai rawan kurang dari separuh.",
    },
    "aar.action.rehearse_response": {
        "en": "Rehearse the reaction to {categories} in {slow_ring} before the next event "
        "(who moves, from where, by which route), so that officers reach an incident within "
        "{target} minutes.",
        "id": "Latihkan cara bertindak menghadapi {categories} di {slow_ring} sebelum kegiatan "
        "berikutnya (siapa bergerak, dari mana, lewat jalur mana), agar personel tiba di "
        "lokasi kejadian dalam {target} menit.",
    },
    # measures of a category (sra_analysis.review.aar.measures), after the rule's action
    "aar.action.with_measures": {"en": "{action} {measures}", "id": "{action} {measures}"},
    "aar.measure.protest": {
        "en": "Have a negotiation team and a barrier line ready at {rings} before the crowd "
        "arrives.",
        "id": "Siapkan tim negosiator dan barikade lapis Dalmas di {rings} sebelum massa tiba.",
    },
    "aar.measure.infrastructure": {
        "en": "Check the generator and backup power with the building manager before the "
        "plenary opens each day.",
        "id": "Periksa genset dan cadangan listrik bersama pengelola gedung sebelum rapat "
        "pleno dibuka setiap hari.",
    },
    "aar.measure.disinformation": {
        "en": "Coordinate with the cyber unit and public information (Humas) before and during "
        "the plenary: patrol social media and answer hoaxes quickly.",
        "id": "Koordinasikan dengan tim siber dan Humas Polres sebelum dan selama rapat pleno: "
        "lakukan patroli siber dan klarifikasi segera atas hoaks yang beredar.",
    },
    "aar.measure.suspicious_object": {
        "en": "Have the bomb squad (Jibom) sweep {rings} before it opens each day.",
        "id": "Lakukan sterilisasi {rings} oleh Tim Jibom sebelum dibuka setiap hari.",
    },
    "aar.measure.unauthorised_entry": {
        "en": "Check identity and accreditation at the gates of {rings}; let in only those "
        "on the list.",
        "id": "Perketat pemeriksaan identitas dan kartu akreditasi di pintu masuk {rings}; "
        "hanya yang terdaftar yang boleh masuk.",
    },
    "aar.measure.intrusion": {
        "en": "Check accreditation again at the door of {rings} against the list of those "
        "entitled to be there.",
        "id": "Lakukan pemeriksaan ulang akreditasi di pintu {rings} sesuai daftar peserta "
        "yang berhak hadir.",
    },
    # notes
    "aar.note.quiet_flagged": {
        "en": "{hours} ring-hours rated {flag_level} or above passed without a disruption, "
        "among them {places}. A quiet guarded hour may be deterrence as much as "
        "over-rating; the data cannot tell the two apart, so it is not counted against the "
        "plan.",
        "id": "{hours} ring-jam berisiko {flag_level} ke atas berlalu tanpa gangguan, antara "
        "lain {places}. Jam yang aman selama dijaga bisa jadi hasil pencegahan, bukan "
        "penilaian yang berlebihan; data tidak dapat membedakan keduanya, sehingga hal ini "
        "tidak dinilai sebagai kekurangan rencana.",
    },
    # the summary
    "aar.summary.happened": {
        "en": "{disruptions} disruption(s) of the proceedings in {ring_hours} disrupted "
        "ring-hour(s), among {incidents} incidents logged; the significant ones form "
        "{episodes} episode(s).",
        "id": "Terjadi {disruptions} gangguan terhadap jalannya rapat pada {ring_hours} "
        "ring-jam, dari {incidents} kejadian yang tercatat; kejadian menonjol terhimpun dalam "
        "{episodes} rangkaian kejadian.",
    },
    "aar.summary.quiet": {
        "en": "No incident disrupted the proceedings; {incidents} incident(s) were logged, "
        "{episodes} episode(s) of significant incidents.",
        "id": "Tidak ada kejadian yang mengganggu jalannya rapat; {incidents} kejadian "
        "tercatat, {episodes} rangkaian kejadian menonjol.",
    },
    "aar.summary.foreseen": {
        "en": "The SRA foresaw {count} threat(s) rated {flag} or above that happened where and "
        "when it said: {threats}.",
        "id": "SRA telah memperkirakan {count} ancaman berisiko {flag} ke atas yang benar "
        "terjadi di tempat dan waktu yang diperkirakan: {threats}.",
    },
    "aar.summary.none_foreseen": {
        "en": "No threat rated {flag} or above happened where and when the SRA placed it.",
        "id": "Tidak ada ancaman berisiko {flag} ke atas yang terjadi di tempat dan waktu yang "
        "diperkirakan SRA.",
    },
    "aar.summary.missed": {
        "en": "{missed} of {disruptions} disruption(s) came in ring-hours rated below {flag}: "
        "{places}.",
        "id": "{missed} dari {disruptions} gangguan terjadi pada ring-jam yang dinilai di "
        "bawah {flag}: {places}.",
    },
    "aar.summary.place": {
        "en": "episode {episode} ({categories}) in {rings}",
        "id": "rangkaian {episode} ({categories}) di {rings}",
    },
    "aar.summary.place_spread": {
        "en": "episode {episode} ({categories}) from {first_ring} into {rings}",
        "id": "rangkaian {episode} ({categories}) dari {first_ring} meluas ke {rings}",
    },
    "aar.summary.all_flagged": {
        "en": "Every disruption came in ring-hours rated {flag} or above.",
        "id": "Seluruh gangguan terjadi pada ring-jam yang dinilai berisiko {flag} ke atas.",
    },
    "aar.summary.staffing_gap": {
        "en": "The largest staffing gap: {rings} stood at {served} of {planned} planned "
        "officers on {span}.",
        "id": "Kekurangan personel terbesar: {rings} hanya diisi {served} dari {planned} "
        "personel yang direncanakan pada {span}.",
    },
    "aar.summary.staffed": {
        "en": "Every ring-hour rated {flag} or above with a staffing plan was served at or "
        "above it.",
        "id": "Setiap ring-jam berisiko {flag} ke atas yang memiliki rencana personel terisi "
        "sesuai atau melebihi rencana.",
    },
    "aar.summary.actions": {
        "en": "First actions: {actions}",
        "id": "Tindak lanjut utama: {actions}",
    },
    "aar.summary.no_actions": {
        "en": "The review found nothing to correct; sustain the strengths below.",
        "id": "Anev tidak menemukan hal yang perlu diperbaiki; pertahankan hal yang sudah baik "
        "di bawah ini.",
    },
}
