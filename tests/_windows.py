"""Hand-made windows tables for the tests of the verdict and the findings."""

from __future__ import annotations

import numpy as np
import pandas as pd

TZ = "Asia/Jakarta"
LEVELS = pd.CategoricalDtype(["none", "low", "medium", "high", "extreme"], ordered=True)
SCORE = {"none": 0, "low": 3, "medium": 6, "high": 12, "extreme": 20}


def hand_windows(levels: list[str], disruptions: list[int], incidents=None) -> pd.DataFrame:
    """Consecutive one-hour windows of ring 1 from 1 March 07:00, each staffed by 2 officers."""
    n = len(levels)
    starts = pd.date_range("2024-03-01 07:00", periods=n, freq="1h", tz=TZ, unit="us")
    disruptions = np.array(disruptions, dtype=np.int64)
    incidents = disruptions if incidents is None else np.array(incidents, dtype=np.int64)
    return pd.DataFrame(
        {
            "ring": pd.Categorical(["1"] * n, categories=["1"]),
            "window_start": starts,
            "window_end": starts + pd.Timedelta(hours=1),
            "hours": 1.0,
            "predicted_score": np.array([SCORE[level] for level in levels], dtype=np.int64),
            "predicted_level": pd.Categorical(levels, dtype=LEVELS),
            "probability": np.nan,
            "incidents": incidents,
            "disruptions": disruptions,
            "max_severity": np.where(disruptions > 0, 4, 0),
            "officer_hours": 2.0,
            "mean_staff": 2.0,
            "min_staff": 2,
            "planned_staff": np.nan,
        }
    )
