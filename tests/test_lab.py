"""The bundled notebooks in a real JupyterLab, as an analyst opens them.

JupyterLab is served on loopback (a free port, a token, a temporary root holding copies of the
shipped notebooks, its settings, workspaces and runtime files in temporary folders, so the
user's own are never read or written). Each notebook is opened in headless Chromium and run
with the menu's Run → Run All Cells; once the kernel is idle the test counts the charts Plotly
drew against the chart calls in the notebook's source, finds no error output, and checks that
the report's tables align text left and numbers right — in JupyterLab, whose stylesheet
right-aligns every table cell, and in the HTML report exported from the notebook JupyterLab
saved.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from sra_analysis.labels import t
from sra_analysis.resources import NOTEBOOKS, notebook_path, rollup_notebook, sample_dir

pytest.importorskip("jupyterlab", reason="JupyterLab is not installed: pip install -e '.[lab]'")

#: Seconds a notebook may take to run in JupyterLab (it takes about 10 on a laptop).
RUN_TIMEOUT = 90
#: A table of the report in a rendered output, and its body cells (not the "… and N more" row).
TABLE_CELLS = ".jp-OutputArea-output .sra-report table tbody tr:not(.sra-more) td"
ERROR_OUTPUTS = (
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], '
    ".jp-OutputArea-output .jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr']"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(home: Path) -> dict[str, str]:
    """The server's environment: every Jupyter and IPython folder it writes under ``home``."""
    env = dict(os.environ)
    folders = {
        "JUPYTER_CONFIG_DIR": home / "config",
        "JUPYTER_RUNTIME_DIR": home / "runtime",
        "JUPYTERLAB_SETTINGS_DIR": home / "settings",
        "JUPYTERLAB_WORKSPACES_DIR": home / "workspaces",
        "IPYTHONDIR": home / "ipython",
    }
    for name, folder in folders.items():
        folder.mkdir(parents=True)
        env[name] = str(folder)
    # no "get notified about Jupyter news?" prompt over the notebook, and the notebook's own
    # kernel started without asking (as once "Always start the preferred kernel" is ticked)
    settings = {
        ("apputils-extension", "notification"): {"fetchNews": "false", "checkForUpdates": False},
        ("notebook-extension", "tracker"): {"autoStartDefaultKernel": True},
    }
    for (plugin, name), values in settings.items():
        folder = folders["JUPYTERLAB_SETTINGS_DIR"] / "@jupyterlab" / plugin
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.jupyterlab-settings").write_text(json.dumps(values), encoding="utf-8")
    # a virtualenv made with --system-site-packages finds JupyterLab in the base Python but
    # not its extensions (plotly's renderer among them): add the base data folder
    base = Path(sys.base_prefix) / "share" / "jupyter"
    if sys.prefix != sys.base_prefix and (base / "labextensions").is_dir():
        env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [env.get("JUPYTER_PATH"), str(base)]))
    return env


def _get(url: str, token: str) -> bytes:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.read()


def _wait_for_status(process: subprocess.Popen, url: str, token: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"JupyterLab exited with {process.returncode}:\n{log.read_text()}")
        try:
            json.loads(_get(f"{url}/api/status", token))
            return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"JupyterLab did not answer {url}/api/status within 60 s:\n{log.read_text()}")


def _stop(process: subprocess.Popen, url: str, token: str) -> None:
    """Shut the server and its kernels down; kill its process group if it does not go."""
    if process.poll() is None:
        try:
            request = urllib.request.Request(
                f"{url}/api/shutdown", method="POST", headers={"Authorization": f"token {token}"}
            )
            urllib.request.urlopen(request, timeout=5).close()
            process.wait(timeout=15)
        except (OSError, subprocess.TimeoutExpired):
            pass
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def lab(tmp_path_factory, rollup_batch):
    """A JupyterLab server on loopback: ``(base url, token, root folder)``. The root holds
    the bundled notebooks and, as ``reports/``, a batch's reports for the roll-up notebook
    (its default ``reports`` parameter)."""
    home = tmp_path_factory.mktemp("jupyter-home")
    root = tmp_path_factory.mktemp("lab-root")
    for name in NOTEBOOKS:
        shutil.copy(notebook_path(name), root / f"{name}.ipynb")
    shutil.copy(rollup_notebook(), root / rollup_notebook().name)
    shutil.copytree(rollup_batch, root / "reports")
    port, token = _free_port(), secrets.token_hex(16)
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={root}", f"--IdentityProvider.token={token}",
        "--ServerApp.open_browser=False",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=None", "--LabApp.extension_manager=readonly",
    ]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers run tests as root
        command.append("--allow-root")
    log = home / "jupyterlab.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, cwd=root, env=_environment(home), stdout=sink, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, kernels included
        )  # fmt: skip
    try:
        _wait_for_status(process, url, token, log)
        yield url, token, root
    finally:
        _stop(process, url, token)


