"""Text a browser shows from elements otherwise read as code: a declarative shadow root's
paragraphs, and a ``<noscript>`` holding the page when the script-built page holds less."""

from __future__ import annotations

from crawler.extract import extract_article

URL = "https://pocketscreens.example/news/ai-voices-japan"
PARAGRAPHS = [
    "Three of the largest short-drama apps launched Japanese versions this autumn, all dubbed.",
    "Viewers there are used to high production values in dubbing, where voice actors are stars.",
    "One company said it could dub a series of seventy episodes in about two days with AI voices.",
    "A voice actors' union in Tokyo has asked its members not to license their voices for it.",
]


def _paragraphs() -> str:
    return "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def _page(body: str) -> str:
    return f"<html><head><title>AI voices</title></head><body>{body}</body></html>"


def test_a_declarative_shadow_roots_paragraphs_are_text() -> None:
    body = (
        "<story-body><template shadowrootmode='open'><style>p{margin:0}</style>"
        f"{_paragraphs()}</template></story-body>"
    )
    text = extract_article(_page(body), URL).text
    assert all(p in text for p in PARAGRAPHS)


def test_a_noscript_holding_the_page_is_shown() -> None:
    shell = "<div id='root'><p>Loading…</p></div>"
    body = f"{shell}<noscript><div><h1>AI voices</h1>{_paragraphs()}</div></noscript>"
    text = extract_article(_page(body), URL).text
    assert all(p in text for p in PARAGRAPHS)
    assert "Loading" not in text


def test_a_noscript_notice_or_copy_beside_the_page_stays_hidden() -> None:
    notice = "<noscript>You need to enable JavaScript to run this app.</noscript>"
    teaser = f"<noscript><p>{PARAGRAPHS[0]} Read the whole story.</p></noscript>"
    body = f"{notice}<article>{_paragraphs()}</article>{teaser}"
    text = extract_article(_page(body), URL).text
    assert "enable JavaScript" not in text
    assert "Read the whole story" not in text
    assert extract_article(_page(notice), URL).text == ""
