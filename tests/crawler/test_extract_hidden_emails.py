"""Hidden addresses: the "[email protected]" placeholder of a protected address is no text."""

from __future__ import annotations

from crawler.extract import extract_article

BODY = "".join(
    f"<p>{p}</p>"
    for p in (
        "South Korean drama producers are turning to vertical series as costs rise sharply.",
        "According to the content agency, drama output for television fell 20 percent.",
        "Some agencies remain wary of the format, worrying that it could hurt their image.",
    )
)


def test_a_protected_address_placeholder_goes_and_the_byline_stays() -> None:
    byline = (
        '<p>By Lee Jin-hee (<a href="/cdn-cgi/l/email-protection" class="__cf_email__"'
        ' data-cfemail="0a6b">[email&#160;protected]</a>)</p>'
    )
    html = f"<html><body><article><h1>Producers turn to vertical</h1>{BODY}{byline}</article>"
    text = extract_article(f"{html}</body></html>", "https://herald.example/article/2").text
    assert "protected]" not in text
    assert "Some agencies remain wary" in text
