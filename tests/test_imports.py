"""Tests of the package's import structure: lazy public names, a light ``sra-review --help``,
and the import direction between the layers (docs/architecture.md)."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

import sra_analysis

PACKAGE = Path(sra_analysis.__file__).resolve().parent

#: Imported only when a report is run or a chart drawn, never by ``import sra_analysis``.
PRESENTATION_LIBRARIES = {"papermill", "nbconvert", "jupyter_client", "ipykernel", "plotly"}
#: Imported only when data is validated or scored, never by ``sra-review --help``.
ENGINE_LIBRARIES = {"scipy", "pandera"}


def _loaded_after(code: str) -> dict:
    """Run ``code`` in a fresh interpreter; return its result and the top-level modules it
    left loaded."""
    script = (
        "import json, sys\n"
        f"{code}\n"
        "print(json.dumps({'result': result,"
        " 'modules': sorted({m.split('.')[0] for m in sys.modules})}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_import_sra_analysis_loads_no_report_or_chart_library():
    loaded = _loaded_after("import sra_analysis\nresult = sra_analysis.__name__")
    assert loaded["result"] == "sra_analysis"
    assert PRESENTATION_LIBRARIES & set(loaded["modules"]) == set()
    assert ENGINE_LIBRARIES & set(loaded["modules"]) == set()


def test_the_probe_sees_a_library_that_was_imported():
    # the two tests around this one would pass vacuously if the probe missed imports
    loaded = _loaded_after("import sra_analysis\nresult = sra_analysis.charts.__name__")
    assert loaded["result"] == "sra_analysis.charts"
    assert "plotly" in loaded["modules"]


@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["--help"], 0),
        (["report", "--help"], 0),
        (["validate", "--help"], 0),
        (["sample", "--help"], 0),
        (["report"], 64),  # no EVENT_DIR: a usage error (EX_USAGE)
        (["report", "data", "--jobs", "zero"], 64),
        (["no-such-command"], 64),
    ],
)
def test_sra_review_answers_help_and_usage_errors_without_the_engine(argv, status):
    loaded = _loaded_after(
        "from contextlib import redirect_stderr, redirect_stdout\n"
        "from io import StringIO\n"
        "from sra_analysis.cli import main\n"
        "with redirect_stdout(StringIO()), redirect_stderr(StringIO()):\n"
        "    try:\n"
        f"        result = main({argv!r})\n"
        "    except SystemExit as stop:\n"
        "        result = stop.code\n"
    )
    assert loaded["result"] == status
    assert ENGINE_LIBRARIES & set(loaded["modules"]) == set()
    assert PRESENTATION_LIBRARIES & set(loaded["modules"]) == set()


def test_public_names_resolve_lazily_to_their_defining_modules():
    assert set(sra_analysis.__all__) <= set(dir(sra_analysis))
    for name in sra_analysis.__all__:
        assert getattr(sra_analysis, name) is not None, name
    assert sra_analysis.evaluate is sra_analysis.review.evaluate.evaluate
    assert isinstance(sra_analysis.review.evaluate, types.ModuleType)
    assert sra_analysis.load_event is sra_analysis.io.load.load_event
    assert sra_analysis.run_reports is sra_analysis.reports.batch.run_reports
    from sra_analysis import Evaluation, review_windows  # from-imports go through __getattr__

    assert review_windows.__module__ == "sra_analysis.review.windows"
    assert Evaluation.__module__ == "sra_analysis.review.evaluate"


def test_an_unknown_name_is_an_attribute_error_naming_it():
    with pytest.raises(AttributeError, match="'no_such_name'"):
        sra_analysis.no_such_name  # noqa: B018
    with pytest.raises(ImportError, match="present"):
        from sra_analysis import present  # noqa: F401  (it lives in sra_analysis.reports)


PACKAGES = [
    "sra_analysis",
    "sra_analysis.charts",
    "sra_analysis.io",
    "sra_analysis.metrics",
    "sra_analysis.reports",
    "sra_analysis.review",
    "sra_analysis.rollup",
    "sra_analysis.sample",
]


@pytest.mark.parametrize("package", PACKAGES)
def test_no_public_name_shadows_a_module(package):
    module = importlib.import_module(package)
    shadowing = [
        name
        for name in getattr(module, "__all__", [])
        if not isinstance(getattr(module, name), types.ModuleType)
        and importlib.util.find_spec(f"{package}.{name}") is not None
    ]
    assert shadowing == []


# ------------------------------------------------------------------ import direction


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports_of(path: Path) -> set[str]:
    """Every ``sra_analysis`` module a file imports, at the top or inside a function."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name.split(".")[0] == "sra_analysis"}


