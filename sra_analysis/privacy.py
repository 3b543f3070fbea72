"""Pseudonyms for officer identifiers, so no report or summary ever shows one.

A pseudonym is a keyed hash (HMAC-SHA256) of the identifier: the same officer gets the same
pseudonym wherever the same key is used, and without the key nobody can go back from the
pseudonym to the NRP. The key comes from the environment (``SRA_PSEUDONYM_KEY``) or from a
file named by ``SRA_PSEUDONYM_KEY_FILE``, never from a notebook parameter (parameters are
written into the executed notebook). Without either, a random key is made once per process:
pseudonyms are then consistent within one run and unlinkable across runs.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import lru_cache
from pathlib import Path

import pandas as pd

from sra_analysis.errors import ParameterError

__all__ = ["KEY_ENV", "KEY_FILE_ENV", "pseudonym_key", "pseudonymise"]

KEY_ENV = "SRA_PSEUDONYM_KEY"
KEY_FILE_ENV = "SRA_PSEUDONYM_KEY_FILE"


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
    hashed = [
        prefix + hmac.new(key, str(u).encode("utf-8"), hashlib.sha256).hexdigest()[:12]
        for u in uniques
    ]
    return pd.Series([hashed[c] if c >= 0 else None for c in codes], index=series.index)
