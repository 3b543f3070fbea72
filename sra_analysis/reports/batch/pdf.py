"""Reports on paper: each ``report.html`` printed to an A4 ``report.pdf`` in headless Chromium.

``sra-review report --pdf`` (``run_reports(..., pdf=True)``) prints every report that was
written, beside it, once the batch's reports have run. The page is opened from disk with
every request that is not a local file refused (a report needs none), laid out for print by
the template's ``@media print`` rules (A4, the cover on a page of its own, charts and table
rows kept whole, table header rows repeated, nothing interactive), and printed once every
Plotly chart has drawn. The charts are drawn for the paper: the page is opened in a window
exactly as wide as the printable width of an A4 page at :data:`PRINT_SCALE`, and drawn again
lower to fit the page (:mod:`sra_analysis.reports.batch.print_layout`, which also adds the running
header and footer, and starts the annex, the glossary and the appendix on a new page).

One browser serves a whole batch (:class:`ReportPrinter`). It is found (:func:`find_chromium`)
and started before any report runs, so a machine that cannot print says so at once. Playwright
is imported only then: a batch without ``pdf`` never loads it.
"""

from __future__ import annotations

import concurrent.futures as futures
import contextlib
import os
from dataclasses import replace
from pathlib import Path

from sra_analysis.errors import EventConfigError, PrinterError
from sra_analysis.event_config import read_event_meta
from sra_analysis.privacy import hide_long_numbers
from sra_analysis.reports.batch.chromium import (
    CHROMIUM_ENV,
    CHROMIUM_NAMES,
    INSTALL_PLAYWRIGHT,
    PDF_NAME,
    check_printer,
    find_chromium,
)
from sra_analysis.reports.batch.print_layout import (
    CHART_HEIGHT_SCALE,
    CHART_MIN_HEIGHT,
    FIT_CHARTS,
    MARK_PARTS,
    PageFooter,
    page_css,
    part_heading_texts,
)
from sra_analysis.reports.batch.runner import ReportResult
from sra_analysis.reports.files import write_atomic

__all__ = [
    "CHROMIUM_ENV",
    "CHROMIUM_NAMES",
    "PDF_NAME",
    "PRINT_SCALE",
    "ReportPrinter",
    "check_printer",
    "find_chromium",
    "print_result",
]

#: The page is laid out 1/scale times as wide as the paper's printable width (879 CSS px
#: instead of 703), then printed at this scale: charts and tables get the room of a laptop
#: window, and body text prints at about 8.5 pt.
PRINT_SCALE = 0.8

_A4_MM = (210, 297)
#: top, right, bottom, left: the same as the report template's ``@page`` rule; the bottom
#: margin holds the page footer.
_MARGINS_MM = (12, 12, 14, 12)
_PX_PER_MM = 96 / 25.4
_LOAD_TIMEOUT_MS = 60_000
_CHART_TIMEOUT_MS = 30_000
#: How many of the page's Plotly charts have drawn (a chart has drawn when Plotly laid it
#: out and its SVG is in the page), how many there are, and whether plotly.js is there.
_CHARTS_DRAWN = """() => {
  const plots = Array.from(document.querySelectorAll('.plotly-graph-div'));
  const drawn = plots.filter(p => p._fullLayout && p.querySelector('.main-svg')).length;
  return [drawn, plots.length, typeof window.Plotly !== 'undefined'];
}"""
#: Done waiting: every chart drawn, or none ever will be (plotly.js did not load).
_DONE_DRAWING = f"() => {{ const [d, n, js] = ({_CHARTS_DRAWN})(); return d === n || !js; }}"


def _first_line(failure: BaseException) -> str:
    text = str(failure).strip().splitlines()
    return f"{type(failure).__name__}: {text[0] if text else ''}".rstrip(": ")


