"""Pseudonyms for officer identifiers, so no report, summary or console line ever shows one.

A pseudonym is a keyed hash (HMAC-SHA256) of the identifier: the same officer gets the same
pseudonym wherever the same key is used, and without the key nobody can go back from the
pseudonym to the NRP. The key comes from the environment (``SRA_PSEUDONYM_KEY``) or from a
file named by ``SRA_PSEUDONYM_KEY_FILE``, never from a notebook parameter (parameters are
written into the executed notebook). Without either, a random key is made once per process:
pseudonyms are then consistent within one process and unlinkable across runs.

What may be shown of the staffing file
--------------------------------------
The staffing file is the one input that holds officer identifiers, and a broken file puts
them anywhere: columns swapped or shifted, no header row, an id typed into the ring column.
So a value from the staffing file is displayed (data-quality appendix, quarantine listings,
``sra-review validate``) by an allow-list, not by guessing which values are ids:

- a value in the ``officer_id`` column is always replaced by its pseudonym;
- any other value is shown as it is only when it is safe by construction:

  1. blank;
  2. a ring label the event defines (an id, name or alias from ``event.yaml``, in any case
     or spacing, roman numerals and Excel's ``1.0`` included);
  3. a date or time written with separators, with a real month and day and a year
     19xx/20xx (``2024-03-01 07:00``, ``01/03/2024 07.00``, ``1 Mar 2024``, ``14:30``);
  4. words: at most 60 characters of letters, with spaces and ``. , - ' / & ( ) _ :``
     between them, where a number of one or two digits may stand alone beside a word
     (``Ring 4``, ``Sat Intelkam``, ``tidak``, ``shift_start``) — but no token that mixes
     letters and digits (``R01``) and no number of three digits or more;
  5. a pseudonym this module made (``officer-`` and 12 hex digits), so that showing a
     value twice never hashes it twice.

- everything else — digits (``77057217``, ``00057217``, ``45352.5``), codes (``NRP-8101``),
  anything long — is replaced by the pseudonym of its identifier form (text stripped, an
  Excel number ``77057217.0`` read as ``77057217``), the same pseudonym the officer gets
  where the id is in its own column.

Header names of the staffing file are shown in messages (``columns found: ...``) only when
they are recognised header names or words by rule 4; any other is shown as
``<column N: value hidden>``, N counting from 1 as a spreadsheet user counts columns. A file
without a header row thus never puts its first officer's id into an error message.

Officer names typed into a unit or role column are words and are shown: the rule protects
identifiers, not free text.

Messages of unexpected errors, which might quote a cell of any file, pass one more guard
before they reach a FAILED page, the index, the executed notebook or the console:
:func:`hide_long_numbers` hides every run of eight or more digits (an NRP has 8, an NIP 18).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import numbers
import os
import re
import secrets
import unicodedata
from collections.abc import Collection, Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from sra_analysis.errors import ParameterError
from sra_analysis.event import fold_label, is_blank_scalar

__all__ = [
    "KEY_ENV",
    "KEY_FILE_ENV",
    "PSEUDONYM_PATTERN",
    "Redacted",
    "display_headers",
    "display_values",
    "hide_long_numbers",
    "mask_identifiers",
    "pseudonym_key",
    "pseudonymise",
    "redact_issues",
    "shown_as_is",
]

KEY_ENV = "SRA_PSEUDONYM_KEY"
KEY_FILE_ENV = "SRA_PSEUDONYM_KEY_FILE"
#: What :func:`pseudonymise` returns with the default prefix.
PSEUDONYM_PATTERN = re.compile(r"officer-[0-9a-f]{12}")

_MAX_WORDS = 60
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)\d\d"
_MONTH_NAME = r"[^\W\d_]{3,9}\.?"
_DATE = (
    rf"(?:{_YEAR}([-/.]){_MONTH}\1{_DAY}"  # 2024-03-01, 2024/03/01
    rf"|{_DAY}([-/.]){_DAY}\2(?:{_YEAR}|\d\d)"  # 01/03/2024, 03-13-24 (shown, then refused)
    rf"|{_DAY}[ -]{_MONTH_NAME}[ -]{_YEAR})"  # 1 Mar 2024
)
_TIME = r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[:.][0-5]\d(?:\.\d{1,9})?)?"
_ZONE = r"(?:\s*(?:wib|wita|wit|z|utc|gmt|[+-]\d\d:?\d\d))?"
_TIME_LIKE = re.compile(rf"(?:{_DATE}(?:(?:\s+|t){_TIME})?|{_TIME}){_ZONE}", flags=re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’./&_:][^\W\d_]+)*[-.,:;/&()’']*", flags=re.UNICODE)
_SMALL_NUMBER = re.compile(r"\(?\d{1,2}\)?[.,:;]?")
_OPENING = re.compile(r"^[(\-/&]+")


class Redacted(str):
    """A placeholder standing where a value was hidden; its ``repr`` is the bare text, so
    messages that quote names with ``repr`` show ``<column 1: value hidden>`` unquoted."""

    def __repr__(self) -> str:
        return str(self)


@lru_cache(maxsize=1)
def _process_key() -> bytes:
    return secrets.token_bytes(32)


def pseudonym_key() -> bytes:
    """The HMAC key: ``$SRA_PSEUDONYM_KEY``, else the file ``$SRA_PSEUDONYM_KEY_FILE``, else a
    random key for this process."""
    value = os.environ.get(KEY_ENV)
    if value:
        return value.encode("utf-8")
    file = os.environ.get(KEY_FILE_ENV)
    if file:
        path = Path(file)
        if not path.is_file():
            raise ParameterError(f"{KEY_FILE_ENV} names {file!r}, which is not a readable file")
        key = path.read_bytes().strip()
        if not key:
            raise ParameterError(f"{KEY_FILE_ENV} names {file!r}, which is empty")
        return key
    return _process_key()


def _hash(text: str, key: bytes, prefix: str) -> str:
    return prefix + hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()[:12]


def pseudonymise(ids, *, key: bytes | None = None, prefix: str = "officer-") -> pd.Series:
    """Replace identifiers with ``officer-<12 hex digits>`` keyed pseudonyms.

    Examples
    --------
    >>> out = pseudonymise(pd.Series(["00123", "00123", "4567"]), key=b"k")
    >>> out[0] == out[1], out[0] == out[2], out[0].startswith("officer-")
    (True, False, True)
    """
    key = pseudonym_key() if key is None else key
    series = pd.Series(ids, dtype="str")
    codes, uniques = pd.factorize(series)
    hashed = [_hash(str(u), key, prefix) for u in uniques]
    return pd.Series([hashed[c] if c >= 0 else None for c in codes], index=series.index)


def _identifier_text(value) -> str:
    """The text an identifier is hashed as: the form ``parse_identifiers`` gives it."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return str(int(value))
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        number = float(value)
        if number.is_integer():
            return str(int(number))
    return str(value).strip()


