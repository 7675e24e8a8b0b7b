"""A throwaway Redis for tests: Debian's ``redis-server`` on 127.0.0.1 and a free port.

Persistence is an append-only file in the temp dir, fsynced on every write, so a restart
(the fault tests) keeps the queue, as a production Redis with AOF would.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import redis

from tests.support.pg import free_port


def redis_binary() -> str | None:
    """Path of ``redis-server``, if installed."""
    return shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").is_file() else None
    )


class RedisServer:
    """One redis-server process with its data in a temp dir."""

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self.root = Path(tempfile.mkdtemp(prefix="dramawatch-redis-"))
        self.port = free_port()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        """The server's process id (0 when stopped)."""
        return self._process.pid if self._process is not None else 0

    @property
    def url(self) -> str:
        """``redis://127.0.0.1:PORT/0``."""
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        """Start and wait until it answers PING."""
        command = [
            self.binary,
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(self.root),
            "--save",
            "",
            "--appendonly",
            "yes",
            "--appendfsync",
            "always",
            "--protected-mode",
            "no",
            "--daemonize",
            "no",
            "--loglevel",
            "warning",
        ]
        with (self.root / "redis.log").open("ab") as log:
            self._process = subprocess.Popen(command, stdout=log, stderr=log)
        self._wait_ready()
        return self

    def stop(self) -> None:
        """Shut down (SIGTERM: Redis flushes its append-only file first)."""
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=30)
            self._process = None

    def restart(self, down_for: float = 0) -> None:
        """Stop, stay down ``down_for`` seconds, start again on the same port and data."""
        self.stop()
        time.sleep(down_for)
        self.start()

    def close(self) -> None:
        """Stop and delete the data."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def client(self) -> redis.Redis:
        """A plain client."""
        return redis.Redis.from_url(self.url)

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with self.client() as client:
                    if client.ping():
                        return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start: {(self.root / 'redis.log').read_text()}")
