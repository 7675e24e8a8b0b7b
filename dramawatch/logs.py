"""Log output for long-running commands: text lines, or one JSON object per line.

Structured facts travel in ``extra={"fields": {...}}``: the JSON format puts them next to
the message (``{"ts", "level", "logger", "msg", ...fields}``), the text format shows only
the message, which already reads well.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

LOG_FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message and the record's fields."""

    def format(self, record: logging.LogRecord) -> str:
        """Render ``record`` as one line of JSON."""
        data: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        data.update(getattr(record, "fields", None) or {})
        if record.exc_info:
            data["exc"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, default=str)


def configure(log_format: str, level: int) -> None:
    """Send every log record to stderr in ``log_format`` at ``level`` and above."""
    handler = logging.StreamHandler()
    handler.setLevel(level)  # on the handler: Scrapy resets its own loggers' levels
    formatter = JsonFormatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT)
    handler.setFormatter(formatter)
    logging.basicConfig(handlers=[handler], level=level, force=True)
    # APScheduler reports every job start and finish at INFO; the daemon logs its own summaries.
    logging.getLogger("apscheduler").setLevel(max(level, logging.WARNING))
    # Alembic names every migration context at INFO whenever a command opens the database;
    # only -vv (debug) shows it.
    logging.getLogger("alembic").setLevel(level if level <= logging.DEBUG else logging.WARNING)


def current_level() -> int:
    """The level of the first root handler (what `-v` chose), else the root level."""
    root = logging.getLogger()
    return (root.handlers[0].level if root.handlers else 0) or root.level
