"""Item pipelines, in order: extract -> topic -> dedupe -> metrics -> store."""

from __future__ import annotations
