"""The entity catalogue: the shipped file, a config's `entities:` and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import ConfigError, load_config, shipped_entities
from config.entities import merge_entities
from config.schema import EntityConfig

BASE = """
database: sqlite:///x.db
rules:
  - name: moves
    kind: metric_change
    metric: "*"
    channels: [hook]
channels:
  - {name: hook, kind: webhook, url: "http://127.0.0.1:9000/hook"}
"""
REQUIRED = {
    "reelshort": "ReelShort",
    "crazy_maple": "Crazy Maple Studio",
    "dramabox": "DramaBox",
    "shortmax": "ShortMax",
    "flextv": "FlexTV",
    "goodshort": "GoodShort",
    "hongguo": "红果短剧",
    "kuaishou": "快手",
    "douyin": "抖音",
    "col_group": "中文在线",
    "nrta": "国家广播电视总局",
    "cnsa": "中国网络视听协会",
    "cn": "我国",
    "overseas": "海外",
    "global": "全球",
    "shanghai": "上海",
}


def _error(write_config, text: str) -> str:  # type: ignore[no-untyped-def]
    path = write_config(text)
    with pytest.raises(ConfigError) as info:
        load_config(path, environ={})
    return str(info.value)


def test_shipped_catalogue_has_the_named_platforms_regulators_and_regions() -> None:
    names = {entity.key: entity.names for entity in shipped_entities()}
    for key, name in REQUIRED.items():
        assert name in names[key], key
    kinds = {entity.key: entity.kind for entity in shipped_entities()}
    assert kinds["nrta"] == "regulator" and kinds["shanghai"] == "region"


def test_config_entities_extend_the_catalogue(write_config) -> None:  # type: ignore[no-untyped-def]
    text = BASE + (
        "entities:\n"
        "  - {key: reelshort, kind: platform, names: [短剧ReelShort]}\n"
        "  - {key: sereal, kind: app, parent: crazy_maple, names: [Sereal+]}\n"
    )
    config = load_config(write_config(text), environ={})
    entities = {entity.key: entity for entity in config.entities}
    assert {"ReelShort", "短剧ReelShort"} <= set(entities["reelshort"].names)
    assert entities["sereal"].parent == "crazy_maple"
    assert len(config.entities) == len(shipped_entities()) + 1


def test_without_entities_the_shipped_catalogue_is_used(write_config) -> None:  # type: ignore[no-untyped-def]
    config = load_config(write_config(BASE), environ={})
    assert config.entities == shipped_entities()


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            "{key: x, kind: studio, names: [X]}",
            "entities[0].kind (line 11): 'studio' is not one of",
        ),
        ("{key: Bad Key, kind: app, names: [X]}", "entities[0].key (line 11): String should match"),
        ("{key: x, kind: app, names: []}", "entities[0].names (line 11): "),
        ("{key: x, kind: app, names: [X], parent: nobody}", "entities[0].parent: unknown entity"),
        ("{key: x, kind: app, names: [X], size: 3}", "entities[0].size (line 11): unknown key"),
    ],
)
def test_bad_entity_names_file_key_and_fix(write_config, entry: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    message = _error(write_config, BASE + f"entities:\n  - {entry}\n")
    assert ".yaml: " in message and expected in message, message


def test_duplicate_entity_key_in_the_file(write_config) -> None:  # type: ignore[no-untyped-def]
    text = (
        BASE
        + "entities:\n  - {key: x, kind: app, names: [X]}\n  - {key: x, kind: app, names: [Y]}\n"
    )
    assert "entities[1].key: 'x' is used more than once" in _error(write_config, text)


def test_rule_entity_filters_must_name_catalogue_entries(write_config) -> None:  # type: ignore[no-untyped-def]
    text = BASE.replace('metric: "*"', 'metric: "*"\n    entity: reelshort\n    region: mars')
    message = _error(write_config, text)
    assert "rules[0].region: unknown entity 'mars'" in message
    assert "rules[0].entity" not in message


def test_rule_status_defaults_to_actual_and_takes_one_or_many(write_config) -> None:  # type: ignore[no-untyped-def]
    config = load_config(write_config(BASE), environ={})
    assert config.rules[0].status == ("actual",)  # type: ignore[union-attr]
    text = BASE.replace('metric: "*"', 'metric: "*"\n    status: forecast')
    assert load_config(write_config(text), environ={}).rules[0].status == ("forecast",)  # type: ignore[union-attr]
    bad = BASE.replace('metric: "*"', 'metric: "*"\n    status: [guess]')
    assert "rules[0].status[0]" in _error(write_config, bad)


def test_broken_shipped_catalogue_names_its_file(tmp_path: Path) -> None:
    path = tmp_path / "entities.yaml"
    path.write_text("entities:\n  - {key: x, kind: app}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        shipped_entities(path)
    assert str(info.value).startswith(f"{path}: entities[0].names (line 2): required key")


def test_merge_keeps_order_and_unions_names() -> None:
    shipped = (EntityConfig(key="a", kind="app", names=("A",), parent=None),)
    extra = (EntityConfig(key="a", kind="platform", names=("A", "Ä"), parent=None),)
    (merged,) = merge_entities(shipped, extra)
    assert (merged.kind, merged.names) == ("platform", ("A", "Ä"))


def test_keyword_rule_entities_must_be_catalogue_keys(write_config) -> None:  # type: ignore[no-untyped-def]
    text = BASE.replace(
        '  - name: moves\n    kind: metric_change\n    metric: "*"\n',
        "  - name: moves\n    kind: keyword\n    any: [revenue]\n"
        "    entities: [reelshort, nobody]\n",
    )
    message = _error(write_config, text)
    assert "rules[0].entities[1]: unknown entity 'nobody'" in message


SOURCE = "  - {name: portal, kind: html, url: 'https://www.example.gov.cn/', region: %s}\n"


def test_a_source_region_is_a_region_of_the_catalogue(write_config) -> None:  # type: ignore[no-untyped-def]
    config = load_config(write_config(BASE + "sources:\n" + SOURCE % "shanghai"), environ={})
    assert config.sources[0].region == "shanghai"
    own = "entities:\n  - {key: wuxi, kind: region, parent: jiangsu, names: [无锡市]}\n"
    config = load_config(write_config(BASE + own + "sources:\n" + SOURCE % "wuxi"), environ={})
    assert config.sources[0].region == "wuxi"
    message = _error(write_config, BASE + "sources:\n" + SOURCE % "shanghia")
    assert "sources[0].region: unknown region 'shanghia'" in message and "shanghai" in message
    assert "entities.yaml" in message and ".yaml" in message.splitlines()[0]
    message = _error(write_config, BASE + "sources:\n" + SOURCE % "reelshort")  # not a region
    assert "sources[0].region: unknown region 'reelshort'" in message
