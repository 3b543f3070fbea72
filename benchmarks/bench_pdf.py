"""PDF benchmark: what ``--pdf`` adds to a batch, and when printing is cheapest.

Three ways of running the same batch of bundled sample events, each in a fresh process (so
that every one pays for its own imports, kernels and browser):

- **html**: ``run_reports(events, out)``, no PDF — the reference;
- **at the end**: ``run_reports(events, out, pdf=True)`` — what ``--pdf`` does: the reports
  run, then one browser prints them all;
- **as written**: the alternative design — ``run_reports(events, out)`` on a thread while
  this one prints each report as soon as it is complete (its ``summary.json``, the last file
  a report writes, is there), the other reports still running.

    python benchmarks/bench_pdf.py                  # 6 events, 2 workers
    python benchmarks/bench_pdf.py --events 27 --workers 4

Prints the seconds of each (the whole process, imports included), what printing added per
report and the pages printed. Notebook parameters: ``n_resamples=0``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time

SCRIPT = """
import json, threading, time
from pathlib import Path
from sra_analysis import run_reports
from sra_analysis.reports.batch.where import Here
from sra_analysis.resources import sample_events

events = sorted(sample_events())[: {events}]
out = Path({out!r})
options = dict(where=Here(workers={workers}), parameters={{"n_resamples": 0}}, progress=False)
started = time.perf_counter()
if {as_written}:
    from sra_analysis.reports.batch.pdf import ReportPrinter

    done = {{}}
    batch = threading.Thread(target=lambda: done.update(b=run_reports(events, out, **options)))
    with ReportPrinter() as printer:
        batch.start()
        printed = set()
        while batch.is_alive() or len(printed) < len(list(out.glob("*/summary.json"))):
            for summary in out.glob("*/summary.json"):
                if summary.parent not in printed:  # a name the batch's clean-up leaves alone
                    printer.print_report(summary.parent / "report.html",
                                         summary.parent / "as-written.pdf")
                    printed.add(summary.parent)
            time.sleep(0.2)
        batch.join()
    results = done["b"].results
else:
    results = run_reports(events, out, pdf={pdf}, **options).results
seconds = time.perf_counter() - started
ok = [r for r in results if r.ok]
pages = 0
if {pdf} or {as_written}:
    import pypdf

    name = "as-written.pdf" if {as_written} else "report.pdf"
    pages = sum(len(pypdf.PdfReader(p).pages) for p in out.glob(f"*/{{name}}"))
print(json.dumps({{"seconds": seconds, "reports": len(ok), "pages": pages,
                  "pdf_errors": sum(r.pdf_error is not None for r in results)}}))
"""


def run(variant: str, *, events: int, workers: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        script = SCRIPT.format(
            events=events,
            out=f"{tmp}/out",
            workers=workers,
            pdf=variant == "at the end",
            as_written=variant == "as written",
        )
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", script], check=True, capture_output=True, text=True
        )
        measured = json.loads(done.stdout.strip().splitlines()[-1])
        measured["process"] = time.perf_counter() - started
        return measured


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=6)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    variants = ("html", "at the end", "as written")
    results = {v: run(v, events=args.events, workers=args.workers) for v in variants}
    base = results["html"]["process"]
    print(f"{args.events} events, {args.workers} workers (process seconds, imports included)")
    for variant, measured in results.items():
        extra = measured["process"] - base
        per = extra / max(measured["reports"], 1)
        print(
            f"  {variant:<11} {measured['process']:6.1f} s  (+{extra:5.1f} s, {per:4.2f} s per "
            f"report; {measured['reports']} reports, {measured['pages']} PDF pages, "
            f"{measured['pdf_errors']} PDF errors)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
