"""Reading the text a reader sees in each output, and finding English left in Indonesian."""

from __future__ import annotations

import contextlib
import html.parser
import re
from pathlib import Path

#: English words and phrases that must not appear in an Indonesian output (whole words, any
#: case): the words the issue found there, and the English of the glossary's concepts.
ENGLISH = (
    "the", "and", "of", "with", "without", "window", "windows", "false alarm", "false alarms",
    "quarantined", "all", "file", "sha256", "hits", "misses", "rows read", "accepted",
    "incidents", "disruptions", "officers", "officer-hours", "flagged", "evidence", "thin",
    "mixed", "provenance", "warning", "reason", "ring-hours", "improvement plan",
    "Outside the fence", "Inside the building", "Plenary room", "Asia/Jakarta",
)  # fmt: skip
ENGLISH_RE = re.compile(
    r"(?<![\w/.-])(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![\w/-])", re.IGNORECASE
)
#: An ISO timestamp: what a clerk never typed and an Indonesian reader never writes.
ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
#: A category code with an underscore (``lost_property``, ``witness_dispute``).


_HIDDEN = ("script", "style", "head", "template")


class _Visible(html.parser.HTMLParser):
    """The text of a page a browser shows: no script, style or head, no tag attributes."""

    def __init__(self, skip: tuple[str, ...] = ()):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._skipped = (*_HIDDEN, *skip)

    def handle_starttag(self, tag, attrs):
        if tag in self._skipped:
            self._hidden += 1
        if tag in ("p", "div", "tr", "li", "h1", "h2", "h3", "h4", "br", "td", "th"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._skipped:
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(path: Path, *, skip: tuple[str, ...] = ()) -> str:
    """The visible text of an HTML page, leaving out the elements named in ``skip``."""
    parser = _Visible(skip)
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.parts)


_CHART_STRING = re.compile(
    r'"(?:name|text|hovertemplate|hovertext|title|ticktext)":\s*("(?:[^"\\]|\\.)*")'
)


_CHART_LIST = re.compile(r'"(?:text|hovertext|ticktext)":\s*(\[[^\[\]]*\])')


def chart_text(path: Path) -> str:
    """The words of a page's Plotly charts a reader sees on screen or on hover: trace names,
    texts, hover templates, titles and tick labels (from the figures' JSON)."""
    import json

    source = path.read_text(encoding="utf-8")
    texts = [json.loads(found) for found in _CHART_STRING.findall(source)]
    for found in _CHART_LIST.findall(source):
        with contextlib.suppress(ValueError):
            texts += [str(item) for item in json.loads(found) if isinstance(item, str)]
    return "\n".join(texts)


def pdf_text(path: Path) -> str:
    """The text of every page of a PDF."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def workbook_text(path: Path) -> str:
    """Every cell of every sheet as Excel shows it: a date cell in its number format
    (day first where the workbook says ``dd/mm/yyyy``), other cells as text."""
    import datetime as dt

    import openpyxl

    def shown(cell) -> str:
        value = cell.value
        if isinstance(value, dt.datetime | dt.date):
            number_format = str(cell.number_format).lower()
            if number_format.startswith("dd/mm/yyyy"):
                return value.strftime("%d/%m/%Y %H:%M" if "h" in number_format else "%d/%m/%Y")
        return str(value)

    workbook = openpyxl.load_workbook(path)
    return "\n".join(
        shown(cell)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )


def english_found(text: str) -> list[str]:
    """Each English word or phrase of :data:`ENGLISH` in ``text``, with its line."""
    found = []
    for line in text.splitlines():
        for match in ENGLISH_RE.finditer(line):
            found.append(f"{match.group(0)!r} in {line.strip()[:160]!r}")
    return found


def iso_found(text: str) -> list[str]:
    return [f"{m.group(0)!r}" for m in ISO_RE.finditer(text)]


def codes_found(text: str, codes: set[str]) -> list[str]:
    """The category ``codes`` shown as they are, as whole words (``lost_property``, ``crowd``).

    A code that is its own Indonesian label too (``drone``) cannot be told from the label or
    from a clerk's description that uses the word, so it is not looked for.
    """
    from sra_analysis.vocabulary import bundled_vocabulary

    vocabulary = bundled_vocabulary()
    wanted = {c for c in codes if vocabulary.label(c, "id").casefold() != c.casefold()}
    words = set(re.findall(r"\b\w+\b", text))
    return sorted(words & wanted)
