"""POST requests a page's inline scripts make for their lists: ``$.ajax``, ``fetch``, ``axios``.

A portal that fills its list from a POST API names the endpoint, the method and the body in
the page's own script. Each call found becomes a :class:`ScriptCall`: the URL, and the JSON
``body`` or the ``form`` fields to send, the values the script computes left out except a
page number, which is sent as the first page and named in ``page_param``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin

from parsel import Selector

from crawler.discover.jsvalues import UNKNOWN, Wrapped, read_arguments

_CALL = re.compile(
    r"(?:\$|jQuery)\s*\.\s*(?P<jq>ajax|post)\s*\("
    r"|\bfetch\s*\("
    r"|\baxios\s*(?:\.\s*(?P<ax>post))?\s*\("
)
_PAGE_KEY = re.compile(
    r"^(?:page|pageno|pagenum|pagenumber|pageindex|currentpage|curpage|p)$", re.I
)
_MAX_CALLS = 5


@dataclass(frozen=True)
class ScriptCall:
    """A POST the page's script makes: where, and the JSON body or the form fields."""

    url: str
    body: dict[str, Any] | list[Any] | None = None
    form: dict[str, str] | None = None
    page_param: str | None = None

    def payload(self) -> tuple[bytes, str]:
        """The request body and its content type."""
        if self.form is not None:
            return urlencode(self.form).encode(), "application/x-www-form-urlencoded"
        return json.dumps(self.body or {}).encode(), "application/json"

    def options(self) -> dict[str, Any]:
        """The ``json`` source keys that make this request."""
        sent = {"body": self.body} if self.form is None else {"form": self.form}
        paged = {"page_param": self.page_param} if self.page_param else {}
        return {"method": "POST", **sent, **paged}


def post_calls(html: str, base_url: str) -> list[ScriptCall]:
    """The POST calls of the page's inline scripts whose URL is written out, in page order."""
    found: list[ScriptCall] = []
    for script in Selector(text=html).css("script:not([src])::text").getall():
        for match in _CALL.finditer(script):
            arguments = read_arguments(script, match.end() - 1)
            call = _call(match, arguments, base_url)
            if call is not None and call not in found:
                found.append(call)
    return found[:_MAX_CALLS]


def _call(match: re.Match[str], arguments: list[Any], base_url: str) -> ScriptCall | None:
    """The call as a POST request, or None when it is no POST or its URL is computed."""
    options = next((a for a in arguments if isinstance(a, dict)), {})
    url = arguments[0] if arguments and isinstance(arguments[0], str) else options.get("url")
    if match.group("jq") == "post" or match.group("ax") == "post":
        method, data = "POST", arguments[1] if len(arguments) > 1 else None
        json_by_default = match.group("ax") is not None
    else:
        method = str(options.get("type") or options.get("method") or "GET").upper()
        data = options.get("data", options.get("body"))
        json_by_default = match.group("jq") is None and not match.group(0).startswith("fetch")
    if method != "POST" or not isinstance(url, str) or not url.strip():
        return None
    as_json = json_by_default or "json" in str(options.get("contentType", "")).lower()
    return _request(urljoin(base_url, url.strip()), data, as_json)


def _request(url: str, data: Any, as_json: bool) -> ScriptCall | None:
    if isinstance(data, Wrapped):
        as_json, data = data.how == "json", data.value
    if isinstance(data, str):
        data = _parsed(data, as_json)
    if data is None or data is UNKNOWN:
        return ScriptCall(url, body={})
    if not isinstance(data, dict):
        return ScriptCall(url, body=data) if as_json and isinstance(data, list) else None
    known, page = _known(data)
    if as_json:
        return ScriptCall(url, body=known, page_param=page)
    form = _form(known)
    return ScriptCall(url, form=form, page_param=page) if form is not None else None


def _parsed(text: str, as_json: bool) -> Any:
    """A body the script wrote as a string: JSON text, or ``a=1&b=2`` form fields."""
    if as_json:
        try:
            return json.loads(text)
        except ValueError:
            return None
    return dict(parse_qsl(text)) if "=" in text else None


def _known(data: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """The fields the script writes out, and the page field (sent as page 1) if any."""
    page = next((k for k, v in data.items() if _PAGE_KEY.match(k) and _unknown(v)), None)
    known = {k: v for k, v in data.items() if not _unknown(v)}
    if page is not None:
        known[page] = 1
    return known, page


def _unknown(value: Any) -> bool:
    if value is UNKNOWN:
        return True
    if isinstance(value, dict):
        return any(_unknown(v) for v in value.values())
    return isinstance(value, list) and any(_unknown(v) for v in value)


def _form(data: dict[str, Any]) -> dict[str, str] | None:
    """Form fields as jQuery sends them (a one-item list as ``key[]``); None if not flat."""
    form: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, list) and len(value) == 1:
            key, value = f"{key}[]", value[0]
        if isinstance(value, (dict, list)):
            return None
        form[key] = _field(value)
    return form


def _field(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return "" if value is None else str(value)
