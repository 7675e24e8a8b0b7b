"""Log dropped items as one short line: off-topic and known pages are routine, not warnings."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import logformatter
from scrapy.http import Response
from twisted.python.failure import Failure


class DramawatchLogFormatter(logformatter.LogFormatter):
    """Scrapy's formatter, with drops at DEBUG and without the item's repr."""

    def dropped(
        self, item: Any, exception: BaseException, response: Response | Failure | None, spider: Any
    ) -> logformatter.LogFormatterResult:
        """``Dropped <reason>: <url>`` at DEBUG."""
        return {
            "level": logging.DEBUG,
            "msg": "Dropped %(exception)s",
            "args": {"exception": exception},
        }
