"""The article repository: ingest with exact/near-duplicate/revision handling."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from storage import postgres
from storage.models import (
    Article,
    ArticleRevision,
    ArticleUrl,
    Source,
    Story,
    StoryBand,
    utcnow,
)
from storage.records import ArticleRecord, IngestResult, StoryCandidate
from storage.search import index_text

SameStory = Callable[[bytes, bytes], bool]
MAX_CANDIDATES = 50  # the most-shared-bands candidates verified per new article


class ArticleRepository:
    """Articles, the URLs they were seen under, their revisions and their stories."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def ingest(self, record: ArticleRecord, source: Source, same_story: SameStory) -> IngestResult:
        """Store ``record``: new article, duplicate of a stored body, revision or unchanged."""
        urls = (record.url, *record.seen_urls)
        if postgres.is_postgres(self.session):
            # Whoever could create or join the same article or story waits here (SQLite's
            # BEGIN IMMEDIATE serialises every writer instead).
            postgres.lock_keys(self.session, (*urls, record.content_hash, *record.bands))
        existing = self.find_by_urls(urls)
        if existing is not None:
            self._add_urls(existing, urls, source)
            if existing.content_hash == record.content_hash:
                return IngestResult("unchanged", existing.id, existing.story_id, existing.revision)
            return self._revise(existing, record)
        copy = self.find_by_hash(record.content_hash)
        if copy is not None:
            self._add_urls(copy, urls, source)
            return IngestResult("duplicate", copy.id, copy.story_id, copy.revision)
        return self._insert(record, source, same_story)

    def find_by_urls(self, urls: Sequence[str]) -> Article | None:
        """The article seen under any of ``urls``."""
        query = select(Article).join(ArticleUrl).where(ArticleUrl.url.in_(urls)).limit(1)
        return self.session.scalars(query).first()

    def find_by_hash(self, content_hash: str) -> Article | None:
        """An article whose normalized text hashes to ``content_hash``."""
        query = select(Article).where(Article.content_hash == content_hash).limit(1)
        return self.session.scalars(query).first()

    def get(self, article_id: int) -> Article | None:
        """The article with this id."""
        return self.session.get(Article, article_id)

    def _insert(self, record: ArticleRecord, source: Source, same_story: SameStory) -> IngestResult:
        """A new article: its story, URLs, first revision, bands and search row.

        Written with plain INSERTs (no ORM objects): this is the crawl's hottest write path.
        """
        story_id, new_story = self._story_for(record, same_story)
        fields = {
            "url": record.url, "source_id": source.id, "category": record.category,
            "title": record.title, "published_at": record.published_at,
            "language": record.language, "text": record.text,
            "content_hash": record.content_hash, "signature": record.signature,
            "story_id": story_id, "fetched_at": record.fetched_at,
            "updated_at": record.fetched_at,
        }  # fmt: skip
        article_id = self.session.scalars(insert(Article).returning(Article.id), [fields]).one()
        # The URLs are new: ``ingest`` found none of them under the writers' lock.
        self.session.execute(
            insert(ArticleUrl),
            [{"url": url, "article_id": article_id, "source_id": source.id}
             for url in dict.fromkeys((record.url, *record.seen_urls))],
        )  # fmt: skip
        self.session.execute(
            insert(ArticleRevision),
            [{"article_id": article_id, "revision": 1, "title": record.title,
              "text": record.text, "content_hash": record.content_hash,
              "fetched_at": record.fetched_at}],
        )  # fmt: skip
        if record.bands:
            self.session.execute(
                insert(StoryBand),
                [{"article_id": article_id, "band_hash": band, "story_id": story_id}
                 for band in set(record.bands)],
            )  # fmt: skip
        self._index(article_id, record.title, record.text, replace=False)
        return IngestResult("new", article_id, story_id, 1, new_story)

    def _story_for(self, record: ArticleRecord, same_story: SameStory) -> tuple[int, bool]:
        """The id of the story ``record`` joins, and whether that story is new."""
        if record.signature is not None:
            # Every candidate is verified and the oldest matching story wins, so the
            # outcome does not depend on the order candidates come back in.
            matching = [
                candidate.story_id
                for candidate in self.story_candidates(record.bands)
                if same_story(record.signature, candidate.signature)
            ]
            if matching:
                story = self.session.get_one(
                    Story, min(matching), with_for_update=True, populate_existing=True
                )  # a writer joining it through other bands waits for this one
                story.article_count += 1
                story.updated_at = utcnow()
                if self._published_first(story, record):
                    story.title = record.title or story.title
                self.session.flush()
                return story.id, False
        story_id = self.session.scalars(
            insert(Story).returning(Story.id),
            [{"title": record.title, "first_seen_at": record.fetched_at}],
        ).one()
        return story_id, True

    def _published_first(self, story: Story, record: ArticleRecord) -> bool:
        """True when ``record`` predates every stored copy: its title then names the story."""
        if record.published_at is None:
            return False
        earliest = self.session.scalar(
            select(func.min(Article.published_at)).where(Article.story_id == story.id)
        )
        return earliest is None or record.published_at < earliest

    def story_candidates(self, bands: Sequence[int]) -> list[StoryCandidate]:
        """Stored articles sharing at least one LSH band, oldest story first."""
        if not bands:
            return []
        query = (
            select(StoryBand.article_id, StoryBand.story_id, Article.signature)
            .join(Article, Article.id == StoryBand.article_id)
            .where(StoryBand.band_hash.in_(set(bands)), Article.signature.is_not(None))
            .group_by(StoryBand.article_id, StoryBand.story_id, Article.signature)
            .order_by(func.count().desc(), StoryBand.story_id)
            .limit(MAX_CANDIDATES)
        )
        return [StoryCandidate(a, s, sig) for a, s, sig in self.session.execute(query) if sig]

    def _revise(self, article: Article, record: ArticleRecord) -> IngestResult:
        article.revision += 1
        article.title = record.title or article.title
        article.text, article.content_hash = record.text, record.content_hash
        article.signature = record.signature or article.signature
        article.published_at = article.published_at or record.published_at
        article.updated_at = record.fetched_at
        self._add_revision(article)
        self._index(article.id, article.title, article.text, replace=True)
        return IngestResult("revision", article.id, article.story_id, article.revision)

    def _add_revision(self, article: Article) -> None:
        self.session.add(
            ArticleRevision(
                article_id=article.id,
                revision=article.revision,
                title=article.title,
                text=article.text,
                content_hash=article.content_hash,
                fetched_at=article.updated_at,
            )
        )
        self.session.flush()

    def _add_urls(self, article: Article, urls: Sequence[str], source: Source) -> None:
        known = set(
            self.session.scalars(select(ArticleUrl.url).where(ArticleUrl.url.in_(set(urls))))
        )
        for url in dict.fromkeys(urls):
            if url not in known:
                self.session.add(ArticleUrl(url=url, article_id=article.id, source_id=source.id))
        self.session.flush()

    def _index(self, article_id: int, title: str | None, body: str, *, replace: bool) -> None:
        """Write the article's search row (``replace``: drop its previous one first)."""
        if postgres.is_postgres(self.session):
            postgres.index_article(self.session, article_id, title or "", body)
            return
        if replace:
            self.session.execute(
                text("DELETE FROM article_fts WHERE rowid = :id"), {"id": article_id}
            )
        self.session.execute(
            text("INSERT INTO article_fts(rowid, title, body) VALUES (:id, :title, :body)"),
            {"id": article_id, "title": index_text(title or ""), "body": index_text(body)},
        )

    def revisions(self, article_id: int) -> Sequence[ArticleRevision]:
        """Every revision of an article, oldest first."""
        query = select(ArticleRevision).where(ArticleRevision.article_id == article_id)
        return self.session.scalars(query.order_by(ArticleRevision.revision)).all()

    def story_articles(self, story_id: int) -> Sequence[Article]:
        """Every copy of a story, first seen first."""
        query = select(Article).where(Article.story_id == story_id)
        return self.session.scalars(query.order_by(Article.fetched_at, Article.id)).all()
