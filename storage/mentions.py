"""Which entities of the catalogue each article mentions (for `search --entity` and rules)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import ArticleEntity


class MentionRepository:
    """Entity mentions per article, replaced whenever the article's text is analysed."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def replace(self, article_id: int, counts: Mapping[str, int]) -> None:
        """Make ``counts`` (entity key -> mentions) the article's mentions."""
        self.session.execute(delete(ArticleEntity).where(ArticleEntity.article_id == article_id))
        self.session.add_all(
            ArticleEntity(article_id=article_id, entity=key, mentions=count)
            for key, count in counts.items()
        )
        self.session.flush()

    def of_article(self, article_id: int) -> dict[str, int]:
        """The article's mentions, entity key -> count."""
        query = select(ArticleEntity.entity, ArticleEntity.mentions).where(
            ArticleEntity.article_id == article_id
        )
        return {entity: count for entity, count in self.session.execute(query)}
