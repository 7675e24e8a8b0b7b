"""What every command shares: the config, loaded on first use, and the migrated store."""

from __future__ import annotations

import click

from config import Config, ConfigError, load_config, resolve_config_path
from storage import DatabaseMissing, DatabaseSetupError, Store, open_store


class ConfigProblem(click.ClickException):
    """An invalid config or an unusable database: exit code 2, one line naming the fix."""

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
        """The existing database, its schema upgraded; reading never creates one."""
        return self._open(create=False)

    @property
    def writable_store(self) -> Store:
        """The database, created (with its directories) when it does not exist yet."""
        return self._open(create=True)

    def _open(self, *, create: bool) -> Store:
        if self._store is None:
            try:
                store = open_store(self.config.database, create=create)
            except DatabaseMissing as exc:
                raise ConfigProblem(self._missing(exc)) from None
            except DatabaseSetupError as exc:
                raise ConfigProblem(f"database {exc}") from None
            store.migrate()
            self._store = store
        return self._store

    def _missing(self, exc: DatabaseMissing) -> str:
        return (
            f"no database at {exc.path} (the database setting of {self.config_path}); "
            "create it with `dramawatch crawl` or `dramawatch init`, or fix the setting"
        )


pass_context = click.make_pass_decorator(Context)
