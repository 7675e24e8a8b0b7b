"""Find the entities of the catalogue (platforms, companies, regulators, regions) in text.

Names match like metric terms (see ``terms.py``): English case-blind on word boundaries,
Chinese as written after normalisation; where names overlap the longest wins, so
中国网络视听协会 is the association, not the region 中国.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Protocol

from crawler.metrics.terms import Term, TermMatcher, find_each, matcher_for
from crawler.metrics.text import Words, maker, normalize, read_words

# Kinds that can be what a figure is about; data firms and associations are only its source.
SUBJECT_KINDS = frozenset({"platform", "app", "company", "regulator"})
# Regions that are not a province or city of their own: 本市, "the city" never mean them.
_WIDE_REGIONS = frozenset({"cn", "overseas", "global"})


class EntityDefinition(Protocol):
    """What the finder needs of a catalogue entry; the config's frozen model fits."""

    @property
    def key(self) -> str:
        """The entity's key, e.g. "reelshort"."""
        ...

    @property
    def kind(self) -> str:
        """platform, app, company, regulator, association, research or region."""
        ...

    @property
    def names(self) -> Sequence[str]:
        """English and Chinese names."""
        ...


class Mention(NamedTuple):
    """One occurrence of an entity's name."""

    start: int
    end: int
    key: str
    role: str  # "subject" or "regulator" (can be a figure's entity), "region" or "source"


_mention = maker(Mention)


class _Entry(NamedTuple):
    key: str
    unit: str  # the matcher's slot for the role
    terms: tuple[str, ...]


@dataclass(frozen=True)
class EntityFinder:
    """The catalogue compiled for look-ups: one matcher over every name."""

    matcher: TermMatcher
    local: frozenset[str] = frozenset()  # provinces and cities: what 本市 or "the city" can be

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Mentions in normalised ``text[start:end]``, in order."""
        return self.find_in(text, [(start, len(text) if end is None else end)])

    def find_in(
        self, text: str, spans: Sequence[tuple[int, int]], like: Words | None = None
    ) -> list[Mention]:
        """Mentions inside ``spans`` of normalised ``text``, in order (``like``: words read
        earlier from the same text, whose lower-cased text is reused)."""
        words = read_words(text, spans, like)
        return self.mentions(find_each((self.matcher,), text, spans, words)[0])

    def mentions(self, names: Sequence[Term]) -> list[Mention]:
        """The mentions of the names this finder's matcher found."""
        keys, roles = self.matcher.keys, self.matcher.units
        return [_mention((t.start, t.end, keys[t.metric], roles[t.metric])) for t in names]

    def count(self, text: str) -> dict[str, int]:
        """How often each entity is named in ``text`` (any text: it is normalised here)."""
        return dict(Counter(mention.key for mention in self.find(normalize(text))))


def _role(kind: str) -> str:
    if kind in ("region", "regulator"):
        return kind
    return "subject" if kind in SUBJECT_KINDS else "source"


def finder_for(entities: Sequence[EntityDefinition]) -> EntityFinder | None:
    """The finder of ``entities`` (None for an empty catalogue), built once per set."""
    if not entities:
        return None
    # The crawl passes the same catalogue object for every page: skip even its signature.
    last = _LAST.get("entities")
    if last is not None and last[0] is entities:
        return last[1]
    finder = _build(
        tuple((e.key, _role(e.kind), tuple(e.names)) for e in entities), _local(entities)
    )
    _LAST["entities"] = (entities, finder)
    return finder


_LAST: dict[str, tuple[Sequence[EntityDefinition], EntityFinder]] = {}


def _local(entities: Sequence[EntityDefinition]) -> frozenset[str]:
    """Regions inside a country: not the wide ones, nor a country abroad."""
    return frozenset(
        e.key
        for e in entities
        if e.kind == "region"
        and e.key not in _WIDE_REGIONS
        and getattr(e, "parent", None) not in (None, "overseas", "global")
    )


@lru_cache(maxsize=8)
def _build(
    signature: tuple[tuple[str, str, tuple[str, ...]], ...], local: frozenset[str]
) -> EntityFinder:
    return EntityFinder(matcher_for([_Entry(*entry) for entry in signature]), local)
