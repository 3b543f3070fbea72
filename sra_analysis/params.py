"""Checking a review notebook's parameters before anything runs.

papermill passes parameters as given (``-p`` even turns ``00123`` into 123) and only warns
about names the notebook does not have, so the notebook's first cell after the parameters
calls :func:`check_parameters`, which names the parameter, the allowed values and the value
received.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sra_analysis.errors import ParameterError
from sra_analysis.labels import LANGUAGES
from sra_analysis.resources import sample_dir
from sra_analysis.windows import window_step

__all__ = ["ReportParameters", "check_parameters", "resolve_event_dir"]


@dataclass(frozen=True)
class ReportParameters:
    """A review notebook's parameters, checked and resolved."""

    event_dir: Path
    lang: str = "en"
    flag_level: str | None = None
    freq: str = "1h"
    n_resamples: int = 1000
    seed: int = 0
    summary_path: Path | None = None


def resolve_event_dir(event_dir: str | Path) -> Path:
    """The event folder: as given when it exists, else the bundled sample of that name.

    Examples
    --------
    >>> resolve_event_dir("data/sample/purwakarta-2024").name
    'purwakarta-2024'
    """
    path = Path(str(event_dir)).expanduser()
    if (path / "event.yaml").exists():
        return path
    bundled = sample_dir() / path.name
    if path.name and (bundled / "event.yaml").exists():
        return bundled
    raise ParameterError(
        f"event_dir must be an event folder holding event.yaml, got {str(event_dir)!r}"
    )


def check_parameters(
    *,
    event_dir,
    lang="en",
    flag_level="",
    freq="1h",
    n_resamples=1000,
    seed=0,
    summary_path="",
) -> ReportParameters:
    """Check a review notebook's parameters; raise :class:`ParameterError` naming the bad one.

    Examples
    --------
    >>> check_parameters(event_dir="purwakarta-2024", lang="id").lang
    'id'
    >>> check_parameters(event_dir="purwakarta-2024", lang="fr")
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: lang must be one of ['en', 'id'], got 'fr'
    """
    if lang not in LANGUAGES:
        raise ParameterError(f"lang must be one of {list(LANGUAGES)}, got {lang!r}")
    levels = ("low", "medium", "high", "extreme")
    if flag_level not in ("", None) and not isinstance(flag_level, str):
        raise ParameterError(f"flag_level must be text such as {levels}, got {flag_level!r}")
    window_step(freq)
    for name, value in (("n_resamples", n_resamples), ("seed", seed)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ParameterError(f"{name} must be a whole number ≥ 0, got {value!r}")
    if not isinstance(summary_path, (str, Path)):
        raise ParameterError(f"summary_path must be a path or '', got {summary_path!r}")
    return ReportParameters(
        event_dir=resolve_event_dir(event_dir),
        lang=lang,
        flag_level=flag_level or None,
        freq=str(freq),
        n_resamples=n_resamples,
        seed=seed,
        summary_path=Path(summary_path) if str(summary_path) else None,
    )
