"""Load a YAML config file into a validated :class:`Config`, or raise one ConfigError."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from difflib import get_close_matches
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from config.entities import check_entities, merge_entities, shipped_entities
from config.errors import ConfigError
from config.interpolate import interpolate
from config.schema import Config, EntityConfig, MetricConfig
from config.yaml_lines import describe_validation_error

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_CONFIG = PACKAGE_DIR / "default.yaml"
DEMO_CONFIG = PACKAGE_DIR / "demo.yaml"
DEFAULT_METRICS = PACKAGE_DIR / "metrics.yaml"
LOCAL_CONFIG_NAME = "dramawatch.yaml"
# sqlite:///name.db (three slashes, then a relative path; four slashes make it absolute).
_SQLITE_RELATIVE = re.compile(r"(sqlite(?:\+\w+)?):///(?!/)(?!:memory:)(?!file:)([^?]+)(\?.*)?")


def resolve_config_path(path: str | Path | None) -> Path:
    """The file to load: the given one, else ./dramawatch.yaml, else the shipped default."""
    if path:
        return Path(path)
    local = Path.cwd() / LOCAL_CONFIG_NAME
    return local if local.is_file() else DEFAULT_CONFIG


def load_config(path: str | Path, environ: Mapping[str, str] | None = None) -> Config:
    """Read, interpolate and validate ``path``; raise ConfigError naming file, key and fix."""
    file = str(path)
    text = _read(Path(path), file)
    tree = _parse(text, file)
    tree, problems = interpolate(tree, environ)
    if problems:
        raise ConfigError(file, problems)
    if "metrics" not in tree:
        tree["metrics"] = _default_metrics()
    try:
        config = Config.model_validate(tree)
    except ValidationError as exc:
        raise ConfigError(file, describe_validation_error(exc, text)) from None
    own = config.entities
    config = config.model_copy(update={"entities": merge_entities(shipped_entities(), own)})
    problems = _cross_check(config, own)
    if problems:
        raise ConfigError(file, problems)
    return config.model_copy(update={"database": resolve_database(config.database, Path(path))})


def resolve_database(database: str, config_file: Path) -> str:
    """A relative SQLite path made absolute against the config file's directory.

    The shipped configs (inside this package) keep theirs relative to the working directory,
    so ``dramawatch crawl`` without a config writes ./dramawatch.db as it always has.
    """
    match = _SQLITE_RELATIVE.fullmatch(database)
    if match is None or config_file.resolve().parent == PACKAGE_DIR:
        return database
    scheme, name, query = match.groups()
    absolute = (config_file.resolve().parent / name).as_posix()
    return f"{scheme}:///{absolute}{query or ''}"


def _read(path: Path, file: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            file, ["file not found; pass --config PATH to an existing file"]
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(file, [f"cannot be read ({exc}); save it as UTF-8 text"]) from None


def _parse(text: str, file: str) -> dict[str, Any]:
    try:
        tree = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise ConfigError(
            file, [f"{where}YAML syntax error: {exc.problem}; fix the indentation or quoting there"]
        ) from None
    if tree is None:
        return {}
    if not isinstance(tree, dict):
        raise ConfigError(file, ["the top level must be a mapping of keys such as sources:"])
    return tree


def _default_metrics() -> list[dict[str, Any]]:
    with DEFAULT_METRICS.open(encoding="utf-8") as handle:
        return list(yaml.safe_load(handle)["metrics"])


def default_metric_definitions() -> tuple[MetricConfig, ...]:
    """The shipped metric definitions (config/metrics.yaml), validated."""
    return tuple(MetricConfig.model_validate(entry) for entry in _default_metrics())


def _cross_check(config: Config, own_entities: tuple[EntityConfig, ...]) -> list[str]:
    problems = _duplicates("sources", [s.name for s in config.sources])
    problems += _entity_problems(config, own_entities)
    problems += _source_regions(config)
    problems += _duplicates("rules", [r.name for r in config.rules])
    problems += _duplicates("channels", [c.name for c in config.channels])
    problems += _duplicates("metrics", [m.key for m in config.metrics])
    channel_names = [channel.name for channel in config.channels]
    metric_keys = {metric.key for metric in config.metrics}
    for i, rule in enumerate(config.rules):
        for name in rule.channels:
            if name not in channel_names:
                known = ", ".join(channel_names) or "none defined"
                problems.append(
                    f"rules[{i}].channels: channel {name!r} does not exist; "
                    f"define it under channels: or use one of: {known}"
                )
        metric = getattr(rule, "metric", "*")
        if metric != "*" and metric not in metric_keys:
            problems.append(
                f"rules[{i}].metric: unknown metric {metric!r}; use '*' or one of: "
                + ", ".join(sorted(metric_keys))
            )
    return problems


def _entity_problems(config: Config, own: tuple[EntityConfig, ...]) -> list[str]:
    """The file's own entities (unique keys, known parents) and the entities rules name."""
    known = {entity.key for entity in config.entities}
    problems = check_entities(own, known)
    for i, rule in enumerate(config.rules):
        named = [
            ("entity", getattr(rule, "entity", None)),
            ("region", getattr(rule, "region", None)),
        ]
        named += [(f"entities[{j}]", key) for j, key in enumerate(getattr(rule, "entities", ()))]
        for field, value in named:
            if value is not None and value not in known:
                problems.append(
                    f"rules[{i}].{field}: unknown entity {value!r}; use a key of the entity "
                    "catalogue (config/entities.yaml or your entities:)"
                )
    return problems


def _source_regions(config: Config) -> list[str]:
    """Each source's region is a region of the entity catalogue."""
    regions = sorted(e.key for e in config.entities if e.kind == "region")
    return [
        f"sources[{i}].region: unknown region {source.region!r}; use a region key of the entity "
        f"catalogue (config/entities.yaml or your entities:), such as "
        + ", ".join(get_close_matches(source.region, regions, 3, 0.5) or regions[:8])
        for i, source in enumerate(config.sources)
        if source.region is not None and source.region not in regions
    ]


def _duplicates(section: str, names: list[str]) -> list[str]:
    problems = []
    for name, count in Counter(names).items():
        if count > 1:
            index = names.index(name, names.index(name) + 1)
            problems.append(
                f"{section}[{index}].name: {name!r} is used {count} times; names must be unique"
            )
    return problems
