"""The source's region: what 本市, 该市, 全市 and "the city" mean when nothing else says."""

from __future__ import annotations

from config import default_metric_definitions
from crawler.metrics import extract_observations
from tests.support.metric_cases import ENTITIES

DEFINITIONS = default_metric_definitions()
NOTICE = "2024年，本市微短剧产业规模达到120亿元。"


def _regions(text: str, region: str | None, title: str | None = None) -> list[str | None]:
    found = extract_observations(text, DEFINITIONS, entities=ENTITIES, title=title, region=region)
    return [o.region for o in found]


def test_a_city_portal_notice_takes_the_sources_region() -> None:
    assert _regions(NOTICE, "shanghai") == ["shanghai"]
    assert _regions(NOTICE, None) == [None]


def test_english_and_other_local_references_take_it_too() -> None:
    assert _regions("全市微短剧产业规模达到50亿元。", "hangzhou") == ["hangzhou"]
    text = "The city's micro-drama market size reached 5 billion yuan in 2024."
    assert _regions(text, "shanghai") == ["shanghai"]


def test_a_city_named_in_the_text_or_title_comes_first() -> None:
    named = "杭州市印发措施。2024年，本市微短剧产业规模达到85亿元。"
    assert _regions(named, "shanghai") == ["hangzhou"]
    assert _regions(NOTICE, "shanghai", title="杭州市出台微短剧措施") == ["hangzhou"]


def test_a_country_wide_region_is_not_what_this_city_means() -> None:
    assert _regions(NOTICE, "cn") == [None]
