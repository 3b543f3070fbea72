"""The printed report's page layout: running header and footer, the parts that start a
page, and the charts fitted to A4.

:class:`~sra_analysis.reports.batch.pdf.ReportPrinter` applies these to the page it prints, after
every chart has drawn; the report page on screen (and the template's ``@media print`` rules
that a browser's Print uses) stays as it is.

- **Running header and footer** (:func:`page_css`): CSS paged-media margin boxes on every
  page but the cover. The footer holds the event's name (clipped), the classification
  marking from ``event.yaml`` (also at the top of the page, as a marked document carries it
  top and bottom; nothing when there is none) and "Page X of Y" in the report's language.
  Text from ``event.yaml`` is written into the style sheet as escaped CSS strings
  (:func:`css_string`).
- **Parts that start a page** (:data:`PART_HEADINGS`): the summary follows the cover and the
  sections run on without a forced break, except before the parts after the improvement
  plan (the analyst annex, the glossary and the appendix). A part starts at the first of its
  headings the page has, matched by the heading's label in the report's language.
- **Charts for the paper** (:data:`FIT_CHARTS`): screen-sized Plotly charts are drawn
  :data:`CHART_HEIGHT_SCALE` times as high (never below :data:`CHART_MIN_HEIGHT` pixels),
  so two charts or a chart and its table share a page instead of one chart leaving most of
  a page white.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sra_analysis.labels import LABELS, check_lang, t
from sra_analysis.reports.html_tables import clip

__all__ = [
    "CHART_HEIGHT_SCALE",
    "CHART_MIN_HEIGHT",
    "FIT_CHARTS",
    "MARK_PARTS",
    "PART_HEADINGS",
    "PageFooter",
    "css_string",
    "page_css",
    "part_heading_texts",
]

#: Printed charts are this many times as high as on screen ...
CHART_HEIGHT_SCALE = 0.7
#: ... but no lower than this many CSS pixels (a chart already lower keeps its height).
CHART_MIN_HEIGHT = 360
#: Longest event name in the footer, in characters (longer ones are cut with "…").
TITLE_LIMIT = 60
#: Longest classification marking shown, in characters (as on the cover).
MARKING_LIMIT = 80

#: The parts that start a printed page, each a tuple of heading label keys: the part starts
#: at the first of them the report has (``section.sra``, the first statistics section,
#: stands for the analyst annex in a report without an annex heading). Keys without a label
#: are skipped. Headings are matched among the ``<h1>``/``<h2>`` of ``.sra-report`` blocks.
PART_HEADINGS: tuple[tuple[str, ...], ...] = (
    ("section.annex", "section.sra"),
    ("section.glossary",),
    ("section.appendix",),
)

#: Adds ``sra-page-start`` to the notebook cell of the first heading of each part; the
#: argument is :func:`part_heading_texts`. Returns whether the page opens with a cover, and
#: the headings marked.
MARK_PARTS = """(parts) => {
  const headings = Array.from(document.querySelectorAll(
    '.sra-report > h1, .sra-report > h2'));
  const marked = [];
  for (const texts of parts) {
    const found = headings.find(h => texts.includes(h.textContent.trim()));
    if (found) {
      (found.closest('.jp-Cell') || found).classList.add('sra-page-start');
      marked.push(found.textContent.trim());
    }
  }
  return [document.querySelector('.sra-cover') !== null, marked];
}"""

#: Draws every Plotly chart ``scale`` times as high, not below ``minimum`` pixels (a chart
#: lower than that keeps its height); resolves once every chart has drawn again.
FIT_CHARTS = """async ([scale, minimum]) => {
  const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
  await Promise.all(plots.map(plot => {
    const height = plot._fullLayout && plot._fullLayout.height;
    if (!height) return null;
    const printed = Math.round(Math.max(Math.min(height, minimum), height * scale));
    if (printed === height) return null;
    const box = plot.parentElement;  // plotly's own wrapper, as high as the chart on screen
    if (box && box.style.height) box.style.height = `${printed}px`;
    return window.Plotly.relayout(plot, {height: printed});
  }));
  return plots.length;
}"""

#: Print-only rules added to the page with the running header and footer.
_PRINT_RULES = ".sra-page-start { break-before: page !important; }\n"
_MARGIN_BOX = "font: 8pt sans-serif; color: #444; white-space: pre;"
_MARKING_BOX = "font: 700 8pt sans-serif; color: #c0392b; letter-spacing: 0.12em;"
#: Characters written into a CSS string as they are; every other one is escaped.
_PLAIN = re.compile(r"[A-Za-z0-9 .,:;()/_+-]")


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: each run of whitespace one space, every character
    but letters, digits, spaces and plain punctuation written as a hexadecimal escape.

    Nothing in the text can then end the string, the rule or the style sheet.

    Examples
    --------
    >>> print(css_string('Pleno "A"\\n</style>'))
    "Pleno \\000022 A\\000022  \\00003c /style\\00003e "
    >>> print(css_string(" of  café"))
    " of caf\\0000e9 "
    """
    flat = re.sub(r"\s+", " ", str(text))
    # six hex digits and a space: the space ends the escape (and only that space is eaten)
    escaped = "".join(c if _PLAIN.fullmatch(c) else f"\\{ord(c):06x} " for c in flat)
    return f'"{escaped}"'


