"""Tests of sra_analysis.reports.pages.cover: the report's cover in English and Bahasa Indonesia,
event.yaml text escaped, the classification marking top and bottom or not at all, and the
signature block with its blank lines."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from conftest import event_config, write_event_yaml

from sra_analysis.errors import ParameterError
from sra_analysis.event_config import read_event_meta
from sra_analysis.reports.pages.cover import cover_html, event_dates
from sra_analysis.review.evaluate import evaluate

HOSTILE = '<script>alert("x")</script> Pleno & <img src=x onerror=alert(1)>'


class _Text(HTMLParser):
    """The text of an HTML fragment, one string per text node, and the tags it opens."""

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        if data.strip():
            self.texts.append(data.strip())


def _parsed(fragment: str) -> _Text:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return parser


def _meta(tmp_path, **changes):
    folder = tmp_path / "event"
    write_event_yaml(folder, event_config(**changes))
    return read_event_meta(folder)


@pytest.fixture
def signed(tmp_path):
    return _meta(
        tmp_path,
        name=HOSTILE,
        unit="Polres Purwakarta",
        classification="TERBATAS",
        prepared_by="Kabag Ops",
        approved_by="Kapolres <b>",
    )


def test_english_cover_shows_the_event_escaped_marked_top_and_bottom(signed):
    html = cover_html(signed, lang="en")
    # hostile text arrives as text: no script or img element, no raw angle bracket
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Pleno &amp; &lt;img" in html
    parsed = _parsed(html)
    assert set(parsed.tags) <= {"div", "table", "tr", "th", "td", "span", "br"}
    texts = parsed.texts
    # the marking opens and closes the cover
    assert texts[0] == texts[-1] == "TERBATAS"
    assert texts.count("TERBATAS") == 2
    assert texts[1:4] == ["Polres Purwakarta", "Post-event security review", HOSTILE]
    facts = texts[4 : texts.index("Prepared by")]
    # BASE_EVENT_CONFIG: 1 March 2024 07:00 to 3 March 2024 23:00, Asia/Jakarta (WIB, UTC+7)
    assert facts == [
        "Venue", "Test venue",
        "Dates", "1 March 2024 07:00 – 3 March 2024 23:00 WIB (UTC+7)",
        "Unit", "Polres Purwakarta",
    ]  # fmt: skip
    lines = ["Name", "Rank", "NRP", "Date", "Signature"]
    signatures = texts[texts.index("Prepared by") : -1]
    assert signatures == ["Prepared by", "Kabag Ops", *lines, "Approved by", "Kapolres <b>", *lines]
    # each line is left blank to fill in by hand
    assert html.count('<span class="sra-blank"></span>') == 10


def test_indonesian_cover_speaks_indonesian_day_first_with_wib(signed):
    texts = _parsed(cover_html(signed, lang="id")).texts
    assert "Laporan Anev Pengamanan" in texts
    assert texts[texts.index("Waktu") + 1] == "1 Maret 2024 07.00 – 3 Maret 2024 23.00 WIB"
    assert texts[texts.index("Satuan") + 1] == "Polres Purwakarta"
    lines = ["Nama", "Pangkat/golongan", "NRP", "Tanggal", "Tanda tangan"]
    assert texts[texts.index("Dibuat oleh") :] == [
        "Dibuat oleh", "Kabag Ops", *lines, "Disahkan oleh", "Kapolres <b>", *lines, "TERBATAS",
    ]  # fmt: skip
    english = {"Venue", "Dates", "Unit", "Prepared by", "Name", "Rank", "Signature"}
    assert not english & set(texts)


def test_without_the_optional_keys_there_is_no_marking_unit_or_role(tmp_path):
    meta = _meta(tmp_path)
    html = cover_html(meta, lang="id")
    assert "sra-marking" not in html and "sra-cover-unit" not in html
    texts = _parsed(html).texts
    assert texts[0] == "Laporan Anev Pengamanan"
    assert "Satuan" not in texts
    # the roles are absent, the lines stay: the signature block is still there to fill in
    assert texts[texts.index("Dibuat oleh") + 1] == "Nama"
    assert texts[texts.index("Disahkan oleh") + 1] == "Nama"


def test_a_one_day_event_shows_its_day_once_in_its_own_zone(tmp_path):
    meta = _meta(tmp_path, timezone="WITA", start="2024-11-27T08:00", end="2024-11-27T21:30")
    assert event_dates(meta, lang="id") == "27 November 2024 08.00–21.30 WITA"
    assert event_dates(meta, lang="en") == "27 November 2024 08:00–21:30 WITA (UTC+8)"


def test_cover_takes_a_review_an_event_or_its_metadata(build_event):
    event = build_event(classification="RAHASIA")
    review = evaluate(event, n_resamples=0)
    expected = cover_html(event.meta, lang="en")
    assert "RAHASIA" in expected
    assert cover_html(event, lang="en") == cover_html(review, lang="en") == expected
    with pytest.raises(TypeError, match="got dict"):
        cover_html({"name": "x"}, lang="en")
    with pytest.raises(ParameterError, match="lang must be one of"):
        cover_html(event.meta, lang="fr")
