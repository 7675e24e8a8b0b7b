"""How well a heading on the page agrees with a metadata title (``<title>``, og:title, ...).

A heading that a title starts with agrees most, one the title holds less, and otherwise they
agree by the share of words (characters for CJK) they have in common; a heading that is only a
small part of the title (a section name) agrees by shared words alone.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from crawler.extract.meta import WORD_RE, squash
from crawler.extract.site_name import SEP_RE
from storage.cjk import HAN_RE

if TYPE_CHECKING:
    from collections.abc import Callable

PREFIX_AGREEMENT = 2.0  # agreement of a heading that a metadata title starts with
_MIN_PART = 0.4  # least length ratio for a heading held in a title to count as the title


def agreement(heading: str, title: str) -> float:
    """How well a heading matches a metadata title: 2 and more when the title starts with it
    (or it with the title), 1 and more when one holds the other, else the share of common words
    (characters for CJK); a heading that is a small part of the title only shares words."""
    a, b = _squash_again(heading), _squash_again(title)
    if not a or not b:
        return 0.0
    ratio = min(len(a), len(b)) / max(len(a), len(b))
    if ratio < _MIN_PART:  # a word or two of the title: a section name, not its headline
        return _share(heading, title)
    if a.startswith(b) or b.startswith(a):
        return ratio + PREFIX_AGREEMENT
    if a in b or b in a:
        return ratio + 1
    return _share(heading, title)


def _share(heading: str, title: str) -> float:
    """The share of words (characters for CJK) that heading and title have in common."""
    units_a, units_b = _units(heading), _units(title)
    return len(units_a & units_b) / max(len(units_a | units_b), 1)


@lru_cache(maxsize=256)
def _units(text: str) -> frozenset[str]:
    """Words of the text (characters for CJK), lower case; each title is compared with every
    heading, so its units are kept."""
    if HAN_RE.search(text):
        return frozenset(squash(text))
    return frozenset(WORD_RE.findall(text.lower()))


# Each title is squashed once for every heading it is compared with, each heading once for every
# title: the recent results are kept.
_squash_again = lru_cache(maxsize=256)(squash)


def names_part(heading: str, titles: list[str], substantial: Callable[[str], bool]) -> bool:
    """Tell whether a short Chinese heading agrees with metadata titles that are only names
    (none ``substantial``), none of them the heading itself: an app bar's "平台公告" under
    ``<title>红果短剧平台公告</title>`` names the page's section, not its headline."""
    key = squash(heading)
    return (
        HAN_RE.search(heading) is not None
        and not substantial(heading)
        and not any(substantial(title) or squash(title) == key for title in titles)
    )


def stripped_parts(title: str, kept: str) -> set[str]:
    """The squashed parts, set off by separators, that stripping a site suffix took from
    ``title`` to leave ``kept``, each longer than ``kept``: an issuer's name put before the
    headline ("Acme Corp. - Acme Reports Results") leaves the headline in the suffix."""
    removed = title[len(kept) :] if title.startswith(kept) else ""
    return {squash(part) for part in SEP_RE.split(removed) if len(part) > len(kept)}
