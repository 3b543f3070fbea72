"""The review engine: windows, staffing, spans, tables, scores, evaluation, findings, verdict."""
