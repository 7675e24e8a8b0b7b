"""The alert repository: alerts, their outbox deliveries, claims and source-health facts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session, joinedload

from storage import postgres
from storage.models import Alert, CrawlRun, Delivery, Source

PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"

# Built once: every stored article that fires a rule runs these.
_ALERTS, _DELIVERIES = cast(Table, Alert.__table__), cast(Table, Delivery.__table__)
_ALERT_BY_KEY = select(_ALERTS.c.id).where(_ALERTS.c.dedupe_key == bindparam("key")).limit(1)
_KEYS_OF_STORY = select(_ALERTS.c.dedupe_key).where(_ALERTS.c.story_id == bindparam("story"))
_NEW_ALERT = insert(_ALERTS).returning(_ALERTS.c.id)
_NEW_DELIVERY = insert(_DELIVERIES)


class AlertRepository:
    """Alerts (one per dedupe key) and deliveries (one per alert and channel)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def delivery_counts(self) -> dict[str, int]:
        """How many deliveries are in each state (pending, delivered, failed)."""
        query = select(Delivery.status, func.count()).group_by(Delivery.status)
        return {status: int(count) for status, count in self.session.execute(query)}

    def outcome_since(self, moment: datetime) -> dict[str, int]:
        """How many alerts were raised since ``moment``, and their deliveries by state."""
        raised = select(func.count()).select_from(Alert).where(Alert.created_at >= moment)
        states = (
            select(Delivery.status, func.count())
            .join(Delivery.alert)
            .where(Alert.created_at >= moment)
            .group_by(Delivery.status)
        )
        counts = {status: int(count) for status, count in self.session.execute(states)}
        outcome = {"raised": int(self.session.scalar(raised) or 0)}
        return outcome | {state: counts.get(state, 0) for state in (DELIVERED, PENDING, FAILED)}

    def has_alert(self, dedupe_key: str) -> bool:
        """True when an alert with ``dedupe_key`` was already raised."""
        return self.session.connection().scalar(_ALERT_BY_KEY, {"key": dedupe_key}) is not None

    def keys_of_story(self, story_id: int) -> frozenset[str]:
        """The dedupe keys of the alerts raised on a story (by any of its copies)."""
        rows = self.session.connection().scalars(_KEYS_OF_STORY, {"story": story_id})
        return frozenset(rows)

    def of_story(self, story_id: int) -> Sequence[Alert]:
        """The alerts raised on a story, oldest first."""
        query = select(Alert).where(Alert.story_id == story_id).order_by(Alert.id)
        return self.session.scalars(query).all()

    def add_alert(self, **fields: Any) -> int:
        """Store a new alert; returns its id."""
        return int(self.session.connection().execute(_NEW_ALERT, fields).scalar_one())

    def add_delivery(
        self,
        alert_id: int,
        channel: str,
        delivery_id: str,
        next_attempt_at: datetime,
        created_at: datetime,
        carrier_id: str | None = None,
    ) -> None:
        """Queue alert ``alert_id`` for ``channel`` under the stable ``delivery_id``.

        With ``carrier_id`` it rides in that delivery's message and shares its outcome.
        """
        values = {
            "id": delivery_id,
            "alert_id": alert_id,
            "channel": channel,
            "status": PENDING,
            "attempts": 0,
            "next_attempt_at": next_attempt_at,
            "created_at": created_at,
            "carrier_id": carrier_id,
        }
        self.session.connection().execute(_NEW_DELIVERY, values)

    def due(self, now: datetime, limit: int = 100) -> Sequence[tuple[str, str]]:
        """(delivery id, channel) of pending deliveries due at ``now``, oldest first."""
        query = (
            select(Delivery.id, Delivery.channel)
            .where(Delivery.status == PENDING, Delivery.next_attempt_at <= now)
            .where(Delivery.carrier_id.is_(None))  # riders go with their carrier
            .order_by(Delivery.next_attempt_at, Delivery.created_at, Delivery.id)
            .limit(limit)
        )
        return [(row.id, row.channel) for row in self.session.execute(query)]

    def claim(self, delivery_id: str, now: datetime, lease_until: datetime) -> bool:
        """Atomically take a due delivery for one attempt; False when another process has it."""
        if postgres.is_postgres(self.session) and not self._lock_due(delivery_id, now):
            return False
        # One conditional UPDATE: only one of two racing dispatchers sees rowcount 1.
        statement = (
            update(Delivery)
            .where(
                Delivery.id == delivery_id,
                Delivery.status == PENDING,
                Delivery.next_attempt_at <= now,
            )
            .values(next_attempt_at=lease_until, attempts=Delivery.attempts + 1)
        )
        result = self.session.execute(statement)
        assert isinstance(result, CursorResult)
        return result.rowcount == 1

    def _lock_due(self, delivery_id: str, now: datetime) -> bool:
        """PostgreSQL: lock the due row, skipping it when another dispatcher holds it."""
        # FOR UPDATE SKIP LOCKED: a second dispatcher moves on at once instead of queueing
        # behind the first one's claim and then finding the row taken.
        query = (
            select(Delivery.id)
            .where(
                Delivery.id == delivery_id,
                Delivery.status == PENDING,
                Delivery.next_attempt_at <= now,
            )
            .with_for_update(skip_locked=True)
        )
        return self.session.scalar(query) is not None

    def get(self, delivery_id: str) -> Delivery | None:
        """A delivery with its alert."""
        query = select(Delivery).options(joinedload(Delivery.alert))
        return self.session.scalars(query.where(Delivery.id == delivery_id)).first()

    def riders(self, carrier_id: str) -> Sequence[Delivery]:
        """The pending deliveries riding in ``carrier_id``'s message, with their alerts."""
        query = select(Delivery).options(joinedload(Delivery.alert))
        query = query.where(Delivery.carrier_id == carrier_id, Delivery.status == PENDING)
        return self.session.scalars(query.order_by(Delivery.alert_id)).all()

    def finish_riders(self, carrier_id: str, **values: Any) -> list[str]:
        """Give the pending riders of ``carrier_id`` their carrier's outcome; their ids."""
        ids = [delivery.id for delivery in self.riders(carrier_id)]
        if ids:
            statement = update(Delivery).where(Delivery.id.in_(ids), Delivery.status == PENDING)
            self.session.execute(statement.values(**values))
        return ids

    def find_ids(self, prefix: str) -> list[str]:
        """The delivery ids starting with ``prefix`` (the short ids the CLI shows)."""
        query = select(Delivery.id).where(Delivery.id.startswith(prefix, autoescape=True))
        return list(self.session.scalars(query.order_by(Delivery.id).limit(10)))

    def finish(self, delivery_id: str, **values: Any) -> bool:
        """Record the outcome of an attempt on a delivery that is still pending."""
        statement = (
            update(Delivery)
            .where(Delivery.id == delivery_id, Delivery.status == PENDING)
            .values(**values)
        )
        result = self.session.execute(statement)
        assert isinstance(result, CursorResult)
        return result.rowcount == 1

    def deliveries(self, status: str | None = None) -> Sequence[Delivery]:
        """Every delivery (with its alert), newest alert first."""
        query = select(Delivery).join(Delivery.alert).options(joinedload(Delivery.alert))
        if status is not None:
            query = query.where(Delivery.status == status)
        return self.session.scalars(query.order_by(Alert.id.desc(), Delivery.channel)).all()

    def retry(self, ids: Sequence[str] = (), *, failed: bool = False, now: datetime) -> int:
        """Make deliveries due again (attempts are kept); returns how many were reset."""
        statement = update(Delivery).where(Delivery.status != DELIVERED)
        if failed:
            statement = statement.where(Delivery.status == FAILED)
        else:
            statement = statement.where(Delivery.id.in_(self._with_fellow_riders(ids)))
        result = self.session.execute(statement.values(status=PENDING, next_attempt_at=now))
        assert isinstance(result, CursorResult)
        return int(result.rowcount)

    def _with_fellow_riders(self, ids: Sequence[str]) -> list[str]:
        """``ids`` with the carriers they ride in and every rider of those carriers."""
        carriers = select(Delivery.carrier_id).where(Delivery.id.in_(list(ids)))
        heads = {*ids, *(c for c in self.session.scalars(carriers) if c is not None)}
        riders = select(Delivery.id).where(Delivery.carrier_id.in_(heads))
        return [*heads, *self.session.scalars(riders)]

    def delivery_ids_of_alert(self, alert_id: int) -> list[str]:
        """The delivery ids of one alert."""
        query = select(Delivery.id).where(Delivery.alert_id == alert_id)
        return list(self.session.scalars(query))

    def sources(self) -> Sequence[Source]:
        """Every known source."""
        return self.session.scalars(select(Source).order_by(Source.name)).all()

    def failure_streak(self, source: Source) -> CrawlRun | None:
        """The first failed run of the source's current failure streak (warnings are no failure)."""
        last_read = select(func.max(CrawlRun.id)).where(
            CrawlRun.source_id == source.id,
            CrawlRun.finished_at.is_not(None),
            CrawlRun.error.is_(None),
        )
        query = select(CrawlRun).where(
            CrawlRun.source_id == source.id,
            CrawlRun.error.is_not(None),
            CrawlRun.finished_at.is_not(None),  # a run still going has not failed
            CrawlRun.id > func.coalesce(last_read.scalar_subquery(), 0),
        )
        return self.session.scalars(query.order_by(CrawlRun.id).limit(1)).first()

    def first_run_at(self, source: Source) -> datetime | None:
        """When the source was first crawled."""
        query = select(CrawlRun.started_at).where(CrawlRun.source_id == source.id)
        return self.session.scalar(query.order_by(CrawlRun.id).limit(1))
