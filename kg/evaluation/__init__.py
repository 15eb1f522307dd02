"""Scoring the pipeline against gold files, and the by-site split of the gold corpus."""
