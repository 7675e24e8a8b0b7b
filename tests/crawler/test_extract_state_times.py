"""The publish time a single-page app's script state gives the object titled as the headline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from crawler.extract.state_times import state_time

_CST = timezone(timedelta(hours=8))
_HEADLINE = "Netflix tests a vertical drama feed"


def _state(story: str) -> str:
    return f'<script>window.__INITIAL_STATE__={{{story},"user":{{"loggedIn":false}}}};</script>'


def test_unix_seconds_beside_the_headline() -> None:
    html = _state(f'"story":{{"title":"{_HEADLINE}","publishedAt":1796307600}}')
    assert state_time(html, _HEADLINE, UTC) == datetime(2026, 12, 3, 14, 20, tzinfo=UTC)


def test_unix_milliseconds_beside_the_headline() -> None:
    html = _state(f'"detail":{{"title":"{_HEADLINE}","publish_time":"1796263500000"}}')
    assert state_time(html, _HEADLINE, _CST) == datetime(2026, 12, 3, 10, 5, tzinfo=_CST)


def test_another_objects_time_dates_nothing() -> None:
    html = _state('"related":[{"title":"Another story","publishedAt":1796307600}]')
    assert state_time(html, _HEADLINE, UTC) is None
