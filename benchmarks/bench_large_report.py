"""Large-report benchmark: an event of 200,000 incidents, opened in headless Chromium.

One run builds a synthetic event of 200,000 incidents (3 rings, 3 days, Parquet, every row
valid), writes its report and the bundled Purwakarta sample's with the same pipeline
(``run_reports(..., where=Here(workers=1))``) twice — plotly.js inline in each report, and shared
as one ``plotly.min.js`` beside the index — then opens each report several times in headless
Chromium (Debian's ``/usr/bin/chromium`` through Playwright, every non-file request blocked) and
times from navigation until every chart of the report has drawn. The Purwakarta report is the
baseline of the same run.

    python benchmarks/bench_large_report.py                  # 200,000 incidents, 3 openings
    python benchmarks/bench_large_report.py --incidents 50000 --repeats 5
    python benchmarks/bench_large_report.py --screenshot /tmp/large.png

Prints sizes and opening times (median of the openings); exit 1 when a target is missed.
Targets for the large event: report.ipynb ≤ 1 MB (figures as data, no plotly.js), report.html
≤ 8 MB inline and ≤ 1 MB shared, each opened and drawn in ≤ 5 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sra_analysis.reports.batch import run_reports
from sra_analysis.reports.batch.where import Here
from sra_analysis.resources import sample_dir
from sra_analysis.sample import generate_event, write_event

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TARGET_MB = {"inline": 8.0, "shared": 1.0}  # report.html
TARGET_NOTEBOOK_MB = 1.0
TARGET_SECONDS = 5.0
ASSETS = ("inline", "shared")


def large_event(folder: Path, n_incidents: int) -> Path:
    """A valid synthetic event with ``n_incidents`` incidents, written as Parquet."""
    synthetic = generate_event(
        seed=2024, event_id="large-2024", days=3, n_officers=60, n_incidents=n_incidents
    )
    return write_event(synthetic, folder, format="parquet")


def chart_count(notebook: Path) -> int:
    """Plotly figures the executed notebook displayed (each must draw in the page)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(
        "application/vnd.plotly.v1+json" in output.get("data", {})
        for cell in cells
        for output in cell.get("outputs", [])
    )


def open_seconds(browser, report: Path, charts: int, *, screenshot: Path | None = None) -> float:
    """Seconds from navigation until ``charts`` Plotly charts have drawn their SVG."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith("file://") else route.abort()
        ),
    )
    started = time.perf_counter()
    page.goto(report.resolve().as_uri(), wait_until="commit", timeout=300_000)
    page.wait_for_function(
        "n => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n"
        " && Array.from(document.querySelectorAll('.js-plotly-plot'))"
        ".filter(p => p._fullLayout).length >= n",
        arg=charts,
        timeout=300_000,
        polling=50,
    )
    seconds = time.perf_counter() - started
    if screenshot is not None:
        page.screenshot(path=str(screenshot), full_page=False)
    context.close()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=3, help="openings of each report")
    parser.add_argument("--screenshot", type=Path, default=None, help="PNG of the large report")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="sra-bench-large-") as tmp:
        started = time.perf_counter()
        event = large_event(Path(tmp, "events", "large-2024"), args.incidents)
        generated = time.perf_counter() - started
        reported, rows = {}, {}
        for assets in ASSETS:
            out = Path(tmp, assets)
            started = time.perf_counter()
            batch = run_reports(
                [sample_dir() / "purwakarta-2024", event], out, where=Here(workers=1),
                progress=False, assets=assets,
            )  # fmt: skip
            reported[assets] = time.perf_counter() - started
            if batch.failures:
                print("\n".join(f"FAILED {r.event_id}: {r.error}" for r in batch.failures))
                return 1
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            for assets in ASSETS:
                for event_id in ("purwakarta-2024", "large-2024"):
                    folder = Path(tmp, assets, event_id)
                    charts = chart_count(folder / "report.ipynb")
                    wanted = (event_id, assets) == ("large-2024", "inline")
                    shot = args.screenshot if wanted else None
                    times = [
                        open_seconds(browser, folder / "report.html", charts,
                                     screenshot=shot if k == 0 else None)
                        for k in range(args.repeats)
                    ]  # fmt: skip
                    rows[event_id, assets] = {
                        "html": (folder / "report.html").stat().st_size / 1024**2,
                        "ipynb": (folder / "report.ipynb").stat().st_size / 1024**2,
                        "charts": charts,
                        "seconds": statistics.median(times),
                        "tables": sorted(p.name for p in (folder / "tables").glob("*.csv")),
                    }
            browser.close()
        shared_js = Path(tmp, "shared", "plotly.min.js").stat().st_size / 1024**2

    print(f"large event: {args.incidents:,} incidents, generated in {generated:.1f} s; both "
          f"reports written in {reported['inline']:.1f} s inline, {reported['shared']:.1f} s "
          f"shared (one worker); the shared plotly.min.js is {shared_js:.2f} MB")  # fmt: skip
    print(f"{'report':<18} {'assets':<7} {'html MB':>8} {'ipynb MB':>9} {'charts':>7} "
          f"{'open s':>7}  tables/")  # fmt: skip
    for (event_id, assets), row in rows.items():
        print(
            f"{event_id:<18} {assets:<7} {row['html']:8.2f} {row['ipynb']:9.2f} "
            f"{row['charts']:7d} {row['seconds']:7.2f}  {', '.join(row['tables']) or '-'}"
        )
    ok = True
    for assets in ASSETS:
        large, base = rows["large-2024", assets], rows["purwakarta-2024", assets]
        print(f"{assets}: large vs baseline {large['seconds'] / base['seconds']:.1f}× the "
              f"opening time")  # fmt: skip
        ok &= (
            large["html"] <= TARGET_MB[assets]
            and large["ipynb"] <= TARGET_NOTEBOOK_MB
            and large["seconds"] <= TARGET_SECONDS
        )
    print(
        f"targets: report.html ≤ {TARGET_MB['inline']:g} MB inline, ≤ {TARGET_MB['shared']:g} "
        f"MB shared; report.ipynb ≤ {TARGET_NOTEBOOK_MB:g} MB; ≤ {TARGET_SECONDS:g} s to draw"
    )
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
