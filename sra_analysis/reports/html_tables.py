"""The report's HTML tables: escaped, readable at any size, the full table kept beside them.

Three rules keep a report small and honest whatever the input holds:

* every cell is HTML-escaped, a missing value shows as ``–`` (never ``nan``, ``None`` or
  ``NaT``), and text longer than :data:`TEXT_LIMIT` characters is cut with ``…``;
* a table longer than :data:`ROW_LIMIT` rows shows its first rows and a last row saying
  "… and N more" (:func:`capped_table`);
* the whole table of a capped one — every row, text uncut — is written as
  ``tables/<name>.csv`` beside ``summary.json`` (so beside ``report.html`` in a batch), and
  the last row links to it. Files there are written only for tables that were capped, and
  :func:`tables_folder` clears the earlier run's files first.

CSV files are UTF-8 with a byte-order mark (so Excel reads them right); a text cell that
starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading ``'`` so that a
spreadsheet shows it as text instead of running it as a formula.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from sra_analysis.labels import t
from sra_analysis.labels.formats import MISSING, format_number
from sra_analysis.safe_text import isolate_bidi
from sra_analysis.sheet_text import FORMULA_START

__all__ = [
    "MISSING",
    "FINDING_LIMIT",
    "ROW_LIMIT",
    "TABLES_FOLDER",
    "TEXT_LIMIT",
    "capped_table",
    "clip",
    "esc",
    "html_table",
    "is_missing",
    "number_text",
    "show_html",
    "tables_folder",
]

#: Rows a table shows before "… and N more".
ROW_LIMIT = 100
#: Characters a cell or other free text shows before it is cut with "…".
TEXT_LIMIT = 300
#: Characters a finding shows (its sentence is generated, but it quotes ring names and
#: categories from the input).
FINDING_LIMIT = 1000
#: Folder beside summary.json that holds the full tables of capped ones.
TABLES_FOLDER = "tables"


def is_missing(value: object) -> bool:
    """Whether ``value`` is None, NaN, NaT or pandas' NA.

    Examples
    --------
    >>> [is_missing(v) for v in (None, float("nan"), pd.NaT, pd.NA, 0, "", "nan")]
    [True, True, True, True, False, False, False]
    """
    if value is None:
        return True
    if isinstance(value, str | bytes):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # list-likes are values, not missing
        return False


def show_html(fragment: str) -> None:
    """Display an HTML fragment (already escaped) inside the report's styled container."""
    from IPython.display import HTML, display

    display(HTML(f'<div class="sra-report">{fragment}</div>'))


def esc(value: object) -> str:
    """HTML-escape any value (None and NaN become an empty string), bidirectional controls
    neutralised (:func:`~sra_analysis.safe_text.isolate_bidi`)."""
    if is_missing(value):
        return ""
    return html.escape(isolate_bidi(str(value)), quote=True)


def clip(value: object, limit: int = TEXT_LIMIT) -> str:
    """``value`` as text of at most ``limit`` characters, cut with "…"; missing as ``–``.

    Examples
    --------
    >>> clip("abcdef", 4), clip(None), clip(float("nan"))
    ('abc…', '–', '–')
    """
    if is_missing(value):
        return MISSING
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def number_text(value: object, digits: int = 0, *, lang: str = "en") -> str:
    """A number for display, thousands grouped as the language writes them; missing as ``–``.

    (:func:`sra_analysis.labels.formats.format_number`.)

    Examples
    --------
    >>> number_text(200000), number_text(200000, lang="id"), number_text(0.8123, 2)
    ('200,000', '200.000', '0.81')
    >>> number_text(float("nan"), 2), number_text(None)
    ('–', '–')
    """
    if is_missing(value):
        return MISSING
    return format_number(float(value), lang=lang, digits=digits)


def _cell_text(value: object, numeric: bool, digits: int, limit: int, lang: str) -> str:
    if numeric and isinstance(value, float) and not is_missing(value):
        return format_number(value, lang=lang, digits=digits, trim=True)
    if numeric and isinstance(value, int | np.integer) and not isinstance(value, bool):
        return format_number(int(value), lang=lang, digits=0)
    return clip(value, limit)


def html_table(
    frame: pd.DataFrame,
    *,
    numeric: Iterable[str] = (),
    digits: int = 2,
    footer: str = "",
    text_limit: int = TEXT_LIMIT,
    lang: str = "en",
) -> str:
    """An HTML table through pandas' Styler, every cell and heading escaped; ``numeric``
    columns rounded and written as ``lang`` writes numbers.

    Columns listed in ``numeric`` and columns that hold numbers are right-aligned, all
    others left-aligned, by an inline style on each heading and cell (so in JupyterLab as in
    the exported report) and the ``num`` class.

    Missing values show as ``–`` and text is cut at ``text_limit`` characters.
    ``footer``, an HTML fragment that is already escaped, becomes a last row across the
    whole table.

    Examples
    --------
    >>> page = html_table(pd.DataFrame({"a": ["<b>", None], "n": [1200.0, 3.0]}), numeric=["n"])
    >>> "&lt;b&gt;" in page and "<b>" not in page, "–" in page, ">1,200<" in page
    (True, True, True)
    >>> ">1.200<" in html_table(pd.DataFrame({"n": [1200.0]}), numeric=["n"], lang="id")
    True
    """
    numeric = set(numeric)
    flags = [column in numeric for column in frame.columns]
    right = [
        flag or _holds_numbers(frame.iloc[:, i]) for i, flag in enumerate(flags)
    ]  # alignment: numeric columns and columns of numbers
    shown = pd.DataFrame(
        [[_cell_text(v, flag, digits, text_limit, lang) for v, flag in zip(row, flags, strict=True)]
         for row in frame.itertuples(index=False)],
        columns=range(len(frame.columns)), dtype=object,
    )  # fmt: skip
    classes = pd.DataFrame([["num" if flag else "" for flag in right]] * len(shown),
                           index=shown.index, columns=shown.columns)  # fmt: skip
    styler = (
        shown.style.hide(axis="index")
        .format(escape="html")
        .relabel_index([esc(column) for column in frame.columns], axis=1)
        .set_td_classes(classes)
    )
    # a stable id from the content keeps reports reproducible byte for byte
    uuid = hashlib.sha1(repr((list(frame.columns), shown.values.tolist())).encode()).hexdigest()
    page = _aligned(styler.to_html(table_uuid=uuid[:10]), right)
    if footer:
        row = (f'<tr class="sra-more"><td colspan="{max(len(frame.columns), 1)}" '
               f'style="font-style:italic;color:#555;text-align:left">'
               f'{footer}</td></tr>')  # fmt: skip
        page = page.replace("</tbody>", row + "</tbody>", 1)
    return page


