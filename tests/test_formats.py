"""Tests of sra_analysis.labels.formats: numbers, percentages and dates per report language.

Expected values are worked by hand from the Unicode CLDR conventions (cldr.unicode.org,
common/main/id.xml and en_GB.xml): Indonesian decimal ",", group ".", percent pattern
"#,##0%", short time "HH.mm", months Januari…Desember, days Senin…Minggu; British English
decimal ".", group ",", short time "HH:mm".
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import re

import numpy as np
import pandas as pd
import pytest

from sra_analysis.errors import ParameterError
from sra_analysis.labels.formats import (
    MISSING,
    Number,
    format_date,
    format_datetime,
    format_integer,
    format_number,
    format_p_value,
    format_percent,
    format_range,
    format_significant,
    format_time,
    plotly_separators,
)

# CLDR id: Januari … Desember; en: January … December
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember"]  # fmt: skip
# CLDR id: Senin … Minggu (Monday … Sunday)
DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


@pytest.mark.parametrize(
    ("value", "digits", "english", "indonesian"),
    [
        (1168, 0, "1,168", "1.168"),
        (3.4, 1, "3.4", "3,4"),
        (1234567.891, 2, "1,234,567.89", "1.234.567,89"),
        (0.81234, 2, "0.81", "0,81"),
        (-1234.5, 1, "-1,234.5", "-1.234,5"),
        (12.0, 2, "12.00", "12,00"),
        (1234.5, None, "1,234.5", "1.234,5"),  # up to three decimals, trailing zeros dropped
        (2 / 3, None, "0.667", "0,667"),
        (np.float64(72493.0), 0, "72,493", "72.493"),
        (np.int64(200000), 0, "200,000", "200.000"),
    ],
)
def test_format_number_follows_cldr_separators(value, digits, english, indonesian):
    assert format_number(value, lang="en", digits=digits) == english
    assert format_number(value, lang="id", digits=digits) == indonesian


def test_english_numbers_are_what_python_formatting_gives():
    # the English report must not change: same digits, same rounding (half to even on the
    # exact binary value: 2.675 is 2.67499999… in binary, 0.125 is exact and rounds to 0.12)
    for value in (2.675, 0.125, 0.375, 1e6 + 0.5, 123456.789, -0.0049, 0.5, 1.5, 2.5):
        for digits in (0, 1, 2, 3):
            assert format_number(value, digits=digits) == f"{value:,.{digits}f}", (value, digits)


def test_grouping_can_be_turned_off():
    assert format_number(1168.25, lang="id", digits=2, grouping=False) == "1168,25"
    assert format_number(1168.25, lang="en", digits=2, grouping=False) == "1168.25"


def test_format_integer_rounds_and_groups():
    assert format_integer(1168) == "1,168"
    assert format_integer(1168, lang="id") == "1.168"
    assert format_integer(1167.6, lang="id") == "1.168"
    assert format_integer(0, lang="id") == "0"


@pytest.mark.parametrize(
    ("value", "digits", "english", "indonesian"),
    [
        (0.125, 1, "12.5%", "12,5%"),
        (0.12, 0, "12%", "12%"),
        (0.5, 0, "50%", "50%"),
        (0.998, 1, "99.8%", "99,8%"),
        (12.375, 0, "1,238%", "1.238%"),  # exactly 1237.5%: half to even gives 1238%
        (1.0, 0, "100%", "100%"),
    ],
)
def test_format_percent(value, digits, english, indonesian):
    assert format_percent(value, lang="en", digits=digits) == english
    assert format_percent(value, lang="id", digits=digits) == indonesian


def test_format_range_uses_an_en_dash():
    assert format_range(0.6, 0.9) == "0.60–0.90"
    assert format_range(0.6, 0.9, lang="id") == "0,60–0,90"
    assert format_range(1.5, 12.25, lang="id", digits=1) == "1,5–12,2"
    assert format_range(float("nan"), 0.9) == MISSING


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA, pd.NaT, np.float64("nan")])
def test_missing_values_show_as_an_en_dash(missing):
    assert MISSING == "–"
    for lang in ("en", "id"):
        assert format_number(missing, lang=lang) == MISSING
        assert format_integer(missing, lang=lang) == MISSING
        assert format_percent(missing, lang=lang) == MISSING
        assert format_date(missing, lang=lang) == MISSING
        assert format_time(missing, lang=lang) == MISSING
        assert format_datetime(missing, lang=lang) == MISSING


def test_infinity_is_written_as_a_sign_not_a_number():
    assert format_number(math.inf) == "∞"
    assert format_number(-math.inf, lang="id") == "-∞"


def test_dates_in_indonesian_have_indonesian_month_and_day_names():
    day = dt.date(2024, 3, 1)  # a Friday (Jumat)
    assert format_date(day, lang="id") == "1 Maret 2024"
    assert format_date(day, lang="id", style="full") == "Jumat, 1 Maret 2024"
    assert format_date(day, lang="en") == "1 March 2024"
    assert format_date(day, lang="en", style="full") == "Friday, 1 March 2024"
    assert format_date(day, lang="id", style="medium") == "01 Mar 2024"
    assert format_date(dt.date(2024, 8, 17), lang="id", style="medium") == "17 Agu 2024"
    assert format_date(dt.date(2024, 5, 5), lang="id", style="weekday") == "Min 05 Mei"
    assert format_date(dt.date(2024, 12, 25), lang="id", style="day") == "25 Des"


def test_every_month_and_weekday_name_in_indonesian():
    for month, name in enumerate(MONTHS_ID, start=1):
        assert format_date(dt.date(2024, month, 1), lang="id") == f"1 {name} 2024"
    # 2024-03-04 is a Monday (Senin)
    for offset, name in enumerate(DAYS_ID):
        moment = dt.date(2024, 3, 4 + offset)
        assert format_date(moment, lang="id", style="full").startswith(f"{name}, ")


def test_times_follow_each_language_short_time():
    moment = pd.Timestamp("2024-03-01 07:05", tz="Asia/Jakarta")
    assert format_time(moment) == "07:05"
    assert format_time(moment, lang="id") == "07.05"
    assert format_datetime(moment) == "01 Mar 2024 07:05"
    assert format_datetime(moment, lang="id") == "01 Mar 2024 07.05"


def test_timestamps_show_their_own_wall_clock_not_utc():
    # 2024-03-01 23:30 in Jakarta (UTC+7) is 16:30 UTC the same day; 03:00 local is the
    # previous day in UTC
    late = pd.Timestamp("2024-03-01 23:30", tz="Asia/Jakarta")
    early = pd.Timestamp("2024-03-02 03:00", tz="Asia/Jakarta")
    assert format_datetime(late, lang="id") == "01 Mar 2024 23.30"
    assert format_date(early, lang="id", style="full") == "Sabtu, 2 Maret 2024"
    assert format_time(early) == "03:00"


def test_iso_text_and_numpy_datetimes_are_read_as_dates():
    assert format_date("2024-03-01T07:00+07:00", lang="id") == "1 Maret 2024"
    assert format_datetime(np.datetime64("2024-08-17T10:30"), lang="id", style="full") == (
        "Sabtu, 17 Agustus 2024 10.30"  # 17 August 2024 was a Saturday (Sabtu)
    )


def test_bad_arguments_name_what_was_wrong():
    with pytest.raises(ParameterError, match="lang must be one of .*'fr'"):
        format_number(1.0, lang="fr")
    with pytest.raises(ParameterError, match="digits must be .* got -1"):
        format_number(1.0, digits=-1)
    with pytest.raises(ParameterError, match="style must be one of .*'short'"):
        format_date(dt.date(2024, 3, 1), style="short")
    with pytest.raises(ParameterError, match="not a date or time: 'yesterday'"):
        format_date("yesterday")
    with pytest.raises(ParameterError, match="not a date or time: 3"):
        format_time(3)
    with pytest.raises(ParameterError, match="not a number: 'many'"):
        format_number("many")
    with pytest.raises(ParameterError, match="not a number: array"):
        format_percent(np.array([0.1, 0.2]))


def test_plotly_separators_are_decimal_then_group():
    assert plotly_separators("en") == ".,"
    assert plotly_separators("id") == ",."


def test_trim_drops_trailing_zeros_as_the_tables_did():
    # the tables' rule for floats: f"{x:,.2f}".rstrip("0").rstrip(".")
    for value in (2.5, 2.0, 1.999, 1234.105, 0.004, 1000.0):
        expected = f"{value:,.2f}".rstrip("0").rstrip(".")
        assert format_number(value, digits=2, trim=True) == expected
    assert format_number(1234.5, lang="id", digits=2, trim=True) == "1.234,5"
    assert format_number(1000.0, lang="id", digits=2, trim=True) == "1.000"


def test_p_values_as_sentences_quote_them():
    assert format_p_value(0.0364) == "p = 0.036"
    assert format_p_value(0.0364, lang="id") == "p = 0,036"
    assert format_p_value(0.0004, lang="id") == "p < 0,001"
    assert format_p_value(float("nan"), lang="id") == "p = –"


def test_a_number_is_written_out_per_language_only_when_asked():
    share = Number(0.125, digits=1, style="percent")
    assert (share.text("en"), share.text("id")) == ("12.5%", "12,5%")
    count = Number(1168.0, digits=None)
    assert (count.text("en"), count.text("id")) == ("1,168", "1.168")
    assert Number(0.02, style="p_value").text("id") == "p = 0,020"
    assert Number(None).text("id") == MISSING
    assert Number(3.4, digits=1) == Number(3.4, digits=1)  # compared by value
    with pytest.raises(ParameterError, match="style must be one of .*'money'"):
        Number(1.0, style="money")
    with pytest.raises(ParameterError, match="digits must be"):
        Number(1.0, digits=2.5)


def test_significant_digits_never_use_an_exponent():
    # three significant digits: 0.0123456 → 0.0123; 1.23e-05 written out in full
    assert format_significant(0.0123456) == "0.0123"
    assert format_significant(0.0123456, lang="id") == "0,0123"
    assert format_significant(1.23e-05, lang="id") == "0,0000123"
    assert format_significant(12345.6) == "12300"  # three significant digits, not grouped
    assert format_significant(0.04, lang="id") == "0,04"
    assert Number(0.0123456, digits=3, style="significant").text("id") == "0,0123"
    with pytest.raises(ParameterError, match="at least 1"):
        format_significant(0.5, digits=0)


# ------------------------------------------------------------- an Indonesian report, end to end

#: A wall-clock time as Bahasa Indonesia writes it (CLDR id short time "HH.mm"): not a number.
_TIME_ID = re.compile(r"\b(?:[01]\d|2[0-3])\.[0-5]\d\b")
#: A whole number grouped with dots (1.168): Indonesian thousands, not a decimal point.
_GROUPED_ID = re.compile(r"\b\d{1,3}(?:\.\d{3})+(?![\d.,])")
#: English thousands (1,168): a first group that does not start with 0, then groups of 3.
_GROUPED_EN = re.compile(r"\b[1-9]\d{0,2}(?:,\d{3})+(?![\d,])")


def _reader_text(page: str) -> str:
    """What a reader sees of a report page: no scripts or styles, tags as line breaks; the
    provenance (package version, ISO time and the parameters as JSON code: a machine record
    quoted as it is) left out."""
    page = re.sub(r"<(script|style|code)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<p>sra_analysis [^<]*</p>", " ", page)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


@pytest.fixture(scope="module")
def indonesian_batch(tmp_path_factory):
    from sra_analysis import run_reports
    from sra_analysis.resources import sample_dir

    out = tmp_path_factory.mktemp("laporan")
    batch = run_reports(
        [sample_dir() / "purwakarta-2024"], out,
        parameters={"lang": "id", "n_resamples": 0}, progress=False,
    )  # fmt: skip
    assert [r.status for r in batch.results] == ["ok"], batch.results
    return out


def test_an_indonesian_report_writes_no_english_style_number(indonesian_batch):
    page = (indonesian_batch / "purwakarta-2024" / "report.html").read_text(encoding="utf-8")
    text = _reader_text(page)
    assert not _GROUPED_EN.findall(text)
    # every line, times (07.00) and grouped whole numbers (1.168) aside, has no "3.4"
    decimal_points = [
        line for line in text.splitlines()
        if re.search(r"\d\.\d", _GROUPED_ID.sub(" ", _TIME_ID.sub(" ", line)))
    ]  # fmt: skip
    assert decimal_points == []
    # and what it does write: decimal commas, a grouped count, Indonesian dates
    assert re.search(r"\d,\d", text) and _GROUPED_ID.search(text)
    assert "Jumat, 1 Maret 2024 07.00 – Minggu, 3 Maret 2024 23.00" in text
    # no English day or month; "Sat" before a capital is a Polri unit ("Sat Intelkam", Satuan)
    # named by the staffing file, not a Saturday
    assert not re.search(r"\b(Friday|Saturday|Sunday|March|Fri|Sun)\b|\bSat\b(?! [A-Z])", text)


def test_an_indonesian_report_draws_its_charts_with_decimal_commas(indonesian_batch):
    from sra_analysis.reports.batch.report_html import plotly_js

    page = (indonesian_batch / "purwakarta-2024" / "report.html").read_text(encoding="utf-8")
    # the page's own calls: plotly.js 2 (plotly < 6) names Plotly.newPlot in its own text
    charts = page.replace(plotly_js(), "").count("Plotly.newPlot")
    assert charts >= 5
    assert page.count('"separators":",."') == charts
    assert "Jum 01 Mar" in page and "Fri 01 Mar" not in page  # the centrepiece's date ticks


def test_the_indonesian_index_and_machine_outputs(indonesian_batch):
    index = _reader_text((indonesian_batch / "index.html").read_text(encoding="utf-8"))
    assert not _GROUPED_EN.findall(index)
    assert not re.search(r"\d\.\d", _GROUPED_ID.sub(" ", index))
    # summary.json stays locale-free: numbers are JSON numbers, times ISO 8601
    summary = json.loads(
        (indonesian_batch / "purwakarta-2024" / "summary.json").read_text(encoding="utf-8")
    )
    assert isinstance(summary["totals"]["officer_hours"], float)
    assert summary["totals"]["officer_hours"] >= 1000
    assert summary["event"]["start"].startswith("2024-03-01T07:00")
    assert isinstance(summary["prediction"]["auc"], float)


def test_the_indonesian_report_as_chromium_draws_it(indonesian_batch, browser):
    from _browser import visit

    report = indonesian_batch / "purwakarta-2024" / "report.html"
    seen = visit(browser, report, expected_plots=5)
    assert seen.plots == seen.drawn_plots >= 5 and seen.page_errors == []
    assert seen.blocked_requests == []  # offline, whatever the language
    assert "Jumat, 1 Maret 2024 07.00" in seen.text
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(report.resolve().as_uri(), wait_until="load")
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 5")
    # the axis labels Plotly draws itself (xtick, x3tick, ytick, y2tick, ...): decimals with
    # a comma (0,2), never a point; times as HH.mm
    ticks = page.eval_on_selector_all("g[class$=tick] text", "els => els.map(e => e.textContent)")
    assert any(re.fullmatch(r"\d,\d+", tick) for tick in ticks), ticks
    assert not [t for t in ticks if re.fullmatch(r"\d+\.\d+", t) and not _TIME_ID.fullmatch(t)]
    # the centrepiece's time axis: 12.00 on Friday 1 March first, a tick every six hours
    assert "12.00Jum 01 Mar" in ticks and "00.00Sab 02 Mar" in ticks and "18.00" in ticks
    # the hover of INC-006 (reported 2024-03-01 14:30), the first incident of the first row:
    # ring 1, the plenary room
    hover = page.evaluate(
        """() => {
          const gd = document.querySelector('.js-plotly-plot');
          const i = gd.data.findIndex(t => t.meta && t.meta.kind === 'incidents');
          Plotly.Fx.hover(gd, [{curveNumber: i, pointNumber: 0}]);
          return Array.from(gd.querySelectorAll('.hoverlayer text')).map(e => e.textContent);
        }"""
    )
    assert any("Dilaporkan: Jum 01 Mar 2024 14.30" in line for line in hover), hover
    context.close()