def _is_words(text: str) -> bool:
    if len(text) > _MAX_WORDS:
        return False
    tokens = [_OPENING.sub("", token) for token in text.split()]
    words = 0
    for token in tokens:
        if _WORD.fullmatch(token):
            words += 1
        elif not _SMALL_NUMBER.fullmatch(token):
            return False
    return words > 0


def shown_as_is(value, *, ring_labels: Collection[str] = ()) -> bool:
    """Whether a staffing-file value outside ``officer_id`` may be displayed unchanged.

    Parameters
    ----------
    value : object
        A cell as read (text, number, timestamp or missing).
    ring_labels : collection of str
        Folded ring labels of the event (the keys of ``EventMeta.ring_lookup()``).

    Examples
    --------
    >>> [shown_as_is(v, ring_labels={"1", "ring 1"}) for v in
    ...  ["Ring I", "1.0", "2024-03-01 07:00", "Sat Intelkam", "Ring 4", "77057217", "R01"]]
    [True, True, True, True, True, False, False]
    """
    if is_blank_scalar(value) or isinstance(value, (bool, dt.date, dt.time)):
        return True  # datetime and pandas' Timestamp are dates too
    number = isinstance(value, numbers.Number)
    text = _identifier_text(value) if number else unicodedata.normalize("NFKC", str(value))
    text = text.strip()
    if PSEUDONYM_PATTERN.fullmatch(text):
        return True
    if re.fullmatch(r"\d+\.0+", text):  # a ring id exported as a float by Excel
        text = text.split(".")[0]
    if fold_label(text) in ring_labels:
        return True
    return not number and (bool(_TIME_LIKE.fullmatch(text)) or _is_words(text))


def display_values(
    values,
    *,
    fields: str | Iterable[str] = "",
    ring_labels: Collection[str] = (),
    key: bytes | None = None,
) -> pd.Series:
    """Staffing-file values as they may be displayed: safe values as text, others pseudonymised.

    Parameters
    ----------
    values : array-like
        Cells of the staffing file (as read, or their display text).
    fields : str or iterable of str, default ""
        The contract column each value belongs to (one name for all, or one per value); values
        of ``officer_id`` are always pseudonymised.
    ring_labels : collection of str
        Folded ring labels of the event, shown as they are.
    key : bytes, optional
        The HMAC key; :func:`pseudonym_key` by default.

    Returns
    -------
    Series
        Text, with the index of ``values``; blank cells become ``""``. Applying it again
        changes nothing.

    Examples
    --------
    >>> display_values(["Ring V", "77057217", ""], key=b"k").str[:8].tolist()
    ['Ring V', 'officer-', '']
    """
    series = pd.Series(values, dtype=object) if not isinstance(values, pd.Series) else values
    field_list = [fields] * len(series) if isinstance(fields, str) else list(fields)
    if len(field_list) != len(series):
        raise ParameterError(
            f"fields must name one column or one per value ({len(series)}), got {len(field_list)}"
        )
    key = pseudonym_key() if key is None else key
    out = []
    for value, field in zip(series.tolist(), field_list, strict=True):
        if is_blank_scalar(value):
            out.append("")
            continue
        text = _identifier_text(value)
        if PSEUDONYM_PATTERN.fullmatch(text):
            out.append(text)
        elif field != "officer_id" and shown_as_is(value, ring_labels=ring_labels):
            out.append(str(value))
        else:
            out.append(_hash(text, key, "officer-"))
    return pd.Series(out, index=series.index, dtype=object)


