"""PostgreSQL specifics: engine options, full-text documents and queries, advisory locks.

Full text: PostgreSQL's parser classifies characters by the server locale, and under the C
locale it drops Chinese characters altogether, so it is not used. The indexed text is the
same CJK-bigram text SQLite's FTS5 gets (storage/cjk.py), tokenised here the way FTS5's
unicode61 tokenizer does it (letters and digits, lower case, Latin diacritics removed) and
written as a ``tsvector`` literal with positions, in the ``article_fts`` table with a GIN
index. A query is parsed once (storage/query.py) and written as an FTS5 expression or as a
``tsquery`` literal (phrases become ``<->`` chains), so both backends answer the same way.

Locks: story assignment takes ``pg_advisory_xact_lock`` on the article's URLs, body hash and
LSH band hashes, in ascending order (no deadlock between two writers), so two writers that
could join or create the same story run one after the other, as BEGIN IMMEDIATE does on
SQLite, while unrelated articles are stored in parallel.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from sqlalchemy import String, cast, column, func, literal, table, text
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from storage.cjk import index_text

logger = logging.getLogger(__name__)

DRIVER = "postgresql+psycopg"
FTS_TABLE = table("article_fts", column("article_id"), column("document"))
MAX_POSITION = 16383  # PostgreSQL clamps tsvector positions here
MAX_POSITIONS_PER_LEXEME = 255
MAX_LEXEME_BYTES = 900_000  # a tsvector holds at most 1 MB of lexemes
_TOKEN = re.compile(r"[^\W_]+")
_MIGRATION_LOCK = 7_236_410_511  # any constant: serialises concurrent `migrate()` calls


def is_postgres(session: Session) -> bool:
    """True when ``session`` is bound to PostgreSQL."""
    return session.get_bind().dialect.name == "postgresql"


def engine_url(url: URL) -> URL:
    """``postgresql://`` means psycopg 3 here (the only PostgreSQL driver dramawatch ships)."""
    if url.drivername in ("postgresql", "postgres"):
        return url.set(drivername=DRIVER)
    return url


def engine_options() -> dict[str, Any]:
    """Pool and connection options: survive server restarts, keep timestamps in UTC."""
    return {
        "pool_pre_ping": True,  # a connection broken by a server restart is replaced
        "pool_recycle": 1800,
        "connect_args": {
            "connect_timeout": 10,
            "application_name": "dramawatch",
            "options": "-c timezone=UTC",
        },
    }


def lock_migrations(connection: Any) -> None:
    """Serialise schema upgrades: several workers may start at once on a fresh database."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})


def lock_keys(session: Session, keys: Iterable[int | str]) -> None:
    """Take transaction-scoped advisory locks on ``keys``, smallest first."""
    numbers = sorted({_lock_number(key) for key in keys})
    # One round trip; unnest() yields the array in order, so the locks are taken in order.
    session.execute(
        text("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[])) AS k"),
        {"keys": numbers},
    )


def _lock_number(key: int | str) -> int:
    if isinstance(key, int):
        return key if -(2**63) <= key < 2**63 else key % 2**63
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def tokens(text_: str) -> list[str]:
    """FTS5 unicode61-like tokens: runs of letters and digits, lower-cased, no diacritics."""
    return [_fold(token) for token in _TOKEN.findall(text_)]


def _fold(token: str) -> str:
    token = token.lower()
    if token.isascii():
        return token
    decomposed = unicodedata.normalize("NFD", token)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def tsvector_literal(title: str, body: str) -> str:
    """The ``tsvector`` text of an article: title lexemes weighted A, body lexemes B."""
    positions: dict[str, list[str]] = {}
    size = 0
    title_tokens = tokens(index_text(title))
    body_start = len(title_tokens) + 2  # a gap: no phrase spans title and body
    numbered = [
        *((i + 1, tok, "A") for i, tok in enumerate(title_tokens)),
        *((body_start + i, tok, "B") for i, tok in enumerate(tokens(index_text(body)))),
    ]
    for position, token, weight in numbered:
        entry = positions.get(token)
        if entry is None:
            size += len(token.encode("utf-8"))
            if size > MAX_LEXEME_BYTES:
                break
            entry = positions[token] = []
        if len(entry) < MAX_POSITIONS_PER_LEXEME and position <= MAX_POSITION:
            entry.append(f"{position}{weight}")
    return " ".join(
        f"'{token}':{','.join(found)}" if found else f"'{token}'"
        for token, found in positions.items()
    )


def index_article(session: Session, article_id: int, title: str, body: str) -> None:
    """Write (or replace) an article's search document."""
    session.execute(
        text(
            "INSERT INTO article_fts (article_id, document) VALUES (:id, CAST(:doc AS tsvector)) "
            "ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document"
        ),
        {"id": article_id, "doc": tsvector_literal(title, body)},
    )


def match_clause(tsquery: str) -> ColumnElement[bool]:
    """``document @@ tsquery`` on :data:`FTS_TABLE`."""
    return FTS_TABLE.c.document.op("@@")(_tsquery(tsquery))


def rank_expression(tsquery: str) -> ColumnElement[Any]:
    """Relevance of :data:`FTS_TABLE`'s document for ``tsquery`` (higher is better)."""
    return func.ts_rank_cd(FTS_TABLE.c.document, _tsquery(tsquery))


def _tsquery(tsquery: str) -> ColumnElement[Any]:
    # Cast, not to_tsquery(): the literal's lexemes are used as they are (no parser).
    return cast(literal(tsquery, String), TSQUERY)
