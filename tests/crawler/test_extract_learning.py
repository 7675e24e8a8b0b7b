"""The extract pipeline learns each source's chrome from the pages it fetches first."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from scrapy.utils.misc import load_object
from scrapy.utils.test import get_crawler

from config import DEMO_CONFIG, load_config
from crawler.items import ArticleItem
from crawler.pipelines import extract
from crawler.settings import settings_for
from crawler.sources import register_sources
from storage import open_store
from tests.support.recorded import BASE

SLOGAN = "微短剧观察栏目每周三与您相约，带您看懂行业的每一个变化"


def _page(n: int) -> str:
    prose = f"第{n}篇报道：微短剧市场规模持续扩大，平台加强内容审核，行业协会发布第{n}份报告。" * 3
    body = f"<h1>微短剧行业第{n}号新闻标题</h1><p>{prose}</p><p>{SLOGAN}</p>"
    return f'<html lang="zh"><head><title>新闻{n}</title></head><body>{body}</body></html>'


def test_a_block_repeated_on_a_sources_first_pages_is_dropped_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract, "REFRESH_PAGES", 1)
    database = f"sqlite:///{tmp_path / 'learn.db'}"
    config = load_config(DEMO_CONFIG, environ={**os.environ, "DEMO_BASE": BASE})
    config = config.model_copy(update={"database": database})
    open_store(database).migrate()
    register_sources(open_store(database), config.sources)
    source = config.sources[0]
    crawler = get_crawler(settings_dict=settings_for(config, DRAMAWATCH_ANALYSIS_PROCESSES=0))
    pipeline = load_object("crawler.pipelines.extract.ExtractPipeline").from_crawler(crawler)
    texts = []
    for n in range(5):
        item = ArticleItem(
            url=f"{BASE}/learn/{n}.html",
            source=source.name,
            category=source.category,
            html=_page(n),
        )
        texts.append(asyncio.run(pipeline.process_item(item)).text)
    pipeline.close_spider()
    assert all(SLOGAN in text for text in texts[:3])
    assert SLOGAN not in texts[4] and "第4篇报道" in texts[4]
