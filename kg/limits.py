"""Limits on what a build reads, kept apart so the CLI can show them without loading
the readers."""

from __future__ import annotations

#: The largest file (or JSONL line) read by default: 5 MB, far above any news article.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
