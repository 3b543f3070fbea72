"""Presentation: batch runs of the notebooks, HTML export, the index page, output folders."""
