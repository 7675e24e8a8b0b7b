"""The blind kind probe: pages written before the decision code was read, never tuned on.

The figures are a floor: a change that stores more of these listings as articles, or drops one
of these articles, fails here.
"""

from __future__ import annotations

from bench.kind_probe import BLIND_SET, FIXTURES
from tests.support.probes import check_blind_kind_set, check_kind_floor

# Per fold: listings and collections not stored as articles (at least), articles dropped (0).
CAUGHT = {0: 13, 1: 5}


def test_every_blind_page_is_labelled_blind_and_both_languages_and_kinds_are_there() -> None:
    check_blind_kind_set(FIXTURES / BLIND_SET)


def test_no_blind_article_is_dropped_and_the_listings_caught_do_not_fall() -> None:
    check_kind_floor(CAUGHT, FIXTURES / BLIND_SET)
