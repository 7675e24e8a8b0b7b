"""A recorded news site crawled through the CLI: every figure tagged right, and no summary row
compares figures of two series.

Full pages (navigation, related-article boxes, footers) in the styles figures come in: a news
agency, a city government notice that says only 本市 (the city is in its title), a company
press release with "its" and "The platform", an investor note with 其 and a forecast; and a
city portal (a source configured with its region) whose notice names no city at all, with a
full year's figure and a half-year's, which no summary row may compare.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.support.site_server import serve

ROOT = Path(__file__).resolve().parents[2]
PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{day}T08:00:00+08:00"></head>
<body><header><nav><a href="/">Home</a> | <a href="/business/">Business</a> |
<a href="/login">Sign in</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">{day}</p>{body}</article>
<aside class="related"><h3>{related}</h3><ul>{links}</ul></aside></main>
<footer><p>Copyright 2025 Example News. All rights reserved.</p></footer></body></html>"""
PAGES = [
    (
        "agency",
        "en",
        "2025-03-01",
        "China's micro-drama market keeps growing",
        "<p>BEIJING, March 1 (Xinhua) -- China's micro-drama market size reached 50.44 billion"
        " yuan in 2024, up from 37.39 billion yuan in 2023, an industry report showed.</p>"
        "<p>ReelShort's monthly active users stood at 55 million in January 2025, while"
        " Kuaishou said its micro-drama daily active users topped 100 million in 2024.</p>"
        "<p>Analysts said the boom has drawn studios, writers and actors to the sector.</p>",
    ),
    (
        "hangzhou",
        "zh",
        "2025-04-02",
        "杭州市出台微短剧高质量发展若干措施",
        "<p>近日，市政府办公厅印发关于推动微短剧产业高质量发展的若干措施。</p>"
        "<p>2024年，本市微短剧产业规模达到85亿元，同比增长42%。</p>"
        "<p>措施提出，力争到2027年，本市微短剧产业规模突破200亿元，建成一批微短剧创作基地。</p>",
    ),
    (
        "flextv",
        "en",
        "2025-05-10",
        "FlexTV passes 100 million downloads of its micro-drama app",
        "<p>SINGAPORE -- FlexTV today announced that its downloads have surpassed 100 million"
        " since launch.</p><p>The platform's monthly active users reached 20 million in April"
        " 2025, the company said, as its micro-drama library grew in Latin America.</p>",
    ),
    (
        "col",
        "zh",
        "2025-06-01",
        "中文在线发布年报 微短剧出海加速",
        "<p>中文在线日前发布2024年年度报告。</p>"
        "<p>其2024年营业收入为11.6亿元。</p>"
        "<p>行业方面，预计2025年我国微短剧市场规模将达到677.9亿元。</p>",
    ),
    (
        "reelshort",
        "en",
        "2025-07-01",
        "ReelShort users climb as micro-drama apps compete",
        "<p>ReelShort's monthly active users rose to 60 million in June 2025, according to"
        " Sensor Tower.</p><p>DramaBox's monthly active users reached 40 million in June"
        " 2025.</p><p>Both apps said micro-drama viewers watched more episodes each week.</p>",
    ),
]
RELATED = {
    "en": ("Related stories", "Micro-drama studios hire writers"),
    "zh": ("相关阅读", "微短剧编剧走俏"),
}
# A Shanghai portal's notice: neither its text nor its title names the city; the source does.
PORTAL = (
    "portal",
    "zh",
    "2025-08-01",
    "市政府办公厅关于促进微短剧产业发展的通知",
    "<p>2024年，本市微短剧产业规模达到120亿元。</p>"
    "<p>2025年上半年，本市微短剧产业规模达到70亿元。</p>",
)
PORTAL_REGION = {"region": "shanghai"}
# (metric, value, unit, period, entity, region, status, basis) of every figure on the site.
EXPECTED = {
    ("market_value", 50.44e9, "CNY", "2024", None, "cn", "actual", "period"),
    ("market_value", 37.39e9, "CNY", "2023", None, "cn", "actual", "period"),
    ("mau", 55e6, "count", "2025-01", "reelshort", None, "actual", "period"),
    ("dau", 100e6, "count", "2024", "kuaishou", None, "actual", "period"),
    ("market_value", 8.5e9, "CNY", "2024", None, "hangzhou", "actual", "period"),
    ("market_value", 42.0, "percent", "2024", None, "hangzhou", "actual", "period"),
    ("market_value", 20e9, "CNY", "2027", None, "hangzhou", "target", "period"),
    ("downloads", 100e6, "count", None, "flextv", None, "actual", "cumulative"),
    ("mau", 20e6, "count", "2025-04", "flextv", None, "actual", "period"),
    ("company_revenue", 1.16e9, "CNY", "2024", "col_group", None, "actual", "period"),
    ("market_value", 67.79e9, "CNY", "2025", None, "cn", "forecast", "period"),
    ("mau", 60e6, "count", "2025-06", "reelshort", None, "actual", "period"),
    ("mau", 40e6, "count", "2025-06", "dramabox", None, "actual", "period"),
    ("market_value", 12e9, "CNY", "2024", None, "shanghai", "actual", "period"),
    ("market_value", 7e9, "CNY", "2025-H1", None, "shanghai", "actual", "period"),
}
SERIES = ("metric", "entity", "region", "unit", "status", "basis", "kind", "granularity")


