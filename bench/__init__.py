"""Benchmarks for dramawatch components (not part of the installed package)."""
