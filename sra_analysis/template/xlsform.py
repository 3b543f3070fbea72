"""``incident_form.xlsx``: an XLSForm to log incidents on a phone (KoboToolbox, ODK Collect).

``sra-review template OUT --xlsform`` writes it beside the workbooks. Uploaded to a
KoboToolbox or ODK Central server, it gives officers a form in Bahasa Indonesia and English
with the time (now, by default; and, when only known later, the span it may have happened in),
the event's rings, the incident categories, the severity scale, disrupted yes/no, a
description and the SRA risk code. The server's CSV or XLSX export of the
submissions, saved in the event folder as ``incidents.csv`` or ``incidents.xlsx``, is read as
the incident log (:mod:`sra_analysis.io.form_export` maps its columns).

The XLSForm standard (https://xlsform.org): a ``survey`` sheet (one row per question: type,
name, a label per language as ``label::Language (code)``), a ``choices`` sheet (the options of
each ``select_one`` list) and a ``settings`` sheet (title, id, version, default language).
The form is checked by converting it to an XForm with ``pyxform`` before it is written.

The choices come from the toolkit's shared lists: the event's category vocabulary
(:func:`form_categories`) and the severity scale (:func:`form_severities`), so a phone, the
template workbook and the loader agree on every code.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook

from sra_analysis.errors import ParameterError
from sra_analysis.event import EventMeta
from sra_analysis.labels import t
from sra_analysis.levels import SEVERITY_SCALE, severity_choice
from sra_analysis.sheet_text import put_text
from sra_analysis.template.columns import YES_NO
from sra_analysis.vocabulary import CategoryVocabulary, category_choices

__all__ = [
    "FORM_FILE",
    "FORM_GROUP",
    "FORM_LANGUAGES",
    "build_form",
    "form_bytes",
    "form_categories",
    "form_fields",
    "form_severities",
    "form_xform",
]

#: The form's file name in the template folder.
FORM_FILE = "incident_form.xlsx"
#: The group holding the questions; exports prefix its name to theirs (``incident/ring``).
FORM_GROUP = "incident"
#: The form's languages as XLSForm names them: ``label::<name>`` columns.
FORM_LANGUAGES = {"id": "Bahasa Indonesia (id)", "en": "English (en)"}

_SURVEY_COLUMNS = ("type", "name", "label", "hint", "required", "default", "appearance")


def form_categories(vocabulary: CategoryVocabulary | None = None) -> list[tuple[str, str, str]]:
    """The category choices: (code, Indonesian label, English label), the event's category
    vocabulary in display order (the bundled list by default), ``other`` included.

    Examples
    --------
    >>> form_categories()[1]
    ('protest', 'Unjuk rasa', 'Protest / demonstration')
    """
    indonesian = category_choices("id", vocabulary=vocabulary)
    english = dict(category_choices("en", vocabulary=vocabulary))
    return [(code, label, english[code]) for code, label in indonesian]


def form_severities() -> list[tuple[int, str, str]]:
    """The severity choices 1–5: (severity, Indonesian label, English label), as the
    template's drop-down writes them (:func:`~sra_analysis.levels.severity_choice`).

    Examples
    --------
    >>> form_severities()[-1]
    (5, '5 – sangat berat', '5 – critical')
    """
    return [
        (level, severity_choice(level, "id"), severity_choice(level, "en"))
        for level in SEVERITY_SCALE
    ]


# (type, name, required, default, appearance); labels and hints are ``form.<name>`` and
# ``form.<name>.hint`` in :mod:`sra_analysis.labels.template`.
_QUESTIONS = (
    ("dateTime", "reported_at", "yes", "now()", ""),
    ("dateTime", "occurred_from", "", "", ""),
    ("dateTime", "occurred_to", "", "", ""),
    ("select_one ring", "ring", "yes", "", ""),
    ("select_one category", "category", "yes", "", ""),
    ("select_one severity", "severity", "yes", "", ""),
    ("select_one yes_no", "disrupted_proceedings", "", "", ""),
    ("text", "description", "", "", "multiline"),
    ("text", "risk_id", "", "", ""),
)


def _labelled(columns: tuple[str, ...]) -> list[str]:
    """The header row: ``label`` and ``hint`` become one column per language."""
    header = []
    for column in columns:
        if column in ("label", "hint"):
            header += [f"{column}::{FORM_LANGUAGES[code]}" for code in ("id", "en")]
        else:
            header.append(column)
    return header


def _survey_rows() -> list[list[str]]:
    group = [t("form.group", code) for code in ("id", "en")]
    rows = [["begin_group", FORM_GROUP, *group, "", "", "", "", "field-list"]]
    for kind, name, required, default, appearance in _QUESTIONS:
        label = [t(f"form.{name}", code) for code in ("id", "en")]
        hint = [t(f"form.{name}.hint", code) for code in ("id", "en")]
        rows.append([kind, name, *label, *hint, required, default, appearance])
    rows.append(["end_group", "", "", "", "", "", "", "", ""])
    return rows


def _choice_rows(meta: EventMeta) -> list[list[str]]:
    rows = [["ring", ring.id, ring.label("id"), ring.label("en")] for ring in meta.rings]
    rows += [["category", code, id_, en] for code, id_, en in form_categories(meta.vocabulary)]
    rows += [["severity", str(level), id_, en] for level, id_, en in form_severities()]
    (yes_id, no_id), (yes_en, no_en) = YES_NO["id"], YES_NO["en"]
    rows += [["yes_no", "yes", yes_id, yes_en], ["yes_no", "no", no_id, no_en]]
    return rows


def _form_id(meta: EventMeta) -> str:
    """The form's id: an XML name made of the event's id (``sra_incidents_<id>``)."""
    return "sra_incidents_" + re.sub(r"[^A-Za-z0-9_]", "_", meta.id)


def build_form(meta: EventMeta, *, lang: str = "id") -> Workbook:
    """The XLSForm of the event ``meta``'s incident log, as an openpyxl ``Workbook``.

    Parameters
    ----------
    meta : EventMeta
        The event: its rings are the ring question's choices, its name the form's title.
    lang : {"id", "en"}
        The form's default language (both are in the form).

    Returns
    -------
    openpyxl.Workbook
        Sheets ``survey``, ``choices`` and ``settings``; every text written by
        :func:`sra_analysis.sheet_text.put_text`.
    """
    workbook = Workbook()
    survey = workbook.active
    survey.title = "survey"
    sheets = {
        "survey": (survey, _labelled(_SURVEY_COLUMNS), _survey_rows()),
        "choices": (
            workbook.create_sheet("choices"),
            _labelled(("list_name", "name", "label")),
            _choice_rows(meta),
        ),
        "settings": (
            workbook.create_sheet("settings"),
            ["form_title", "form_id", "version", "default_language"],
            [[meta.name, _form_id(meta), "1", FORM_LANGUAGES[lang]]],
        ),
    }
    for sheet, header, rows in sheets.values():
        for row, values in enumerate([header, *rows], start=1):
            for column, value in enumerate(values, start=1):
                if value != "":
                    put_text(sheet, row, column, value)
    return workbook


def form_bytes(meta: EventMeta, *, lang: str = "id") -> bytes:
    """The form as the bytes of an ``.xlsx`` file, checked by :func:`form_xform` first."""
    buffer = io.BytesIO()
    build_form(meta, lang=lang).save(buffer)
    data = buffer.getvalue()
    form_xform(data)
    return data


def form_xform(xlsform: bytes) -> str:
    """The XForm (ODK's XML) of an XLSForm, converted by ``pyxform``; the form's check.

    Raises
    ------
    ParameterError
        When ``pyxform`` is not installed (naming the extra that installs it), or when it
        refuses the form (with its message).
    """
    try:
        from pyxform.xls2xform import convert
    except ImportError:
        raise ParameterError(
            "--xlsform needs pyxform to check the form: pip install 'sra_analysis[xlsform]'"
        ) from None
    try:
        return convert(xlsform=xlsform, file_type=".xlsx", warnings=[]).xform
    except Exception as error:  # pyxform raises its own and plain errors for a bad form
        raise ParameterError(f"{FORM_FILE}: pyxform refuses the form: {error}") from None


def form_fields(workbook) -> dict[str, str]:
    """Each question of an XLSForm's ``survey`` sheet by name, with the column an export
    names it by (``group/name`` inside a group, as KoboToolbox and ODK export it).

    Parameters
    ----------
    workbook : openpyxl.Workbook
        An XLSForm, e.g. ``openpyxl.load_workbook("incident_form.xlsx")``.

    Examples
    --------
    >>> from sra_analysis.template.event_file import example_meta
    >>> form_fields(build_form(example_meta()))["ring"]
    'incident/ring'
    """
    rows = workbook["survey"].iter_rows(values_only=True)
    header = [str(cell) for cell in next(rows)]
    at_type, at_name = header.index("type"), header.index("name")
    groups: list[str] = []
    fields = {}
    for row in rows:
        kind, name = str(row[at_type] or "").strip(), str(row[at_name] or "").strip()
        if kind in ("begin_group", "begin group", "begin_repeat", "begin repeat"):
            groups.append(name)
        elif kind in ("end_group", "end group", "end_repeat", "end repeat"):
            groups.pop()
        elif name:
            fields[name] = "/".join([*groups, name])
    return fields