def _routes() -> dict[str, tuple[str, str]]:
    routes = _feed("/feed.xml", PAGES) | _feed("/portal/feed.xml", [PORTAL])
    routes["/robots.txt"] = ("text/plain", "User-agent: *\nAllow: /\n")
    return routes


def _feed(path: str, pages: list[tuple[str, ...]]) -> dict[str, tuple[str, str]]:
    routes: dict[str, tuple[str, str]] = {}
    items = []
    for slug, lang, day, title, body in pages:
        heading, link = RELATED[lang]
        links = f'<li><a href="/news/related.html">{link}</a></li>'
        html = PAGE.format(lang=lang, title=title, day=day, body=body, related=heading, links=links)
        routes[f"/news/{slug}.html"] = ("text/html; charset=utf-8", html)
        items.append(
            f"<item><title>{title}</title><link>{{{{base}}}}/news/{slug}.html</link>"
            f"<pubDate>{day}T08:00:00+08:00</pubDate></item>"
        )
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Example News</title>{''.join(items)}</channel></rss>"
    )
    routes[path] = ("application/rss+xml; charset=utf-8", feed)
    return routes


def _dramawatch(config: Path, *args: str) -> Any:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DRAMAWATCH_CONFIG", None)
    done = subprocess.run(
        [sys.executable, "-m", "dramawatch", "--config", str(config), *args, "--format", "json"],
        cwd=config.parent, env=env, capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _crawled(tmp_path: Path) -> Path:
    config = tmp_path / "dramawatch.yaml"
    with serve(_routes()) as base:
        tree = {
            "database": f"sqlite:///{tmp_path / 'site.db'}",
            "sources": [
                {"name": "example", "kind": "rss", "url": f"{base}/feed.xml"},
                {
                    "name": "portal",
                    "kind": "rss",
                    "url": f"{base}/portal/feed.xml",
                    **PORTAL_REGION,
                },
            ],
            "crawl": {"download_timeout": 5, "retries": 0, "autothrottle": False},
        }
        config.write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
        _dramawatch(config, "crawl")
    return config


def _figure(row: dict[str, Any]) -> tuple[Any, ...]:
    return (
        row["metric"], row["value"], row["unit"], row["period"], row["entity"], row["region"],
        row["status"], row["basis"],
    )  # fmt: skip


def test_every_figure_is_tagged_right_and_the_summary_compares_inside_a_series(
    tmp_path: Path,
) -> None:
    config = _crawled(tmp_path)
    summary = _dramawatch(config, "metrics")
    history = [row for key in sorted({r["metric"] for r in summary}) for row in
               _dramawatch(config, "metrics", key)]  # fmt: skip
    assert {_figure(row) for row in history} == EXPECTED
    points = {(tuple(row[f] for f in SERIES), row["period"], row["value"]) for row in history}
    compared = [row for row in summary if row["previous"] is not None]
    assert compared, "the site has series with more than one period"
    for row in compared:
        own = (tuple(row[f] for f in SERIES), row["previous_period"], row["previous"])
        assert own in points, f"{row['metric']} compares with another series: {row}"
    shanghai = [row for row in summary if row["region"] == "shanghai"]
    assert sorted(row["granularity"] for row in shanghai) == ["half", "year"]
    assert all(row["previous"] is None for row in shanghai), "a half compared with a year"
    regions = {row["source"]: row["region"] for row in _dramawatch(config, "sources")}
    assert regions == {"example": None, "portal": "shanghai"}
