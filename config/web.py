"""Settings of the web app that come from the environment (the access token)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

TOKEN_VARIABLE = "DRAMAWATCH_WEB_TOKEN"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


@dataclass(frozen=True)
class WebSettings:
    """Where the web app listens and the token it requires (None: no token asked)."""

    host: str = "127.0.0.1"
    port: int = 8080
    token: str | None = None

    @property
    def loopback(self) -> bool:
        """True when only this machine can reach the app."""
        return self.host in LOOPBACK_HOSTS or self.host.startswith("127.")

    def problem(self) -> str | None:
        """Why the app must not start with these settings (None: it may)."""
        if self.loopback or self.token:
            return None
        return (
            f"binding {self.host} exposes the archive beyond this machine; "
            f"export {TOKEN_VARIABLE}=<a long random secret> first, or bind 127.0.0.1"
        )


def web_settings(
    host: str = "127.0.0.1", port: int = 8080, environ: Mapping[str, str] | None = None
) -> WebSettings:
    """The web settings for ``host``:``port`` with the token from the environment."""
    env = os.environ if environ is None else environ
    token = (env.get(TOKEN_VARIABLE) or "").strip() or None
    return WebSettings(host=host, port=port, token=token)
