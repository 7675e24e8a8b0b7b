"""Canonical URLs: one spelling per article so copies of the same link dedupe exactly.

Decisions (the tests pin each one):

- scheme and host are lower-cased; ``http`` and ``https`` are *not* folded, because some
  sites serve different content (or only one of them) on each;
- default ports (``:80`` for http, ``:443`` for https), userinfo and fragments are dropped;
- host prefixes ``www.``, ``m.``, ``mobile.`` and ``wap.`` are folded (repeatedly, so
  ``www.m.example.com`` becomes ``example.com``) as long as a dotted name remains; IP
  addresses are never folded. Other mobile names (``touch.``) are left alone: they usually
  serve a different URL scheme, so folding would not make two copies meet;
- tracking parameters (``utm_*``, ``fbclid``, ``spm``, ``from``, ``share*`` ...) are removed;
  the others are sorted by name with a *stable* sort (repeated names keep their order, since
  ``a=1&a=2`` may differ from ``a=2&a=1``), and blank values are kept as written;
- the path has ``.``/``..`` resolved and ``//`` collapsed; percent-escapes of unreserved
  characters are decoded, other escapes are upper-cased and raw non-ASCII is encoded;
- a trailing slash is kept as given and ``index.html`` is *not* stripped: a canonical URL is
  also the URL that gets stored and re-fetched, and ``/col113/`` is not guaranteed to serve
  what ``/col113/index.html`` serves.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import SplitResult, parse_qsl, unquote_plus, urljoin, urlsplit, urlunsplit

logger = logging.getLogger(__name__)

_DEFAULT_PORTS = {"http": 80, "https": 443}
_FOLDED_PREFIXES = ("www.", "m.", "mobile.", "wap.")
_TRACKING_PARAMS = frozenset(
    """fbclid gclid dclid gbraid wbraid msclkid yclid twclid mc_cid mc_eid _hsenc _hsmkt
    mkt_tok igshid si spm from share share_id shareid share_token share_source share_medium
    isappinstalled scene srcid ref ref_src ref_url wt.mc_id cmpid ocid _ga _gl""".split()
)
_TRACKING_PREFIXES = ("utm_",)
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Characters that may stay literal (RFC 3986 pchar minus "%" which is handled separately).
_PATH_SAFE = _UNRESERVED | frozenset("!$&'()*+,;=:@/")
# In a query component "&", "=" and "+" carry meaning, so they are never decoded or encoded.
_QUERY_SAFE = _UNRESERVED | frozenset("!$'()*,;:@/?&=+")
_PCT = re.compile(r"%([0-9A-Fa-f]{2})")
_IPV4 = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")

# Hosts whose links only redirect, mapped to the query parameters that hold the target.
_REDIRECT_PARAMS: dict[str, tuple[str, ...]] = {
    "news.google.com": ("url",),
    "google.com": ("q", "url"),
    "feedproxy.google.com": ("url", "u"),
    "feeds.feedburner.com": ("url", "u"),
    "bing.com": ("url",),
}
_MAX_REDIRECT_DEPTH = 4


def canonical_url(url: str, *, canonical_link: str | None = None) -> str:
    """Return the canonical form of ``url``, preferring a same-site ``<link rel=canonical>``."""
    base = _canonicalize(url.strip())
    if canonical_link:
        preferred = _same_site_canonical(url.strip(), canonical_link.strip(), base)
        if preferred is not None:
            return preferred
    return base


def resolve_redirect_link(url: str) -> str:
    """Unwrap feed redirect links (Google News, google.com/url, Feedburner, Bing) to the target."""
    current = url.strip()
    for _ in range(_MAX_REDIRECT_DEPTH):
        target = _redirect_target(current)
        if target is None:
            break
        current = target
    return current


def _same_site_canonical(url: str, link: str, base: str) -> str | None:
    """Return the canonical form of ``link`` when it is an http(s) URL on ``url``'s host."""
    try:
        resolved = urljoin(url, link)
        scheme = urlsplit(resolved).scheme.lower()
    except ValueError:
        return None
    if scheme not in _DEFAULT_PORTS:
        logger.debug("Ignoring non-http canonical link %r on %s", link, url)
        return None
    candidate = _canonicalize(resolved)
    if urlsplit(candidate).netloc != urlsplit(base).netloc:
        logger.debug("Ignoring off-site canonical link %r on %s", link, url)
        return None
    return candidate


