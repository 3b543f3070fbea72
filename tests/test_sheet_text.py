"""``sra_analysis.sheet_text``: the one text-cell writer of every workbook, read back from disk."""

from __future__ import annotations

import math

import openpyxl
import pandas as pd
import pytest
from _workbooks import not_inert

from sra_analysis.sheet_text import CELL_LIMIT, UNSAFE_CHARACTERS, put_text, safe_text

#: Hostile text and what a workbook must hold for it, written out by hand: formula starts keep
#: their text (the quote prefix makes them inert), line ends become "\n" (XML 1.0, 2.11),
#: characters XML 1.0 cannot carry (section 2.2) become U+FFFD, bidirectional controls
#: (Unicode Standard Annex #9) are removed.
CASES = [
    ("=HYPERLINK(\"http://x\",\"y\")", "=HYPERLINK(\"http://x\",\"y\")"),
    ("+62 811 000", "+62 811 000"),
    ("-Outside the fence", "-Outside the fence"),
    ("@SUM(1)", "@SUM(1)"),
    ("\t=1+1", "\t=1+1"),
    ("\r=1+1", "\n=1+1"),
    ("  =1+1", "  =1+1"),
    ("NRP\x00123\x1f", "NRP\ufffd123\ufffd"),
    ("Ruang \u202eonelp\u202c", "Ruang onelp"),
    ("Dalam \u2066gedung\u2069 \u200e\u200f\u061c", "Dalam gedung "),
    ("a\r\nb", "a\nb"),
    ("bad \ud800 surrogate \uffff", "bad \ufffd surrogate \ufffd"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "held"), CASES)
def test_hostile_text_is_held_as_inert_text(tmp_path, text, held):
    book = openpyxl.Workbook()
    put_text(book.active, 1, 1, text)
    book.save(tmp_path / "out.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "out.xlsx").active["A1"]
    assert (cell.value, cell.data_type) == (held, "s")
    assert cell.quotePrefix == held.lstrip().startswith(("=", "+", "-", "@", "\t", "\n"))
    assert not_inert(tmp_path / "out.xlsx") == []


def test_missing_values_are_empty_and_long_text_is_cut_at_excels_limit():
    assert [safe_text(v) for v in (None, math.nan, pd.NA, pd.NaT)] == ["", "", "", ""]
    cut = safe_text("x" * (CELL_LIMIT + 10))
    assert len(cut) == CELL_LIMIT and cut.endswith("…")


def test_the_vectorised_pattern_finds_what_safe_text_changes():
    texts = pd.Series([text for text, _ in CASES if "\ud800" not in text] + ["plain", "é ü"])
    found = texts.str.contains(UNSAFE_CHARACTERS, regex=True)
    assert found.tolist() == [safe_text(text) != text for text in texts]