class ReportPrinter:
    """One headless Chromium that prints report pages to A4 PDF, for a whole batch.

    Use it as a context manager; :meth:`print_report` may be called from any thread, one call
    at a time. Playwright runs on a thread of its own, so the printer also works where an
    event loop is already running (a Jupyter kernel). The browser is started on entering, and
    started again if it was lost (crashed, killed) between two reports.

    Parameters
    ----------
    chromium : str, optional
        The Chromium executable; by default :func:`check_printer` finds it.

    Examples
    --------
    A sketch (it needs Chromium and an exported report)::

        with ReportPrinter() as printer:
            printer.print_report("reports/purwakarta-2024/report.html")
    """

    def __init__(self, chromium: str | None = None) -> None:
        self.chromium = chromium or check_printer()
        self._thread: futures.ThreadPoolExecutor | None = None
        self._playwright = None
        self._browser = None

    def __enter__(self) -> ReportPrinter:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _on_thread(self, task, *args):
        if self._thread is None:
            self._thread = futures.ThreadPoolExecutor(1, thread_name_prefix="sra-pdf")
        return self._thread.submit(task, *args).result()

    def start(self) -> ReportPrinter:
        """Start the browser (and Playwright); raises :class:`PrinterError` if it cannot."""
        self._on_thread(self._start)
        return self

    def close(self) -> None:
        """Stop the browser and Playwright; safe to call twice."""
        if self._thread is not None:
            self._on_thread(self._stop)
            self._thread.shutdown(wait=True)
            self._thread = None

    def print_report(
        self,
        html: str | os.PathLike,
        pdf: str | os.PathLike | None = None,
        *,
        footer: PageFooter | None = None,
    ) -> Path:
        """Print one report page to an A4 PDF, once every chart on it has drawn.

        Parameters
        ----------
        html : path
            The report page (``report.html``). Files it loads by a relative path (a shared
            ``../plotly.min.js``) are read; any other request is refused.
        pdf : path, optional
            Where the PDF goes; ``report.pdf`` beside the page by default. Written through a
            temporary file and a rename.
        footer : PageFooter, optional
            The event's name, classification marking and language for the running header
            and footer; by default the footer holds the page numbers, in English.

        Returns
        -------
        Path
            The PDF written.

        Raises
        ------
        PrinterError
            When the page does not load, a chart has not drawn within 30 s (at once when
            plotly.js is missing), or the browser fails; the message names the page and
            says how many charts drew.
        OSError
            When the PDF cannot be written.
        """
        html = Path(html).resolve()
        pdf = html.with_name(PDF_NAME) if pdf is None else Path(pdf)
        return write_atomic(pdf, self._on_thread(self._print, html, footer or PageFooter()))

    # ------------------------------------------------------- on the printer's own thread

    def _start(self) -> None:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as error:
            raise PrinterError(f"cannot print {PDF_NAME}: Playwright cannot be imported "
                               f"({error}) — {INSTALL_PLAYWRIGHT}") from None  # fmt: skip
        try:
            if self._playwright is None:
                self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=self.chromium,
                args=["--disable-gpu", "--disable-background-networking", "--no-first-run",
                      "--disable-component-update", "--disable-sync"],
            )  # fmt: skip
        except Exception as error:
            self._stop()
            raise PrinterError(
                f"cannot print {PDF_NAME}: {self.chromium} does not start as a headless "
                f"browser ({_first_line(error)}) — point {CHROMIUM_ENV} at a working Chromium"
            ) from None

    def _stop(self) -> None:
        browser, playwright, self._browser, self._playwright = (
            self._browser, self._playwright, None, None
        )  # fmt: skip
        for stop in (browser and browser.close, playwright and playwright.stop):
            if stop:
                with contextlib.suppress(Exception):  # already gone: nothing left to stop
                    stop()

    def _print(self, html: Path, footer: PageFooter) -> bytes:
        from playwright.sync_api import Error as PlaywrightError

        if self._browser is None or not self._browser.is_connected():
            self._start()  # not started, or lost since the last report
        try:
            context = self._browser.new_context(viewport=_viewport())
            try:
                return self._print_page(context, html, footer)
            finally:
                context.close()
        except PlaywrightError as error:
            raise PrinterError(f"{html}: printing failed: {_first_line(error)}") from None

    def _print_page(self, context, html: Path, footer: PageFooter) -> bytes:
        from playwright.sync_api import Error as PlaywrightError

        page = context.new_page()
        script_errors: list[str] = []
        page.on("pageerror", lambda error: script_errors.append(str(error)))
        page.route("**/*", _local_files_only)
        page.emulate_media(media="print")  # the charts draw into the printed layout
        page.goto(html.as_uri(), wait_until="load", timeout=_LOAD_TIMEOUT_MS)
        try:
            page.wait_for_function(_DONE_DRAWING, timeout=_CHART_TIMEOUT_MS, polling=100)
        except PlaywrightError:
            pass  # said below, with the count
        drawn, total, plotly_loaded = page.evaluate(_CHARTS_DRAWN)
        if drawn < total:
            if not plotly_loaded:
                why = "plotly.js did not load (a shared-asset report away from its plotly.min.js?)"
            else:
                why = f"after {_CHART_TIMEOUT_MS // 1000} s"
            if script_errors:
                why += f"; a script failed: {script_errors[0][:200]}"
            raise PrinterError(f"{html}: {drawn} of {total} charts drawn, {why}")
        page.evaluate(_UNLINK_LOCAL_FILES)
        cover, _ = page.evaluate(MARK_PARTS, part_heading_texts(footer.lang))
        page.add_style_tag(content=page_css(footer, cover=cover))
        page.evaluate(FIT_CHARTS, [CHART_HEIGHT_SCALE, CHART_MIN_HEIGHT])
        margins = zip(("top", "right", "bottom", "left"), _MARGINS_MM, strict=True)
        return page.pdf(
            format="A4",
            # the template's @page size (A4 in millimetres, 595.3 × 841.9 pt); Playwright's
            # "A4" is 8.27 × 11.7 in, a point or so larger
            prefer_css_page_size=True,
            print_background=True,
            scale=PRINT_SCALE,
            margin={side: f"{mm}mm" for side, mm in margins},
            # the running header and footer are the page's own margin boxes (page_css)
            display_header_footer=False,
        )


