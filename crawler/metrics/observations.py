"""Numeric metric observations from article text ("1.33 million jobs" -> jobs = 1330000).

Each number linked to a metric's term is one observation, with its unit (its own currency or
unit words, else the metric's), its period and what it is about; repeats are dropped.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, Protocol

from crawler.metrics.amounts import CURRENCIES, Amount
from crawler.metrics.document import Document, Place, build_document
from crawler.metrics.entities import EntityDefinition, Mention, finder_for
from crawler.metrics.linking import choose_period, choose_term
from crawler.metrics.tags import TERM_REGION, Tagger
from crawler.metrics.terms import Term, TermMatcher, matcher_for

if TYPE_CHECKING:
    from datetime import date

__all__ = ["MetricDefinition", "Observation", "extract_observations"]


class MetricDefinition(Protocol):
    """What the extractor needs of a metric; the config's frozen pydantic model fits."""

    # Read-only properties so that frozen models and dataclasses satisfy the protocol.
    @property
    def key(self) -> str:
        """The metric's identifier, e.g. "market_value"."""
        ...

    @property
    def terms(self) -> Sequence[str]:
        """English and Chinese words that name the metric in a sentence."""
        ...

    @property
    def unit(self) -> str:
        """The unit of a number that carries none of its own (CNY, USD, count, percent ...)."""
        ...


@dataclass(frozen=True)
class Observation:
    """One figure for one metric, in base units, with the sentence it came from."""

    metric: str
    value: float
    unit: str
    period: str | None
    qualifier: str | None
    quote: str
    raw: str
    kind: str = "level"  # "level" or "change" (growth rates, multiples, percentage points)
    entity: str | None = None  # the platform, company or regulator it is about; None: sector
    region: str | None = None  # cn, overseas, global, a province or city; None: unstated
    status: str = "actual"  # actual | forecast | target
    basis: str = "period"  # period | cumulative (a running total)


# fmt: off
def _observation(
    metric: str, value: float, unit: str, period: str | None, qualifier: str | None, quote: str,
    raw: str, kind: str, entity: str | None, region: str | None, status: str, basis: str,
) -> Observation:
    """An Observation made without the frozen dataclass's one ``object.__setattr__`` call per
    field: its attribute dictionary is set at once (equal, hashed and pickled alike)."""
    made = object.__new__(Observation)
    object.__setattr__(made, "__dict__", {
        "metric": metric, "value": value, "unit": unit, "period": period,
        "qualifier": qualifier, "quote": quote, "raw": raw, "kind": kind, "entity": entity,
        "region": region, "status": status, "basis": basis,
    })
    return made
# fmt: on


def extract_observations(
    text: str,
    definitions: Sequence[MetricDefinition],
    *,
    published_at: date | None = None,
    entities: Sequence[EntityDefinition] = (),
    title: str | None = None,
    region: str | None = None,
) -> list[Observation]:
    """Every metric observation in ``text``, once per (metric, value, period, tags), in text
    order; with an entity catalogue, tagged with the entity and region it is about (``title``:
    the headline, where 本市 or "the city" may find the city it means; ``region``: the city or
    province of the source, what 本市 means when neither text nor title names one)."""
    if not text or not definitions:
        return []
    matcher, finder = matcher_for(definitions), finder_for(entities)
    doc = build_document(text, matcher, finder, published_at.year if published_at else None)
    mentions = _term_regions(doc) if finder is not None else []
    names = (finder, mentions, title, region)
    tagger = Tagger(doc.text, doc.segments, doc.amounts, (doc.spans, doc.words), names)
    # Each stage runs over every number before the next starts: one tight loop per stage keeps
    # its code and tables in the processor's caches (number by number was about 10% slower).
    places = [Place.of(doc.segments, amount.start) for amount in doc.amounts]
    terms = [choose_term(doc, matcher, *pair) for pair in zip(doc.amounts, places, strict=True)]
    linked = [
        _Linked(index, amount, place, term)
        for index, (amount, place, term) in enumerate(zip(doc.amounts, places, terms, strict=True))
        if term is not None
    ]
    doc.read_periods(sorted({link.place.sentence for link in linked}))
    periods = [choose_period(doc, link.amount, link.place, tagger) for link in linked]
    abouts = [tagger.about(link.amount, link.place, link.term[:2]) for link in linked]
    return _observations(text, matcher, tagger, linked, periods, abouts)


class _Linked(NamedTuple):
    """A number linked to a metric's term, and where it sits."""

    ordinal: int  # its index among the amounts
    amount: Amount
    place: Place
    term: Term


def _observations(
    text: str,
    matcher: TermMatcher,
    tagger: Tagger,
    linked: list[_Linked],
    periods: list[str | None],
    abouts: list[tuple[str | None, str | None]],
) -> list[Observation]:
    """The observations of the linked numbers, tagged in text order, repeats left out."""
    observations: list[Observation] = []
    seen: set[tuple[object, ...]] = set()
    for (index, amount, place, term), period, about in zip(linked, periods, abouts, strict=True):
        metric, unit = matcher.keys[term.metric], amount.unit or matcher.units[term.metric]
        tags = tagger.tag(index, place, about, unit in CURRENCIES, period)
        key = (metric, amount.value, period, tags)
        if tags is None or key in seen:
            continue
        seen.add(key)
        observations.append(
            _observation(
                metric, amount.value, unit, period, amount.qualifier,
                text[place.sentence_start : place.sentence_end].strip(),
                text[amount.start : amount.end].strip(), amount.kind, *tags,
            )
        )  # fmt: skip
    return observations


def _term_regions(doc: Document) -> list[Mention]:
    """The mentions, a region inside a metric's term ("overseas revenue", 海外收入) marked as
    that term's own: it is the region of that term's figures and of no other."""
    found = []
    for mention in doc.mentions:
        if mention.role == "region":
            index = bisect.bisect_right(doc.term_starts, mention.start) - 1
            if index >= 0 and doc.terms[index].end >= mention.end:
                mention = mention._replace(role=TERM_REGION)
        found.append(mention)
    return found
