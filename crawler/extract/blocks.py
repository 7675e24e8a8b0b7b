"""Source-level boilerplate: fingerprints of text blocks, and dropping the ones a source repeats.

A monitor fetches many pages of each source, so a block of text that recurs on several of them
(a reader hotline, a download prompt, a column's slogan, a disclaimer) is the source's chrome.
The store counts, per source, on how many pages each block fingerprint was seen; extraction gets
the repeated ones and drops those blocks. A block holding a large share of the page's text is
the article's own and always stays, and the text is never emptied.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from crawler.extract.meta import squash

_OWN_SHARE = 0.3  # a block with this share of the page's text is the article's own
# A block's text is squashed to find it in the page, to match it, to place it and to fingerprint
# it: once is enough.
block_key = lru_cache(maxsize=4096)(squash)


def fingerprint(block: str) -> int:
    """Signed 64-bit fingerprint of a block, insensitive to case, spacing and punctuation."""
    return _hash(squash(block))


def block_fingerprints(blocks: Iterable[str]) -> frozenset[int]:
    """Fingerprints of the blocks that hold any word (each block squashed once)."""
    return frozenset(_hash(key) for b in blocks if (key := block_key(b)))


def _hash(key: str) -> int:
    """The fingerprint of a block's text without spacing and punctuation."""
    digest = hashlib.blake2b(key.lower().encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def drop_repeated(blocks: list[str], repeated: frozenset[int]) -> list[str]:
    """The blocks less those the source repeats (never the article's own, never all)."""
    if not repeated:
        return blocks
    total = sum(map(len, blocks))
    kept = [b for b in blocks if len(b) >= _OWN_SHARE * total or fingerprint(b) not in repeated]
    return kept or blocks