#: Links to files beside the report (``improvement_plan.xlsx``, ``index.html``) would be
#: written into the PDF as absolute ``file://`` addresses of the machine that printed it —
#: useless to the reader it is sent to, and a disclosure of that machine's folders. They are
#: printed as plain text; links within the report stay (the PDF keeps them as its own).
_UNLINK_LOCAL_FILES = """() => {
    for (const link of document.querySelectorAll("a[href]")) {
        const url = new URL(link.href, document.baseURI);
        const here = url.pathname === window.location.pathname && url.hash;
        if (url.protocol === "file:" && !here) link.removeAttribute("href");
    }
}"""


def _viewport() -> dict[str, int]:
    """The window the page is laid out in: the printable area of A4 at :data:`PRINT_SCALE`.

    Examples
    --------
    >>> _viewport()
    {'width': 879, 'height': 1280}
    """
    top, right, bottom, left = _MARGINS_MM
    width_mm, height_mm = _A4_MM[0] - left - right, _A4_MM[1] - top - bottom
    return {
        "width": round(width_mm * _PX_PER_MM / PRINT_SCALE),
        "height": round(height_mm * _PX_PER_MM / PRINT_SCALE),
    }


def _local_files_only(route) -> None:
    """A report needs nothing from the network: only ``file:`` requests go through."""
    if route.request.url.startswith("file:"):
        route.continue_()
    else:
        route.abort()


def print_result(printer: ReportPrinter, result: ReportResult, *, lang: str = "en") -> ReportResult:
    """Print a written report's ``report.pdf``; the result, with ``pdf_error`` if it failed.

    The running footer names the event and its classification marking, read again from the
    event's ``event.yaml``, in the report's language ``lang``. A report that FAILED is not
    printed. A report whose printing fails stays written (its HTML is good): the result
    keeps ``status="ok"`` and says why in ``pdf_error``, and no ``report.pdf`` of an earlier
    run stays beside it.
    """
    if not result.ok:
        return result
    folder = Path(result.folder)
    try:  # a marked report is never printed without its marking
        footer = PageFooter.of(read_event_meta(result.event_dir), lang=lang)
        printer.print_report(folder / "report.html", folder / PDF_NAME, footer=footer)
    except (PrinterError, EventConfigError, OSError) as failure:
        with contextlib.suppress(OSError):  # no PDF of an earlier run beside this report
            (folder / PDF_NAME).unlink(missing_ok=True)
        reason = str(failure) if isinstance(failure, PrinterError) else _first_line(failure)
        return replace(result, pdf_error=hide_long_numbers(f"{PDF_NAME} not written: {reason}"))
    return result
