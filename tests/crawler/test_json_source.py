"""The ``json`` source kind: requests, items, dates, config checks and a crawl on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from config import ConfigError, SourceConfig, load_config
from crawler.spiders.json import build_request, empty_list_hint, list_items, parse_date
from tests.support.json_api import PAGES, json_api

ROOT = Path(__file__).resolve().parents[2]
PUDONG = {
    "name": "pudong-gov",
    "kind": "json",
    "language": "zh",
    "category": "government",
    "url": "https://www.pudong.gov.cn/zwgk-search-front/api/data/affair",
    "method": "POST",
    "body": {"channelList": ["5144"], "pageSize": 2},
    "items": "data.list",
    "item_link": "url",
    "item_title": "title",
    "item_date": "display_date",
    "page_param": "pageNo",
    "max_pages": 3,
}


def _source(**overrides: Any) -> SourceConfig:
    return SourceConfig.model_validate({**PUDONG, **overrides})


def test_post_body_carries_the_page_number() -> None:
    request = build_request(_source(), 2)
    assert request.method == "POST"
    assert json.loads(request.body) == {"channelList": ["5144"], "pageSize": 2, "pageNo": 2}
    assert request.headers["Content-Type"] == b"application/json"


def test_form_fields_and_get_query_carry_the_page_number() -> None:
    form = build_request(_source(body=None, form={"channel": "5144"}), 3)
    assert form.body == b"channel=5144&pageNo=3"
    get = build_request(_source(method="GET", body=None, url="https://x.cn/list.json?a=1"), 2)
    assert get.url == "https://x.cn/list.json?a=1&pageNo=2"


def test_items_give_absolute_links_titles_and_dates() -> None:
    document = json.loads((PAGES / "pudong-affair-1.json").read_text(encoding="utf-8"))
    items = list_items(document, _source(), PUDONG["url"])
    assert [i.url for i in items] == [
        "https://www.pudong.gov.cn/0060011/20250212/801408.html",
        "https://www.pudong.gov.cn/0060011/20250210/801377.html",
    ]
    assert items[0].title == "浦东新区关于支持微短剧产业高质量发展的若干措施"
    assert items[1].date == datetime(2025, 2, 10, 9, 30, tzinfo=timezone(timedelta(hours=8)))


def test_an_empty_list_suggests_the_items_expression() -> None:
    document = json.loads((PAGES / "pudong-affair-1.json").read_text(encoding="utf-8"))
    assert list_items(document, _source(items="list"), PUDONG["url"]) == []
    hint = empty_list_hint(document, "list")
    assert hint.startswith("0 article links: try items: 'data.list'")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1738290600000, datetime(2025, 1, 31, 2, 30, tzinfo=UTC)),
        ("2025-02-12", datetime(2025, 2, 12, tzinfo=timezone(timedelta(hours=8)))),
        ("2025年02月05日", datetime(2025, 2, 5, tzinfo=timezone(timedelta(hours=8)))),
        ("2025-02-12T10:00:00Z", datetime(2025, 2, 12, 10, tzinfo=UTC)),
        ("soon", None),
        (None, None),
    ],
)
def test_list_dates(value: Any, expected: datetime | None) -> None:
    assert parse_date(value, "zh") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20250205", datetime(2025, 2, 5, tzinfo=timezone(timedelta(hours=8)))),
        (
            "2025/02/12 10:00:05",
            datetime(2025, 2, 12, 10, 0, 5, tzinfo=timezone(timedelta(hours=8))),
        ),
        ("2025年02月05日 10:30", datetime(2025, 2, 5, 10, 30, tzinfo=timezone(timedelta(hours=8)))),
        ("2025/02/12 10:00", datetime(2025, 2, 12, 10, tzinfo=timezone(timedelta(hours=8)))),
        ("2025.02.12", datetime(2025, 2, 12, tzinfo=timezone(timedelta(hours=8)))),
        ("Feb 12, 2025", datetime(2025, 2, 12, tzinfo=timezone(timedelta(hours=8)))),
        ("2025-02-12 10:00:00 +0000", datetime(2025, 2, 12, 10, tzinfo=UTC)),
        ("2025-02-30", None),
        ("2025043", None),
    ],
)
def test_list_dates_are_read_as_a_pages_dates_are(value: str, expected: datetime | None) -> None:
    assert parse_date(value, "zh") == expected


@pytest.mark.parametrize(
    ("language", "url", "hours"),
    [
        ("zh", "https://www.pudong.gov.cn/api/affair", 8),
        ("zh-TW", "https://api.example.com/list", 8),
        ("ja", "https://api.example.com/list", 9),
        ("en", "https://www.chinadaily.com.cn/api/list", 8),
        ("en", "https://api.example.com/list", 0),
        (None, "", 0),
    ],
)
def test_a_list_time_without_offset_takes_the_sites_zone(
    language: str | None, url: str, hours: int
) -> None:
    zone = timezone(timedelta(hours=hours))
    assert parse_date("2025-02-12 10:00", language, url) == datetime(2025, 2, 12, 10, tzinfo=zone)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("items", "data..list", "sources[0].items (line 6): 'data..list' is not a valid JMESPath"),
        ("item_date", "a[?", "sources[0].item_date (line 6): 'a[?' is not a valid JMESPath"),
    ],
)
def test_config_check_names_file_key_and_error(
    tmp_path: Path, key: str, value: str, message: str
) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n  - name: pudong\n    kind: json\n    url: https://x.cn/api\n"
        f"    method: POST\n    {key}: '{value}'\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value).startswith(f"{path}: {message}")


def test_broken_link_selector_fails_the_config_check(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n  - name: nrta\n    kind: html\n    url: https://x.cn/\n"
        '    link_selector: "ul..news a"\n',
        encoding="utf-8",
    )
    expected = r"sources\[0\]\.link_selector \(line 5\): 'ul..news a' is not a valid CSS selector"
    with pytest.raises(ConfigError, match=expected):
        load_config(path)


def test_json_keys_belong_to_json_sources_only(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n  - {name: a, kind: rss, url: 'https://x.cn/feed', items: data.list}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"items: only for kind: json"):
        load_config(path)


def _crawl(tmp_path: Path, base: str) -> list[dict[str, Any]]:
    sources = [
        {**PUDONG, "url": f"{base}/zwgk-search-front/api/data/affair"},
        {
            "name": "gov-cn-policy",
            "kind": "json",
            "url": f"{base}/zhengce/zuixin/ZUIXINZHENGCE.json",
            "language": "zh",
            "category": "government",
            "item_link": "URL",
            "item_title": "TITLE",
            "item_date": "DOCRELPUBTIME",
        },
    ]
    config = {
        "database": f"sqlite:///{tmp_path / 'dw.db'}",
        "sources": sources,
        "crawl": {"download_timeout": 5, "retries": 0, "autothrottle": False},
    }
    path = tmp_path / "dramawatch.yaml"
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    for args in (("crawl",), ("export", "--format", "jsonl")):
        done = subprocess.run(
            [sys.executable, "-m", "dramawatch", "--config", str(path), *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def test_crawl_reads_post_and_get_json_lists(tmp_path: Path) -> None:
    with json_api() as api:
        articles = _crawl(tmp_path, api.base_url)
    posts = [r for r in api.requests if r["method"] == "POST"]
    assert [json.loads(r["body"])["pageNo"] for r in posts] == [1, 2, 3]
    assert all(r["content_type"] == "application/json" for r in posts)
    titles = {a["source"]: set() for a in articles}
    for article in articles:
        titles[article["source"]].add(article["title"])
    assert titles["gov-cn-policy"] == {"国务院办公厅关于进一步规范网络微短剧管理的意见"}
    assert len(titles["pudong-gov"]) == 2  # the third item links to the real host: fenced off


def test_the_list_server_says_it_closes_each_connection() -> None:
    # Unsaid, a client pools the connection and may send the next POST into a closing socket.
    with json_api() as api:
        answer = http.client.HTTPConnection(api.base_url.removeprefix("http://"), timeout=5)
        answer.request("POST", "/zwgk-search-front/api/data/affair", body=b'{"pageNo": 1}')
        assert answer.getresponse().getheader("Connection") == "close"
        answer.close()
