"""Config: the YAML schema, its loader and the shipped files."""

from __future__ import annotations

from config.durations import format_duration, parse_duration
from config.entities import DEFAULT_ENTITIES, merge_entities, shipped_entities
from config.errors import ConfigError
from config.loader import (
    DEFAULT_CONFIG,
    DEMO_CONFIG,
    default_metric_definitions,
    load_config,
    resolve_config_path,
)
from config.schema import (
    SOURCE_KINDS,
    ChannelConfig,
    Config,
    CrawlConfig,
    EmailChannel,
    EntityConfig,
    KeywordRule,
    MetricChangeRule,
    MetricConfig,
    RuleConfig,
    SourceConfig,
    SourceHealthRule,
    TopicConfig,
    WebhookChannel,
)
from config.web import TOKEN_VARIABLE, WebSettings, web_settings

__all__ = [
    "DEFAULT_CONFIG",
    "DEFAULT_ENTITIES",
    "DEMO_CONFIG",
    "SOURCE_KINDS",
    "TOKEN_VARIABLE",
    "ChannelConfig",
    "Config",
    "ConfigError",
    "CrawlConfig",
    "EmailChannel",
    "EntityConfig",
    "KeywordRule",
    "MetricChangeRule",
    "MetricConfig",
    "RuleConfig",
    "SourceConfig",
    "SourceHealthRule",
    "TopicConfig",
    "WebSettings",
    "WebhookChannel",
    "default_metric_definitions",
    "format_duration",
    "load_config",
    "merge_entities",
    "parse_duration",
    "resolve_config_path",
    "shipped_entities",
    "web_settings",
]
