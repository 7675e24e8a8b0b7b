"""Fixtures of the web tests: an archive filled by real crawls, the app serving it, a browser."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from dramawatch.demo.server import SiteServer, sites_root
from storage import Store
from tests.support.e2e import demo_config_text, run_cli
from tests.support.web import HOSTILE_SOURCE, hostile_site, serve_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "web"


@pytest.fixture(scope="session")
def crawled_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The database URL of two crawls of the recorded sites plus a hostile one.

    The webhook answers 410 (its deliveries fail for good); nothing listens for mail (its
    deliveries stay pending, retrying). The second crawl sees the updated sites: a new
    notice and a revised report.
    """
    workdir = tmp_path_factory.mktemp("web-archive")
    with hostile_site() as hostile, SiteServer(sites_root()) as server:
        source = HOSTILE_SOURCE | {"url": f"{hostile}/hostile/index.html"}
        text = demo_config_text("sqlite:///web.db", extra_sources=[source], retries=0)
        (workdir / "dramawatch.yaml").write_text(text, encoding="utf-8")
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("DEMO_HOOK_URL", f"{hostile}/hook")
            patch.setenv("DEMO_SMTP_PORT", "9")  # discard: refused at once
            for manifest in ("manifest.yaml", "manifest-update.yaml"):
                server.use_manifest(manifest)
                done = run_cli("crawl", cwd=workdir, base_url=server.base_url)
                assert done.returncode == 0, done.stderr
    yield f"sqlite:///{workdir / 'web.db'}"


@pytest.fixture(scope="session")
def web_store(crawled_archive: str) -> Iterator[Store]:
    """The crawled archive's store."""
    store = Store(crawled_archive)
    yield store
    store.dispose()


@pytest.fixture(scope="session")
def web_url(web_store: Store) -> Iterator[str]:
    """The base URL of the web app serving the crawled archive."""
    with serve_app(web_store) as url:
        yield url


@pytest.fixture(scope="session")
def api(web_url: str) -> Iterator[httpx.Client]:
    """An HTTP client of the running app."""
    with httpx.Client(base_url=web_url, timeout=20) as client:
        yield client


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium from the distribution's package, driven by Playwright; closed with its
    module, because Playwright's sync API holds an event loop on the main thread until then."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("chromium not found: apt-get install chromium chromium-driver, as .ci/run does")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser page that records console errors and any dialog (a script ran)."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    opened.errors, opened.dialogs = [], []
    opened.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
    opened.on("pageerror", lambda e: opened.errors.append(str(e)))
    opened.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    yield opened
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots are saved (gitignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
