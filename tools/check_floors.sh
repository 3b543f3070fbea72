#!/usr/bin/env bash
# Check the dependency floors in pyproject.toml: install sra_analysis with every direct
# dependency at the LOWEST version its floor allows, then run what the code does with them.
#
#   tools/check_floors.sh                  # the checks below, 2 to 5 minutes on 2 cores
#   tools/check_floors.sh tests/test_x.py  # the same, with these pytest arguments instead
#
# It makes a throwaway virtualenv outside the repository (FLOORS_VENV, default
# /tmp/sra-floors-venv, rebuilt each run), installs uv there and resolves with
# `uv pip install --resolution lowest-direct -e ".[dev]"` (direct dependencies at their
# floors, the rest at their newest), prints the versions it got, then runs:
#   1. sra-review validate on every bundled sample, and sra-review report on purwakarta-2024;
#   2. probes of uses a test cannot see at the newest versions: Markdown through the HTML
#      export, evaluate() of a sample with warnings as errors, openpyxl parsing with defusedxml;
#   3. focused tests (pytest arguments as given, or the list below).
# A failure prints what broke; raise that floor to the oldest release that works (bisect
# with `pip index versions NAME` and `uv pip install NAME==X` in the venv), add the evidence
# to tests/test_dependency_floors.py when a code pattern shows the need, and run again.
# Not part of CI, which installs the newest versions and must stay fast.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${FLOORS_VENV:-/tmp/sra-floors-venv}"
OUT="$(mktemp -d /tmp/sra-floors-out.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT
case "$VENV" in "$ROOT"/*) echo "FLOORS_VENV must be outside the repository" >&2; exit 2 ;; esac

echo "== virtualenv $VENV, direct dependencies at their floors"
rm -rf "$VENV"
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet uv
"$VENV/bin/uv" pip install --quiet --python "$VENV/bin/python" \
    --resolution lowest-direct -e "$ROOT[dev]"
# the package, the kernels papermill starts and sra-review all come from this venv and tree
export PATH="$VENV/bin:$PATH" PYTHONPATH="$ROOT"
cd "$ROOT"
python - <<'EOF'
import tomllib
from importlib.metadata import version
from packaging.requirements import Requirement

project = tomllib.load(open("pyproject.toml", "rb"))["project"]
for line in project["dependencies"] + project["optional-dependencies"]["dev"]:
    requirement = Requirement(line)
    print(f"  {requirement.name:<14} {str(requirement.specifier):<12} {version(requirement.name)}")
EOF

echo "== sra-review validate, sra-review report"
sra-review validate data/sample/* > "$OUT/validate.txt"
# a blank risk_id read as the text 'None' (pandas 2) shows up as an unknown risk_id
if grep -q "= 'None'" "$OUT/validate.txt"; then
    grep -m 3 "= 'None'" "$OUT/validate.txt" >&2
    echo "FAIL: blank cells read as the text 'None'" >&2
    exit 1
fi
sra-review report data/sample/purwakarta-2024 --out "$OUT/reports" 2>&1 | tee "$OUT/report.txt"
# the console shows the batch's own lines only (ipykernel < 6.29.4: a debugger warning per kernel)
if grep -q "Debugger warning" "$OUT/report.txt"; then
    echo "FAIL: the kernels print a debugger warning on the console" >&2
    exit 1
fi

echo "== probes"
python - <<'EOF'
import warnings

import nbformat
import openpyxl

from sra_analysis import evaluate, load_event
from sra_analysis.reports.batch.report_html import export_html
from sra_analysis.resources import sample_events

assert openpyxl.DEFUSEDXML, "openpyxl does not parse workbooks with defusedxml"
markdown = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Anev\n\nteks")])
assert ">Anev<" in export_html(markdown, title="floors"), "Markdown not rendered"
with warnings.catch_warnings():
    warnings.simplefilter("error")
    for folder in sample_events():
        evaluate(load_event(folder), n_resamples=200)
print("  defusedxml in use; Markdown exported; every sample evaluated without a warning")
EOF

echo "== tests"
if [ "$#" -eq 0 ]; then
    set -- tests/test_dependency_floors.py tests/test_io_readers.py tests/test_io_load.py \
        tests/test_evaluate.py tests/test_improvement_plan.py tests/test_metrics_resampling.py \
        tests/test_rollup_levels.py \
        "tests/test_notebooks.py::test_notebook_runs_with_plain_papermill[review_report]" \
        "tests/test_report_html.py::test_the_export_draws_each_figure_and_leaves_the_notebook_as_data" \
        "tests/test_report_html.py::test_an_inline_page_draws_every_chart_offline" \
        "tests/test_formats.py::test_an_indonesian_report_draws_its_charts_with_decimal_commas"
fi
python -m pytest -q -p no:cacheprovider "$@"
echo "== every check passed at the floors"
