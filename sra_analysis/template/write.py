"""Write a ready-to-fill event folder: ``event.yaml`` and the three workbooks.

Nothing the user already has is lost. Without ``force`` a folder holding template files is
refused. With it, the workbooks are written again (fresh lists, drop-downs, checks and
instructions) around the rows they already hold (:mod:`sra_analysis.template.keep`), or
refused in one line naming the file and its rows when those cannot be kept; an ``event.yaml``
already in the folder is kept as the user wrote it, and the workbooks follow it (the
example event, untouched, is written again for the event asked for). Every file is
made in memory first, then written through a temporary file and a rename; when the disk
refuses one, the files this call had already added are removed again.
"""

from __future__ import annotations

import io
import os
from dataclasses import replace
from pathlib import Path

from sra_analysis.errors import OutputError
from sra_analysis.event import EventMeta
from sra_analysis.event_config import read_event_meta
from sra_analysis.io.readers import SUPPORTED_SUFFIXES
from sra_analysis.labels import LANGUAGES, check_lang, t
from sra_analysis.reports.files import write_atomic
from sra_analysis.reports.outdir import check_output_dir, os_hint, os_reason, remove_files
from sra_analysis.template.columns import TEMPLATE_KINDS
from sra_analysis.template.event_file import event_yaml_text, example_meta
from sra_analysis.template.keep import kept_rows
from sra_analysis.template.workbook import build_workbook
from sra_analysis.template.xlsform import FORM_FILE, form_bytes

__all__ = ["TEMPLATE_FILES", "write_template"]

#: The files a template folder holds, in the order they are written.
TEMPLATE_FILES: tuple[str, ...] = ("event.yaml", *(f"{kind}.xlsx" for kind in TEMPLATE_KINDS))


def _check_conflicts(out: Path, *, force: bool, lang: str) -> None:
    """Refuse to write over template files (unless ``force``) or beside another file of a
    kind (``incidents.csv``, ``event.yml``): the loader refuses a folder holding two."""
    existing, beside = [], []
    for path in sorted(out.iterdir()):
        if path.name in TEMPLATE_FILES or path.name == FORM_FILE:
            existing.append(path.name)
        elif path.name.casefold() == "event.yml" or (
            path.stem.casefold() in TEMPLATE_KINDS and path.suffix.lower() in SUPPORTED_SUFFIXES
        ):
            beside.append(path.name)
    if beside:
        raise OutputError(
            str(out),
            t("template.beside", lang, files=", ".join(beside)),
            hint=t("template.beside.hint", lang),
        )
    if existing and not force:
        raise OutputError(
            str(out),
            t("template.exists", lang, files=", ".join(existing)),
            hint=t("template.exists.hint", lang),
        )


def _event_kept(folder: Path, meta: EventMeta | None, lang: str) -> EventMeta | None:
    """The event of ``folder/event.yaml`` when the folder has one (it is kept as written);
    None when there is none, or when it is the untouched example event and ``meta`` is
    another (it is written again). A refusal when it describes another event than ``meta``
    (from ``--event``)."""
    path = folder / "event.yaml"
    if not path.exists():
        return None
    own = read_event_meta(path)  # an unreadable event.yaml is named by its error
    if meta is None or replace(meta, source=None) == replace(own, source=None):
        return own
    text = path.read_text(encoding="utf-8")
    examples = (event_yaml_text(example_meta(lang=code), lang=code) for code in LANGUAGES)
    if text in examples:
        return None  # the example event, untouched: replacing it loses nothing
    raise OutputError(
        str(path),
        t("template.other_event", lang, kept=own.id, given=meta.id),
        hint=t("template.other_event.hint", lang),
    )


def _xlsx(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _meta(event: EventMeta | str | os.PathLike | None) -> EventMeta | None:
    if event is None or isinstance(event, EventMeta):
        return event
    return read_event_meta(event)


def write_template(
    out: str | os.PathLike,
    *,
    lang: str = "en",
    event: EventMeta | str | os.PathLike | None = None,
    force: bool = False,
    xlsform: bool = False,
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
        rings, times, zone and banding go into the files. When omitted, the event of
        ``out/event.yaml`` when there is one, else an example three-ring event to edit.
    force : bool, default False
        Write the workbooks again when ``out`` already holds them, keeping the rows their
        data sheets hold (at the same Excel rows, under the new headers). An ``event.yaml``
        already in ``out`` that the user edited is never rewritten: the workbooks take the
        event from it, and an ``event`` that is another event is refused (the untouched
        example event is replaced).

    xlsform : bool, default False
        Also write :data:`~sra_analysis.template.xlsform.FORM_FILE`, an XLSForm to log
        incidents on a phone with KoboToolbox or ODK Collect (checked with ``pyxform``,
        which the ``xlsform`` extra installs); see :mod:`sra_analysis.template.xlsform`.

    Returns
    -------
    list of Path
        The files written, in the order of :data:`TEMPLATE_FILES` (without ``event.yaml``
        when the folder's own was kept), then the form.

    Raises
    ------
    EventConfigError
        When ``event`` is a file or folder whose ``event.yaml`` is missing or invalid.
    OutputError
        When ``out`` cannot be written, already holds template files (without ``force``),
        holds another file of the same kind (``incidents.csv``, ``event.yml``, ...), holds
        a workbook whose rows cannot be kept (unreadable, foreign, or with sheets of its
        own), or holds an ``event.yaml`` of another event than ``event``.

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
    given = _meta(event)
    folder = check_output_dir(out, option="OUT")
    _check_conflicts(folder, force=force, lang=lang)
    own = _event_kept(folder, given, lang)
    meta = own or given or example_meta(lang=lang)
    # every workbook's rows are read (or refused) before any file is written
    kept = {kind: kept_rows(folder / f"{kind}.xlsx", kind, lang=lang) for kind in TEMPLATE_KINDS}
    contents = {} if own else {"event.yaml": event_yaml_text(meta, lang=lang).encode("utf-8")}
    contents |= {
        f"{kind}.xlsx": _xlsx(build_workbook(kind, meta, lang=lang, kept=kept[kind]))
        for kind in TEMPLATE_KINDS
    }
    if xlsform:
        contents[FORM_FILE] = form_bytes(meta, lang=lang)
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
