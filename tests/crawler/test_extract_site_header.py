"""The tag line of the site's header above the article is no article text."""

from __future__ import annotations

from crawler.extract import extract_article

_BODY = (
    "I promised in September that I would try every short drama app in the store at least "
    "once.<br><br>Ten of them later, here they are, worst to best, with prices.<br><br>"
    "Next month I am going to try the free, ad-supported ones. Wish me luck."
)


def _page(header: str) -> str:
    return (
        "<html><head><title>Blog: Ten apps I tried</title></head><body>"
        f"<header>{header}</header><div class='post'><h3 class='post-title'>Ten apps I tried"
        f"</h3><div class='post-body'>{_BODY}</div></div></body></html>"
    )


def test_a_blogs_tag_line_beside_its_home_link_is_dropped() -> None:
    home = '<h1><a href="https://blog.example/">Blog</a></h1>'
    header = f"{home}<p>One viewer, many cliffhangers.</p>"
    text = extract_article(_page(header), "https://blog.example/2026/10/ten-apps.html").text
    assert "Next month I am going to try" in text
    assert "One viewer, many cliffhangers." not in text


def test_a_page_named_for_its_header_layout_keeps_its_paragraphs() -> None:
    html = _page("").replace("<body>", '<body class="single header-minify">')
    html = html.replace("<header></header>", "").replace(
        "<div class='post'>", "<div class='post'><p>A standfirst paragraph of the post.</p>"
    )
    text = extract_article(html, "https://blog.example/2026/10/ten-apps.html").text
    assert "A standfirst paragraph of the post." in text


def test_a_long_paragraph_in_a_header_is_prose_and_stays() -> None:
    home = '<h1><a href="https://blog.example/">Blog</a></h1>'
    intro = (
        "This week I finally sat down with every short drama app on my phone and kept a diary of "
        "what each one charged me, how often it asked for coins, and which stories kept me up."
    )
    text = extract_article(_page(f"{home}<p>{intro}</p>"), "https://blog.example/2026/10/x.html")
    assert "kept a diary of what each one charged me" in text.text


def test_an_alert_bar_above_the_sites_header_is_dropped() -> None:
    bar = (
        '<div class="site-alert"><p><strong>Scam Alert:</strong> Our office will never call you '
        'to demand payment. <a href="/scams">Learn more about current scams</a></p></div>'
    )
    home = '<a href="https://blog.example/">Blog</a>'
    html = _page(home).replace("<body>", f"<body>{bar}")
    text = extract_article(html, "https://blog.example/2026/10/ten-apps.html").text
    assert "Next month I am going to try" in text
    assert "Scam Alert" not in text


def test_the_sites_today_line_is_no_publication_date() -> None:
    home = '<a href="https://blog.example/">Blog</a>'
    today = '<div class="topline"><span class="today">Monday, December 7, 2026</span></div>'
    html = _page(home).replace("<header>", f"{today}<header>")
    assert extract_article(html, "https://blog.example/ten-apps.html").published_at is None
