"""Crontab schedules for sources: ``cron: "0 9,17 * * *"`` in ``cron_timezone``."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.cron import CronTrigger


def crontab_trigger(line: str, timezone: str = "UTC") -> CronTrigger:
    """The APScheduler trigger of a five-field crontab line in ``timezone``.

    Raises ValueError naming the problem and the expected form.
    """
    zone = time_zone(timezone)
    try:
        return CronTrigger.from_crontab(line, timezone=zone)
    except ValueError as exc:
        raise ValueError(
            f"{line!r} is not a crontab line ({exc}); use five fields: minute hour "
            "day-of-month month day-of-week, e.g. '0 9,17 * * *'"
        ) from None


def time_zone(name: str) -> ZoneInfo:
    """The IANA time zone ``name``; ValueError with the expected form otherwise."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"{name!r} is not a time zone; use an IANA name such as UTC or Asia/Shanghai"
        ) from None
