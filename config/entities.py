"""The entity catalogue: the shipped config/entities.yaml merged with a config's `entities:`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from config.errors import ConfigError
from config.schema import EntityCatalogue, EntityConfig
from config.yaml_lines import describe_validation_error

DEFAULT_ENTITIES = Path(__file__).resolve().parent / "entities.yaml"


@cache
def shipped_entities(path: Path = DEFAULT_ENTITIES) -> tuple[EntityConfig, ...]:
    """The shipped catalogue, validated; a broken file raises ConfigError naming it."""
    text = path.read_text(encoding="utf-8")
    try:
        entities = EntityCatalogue.model_validate(yaml.safe_load(text) or {}).entities
    except (ValidationError, yaml.YAMLError) as exc:
        problems = (
            describe_validation_error(exc, text)
            if isinstance(exc, ValidationError)
            else [f"YAML syntax error: {exc}; fix the indentation or quoting there"]
        )
        raise ConfigError(str(path), problems) from None
    problems = check_entities(entities)
    if problems:
        raise ConfigError(str(path), problems)
    return entities


def merge_entities(
    shipped: tuple[EntityConfig, ...], extra: tuple[EntityConfig, ...]
) -> tuple[EntityConfig, ...]:
    """``shipped`` extended by ``extra``: new keys added, a known key's entry replaced by the
    extra one with the names of both."""
    merged = {entity.key: entity for entity in shipped}
    for entity in extra:
        known = merged.get(entity.key)
        if known is not None:
            names = tuple(dict.fromkeys((*known.names, *entity.names)))
            parent = entity.parent or known.parent
            entity = entity.model_copy(update={"names": names, "parent": parent})
        merged[entity.key] = entity
    return tuple(merged.values())


def check_entities(entities: tuple[EntityConfig, ...], known: set[str] | None = None) -> list[str]:
    """Duplicate keys, and parents that name no entity of ``known`` (default: ``entities``)."""
    keys = [entity.key for entity in entities]
    problems = [
        f"entities[{i}].key: {key!r} is used more than once; keys must be unique"
        for i, key in enumerate(keys)
        if key in keys[:i]
    ]
    known = set(keys) if known is None else known
    return problems + [
        f"entities[{i}].parent: unknown entity {entity.parent!r}; "
        "use the key of an entity in the catalogue"
        for i, entity in enumerate(entities)
        if entity.parent is not None and entity.parent not in known
    ]
