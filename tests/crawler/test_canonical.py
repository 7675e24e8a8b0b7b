"""Tests for crawler.canonical: properties (hypothesis) and pinned examples."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.canonical import canonical_url, resolve_redirect_link

_LABEL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8).filter(
    lambda label: label not in {"www", "m", "mobile", "wap"}
)
_HOST = st.lists(_LABEL, min_size=1, max_size=3).map(lambda labels: ".".join([*labels, "com"]))
_SEGMENT = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789-_~", min_size=1, max_size=10
)
_PATH = st.lists(_SEGMENT, max_size=4).map(lambda segments: "/" + "/".join(segments))
_PARAMS = st.dictionaries(
    st.text(alphabet="abcdefghijklmnopq", min_size=1, max_size=6),
    st.text(alphabet="abcxyz0123456789", max_size=6),
    max_size=4,
)
_TRACKING = st.lists(
    st.sampled_from(
        [
            "utm_source=feed",
            "utm_medium=rss",
            "UTM_Campaign=x",
            "fbclid=IwAR0",
            "gclid=abc",
            "spm=a2h0c.8166622",
            "from=timeline",
            "share_token=7f3a",
            "isappinstalled=0",
            "si=xyz",
        ]
    ),
    max_size=4,
)
# Anything a scraped href may contain, including escapes, dots, CJK and reserved characters.
_MESSY = st.lists(
    st.sampled_from([*"aZ09-._~%/?#&=+!$'()*,;:@ 中文éA", "%2e", "%2F", "%e4%b8%ad", "..", "//"]),
    max_size=30,
).map("".join)


def _query(pairs: list[str]) -> str:
    """Join query pairs into a query string with a leading '?', or '' when empty."""
    return "?" + "&".join(pairs) if pairs else ""


@settings(max_examples=200)
@given(scheme=st.sampled_from(["http", "https", "HTTP", "Https"]), host=_HOST, rest=_MESSY)
def test_idempotent(scheme: str, host: str, rest: str) -> None:
    """Canonicalising a canonical URL changes nothing."""
    once = canonical_url(f"{scheme}://{host}/{rest}")
    assert canonical_url(once) == once


@settings(max_examples=150)
@given(
    scheme=st.sampled_from(["http", "https"]),
    host=_HOST,
    path=_PATH,
    params=_PARAMS,
    tracking=_TRACKING,
    data=st.data(),
)
def test_equivalent_forms_meet(
    scheme: str,
    host: str,
    path: str,
    params: dict[str, str],
    tracking: list[str],
    data: st.DataObject,
) -> None:
    """Host case, default port, fragment, www./m., tracking params and param order are folded."""
    pairs = [f"{k}={v}" for k, v in params.items()]
    plain = f"{scheme}://{host}{path}{_query(pairs)}"
    mixed = data.draw(st.permutations(pairs + tracking))
    prefix = data.draw(st.sampled_from(["", "www.", "m.", "mobile.", "wap.", "www.m."]))
    port = {"http": ":80", "https": ":443"}[scheme] if data.draw(st.booleans()) else ""
    fragment = data.draw(st.sampled_from(["", "#", "#top", "#comments?x=1"]))
    noisy = (
        f"{scheme.upper()}://{prefix.upper()}{host.upper()}{port}{path}{_query(mixed)}{fragment}"
    )
    assert canonical_url(noisy) == canonical_url(plain)


@settings(max_examples=150)
@given(host=_HOST, a=_PATH, b=_PATH)
def test_distinct_paths_stay_distinct(host: str, a: str, b: str) -> None:
    """Two different (already normal) paths never collapse into one URL."""
    if a != b:
        assert canonical_url(f"https://{host}{a}") != canonical_url(f"https://{host}{b}")


@settings(max_examples=100)
@given(host=_HOST, path=_PATH)
def test_http_and_https_stay_distinct(host: str, path: str) -> None:
    """The scheme is part of the identity: http and https are not folded."""
    assert canonical_url(f"http://{host}{path}") != canonical_url(f"https://{host}{path}")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTPS://WWW.Example.COM:443/a/./b/../c//d?utm_source=x&b=2&a=1&fbclid=z#frag",
            "https://example.com/a/c/d?a=1&b=2",
        ),
        (
            "http://m.example.com:80/%7Euser/%e4%b8%ad?a=&b",
            "http://example.com/~user/%E4%B8%AD?a=&b",
        ),
        ("https://example.com/中文", "https://example.com/%E4%B8%AD%E6%96%87"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("http://example.com:443/x", "http://example.com:443/x"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a/", "https://example.com/a/"),
        ("https://example.com/a/b/..", "https://example.com/a/"),
        ("https://example.com/a%2Fb", "https://example.com/a%2Fb"),
        ("https://example.com/a%zz", "https://example.com/a%25zz"),
        ("https://example.com/?b=1&a=2&b=0", "https://example.com/?a=2&b=1&b=0"),
        ("https://example.com/?q=a+b&x=%2b", "https://example.com/?q=a+b&x=%2B"),
        ("https://user:pw@example.com/x", "https://example.com/x"),
        ("https://www.m.sina.cn/", "https://sina.cn/"),
        ("http://www.com/x", "http://www.com/x"),
        ("http://61.129.132.137/jsp/x.jsp?id=1", "http://61.129.132.137/jsp/x.jsp?id=1"),
        ("https://touch.shio.gov.cn/jsp/x.jsp", "https://touch.shio.gov.cn/jsp/x.jsp"),
        (
            "https://www.nrta.gov.cn/col/col113/index.html",
            "https://nrta.gov.cn/col/col113/index.html",
        ),
        (
            "https://mp.weixin.qq.com/s?__biz=MzA&mid=26&idx=1&sn=9f&scene=21&srcid=0101#wechat_redirect",
            "https://mp.weixin.qq.com/s?__biz=MzA&idx=1&mid=26&sn=9f",
        ),
        ("mailto:press@example.com", "mailto:press@example.com"),
    ],
)
def test_examples(url: str, expected: str) -> None:
    """Pinned canonical forms, including the documented decisions."""
    assert canonical_url(url) == expected


def test_canonical_link_on_same_site_wins() -> None:
    """A relative or absolute same-host <link rel=canonical> replaces the fetched URL."""
    url = "https://m.nrta.gov.cn/art/2025/2/5/art_113_70148.html?from=timeline&page=1"
    link = "/art/2025/2/5/art_113_70148.html"
    expected = "https://nrta.gov.cn/art/2025/2/5/art_113_70148.html"
    assert canonical_url(url, canonical_link=link) == expected
    assert canonical_url(url, canonical_link="https://www.nrta.gov.cn" + link) == expected


@pytest.mark.parametrize(
    "link",
    ["https://spam.example.net/a", "ftp://nrta.gov.cn/a", "javascript:void(0)", "", None],
)
def test_canonical_link_off_site_or_invalid_is_ignored(link: str | None) -> None:
    """Off-site, non-http or empty canonical links are ignored."""
    url = "https://www.nrta.gov.cn/art/2025/2/5/a.html?utm_source=x"
    assert canonical_url(url, canonical_link=link) == "https://nrta.gov.cn/art/2025/2/5/a.html"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://news.google.com/rss/articles/CBMiX2h0dHBz?oc=5&url=https%3A%2F%2Fvariety.com%2F2025%2Ftv%2Fnews%2Freelshort-1236%2F",
            "https://variety.com/2025/tv/news/reelshort-1236/",
        ),
        (
            "https://www.google.com/url?rct=j&sa=t&url=https://deadline.com/2025/10/x/&ct=ga",
            "https://deadline.com/2025/10/x/",
        ),
        (
            "https://www.google.com/url?q=https%3A%2F%2Fexample.com%2Fa%3Fb%3D1&sa=D",
            "https://example.com/a?b=1",
        ),
        (
            "http://feeds.feedburner.com/~r/Example/~3/abc/?url=https%3A%2F%2Fexample.com%2Fstory",
            "https://example.com/story",
        ),
        (
            "http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=1&url=https%3a%2f%2fexample.org%2fa&c=1",
            "https://example.org/a",
        ),
        # Nested redirects are unwrapped; opaque ones and ordinary links are left alone.
        (
            "https://www.google.com/url?q=https%3A%2F%2Fnews.google.com%2Fx%3Furl%3Dhttps%253A%252F%252Fa.com%252Fb",
            "https://a.com/b",
        ),
        (
            "https://news.google.com/rss/articles/CBMiX2h0dHBz?oc=5",
            "https://news.google.com/rss/articles/CBMiX2h0dHBz?oc=5",
        ),
        (
            "https://www.google.com/search?q=https://a.com/",
            "https://www.google.com/search?q=https://a.com/",
        ),
        (
            "https://www.google.com/url?q=javascript:alert(1)",
            "https://www.google.com/url?q=javascript:alert(1)",
        ),
        (
            "https://variety.com/t/microdramas/?url=https://a.com/",
            "https://variety.com/t/microdramas/?url=https://a.com/",
        ),
    ],
)
def test_resolve_redirect_link(url: str, expected: str) -> None:
    """Feed redirect wrappers are unwrapped to the target article URL."""
    assert resolve_redirect_link(url) == expected
