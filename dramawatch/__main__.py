"""``python -m dramawatch``."""

from __future__ import annotations

from dramawatch.cli import main

main()
