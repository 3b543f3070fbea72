"""Reports: two programs, each in a folder of its own.

- :mod:`sra_analysis.reports.pages` — the pages, built inside the notebook's kernel: what the
  report and roll-up notebooks call to load an event, show its sections, tables and charts,
  and write ``summary.json`` and the improvement plan beside the report;
- :mod:`sra_analysis.reports.batch` — the batch: it runs those notebooks (here, on an
  executor or on a Dask cluster), exports them to offline HTML and PDF, and writes the index
  and the roll-up page.

What both use sits here: writing files atomically (``files``), the output folder's checks
(``outdir``), the notebooks' parameters (``parameters``), the HTML table helpers
(``html_tables``), the report folders read for the roll-up (``rollup_inputs``) and the typed
roll-up (``rollup_result``), and the written schemas of ``summary.json`` and ``rollup.json``.
The notebooks themselves are in ``notebooks/``, the HTML export's templates in ``templates/``.
"""
