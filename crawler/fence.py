"""The domain fence: a source fetches from its own host and port and its allowed domains only.

The check sits in a downloader middleware in front of robots.txt, so it sees every request
whatever path it took: start URLs, feed and sitemap links, retries (which Scrapy marks
``dont_filter``, so its own offsite filter lets them pass), redirects of any status, meta
refreshes. The final response URL is checked again on the way back. A request that would
leave ends in :class:`OffsiteRequest`, before the foreign host (or its robots.txt) is asked.

Ports count: ``127.0.0.1:8001`` is not ``127.0.0.1:8000``. A host of the fence may be reached
on the source's own port or the default ports (an http -> https move stays allowed); an
``allowed_domains`` entry written ``host:port`` adds that port for that host.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Self
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest

if TYPE_CHECKING:
    from collections.abc import Iterable

    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response

logger = logging.getLogger(__name__)

_DEFAULT_PORTS = {"http": 80, "https": 443}


class OffsiteRequest(IgnoreRequest):
    """A request or response outside the fence: raised here, caught by the spider's errback."""

    def __init__(self, url: str, redirected_from: str | None = None) -> None:
        via = f" (redirected from {redirected_from})" if redirected_from else ""
        super().__init__(f"foreign host or port, outside the source's fence: {url}{via}")
        self.url = url


class RedirectLoop(IgnoreRequest):
    """A redirect back to a URL the request already passed through."""

    def __init__(self, url: str) -> None:
        super().__init__(f"redirect loop: {url} redirects back to itself")
        self.url = url


@dataclass(frozen=True)
class Fence:
    """The hosts (with their subdomains) and ports a source may fetch from."""

    hosts: tuple[tuple[str, int | None], ...]
    ports: frozenset[int]

    @classmethod
    def for_source(cls, url: str, allowed_domains: Iterable[str] = ()) -> Self:
        """The fence of a source at ``url`` with extra ``allowed_domains``."""
        own = urlsplit(url)
        hosts: list[tuple[str, int | None]] = [((own.hostname or "").lower(), None)]
        hosts += [_domain(entry) for entry in allowed_domains if entry]
        ports = {*_DEFAULT_PORTS.values(), _port(url) or 0}
        return cls(tuple(hosts), frozenset(ports))

    def allows(self, url: str) -> bool:
        """True when ``url`` is an http(s) URL on a host and port of the fence."""
        host, port = (urlsplit(url).hostname or "").lower(), _port(url)
        if not host or port is None:
            return False
        return any(
            (host == domain or host.endswith("." + domain)) and port in (own, *self.ports)
            for domain, own in self.hosts
        )


def _domain(entry: str) -> tuple[str, int | None]:
    host, _, port = entry.strip().lower().partition(":")
    return host, int(port) if port.isdigit() else None


def _port(url: str) -> int | None:
    try:
        parts = urlsplit(url)
        return parts.port or _DEFAULT_PORTS.get(parts.scheme.lower())
    except ValueError:
        return None


class DomainFenceMiddleware:
    """Downloader middleware: every request and final response checked against the fence."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build it (it reads the fence from the spider, per request)."""
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        """Refuse a request outside the fence, or one that loops back through a redirect."""
        fence = self._fence(request)
        redirects = request.meta.get("redirect_urls", ())
        if fence is not None and not fence.allows(request.url):
            self._count("dramawatch/offsite")
            raise OffsiteRequest(request.url, redirects[-1] if redirects else None)
        if request.url in redirects:
            raise RedirectLoop(request.url)

    def process_response(self, request: Request, response: Response) -> Response:
        """Refuse a response whose final URL lies outside the fence."""
        fence = self._fence(request)
        if fence is not None and not fence.allows(response.url):
            self._count("dramawatch/offsite")
            raise OffsiteRequest(response.url, request.url)
        return response

    def _fence(self, request: Request) -> Fence | None:
        fence_for = getattr(self.crawler.spider, "fence_for", None)
        return fence_for(request) if fence_for is not None else None

    def _count(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)
