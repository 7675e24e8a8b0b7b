"""Pieces of a page whose UTF-8 was once read as Latin-1 or cp1252 are read again: the page's
own characters come back, and accented words of a sound text stay as they are."""

from __future__ import annotations

import pytest

from crawler.extract import extract_article
from crawler.extract.mangled import repair_runs

PARAGRAPHS = [
    "The regulator published new rules for short dramas on Monday, officials said in Beijing.",
    "Platforms must review every series before it goes online, the notice says, or face fines.",
    "Studios that miss the deadline lose their licence for a year, according to the document.",
]


@pytest.mark.parametrize(
    ("mangled", "repaired"),
    [
        ("don\u00e2\u0080\u0099t", "don\u2019t"),  # Latin-1: the bytes 0x80-0x9f as controls
        ("isn\u00e2\u20ac\u2122t", "isn\u2019t"),  # cp1252: the same bytes as € and ™
        ("1.\u00c2\u00a0Myth", "1.\u00a0Myth"),
        ("matters\u00e2\u20ac\u201dyour", "matters\u2014your"),
        ("caf\u00c3\u00a9", "caf\u00e9"),
    ],
)
def test_a_mangled_run_is_read_again(mangled: str, repaired: str) -> None:
    assert repair_runs(mangled) == repaired


@pytest.mark.parametrize(
    "text",
    [
        "café–bar",
        "naïve",
        "Größe",
        "São Paulo",
        "Ångström",
        "£5 ±2 °C",
        "the ‘ß’ sign",
        "短剧 监管",
    ],
)
def test_a_sound_text_is_left_alone(text: str) -> None:
    assert repair_runs(text) == text


def test_an_article_with_mangled_pieces_reads_its_own_characters() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    mangled = (
        "<p>Producers say they donâ\u0080\u0099t expect delays, and the rules are clear.</p>"
        "<p>It isn&acirc;&euro;&trade;t the first notice of its kind this year, they add.</p>"
    )
    html = (
        "<html><head><title>New rules for short dramas</title></head><body><article>"
        f"<h1>New rules for short dramas</h1>{body}{mangled}</article></body></html>"
    )
    text = extract_article(html, "https://news.example.com/2025/03/rules.html").text
    assert "don\u2019t expect delays" in text
    assert "isn\u2019t the first notice" in text
    assert "\u00e2" not in text