def _page_numbers(lang: str) -> str:
    """``"Page " counter(page) " of " counter(pages)`` in ``lang``, as CSS ``content``."""
    text = t("cover.page_of", lang, page="\0page\0", pages="\0pages\0")
    parts = []
    for n, piece in enumerate(text.split("\0")):
        if n % 2:
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


@dataclass(frozen=True)
class PageFooter:
    """What the printed pages carry besides the report: the event's name, its
    classification marking (``""`` for none) and the report's language.

    Examples
    --------
    >>> from sra_analysis.resources import sample_dir
    >>> from sra_analysis.event_config import read_event_meta
    >>> footer = PageFooter.of(read_event_meta(sample_dir() / "purwakarta-2024"), lang="id")
    >>> footer.title
    'Rapat Pleno Terbuka Rekapitulasi Hasil Penghitungan …'
    >>> footer.marking, footer.lang
    ('', 'id')
    """

    title: str = ""
    marking: str = ""
    lang: str = "en"

    def __post_init__(self) -> None:
        check_lang(self.lang)

    @classmethod
    def of(cls, meta, *, lang: str = "en") -> PageFooter:
        """The footer of an event (an :class:`~sra_analysis.event.EventMeta`), clipped."""
        marking = clip(meta.classification, MARKING_LIMIT) if meta.classification else ""
        title = " ".join(str(meta.name).split())
        if len(title) > TITLE_LIMIT:  # cut between words
            title = title[:TITLE_LIMIT].rsplit(" ", 1)[0].rstrip(" ,;:-") + " …"
        return cls(title=title, marking=marking, lang=lang)


def page_css(footer: PageFooter, *, cover: bool = True) -> str:
    """The printed page's running header and footer, and the print-only part rules.

    Parameters
    ----------
    footer : PageFooter
        What the footer says.
    cover : bool
        Whether the first page is a cover, printed without header and footer.

    Returns
    -------
    str
        A style sheet.

    Examples
    --------
    >>> css = page_css(PageFooter("Pleno", "TERBATAS", "id"))
    >>> '"Halaman " counter(page) " dari " counter(pages)' in css
    True
    >>> css.count('content: "TERBATAS"'), "@page :first" in css
    (2, True)
    >>> css = page_css(PageFooter("Pleno"), cover=False)
    >>> "TERBATAS" in css, "@page :first" in css
    (False, False)
    """
    boxes = {"bottom-right": (_page_numbers(footer.lang), f"{_MARGIN_BOX} width: 25%;")}
    if footer.title:
        boxes["bottom-left"] = (css_string(footer.title), f"{_MARGIN_BOX} width: 50%;")
    if footer.marking:
        boxes["bottom-center"] = (css_string(footer.marking), f"{_MARKING_BOX} width: 25%;")
        boxes["top-center"] = (css_string(footer.marking), _MARKING_BOX)
    rules = " ".join(
        f"@{box} {{ content: {content}; {style} }}" for box, (content, style) in boxes.items()
    )
    css = f"@page {{ {rules} }}\n"
    if cover:
        blank = " ".join(f"@{box} {{ content: none; }}" for box in boxes)
        css += f"@page :first {{ {blank} }}\n"
    return css + _PRINT_RULES


def part_heading_texts(lang: str = "en") -> list[list[str]]:
    """The headings of :data:`PART_HEADINGS` as the report writes them in ``lang``.

    Examples
    --------
    >>> part_heading_texts("id")[-1]
    ['Lampiran: daftar kejadian, kualitas data dan sumber data']
    """
    check_lang(lang)
    return [[t(key, lang) for key in part if key in LABELS] for part in PART_HEADINGS]
