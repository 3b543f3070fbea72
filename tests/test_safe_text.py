"""Bidirectional controls in input text: removed, and the text isolated, wherever it is shown."""

from __future__ import annotations

import pytest

from sra_analysis.charts._common import escape
from sra_analysis.errors import EventConfigError
from sra_analysis.event_config import config_text
from sra_analysis.reports.html_tables import esc
from sra_analysis.safe_text import BIDI_CONTROLS, isolate_bidi

RLO, PDF, LRI, FSI, PDI = "\u202e", "\u202c", "\u2066", "\u2068", "\u2069"


def test_the_controls_are_the_nine_explicit_formatting_characters():
    # Unicode Standard Annex #9, table 1 (explicit directional embeddings, overrides, isolates)
    assert BIDI_CONTROLS == {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Ruang pleno", "Ruang pleno"),
        (f"Pleno {RLO}gnp.exe", f"{FSI}Pleno gnp.exe{PDI}"),
        (f"{LRI}a{PDI} b{PDF}", f"{FSI}a b{PDI}"),
        (RLO, ""),
        ("\u200f", "\u200f"),  # a right-to-left mark is weak and harmless: kept
    ],
)
def test_isolate_bidi(text, shown):
    assert isolate_bidi(text) == shown


def test_html_and_chart_labels_never_carry_an_override():
    assert esc(f"<b>{RLO}x") == f"{FSI}&lt;b&gt;x{PDI}"
    assert escape(f"<b>{RLO}x") == f"{FSI}&lt;b&gt;x{PDI}"


def test_event_yaml_text_is_isolated_and_a_nul_byte_refused():
    assert config_text(f"Pleno {RLO}x", key="name", source="event.yaml") == f"{FSI}Pleno x{PDI}"
    with pytest.raises(EventConfigError, match="NUL byte") as raised:
        config_text("Pleno\x00x", key="venue", source="event.yaml")
    assert raised.value.key == "venue"
