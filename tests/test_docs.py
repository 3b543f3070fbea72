"""The docs site: it builds with --strict, its commands run, it reads offline, it lists the data.

The site is built once per module (``mkdocs build --strict``: a broken link, anchor, reference
or page left out of the nav fails the build). The shell and Python blocks of the getting
started and field guide pages run in a scratch folder holding a small copy of the sample
(``data/sample`` with two events) and the notebooks, in page order, so a later block reads what
an earlier one wrote. A block marked ``{ .bash .no-run }`` is not run and must say why in its
first line; ``{ .bash exit="64" }`` must exit with that status. The package is installed
already, so a leading ``pip install -e ".[...]" &&`` is left out of a command.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

#: The pages whose commands run, in the order a reader follows them.
GUIDE_PAGES = ("getting-started.md", "guide/index.md", "guide/notebooks.md", "guide/batches.md")

#: The events of the scratch ``data/sample``: the hand-written one the pages name, and a small
#: synthetic one, so that batches, the index and the roll-up have two events.
SMALL_SAMPLE = ("purwakarta-2024", "kab-bogor-2024")

FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```\s*$", re.MULTILINE | re.DOTALL)
PIP_INSTALL = re.compile(r'^pip install -e "\.\[[a-z,]+\]" && ')


@dataclass(frozen=True)
class Block:
    """One fenced code block of a page."""

    lang: str
    classes: tuple[str, ...]
    attributes: dict
    body: str
    line: int

    @property
    def runs(self) -> bool:
        return self.lang in ("bash", "python") and "no-run" not in self.classes


def code_blocks(text: str) -> list[Block]:
    """The fenced blocks of a Markdown page: ```` ```bash ```` or ```` ``` { .bash .no-run } ````.

    Examples
    --------
    >>> [block] = code_blocks('``` { .bash .no-run x="1" }\\nls\\n```\\n')
    >>> block.lang, block.classes, block.attributes, block.runs
    ('bash', ('bash', 'no-run'), {'x': '1'}, False)
    """
    blocks = []
    for match in FENCE.finditer(text):
        info = match["info"].strip()
        if info.startswith("{"):
            classes = tuple(re.findall(r"\.([\w-]+)", info))
            attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', info))
            lang = classes[0] if classes else ""
        else:
            classes, attributes, lang = (), {}, info
        line = text.count("\n", 0, match.start()) + 1
        blocks.append(Block(lang, classes, attributes, match["body"], line))
    return blocks


def _commands(block: Block) -> str:
    """The shell code as it runs: a leading ``pip install -e ".[...]" &&`` left out."""
    return "\n".join(PIP_INSTALL.sub("", line) for line in block.body.splitlines())


def _sandbox(tmp_path: Path) -> Path:
    from sra_analysis.resources import notebooks_dir, sample_dir

    folder = tmp_path / "work"
    (folder / "data" / "sample").mkdir(parents=True)
    for name in SMALL_SAMPLE:
        shutil.copytree(sample_dir() / name, folder / "data" / "sample" / name)
    shutil.copytree(notebooks_dir(), folder / "notebooks")
    return folder


def _environment() -> dict:
    env = {k: v for k, v in os.environ.items() if k != "SRA_LANG"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


# --------------------------------------------------------------------------- the pages


def test_every_reader_page_has_an_indonesian_twin():
    english = {
        p.relative_to(DOCS).as_posix()
        for p in DOCS.rglob("*.md")
        if not p.name.endswith(".id.md") and "api" not in p.relative_to(DOCS).parts
    }
    assert english >= {"index.md", "formats.md", *GUIDE_PAGES}
    missing = sorted(p for p in english if not (DOCS / p.replace(".md", ".id.md")).exists())
    assert missing == []
    # the API reference is English only
    assert not list((DOCS / "api").glob("*.id.md"))


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_the_indonesian_page_shows_the_same_commands(page):
    def runnable(name):
        return [
            (b.lang, b.classes, _without_comments(b.body))
            for b in code_blocks((DOCS / name).read_text("utf-8"))
            if b.lang in ("bash", "python")
        ]

    assert runnable(page.replace(".md", ".id.md")) == runnable(page)


def _without_comments(code: str) -> str:
    lines = (re.sub(r"\s+#\s.*$", "", line).rstrip() for line in code.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("#"))


def test_blocks_left_unrun_say_why():
    unrun = 0
    for page in DOCS.rglob("*.md"):
        reason = "# tidak dijalankan oleh" if page.name.endswith(".id.md") else "# not run by the"
        for block in code_blocks(page.read_text("utf-8")):
            if "no-run" in block.classes:
                unrun += 1
                first = block.body.splitlines()[0]
                assert first.startswith(reason), f"{page}:{block.line}: {first}"
    assert unrun >= 4  # the venv, the test suite, mkdocs serve, JupyterLab, the cluster


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_the_commands_of_the_guide_run(page, tmp_path):
    folder = _sandbox(tmp_path)
    blocks = [b for b in code_blocks((DOCS / page).read_text("utf-8")) if b.runs]
    assert blocks, page
    for block in blocks:
        if block.lang == "python":
            command = [sys.executable, "-c", block.body]
        else:
            command = ["bash", "-e", "-o", "pipefail", "-c", _commands(block)]
        result = subprocess.run(
            command, cwd=folder, env=_environment(), capture_output=True, text=True, timeout=900
        )
        expected = int(block.attributes.get("exit", 0))
        assert result.returncode == expected, (
            f"{page}:{block.line} exited {result.returncode}, not {expected}\n"
            f"{block.body}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
        )
    if page == "getting-started.md":  # what the page says the first command writes
        reports = folder / "reports"
        for name in ("index.html", "rollup.html", "rollup.json", "plotly.min.js"):
            assert (reports / name).is_file(), name
        for name in ("report.html", "summary.json", "improvement_plan.xlsx", "windows.parquet"):
            assert (reports / "purwakarta-2024" / name).is_file(), name


def test_the_pip_install_prefix_is_the_only_thing_left_out():
    block = Block("bash", (), {}, 'pip install -e ".[dev]" && sra-review report x --out y\n', 1)
    assert _commands(block) == "sra-review report x --out y"
    untouched = Block("bash", (), {}, "pip install sra_analysis\n", 1)
    assert _commands(untouched) == "pip install sra_analysis"


# --------------------------------------------------------------------------- the built site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site, built once with --strict."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=_environment() | {"NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    return out


def _built_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_the_site_builds_strict_in_both_languages(site):
    pages = {p.relative_to(site).as_posix() for p in _built_pages(site)}
    for page in ("index", "getting-started", "guide/index", "guide/notebooks", "guide/batches",
                 "formats", "glossary", "methods/index", "methods/worked-example", "performance",
                 "architecture", "api/index", "api/metrics"):  # fmt: skip
        assert f"{page}.html" in pages
        assert f"id/{page}.html" in pages
    assert '<html lang="id"' in (site / "id" / "guide" / "index.html").read_text("utf-8")
    assert "Dari templat ke rekap Anev" in (site / "id" / "guide" / "index.html").read_text("utf-8")
    # offline: no web font, no CDN script, no MathJax; docstrings' Sphinx roles shown as code
    for page in _built_pages(site):
        html = page.read_text("utf-8")
        assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', html), page
        assert not re.search(r":(func|mod|class|data):(<code>|`)", html), page


def test_the_data_format_page_lists_every_column_the_code_defines(site):
    from sra_analysis.event import FILE_KINDS, OPTIONAL_FILE_KINDS
    from sra_analysis.io.schemas import columns_of
    from sra_analysis.reports.rollup_schema import ROLLUP_SCHEMA, table_columns
    from sra_analysis.reports.summary_schema import SUMMARY_SCHEMA
    from sra_analysis.vocabulary import bundled_vocabulary

    for html in (site / "formats.html", site / "id" / "formats.html"):
        text = html.read_text("utf-8")
        shown = set(re.findall(r"<code>([^<]+)</code>", text))
        for kind in FILE_KINDS + OPTIONAL_FILE_KINDS:
            assert {spec.name for spec in columns_of(kind)} <= shown, kind
        assert set(SUMMARY_SCHEMA) <= shown
        assert set(ROLLUP_SCHEMA) <= shown
        for name, columns in table_columns().items():
            assert set(columns) <= shown, name
        assert {c.code for c in bundled_vocabulary().categories} <= shown
        assert "<!-- formats:" not in text


def test_the_pages_make_no_request_offline_and_search_works(site, browser):
    pages = _built_pages(site)
    assert len(pages) > 30
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    tab = context.new_page()
    blocked, errors = [], []
    tab.route(
        "**/*",
        lambda r: r.continue_() if r.request.url.startswith("file:") else (
            blocked.append(r.request.url), r.abort()
        ),
    )  # fmt: skip
    tab.on("pageerror", lambda error: errors.append(str(error)))
    for page in pages:
        tab.goto(page.as_uri(), wait_until="load")
        assert (blocked, errors) == ([], []), page
    # search runs from disk, without the CDN shim: the site's own iframe worker
    tab.goto((site / "id" / "index.html").as_uri(), wait_until="load")
    tab.keyboard.press("s")
    tab.keyboard.type("papermill", delay=30)
    tab.wait_for_selector(".md-search-result__item", timeout=20_000)
    assert tab.locator(".md-search-result__item").count() >= 1
    assert (blocked, errors) == ([], [])
    context.close()


# --------------------------------------------------------------------------- README, extras


def test_readme_fits_on_two_screens_and_links_into_the_docs():
    text = (ROOT / "README.md").read_text("utf-8")
    assert len(text.splitlines()) <= 150
    assert 'pip install -e ".[docs]" && mkdocs serve' in text
    links = re.findall(r"\]\((docs/[^)#]+)", text)
    assert {"docs/getting-started.md", "docs/formats.md", "docs/api/index.md"} <= set(links)
    assert [link for link in links if not (ROOT / link).exists()] == []
    assert len(re.findall(r"!\[", text)) == 1  # one screenshot


def test_the_dev_install_carries_what_the_docs_build_needs():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"
    ]
    assert extras["docs"] and set(extras["docs"]) <= set(extras["dev"])
