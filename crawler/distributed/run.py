"""``run_worker``: one worker process consuming the shared queue until stopped or idle."""

from __future__ import annotations

import logging
import os
import socket
import uuid
from typing import TYPE_CHECKING, Any

from scrapy.crawler import CrawlerProcess

from config.masking import mask_url
from crawler.distributed import HEARTBEAT_TTL, queue
from crawler.distributed.spider import WorkerSpider
from crawler.settings import settings_for
from storage import open_store

if TYPE_CHECKING:
    from config import Config

__all__ = ["WorkerSpider", "new_worker_id", "run_worker"]

logger = logging.getLogger(__name__)


def new_worker_id() -> str:
    """A worker name unique across machines: host, pid and a random suffix."""
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


def run_worker(
    config: Config,
    redis_url: str,
    *,
    worker_id: str | None = None,
    concurrency: int = 8,
    idle_exit: float = 0,
    dispatch: bool = True,
    heartbeat_ttl: int = HEARTBEAT_TTL,
    settings: dict[str, Any] | None = None,
) -> str:
    """Consume the shared queue until stopped (SIGTERM/SIGINT) or idle; returns the id."""
    open_store(config.database).migrate()
    worker_id = worker_id or new_worker_id()
    overrides = {
        "LOG_LEVEL": logging.getLevelName(logging.getLogger().getEffectiveLevel()),
        "LOG_INSTALL_ROOT_HANDLER": False,
        "CONCURRENT_REQUESTS": concurrency,
        **queue.worker_settings(redis_url, worker_id),
        **(settings or {}),
    }
    crawl_settings = settings_for(config, **overrides)
    crawl_settings["DOWNLOADER_MIDDLEWARES"] = {
        **crawl_settings.get("DOWNLOADER_MIDDLEWARES", {}),
        **queue.DOWNLOADER_MIDDLEWARES,
    }
    process = CrawlerProcess(crawl_settings)
    process.crawl(
        WorkerSpider,
        config=config,
        worker_id=worker_id,
        idle_exit=idle_exit,
        dispatch=dispatch,
        heartbeat_ttl=heartbeat_ttl,
    )
    logger.info("Worker %s consuming %s", worker_id, mask_url(redis_url))
    process.start()
    return worker_id
