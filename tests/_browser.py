"""Open an HTML file in real headless Chromium with every non-file request blocked."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class PageVisit:
    """What happened while a page was open."""

    blocked_requests: list[str] = field(default_factory=list)
    file_requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    plots: int = 0
    drawn_plots: int = 0
    text: str = ""
    xss: object = None


def chromium_or_skip():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian chromium not found at {CHROMIUM}; .ci/run installs it")
    from playwright.sync_api import sync_playwright

    return sync_playwright


def visit(browser, html: Path, *, expected_plots: int | None = None, screenshot=None) -> PageVisit:
    """Open ``html`` offline, wait for every Plotly chart to draw, report what happened."""
    record = PageVisit()
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()

    def route(request_route):
        url = request_route.request.url
        if url.startswith("file://"):
            record.file_requests.append(url)
            request_route.continue_()
        else:
            record.blocked_requests.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda error: record.page_errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            record.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.goto(html.resolve().as_uri(), wait_until="load")
    if expected_plots:
        page.wait_for_function(
            "n => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n",
            arg=expected_plots,
            timeout=60_000,
        )
    page.wait_for_timeout(300)
    record.plots = page.locator(".js-plotly-plot").count()
    record.drawn_plots = page.evaluate(
        "Array.from(document.querySelectorAll('.js-plotly-plot'))"
        ".filter(p => p.querySelector('.main-svg') && p._fullLayout).length"
    )
    record.text = page.inner_text("body")
    record.xss = page.evaluate("window.__xss === undefined ? null : window.__xss")
    if screenshot is not None:
        page.screenshot(path=str(screenshot), full_page=False)
    context.close()
    return record
