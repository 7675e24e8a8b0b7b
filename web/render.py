"""Jinja2 templates (autoescaped) and the filters they use."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from web.charts import compact
from web.security import csrf_token, set_csrf_cookie

TEMPLATES = Path(__file__).resolve().parent / "templates"


def safe_href(url: str | None) -> str | None:
    """A crawled URL fit for a link: http(s) only (never javascript:, data: ...)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def when(value: datetime | None, style: str = "minute") -> str:
    """A time as UTC text: 2025-12-07 16:54."""
    if value is None:
        return "—"
    return value.strftime("%Y-%m-%d" if style == "day" else "%Y-%m-%d %H:%M")


def one_line(text: str | None) -> str:
    """Crawled text on one line (titles may carry CR/LF)."""
    return " ".join((text or "").split())


def figure(value: float, unit: str) -> str:
    """A figure as text: 1.33M, 50.4B CNY, 12.5%, 4×, 90 minutes."""
    if unit == "count":
        return compact(value)
    if unit == "percent":
        return f"{value:g}%"
    if unit == "multiple":
        return f"{value:g}×"
    return f"{compact(value)} {unit}"


def language_tag(language: str | None) -> str | None:
    """A lang attribute for a crawled text, so fonts and line breaks suit its script."""
    if not language:
        return None
    return "zh-Hans" if language.lower().startswith("zh") else language


def build_environment() -> Environment:
    """The template environment: autoescape on for every template."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
        trim_blocks=True, lstrip_blocks=True, auto_reload=False,
    )  # fmt: skip
    env.filters.update(
        safe_href=safe_href, when=when, one_line=one_line, figure=figure, lang=language_tag
    )
    env.globals["urlencode"] = urlencode
    return env


class Renderer:
    """Renders a template into a page, with the CSRF form token every page may use."""

    def __init__(self) -> None:
        self.env = build_environment()

    def page(
        self, request: Request, name: str, context: dict[str, Any], status: int = 200
    ) -> HTMLResponse:
        """The rendered page ``name``."""
        token, new = csrf_token(request)
        html = self.env.get_template(name).render(
            request=request, csrf=token, path=request.url.path, **context
        )
        response = HTMLResponse(html, status_code=status)
        if new:
            set_csrf_cookie(response, token)
        return response
