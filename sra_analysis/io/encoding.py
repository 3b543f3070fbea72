"""Decode a text file's bytes, refusing rather than guessing when the bytes disagree.

Accepted: UTF-8 (with or without a byte-order mark), cp1252 (what Excel on Windows writes as
"CSV"), and UTF-16 or UTF-32 with a byte-order mark (Excel's "Unicode text"). A file is
**refused** with an :class:`~sra_analysis.errors.InputFileError` naming it, and where it
applies the first offending line, when it

- mixes encodings: some lines are UTF-8 and others are not (e.g. ``é`` written as the UTF-8
  bytes ``C3 A9`` on one line and as the cp1252 byte ``E9`` on another). Decoding such a file
  either way would silently damage some of its rows, so it is never decoded;
- is neither UTF-8 nor cp1252 (a byte cp1252 leaves undefined);
- has no byte-order mark but many NUL bytes, as UTF-16 text saved without one has;
- is a workbook, archive or Parquet file given a text suffix.

A single-byte file in another code page (say Latin-2) cannot be told from cp1252 by its bytes
and is read as cp1252; the report's data-quality section shows the encoding used.
"""

from __future__ import annotations

import codecs

from sra_analysis.errors import InputFileError

__all__ = ["decode_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SIGNATURES = (
    (b"PK\x03\x04", "a zip archive (an .xlsx workbook?); give an .xlsx workbook its .xlsx suffix"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old binary Excel (.xls) workbook; save it as .xlsx or as CSV UTF-8",
    ),
    (b"PAR1", "a Parquet file; give it its .parquet suffix"),
)
#: Bytes looked at for NUL bytes, and the share of the even (or odd) bytes being NUL that
#: marks UTF-16 without a BOM (ASCII text in UTF-16 has every other byte NUL).
_NUL_SAMPLE = 65536
_NUL_SHARE = 0.4


def decode_text(data: bytes, *, file: str) -> tuple[str, str]:
    """Decode a text file's bytes; return the text and the encoding used.

    Parameters
    ----------
    data : bytes
        The whole file.
    file : str
        Its path, for error messages.

    Returns
    -------
    text : str
        The text, without a byte-order mark.
    encoding : str
        ``"utf-8"``, ``"utf-8-sig"``, ``"cp1252"``, ``"utf-16-le"``, ``"utf-16-be"``,
        ``"utf-32-le"`` or ``"utf-32-be"``.

    Raises
    ------
    InputFileError
        See the module docstring; ``row`` is the first offending line where there is one.

    Examples
    --------
    >>> decode_text("id;catatan\\n1;café\\n".encode("cp1252"), file="x.csv")
    ('id;catatan\\n1;café\\n', 'cp1252')
    >>> decode_text(b"\\xff\\xfe" + "a\\tb\\n".encode("utf-16-le"), file="x.csv")
    ('a\\tb\\n', 'utf-16-le')
    """
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return _decode_marked(data, encoding, file=file), encoding
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise InputFileError(file, f"this is not a text file but {what}")
    if _looks_like_utf16(data[:_NUL_SAMPLE]):
        sample = data[:_NUL_SAMPLE]
        raise InputFileError(
            file,
            f"{sample.count(0)} of the first {len(sample)} bytes are NUL bytes, every other "
            "byte as in UTF-16 text saved without a byte-order mark (or a binary file); save "
            "it as CSV UTF-8, or as UTF-16 with its byte-order mark",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    _refuse_mixed(data, file=file)
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        raise InputFileError(
            file,
            f"cannot decode as UTF-8 or cp1252 (byte {data[error.start]:#04x} at offset "
            f"{error.start}); save the file as UTF-8",
            row=_line_of(data, error.start),
        ) from None


def _decode_marked(data: bytes, encoding: str, *, file: str) -> str:
    """Decode a file that starts with a byte-order mark, which is trusted."""
    mark = next(m for m, e in _BOMS if e == encoding)
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    try:
        return data[len(mark) :].decode(codec)
    except UnicodeDecodeError as caught:
        error = caught
    if codec == "utf-8":
        bad = _first_non_utf8_line(data)
        raise InputFileError(
            file,
            f"starts with a UTF-8 byte-order mark but line {bad} is not UTF-8 (e.g. byte "
            f"{data[_first_bad_offset(data)]:#04x}), as when rows saved in another encoding "
            "(cp1252?) were pasted in; save the whole file as UTF-8",
            row=bad,
        )
    name = encoding.upper().replace("-LE", " LE").replace("-BE", " BE")
    raise InputFileError(
        file,
        f"starts with a {name} byte-order mark but cannot be decoded as {name} "
        f"({error.reason} at byte offset {error.start + len(mark)}); save it "
        "as CSV UTF-8",
    )


def _looks_like_utf16(sample: bytes) -> bool:
    """Whether NUL bytes fill one byte parity, as in UTF-16 text; a few NUL bytes in cells
    do not (their rows are quarantined when the table is loaded)."""
    if len(sample) < 16:
        return False
    half = len(sample) // 2
    return max(sample[0::2].count(0), sample[1::2].count(0)) >= _NUL_SHARE * half


def _refuse_mixed(data: bytes, *, file: str) -> None:
    """Raise when some lines are (non-ASCII) UTF-8 and others are not UTF-8 at all."""
    first_utf8 = first_other = None
    utf8_lines = other_lines = 0
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other_lines += 1
            first_other = first_other or number
        else:
            utf8_lines += 1
            first_utf8 = first_utf8 or number
    if not utf8_lines:
        return
    # the lines of the minority encoding are the ones to fix
    row = first_utf8 if utf8_lines < other_lines else first_other
    raise InputFileError(
        file,
        f"mixes text encodings: {utf8_lines} line(s) are UTF-8 (first: line {first_utf8}) "
        f"and {other_lines} are not (first: line {first_other}, e.g. cp1252 byte "
        f"{data[_first_bad_offset(data)]:#04x}); reading it either way would garble some "
        "rows, so it is not read. Save the whole file in one encoding, preferably UTF-8",
        row=row,
    )


def _first_bad_offset(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start
    return 0


def _first_non_utf8_line(data: bytes) -> int:
    return _line_of(data, _first_bad_offset(data))


def _line_of(data: bytes, offset: int) -> int:
    """The 1-based line (as a text editor counts) holding byte ``offset``."""
    return data.count(b"\n", 0, offset) + 1
