"""A wheel carries everything the package finds at run time: notebooks, sample data, the
report template. (Editable installs read them from the source tree, so only a wheel tells.)"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from sra_analysis.resources import NOTEBOOKS, sample_events

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_holds_notebooks_samples_and_templates(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("sra_analysis-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "sra_analysis/reports/templates/sra_report/index.html.j2" in names
    assert "sra_analysis/reports/templates/sra_report/conf.json" in names
    for notebook in NOTEBOOKS:
        assert f"sra_analysis/reports/notebooks/{notebook}.ipynb" in names
    for event in sample_events():
        assert f"sra_analysis/sample_data/{event.name}/event.yaml" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "sra-review = sra_analysis.cli:run" in zipfile.ZipFile(wheel).read(entry_points).decode()
