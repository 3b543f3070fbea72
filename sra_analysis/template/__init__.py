"""Blank event folders to fill in: ``event.yaml`` and Excel workbooks the loader reads.

``sra-review template OUT [--lang id|en] [--event event.yaml]`` calls :func:`write_template`.

=============  ========================================================================
module         holds
=============  ========================================================================
write          :func:`write_template`: the folder, written atomically; rewritten only when
               asked, keeping ``event.yaml`` and the rows the workbooks hold
keep           :func:`kept_rows`: the rows of a filled workbook, or a one-line refusal
event_file     ``event.yaml`` with a comment above each key
workbook       the workbooks: data sheet, formats, drop-downs and range checks
guide          the instructions sheet with an example row, the register's risk legend
columns        headers (English, Bahasa Indonesia), widths, help, cell formats
cells          openpyxl helpers: text through :func:`sra_analysis.sheet_text.put_text`,
               fills, header style
=============  ========================================================================
"""

from __future__ import annotations

from sra_analysis.template.keep import KeptRows, filled_rows, kept_rows
from sra_analysis.template.write import TEMPLATE_FILES, write_template

__all__ = ["TEMPLATE_FILES", "KeptRows", "filled_rows", "kept_rows", "write_template"]
