"""What every command shares: the config, loaded on first use, and the migrated store."""

from __future__ import annotations

import click

from config import Config, ConfigError, load_config, resolve_config_path
from config.masking import mask_text, mask_url
from storage import Store, open_store
from storage.errors import DatabaseError


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
            try:
                store.migrate()
            except DatabaseError as exc:
                raise DatabaseProblem(self.config.database, exc) from None
            self._store = store
        return self._store


class DatabaseProblem(click.ClickException):
    """The database cannot be used: one line naming it (credentials masked) and the reason."""

    def __init__(self, database: str, error: BaseException) -> None:
        super().__init__(
            f"cannot use the database {mask_url(database)}: {database_reason(error)}. "
            "Check `database:` in the config and that the server is running."
        )


def database_reason(error: BaseException) -> str:
    """The driver's first line of ``error``, without credentials."""
    cause = getattr(error, "orig", None) or error
    lines = str(cause).strip().splitlines() or [type(cause).__name__]
    return mask_text(lines[0].strip())


pass_context = click.make_pass_decorator(Context)
