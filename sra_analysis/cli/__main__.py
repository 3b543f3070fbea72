"""``python -m sra_analysis.cli``: the ``sra-review`` command."""

from sra_analysis.cli import run

run()
