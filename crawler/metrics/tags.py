"""Tag a figure with what it is about: entity, region, status (actual, forecast, target), basis.

The entity is the subject of the figure's clause ("ReelShort's monthly users", "红果短剧月活"),
else of its sentence when the clause names none and is not about a market or a region, else of
the previous sentence when the sentence opens with "It", "The company", 该平台. The region is
the clause's nearest, else the sentence's when the clause has no subject of its own. Status and
basis come from cue words (``cues.py``) between the previous number of the sentence and this
one; a figure with none keeps the status of the figure before it in the sentence
("预计…将达677.9亿元，同比增长34.4%": both forecasts).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cached_property
from typing import NamedTuple, Protocol

from crawler.metrics.cues import AS_OF_RE, BASE_RE, PLANNED, Cues, find_cues
from crawler.metrics.entities import EntityFinder, Mention
from crawler.metrics.local import local_mentions
from crawler.metrics.text import Segments, Words, maker

# Between a company and its figure, these mean the figure is a market's, not the company's
# (looked up word by word: a regex of them costs more than the rest of the tagging).
_SECTOR_WORDS = frozenset("market markets industry sector all overall whole".split())
# Every sector word holds one of these: without them, no word needs reading.
_SECTOR_STEMS = re.compile("market|industry|sector|all|whole")
_SECTOR_CJK = re.compile("市场|行业|产业|整体|所有")
_WORD = re.compile(r"[a-z]+")
# A regulator followed by these reports the figure ("The NRTA said platforms removed ...");
# a company that says so speaks of itself.
_ATTRIBUTION = re.compile(r"\s*(?:(?i:said|says|told|reported|reports|data)\b|表示|称|数据|介绍)")
# "ByteDance's Hongguo", 字节跳动旗下的红果短剧: the second name is the subject.
_OWNER = re.compile(r"(?:['’]s\s[^,，;；。]{0,40}?|旗下的?[^,，;；。]{0,20}?|的)")
# "the nation's users": a subject of the clause's own ("the company's" points back instead).
_POSSESSIVE = re.compile(
    r"\b(?:the|a|an)\s+(?!(?:app|company|platform|studio|firm|group)\b)[\w-]+['’]s\b",
    re.IGNORECASE,
)
_SUBJECTS = frozenset({"subject", "regulator"})
# Only separators between two names: they share the figure ("ReelShort and DramaBox earned").
_JOINED = re.compile(r"\s*(?:,|&|(?i:and)\b|、|和|与|及|以及)\s*")
# Lower case too: a sentence may open after a semicolon ("…; the company expects …").
_PRONOUN = re.compile(
    r"\s*(?:(?:[Ii]ts?|[Tt]he (?:app|company|platform|studio|firm|group))\b"
    r"|该(?:平台|公司|应用)|其)"
)
_MONTH_PERIOD = re.compile(r"\d{4}-\d{2}$")
_PART_OF_YEAR = ("-H", "-Q")
# Status cues before the number, in this order of precedence.
_STATUS = {"target": "target", "forecast": "forecast", "year": "target", "future": "forecast"}
ACTUAL, PERIOD = "actual", "period"
TERM_REGION = "term_region"  # the role of a region named inside a metric's term


class Tags(NamedTuple):
    """What a figure is about, how sure it is and how it is counted."""

    entity: str | None = None
    region: str | None = None
    status: str = ACTUAL
    basis: str = PERIOD


_tags = maker(Tags)


class Place(Protocol):
    """Where a number sits (the extractor's place of a number fits)."""

    @property
    def sentence(self) -> int: ...
    @property
    def sentence_start(self) -> int: ...
    @property
    def sentence_end(self) -> int: ...
    @property
    def clause_start(self) -> int: ...
    @property
    def clause_end(self) -> int: ...


class _Located(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class Tagger:
    """Tags the figures of one normalised text, in text order."""

    def __init__(
        self,
        text: str,
        segments: Segments,
        amounts: Sequence[_Located],
        spans: tuple[Sequence[tuple[int, int]], Words],
        names: tuple[EntityFinder | None, list[Mention], str | None, str | None],
    ) -> None:
        self.text, self.segments, self.amounts = text, segments, amounts
        self.spans, self.words = spans  # the sentences that hold numbers, and their words
        # The catalogue, its names in ``spans``, the title and the source's region (for 本市:
        # see ``local.py``).
        self.finder, self._mentions, self.title, self.region = names
        self._read = self._mentions  # the names read in ``spans`` (local references come later)
        self._mention_starts: list[int] | None = None  # set once local references are read
        # Where the regions named inside a metric's term start (most sentences hold none).
        self._term_regions = [m.start for m in self._mentions if m.role == TERM_REGION]
        self._previous: tuple[int, Tags] | None = None  # (sentence, tags) of the last figure
        self._subjects: dict[int, str | None] = {}  # first subject by sentence, once read

    def tag(
        self,
        index: int,
        place: Place,
        about: tuple[str | None, str | None],
        currency: bool,
        period: str | None,
    ) -> Tags | None:
        """The tags of the figure of amount ``index``, about the entity and region ``about``
        (see :meth:`about`; ``currency``: its unit is money); None for the move of a share price
        ("Shares of COL Group rose 5%"), which is no figure."""
        amounts = self.amounts
        amount = amounts[index]
        # The window: from the previous number of the sentence to the next of the clause.
        since = max(amounts[index - 1].end if index else 0, place.sentence_start)
        after_it = amounts[index + 1].start if index + 1 < len(amounts) else place.clause_end
        until = min(after_it, place.clause_end)
        earlier, before, after = self._cues.around(place.sentence_start, since, amount.start, until)
        if "share" in before:
            return None
        last = self._previous
        previous = last[1] if last is not None and last[0] == place.sentence else None
        # Most figures have no cue before them: no look-up then.
        status = (_status(before) if before else None) or (previous.status if previous else None)
        # "…by 2027, up from 50.4 billion yuan in 2024": the base is a fact ("revenue from apps
        # is set to reach": a "from" before the cue is no base).
        if status not in (None, ACTUAL) and self._after_base(since, amount.start):
            status = ACTUAL
        # The first figure of a sentence also reads the words before the numbers ahead of it
        # ("力争用三年时间推出300部…，年度产业规模达到150亿元").
        status = status or (_status(earlier) if earlier else None) or ACTUAL
        as_of = (
            currency
            and period is not None
            and _MONTH_PERIOD.match(period) is not None
            and AS_OF_RE.search(self.text, since, amount.start) is not None
        )
        basis = _basis("cumulative" in before or "cumulative" in after, as_of, period, previous)
        tags = _tags((*about, status, basis))
        self._previous = (place.sentence, tags)
        return tags

    def first_plan(self, start: int, end: int) -> int:
        """The offset of the first target or forecast cue ("plans to", 预计, will ...) in
        [start, end), else ``end``."""
        return self._cues.first_between(start, end, PLANNED)

    def _after_base(self, since: int, number: int) -> bool:
        """True when a comparison base ("from", 较) stands after the last planning cue."""
        cue = self._cues.last_between(since, number, PLANNED)
        return BASE_RE.search(self.text, cue, number) is not None

    @cached_property
    def _cues(self) -> Cues:
        """The cues of the sentences that hold numbers, found on first use."""
        return find_cues(self.text, self.spans, self.words)

    def about(
        self, amount: _Located, place: Place, term: tuple[int, int]
    ) -> tuple[str | None, str | None]:
        """The entity and region of the figure ``amount``, named by the metric term at ``term``
        (none without a catalogue)."""
        if self.finder is None:
            return None, None
        sentence = self._sentence_mentions(place.sentence_start, place.sentence_end)
        if not sentence and not _PRONOUN.match(self.text, place.sentence_start):
            return None, None
        # A region inside the metric's term ("overseas revenue", 海外收入) is the figure's.
        named: list[Mention] = []
        regions = self._term_regions
        if regions and bisect.bisect_left(regions, place.sentence_start) < bisect.bisect_left(
            regions, place.sentence_end
        ):
            named = [m for m in sentence if m.role == TERM_REGION and term[0] <= m.start < term[1]]
            sentence = [m for m in sentence if m.role != TERM_REGION]
        clause = [m for m in sentence if place.clause_start <= m.start < place.clause_end]
        entity, own = self._entity(amount, place, sentence, clause)
        return entity, named[0].key if named else _region(amount, sentence, clause, own)

    def _sentence_mentions(self, start: int, end: int) -> list[Mention]:
        """Mentions in [start, end) of the sentences that hold numbers."""
        starts = self._mention_starts
        if starts is None:
            starts = self._add_local_references()
        return self._mentions[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def _add_local_references(self) -> list[int]:
        """Add 本市 and "the city", as the places they mean, to the mentions; their starts."""
        assert self.finder is not None
        references = self._cues.of_kind("local")
        if references:
            known = (self.spans, self._mentions)
            local = local_mentions(
                self.text, self.finder, self.title, known, references, self.region
            )
            self._mentions = sorted(self._mentions + local)
        self._mention_starts = [m.start for m in self._mentions]
        return self._mention_starts

    def _entity(
        self, amount: _Located, place: Place, sentence: list[Mention], clause: list[Mention]
    ) -> tuple[str | None, bool]:
        """The figure's entity, and whether its own clause names a subject."""
        own = [
            m
            for m in clause
            if m.end <= amount.start
            # A company's name is a subject; only a regulator's needs its words read.
            and (m.role == "subject" or (m.role == "regulator" and self._is_subject(m)))
        ]
        if own:
            return self._own_subject(amount, own), True
        inherited = self._sentence_subject(place, sentence)
        if inherited is None or any(m.role == "region" for m in clause):
            return None, False
        if _is_sector(self.text[place.clause_start : place.clause_end]):
            return None, False
        # "…, and the nation's users hit 662 million": the clause has a subject of its own.
        if _has_possessive(self.text, place.clause_start, amount.start):
            return None, False
        return inherited, False

    def _sentence_subject(self, place: Place, sentence: list[Mention]) -> str | None:
        """The first subject of the sentence before the clause, else, for a sentence opening
        with "It" or 该平台, the previous sentence's."""
        for index, mention in enumerate(sentence):
            if mention.end > place.clause_start:
                break
            if self._is_subject(mention) and not self._owns(mention, sentence, index + 1):
                return mention.key
        # Most sentences open with no pronoun: the look-back is not started for them.
        if not place.sentence or not _PRONOUN.match(self.text, place.sentence_start):
            return None
        return self._antecedent(place.sentence)

    def _own_subject(self, amount: _Located, own: list[Mention]) -> str | None:
        """The clause's nearest name before the number, unless names share the figure or a
        market stands between the name and the number."""
        last = own[-1]
        if _is_sector(self.text[last.end : amount.start]):
            return None
        shared = len(own) > 1 and own[-2].key != last.key
        if shared and _JOINED.fullmatch(self.text, own[-2].end, last.start):
            return None
        return last.key

    def _antecedent(self, sentence: int) -> str | None:
        """For a sentence opening with "It", 该平台 or 其, the subject of the nearest earlier
        sentence that names one, through at most two more such sentences."""
        for earlier in range(sentence - 1, max(-1, sentence - 4), -1):
            if not _PRONOUN.match(self.text, self.segments.sentence_span(earlier + 1)[0]):
                return None
            subject = self._first_subject(earlier)
            if subject is not None:
                return subject
        return None

    def _first_subject(self, sentence: int) -> str | None:
        """The first subject named in sentence ``sentence`` (read once per sentence)."""
        if sentence not in self._subjects:
            self._subjects[sentence] = self._read_first_subject(sentence)
        return self._subjects[sentence]

    def _read_first_subject(self, sentence: int) -> str | None:
        assert self.finder is not None
        span = self.segments.sentence_span(sentence)
        mentions = self._names_read(*span)
        if mentions is None:
            mentions = self.finder.find_in(self.text, [span], self.words)
        for index, mention in enumerate(mentions):
            if self._is_subject(mention) and not self._owns(mention, mentions, index + 1):
                return mention.key
        return None

    def _names_read(self, start: int, end: int) -> list[Mention] | None:
        """The names in [start, end) as read with the sentences that hold numbers, when they
        hold this stretch and no name crosses its edges (the same names as a reading of the
        stretch alone); None when it must be read on its own."""
        run = bisect.bisect_right(self.spans, (start, len(self.text))) - 1
        if run < 0 or self.spans[run][1] < end:
            return None
        starts = [m.start for m in self._read]
        first = bisect.bisect_left(starts, self.spans[run][0])
        lo, hi = bisect.bisect_left(starts, start, first), bisect.bisect_left(starts, end, first)
        if any(m.end > start for m in self._read[first:lo]):
            return None
        inside = self._read[lo:hi]
        return None if any(m.end > end for m in inside) else inside

    def _is_subject(self, mention: Mention) -> bool:
        """A company, app or platform; a regulator unless it only reports the figure."""
        if mention.role == "regulator":
            return not _ATTRIBUTION.match(self.text, mention.end)
        return mention.role == "subject"

    def _owns(self, mention: Mention, mentions: list[Mention], following: int) -> bool:
        """True for the owner in "ByteDance's Hongguo": the next name, ``mentions[following]``,
        follows its possessive."""
        return following < len(mentions) and bool(
            _OWNER.fullmatch(self.text, mention.end, mentions[following].start)
        )


def _is_sector(text: str) -> bool:
    """True when ``text`` names a market, an industry or "all" of something."""
    if not text.isascii() and _SECTOR_CJK.search(text):
        return True
    lowered = text.lower()
    if not _SECTOR_STEMS.search(lowered):
        return False
    return not _SECTOR_WORDS.isdisjoint(_WORD.findall(lowered))


def _has_possessive(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` holds "the nation's" (an apostrophe is looked for first:
    the case-blind regex is tried at every character)."""
    stretch = text[start:end]
    if "'" not in stretch and "’" not in stretch:
        return False
    return _POSSESSIVE.search(text, start, end) is not None


def _status(cues: Sequence[str]) -> str | None:
    """The status the strongest cue sets, if any."""
    for cue, status in _STATUS.items():
        if cue in cues:
            return status
    return None


def _region(
    amount: _Located, sentence: list[Mention], clause: list[Mention], own_subject: bool
) -> str | None:
    """The region named in the clause nearest the number, else the sentence's, unless the
    clause has a subject of its own."""
    regions = [m for m in clause if m.role == "region"]
    if not regions and not own_subject:
        regions = [m for m in sentence if m.role == "region"]
    if len(regions) < 2:
        return regions[0].key if regions else None
    return min(regions, key=lambda m: _distance(m, amount)).key


def _distance(mention: Mention, amount: _Located) -> int:
    if mention.end <= amount.start:
        return amount.start - mention.end
    return mention.start - amount.end


def _basis(cumulative: bool, as_of: bool, period: str | None, previous: Tags | None) -> str:
    """Cumulative for running totals (``cumulative``: a cue around the number says so); a
    total over a span of months is a period figure."""
    # A total over months, a half or a quarter (2025-01/2025-08, 2025-H1) is that span's figure.
    if period is not None and ("/" in period or period[-3:-1] in _PART_OF_YEAR):
        return PERIOD
    # Money "as of" a month is everything earned until then.
    if cumulative or as_of:
        return "cumulative"
    return previous.basis if previous else PERIOD
