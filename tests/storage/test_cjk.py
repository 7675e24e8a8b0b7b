"""The shared CJK character classes: which characters each range takes in."""

from __future__ import annotations

import re

import pytest

from storage.cjk import CJK_BLOCKS, CJK_LETTERS, HAN, HAN_RE, HANGUL, KANA, fold_characters

CLASSES = {
    "HAN": HAN,
    "KANA": KANA,
    "HANGUL": HANGUL,
    "CJK_LETTERS": CJK_LETTERS,
    "CJK_BLOCKS": CJK_BLOCKS,
}
LETTER = {"CJK_LETTERS", "CJK_BLOCKS"}


@pytest.mark.parametrize(
    ("char", "classes"),
    [
        ("短", {"HAN", *LETTER}),  # unified ideograph
        ("\u3400", {"HAN", *LETTER}),  # Extension A
        ("\ufa11", {"HAN", *LETTER}),  # compatibility ideograph (山﨑)
        ("\uf900", {"HAN", *LETTER}),  # compatibility ideograph (Korean hanja)
        ("か", {"KANA", *LETTER}),
        ("カ", {"KANA", *LETTER}),
        ("한", {"HANGUL", "CJK_LETTERS"}),
        ("。", {"CJK_BLOCKS"}),  # CJK punctuation
        ("ㄅ", {"CJK_BLOCKS"}),  # bopomofo
        ("\u4dc0", {"CJK_BLOCKS"}),  # a Yijing hexagram: a symbol between the ideograph blocks
        ("，", {"CJK_BLOCKS"}),  # full-width form
        ("a", set()),
        ("-", set()),
    ],
)
def test_a_character_is_in_the_classes_it_belongs_to(char: str, classes: set[str]) -> None:
    assert {name for name, ranges in CLASSES.items() if re.match(f"[{ranges}]", char)} == classes


def test_han_re_finds_each_ideograph() -> None:
    assert HAN_RE.findall("山﨑カ한A。㐀") == ["山", "﨑", "㐀"]


def test_characters_fold_one_for_one() -> None:
    """Each Traditional character becomes its Simplified one and nothing else moves, so offsets
    found in the folded text hold in the original."""
    text = "版權所有，不得轉載。Copyright 2025"
    folded = fold_characters(text)
    assert folded == "版权所有，不得转载。Copyright 2025"
    assert len(folded) == len(text)
