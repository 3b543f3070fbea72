"""Finding the Chromium that prints ``report.pdf`` (:mod:`sra_analysis.reports.batch.pdf`).

``$SRA_CHROMIUM`` when set, else the first of :data:`CHROMIUM_NAMES` on ``PATH``; and
Playwright, which drives it, checked without being imported, so a machine that cannot print
says so before any report runs.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Mapping

from sra_analysis.errors import PrinterError

__all__ = [
    "CHROMIUM_ENV",
    "CHROMIUM_NAMES",
    "INSTALL_PLAYWRIGHT",
    "PDF_NAME",
    "check_printer",
    "find_chromium",
]

#: The file written beside ``report.html``.
PDF_NAME = "report.pdf"
#: The environment variable naming the Chromium (or Chrome) executable to print with.
CHROMIUM_ENV = "SRA_CHROMIUM"
#: Looked for on ``PATH``, in this order, when :data:`CHROMIUM_ENV` is not set.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
#: What to run when Playwright is missing.
INSTALL_PLAYWRIGHT = "install it with: pip install 'sra_analysis[pdf]'"


def find_chromium(*, environ: Mapping[str, str] | None = None) -> str:
    """The Chromium executable to print with.

    ``$SRA_CHROMIUM`` when set (it must name an executable file), else the first of
    ``chromium``, ``chromium-browser`` and ``google-chrome`` found on ``PATH``.

    Parameters
    ----------
    environ : mapping, optional
        The environment to read ``SRA_CHROMIUM`` and ``PATH`` from; ``os.environ`` by default.

    Returns
    -------
    str
        The executable's path.

    Raises
    ------
    PrinterError
        When ``SRA_CHROMIUM`` names no executable file, or none of the names is on ``PATH``.

    Examples
    --------
    >>> find_chromium(environ={"SRA_CHROMIUM": "/no/such/chromium"})
    Traceback (most recent call last):
    ...
    sra_analysis.errors.PrinterError: cannot print report.pdf: SRA_CHROMIUM is set to \
'/no/such/chromium', which is not an executable file — point it at a Chromium or Chrome \
executable, or unset it to look for chromium on PATH
    >>> find_chromium(environ={"PATH": ""})
    Traceback (most recent call last):
    ...
    sra_analysis.errors.PrinterError: cannot print report.pdf: no Chromium found (looked for \
chromium, chromium-browser, google-chrome on PATH) — install one (Debian/Ubuntu: apt install \
chromium) or set SRA_CHROMIUM to its path
    """
    environ = os.environ if environ is None else environ
    chosen = environ.get(CHROMIUM_ENV, "")
    if chosen:
        if os.path.isfile(chosen) and os.access(chosen, os.X_OK):
            return chosen
        raise PrinterError(
            f"cannot print {PDF_NAME}: {CHROMIUM_ENV} is set to {chosen!r}, which is not an "
            "executable file — point it at a Chromium or Chrome executable, or unset it to "
            "look for chromium on PATH"
        )
    for name in CHROMIUM_NAMES:
        found = shutil.which(name, path=environ.get("PATH", os.defpath))
        if found:
            return found
    raise PrinterError(
        f"cannot print {PDF_NAME}: no Chromium found (looked for {', '.join(CHROMIUM_NAMES)} "
        f"on PATH) — install one (Debian/Ubuntu: apt install chromium) or set {CHROMIUM_ENV} "
        "to its path"
    )


def check_printer(*, environ: Mapping[str, str] | None = None) -> str:
    """Check, without importing it, that Playwright is installed, and find Chromium.

    Returns
    -------
    str
        The Chromium executable (:func:`find_chromium`).

    Raises
    ------
    PrinterError
        When Playwright is not installed or no Chromium is found, in one line saying what
        to install.
    """
    if importlib.util.find_spec("playwright") is None:
        raise PrinterError(f"cannot print {PDF_NAME}: Playwright is not installed — "
                           f"{INSTALL_PLAYWRIGHT}")  # fmt: skip
    return find_chromium(environ=environ)
