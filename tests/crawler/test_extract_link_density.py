"""The link-density test reading less text gives trafilatura's answers."""

from __future__ import annotations

import random

import pytest
from lxml.html import HtmlElement, fragment_fromstring
from trafilatura import htmlprocessing

from crawler.extract import link_density
from crawler.extract.link_density import faster_density, link_density_test

_TRAFILATURA_TEST = htmlprocessing.link_density_test
_SPACES = (" ", "  ", "\n", "\n\t\t", " \u00a0 ", "\u3000", "")
_WORDS = ("news", "a", "Read", "more", "headline", "story", "国务院", "x" * 40, "2026")


def _text(rng: random.Random, words: int) -> str:
    """Words with runs of whitespace (any kind) between, around them."""
    return "".join(rng.choice(_SPACES) + rng.choice(_WORDS) for _ in range(words))


def _element(rng: random.Random) -> HtmlElement:
    """A block of trafilatura's tree: text and links (short, long, empty), at times an image,
    at times followed by a sibling."""
    tag = rng.choice(("p", "list", "div", "item", "quote"))
    parts = [_text(rng, rng.choice((0, 1, 5, 20, 80)))]
    for _ in range(rng.choice((0, 1, 1, 2, 3, 5, 6, 12))):
        link = _text(rng, rng.choice((0, 1, 2, 3, 8, 30)))
        parts.append(f"<ref>{link}</ref>{_text(rng, rng.choice((0, 1, 4, 60)))}")
    if rng.random() < 0.1:
        parts.append("<graphic/>")
    block = f"<{tag}>{''.join(parts)}</{tag}>"
    sibling = "<p>after</p>" if rng.random() < 0.5 else ""
    return fragment_fromstring(f"<div>{block}{sibling}</div>")[0]


def test_the_answers_are_trafilaturas() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        element = _element(rng)
        for precise in (False, True):
            assert link_density_test(element, precise) == _TRAFILATURA_TEST(element, precise)


@pytest.mark.parametrize("words", [30, 60, 400])
def test_a_long_text_of_spaces_is_measured_whole(words: int) -> None:
    links = "".join(f"<ref>{'link text here ' * 3}</ref>" for _ in range(6))
    block = f"<list>{' ' * 2000}{'w ' * words}{links}</list>"
    element = fragment_fromstring(f"<div>{block}</div>")[0]
    assert link_density_test(element) == _TRAFILATURA_TEST(element)


def test_a_pass_runs_with_it_and_trafilaturas_comes_back() -> None:
    seen = []
    with faster_density():
        seen.append(htmlprocessing.link_density_test)
    assert seen == [link_density_test]
    assert htmlprocessing.link_density_test is _TRAFILATURA_TEST


def test_another_trafilatura_keeps_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(link_density, "_WRITTEN_FOR", "another")
    link_density._swappable.cache_clear()
    try:
        with faster_density():
            assert htmlprocessing.link_density_test is _TRAFILATURA_TEST
    finally:
        link_density._swappable.cache_clear()
