"""Words shown to readers, in English (``"en"``) and Bahasa Indonesia (``"id"``).

Every label a chart, table or finding shows is looked up here by key, so a report switches
language with one parameter. Templates use ``str.format`` fields; values are formatted by
the caller, and text that came from input files is escaped by whoever renders it.
"""

from __future__ import annotations

import re

from sra_analysis.errors import ParameterError, check_argument
from sra_analysis.labels.aar import AAR_LABELS
from sra_analysis.labels.across_events import ACROSS_EVENTS_LABELS
from sra_analysis.labels.charts import CHART_LABELS
from sra_analysis.labels.cover import COVER_LABELS
from sra_analysis.labels.display import DISPLAY_LABELS
from sra_analysis.labels.findings import FINDING_LABELS
from sra_analysis.labels.plan import PLAN_LABELS
from sra_analysis.labels.quality import QUALITY_LABELS
from sra_analysis.labels.report import REPORT_LABELS
from sra_analysis.labels.report_folder import REPORT_FOLDER_LABELS
from sra_analysis.labels.rollup import ROLLUP_LABELS
from sra_analysis.labels.rollup_summary import ROLLUP_SUMMARY_LABELS
from sra_analysis.labels.severity import SEVERITY_LABELS
from sra_analysis.labels.staffing_plan import STAFFING_PLAN_LABELS
from sra_analysis.labels.template import TEMPLATE_LABELS
from sra_analysis.labels.zones import ZONE_LABELS

__all__ = [
    "CATALOGUES",
    "COMMON_LABELS",
    "LANGUAGES",
    "LABELS",
    "check_lang",
    "level_label",
    "t",
]

#: The report languages: English and Bahasa Indonesia.
LANGUAGES = ("en", "id")


def check_lang(lang: object) -> str:
    """``lang`` when it is a report language; the one check of every ``lang`` argument.

    Raises
    ------
    ParameterError
        Naming ``lang``, the languages (:data:`LANGUAGES`) and the value received.

    Examples
    --------
    >>> check_lang("id")
    'id'
    >>> check_lang("fr")
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: lang must be one of ['en', 'id'], got 'fr'
    """
    return check_argument("lang", LANGUAGES, lang)


#: Words used across the areas: risk levels, observed classes, axis and column labels.
COMMON_LABELS: dict[str, dict[str, str]] = {
    # risk levels and observed classes
    "level.none": {"en": "none", "id": "tidak ada"},
    "level.low": {"en": "low", "id": "rendah"},
    "level.medium": {"en": "medium", "id": "sedang"},
    "level.high": {"en": "high", "id": "tinggi"},
    "level.extreme": {"en": "extreme", "id": "ekstrem"},
    "observed.quiet": {"en": "no incident", "id": "tidak ada kejadian"},
    "observed.incident": {"en": "incident", "id": "kejadian"},
    "observed.disruption": {"en": "disruption", "id": "gangguan"},
    # common axis and column labels
    "ring": {"en": "Ring", "id": "Ring"},
    "time": {"en": "Time", "id": "Waktu"},
    "headcount": {"en": "Officers on duty", "id": "Personel bertugas"},
    "planned_staff": {"en": "Planned staffing", "id": "Rencana personel"},
    "incidents": {"en": "Incidents", "id": "Kejadian"},
    "disruptions": {"en": "Disruptions", "id": "Gangguan"},
    "severity": {"en": "Severity", "id": "Tingkat keparahan"},
    "category": {"en": "Category", "id": "Kategori"},
    "description": {"en": "Description", "id": "Uraian"},
    "predicted_level": {"en": "Predicted risk level", "id": "Tingkat risiko (SRA)"},
    "predicted_score": {"en": "Predicted risk score", "id": "Skor risiko (SRA)"},
    "observed": {"en": "Observed", "id": "Teramati"},
    "likelihood": {"en": "Likelihood", "id": "Kemungkinan"},
    "impact": {"en": "Impact", "id": "Dampak"},
    "officer_hours": {"en": "Officer-hours", "id": "Jam-personel"},
    "incidents_per_100_officer_hours": {
        "en": "Incidents per 100 officer-hours",
        "id": "Kejadian per 100 jam-personel",
    },
    "incidents_per_hour": {"en": "Incidents per ring-hour", "id": "Kejadian per ring-jam"},
    "hour_of_day": {"en": "Hour of day", "id": "Jam"},
    "forecast_probability": {"en": "Forecast probability", "id": "Probabilitas prakiraan"},
    "observed_frequency": {"en": "Observed frequency", "id": "Frekuensi teramati"},
    "event": {"en": "Event", "id": "Kegiatan"},
    "realised": {"en": "realised", "id": "terjadi"},
    "not_realised": {"en": "not realised", "id": "tidak terjadi"},
}

#: The area catalogues, one module each (and the common words above).
CATALOGUES: tuple[dict[str, dict[str, str]], ...] = (
    COMMON_LABELS,
    FINDING_LABELS,
    CHART_LABELS,
    REPORT_LABELS,
    ACROSS_EVENTS_LABELS,
    ROLLUP_LABELS,
    PLAN_LABELS,
    DISPLAY_LABELS,
    AAR_LABELS,
    SEVERITY_LABELS,
    STAFFING_PLAN_LABELS,
    TEMPLATE_LABELS,
    QUALITY_LABELS,
    ZONE_LABELS,
    COVER_LABELS,
    REPORT_FOLDER_LABELS,
    ROLLUP_SUMMARY_LABELS,
)

#: Every label, by key: the common words and one catalogue per area.
LABELS: dict[str, dict[str, str]] = {
    key: entry for area in CATALOGUES for key, entry in area.items()
}


def t(key: str, lang: str = "en", **values) -> str:
    """The label ``key`` in ``lang``, with ``values`` filled in.

    Examples
    --------
    >>> t("level.high", "id")
    'tinggi'
    >>> t("finding.quarantined", "en", count=2)
    '2 input rows were set aside as invalid; see the data-quality appendix.'
    """
    check_lang(lang)
    try:
        entry = LABELS[key]
    except KeyError:
        raise ParameterError(f"no label {key!r}") from None
    text = entry.get(lang) or entry["en"]
    if not values:
        return text
    text = text.format(**values)
    return english_plurals(text) if lang == "en" and "(s)" in text else text


#: A noun written ``word(s)`` and the nearest number before it, in the same clause and at most
#: three words back ("4 disruption(s)", "2 threat(s)", "3 disrupted ring-hour(s)").
_COUNTED = re.compile(
    r"(?<![\w.,])(?P<number>\d[\d,]*(?:\.\d+)?)"
    r"(?P<between>(?:[ ][A-Za-z-]+){1,3}?)\(s\)"
)


def english_plurals(text: str) -> str:
    """``word(s)`` after a count, written as the count asks: "1 incident", "4 incidents".

    A ``(s)`` with no count just before it (a list, a name) is left as written.

    >>> english_plurals("1 disruption(s) in 3 disrupted ring-hour(s), among 35 incident(s)")
    '1 disruption in 3 disrupted ring-hours, among 35 incidents'
    >>> english_plurals("missing required column(s) ring")
    'missing required column(s) ring'
    """

    def written(match: re.Match) -> str:
        one = match.group("number") == "1"
        return f"{match.group('number')}{match.group('between')}{'' if one else 's'}"

    return _COUNTED.sub(written, text)


def level_label(level: str, lang: str = "en") -> str:
    """Display name of a risk level; custom level names are shown as written."""
    key = f"level.{level}"
    return t(key, lang) if key in LABELS else str(level)