def _chart_calls(source: nbformat.NotebookNode) -> int:
    """The charts a notebook draws, from its source: one per ``present.show(`` call.

    Calls under ``if len(review.reliability):`` draw only when the register gives
    probabilities; the bundled Purwakarta register does (checked below), so they count.
    """
    return sum(c.source.count("present.show(") for c in source.cells if c.cell_type == "code")


def test_the_sample_register_gives_probabilities_so_every_chart_call_draws():
    register = pd.read_csv(sample_dir() / "purwakarta-2024" / "risk_register.csv")
    assert register["probability"].notna().all()


def _wait_for_kernel(lab: tuple, name: str) -> None:
    """Wait until the server holds an idle kernel for the notebook ``name``."""
    url, token, _ = lab
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        sessions = json.loads(_get(f"{url}/api/sessions", token))
        states = [s["kernel"]["execution_state"] for s in sessions if s["path"] == f"{name}.ipynb"]
        if "idle" in states:
            return
        time.sleep(0.3)
    pytest.fail(f"no idle kernel for {name}.ipynb within 60 s: {sessions}")


_PROMPTS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const status = panel && panel.querySelector('.jp-Notebook-ExecutionIndicator');
  return {status: status ? status.dataset.status : null,
          prompts: panel ? [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
            .map(p => p.textContent.trim()) : []};
}"""


def _shut_kernels(lab: tuple) -> None:
    """Shut down every kernel the server runs (the next notebook starts its own)."""
    url, token, _ = lab
    for kernel in json.loads(_get(f"{url}/api/kernels", token)):
        request = urllib.request.Request(
            f"{url}/api/kernels/{kernel['id']}",
            method="DELETE",
            headers={"Authorization": f"token {token}"},
        )
        urllib.request.urlopen(request, timeout=30).close()


def _run_all(page, code_cells: int, screenshot: Path) -> None:
    """Menu Run → Run All Cells, then wait until every code cell ran (or one failed, which
    stops the run) and the kernel idles."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status='idle']")
    page.click(".lm-MenuBar-itemLabel:text-is('Run')")
    page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
    try:
        page.wait_for_function(
            f"""n => {{
              const state = ({_PROMPTS})();
              const failed = document.querySelector({json.dumps(ERROR_OUTPUTS)});
              return state.status === 'idle' && (failed || state.prompts.length === n
                && state.prompts.every(p => /^\\[\\d+\\]:?$/.test(p)));
            }}""",
            arg=code_cells,
            timeout=RUN_TIMEOUT * 1000,
        )
    except PlaywrightTimeout:
        page.screenshot(path=str(screenshot))
        pytest.fail(f"Run All did not finish in {RUN_TIMEOUT} s: {page.evaluate(_PROMPTS)}")


