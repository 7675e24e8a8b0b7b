"""Item pipelines, in order: extract -> topic -> canonical URL -> store.

The store's one transaction per article also groups copies into stories (content hash and
MinHash from extraction) and saves the metric observations found in the text.
"""

from __future__ import annotations
