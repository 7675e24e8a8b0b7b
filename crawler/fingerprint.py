"""Near-duplicate fingerprints: text normalisation, shingles, MinHash signatures and LSH bands.

These are pure functions; ``storage`` keeps one row per (band index, band hash) in an indexed
table, looks up candidates with one query, and confirms each with ``is_near_duplicate``.
``group_stories`` is the in-memory reference of that procedure.

Parameters, chosen from measurements on the labelled set in ``tests/fixtures/stories`` (41
articles, 14 stories, English and Chinese; see ``tests/test_fingerprint.py``):

- Shingles: word 2-grams for Latin runs, character 4-grams for CJK runs. Exact Jaccard of the
  weakest true copy (the spun "Loopy Maple Studio" AP story) is 0.39 with word 2-grams but 0.27
  with 3-grams; the strongest distinct pair (two NRTA notices sharing the standard header and
  footer) is 0.25 with 4-grams and 0.27 with 3-grams. Every other copy has a same-story match
  at 0.74 or more (the Traditional spam mirror with junk lines: 0.90); other distinct English
  pairs score 0.07 or less. Adding unigrams raised the spun copy to 0.44 but unrelated English
  pairs to 0.13, so more unrelated articles would become LSH candidates.
- 192 permutations in 64 bands of 3 rows. 128 in 32x4 made the spun copy an LSH candidate for
  only 53% of seeds; 64x2 makes even J=0.10 pairs candidates 47% of the time, which would turn
  the indexed lookup into a scan. 64x3 puts the S-curve midpoint near 0.25: P(candidate) is
  0.98 at J=0.39 and 0.06 at J=0.10. The estimate's standard error near J=0.3 is 0.033 with 192
  permutations (0.04 with 128), which the 0.25/0.39 gap needs.
- ``DEFAULT_THRESHOLD = 0.32``, midway between 0.25 and 0.39. Pairwise precision/recall of
  ``group_stories`` on the labelled set (fixed seed, then the mean and minimum over 40 other
  seeds, which shows how close each threshold is to an edge):

  ======  ===========  ===========  ===========
  thresh  fixed seed   mean (40)    min (40)
  ======  ===========  ===========  ===========
  0.20    1.00 / 1.00  0.87 / 1.00  0.79 / 0.92
  0.25    1.00 / 1.00  0.91 / 1.00  0.80 / 0.92
  0.30    1.00 / 1.00  0.99 / 1.00  0.80 / 0.92
  0.32    1.00 / 1.00  1.00 / 1.00  1.00 / 0.92
  0.35    1.00 / 1.00  1.00 / 0.99  1.00 / 0.92
  0.40    1.00 / 0.92  1.00 / 0.95  1.00 / 0.92
  0.50    1.00 / 0.92  1.00 / 0.92  1.00 / 0.92
  ======  ===========  ===========  ===========

  Precision 0.80 means the two NRTA notices merged; recall 0.92 means the spun copy was missed.
  A stored signature is only comparable with one made by the same ``FINGERPRINT_VERSION``.
"""

from __future__ import annotations

import hashlib
import logging
import re
import struct
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rensa import RMinHash

from storage.cjk import CJK_LETTERS, fold_chinese, has_traditional

logger = logging.getLogger(__name__)

NUM_PERM = 192
NUM_BANDS = 64
SEED = 20251207  # fixed: signatures must match across processes, machines and releases
LATIN_SHINGLE = 2  # words per shingle in Latin-script runs
CJK_SHINGLE = 4  # characters per shingle in CJK runs
DEFAULT_THRESHOLD = 0.32
# Changes whenever a stored signature would change: store it next to the signatures.
FINGERPRINT_VERSION = (
    f"rensa-rminhash{RMinHash.ALGORITHM_VERSION}-seed{SEED}"
    f"-w{LATIN_SHINGLE}-c{CJK_SHINGLE}-p{NUM_PERM}"
)
_EMPTY = 0xFFFFFFFF  # RMinHash's value for a permutation that saw no token

_MASK63 = (1 << 63) - 1
_TOKEN = re.compile(rf"(?P<cjk>[{CJK_LETTERS}]+)|(?P<word>[^\W{CJK_LETTERS}]+)")
# Zero-width and soft-hyphen characters are deleted (spam mirrors hide them inside words);
# "." and "," between digits are deleted so "50.44" and "1,365,004" stay one token; anything
# else that is not a letter or digit (punctuation, symbols, "_") becomes a separator.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_NUMBER_SEP = re.compile(r"(?<=\d)[.,](?=\d)")
_NON_WORD = re.compile(r"[^\w\s]|_")