IMPORTS = {_module_name(path): _imports_of(path) for path in sorted(PACKAGE.rglob("*.py"))}

CORE = ["errors", "event", "event_config", "event_yaml", "labels", "levels", "privacy"]
CORE += ["report_folder", "report_summary", "resources", "sheet_text"]


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _reaches(imported: str, layers: set[str]) -> bool:
    return imported != "sra_analysis" and _layer(imported) in layers


RULES = [
    # (layer, what it must not import, why)
    ("metrics", None, "metrics imports nothing else of the package"),
    ("review", {"reports", "charts", "cli", "rollup"}, "the engine never imports presentation"),
    (
        "rollup",
        {"reports", "charts", "cli", "sample"},
        "the roll-up sits above review, below reports",
    ),
    ("charts", {"reports", "cli"}, "charts draw; they never run reports"),
    ("io", {"review", "rollup", "charts", "reports", "sample", "cli"}, "input knows only the core"),
    ("sample", {"review", "charts", "reports", "cli"}, "samples are written from the core"),
    *(
        (name, {"io", "review", "rollup", "charts", "reports", "sample", "cli"}, "core")
        for name in CORE
    ),
]


@pytest.mark.parametrize(("layer", "forbidden", "why"), RULES, ids=[r[0] for r in RULES])
def test_import_direction(layer, forbidden, why):
    modules = {name: found for name, found in IMPORTS.items() if _layer(name) == layer}
    assert modules, f"no module in layer {layer!r}"
    if forbidden is None:  # only its own modules
        wrong = {
            name: sorted(i for i in found if _layer(i) != layer) for name, found in modules.items()
        }
    else:
        wrong = {
            name: sorted(i for i in found if _reaches(i, forbidden))
            for name, found in modules.items()
        }
    assert {name: found for name, found in wrong.items() if found} == {}, why


def test_the_import_parser_sees_top_level_function_and_relative_imports(tmp_path):
    # a made-up module inside a made-up review package: what the rules would catch
    folder = tmp_path / "sra_analysis" / "review"
    folder.mkdir(parents=True)
    source = folder / "made_up.py"
    source.write_text(
        "from sra_analysis.charts import risk_matrix\n"
        "def later():\n"
        "    import sra_analysis.reports.batch\n"
        "from ..metrics import pod\n"
        "from . import spans\n",
        encoding="utf-8",
    )
    global PACKAGE
    kept, PACKAGE = PACKAGE, tmp_path / "sra_analysis"
    try:
        found = _imports_of(source)
    finally:
        PACKAGE = kept
    assert {
        "sra_analysis.charts",
        "sra_analysis.reports.batch",
        "sra_analysis.metrics.pod",
        "sra_analysis.review.spans",
    } <= found
    assert _reaches("sra_analysis.reports.batch", {"reports"})
    assert IMPORTS["sra_analysis.charts.timeline"] >= {"sra_analysis.review.windows"}


# ------------------------------------------------------------- no two modules import each other


def _inside(module: str, package: str) -> bool:
    return module.startswith(f"{package}.")


def _module_edges() -> set[tuple[str, str]]:
    """(importer, imported) for every import of one of the package's own modules.

    A package and the modules inside it are left out: ``__init__`` re-exporting its modules
    while they import their siblings through it is how a package is built, not a circle.
    """
    return {
        (module, imported)
        for module, found in IMPORTS.items()
        for imported in found
        if imported in IMPORTS
        and imported != module
        and not _inside(module, imported)
        and not _inside(imported, module)
    }


def test_no_two_modules_import_each_other():
    edges = _module_edges()
    pairs = sorted({tuple(sorted(edge)) for edge in edges if edge[::-1] in edges})
    assert pairs == [], "import each other (a circle; the lazy import hides it, the tools see it)"


def test_the_circle_check_sees_a_lazy_import_inside_a_function():
    # event.py once reached back to event_config from inside a module __getattr__
    edges = {("sra_analysis.a", "sra_analysis.b"), ("sra_analysis.b", "sra_analysis.a")}
    assert any(edge[::-1] in edges for edge in edges)
    assert ("sra_analysis.event", "sra_analysis.event_config") not in _module_edges()
    assert ("sra_analysis.event_config", "sra_analysis.event") in _module_edges()