def _drawn_charts(page, expected: int) -> int:
    """Plotly charts drawn (an SVG inside), once ``expected`` are or after 30 s."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    count = (
        "[...document.querySelectorAll('.jp-NotebookPanel .js-plotly-plot')]"
        ".filter(plot => plot.querySelector('svg.main-svg')).length"
    )
    try:
        page.wait_for_function(f"n => {count} >= n", arg=expected, timeout=30_000)
    except PlaywrightTimeout:
        pass
    return page.evaluate(count)


_ALIGNMENT = """() => [...document.querySelectorAll(%s)].map(td => {
  const row = td.closest('tr'), table = td.closest('table');
  const column = [...row.children].indexOf(td);
  const head = table.querySelectorAll('thead th')[column];
  return {column: head ? head.textContent.trim() : '', text: td.textContent.trim(),
          align: getComputedStyle(td).textAlign};
})"""


def _alignments(page, selector: str) -> pd.DataFrame:
    cells = page.evaluate(_ALIGNMENT % json.dumps(selector))
    return pd.DataFrame(cells, columns=["column", "text", "align"])


def _check_alignment(cells: pd.DataFrame, where: str) -> None:
    """The sample's report tables: the rings at a glance (every notebook) and the data
    quality (the review and explore). "Name" and "File" hold text, "Officer-hours",
    "Incidents" and "Rows read" numbers."""
    assert len(cells), f"{where}: no report table"
    text = cells[cells["column"].isin([t("col.name", "en"), t("dq.file", "en")])]
    numbers = cells[
        cells["column"].isin([t(k, "en") for k in ("officer_hours", "incidents", "dq.rows_read")])
    ]
    assert len(text) and len(numbers), f"{where}: {sorted(set(cells['column']))}"
    assert set(text["align"]) == {"left"}, (where, text)
    assert set(numbers["align"]) == {"right"}, (where, numbers)
    assert set(cells["align"]) == {"left", "right"}, (where, set(cells["align"]))


def _save(page, path: Path, code_cells: int) -> nbformat.NotebookNode:
    """Save with File → Save Notebook and read back what JupyterLab wrote."""
    page.click(".lm-MenuBar-itemLabel:text-is('File')")
    page.click(".lm-Menu-itemLabel:text-is('Save Notebook')")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            notebook = nbformat.read(path, as_version=4)
        except ValueError:  # read while JupyterLab was writing it
            time.sleep(0.3)
            continue
        runs = [c.execution_count for c in notebook.cells if c.cell_type == "code"]
        if len(runs) == code_cells and all(runs):
            return notebook
        time.sleep(0.3)
    pytest.fail(f"JupyterLab did not save {path.name} with its outputs")


def _run_in_lab(page, lab: tuple, name: str, source, tmp_path: Path) -> list[str]:
    """Open notebook ``name`` in JupyterLab, Run All, and check it: no error output, every
    chart its source calls drawn. Returns the page errors seen (checked by the caller)."""
    url, token, _ = lab
    code_cells = sum(c.cell_type == "code" for c in source.cells)
    expected_charts = _chart_calls(source)
    page_errors: list[str] = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    page.goto(f"{url}/lab/tree/{name}.ipynb?reset&token={token}")
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
    _wait_for_kernel(lab, name)
    _run_all(page, code_cells, tmp_path / f"{name}-run-all.png")
    errors = page.locator(ERROR_OUTPUTS).all_inner_texts()
    assert errors == [], errors
    drawn = _drawn_charts(page, expected_charts)
    assert drawn == expected_charts, (
        f"{drawn} of {expected_charts} charts drawn; is plotly's JupyterLab extension "
        "(jupyterlab-plotly, shipped with plotly) on the Jupyter path?"
    )
    return page_errors


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_a_bundled_notebook_runs_cleanly_in_jupyterlab(name, lab, browser, tmp_path):
    url, token, root = lab
    source = nbformat.read(notebook_path(name), as_version=4)
    code_cells = sum(c.cell_type == "code" for c in source.cells)
    expected_charts = _chart_calls(source)
    assert expected_charts >= 1

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        assert _run_in_lab(page, lab, name, source, tmp_path) == []
        _check_alignment(_alignments(page, TABLE_CELLS), f"{name} in JupyterLab")
        # to look at: the first table, the first chart and the last chart, as JupyterLab shows
        for shot, element in (
            ("table", page.locator(".jp-NotebookPanel .sra-report table").first),
            ("chart", page.locator(".jp-NotebookPanel .js-plotly-plot").first),
            ("last-chart", page.locator(".jp-NotebookPanel .js-plotly-plot").last),
        ):
            element.scroll_into_view_if_needed()
            page.wait_for_timeout(500)
            page.screenshot(path=str(tmp_path / f"{name}-jupyterlab-{shot}.png"))
        saved = _save(page, root / f"{name}.ipynb", code_cells)
    finally:
        context.close()
        _shut_kernels(lab)

    # the same outputs as an HTML report: the tables read the same there
    from sra_analysis.reports.batch.report_html import export_html

    report = tmp_path / f"{name}.html"
    report.write_text(export_html(saved, title=name), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        page.goto(report.as_uri(), wait_until="load")
        cells = _alignments(page, ".sra-report table tbody tr:not(.sra-more) td")
        _check_alignment(cells, f"{name} exported")
        page.screenshot(path=str(tmp_path / f"{name}-report.png"))
    finally:
        context.close()


def test_the_rollup_notebook_runs_cleanly_in_jupyterlab(lab, browser, tmp_path):
    # its default parameters read the reports beside it (reports/), as after
    # `sra-review report data/sample --out reports` in the notebooks' folder
    name = rollup_notebook().stem
    source = nbformat.read(rollup_notebook(), as_version=4)
    assert _chart_calls(source) == 8  # every section of the three sample reports has data
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        assert _run_in_lab(page, lab, name, source, tmp_path) == []
        cells = _alignments(page, TABLE_CELLS)
        outcome = cells[cells["column"] == t("rollup.col.outcome", "en")]
        events = cells[cells["column"] == t("rollup.col.events", "en")]
        assert len(outcome) == 2  # disruptions and incidents
        assert len(events) >= 2  # theirs, and any other table counting events
        assert set(outcome["align"]) == {"left"} and set(events["align"]) == {"right"}
        page.locator(".jp-NotebookPanel .js-plotly-plot").first.scroll_into_view_if_needed()
        page.screenshot(path=str(tmp_path / f"{name}-jupyterlab-chart.png"))
    finally:
        context.close()
        _shut_kernels(lab)
