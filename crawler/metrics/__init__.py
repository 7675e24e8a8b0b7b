"""Metric extraction: numeric observations ("1.33 million jobs" -> jobs = 1330000) from text.

``observations.py`` makes the observations of a text indexed by ``document.py``, each number
tied to a metric's term and a period by ``linking.py``; ``amounts.py`` finds the numbers
(``amount_parts.py`` reads one as written, ``numerals.py`` the Chinese ones), ``periods.py``
(with ``period_forms.py``) the periods, ``terms.py`` the metric terms and ``text.py`` normalises
and segments the text they all work on. ``tags.py`` says what a figure is about (entity and
region, found by ``entities.py``) and how sure and how counted it is (status and basis, from
the cue words of ``cues.py``).
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
