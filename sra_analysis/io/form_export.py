"""An incident log exported from a phone form (KoboToolbox, ODK Central), read as incidents.

The form ``sra-review template --xlsform`` writes (:mod:`sra_analysis.template.xlsform`)
collects incidents on phones; the server exports the submissions as CSV or XLSX. Such an
export differs from a clerk's sheet in three ways, each handled here before the headers are
mapped (:func:`sra_analysis.io.validate.map_headers`):

- questions inside a group are named with the group's name before theirs: ``incident/ring``
  (KoboToolbox) or ``incident-ring`` (ODK Central): the prefix is dropped when what remains is
  a column of the contract;
- the server adds columns about the submission (``_uuid``, ``_submission_time``, ``start``,
  ``deviceid``, ``meta/instanceID``, ``__version__``, ...: :data:`FORM_METADATA`, and every
  header starting with ``_``): they are set aside on purpose, listed in the file's quality
  record (``form_columns``) and by ``validate``, never read as data;
- the form asks for no incident id: when the export has no ``incident_id`` column, each
  submission's id (``_uuid``, else ``meta/instanceID`` or ODK Central's ``KEY``, without its
  ``uuid:`` prefix) becomes it, and the quality record names the column (``form_id_column``).

Select-one answers are exported as the choices' names (ring ids, category codes, ``1``–``5``,
``yes``/``no``), and times as ``2024-03-01T10:15:00.000+07:00``: the loader reads those as
it reads any sheet. Everything else (quarantine, row accounting) is as for any file.
"""

from __future__ import annotations

import dataclasses
import re

from sra_analysis.io import normalise
from sra_analysis.io.readers import RawTable
from sra_analysis.io.schemas import HEADER_ALIASES, columns_of

__all__ = ["FORM_METADATA", "FormColumns", "is_form_export", "unpack_form_export"]

#: Columns a KoboToolbox or ODK Central export adds about each submission (compared
#: case-insensitively); besides these, every header starting with ``_`` is metadata.
FORM_METADATA = frozenset(
    name.casefold()
    for name in (
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
        "username", "email", "audit", "__version__", "formhub/uuid", "formhub-uuid",
        "meta/instanceID", "meta-instanceID", "meta/instanceName", "meta-instanceName",
        "meta/deprecatedID", "meta-deprecatedID", "meta/rootUuid", "meta-rootUuid",
        "instanceID", "KEY", "SubmissionDate", "SubmitterID", "SubmitterName",
        "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState", "DeviceID",
        "Edits", "FormVersion",
    )
)  # fmt: skip
#: Headers that say a file is a form export (KoboToolbox's, then ODK Central's).
_MARKERS = frozenset(
    name.casefold()
    for name in ("_uuid", "_submission_time", "meta/instanceID", "meta-instanceID", "KEY")
)
#: Where a submission's id is found, in order of preference.
_ID_SOURCES = ("_uuid", "meta/instanceID", "meta-instanceID", "instanceID", "KEY")


@dataclasses.dataclass(frozen=True)
class FormColumns:
    """What :func:`unpack_form_export` did to a file's columns.

    Attributes
    ----------
    metadata : tuple of str
        The submission-metadata headers set aside, as written.
    id_column : str or None
        The header whose values became ``incident_id``, when the export had none.
    renamed : dict
        Each question's name in the table to load, by its header in the export
        (``{"ring": "incident/ring"}``), so that messages show the header as exported.
    """

    metadata: tuple[str, ...] = ()
    id_column: str | None = None
    renamed: dict[str, str] = dataclasses.field(default_factory=dict)

    def as_exported(self, header: str) -> str:
        """The header as the export wrote it (``incident/ring`` for ``ring``)."""
        return self.renamed.get(header, header)


def _is_metadata(header: str) -> bool:
    text = str(header).strip()
    return text.startswith("_") or text.casefold() in FORM_METADATA


