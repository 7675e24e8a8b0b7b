"""Small polite fetches for discovery: robots.txt obeyed, size and time bounded."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fetched:
    """A fetched URL: final URL, status, body and content type (status 0: not fetched)."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    note: str = ""

    @property
    def ok(self) -> bool:
        """Whether the fetch answered 200 with a body."""
        return self.status == 200 and bool(self.body)

    def text(self) -> str:
        """The body decoded by its declared charset, else UTF-8 (GBK labels as GB18030)."""
        charset = "utf-8"
        for part in self.content_type.split(";"):
            if part.strip().lower().startswith("charset="):
                charset = part.split("=", 1)[1].strip().strip('"') or charset
        if charset.lower() in ("gb2312", "gbk"):
            charset = "gb18030"
        try:
            return self.body.decode(charset, "replace")
        except LookupError:
            return self.body.decode("utf-8", "replace")


class Fetch(Protocol):
    """Fetch a URL: a GET, or a POST of ``data`` with its ``content_type``."""

    def __call__(
        self, url: str, data: bytes | None = None, content_type: str | None = None
    ) -> Fetched: ...


def http_fetcher(user_agent: str, timeout: float, max_bytes: int, obey_robots: bool) -> Fetch:
    """A fetch (GET, or POST of ``data``) with the crawl's user agent, timeout, size limit
    and robots rule."""
    robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def fetch(url: str, data: bytes | None = None, content_type: str | None = None) -> Fetched:
        if obey_robots and not _allowed(robots, url, user_agent, timeout):
            return Fetched(url, 0, note="disallowed by robots.txt")
        headers = {"User-Agent": user_agent}
        if content_type:
            headers |= {"Content-Type": content_type, "Accept": "application/json"}
        request = urllib.request.Request(url, data, headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                body = answer.read(max_bytes + 1)[:max_bytes]
                kind = answer.headers.get("Content-Type", "")
                return Fetched(answer.geturl(), answer.status, body, kind)
        except urllib.error.HTTPError as exc:
            return Fetched(url, exc.code, note=f"HTTP {exc.code}")
        except (urllib.error.URLError, OSError, ValueError) as exc:
            return Fetched(url, 0, note=f"{type(exc).__name__}: {exc}")

    return fetch


def _allowed(
    cache: dict[str, urllib.robotparser.RobotFileParser | None],
    url: str,
    agent: str,
    timeout: float,
) -> bool:
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    if origin not in cache:
        cache[origin] = _robots(origin, agent, timeout)
    parser = cache[origin]
    return parser is None or parser.can_fetch(agent, url)


def _robots(origin: str, agent: str, timeout: float) -> urllib.robotparser.RobotFileParser | None:
    request = urllib.request.Request(origin + "/robots.txt", headers={"User-Agent": agent})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            lines = answer.read(500_000).decode("utf-8", "replace").splitlines()
    except (urllib.error.URLError, OSError, ValueError):
        return None  # no robots.txt: everything is allowed
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(lines)
    return parser
