"""What every command shares: the config, loaded on first use, and the migrated store."""

from __future__ import annotations

import click

from config import Config, ConfigError, load_config, resolve_config_path
from storage import Store, open_store


class ConfigProblem(click.ClickException):
    """An invalid config: exit code 2, the message names the file, key and fix."""

    exit_code = 2


class Context:
    """The config file and the archive, each opened on first use."""

    def __init__(self, config_path: str | None) -> None:
        self.config_path = resolve_config_path(config_path)
        self._config: Config | None = None
        self._store: Store | None = None

    @property
    def config(self) -> Config:
        """The validated config (ConfigProblem when it is invalid)."""
        if self._config is None:
            try:
                self._config = load_config(self.config_path)
            except ConfigError as exc:
                raise ConfigProblem(str(exc)) from None
        return self._config

    @property
    def store(self) -> Store:
        """The config's database, its schema created or upgraded on first use."""
        if self._store is None:
            store = open_store(self.config.database)
            store.migrate()
            self._store = store
        return self._store


pass_context = click.make_pass_decorator(Context)
