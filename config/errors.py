"""The one exception the config package raises.

``ConfigError`` is raised by :func:`config.load_config` for every problem in a config
file (syntax, schema, environment) and caught once by the CLI, which exits with code 2.
"""

from __future__ import annotations


class ConfigError(Exception):
    """An invalid config file: names the file, the key path and the fix."""

    def __init__(self, file: str, problems: list[str]) -> None:
        self.file = file
        self.problems = problems
        super().__init__("\n".join(f"{file}: {problem}" for problem in problems))
