"""Write a ready-to-fill event folder: ``event.yaml`` and the three workbooks.

Nothing the user already has is overwritten unless asked (``force``). Every file is made in
memory first, then written through a temporary file and a rename; when the disk refuses one,
the files this call had already added are removed again.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from sra_analysis.errors import OutputError
from sra_analysis.event import EventMeta
from sra_analysis.event_config import read_event_meta
from sra_analysis.io.readers import SUPPORTED_SUFFIXES
from sra_analysis.labels import check_lang
from sra_analysis.reports.files import write_atomic
from sra_analysis.reports.outdir import check_output_dir, os_hint, os_reason, remove_files
from sra_analysis.template.columns import TEMPLATE_KINDS
from sra_analysis.template.event_file import event_yaml_text, example_meta
from sra_analysis.template.workbook import build_workbook

__all__ = ["TEMPLATE_FILES", "write_template"]

#: The files a template folder holds, in the order they are written.
TEMPLATE_FILES: tuple[str, ...] = ("event.yaml", *(f"{kind}.xlsx" for kind in TEMPLATE_KINDS))


def _check_conflicts(out: Path, *, force: bool) -> None:
    """Refuse to overwrite template files (unless ``force``) or to write beside another file
    of a kind (``incidents.csv``, ``event.yml``): the loader refuses a folder holding two."""
    existing, beside = [], []
    for path in sorted(out.iterdir()):
        if path.name in TEMPLATE_FILES:
            existing.append(path.name)
        elif path.name.casefold() == "event.yml" or (
            path.stem.casefold() in TEMPLATE_KINDS and path.suffix.lower() in SUPPORTED_SUFFIXES
        ):
            beside.append(path.name)
    if beside:
        raise OutputError(
            str(out),
            f"already holds {', '.join(beside)}, which would sit beside the template's files "
            "(an event folder holds one file of each kind)",
            hint="move it away, or choose an empty folder",
        )
    if existing and not force:
        raise OutputError(
            str(out),
            f"already holds {', '.join(existing)}",
            hint="add --force to overwrite them, or choose an empty folder",
        )


def _xlsx(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _meta(event: EventMeta | str | os.PathLike | None, lang: str) -> EventMeta:
    if event is None:
        return example_meta(lang=lang)
    if isinstance(event, EventMeta):
        return event
    return read_event_meta(event)


def write_template(
    out: str | os.PathLike,
    *,
    lang: str = "en",
    event: EventMeta | str | os.PathLike | None = None,
    force: bool = False,
) -> list[Path]:
    """Write a blank event folder to fill in: ``event.yaml`` and four Excel workbooks.

    ``event.yaml`` explains each key in a comment. ``incidents.xlsx``, ``staffing.xlsx``,
    ``risk_register.xlsx`` and the optional ``staffing_plan.xlsx`` (left blank, the register's
    planned personnel is used) each hold a data sheet (first, as the loader reads it) with
    headers the loader recognises in ``lang``, a frozen header row, column widths, date and
    number formats and drop-downs or range checks (rings from the event, severity,
    likelihood and impact 1–5, yes/no, times within the event), then an instructions sheet
    with an example row and, in the register, the likelihood × impact legend of the
    event's risk levels.

    Parameters
    ----------
    out : path
        The folder to write (created when missing).
    lang : {"en", "id"}, default "en"
        Language of headers, comments and instructions. Times are formatted day-first
        (``dd/mm/yyyy hh:mm``) in Bahasa Indonesia.
    event : EventMeta or path, optional
        The event to prepare for: its metadata, its ``event.yaml`` or its folder. Its
        rings, times, zone and banding go into the files. When omitted, an example
        three-ring event to edit.
    force : bool, default False
        Overwrite template files already in ``out``.

    Returns
    -------
    list of Path
        The files written, in the order of :data:`TEMPLATE_FILES`.

    Raises
    ------
    EventConfigError
        When ``event`` is a file or folder whose ``event.yaml`` is missing or invalid.
    OutputError
        When ``out`` cannot be written, already holds template files (without ``force``)
        or holds another file of the same kind (``incidents.csv``, ``event.yml``, ...).

    Examples
    --------
    >>> import tempfile
    >>> from sra_analysis import load_event
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     files = write_template(folder, lang="id")
    ...     event = load_event(folder)  # a blank template is an event without rows
    >>> [f.name for f in files]
    ['event.yaml', 'incidents.xlsx', 'staffing.xlsx', 'risk_register.xlsx', 'staffing_plan.xlsx']
    >>> event.rows_quarantined, len(event.incidents)
    (0, 0)
    """
    lang = check_lang(lang)
    meta = _meta(event, lang)
    folder = check_output_dir(out, option="OUT")
    _check_conflicts(folder, force=force)
    contents = {"event.yaml": event_yaml_text(meta, lang=lang).encode("utf-8")}
    contents |= {
        f"{kind}.xlsx": _xlsx(build_workbook(kind, meta, lang=lang)) for kind in TEMPLATE_KINDS
    }
    existed = {name for name in contents if (folder / name).exists()}
    written: list[Path] = []
    try:
        for name, data in contents.items():
            written.append(write_atomic(folder / name, data))
    except OSError as error:
        remove_files(path for path in written if path.name not in existed)
        raise OutputError(
            str(folder),
            f"cannot write the template: {os_reason(error)}",
            hint=os_hint(error, out=folder, option="OUT"),
            errno=error.errno,
        ) from error
    return [folder / name for name in contents]
