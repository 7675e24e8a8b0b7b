"""The plain-library baseline for article links on a listing: the links courlan keeps.

courlan (the URL library trafilatura crawls with) keeps a page's links that stay on its host,
are not navigation pages (category, tag, page, feed and archive addresses) and are well formed
and crawlable (``extract_links``, ``is_not_crawlable``). It normalises what it keeps (no
fragment, no tracking parameters), so the true links are normalised the same way for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from courlan import check_url, extract_links, is_not_crawlable


def plain_links(html: str, url: str) -> set[str]:
    """courlan's internal, non-navigation, crawlable links of the whole page."""
    kept = extract_links(html, url, external_bool=False, with_nav=False)
    return {link for link in kept if not is_not_crawlable(link)}


def normalised(link: str) -> str:
    """The address as courlan writes the links it keeps."""
    checked = check_url(link, strict=True, with_nav=True)
    return checked[0] if checked else link


def plain_counts(pages: Iterable[tuple[set[str], set[str]]]) -> tuple[int, int, int]:
    """True positives, false positives and false negatives of (kept, true links) per page."""
    tp = fp = fn = 0
    for kept, truth in pages:
        true = {normalised(link) for link in truth}
        tp += len(kept & true)
        fp += len(kept - true)
        fn += len(true - kept)
    return tp, fp, fn
