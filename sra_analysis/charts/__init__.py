"""Plotly figure builders of the review: data in, ``plotly.graph_objects.Figure`` out.

Every builder takes its data first (an :class:`~sra_analysis.review.evaluate.Evaluation`, the tidy
table it needs, or an :class:`~sra_analysis.event.Event` where raw rows are needed), takes
``lang="en" | "id"`` as a keyword, reads every word it shows from :mod:`sra_analysis.labels`,
HTML-escapes all text that came from input files, never mutates its input and never touches
Plotly's global renderer or template state (the notebook or report chooses how to show).

=========================  ====================================================================
builder                    shows
=========================  ====================================================================
staffing_vs_incidents      officers on duty per ring over time, incidents, SRA level bands
rate_by_level              incidents (and disruptions) per ring-hour by predicted level
confusion_heatmap          windows by predicted level × observed class
risk_matrix                the 5 × 5 likelihood × impact grid with the register's threats
ring_rates                 incidents per 100 officer-hours by ring
hour_of_day_heatmap        incidents by ring × hour of day, optionally per ring-hour
calibration                reliability diagram of the register's probabilities
staffing_alignment         officers on duty per window by predicted level, per ring
event_comparison           AUC, PAI and incident rates across many events
capture_funnel             each event's capture against its disrupted windows, funnel limits
verdict_counts             events per verdict grade, thin evidence apart
=========================  ====================================================================

The level colours are defined once, in :data:`LEVEL_COLORS`.
"""

from sra_analysis.charts._common import LEVEL_COLORS, escape, level_colors
from sra_analysis.charts.across_events import capture_funnel, funnel_table, verdict_counts
from sra_analysis.charts.alignment import staffing_alignment
from sra_analysis.charts.comparison import COMPARISON_COLUMNS, comparison_table, event_comparison
from sra_analysis.charts.matrix import risk_matrix
from sra_analysis.charts.prediction import calibration, confusion_heatmap, rate_by_level
from sra_analysis.charts.rings import hour_of_day_heatmap, ring_rates
from sra_analysis.charts.timeline import staffing_vs_incidents

__all__ = [
    "COMPARISON_COLUMNS",
    "LEVEL_COLORS",
    "calibration",
    "capture_funnel",
    "comparison_table",
    "confusion_heatmap",
    "escape",
    "event_comparison",
    "funnel_table",
    "hour_of_day_heatmap",
    "level_colors",
    "rate_by_level",
    "ring_rates",
    "risk_matrix",
    "staffing_alignment",
    "staffing_vs_incidents",
    "verdict_counts",
]