def is_form_export(headers) -> bool:
    """Whether a file's headers are those of a KoboToolbox or ODK Central export.

    Examples
    --------
    >>> is_form_export(["incident/ring", "_uuid"]), is_form_export(["ring", "Waktu Laporan"])
    (True, False)
    """
    return any(str(header).strip().casefold() in _MARKERS for header in headers)


def _contract_names(kind: str) -> set[str]:
    """Every folded header the loader maps to a column of ``kind``."""
    names = {spec.name for spec in columns_of(kind)}
    names |= {alias for aliases in HEADER_ALIASES[kind].values() for alias in aliases}
    return names


def _ungrouped(header: str, known: set[str]) -> str:
    """``header`` without its group prefix when what remains is a contract column.

    Examples
    --------
    >>> known = {"ring", "reported_at"}
    >>> _ungrouped("incident/ring", known), _ungrouped("incident-reported_at", known)
    ('ring', 'reported_at')
    >>> _ungrouped("Waktu-Laporan", known), _ungrouped("ring", known)
    ('Waktu-Laporan', 'ring')
    """
    if normalise.normalise_header(header) in known:
        return header
    for separator in ("/", "-"):
        field = re.split(re.escape(separator), str(header))[-1]
        if field != header and normalise.normalise_header(field) in known:
            return field
    return header


def unpack_form_export(raw: RawTable, *, kind: str = "incidents") -> tuple[RawTable, FormColumns]:
    """A form export's table with its questions under their own names, an ``incident_id``
    when it had none, and what was done; any other table unchanged.

    Parameters
    ----------
    raw : RawTable
        The file as read (:func:`sra_analysis.io.readers.read_table`); not modified.
    kind : str
        The file's kind; only an incident log can be a form export.

    Returns
    -------
    (RawTable, FormColumns)
        The table to load (metadata columns still in it, for the quarantine record: they
        map to no contract column) and what was done.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> frame = pd.DataFrame({"incident/ring": ["1"], "_uuid": ["9f1c"], "start": ["x"]})
    >>> raw = RawTable("export.csv", frame, np.array([2]), 0, "csv")
    >>> table, done = unpack_form_export(raw)
    >>> list(table.frame.columns), done.metadata, done.id_column, done.as_exported("ring")
    (['incident_id', 'ring', '_uuid', 'start'], ('_uuid', 'start'), '_uuid', 'incident/ring')
    """
    headers = [str(header) for header in raw.frame.columns]
    if kind != "incidents" or not is_form_export(headers):
        return raw, FormColumns()
    known = _contract_names(kind)
    renamed = {h: h if _is_metadata(h) else _ungrouped(h, known) for h in headers}
    frame = raw.frame.rename(columns=renamed)
    metadata = tuple(h for h in headers if _is_metadata(h))
    id_column = None
    answers = [h for h in frame.columns if not _is_metadata(h)]  # _id is no incident id
    if not any(normalise.normalise_header(h) in _id_names(kind) for h in answers):
        id_column = _id_source(headers)
        if id_column is not None:
            frame.insert(0, "incident_id", frame[id_column].map(_submission_id))
    table = dataclasses.replace(raw, frame=frame)
    moved = {new: old for old, new in renamed.items() if new != old}
    return table, FormColumns(metadata=metadata, id_column=id_column, renamed=moved)


def _id_source(headers: list[str]) -> str | None:
    """The header of the submissions' ids, by :data:`_ID_SOURCES` (any case)."""
    by_fold = {header.casefold(): header for header in headers}
    return next((by_fold[s.casefold()] for s in _ID_SOURCES if s.casefold() in by_fold), None)


def _submission_id(value):
    """A submission's id as an incident id: ``uuid:9f1c...`` without its ``uuid:``."""
    return re.sub(r"^uuid:", "", value.strip()) if isinstance(value, str) else value


def _id_names(kind: str) -> set[str]:
    """The folded headers that mean ``incident_id``."""
    return {"incident_id", *HEADER_ALIASES[kind].get("incident_id", ())}
