"""The printed page's layout rules (:mod:`sra_analysis.reports.batch.print_layout`), without a
browser: CSS strings that no event text can break out of, the running header and footer,
and the headings that start a printed part. ``tests/test_pdf.py`` prints them."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from sra_analysis.errors import ParameterError
from sra_analysis.event_config import read_event_meta
from sra_analysis.labels import t
from sra_analysis.reports.batch.print_layout import (
    PART_HEADINGS,
    TITLE_LIMIT,
    PageFooter,
    css_string,
    page_css,
    part_heading_texts,
)
from sra_analysis.resources import sample_dir

HOSTILE = [
    'Pleno "A" & B',
    "a\\b } @page { x",
    "</style><script>alert(1)</script>",
    "line one\nline two\ttab  spaces",
    "Kantor KPU — café ✓ 😀",
    "'single' /* comment */ ; url(x)",
]


def _css_unescape(quoted: str) -> str:
    """A CSS string read back as CSS Syntax 3 (§4.3.7) reads it: ``\\`` and up to six hex
    digits stand for one character, and one whitespace after them ends the escape."""
    assert quoted[0] == quoted[-1] == '"'
    body = quoted[1:-1]
    return re.sub(r"\\([0-9a-fA-F]{1,6})[ \t\n]?", lambda m: chr(int(m[1], 16)), body)


@pytest.mark.parametrize("text", HOSTILE)
def test_a_css_string_reads_back_as_the_text_with_its_whitespace_collapsed(text):
    quoted = css_string(text)
    # nothing in it can end the string, the rule, a comment or the style sheet
    inner = quoted[1:-1]
    for ender in ('"', "'", "\n", "}", "{", "<", ">", "*/", "@"):
        assert ender not in inner, ender
    assert all(c == "\\" or c.isascii() for c in inner)  # every other character escaped
    assert _css_unescape(quoted) == re.sub(r"\s+", " ", text)


def test_spaces_at_the_ends_of_a_css_string_are_kept():
    # "Page " counter(page) " of " ...: the spaces around the numbers are in the strings
    assert css_string(" of ") == '" of "'
    assert _css_unescape(css_string('"A" b')) == '"A" b'  # the escape eats its own space only


def test_the_page_numbers_read_in_the_report_language():
    assert '"Halaman " counter(page) " dari " counter(pages)' in page_css(PageFooter(lang="id"))
    assert '"Page " counter(page) " of " counter(pages)' in page_css(PageFooter(lang="en"))


def test_the_marking_is_at_the_top_and_the_bottom_only_when_there_is_one():
    marked = page_css(PageFooter("Pleno", "TERBATAS", "id"))
    assert re.search(r'@top-center \{ content: "TERBATAS";', marked)
    assert re.search(r'@bottom-center \{ content: "TERBATAS";', marked)
    plain = page_css(PageFooter("Pleno", "", "id"))
    assert "top-center" not in plain and "bottom-center" not in plain
    assert '@bottom-left { content: "Pleno";' in plain


def test_the_cover_page_gets_no_header_or_footer_and_a_page_without_one_does():
    css = page_css(PageFooter("Pleno", "TERBATAS"), cover=True)
    first = css[css.index("@page :first") :].split("\n")[0]
    for box in ("top-center", "bottom-left", "bottom-center", "bottom-right"):
        assert f"@{box} {{ content: none; }}" in first, box
    assert "@page :first" not in page_css(PageFooter("Pleno", "TERBATAS"), cover=False)


def test_a_hostile_event_name_stays_inside_its_string():
    footer = PageFooter('x"; } @page { @top-left { content: "pwned', "", "en")
    css = page_css(footer, cover=False)
    assert "pwned" in css
    assert css.count("@top-left") == 0 and css.count("@page") == 1


def test_the_footer_of_an_event_is_its_name_cut_between_words_and_its_marking():
    meta = read_event_meta(sample_dir() / "purwakarta-2024")
    # the name is 108 characters; its first 60 end inside "Perolehan" (characters 53-61),
    # so the footer keeps the 51 characters before it and marks the cut
    assert len(meta.name) == 108 and meta.name[:TITLE_LIMIT].endswith(" Peroleha")
    footer = PageFooter.of(meta, lang="id")
    assert footer == PageFooter("Rapat Pleno Terbuka Rekapitulasi Hasil Penghitungan …", "", "id")
    short = PageFooter.of(replace(meta, name="Pleno  A\nB"))
    assert short.title == "Pleno A B"  # whitespace collapsed, nothing cut
    marked = PageFooter.of(replace(meta, classification="RAHASIA"))
    assert marked.marking == "RAHASIA"


def test_a_footer_in_another_language_is_refused():
    with pytest.raises(ParameterError, match=r"lang must be one of \['en', 'id'\], got 'fr'"):
        PageFooter(lang="fr")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_part_starts_at_a_heading_the_report_writes(lang):
    texts = part_heading_texts(lang)
    assert len(texts) == len(PART_HEADINGS)
    assert texts[-1] == [t("section.appendix", lang)]
    assert t("section.sra", lang) in texts[0]  # the statistics open the annex
