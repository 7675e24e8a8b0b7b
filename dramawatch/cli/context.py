"""What every command shares: the config, loaded on first use, and the migrated store."""

from __future__ import annotations

import click

from config import Config, ConfigError, load_config, resolve_config_path
from config.masking import mask_text, mask_url
from storage import DatabaseMissing, DatabaseSetupError, Store, open_store
from storage.errors import DatabaseError


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
            named_by = f"the database setting of {self.config_path}"
            self._store = open_database(self.config.database, create=create, named_by=named_by)
        return self._store


def open_database(url: str, *, create: bool, named_by: str) -> Store:
    """The store at ``url``, its schema upgraded; each failure one line (``create``: make it)."""
    try:
        store = open_store(url, create=create)
    except DatabaseMissing as exc:
        raise ConfigProblem(
            f"no database at {exc.path} ({named_by}); "
            "create it with `dramawatch crawl` or `dramawatch init`, or fix the setting"
        ) from None
    except DatabaseSetupError as exc:
        raise ConfigProblem(f"database {mask_text(str(exc))}") from None
    try:
        store.migrate()
    except DatabaseError as exc:
        raise DatabaseProblem(url, exc) from None
    return store


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
