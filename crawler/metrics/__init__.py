"""Metric extraction: numeric observations ("1.33 million jobs" -> jobs = 1330000) from text.

``observations.py`` ties a number to a metric's term and a period; ``amounts.py`` reads the
numbers (``numerals.py`` the Chinese ones), ``periods.py`` (with ``period_forms.py``) the
periods, ``terms.py`` the metric terms and ``text.py`` normalises and segments the text they all
work on. ``tags.py`` says what a figure is about (entity and region, found by ``entities.py``)
and how sure and how counted it is (status and basis, from the cue words of ``cues.py``).
"""

from __future__ import annotations

from crawler.metrics.entities import EntityDefinition, EntityFinder, finder_for
from crawler.metrics.observations import MetricDefinition, Observation, extract_observations

__all__ = [
    "EntityDefinition",
    "EntityFinder",
    "MetricDefinition",
    "Observation",
    "extract_observations",
    "finder_for",
]
