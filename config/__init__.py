"""Config: the YAML schema, its loader and the shipped files."""

from __future__ import annotations

from config.durations import format_duration, parse_duration
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
    KeywordRule,
    MetricChangeRule,
    MetricConfig,
    RuleConfig,
    SourceConfig,
    SourceHealthRule,
    TopicConfig,
    WebhookChannel,
)

__all__ = [
    "DEFAULT_CONFIG",
    "DEMO_CONFIG",
    "SOURCE_KINDS",
    "ChannelConfig",
    "Config",
    "ConfigError",
    "CrawlConfig",
    "EmailChannel",
    "KeywordRule",
    "MetricChangeRule",
    "MetricConfig",
    "RuleConfig",
    "SourceConfig",
    "SourceHealthRule",
    "TopicConfig",
    "WebhookChannel",
    "default_metric_definitions",
    "format_duration",
    "load_config",
    "parse_duration",
    "resolve_config_path",
]
