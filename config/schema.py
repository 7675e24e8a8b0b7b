"""Typed, validated, frozen models of the whole config file."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from config.cron import crontab_trigger, time_zone
from config.durations import parse_duration
from config.expressions import css_selector, jmespath_expression

SOURCE_KINDS = ("rss", "html", "sitemap", "json")
JSON_ONLY_KEYS = (
    "method",
    "body",
    "form",
    "headers",
    "items",
    "item_link",
    "item_title",
    "item_date",
    "page_param",
    "first_page",
)
ENTITY_KINDS = ("platform", "app", "company", "regulator", "association", "research", "region")
METRIC_STATUSES = ("actual", "forecast", "target")
CATEGORIES = ("government", "industry", "media")
DEFAULT_USER_AGENT = "dramawatch/0.1 (+https://github.com/dramawatch/dramawatch; news monitor)"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TopicConfig(_Model):
    """Which articles are on topic: any keyword in the title or text keeps an article."""

    keywords: tuple[str, ...] = (
        "micro-drama",
        "micro drama",
        "microdrama",
        "mini-drama",
        "short drama",
        "short-form drama",
        "vertical drama",
        "vertical series",
        "duanju",
        "微短剧",
        "短剧",
        "网络微短剧",
        "竖屏剧",
        "小程序剧",
        "微短劇",
        "短劇",
    )


class CrawlConfig(_Model):
    """Politeness and robustness settings shared by every spider."""

    user_agent: str = DEFAULT_USER_AGENT
    obey_robots: bool = True
    download_timeout: float = Field(default=20, gt=0)
    download_maxsize: int = Field(default=5_000_000, gt=0)
    retries: int = Field(default=2, ge=0, le=10)
    concurrency_per_domain: int = Field(default=4, ge=1, le=64)
    autothrottle: bool = True
    max_articles_per_source: int = Field(default=200, ge=1)
    max_sitemap_depth: int = Field(default=3, ge=1, le=10)  # index levels below the start URL
    max_child_sitemaps: int = Field(default=50, ge=1)  # per source per pass


class SourceConfig(_Model):
    """One source: a feed, a listing page, a sitemap or a JSON list, and how to read it.

    A ``json`` source requests ``url`` (``method``, a JSON ``body`` or ``form`` fields,
    ``headers``), finds its items with the JMESPath ``items`` and, in each item, the article's
    ``item_link``, ``item_title`` and ``item_date``; ``page_param`` names the page number's
    query, body or form field when ``max_pages`` is above 1.
    """

    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    kind: str
    url: str = Field(pattern=r"^https?://")
    category: Literal["government", "industry", "media"] = "media"
    language: str | None = None
    interval: int = 3600
    cron: str | None = None  # crontab line; the daemon then crawls at these times
    cron_timezone: str = "UTC"
    link_selector: str | None = None
    next_selector: str | None = None
    max_pages: int = Field(default=1, ge=1, le=100)
    topic_keywords: tuple[str, ...] | None = None
    allowed_domains: tuple[str, ...] = ()
    enabled: bool = True
    notes: str | None = None
    region: str | None = None  # the city or province a portal speaks for: what 本市 means there
    method: Literal["GET", "POST"] = "GET"
    body: dict[str, Any] | list[Any] | None = None
    form: dict[str, str] | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    items: str = "@"
    item_link: str = "url"
    item_title: str | None = "title"
    item_date: str | None = None
    page_param: str | None = None
    first_page: int = Field(default=1, ge=0)

    @field_validator("link_selector", "next_selector")
    @classmethod
    def _css(cls, value: str | None) -> str | None:
        return None if value is None else css_selector(value)

    @field_validator("items", "item_link", "item_title", "item_date")
    @classmethod
    def _jmespath(cls, value: str | None) -> str | None:
        return None if value is None else jmespath_expression(value)

    @model_validator(mode="after")
    def _json_keys(self) -> SourceConfig:
        if self.kind != "json":
            misplaced = [key for key in JSON_ONLY_KEYS if key in self.model_fields_set]
            if misplaced:
                raise ValueError(f"{', '.join(misplaced)}: only for kind: json")
        if self.body is not None and self.form is not None:
            raise ValueError("give either body (JSON) or form (fields), not both")
        return self

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, kind: str) -> str:
        if kind not in SOURCE_KINDS:
            raise ValueError(f"{kind!r} is not one of {', '.join(SOURCE_KINDS)}")
        return kind

    @field_validator("interval", mode="before")
    @classmethod
    def _duration(cls, value: str | int) -> int:
        return parse_duration(value)

    @field_validator("cron")
    @classmethod
    def _crontab(cls, line: str | None) -> str | None:
        if line is not None:
            crontab_trigger(line)
        return line

    @field_validator("cron_timezone")
    @classmethod
    def _zone(cls, timezone: str) -> str:
        time_zone(timezone)
        return timezone


class MetricConfig(_Model):
    """A tracked figure: its key, label, unit and the terms that name it."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    unit: str
    terms: tuple[str, ...] = Field(min_length=1)


