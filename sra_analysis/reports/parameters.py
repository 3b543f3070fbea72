"""Checking a review notebook's parameters before anything runs.

papermill passes parameters as given (``-p`` even turns ``00123`` into 123) and only warns
about names the notebook does not have, so the notebook's first cell after the parameters
calls :func:`check_parameters`, which names the parameter, the allowed values and the value
received.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sra_analysis.errors import ParameterError
from sra_analysis.event_config import read_event_meta
from sra_analysis.event_yaml import EVENT_FILE_NAMES, find_event_file
from sra_analysis.labels import check_lang
from sra_analysis.levels import RiskLevels, check_flag_level
from sra_analysis.resources import sample_dir
from sra_analysis.review.windows import window_step

__all__ = [
    "DEFAULT_SAMPLE_EVENT",
    "ReportParameters",
    "batch_parameters",
    "check_parameters",
    "resolve_event_dir",
]

#: Set per event by :func:`~sra_analysis.reports.batch.run_reports`, never by its caller.
PER_EVENT = ("event_dir", "summary_path")


@dataclass(frozen=True)
class ReportParameters:
    """A review notebook's parameters, checked: the one object the notebooks, the command
    line and :func:`~sra_analysis.reports.batch.run_reports` share.

    Every value is checked when the object is made, with a :class:`ParameterError` that
    names the parameter, what it accepts and the value received. A notebook builds it with
    :func:`check_parameters`; a batch leaves ``event_dir`` and ``summary_path`` empty and
    ``run_reports`` sets them for each event.

    Parameters
    ----------
    event_dir : Path, optional
        The event folder (a batch: None, set per event).
    lang : {"en", "id"}, default "en"
        Report language (:func:`sra_analysis.labels.check_lang`).
    flag_level : str, optional
        Windows rated at or above it count as flagged; None: the event's own. Any level
        of the event's banding but ``"none"``; checked against it by
        :meth:`check_flag_level`, since events may band scores into their own levels.
    freq : str, default "1h"
        Review window length such as ``"30min"``, or ``"shift"``.
    n_resamples : int, default 1000
        Bootstrap resamples of the AUC interval; 0 skips them (the rotation tests need none).
    seed : int, default 0
        Random seed of the resampling.
    summary_path : Path, optional
        Where the notebook writes ``summary.json``; None: nowhere.

    Examples
    --------
    >>> ReportParameters(lang="id", n_resamples=0).notebook_parameters()
    {'lang': 'id', 'n_resamples': 0}
    >>> ReportParameters(seed=-1)
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: seed must be a whole number ≥ 0, got -1
    """

    event_dir: Path | None = None
    lang: str = "en"
    flag_level: str | None = None
    freq: str = "1h"
    n_resamples: int = 1000
    seed: int = 0
    summary_path: Path | None = None

    def __post_init__(self) -> None:
        check_lang(self.lang)
        if self.flag_level is not None and not isinstance(self.flag_level, str):
            check_flag_level(self.flag_level)  # never text: names the default levels
        window_step(self.freq)
        for name in ("n_resamples", "seed"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ParameterError(f"{name} must be a whole number ≥ 0, got {value!r}")
        for name in PER_EVENT:
            if not isinstance(getattr(self, name), Path | None):
                raise ParameterError(f"{name} must be a Path or None, got {getattr(self, name)!r}")

    def check_flag_level(self, levels: RiskLevels) -> None:
        """Check :attr:`flag_level`, when set, against an event's banding of risk levels."""
        if self.flag_level is not None:
            check_flag_level(self.flag_level, levels=levels)

    def notebook_parameters(self) -> dict[str, object]:
        """What papermill passes to the notebook: ``lang``, and every other parameter that
        differs from its default, as the notebook's literals (``""`` for None)."""
        defaults = ReportParameters()
        values = {}
        for name in (f.name for f in dataclasses.fields(self)):
            value = getattr(self, name)
            if name == "lang" or value != getattr(defaults, name):
                values[name] = "" if value is None else str(value) if name in PER_EVENT else value
        return values


def batch_parameters(
    parameters: ReportParameters | Mapping | None = None,
    *,
    lang: str | None = None,
    notebook: Path | None = None,
) -> tuple[ReportParameters, dict[str, object]]:
    """The parameters of a batch, checked: a :class:`ReportParameters` and what papermill
    passes to each notebook (with any further parameters of a notebook of one's own).

    Parameters
    ----------
    parameters : ReportParameters or mapping, optional
        ``event_dir`` and ``summary_path`` must not be set: the batch sets them per event.
    lang : {"en", "id"}, optional
        The report language, unless ``parameters`` names it (then they must agree).
    notebook : Path, optional
        The notebook to run; when given, it must declare every parameter passed.

    Examples
    --------
    >>> checked, passed = batch_parameters({"n_resamples": 0, "title": "x"}, lang="id")
    >>> checked.lang, checked.n_resamples, passed
    ('id', 0, {'lang': 'id', 'n_resamples': 0, 'title': 'x'})
    """
    names = {f.name for f in dataclasses.fields(ReportParameters)}
    if isinstance(parameters, ReportParameters):
        default = ReportParameters()
        given = {n: getattr(parameters, n) for n in names}
        given = {n: v for n, v in given.items() if n == "lang" or v != getattr(default, n)}
        extra = {}
    elif isinstance(parameters, Mapping) or parameters is None:
        given = {k: v for k, v in dict(parameters or {}).items() if k in names}
        extra = {k: v for k, v in dict(parameters or {}).items() if k not in names}
    else:
        raise ParameterError(
            f"parameters must be a ReportParameters or a mapping, got {type(parameters).__name__}"
        )
    for reserved in PER_EVENT:
        if reserved in given:
            raise ParameterError(f"parameters must not set {reserved!r}; run_reports sets it")
    if lang is not None:
        check_lang(lang)
        if given.setdefault("lang", lang) != lang:
            raise ParameterError(f"lang is {lang!r} but parameters set lang {given['lang']!r}")
    if given.get("flag_level") == "":
        given["flag_level"] = None
    checked = ReportParameters(**given)
    passed = {**checked.notebook_parameters(), **extra}
    if notebook is not None:
        _check_declared(notebook, [*passed, *PER_EVENT])
    return checked, passed


def _check_declared(notebook: Path, names: list[str]) -> None:
    """papermill only warns about a parameter the notebook does not have: refuse it here."""
    import papermill

    declared = papermill.inspect_notebook(str(notebook))
    unknown = sorted(set(names) - set(declared))
    if unknown:
        raise ParameterError(
            f"notebook {notebook.name} has no parameter(s) {unknown}; it accepts {sorted(declared)}"
        )


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
    checked = ReportParameters(
        lang=lang,
        flag_level=flag_level or None,
        freq=freq,
        n_resamples=n_resamples,
        seed=seed,
        summary_path=_summary_path(summary_path),
    )
    folder = resolve_event_dir(event_dir)
    if checked.flag_level is not None:
        checked.check_flag_level(read_event_meta(folder).risk_levels)
    return dataclasses.replace(checked, event_dir=folder)


def _summary_path(summary_path) -> Path | None:
    if not isinstance(summary_path, (str, Path)):
        raise ParameterError(f"summary_path must be a path or '', got {summary_path!r}")
    return Path(summary_path) if str(summary_path) else None
