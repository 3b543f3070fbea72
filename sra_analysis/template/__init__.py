"""Blank event folders to fill in: ``event.yaml`` and Excel workbooks the loader reads.

``sra-review template OUT [--lang id|en] [--event event.yaml]`` calls :func:`write_template`.

=============  ========================================================================
module         holds
=============  ========================================================================
write          :func:`write_template`: the folder, written atomically, never overwritten
               unless asked
event_file     ``event.yaml`` with a comment above each key
workbook       the workbooks: data sheet, formats, drop-downs and range checks
guide          the instructions sheet with an example row, the register's risk legend
columns        headers (English, Bahasa Indonesia), widths, help, cell formats
cells          openpyxl helpers: text never stored as a formula, fills, header style
=============  ========================================================================
"""

from __future__ import annotations

from sra_analysis.template.write import TEMPLATE_FILES, write_template

__all__ = ["TEMPLATE_FILES", "write_template"]
