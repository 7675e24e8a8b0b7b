"""A TCP relay to a server on 127.0.0.1 that can lose the reply to one command.

A server that stops right after doing a command but before its reply goes out looks like
this to the client: the connection drops, and the client sends the command again.
"""

from __future__ import annotations

import socket
import threading
from contextlib import suppress

from tests.support.pg import free_port


class LossyProxy:
    """Relays connections on its own port to ``upstream_port``; see :meth:`lose_reply_to`."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.port = free_port()
        self.lost = 0  # replies lost so far
        self._armed: bytes | None = None
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        """A redis:// URL through the proxy."""
        return f"redis://127.0.0.1:{self.port}/0"

    def lose_reply_to(self, command: str) -> None:
        """Let the next command containing ``command`` through, then drop its connection
        instead of relaying the reply."""
        with self._lock:
            self._armed = command.upper().encode()

    def close(self) -> None:
        """Stop accepting connections."""
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            doomed = threading.Event()  # the next reply on this connection is lost
            for pump, args in (
                (self._requests, (client, upstream, doomed)),
                (self._replies, (upstream, client, doomed)),
            ):
                threading.Thread(target=pump, args=args, daemon=True).start()

    def _requests(
        self, client: socket.socket, upstream: socket.socket, doomed: threading.Event
    ) -> None:
        with suppress(OSError):
            while data := client.recv(65536):
                with self._lock:
                    if self._armed is not None and self._armed in data.upper():
                        self._armed = None
                        doomed.set()
                upstream.sendall(data)
        _close(client, upstream)

    def _replies(
        self, upstream: socket.socket, client: socket.socket, doomed: threading.Event
    ) -> None:
        with suppress(OSError):
            while data := upstream.recv(65536):
                if doomed.is_set():
                    self.lost += 1
                    break
                client.sendall(data)
        _close(client, upstream)


def _close(*sockets: socket.socket) -> None:
    for sock in sockets:
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()
