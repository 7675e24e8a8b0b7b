"""Attachments: a notice whose list is of files (附件: a PDF, a form, a table) is no listing.

A listing's items lead to pages; a government notice often says nothing but its attachments,
each a link to a document file. A group whose every headline link is such a file is the
notice's attachment list.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_FILE_RE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|wps|et|ofd|zip|rar|7z|csv)$", re.IGNORECASE)


def only_files(hrefs: tuple[str, ...]) -> bool:
    """Every one of the group's headline links (``hrefs``, as written) leads to a document file."""
    return bool(hrefs) and all(_FILE_RE.search(urlsplit(href.strip()).path) for href in hrefs)
