"""The pages of a review, built inside the notebook's kernel: what the report and roll-up
notebooks call to load an event, show its tables and charts, and write summary.json and the
improvement plan beside the report."""
