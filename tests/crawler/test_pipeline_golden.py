"""Spider callbacks on recorded responses -> items -> pipelines -> a temporary database,
checked against the golden expectations in tests/fixtures/expected_articles.yaml."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml

from config import DEMO_CONFIG, Config, load_config
from crawler.sources import register_sources
from storage import open_store
from tests.support.recorded import BASE, Pipelines, RecordedSite, crawl_source, items_by_path

EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "fixtures" / "expected_articles.yaml").read_text(
        encoding="utf-8"
    )
)
FIRST_WORLD = {path: spec for path, spec in EXPECTED.items() if not spec.get("manifest")}


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every demo source replayed offline through the real pipelines into a fresh store."""
    database = f"sqlite:///{tmp_path_factory.mktemp('golden') / 'golden.db'}"
    config = load_config(DEMO_CONFIG, environ={**os.environ, "DEMO_BASE": BASE})
    config = config.model_copy(update={"database": database})
    open_store(database).migrate()
    register_sources(open_store(database), config.sources)
    site, pipelines = RecordedSite(), Pipelines(config)
    outcome: dict[str, Any] = {}
    for source in config.sources:
        for path, item in items_by_path(crawl_source(site, source, config)):
            stored, reason = pipelines.run(item)
            outcome[path] = {"item": stored or item, "dropped": reason, "source": source.name}
    return {"config": config, "outcome": outcome}


def _instant(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone(timedelta(hours=8)))


@pytest.mark.parametrize("path", sorted(FIRST_WORLD))
def test_page_matches_its_golden_expectations(replayed: dict[str, Any], path: str) -> None:
    spec = FIRST_WORLD[path]
    got = replayed["outcome"].get(path)
    assert got is not None, f"the {spec['source']} spider never yielded {path}"
    assert got["source"] == spec["source"]
    if not spec["on_topic"]:
        assert got["dropped"] == "off-topic"
        return
    assert got["dropped"] in (None, "duplicate"), got["dropped"]
    item = got["item"]
    assert item.title == spec["title"]
    assert item.language == spec["language"]
    assert item.published_at is not None
    expected = spec["published_at"]
    if len(expected) == 10:
        assert item.published_at.date().isoformat() == expected
    else:
        assert item.published_at == _instant(expected)
    for phrase in spec["must_contain"]:
        assert phrase in item.text
    for chrome in spec["must_not_contain"]:
        assert chrome not in item.text


def test_stored_rows_carry_story_and_metrics(replayed: dict[str, Any]) -> None:
    config: Config = replayed["config"]
    with open_store(config.database).transaction() as tx:
        seed = tx.articles.find_by_urls(
            [f"{BASE}/shio/jsp/zfxw_detail_en.jsp?id=20251207165434657"]
        )
        assert seed is not None and seed.story_id is not None
        jobs = [o.value for o in tx.metrics.history("jobs") if o.article_id == seed.id]
    assert 1330000 in jobs