@dataclass(frozen=True)
class Fingerprint:
    """A MinHash signature plus its LSH band hashes (none for a text without shingles)."""

    hashvalues: tuple[int, ...]
    bands: tuple[int, ...]

    def similarity(self, other: Fingerprint) -> float:
        """Estimate the Jaccard similarity of the two shingle sets from the signatures."""
        if len(self.hashvalues) != len(other.hashvalues):
            raise ValueError(
                f"signatures differ in length: {len(self.hashvalues)} vs {len(other.hashvalues)}"
            )
        if self.is_empty or other.is_empty:
            return 0.0
        same = sum(a == b for a, b in zip(self.hashvalues, other.hashvalues, strict=True))
        return same / len(self.hashvalues)

    @property
    def is_empty(self) -> bool:
        """Tell whether the text had no shingles (such a signature matches nothing)."""
        return all(value == _EMPTY for value in self.hashvalues)


def _fold_traditional(text: str) -> str:
    """Fold to Simplified only texts holding a Traditional character (as stored signatures did)."""
    return fold_chinese(text) if has_traditional(text) else text


def normalize_text(text: str) -> str:
    """NFKC, fold Traditional to Simplified, lower-case, drop punctuation, collapse spaces."""
    text = _fold_traditional(unicodedata.normalize("NFKC", text))
    text = _INVISIBLE.sub("", text.lower())
    text = _NON_WORD.sub(" ", _NUMBER_SEP.sub("", text))
    return " ".join(text.split())


def content_hash(text: str) -> str:
    """Return the sha256 hex digest of the normalised text (exact-duplicate key)."""
    return _hash_normalized(normalize_text(text))


def _hash_normalized(normalized: str) -> str:
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def shingles(text: str) -> list[str]:
    """Word shingles for Latin runs and character n-grams for CJK runs, in text order."""
    return _shingles_normalized(normalize_text(text))


def _shingles_normalized(normalized: str) -> list[str]:
    out: list[str] = []
    for kind, run in _runs(normalized):
        if kind == "cjk":
            out.extend(_ngrams(run, CJK_SHINGLE, ""))
        else:
            out.extend(_ngrams(run, LATIN_SHINGLE, " "))
    return out


def _runs(normalized: str) -> list[tuple[str, list[str]]]:
    """Split normalised text into runs: ("cjk", characters) and ("word", words)."""
    runs: list[tuple[str, list[str]]] = []
    for match in _TOKEN.finditer(normalized):
        kind = match.lastgroup or "word"
        tokens = list(match.group()) if kind == "cjk" else [match.group()]
        if runs and runs[-1][0] == kind:
            runs[-1][1].extend(tokens)
        else:
            runs.append((kind, tokens))
    return runs


