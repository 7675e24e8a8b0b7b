"""The scheduler daemon behind ``dramawatch run``.

``service`` runs the scheduler and handles signals; ``schedule`` sets up APScheduler and syncs
its jobs to the config; ``jobs`` holds the scheduled jobs; ``child`` runs each crawl in its own
process; ``lock`` keeps one daemon per database; ``status`` reports for ``dramawatch status``.
"""

from __future__ import annotations
