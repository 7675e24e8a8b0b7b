"""Metric extraction: numeric observations ("1.33 million jobs" -> jobs = 1330000) from text.

``observations.py`` ties a number to a metric's term and a period; ``amounts.py`` reads the
numbers, ``periods.py`` (with ``period_forms.py``) the periods, ``terms.py`` the metric terms and
``text.py`` normalises and segments the text they all work on.
"""

from __future__ import annotations

from crawler.metrics.observations import MetricDefinition, Observation, extract_observations

__all__ = ["MetricDefinition", "Observation", "extract_observations"]
