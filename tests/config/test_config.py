"""Config loading: valid files, interpolation, and an actionable error for each mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import DEFAULT_CONFIG, DEMO_CONFIG, ConfigError, load_config, parse_duration

ROOT = Path(__file__).resolve().parents[2]

VALID = """
database: sqlite:///x.db
sources:
  - name: nrta
    kind: html
    url: https://www.nrta.gov.cn/col/col113/index.html
    category: government
    interval: 6h
rules:
  - name: regulation
    kind: keyword
    any: [NRTA, 监管]
    channels: [hook]
channels:
  - name: hook
    kind: webhook
    url: http://127.0.0.1:9000/hook
    secret: ${HOOK_SECRET}
"""


def _error(write_config, text: str, environ: dict[str, str] | None = None) -> str:  # type: ignore[no-untyped-def]
    path = write_config(text)
    with pytest.raises(ConfigError) as info:
        load_config(path, environ=environ or {})
    message = str(info.value)
    assert message.startswith(f"{path}: "), message
    return message


def test_valid_config_loads_with_interpolation_and_default_metrics(write_config) -> None:  # type: ignore[no-untyped-def]
    config = load_config(write_config(VALID), environ={"HOOK_SECRET": "s3cret"})
    assert config.sources[0].interval == 6 * 3600
    assert config.channels[0].secret == "s3cret"
    assert {m.key for m in config.metrics} >= {"market_value", "jobs", "overseas_revenue"}


def test_unset_environment_variable_names_key_and_fix(write_config) -> None:  # type: ignore[no-untyped-def]
    message = _error(write_config, VALID)
    assert "channels[0].secret" in message and "HOOK_SECRET" in message and "export" in message


def test_env_default_is_used_when_variable_unset(write_config) -> None:  # type: ignore[no-untyped-def]
    config = load_config(
        write_config(VALID.replace("${HOOK_SECRET}", "${HOOK_SECRET:-dflt}")), environ={}
    )
    assert config.channels[0].secret == "dflt"


def test_unknown_kind_lists_supported_kinds(write_config) -> None:  # type: ignore[no-untyped-def]
    message = _error(write_config, VALID.replace("kind: html", "kind: atom"), {"HOOK_SECRET": "x"})
    assert "sources[0].kind (line 5): 'atom' is not one of rss, html, sitemap, json" in message


def test_bad_interval_explains_the_format(write_config) -> None:  # type: ignore[no-untyped-def]
    message = _error(
        write_config, VALID.replace("interval: 6h", "interval: soon"), {"HOOK_SECRET": "x"}
    )
    assert "sources[0].interval" in message and "e.g. 45s, 30m, 6h" in message


def test_cron_schedule_and_its_errors(write_config) -> None:  # type: ignore[no-untyped-def]
    timed = VALID.replace("interval: 6h", "interval: 6h\n    cron: '0 9,17 * * 1-5'")
    zoned = timed.replace("interval: 6h", "interval: 6h\n    cron_timezone: Asia/Shanghai")
    source = load_config(write_config(zoned), environ={"HOOK_SECRET": "x"}).sources[0]
    assert (source.cron, source.cron_timezone) == ("0 9,17 * * 1-5", "Asia/Shanghai")
    message = _error(write_config, timed.replace("0 9,17", "0 25"), {"HOOK_SECRET": "x"})
    assert "sources[0].cron" in message and "five fields" in message
    message = _error(write_config, zoned.replace("Asia/Shanghai", "Beijing"), {"HOOK_SECRET": "x"})
    assert "sources[0].cron_timezone" in message and "Asia/Shanghai" in message


def test_duplicate_source_names(write_config) -> None:  # type: ignore[no-untyped-def]
    doubled = VALID.replace(
        "rules:", "  - {name: nrta, kind: rss, url: 'https://x.org/feed'}\nrules:"
    )
    message = _error(write_config, doubled, {"HOOK_SECRET": "x"})
    assert "sources[1].name: 'nrta' is used 2 times; names must be unique" in message


def test_rule_naming_missing_channel(write_config) -> None:  # type: ignore[no-untyped-def]
    message = _error(
        write_config, VALID.replace("channels: [hook]", "channels: [mail]"), {"HOOK_SECRET": "x"}
    )
    assert "rules[0].channels: channel 'mail' does not exist" in message
    assert "use one of: hook" in message


def test_unknown_channel_kind_and_unknown_key(write_config) -> None:  # type: ignore[no-untyped-def]
    text = VALID.replace("kind: webhook", "kind: pager").replace("interval: 6h", "intervall: 6h")
    message = _error(write_config, text, {"HOOK_SECRET": "x"})
    assert "channels[0].kind (line 16): 'pager' is not one of webhook, email, apprise" in message
    assert "sources[0].intervall (line 8): unknown key" in message


def test_yaml_syntax_error_names_the_line(write_config) -> None:  # type: ignore[no-untyped-def]
    message = _error(write_config, "sources:\n  - name: a\n    kind: [rss\n")
    assert "line 4" in message and "YAML syntax error" in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.yaml")


@pytest.mark.parametrize(
    "value,seconds", [("45s", 45), ("30m", 1800), ("6h", 21600), ("1d", 86400), (90, 90)]
)
def test_durations(value: str | int, seconds: int) -> None:
    assert parse_duration(value) == seconds


@pytest.mark.parametrize("value", ["0m", "5 minutes", "-1h", 0])
def test_bad_durations(value: str | int) -> None:
    with pytest.raises(ValueError):
        parse_duration(value)


def test_shipped_catalogue_loads_with_twenty_real_sources() -> None:
    config = load_config(DEFAULT_CONFIG, environ={})
    assert len(config.sources) >= 20
    assert {s.kind for s in config.sources} == {"rss", "html", "sitemap", "json"}
    assert {"nrta-notices", "shanghai-city-news", "variety-microdramas", "36kr"} <= {
        s.name for s in config.sources
    }
    assert "微短劇" in config.topic.keywords


def test_shipped_example_and_demo_configs_load() -> None:
    example = load_config(
        ROOT / "config" / "example.yaml", environ={"HOOK_SECRET": "x", "SMTP_PASSWORD": "y"}
    )
    assert example.rules and example.channels
    demo = load_config(DEMO_CONFIG, environ={"DEMO_BASE": "http://127.0.0.1:1"})
    assert all(s.url.startswith("http://127.0.0.1:1/") for s in demo.sources)
