"""The defences against hostile sites, one by one: fence, bounds, text hygiene, masking."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from rich.console import Console

from alerts.channels.email_render import text_body
from alerts.errors import DeliveryError
from alerts.records import AlertMessage, ArticleFacts
from alerts.text import keyword_text, metric_text
from config.masking import mask_text, mask_url
from crawler.extract import extract_article
from crawler.extract.parsing import drop_control_characters
from crawler.fence import Fence
from crawler.spiders.sitemap import TooLarge, bounded_gunzip
from dramawatch.output import literal
from storage.models import utcnow
from tests.support.alert_servers import free_port
from tests.support.hostile_sites import CRLF_TITLE, MARKUP_TITLE

ROOT = Path(__file__).resolve().parents[2]

FENCE = Fence.for_source("http://news.example:8000/feed.xml", ["cdn.example", "img.example:9000"])


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("http://news.example:8000/a.html", True),
        ("http://www.news.example:8000/a.html", True),
        ("https://news.example/a.html", True),  # default ports: an https move stays allowed
        ("http://news.example:8001/a.html", False),  # same host, another port
        ("http://evil.example:8000/a.html", False),
        ("http://news.example.evil:8000/a.html", False),
        ("http://cdn.example/a.html", True),
        ("http://img.example:9000/a.png", True),
        ("http://img.example:9001/a.png", False),
        ("ftp://news.example/a", False),
        ("http://news.example:99999/a", False),
        ("javascript:alert(1)", False),
    ],
)
def test_the_fence_counts_hosts_and_ports(url: str, allowed: bool) -> None:
    assert FENCE.allows(url) is allowed


def test_bounded_gunzip_stops_at_the_limit() -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = packer.compress(b"\0" * 50_000_000) + packer.flush()
    with pytest.raises(TooLarge, match="maximum size"):
        bounded_gunzip(bomb, 1_000_000)
    assert bounded_gunzip(bomb[:-8], 60_000_000)[:3] == b"\0\0\0"  # a truncated stream reads
    assert bounded_gunzip(b"\x1f\x8bnot gzip", 10) == b""


def test_control_characters_are_dropped_not_the_page() -> None:
    assert drop_control_characters("a&#27;b&#x1B;c\x1bd&#7;e\x00f") == "abcdef"
    assert drop_control_characters("tab&#9; lf&#10; dash&#150; space&#32;") == (
        "tab&#9; lf&#10; dash&#150; space&#32;"
    )
    body = "".join(f"<p>Micro-drama output rose&#27;[31m sharply, line {n}.</p>" for n in range(8))
    extracted = extract_article(
        f"<html><body><article>{body}</article></body></html>", "http://x/a"
    )
    assert "Micro-drama output rose[31m sharply" in extracted.text


def test_crawled_strings_are_rendered_literally() -> None:
    console = Console(width=200, record=True, color_system=None)
    console.print(literal(MARKUP_TITLE + "\x1b[2J"))
    shown = console.export_text()
    assert MARKUP_TITLE in shown and "\x1b" not in shown


def test_alert_text_keeps_titles_on_one_line() -> None:
    article = ArticleFacts(
        article_id=1,
        story_id=1,
        url="http://news.example/a\r\nMatched: x",
        source="news",
        category="media",
        language="en",
        title=CRLF_TITLE,
        text="micro-drama",
    )
    text = keyword_text("rule", article, ["micro-drama"], revised=False)
    lines = text.splitlines()
    assert len(lines) == 3 and lines[0].endswith(
        "Micro-drama rules Matched: forged rule (news, media)"
    )
    assert [line for line in lines if line.startswith("Matched:")] == ["Matched: micro-drama"]
    message = AlertMessage(
        delivery_id="d1",
        alert_id=1,
        rule="rule",
        kind="keyword",
        payload={"text": text, "title": CRLF_TITLE},
        story_id=1,
        created_at=utcnow(),
        attempt=1,
    )
    assert "\r" not in text_body([message]) and message.body()["text"] == text


def test_metric_quotes_stay_on_one_line() -> None:
    metric = {
        "key": "jobs",
        "unit": "jobs",
        "change_pct": 10.0,
        "value": 2e6,
        "previous_value": 1e6,
        "period": "2025",
        "previous_period": "2024",
        "quote": "2 million\nMatched: x",
        "previous_quote": "1 million",
    }

    class New:
        url = "http://news.example/a"

    assert len(metric_text("rule", metric, New()).splitlines()) == 4  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://dw:hunter2@db:5432/dw", "postgresql+psycopg://dw:***@db:5432/dw"),
        ("postgresql://dw:p@ss@db/dw", "postgresql://dw:***@db/dw"),
        ("postgresql:///dw?host=/run&password=hunter2", "postgresql:///dw?host=/run&password=***"),
        ("sqlite:///dramawatch.db", "sqlite:///dramawatch.db"),
        ("https://hooks.example/x?token=abc&a=1", "https://hooks.example/x?token=***&a=1"),
    ],
)
def test_credentials_are_masked(url: str, shown: str) -> None:
    assert mask_url(url) == shown
    assert (
        mask_text(f"cannot reach {url}: password hunter2 refused", "hunter2").count("hunter2") == 0
    )


@pytest.mark.parametrize("command", [("check-config",), ("search", "drama"), ("sources",)])
def test_cli_never_shows_the_database_password(tmp_path: Path, command: tuple[str, ...]) -> None:
    port = free_port()  # nothing listens: the database is unreachable
    database = f"postgresql+psycopg://dw:${{DW_PASSWORD}}@127.0.0.1:{port}/dw"
    (tmp_path / "dramawatch.yaml").write_text(f"database: {database}\n", encoding="utf-8")
    env = {**os.environ, "DW_PASSWORD": "hunter2-secret", "PYTHONPATH": str(ROOT)}
    env.pop("DRAMAWATCH_CONFIG", None)
    done = subprocess.run(
        [sys.executable, "-m", "dramawatch", *command],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    output = done.stdout + done.stderr
    assert "hunter2-secret" not in output and "Traceback" not in output, output
    if command != ("check-config",):
        assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1, output
        assert f"dw:***@127.0.0.1:{port}" in done.stderr


def test_delivery_errors_mask_tokens() -> None:
    error = DeliveryError("hook", None, 1, True, "ConnectError(https://h.example/x?token=abc1)")
    assert "abc1" not in str(error) and "token=***" in error.detail
