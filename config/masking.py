"""Credentials kept out of what is shown: URLs printed, logged or put in error messages."""

from __future__ import annotations

import re

MASK = "***"
# user:password@ of a URL, alone or inside free text (a driver's error message).
_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:/@\s]*):[^\s/]*@", re.I)
# Query parameters that carry a secret (libpq's password=, the token of a webhook URL ...).
_SECRET_PARAM = re.compile(
    r"(?P<name>[?&][^=&#\s]*(?:pass|secret|token|key|auth)[^=&#\s]*=)[^&#\s'\")\]]*", re.I
)


def mask_url(url: str) -> str:
    """``url`` (or a text holding URLs) with passwords and secret query values as ``***``."""
    url = _USERINFO.sub(lambda m: f"{m['scheme']}{m['user']}:{MASK}@", url)
    return _SECRET_PARAM.sub(lambda m: f"{m['name']}{MASK}", url)


def mask_text(text: str, *secrets: str | None) -> str:
    """``text`` with its URLs masked and each of ``secrets`` (4 characters or more) too."""
    text = mask_url(text)
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, MASK)
    return text
