"""A story's keyword alert does not depend on which of its copies was stored first.

The rule watches government sources only: a media outlet's copy of a regulator's notice
joins the same story but never raises the alert itself. Whichever copy comes first, the
story gets exactly one alert, raised by the first copy the rule accepts, and explanations
say why each copy fired or did not.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from config import Config
from crawler.sources import register_sources
from dramawatch.explain import explain
from storage import Store
from tests.support.alert_servers import alert_config, deliveries, ingest

RULES = [
    {
        "name": "regulation",
        "kind": "keyword",
        "any": ["regulation"],
        "categories": ["government"],
        "channels": ["hook", "mail"],
    }
]
CHANNELS = [
    {"name": "hook", "kind": "webhook", "url": "http://127.0.0.1:9/hook"},
    {
        "name": "mail",
        "kind": "email",
        "to": ["a@example.com"],
        "from": "d@example.com",
        "smtp": {"host": "127.0.0.1", "port": 9},
    },
]
NOTICE = (
    "The NRTA issued a regulation on micro-dramas today. Platforms must file every series "
    "with the provincial bureau before release, review scripts for content that breaks the "
    "rules, and report their monthly output to the regulator by the tenth of each month."
)
ORIGINAL = ("https://nrta.example/notice", "nrta", NOTICE)
COPY = ("https://portal.example/copy", "portal", NOTICE + " Reporting by the news desk.")


@pytest.fixture
def config(store: Store) -> Config:
    """Sources nrta (government) and portal (media), one keyword rule, two channels."""
    config = alert_config(store.url, rules=RULES, channels=CHANNELS)
    register_sources(store, config.sources)
    return config


def _store(config: Config, copy: tuple[str, str, str], title: str = "New regulation") -> int:
    url, source, text = copy
    item = ingest(config, url, title, text, source=source)
    assert item.status in ("new", "revision"), item.status
    assert item.article_id is not None
    return item.article_id


def _reason(store: Store, config: Config, target: int | str, when: str | None = None) -> str:
    """The keyword rule's verdict on a stored article (``when``: which ingest) or URL."""
    verdicts = explain(store, config, str(target)).verdicts
    firsts = ("first stored", "first seen at this URL")
    (verdict,) = [v for v in verdicts if v.details.get("when") in ((when,) if when else firsts)]
    return f"{'fires' if verdict.fired else 'silent'}: {verdict.reason}"


@pytest.mark.parametrize("order", ["copy first", "original first"])
def test_one_alert_per_story_whichever_copy_comes_first(
    store: Store, config: Config, order: str
) -> None:
    copies = [COPY, ORIGINAL] if order == "copy first" else [ORIGINAL, COPY]
    first, second = (_store(config, copy) for copy in copies)
    sent = deliveries(store)
    assert sorted(d["channel"] for d in sent) == ["hook", "mail"]
    (key,) = {d["key"] for d in sent}
    original = first if order == "original first" else second
    with store.transaction() as tx:
        article = tx.articles.get(original)
        assert article is not None and key == f"keyword:regulation:{article.story_id}"
        assert {d["payload"]["url"] for d in sent} == {ORIGINAL[0]}
    # The alert says whether the story is new or was stored before under a copy that did not
    # match, so a reader does not take a days-old story for news.
    later = order == "copy first"
    assert {d["payload"]["later_copy"] for d in sent} == {later}
    heading = "Later copy" if later else "New story"
    assert {d["payload"]["text"].splitlines()[0] for d in sent} == {
        f"[regulation] {heading}: New regulation (nrta, government)"
    }
    assert _reason(store, config, original) == (
        "fires: first copy of this story to match: matched regulation"
    )
    copy = second if original == first else first
    assert _reason(store, config, copy) == ("silent: category media is not one of government")


@pytest.mark.parametrize("order", ["copy first", "original first"])
def test_a_verbatim_copy_crawled_first_does_not_silence_the_original(
    store: Store, config: Config, order: str
) -> None:
    verbatim = ("https://portal.example/verbatim", "portal", NOTICE)  # the same body
    copies = [verbatim, ORIGINAL] if order == "copy first" else [ORIGINAL, verbatim]
    statuses = [
        ingest(config, url, "New regulation", text, source=src).status for url, src, text in copies
    ]
    assert statuses == ["new", "duplicate"]
    sent = deliveries(store)
    assert sorted(d["channel"] for d in sent) == ["hook", "mail"]
    assert {(d["payload"]["url"], d["payload"]["source"]) for d in sent} == {(ORIGINAL[0], "nrta")}
    assert {d["payload"]["later_copy"] for d in sent} == {order == "copy first"}
    by_url = {url: _reason(store, config, url) for url, _, _ in copies}
    assert by_url == {
        ORIGINAL[0]: "fires: first copy of this story to match: matched regulation",
        verbatim[0]: "silent: category media is not one of government",
    }
    ingest(config, ORIGINAL[0], "New regulation", NOTICE)  # unchanged: nothing more
    assert len(deliveries(store)) == 2


def test_a_third_matching_copy_raises_nothing(store: Store, config: Config) -> None:
    _store(config, COPY)
    _store(config, ORIGINAL)
    before = deliveries(store)
    mirror = ("https://nrta.example/mirror", "nrta", NOTICE + " Mirrored for the archive.")
    third = _store(config, mirror)
    assert deliveries(store) == before
    assert _reason(store, config, third) == (
        "silent: an earlier copy of this story raised it already"
    )


def test_a_revision_that_newly_matches_still_fires_once(store: Store, config: Config) -> None:
    quiet = NOTICE.replace("a regulation", "a notice")
    article = _store(config, ("https://nrta.example/notice", "nrta", quiet), "A notice")
    assert deliveries(store) == []
    _store(config, ORIGINAL)  # the same URL, now matching: a revision
    assert len({d["key"] for d in deliveries(store)}) == 1
    assert _reason(store, config, article, "revision 2") == (
        "fires: the revision newly matches: matched regulation"
    )
    _store(config, COPY)
    _store(config, ("https://nrta.example/notice", "nrta", NOTICE + " Amended."))
    assert len(deliveries(store)) == 2  # one alert, one delivery per channel


def test_a_revision_of_a_later_copy_says_the_story_raised_it(store: Store, config: Config) -> None:
    _store(config, ORIGINAL)
    quiet = ("https://nrta.example/later", "nrta", NOTICE.replace("a regulation", "a notice"))
    later = _store(config, quiet, "A notice")
    _store(config, ("https://nrta.example/later", "nrta", NOTICE + " Updated."))
    assert len(deliveries(store)) == 2
    assert _reason(store, config, later, "revision 2") == ("silent: this story raised it already")


def test_copies_stored_at_once_raise_one_alert(store: Store, config: Config) -> None:
    """Racing writers: the outbox's unique key keeps it to one alert, whoever commits first."""
    copies = [
        (f"https://nrta.example/copy-{n}", "nrta", f"{NOTICE} Copy {n} of the notice.")
        for n in range(4)
    ]
    barrier = threading.Barrier(len(copies))

    def store_copy(copy: tuple[str, str, str]) -> None:
        barrier.wait()
        _store(config, copy)

    with ThreadPoolExecutor(len(copies)) as pool:
        list(pool.map(store_copy, copies))
    sent = deliveries(store)
    assert sorted(d["channel"] for d in sent) == ["hook", "mail"]
    with store.transaction() as tx:
        found = [tx.articles.find_by_urls([url]) for url, _, _ in copies]
        assert len({article.story_id for article in found if article is not None}) == 1