def _canonicalize(url: str) -> str:
    """Normalise one URL without looking at canonical links (malformed URLs are kept as is)."""
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced "[" in the host
        logger.debug("Cannot parse URL %r; keeping it as is", url)
        return url
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        return url
    netloc = _netloc(scheme, parts.hostname or "", _port(parts))
    path = _normalize_path(parts.path)
    query = _normalize_query(parts.query)
    return urlunsplit((scheme, netloc, path, query, ""))


def _port(parts: SplitResult) -> int | None:
    """Return the explicit port of split URL ``parts``, or None when absent or invalid."""
    try:
        return parts.port
    except ValueError:
        return None


def _netloc(scheme: str, host: str, port: int | None) -> str:
    """Build the host[:port] part: lower-cased, mobile/www prefixes folded, default port dropped."""
    host = _fold_host(host.lower().rstrip("."))
    if ":" in host:  # IPv6 literal: urlsplit removed the brackets
        host = f"[{host}]"
    if port is None or port == _DEFAULT_PORTS[scheme]:
        return host
    return f"{host}:{port}"


def _fold_host(host: str) -> str:
    """Strip ``www.``/``m.``/``mobile.``/``wap.`` prefixes while a dotted name remains."""
    if _IPV4.match(host):
        return host
    folded = True
    while folded:
        folded = False
        for prefix in _FOLDED_PREFIXES:
            rest = host[len(prefix) :]
            if host.startswith(prefix) and "." in rest:
                host, folded = rest, True
    return host


def _normalize_path(path: str) -> str:
    """Normalise percent-escapes, collapse ``//`` and resolve dot segments."""
    path = _normalize_escapes(path, _PATH_SAFE)
    if not path.startswith("/"):
        path = "/" + path
    path = re.sub(r"/{2,}", "/", path)
    return _remove_dot_segments(path) or "/"


def _remove_dot_segments(path: str) -> str:
    """Resolve ``.`` and ``..`` segments (RFC 3986 section 5.2.4, absolute paths only)."""
    segments = path.split("/")
    trailing = segments[-1] in (".", "..")
    output: list[str] = []
    for segment in segments[1:]:
        if segment == "..":
            if output:
                output.pop()
        elif segment != ".":
            output.append(segment)
    result = "/" + "/".join(output)
    if trailing and not result.endswith("/"):
        result += "/"
    return result


def _normalize_query(query: str) -> str:
    """Drop tracking parameters and sort the rest by name (stable, blanks kept)."""
    pairs = [_normalize_escapes(p, _QUERY_SAFE) for p in query.split("&") if p]
    kept = [p for p in pairs if not _is_tracking(_param_name(p))]
    return "&".join(sorted(kept, key=_param_name))


def _param_name(pair: str) -> str:
    """Return the decoded name of one ``name=value`` query pair."""
    return unquote_plus(pair.split("=", 1)[0])


def _is_tracking(name: str) -> bool:
    """Tell whether a query parameter name is a known tracking parameter."""
    lowered = name.lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def _normalize_escapes(text: str, safe: frozenset[str]) -> str:
    """Decode escaped unreserved bytes, upper-case other escapes, encode unsafe characters."""
    out: list[str] = []
    i = 0
    while i < len(text):
        match = _PCT.match(text, i)
        if match:
            char = chr(int(match.group(1), 16))
            out.append(char if char in _UNRESERVED else match.group(0).upper())
            i = match.end()
            continue
        char = text[i]
        out.append(char if char in safe else _encode(char))
        i += 1
    return "".join(out)


def _encode(char: str) -> str:
    """Percent-encode one character as upper-case UTF-8 escapes."""
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))


def _redirect_target(url: str) -> str | None:
    """Return the http(s) target that a known redirect link points to, if any."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = _fold_host((parts.hostname or "").lower())
    names = _REDIRECT_PARAMS.get(host)
    if names is None or not _is_redirect_path(host, parts.path):
        return None
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    for name in names:
        target = params.get(name, "").strip()
        if _is_absolute_http(target):
            return target
    return None


def _is_absolute_http(url: str) -> bool:
    """Tell whether ``url`` is an absolute http(s) URL with a host."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in _DEFAULT_PORTS and bool(parts.netloc)


def _is_redirect_path(host: str, path: str) -> bool:
    """Tell whether ``path`` on a known redirect host is a redirect endpoint."""
    if host == "google.com":
        return path == "/url"
    if host == "bing.com":
        return path.lower().startswith("/news/apiclick")
    return True