class EntityConfig(_Model):
    """A platform, app, company, regulator or region that figures can be about."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: str
    names: tuple[str, ...] = Field(min_length=1)
    parent: str | None = None  # the company behind an app, the province of a city

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, kind: str) -> str:
        if kind not in ENTITY_KINDS:
            raise ValueError(f"{kind!r} is not one of {', '.join(ENTITY_KINDS)}")
        return kind

    @field_validator("names")
    @classmethod
    def _no_blank_names(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        if any(not name.strip() for name in names):
            raise ValueError("a name is blank; remove it or write the name")
        return names


class EntityCatalogue(_Model):
    """The top level of the shipped catalogue file."""

    entities: tuple[EntityConfig, ...]


class _RuleBase(_Model):
    name: str = Field(min_length=1)
    channels: tuple[str, ...] = Field(min_length=1)


class KeywordRule(_RuleBase):
    """Fires once per story: on its first copy that passes the filters and matches the terms."""

    kind: Literal["keyword"]
    any: tuple[str, ...] = ()
    all: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()  # only articles that name one of these catalogue entities

    @model_validator(mode="after")
    def _has_terms(self) -> KeywordRule:
        if not (self.any or self.all):
            raise ValueError("a keyword rule needs an 'any' or an 'all' term list")
        return self


class MetricChangeRule(_RuleBase):
    """Fires when a new observation of a metric differs from the previous one."""

    kind: Literal["metric_change"]
    metric: str = "*"
    min_change_pct: float = Field(default=0, ge=0)
    direction: Literal["up", "down", "any"] = "any"
    entity: str | None = None  # only figures about this entity (default: any, within its series)
    region: str | None = None  # only figures about this region
    # Which figures may fire: actual ones by default, so a forecast never reads as a market move.
    status: tuple[Literal["actual", "forecast", "target"], ...] = ("actual",)

    @field_validator("status", mode="before")
    @classmethod
    def _one_or_many(cls, value: str | list[str]) -> list[str] | str:
        return [value] if isinstance(value, str) else value


class SourceHealthRule(_RuleBase):
    """Fires when a source keeps failing or goes silent."""

    kind: Literal["source_health"]
    failures: int = Field(default=3, ge=1)
    silent_for: int | None = None

    @field_validator("silent_for", mode="before")
    @classmethod
    def _duration(cls, value: str | int | None) -> int | None:
        return None if value is None else parse_duration(value)


RuleConfig = Annotated[
    KeywordRule | MetricChangeRule | SourceHealthRule, Field(discriminator="kind")
]


class SmtpConfig(_Model):
    """How to reach the mail server."""

    host: str
    port: int = Field(default=25, gt=0, lt=65536)
    starttls: bool = False
    ssl: bool = False
    username: str | None = None
    password: str | None = None
    timeout: float = Field(default=15, gt=0)
    ca_file: str | None = None  # trust this CA bundle (a private relay's) instead of the system's


class WebhookChannel(_Model):
    """POST signed JSON to a URL."""

    name: str = Field(min_length=1)
    kind: Literal["webhook"]
    url: str = Field(pattern=r"^https?://")
    secret: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    timeout: float = Field(default=10, gt=0)


class EmailChannel(_Model):
    """Send alerts by SMTP, one by one or as a periodic digest."""

    name: str = Field(min_length=1)
    kind: Literal["email"]
    to: tuple[str, ...] = Field(min_length=1)
    from_: str = Field(alias="from")
    smtp: SmtpConfig
    digest: int | None = None

    @field_validator("digest", mode="before")
    @classmethod
    def _duration(cls, value: str | int | None) -> int | None:
        return None if value is None else parse_duration(value)


class AppriseChannel(_Model):
    """Any service apprise supports (Slack, Telegram, ntfy ...), by URL."""

    name: str = Field(min_length=1)
    kind: Literal["apprise"]
    urls: tuple[str, ...] = Field(min_length=1)


ChannelConfig = Annotated[
    WebhookChannel | EmailChannel | AppriseChannel, Field(discriminator="kind")
]


class Config(_Model):
    """The whole config file."""

    database: str = "sqlite:///dramawatch.db"
    topic: TopicConfig = TopicConfig()
    crawl: CrawlConfig = CrawlConfig()
    sources: tuple[SourceConfig, ...] = ()
    metrics: tuple[MetricConfig, ...] = ()
    entities: tuple[EntityConfig, ...] = ()  # the shipped catalogue plus the file's entries
    rules: tuple[RuleConfig, ...] = ()
    channels: tuple[ChannelConfig, ...] = ()

    def source(self, name: str) -> SourceConfig:
        """Return the source called ``name`` (KeyError if there is none)."""
        for source in self.sources:
            if source.name == name:
                return source
        raise KeyError(name)
