"""Text from input files made safe to display: no bidirectional control spills or reverses.

Unicode's explicit bidirectional controls — embeddings and overrides (U+202A–U+202E) and
isolates (U+2066–U+2069) — change the order in which a browser, Excel or a PDF viewer draws
characters. One right-to-left override typed into an event name or a description makes the
name display reversed and, left open, reverses whatever a page shows after it. The field logs
this toolkit reads (Bahasa Indonesia and English) have no use for them, so wherever input text
is shown it passes :func:`isolate_bidi`: the controls are removed, and text that held any is
wrapped in a first-strong isolate (U+2068 … U+2069), so nothing of it reaches the text around
it. Text without them is returned as it is. The loader applies it to every free-text column
and ``event.yaml`` text, and the HTML, chart and workbook writers once more to whatever they
show.
"""

from __future__ import annotations

__all__ = ["BIDI_CHARACTERS", "BIDI_CONTROLS", "BIDI_MARKS", "isolate_bidi"]

#: The explicit bidirectional formatting characters: LRE, RLE, PDF, LRO, RLO (U+202A–U+202E)
#: and LRI, RLI, FSI, PDI (U+2066–U+2069).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: The implicit marks: LRM, RLM (U+200E, U+200F) and the Arabic letter mark (U+061C). Weak
#: and harmless in a page, kept there; a workbook cell drops them with the controls.
BIDI_MARKS = frozenset("\u200e\u200f\u061c")
#: Every bidirectional formatting character: what a workbook cell never holds
#: (:mod:`sra_analysis.sheet_text`).
BIDI_CHARACTERS = BIDI_CONTROLS | BIDI_MARKS
_REMOVE = dict.fromkeys(map(ord, BIDI_CONTROLS))
_FSI, _PDI = "\u2068", "\u2069"


def isolate_bidi(text: str) -> str:
    """``text`` without bidirectional controls, isolated when it held any.

    Examples
    --------
    >>> isolate_bidi("Ring 1")
    'Ring 1'
    >>> isolate_bidi("Pleno \\u202egnp.exe")  # a right-to-left override
    '\\u2068Pleno gnp.exe\\u2069'
    >>> isolate_bidi(isolate_bidi("a\\u202eb")) == isolate_bidi("a\\u202eb")  # idempotent
    True
    """
    if not BIDI_CONTROLS.intersection(text):
        return text
    stripped = text.translate(_REMOVE)
    return f"{_FSI}{stripped}{_PDI}" if stripped else stripped
