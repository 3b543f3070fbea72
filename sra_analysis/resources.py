"""Where the bundled sample events and notebooks are, installed editable or as a wheel.

Both live inside the package (``sra_analysis/sample_data`` and
``sra_analysis/reports/notebooks``), so a wheel carries them; the repository's ``data/sample``
and ``notebooks`` are links to them.
"""

from __future__ import annotations

from pathlib import Path

from sra_analysis.errors import ParameterError

__all__ = [
    "NOTEBOOKS",
    "ROLLUP_NOTEBOOK",
    "notebook_path",
    "notebooks_dir",
    "rollup_notebook",
    "sample_dir",
    "sample_events",
]

_PACKAGE = Path(__file__).resolve().parent

#: The notebooks shipped with the package, by short name.
NOTEBOOKS = ("review_report", "risk_vs_observed", "staffing_vs_incidents", "explore")
#: The notebook of the roll-up across events (it reads reports, not an event).
ROLLUP_NOTEBOOK = "rollup_report"


def sample_dir() -> Path:
    """The folder holding the bundled sample events.

    Examples
    --------
    >>> (sample_dir() / "purwakarta-2024" / "event.yaml").exists()
    True
    """
    return _PACKAGE / "sample_data"


def sample_events() -> list[Path]:
    """Every bundled sample event folder, sorted by name."""
    return sorted(p.parent for p in sample_dir().glob("*/event.yaml"))


def notebooks_dir() -> Path:
    """The folder holding the shipped notebooks."""
    return _PACKAGE / "reports" / "notebooks"


def notebook_path(name: str) -> Path:
    """Path of a shipped notebook by short name (``"review_report"``) or of a given file.

    Raises
    ------
    ParameterError
        When ``name`` is neither a shipped notebook nor an existing ``.ipynb`` file.
    """
    candidate = Path(name)
    if candidate.suffix == ".ipynb" and candidate.exists():
        return candidate
    stem = candidate.stem if candidate.suffix == ".ipynb" else str(name)
    if stem in NOTEBOOKS:
        return notebooks_dir() / f"{stem}.ipynb"
    raise ParameterError(
        f"notebook must be one of {list(NOTEBOOKS)} or a path to an .ipynb file, got {name!r}"
    )


def rollup_notebook() -> Path:
    """Path of the shipped roll-up notebook (parameters ``reports``, ``lang``, ``rollup_path``).

    Examples
    --------
    >>> rollup_notebook().name
    'rollup_report.ipynb'
    """
    return notebooks_dir() / f"{ROLLUP_NOTEBOOK}.ipynb"