def _holds_numbers(column: pd.Series) -> bool:
    """Whether a column holds numbers (not booleans), or is a categorical of numbers
    (such as severity 1–5)."""
    dtype = column.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        dtype = dtype.categories.dtype
    return pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)


_CELL = re.compile(r'<(td|th) (id="T_\w+_(?:row\d+|level0)_col(\d+)") class="([^"]*)"\s*>')


def _aligned(page: str, right: list[bool]) -> str:
    """Each heading and cell of the Styler's table with its alignment as an inline style.

    The report's stylesheet aligns by the ``num`` class, but JupyterLab right-aligns every
    ``td`` and ``th`` of an output and does not load that stylesheet (nor keep a ``<style>``
    block of an untrusted notebook); an inline ``text-align`` wins over both and survives
    JupyterLab's sanitizer, so a table reads the same in JupyterLab and in the report.
    """

    def align(match: re.Match) -> str:
        tag, ident, column, classes = match.groups()
        side = "right" if right[int(column)] else "left"
        if side == "right" and tag == "th":
            classes += " num"
        return f'<{tag} {ident} class="{classes}" style="text-align: {side}">'

    return _CELL.sub(align, page)


def tables_folder(summary_path: str | os.PathLike | None) -> Path | None:
    """Where the full tables of capped ones go: ``tables/`` beside ``summary_path``.

    Returns ``None`` (nothing is written) when ``summary_path`` is empty. CSV files an
    earlier run left there are removed, so the folder only ever holds this run's tables.
    """
    if not summary_path:
        return None
    folder = Path(summary_path).parent / TABLES_FOLDER
    if folder.is_dir():
        for old in folder.glob("*.csv"):
            old.unlink()
    return folder


def _spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as formulas, prefixed with ``'``."""

    def guard(value):
        if isinstance(value, str) and value.startswith(FORMULA_START):
            return "'" + value
        return value

    return frame.apply(
        lambda column: column.map(guard) if pd.api.types.is_string_dtype(column.dtype) else column
    )


def capped_table(
    frame: pd.DataFrame,
    *,
    name: str,
    lang: str = "en",
    tables_dir: str | os.PathLike | None = None,
    max_rows: int = ROW_LIMIT,
    numeric: Iterable[str] = (),
    digits: int = 2,
) -> str:
    """:func:`html_table` of at most ``max_rows`` rows; the rest counted, and saved as CSV.

    Parameters
    ----------
    frame : DataFrame
        The table as it should read (column names in the report's language); not modified.
    name : str
        File name of the full table, without ``.csv`` (``unanticipated_incidents``).
    lang : {"en", "id"}
    tables_dir : path, optional
        Folder for the full table (see :func:`tables_folder`); the CSV is written only when
        rows were left out. Without it the last row only counts them.
    max_rows : int
        Rows shown.
    numeric, digits
        As :func:`html_table`.

    Returns
    -------
    str
        The HTML table; when capped its last row reads "… and N more — the full table:
        tables/<name>.csv" (or "… dan N lainnya — tabel lengkap: ..." in Bahasa Indonesia).

    Examples
    --------
    >>> frame = pd.DataFrame({"n": range(5)})
    >>> "… and 3 more" in capped_table(frame, name="n", max_rows=2)
    True
    >>> "lainnya" in capped_table(frame, name="n", max_rows=5, lang="id")
    False
    """
    if len(frame) <= max_rows:
        return html_table(frame, numeric=numeric, digits=digits, lang=lang)
    hidden = len(frame) - max_rows
    footer = esc(t("report.more_rows", lang, count=number_text(hidden, lang=lang)))
    if tables_dir is not None:
        from sra_analysis.reports.files import write_atomic

        folder = Path(tables_dir)
        path = folder / f"{name}.csv"
        text = _spreadsheet_safe(frame).to_csv(index=False, lineterminator="\n")
        write_atomic(path, ("\ufeff" + text).encode("utf-8"))
        where = f"{folder.name}/{path.name}"
        link = f'<a href="{esc(where)}">{esc(where)}</a>'
        footer += f" — {esc(t('report.full_table', lang))}: {link}"
    return html_table(
        frame.head(max_rows), numeric=numeric, digits=digits, footer=footer, lang=lang
    )
