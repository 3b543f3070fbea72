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
from sra_analysis.event_yaml import EVENT_FILE_NAMES, find_event_file
from sra_analysis.labels import LANGUAGES
from sra_analysis.resources import sample_dir
from sra_analysis.review.windows import window_step

__all__ = ["DEFAULT_SAMPLE_EVENT", "ReportParameters", "check_parameters", "resolve_event_dir"]


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


#: The bundled event an empty ``event_dir`` stands for (the shipped notebooks' default).
DEFAULT_SAMPLE_EVENT = "purwakarta-2024"


def resolve_event_dir(event_dir: str | Path | None) -> Path:
    """The event folder, exactly as given; ``""`` (or None) means the bundled Purwakarta sample.

    There is no fallback: a path that is not an event folder is an error, never a bundled
    sample of the same name. The bundled sample is reached only through ``""`` here (the
    notebooks' documented default), :func:`sra_analysis.resources.sample_dir` or
    ``sra-review sample``. A relative path is relative to the working directory.

    Raises
    ------
    ParameterError
        When the path does not exist or is not a folder holding ``event.yaml`` (or
        ``event.yml``).
    EventConfigError
        When the folder holds both ``event.yaml`` and ``event.yml``, or its event file is a
        link to a file outside it.

    Examples
    --------
    >>> resolve_event_dir("") == sample_dir() / "purwakarta-2024"
    True

    A bare name is a path like any other, never the bundled sample of that name:

    >>> resolve_event_dir("purwakarta-2024")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: event_dir must be ... 'purwakarta-2024' does not exist
    """
    if event_dir is None or not str(event_dir).strip():
        return sample_dir() / DEFAULT_SAMPLE_EVENT
    if not isinstance(event_dir, (str, Path)):
        raise ParameterError(f"event_dir must be a path to an event folder, got {event_dir!r}")
    path = Path(event_dir).expanduser()
    problem = None
    if not path.exists():
        problem = "does not exist"
    elif not path.is_dir():
        problem = "is not a folder"
    elif not any((path / n).exists() or (path / n).is_symlink() for n in EVENT_FILE_NAMES):
        problem = "holds no event.yaml"
    if problem:
        raise ParameterError(
            f"event_dir must be an event folder holding event.yaml; {str(event_dir)!r} {problem}"
        )
    find_event_file(path)  # both names, or a link out of the folder: EventConfigError
    return path


def check_parameters(
    *,
    event_dir="",
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
    >>> check_parameters(event_dir="", lang="id").lang
    'id'
    >>> check_parameters(event_dir="", lang="fr")
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
