"""MkDocs hook: the package's Sphinx roles in docstrings, shown as plain code in the API pages.

The docstrings are numpydoc and cross-reference with Sphinx roles (``:func:`evaluate```,
``:mod:`~sra_analysis.metrics.roc```), which mkdocstrings leaves as text. After a page is
rendered, each role is dropped and its target kept as code; a leading ``~`` keeps the last
name only, as Sphinx shows it.
"""

from __future__ import annotations

import re

_ROLES = r":(?:py:)?(?:mod|class|func|data|meth|attr|exc|obj|const):"
ROLE = re.compile(_ROLES + r"<code>(~?)([^<]*)</code>")
#: a role inside text already shown as code (a parameter's type): the target as text
RAW_ROLE = re.compile(_ROLES + r"`(~?)([^`<]*)`")


def _shown(match: re.Match) -> str:
    target = match[2].lstrip(".")
    return f"<code>{target.rsplit('.', 1)[-1] if match[1] else target}</code>"


def strip_roles(html: str) -> str:
    """Drop the Sphinx roles of rendered docstrings.

    Examples
    --------
    >>> strip_roles(':func:<code>~sra_analysis.metrics.roc_auc</code> and :mod:<code>io</code>')
    '<code>roc_auc</code> and <code>io</code>'
    >>> strip_roles("<code>dict :func:`~sra_analysis.rollup.event_tables` returns</code>")
    '<code>dict event_tables returns</code>'
    """
    html = ROLE.sub(_shown, html)
    return RAW_ROLE.sub(lambda m: _shown(m).removeprefix("<code>").removesuffix("</code>"), html)


def on_page_content(html, page, config, files):
    return strip_roles(html)
