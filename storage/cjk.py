"""CJK text: the character classes, the one Traditional->Simplified fold, and the bigram forms
full-text search uses.

Every module that tells CJK characters apart uses the ranges defined here (the Basic
Multilingual Plane's only): ``HAN`` for ideographs, ``CJK_LETTERS`` when Japanese kana and
Korean syllables count too, ``CJK_BLOCKS`` for any character of CJK text, punctuation and
full-width forms included.

Every part of the project that folds Traditional characters does it here, from one set of
OpenCC dictionaries: ``fold_chinese`` (whole texts, phrases included), ``has_traditional``
(the fingerprint's test for whether a text needs folding) and ``character_folds`` (a one-to-one
character table for text whose offsets must not move).

SQLite's unicode61 tokenizer treats a run of Chinese characters as one token and the
trigram tokenizer cannot match two-character words such as 短剧 or 监管. So the indexed
text is rewritten before it reaches FTS5: each run of CJK characters becomes its
overlapping bigrams followed by its last character (微短剧 -> 微短 短剧 剧), with
Traditional characters folded to Simplified. A query term (storage/query.py) becomes the
phrase of its bigrams (短剧 -> "短剧", 微短剧 -> "微短 短剧"), which matches exactly where the term
occurs; a one-character term becomes a prefix query that finds it at any position.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from importlib import resources

from opencc import OpenCC

logger = logging.getLogger(__name__)

# Ranges to put inside a character class: f"[{HAN}]".
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs: Extension A, unified, compatibility
KANA = "\u3040-\u30ff"  # hiragana and katakana
HANGUL = "\uac00-\ud7af"  # Hangul syllables
CJK_LETTERS = f"{HAN}{KANA}{HANGUL}"
# CJK symbols and punctuation through the unified ideographs (kana, bopomofo and Extension A
# included), the compatibility ideographs, and the half- and full-width forms.
CJK_BLOCKS = "\u3000-\u9fff\uf900-\ufaff\uff00-\uffef"
HAN_RE = re.compile(f"[{HAN}]")
_HAN_RUN = re.compile(f"[{HAN}]+")
# Used when OpenCC's character table is not installed: the characters the metric grammar needs.
_FALLBACK_T2S = "萬万億亿個个條条餘余點点約约長长減减計计總总營营場场規规數数戶户與与額额"


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    converter = OpenCC("t2s")
    converter.convert("")  # loads the dictionaries
    return converter


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str] | None:
    """Characters without which t2s cannot change a text (None: unknown, always convert).

    The pure-Python converter costs ~3 ms per 1,000 characters, and Simplified text (nearly
    everything crawled) comes back unchanged. A conversion changes a text only where a
    dictionary key matches, so only where the text holds a character of a single-character
    key, or the first character of a phrase key that holds none (such as 沈默) and changes.
    """
    groups = getattr(_t2s(), "_dict_chain_data", None)
    try:
        dictionaries = [entry for group in groups or () for entry in group]
        mappings = [mapping for _max, _min, mapping in dictionaries]
    except (TypeError, ValueError):
        return None
    singles = {key for mapping in mappings for key in mapping if len(key) == 1}
    if not singles:
        return None
    firsts = {
        key[0]
        for mapping in mappings
        for key, value in mapping.items()
        if len(key) > 1 and not singles.intersection(key) and value.split()[0] != key
    }
    return frozenset(singles | firsts)


def fold_chinese(text: str) -> str:
    """Traditional -> Simplified, leaving everything else unchanged."""
    if not _HAN_RUN.search(text):
        return text
    triggers = _triggers()
    if triggers is not None and triggers.isdisjoint(text):
        return text
    return str(_t2s().convert(text))


def has_traditional(text: str) -> bool:
    """True when a character of ``text`` is Traditional on its own.

    A phrase whose characters are each Simplified (沈默, which folds to 沉默) does not count:
    stored fingerprints fold only texts for which this is true.
    """
    return any(_is_traditional(char) for char in set(HAN_RE.findall(text)))


@lru_cache(maxsize=65536)
def _is_traditional(char: str) -> bool:
    """Tell whether OpenCC changes this character when folding to Simplified."""
    return bool(_t2s().convert(char) != char)


def fold_characters(text: str) -> str:
    """The text with each Traditional character folded to its Simplified one, one for one: its
    length and offsets kept, where :func:`fold_chinese` may rewrite phrases."""
    return text.translate(_character_table())


@lru_cache(maxsize=1)
def _character_table() -> dict[int, str]:
    """:func:`character_folds`, read once."""
    return character_folds()


def character_folds() -> dict[int, str]:
    """OpenCC's Traditional->Simplified single-character table, or a small built-in one."""
    pairs = zip(_FALLBACK_T2S[::2], _FALLBACK_T2S[1::2], strict=True)
    table = {ord(trad): simp for trad, simp in pairs}
    try:
        path = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
        lines = path.read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, OSError) as exc:
        logger.debug("OpenCC table unavailable (%s); using the built-in subset", exc)
        return table
    for line in lines:
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1:
            table[ord(parts[0])] = parts[1]
    return table


def index_text(text: str) -> str:
    """The form of ``text`` stored in the FTS index."""
    return _HAN_RUN.sub(lambda m: f" {_bigrams(m.group(0), trailing=True)} ", fold_chinese(text))


def _bigrams(run: str, *, trailing: bool) -> str:
    grams = [run[i : i + 2] for i in range(len(run) - 1)]
    if trailing or len(run) == 1:
        grams.append(run[-1])
    return " ".join(grams)


def term_tokens(term: str) -> tuple[tuple[str, ...], bool]:
    """The indexed tokens a query term is the phrase of, and whether the last is a prefix."""
    folded = fold_chinese(term)
    if _HAN_RUN.fullmatch(folded) and len(folded) == 1:
        return (folded,), True
    text = _HAN_RUN.sub(lambda m: f" {_bigrams(m.group(0), trailing=False)} ", folded)
    return tuple(re.findall(r"\w+", text)), False
