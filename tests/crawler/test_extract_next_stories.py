"""Stories an endless page appends after its own go; a guide's sections headed by links to
other sites, a listing whose every heading is a link and a box of linked headlines stay."""

from __future__ import annotations

from lxml.html import HtmlElement, document_fromstring

from crawler.extract import extract_article
from crawler.extract.next_stories import drop_next_stories

URL = "https://reeleconomy.example/2026/10/tiktok-minis-brazil/"
OWN = [
    "TikTok has made its first revenue-share payments to Brazilian studios, producers said.",
    "The payments, for August, were the first since the paid section launched there in June.",
    "One producer said her company's best series had earned more than it cost to make.",
]
NEXT = [
    "DramaBox reduced its spending on advertising by about a fifth in the third quarter.",
    "The cuts were deepest on Meta's platforms, where its estimated spending fell by a third.",
    "Its downloads fell over the same period, but its in-app revenue was roughly flat.",
    "Several executives said the era of growth at any cost was over for the whole sector.",
    "Investors now ask about payback periods rather than download rankings, they said.",
    "Even after the cuts, the app was among the largest advertisers on mobile in September.",
]
OWN_HEADING = "<h1>TikTok pays Brazilian studios</h1>"
NEXT_HEADING = "<h2><a href='/2026/10/dramabox-ads/'>DramaBox cuts ads</a></h2>"


def _story(heading: str, paragraphs: list[str], extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    head = f"<div class='head'>{heading}<span>Oct 14, 2026</span></div>"
    return f"<div class='item'>{head}{body}{extra}</div>"


def _page(main: str) -> str:
    head = "<head><title>TikTok pays Brazilian studios</title></head>"
    return f"<html>{head}<body><div class='stream'>{main}</div></body></html>"


def _dropped(html: str) -> tuple[HtmlElement, str]:
    root = document_fromstring(html)
    drop_next_stories(next(root.iter("h1", "h2")), URL)
    return root, root.text_content()


def test_a_story_appended_after_the_pages_own_goes() -> None:
    own, following = _story(OWN_HEADING, OWN), _story(NEXT_HEADING, NEXT)
    html = _page(f"{own}<div class='label'>Up next</div>{following}")
    text = extract_article(html, URL).text
    assert all(p in text for p in OWN)
    assert not any(p in text for p in NEXT)
    assert "Up next" not in text


def test_sections_headed_by_links_to_other_sites_stay() -> None:
    section = _story("<h2><a href='https://dramabox.example/'>DramaBox</a></h2>", NEXT)
    _, text = _dropped(_page(_story(OWN_HEADING, OWN) + section))
    assert all(p in text for p in NEXT)


def test_a_page_whose_heading_is_a_link_keeps_its_items() -> None:
    first = _story("<h2><a href='/2026/10/tiktok-minis-brazil/'>TikTok pays</a></h2>", OWN)
    _, text = _dropped(_page(first + _story(NEXT_HEADING, NEXT)))
    assert all(p in text for p in NEXT)


def test_an_element_holding_several_linked_headlines_stays() -> None:
    more = "<h3><a href='/2026/10/shortmax/'>ShortMax raises $60M</a></h3>"
    following = _story(NEXT_HEADING, NEXT, extra=more)
    _, text = _dropped(_page(_story(OWN_HEADING, OWN) + following))
    assert all(p in text for p in NEXT)


PIZZA = [
    "The crust is thin and blistered, and the tomatoes come from a farm an hour north of here.",
    "Service is quick even on a Friday night, and the wine list is short but chosen with care.",
]


def test_a_listicles_bare_sections_stay() -> None:
    intro = "".join(f"<p>{p}</p>" for p in OWN)
    first = f"<section><h1>The ten best pizzerias in town</h1>{intro}</section>"
    entries = "".join(
        f"<section><h2><a href='/reviews/r{n}'>Pizzeria {n}</a></h2>"
        + "".join(f"<p>({n}) {p}</p>" for p in PIZZA * 3)
        + "</section>"
        for n in range(1, 6)
    )
    html = f"<html><body><main>{first}{entries}</main></body></html>"
    _, text = _dropped(html)
    assert all(f"Pizzeria {n}" in text for n in range(1, 6))


def test_a_story_of_chinese_prose_appended_after_the_pages_own_goes() -> None:
    sentence = (
        "短剧平台在第三季度削减了广告支出，其中在社交平台上的投放降幅最大，"
        "多位高管表示，不计成本换取增长的时代已经结束，投资者如今更关心回本周期。"
    )
    following = _story(NEXT_HEADING, [sentence] * 8)
    _, text = _dropped(_page(_story(OWN_HEADING, OWN) + following))
    assert sentence not in text
    assert all(p in text for p in OWN)
