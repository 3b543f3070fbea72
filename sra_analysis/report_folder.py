"""The error a report folder raises when the roll-up cannot pool it, with its reason.

A report folder is input to the roll-up, and untrusted: a check that fails names the folder,
its event (the folder's name when no valid id can be read) and a label key with the values
it fills in, so that the reason reads in the roll-up's language
(:mod:`sra_analysis.labels.report_folder`) on the console, on the page and in
``rollup.json``'s ``set_aside``.
"""

from __future__ import annotations

from sra_analysis.errors import SRAError
from sra_analysis.labels import t

__all__ = ["ReportFolderError"]


class ReportFolderError(SRAError):
    """A report folder the roll-up reads cannot be pooled: its ``summary.json`` or one of its
    tables is unreadable, of another layout, out of range or at odds with the other.

    Parameters
    ----------
    folder : str
        The report folder.
    key : str
        The label (:mod:`sra_analysis.labels.report_folder`) that words the reason.
    event : str, optional
        The event id, when ``summary.json`` gave one that reads; else the folder's name.
    **values
        What the label fills in (file, column, row, value ...), as plain text or numbers.

    Examples
    --------
    >>> error = ReportFolderError("out/a", "aside.summary_value", event="a",
    ...                           field="totals.incidents", kind="count", value="-5")
    >>> error.event, error.reason("id")
    ('a', 'summary.json totals.incidents: harus bilangan bulat ≥ 0, tertulis -5')
    >>> str(error)
    'out/a (a): summary.json totals.incidents: must be a whole number ≥ 0, got -5'
    """

    def __init__(self, folder: str, key: str, *, event: str | None = None, **values) -> None:
        from pathlib import PurePath

        self.folder = str(folder)
        self.key = key
        self.event = event if event else PurePath(self.folder).name
        self.values = values
        super().__init__(f"{self.folder} ({self.event}): {self.reason('en')}")

    def reason(self, lang: str = "en") -> str:
        """The one-line reason in ``lang``."""
        values = dict(self.values)
        if "kind" in values:  # what the value must be, itself a label
            values["kind"] = t(f"aside.kind.{values['kind']}", lang)
        return t(self.key, lang, **values)

    def __reduce__(self):
        return (_rebuild_folder, (self.folder, self.key, self.event, self.values))


def _rebuild_folder(folder, key, event, values):
    return ReportFolderError(folder, key, event=event, **values)
