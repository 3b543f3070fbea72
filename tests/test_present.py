"""What the review notebook displays: tiles without ``nan``, capped tables with their full
table beside the report, descriptions cut for display, officer ids hidden in saved tables."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest

from sra_analysis.reports.html_tables import MISSING, ROW_LIMIT, TEXT_LIMIT
from sra_analysis.reports.pages import present
from sra_analysis.review.evaluate import evaluate

QUIET_INCIDENTS = [
    {"incident_id": "Q-1", "reported_at": "2024-03-01 09:10", "ring": "1", "category": "traffic",
     "severity": "2", "disrupted_proceedings": "false", "risk_id": "R1"},
    {"incident_id": "Q-2", "reported_at": "2024-03-02 14:30", "ring": "2", "category": "crowd",
     "severity": "1", "disrupted_proceedings": "false"},
]  # fmt: skip
QUIET_STAFFING = [
    {"officer_id": f"500{k}", "ring": str(k), "shift_start": "2024-03-01 07:00",
     "shift_end": "2024-03-01 15:00"}
    for k in (1, 2, 3)
]  # fmt: skip
QUIET_RISKS = [
    {"risk_id": "R1", "threat": "Kemacetan", "ring": "1", "likelihood": "3", "impact": "2"},
    {"risk_id": "R2", "threat": "Unjuk rasa", "ring": "all", "likelihood": "4", "impact": "4",
     "window_start": "2024-03-02 12:00", "window_end": "2024-03-02 18:00"},
]  # fmt: skip


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    """Every HTML fragment the helpers display, in order."""
    fragments: list[str] = []
    monkeypatch.setattr(present, "show_html", fragments.append)
    return fragments


def _tiles(fragment: str) -> dict[str, str]:
    pairs = re.findall(r'<div class="v">(.*?)</div><div class="k">(.*?)</div>', fragment)
    return {key: value for value, key in pairs}


def _rows(fragment: str) -> int:
    return len(re.findall(r"<tr[ >]", fragment.split("<tbody>")[1]))


def test_tiles_of_an_event_without_disruption_show_a_dash_not_nan(build_event, shown):
    event = build_event(incidents=QUIET_INCIDENTS, staffing=QUIET_STAFFING, risks=QUIET_RISKS)
    review = evaluate(event, n_resamples=0)
    present.overview(event, review)
    tiles = _tiles(shown[0])
    # hand count: 2 incidents, none disrupted; 3 officers of one 8 h shift each = 24 h
    assert tiles["Incidents"] == "2" and tiles["Disruptions (incidents)"] == "0"
    assert tiles["Disrupted ring-hours"] == "0"
    assert tiles["Officers"] == "3" and tiles["Officer-hours"] == "24"
    assert tiles["AUC (rating vs disruption)"] == MISSING  # no disrupted window: no ROC area
    assert tiles["Disruptions in ring-hours rated high+"] == MISSING
    assert not re.search(r"\b(nan|NaN|None|NaT)\b", shown[0])


def test_score_table_shows_a_dash_for_a_missing_interval(sample_event, shown):
    review = evaluate(sample_event, n_resamples=0)  # no resamples: no bootstrap intervals
    present.score_table(review)
    cells = [c.strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", shown[0], re.S)]
    assert MISSING in cells
    assert not re.search(r"\b(nan|NaN|None|NaT)\b", shown[0])


def _many_incidents(event, count: int) -> pd.DataFrame:
    base = event.incidents
    rows = base.iloc[[k % len(base) for k in range(count)]].reset_index(drop=True)
    rows["incident_id"] = [f"INC-{k:05d}" for k in range(count)]
    rows["description"] = rows["description"].astype(object)
    return rows


def test_incident_table_is_capped_and_its_full_table_saved(sample_event, shown, tmp_path):
    incidents = _many_incidents(sample_event, 250)
    description = "Massa berkumpul di depan gerbang KPU. " * 270_000  # about 10 MB
    incidents.loc[0, "description"] = description
    before = incidents.copy()
    folder = tmp_path / "tables"
    present.incident_table(incidents, sample_event, name="unanticipated_incidents",
                           tables_dir=folder)  # fmt: skip
    fragment = shown[0]
    pd.testing.assert_frame_equal(incidents, before)
    assert _rows(fragment) == ROW_LIMIT + 1
    assert "… and 150 more — the full table: " in fragment
    assert 'href="tables/unanticipated_incidents.csv"' in fragment
    assert len(fragment) < 200_000  # 100 rows of at most 300 characters each, not 10 MB
    assert description[: TEXT_LIMIT - 1].rstrip() + "…" in fragment
    saved = pd.read_csv(folder / "unanticipated_incidents.csv", dtype=str,
                        keep_default_na=False, encoding="utf-8-sig")  # fmt: skip
    assert list(saved["ID"]) == list(incidents["incident_id"])
    assert saved["Description"][0] == description  # the saved table keeps the whole text


def test_span_and_sra_item_tables_are_capped_in_indonesian(sample_event, shown, tmp_path):
    review = evaluate(sample_event, n_resamples=0)
    spans = review.false_alarms
    many = pd.concat([spans] * (ROW_LIMIT // len(spans) + 2), ignore_index=True)
    html = present.span_table(many, sample_event, lang="id", name="false_alarm_windows",
                              tables_dir=tmp_path)  # fmt: skip
    assert f"… dan {len(many) - ROW_LIMIT} lainnya" in html
    assert len(pd.read_csv(tmp_path / "false_alarm_windows.csv", encoding="utf-8-sig")) == len(many)
    items = pd.concat([review.sra_items] * 10, ignore_index=True)
    longer = dataclasses.replace(review, sra_items=items)
    present.sra_items_table(longer, lang="id", tables_dir=tmp_path)
    assert f"… dan {len(items) - ROW_LIMIT} lainnya" in shown[0]
    assert (tmp_path / "sra_items.csv").exists()


def test_data_quality_list_is_capped_and_its_saved_list_hides_officer_ids(
    sample_event, shown, tmp_path
):
    officer = "77057217"
    quality = sample_event.quality["staffing"]
    issues = pd.DataFrame(
        {
            "row": range(2, 152),
            "column": "nrp",
            "field": "officer_id",
            "value": officer,
            "reason": "overlaps another shift of the same officer",
            "action": "warning",
        }
    )
    event = dataclasses.replace(
        sample_event,
        quality={**sample_event.quality, "staffing": dataclasses.replace(quality, issues=issues)},
    )
    present.data_quality(event, tables_dir=tmp_path / "tables")
    assert "… and 50 more" in shown[0]
    assert 'href="tables/data_quality_staffing.csv"' in shown[0]
    saved = (tmp_path / "tables" / "data_quality_staffing.csv").read_text(encoding="utf-8-sig")
    assert len(saved.splitlines()) == 1 + 150
    assert officer not in saved and officer not in shown[0]


def test_long_event_name_and_venue_are_cut(sample_event, shown):
    meta = dataclasses.replace(sample_event.meta, name="N" * 5000, venue="<b>" * 2000)
    event = dataclasses.replace(sample_event, meta=meta)
    present.overview(event, evaluate(event, n_resamples=0))
    title = re.search(r"<h1>(.*?)</h1>", shown[0]).group(1)
    assert title == "N" * (TEXT_LIMIT - 1) + "…"
    assert "<b>" not in shown[0].split("<h1>")[1].split('<div class="sra-verdict')[0]


@dataclasses.dataclass(frozen=True)
class _Finding:
    """A stand-in finding: the helpers read its kind and its sentence."""

    kind: str
    sentence: str

    def text(self, lang: str = "en") -> str:
        return self.sentence


def test_findings_keep_long_sentences_and_cut_runaway_ones(sample_event, shown):
    review = evaluate(sample_event, n_resamples=0)
    sentence = "Windows rated high held 3 of 4 disruptions. " * 20  # 880 characters: kept
    runaway = "1 of 2 incidents matched no SRA item (" + "x" * 1_000_000 + ")."
    findings = (_Finding("improvement", sentence.strip()), _Finding("improvement", runaway))
    review = dataclasses.replace(review, findings=findings)
    present.findings_list(review)  # the plan is built from the after-action review now
    for fragment in shown:
        assert sentence.strip() in fragment
        assert runaway[:999] + "…" in fragment and runaway[:1000] not in fragment
        assert len(fragment) < 5_000


def test_a_figure_is_shown_as_data_with_its_config_and_no_html(monkeypatch):
    import IPython.display
    import plotly.graph_objects as go

    calls = []
    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: calls.append((a, k)))
    figure = go.Figure(go.Bar(x=["1", "2", "3"], y=[3, 1, 2]), layout={"title": "<b>Rings</b>"})
    present.show(figure)
    (bundle,), options = calls[0]
    assert options == {"raw": True} and len(calls) == 1
    assert set(bundle) == {"application/vnd.plotly.v1+json", "text/plain"}
    data = bundle["application/vnd.plotly.v1+json"]
    assert data["config"] == {"displaylogo": False, "responsive": True}
    assert data["data"][0]["type"] == "bar" and data["data"][0]["x"] == ["1", "2", "3"]
    assert bundle["text/plain"] == "<Figure: &lt;b&gt;Rings&lt;/b&gt;>"
    assert figure.layout.title.text == "<b>Rings</b>"  # the figure itself is left alone


def test_overview_and_scores_write_numbers_and_dates_in_indonesian(sample_event, shown):
    review = evaluate(sample_event, n_resamples=0)
    present.overview(sample_event, review, lang="id")
    present.overview(sample_event, review, lang="en")
    bahasa, english = shown
    # the sample runs Friday 1 March 2024 07:00 to Sunday 3 March 23:00 (CLDR id: Jumat,
    # Minggu, Maret; short time HH.mm)
    assert "Jumat, 1 Maret 2024 07.00 – Minggu, 3 Maret 2024 23.00 (WIB)" in bahasa
    assert "Friday, 1 March 2024 07:00 – Sunday, 3 March 2024 23:00 (WIB (UTC+7))" in english
    hours = review.totals["officer_hours"]
    assert hours >= 1000  # so that the thousands separator shows
    # CLDR id: group ".", decimal ","; English as Python writes it
    tiles_id, tiles_en = _tiles(bahasa), _tiles(english)
    assert tiles_id["Jam-personel"] == f"{hours:,.0f}".replace(",", ".")
    assert tiles_en["Officer-hours"] == f"{hours:,.0f}"
    auc = review.score("auc").estimate
    assert tiles_id["AUC (risiko vs gangguan)"] == f"{auc:.2f}".replace(".", ",")
    present.score_table(review, lang="id")
    values = re.findall(r'<td[^>]*class="[^"]*col1[^"]*"[^>]*>(.*?)</td>', shown[-1], re.S)
    assert values and all(re.fullmatch(r"-?\d+,\d\d", v.strip()) for v in values), values