def _ngrams(tokens: list[str], n: int, sep: str) -> list[str]:
    """Return the n-grams of ``tokens`` (the whole run when it is shorter than n)."""
    if len(tokens) <= n:
        return [sep.join(tokens)]
    return [sep.join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def fingerprint(text: str, *, num_perm: int = NUM_PERM, bands: int = NUM_BANDS) -> Fingerprint:
    """Compute the MinHash signature (rensa ``RMinHash``, fixed seed) and LSH bands of text."""
    return _fingerprint_normalized(normalize_text(text), num_perm, bands)


def _fingerprint_normalized(normalized: str, num_perm: int, bands: int) -> Fingerprint:
    minhash = RMinHash(num_perm=num_perm, seed=SEED)
    minhash.update(_shingles_normalized(normalized))
    return _from_hashvalues(tuple(minhash.digest()), bands)


@dataclass(frozen=True)
class TextIdentity:
    """What the store needs to recognise copies of a text."""

    content_hash: str  # exact copies
    signature: bytes  # packed MinHash signature, to verify near-duplicate candidates
    bands: tuple[int, ...]  # LSH band hashes, to find the candidates


def identify(text: str) -> TextIdentity:
    """Content hash, signature and bands of ``text``, normalising it once."""
    normalized = normalize_text(text)
    fp = _fingerprint_normalized(normalized, NUM_PERM, NUM_BANDS)
    return TextIdentity(_hash_normalized(normalized), signature_bytes(fp), fp.bands)


def band_hashes(hashvalues: Sequence[int], bands: int = NUM_BANDS) -> tuple[int, ...]:
    """Hash each of ``bands`` equal slices of a signature to a non-negative 63-bit integer."""
    if bands <= 0 or len(hashvalues) % bands:
        raise ValueError(f"{len(hashvalues)} hash values cannot be split into {bands} bands")
    rows = len(hashvalues) // bands
    return tuple(_band_hash(i, hashvalues[i * rows : (i + 1) * rows]) for i in range(bands))


def _band_hash(index: int, rows: Sequence[int]) -> int:
    """Hash one band; the band index is part of the input so bands never share values."""
    data = struct.pack(f"<H{len(rows)}I", index, *rows)
    digest = hashlib.blake2b(data, digest_size=8, person=b"dramawatch-lsh").digest()
    return int.from_bytes(digest, "little") & _MASK63


def _from_hashvalues(hashvalues: tuple[int, ...], bands: int) -> Fingerprint:
    """Build a Fingerprint from a signature; an empty text gets no bands, so no candidates."""
    if all(value == _EMPTY for value in hashvalues):
        band_hashes(hashvalues, bands)  # same validation as for a real signature
        return Fingerprint(hashvalues=hashvalues, bands=())
    return Fingerprint(hashvalues=hashvalues, bands=band_hashes(hashvalues, bands))


def signature_bytes(fp: Fingerprint) -> bytes:
    """Pack the signature as little-endian uint32s (768 bytes for 192 permutations)."""
    return struct.pack(f"<{len(fp.hashvalues)}I", *fp.hashvalues)


def fingerprint_from_bytes(data: bytes, *, bands: int = NUM_BANDS) -> Fingerprint:
    """Rebuild a Fingerprint (bands recomputed) from ``signature_bytes`` output."""
    if len(data) % 4:
        raise ValueError(f"signature blob length {len(data)} is not a multiple of 4")
    return _from_hashvalues(struct.unpack(f"<{len(data) // 4}I", data), bands)


def is_near_duplicate(a: Fingerprint, b: Fingerprint, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """Confirm an LSH candidate: estimated Jaccard similarity at or above ``threshold``."""
    return a.similarity(b) >= threshold


def group_stories(
    fingerprints: Sequence[Fingerprint], threshold: float = DEFAULT_THRESHOLD
) -> list[int]:
    """Assign each fingerprint, in order, the story of its earliest confirmed LSH match.

    A story is numbered by the index of its first article. This mirrors the database: look up
    earlier articles sharing any band, verify them, join the earliest matching story, or start
    a new one.
    """
    index: dict[int, list[int]] = defaultdict(list)  # band hash -> articles, like story_band
    stories: list[int] = []
    for i, fp in enumerate(fingerprints):
        candidates = {j for band in fp.bands for j in index.get(band, ())}
        matches = [
            stories[j] for j in candidates if is_near_duplicate(fp, fingerprints[j], threshold)
        ]
        stories.append(min(matches, default=i))
        for band in fp.bands:
            index[band].append(i)
    return stories


def signatures_match(a: bytes, b: bytes, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """``is_near_duplicate`` on two stored signatures, without rebuilding their bands.

    This is the store's verification of every LSH candidate (up to 50 per new article), so
    it compares the packed values as two big integers: XOR them, fold each 32-bit lane's bits
    into its lowest bit, and count the lanes left non-zero. An empty signature (all
    0xFFFFFFFF) matches nothing.
    """
    if len(a) != len(b) or len(a) % 4 or not a:
        return False
    if a == _empty_signature(len(a)) or b == _empty_signature(len(b)):
        return False
    lanes = len(a) // 4
    diff = int.from_bytes(a, "little") ^ int.from_bytes(b, "little")
    for shift in (16, 8, 4, 2, 1):  # bit 0 of each lane ORs in all 32 bits of its lane
        diff |= diff >> shift
    different = (diff & _lane_low_bits(lanes)).bit_count()
    return (lanes - different) / lanes >= threshold


@lru_cache(maxsize=4)
def _empty_signature(size: int) -> bytes:
    return b"\xff" * size


@lru_cache(maxsize=4)
def _lane_low_bits(lanes: int) -> int:
    """An integer with bit 0 of every 32-bit lane set."""
    return int.from_bytes(b"\x01\x00\x00\x00" * lanes, "little")