def redact_issues(
    issues: pd.DataFrame, *, ring_labels: Collection[str] = (), key: bytes | None = None
) -> pd.DataFrame:
    """A copy of a staffing file's issue table whose ``value`` column is safe to display.

    ``issues`` has the columns of ``FileQuality.issues`` (``field`` and ``value`` at least);
    the input is not changed. See the module docstring for the rule.
    """
    out = issues.copy()
    if len(out):
        out["value"] = display_values(
            out["value"], fields=out["field"].astype(str).tolist(), ring_labels=ring_labels,
            key=key,
        ).to_numpy()  # fmt: skip
    return out


def display_headers(columns: Iterable, *, recognised: Collection = ()) -> list[str]:
    """Header names as they may appear in a message: recognised or plain words as they are,
    anything else as ``<column N: value hidden>``.

    Parameters
    ----------
    columns : iterable
        The file's header cells, in file order.
    recognised : collection
        Headers that name a contract column (shown whatever they look like).

    Examples
    --------
    >>> display_headers(["77057217", "ring", "2024-03-01 07:00", "Sat Intelkam"],
    ...                 recognised={"ring"})
    [<column 1: value hidden>, 'ring', <column 3: value hidden>, 'Sat Intelkam']
    """
    recognised = set(recognised)
    shown: list[str] = []
    for position, header in enumerate(columns, start=1):
        text = str(header)
        if header in recognised or (
            not isinstance(header, numbers.Number) and _is_words(text.strip())
        ):
            shown.append(text)
        else:
            shown.append(Redacted(f"<column {position}: value hidden>"))
    return shown


#: A token of free text: a run of characters other than spaces and the punctuation that
#: separates words; its leading and trailing ``. - / _`` are not part of it.
_TOKEN = re.compile(r"[^\s,;:()\[\]{}<>\"'!?]+")
_TOKEN_EDGES = "./-_"
#: Identifiers this short, or without a digit, are too much like ordinary words ("1", "AKP")
#: to be replaced wherever they stand in a sentence.
_MIN_MASKED_LENGTH = 4


def mask_identifiers(texts: pd.Series, ids: Iterable, *, key: bytes | None = None) -> pd.Series:
    """Replace each whole-token occurrence of an officer id in free text by its pseudonym.

    A clerk may type an officer's NRP into an incident's description or category; the text
    is kept, the id in it is not. A token is a run of characters between spaces and word
    punctuation (``, ; : ( ) [ ] { } < > " ' ! ?``), without the ``. - / _`` at its ends, and
    is replaced only when it equals an id of at least four characters holding a digit
    (``77057217``, ``NRP-8101``), never inside a longer word or number. Missing values stay
    missing; the input is not changed.

    Examples
    --------
    >>> out = mask_identifiers(pd.Series(["Dijaga 77057217, NRP-8101.", "770572170", None]),
    ...                        ["77057217", "NRP-8101", "12"], key=b"k")
    >>> out[0] == "Dijaga {}, {}.".format(*pseudonymise(["77057217", "NRP-8101"], key=b"k"))
    True
    >>> out[1], pd.isna(out[2])
    ('770572170', True)
    """
    wanted = {
        text
        for text in map(_identifier_text, ids)
        if len(text) >= _MIN_MASKED_LENGTH and any(c.isdigit() for c in text)
    }
    if not wanted:
        return texts.copy()
    key = pseudonym_key() if key is None else key

    def token(match: re.Match) -> str:
        word = match.group()
        core = word.strip(_TOKEN_EDGES)
        if core not in wanted:
            return word
        start = word.index(core)
        return word[:start] + _hash(core, key, "officer-") + word[start + len(core) :]

    def mask(value):
        return _TOKEN.sub(token, value) if isinstance(value, str) else value

    return texts.map(mask, na_action="ignore")


_LONG_NUMBER = re.compile(r"(?<!\d)\d{8,}(?!\d)")


def hide_long_numbers(text: str) -> str:
    """Replace every run of eight or more digits by ``<number hidden>``.

    The last guard on the messages of unexpected errors, which may quote a cell of any file:
    no officer id (8-digit NRP, 18-digit NIP) passes it, while row numbers, years, times
    and sizes up to seven digits stay readable.

    Examples
    --------
    >>> hide_long_numbers("KeyError: '77057217' in row 12 (2024-03-01)")
    "KeyError: '<number hidden>' in row 12 (2024-03-01)"
    """
    return _LONG_NUMBER.sub("<number hidden>", text)
