"""The lowest versions pyproject.toml allows are versions the code works with.

Each rule ties a use in the package source to the oldest release of a dependency that supports
it, as found by ``tools/check_floors.sh`` (the package installed at its floors, then run):
while the use is in the code, pyproject.toml must declare the dependency at that release or
later. A rule whose use has left the code fails too, so that it is removed, not kept vacuous.
The check is static; what only running shows (say, a warning) is for the script.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "sra_analysis"

#: (dependency, oldest release that works, pattern of the use in sra_analysis/*.py, evidence)
RULES = [
    (
        "defusedxml", "0.6", r"openpyxl\.load_workbook\(",
        # openpyxl/xml/__init__.py: DEFUSEDXML is true only when defusedxml imports; without
        # it an entity bomb in a user's .xlsx reaches the plain XML parser. With 0.5,
        # `import openpyxl` fails: XMLParser.__init__() takes 1 positional argument
        "user workbooks are parsed by openpyxl, which refuses XML entities only with defusedxml",
    ),
    (
        "pandas", "3.0", r"""dtype=["']str["']""",
        # pandas 2.2: pd.array([None], dtype="str") holds the text 'None', so a blank risk_id
        # became 'None' and `sra-review validate` warned of unknown risk_ids on every sample
        "text columns built with dtype='str' keep missing cells missing only from pandas 3",
    ),
    (
        "scipy", "1.15", r"\brng=np\.random\.default_rng\(",
        # scipy 1.11: permutation_test() got an unexpected keyword argument 'rng'
        "stats.bootstrap and stats.permutation_test take rng= from scipy 1.15",
    ),
    (
        "scipy", "1.17", r"stats\.permutation_test\(",
        # scipy 1.15.0-1.16.3: RuntimeWarning: overflow encountered in scalar power, from
        # evaluate() on kab-bogor-2024 and seven other bundled samples
        "permutation_test warns of an overflow on paired samples before scipy 1.17",
    ),
    (
        "statsmodels", "0.14.6", r"\b(?:from|import) statsmodels\b",
        # statsmodels 0.14.0-0.14.5 on pandas 3: TypeError: deprecate_kwarg() missing 1
        # required positional argument: 'new_arg_name' (raised by statsmodels' pandas
        # compatibility module, which its GLM and count models import too)
        "statsmodels imports on pandas 3 only from 0.14.6",
    ),
    (
        "nbconvert", "7.16.5", r"\bHTMLExporter\b",
        # nbconvert 7.16.0-7.16.4 with mistune >= 3.1 (what pip installs beside them):
        # AttributeError: 'MathBlockParser' object has no attribute 'parse_axt_heading'
        "the HTML export renders Markdown only from nbconvert 7.16.5 with today's mistune",
    ),
]  # fmt: skip


def declared_floors(dependencies: list[str]) -> dict[str, Version | None]:
    """Each dependency's lowest allowed version (from ``>=``, ``==`` or ``~=``), or None.

    >>> declared_floors(["pandas>=3.0,<4", "PyYAML>=6", "tqdm"])
    {'pandas': <Version('3.0')>, 'pyyaml': <Version('6')>, 'tqdm': None}
    """
    floors = {}
    for line in dependencies:
        requirement = Requirement(line)
        lows = [
            Version(s.version) for s in requirement.specifier if s.operator in (">=", "==", "~=")
        ]
        floors[canonicalize_name(requirement.name)] = max(lows, default=None)
    return floors


def _source_using(pattern: str) -> list[str]:
    regex = re.compile(pattern)
    return sorted(
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if regex.search(path.read_text(encoding="utf-8"))
    )


def test_declared_floors_reads_each_kind_of_specifier():
    floors = declared_floors(["a>=1.2", "b==2.0", "c~=3.1", "d>=1,>=1.5", "e<2", "F_g>=0.6"])
    assert floors == {
        "a": Version("1.2"), "b": Version("2.0"), "c": Version("3.1"),
        "d": Version("1.5"), "e": None, "f-g": Version("0.6"),
    }  # fmt: skip


@pytest.mark.parametrize(
    ("name", "minimum", "pattern", "why"), RULES, ids=[f"{r[0]}>={r[1]}" for r in RULES]
)
def test_each_floor_is_a_version_the_code_works_with(name, minimum, pattern, why):
    users = _source_using(pattern)
    assert users, f"nothing in sra_analysis/ matches {pattern!r} any more: remove this rule"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    floors = declared_floors(project["dependencies"])
    assert name in floors, f"{name} is not a dependency in pyproject.toml, but {why} ({users})"
    assert floors[name] is not None and floors[name] >= Version(minimum), (
        f"pyproject.toml allows {name} {floors[name] or 'at any version'}, but {why}: "
        f"declare {name}>={minimum} ({users[0]} and {len(users) - 1} more)"
    )
