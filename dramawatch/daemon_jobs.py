"""The stored name of the daemon's source job; the jobs themselves are in dramawatch/daemon/jobs.py.

APScheduler stores each source's job in the database with a textual reference to its function,
``dramawatch.daemon_jobs:crawl_source`` (``CRAWL_JOB``). Databases hold that reference, so this
path stays: stored jobs keep loading whatever the daemon package's layout.
"""

from __future__ import annotations

from dramawatch.daemon.jobs import crawl_source

__all__ = ["crawl_source"]
