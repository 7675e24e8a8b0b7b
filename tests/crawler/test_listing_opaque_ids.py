"""Story URLs named by a generated key (letters and digits mixed) look like articles."""

from __future__ import annotations

from crawler.spiders.links.features import has_opaque_id, url_looks_like_article

BASE = "https://news.example/news"


def test_a_generated_key_marks_an_article_url() -> None:
    assert url_looks_like_article("https://news.example/news/videos/c5yr734zml3o", BASE)
    assert url_looks_like_article("https://news.example/watch/dQw4w9WgXcQ", BASE)


def test_names_with_a_number_are_no_keys() -> None:
    for path in ("/category/electronics2024", "/codecs/h264", "/p/abcdefghij1", "/news/world"):
        assert not has_opaque_id(path)
    assert not url_looks_like_article("https://news.example/category/electronics2024", BASE)
