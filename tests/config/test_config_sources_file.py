"""Appending sources to a config file as text, and OPML in and out."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import ConfigError, load_config
from config.append import append_sources, with_sources
from config.opml import read_opml, write_opml

CONFIG = """# my sources
database: sqlite:///dw.db

sources:
  # the regulator
  - name: nrta
    kind: html          # a listing
    url: https://www.nrta.gov.cn/col/col113/index.html
  - {name: variety, kind: rss, url: "https://variety.com/t/microdramas/feed/"}

# alerts
rules: []
"""
ENTRY = {"name": "sixthtone", "kind": "rss", "url": "https://www.sixthtone.com/rss"}


def test_entry_goes_at_the_end_of_the_sources_keeping_comments(tmp_path: Path) -> None:
    path = tmp_path / "dramawatch.yaml"
    path.write_text(CONFIG, encoding="utf-8")
    append_sources(path, [ENTRY])
    text = path.read_text(encoding="utf-8")
    assert text == CONFIG.replace(
        '/microdramas/feed/"}\n',
        '/microdramas/feed/"}\n  - name: sixthtone\n    kind: rss\n'
        "    url: https://www.sixthtone.com/rss\n",
    )
    assert [s.name for s in load_config(path, environ={}).sources] == [
        "nrta", "variety", "sixthtone",
    ]  # fmt: skip


def test_a_file_without_sources_gets_the_key() -> None:
    assert with_sources("database: sqlite:///x.db\n", [ENTRY]).endswith(
        "\nsources:\n  - name: sixthtone\n    kind: rss\n    url: https://www.sixthtone.com/rss\n"
    )
    assert with_sources("sources: []\n", [ENTRY]).startswith("sources:\n  - name: sixthtone\n")


def test_a_taken_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dramawatch.yaml"
    path.write_text(CONFIG, encoding="utf-8")
    with pytest.raises(ConfigError, match="'nrta' is already there"):
        append_sources(path, [{**ENTRY, "name": "nrta"}])
    assert path.read_text(encoding="utf-8") == CONFIG


OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>Reader</title></head><body>
  <outline text="media">
    <outline type="rss" text="Sixth Tone" xmlUrl="https://www.sixthtone.com/rss"/>
    <outline type="rss" text="Variety" xmlUrl="https://variety.com/t/microdramas/feed/"/>
  </outline>
  <outline type="rss" text="\xe4\xb8\xad\xe6\x96\x87" xmlUrl="https://36kr.com/feed"/>
  <outline text="not a feed" htmlUrl="https://example.com/"/>
</body></opml>"""


def test_opml_import_makes_rss_entries_with_unique_names() -> None:
    assert read_opml(OPML, taken=["variety"]) == [
        {"name": "sixth-tone", "kind": "rss", "url": "https://www.sixthtone.com/rss",
         "category": "media"},
        {"name": "variety-2", "kind": "rss", "url": "https://variety.com/t/microdramas/feed/",
         "category": "media"},
        {"name": "36kr-com", "kind": "rss", "url": "https://36kr.com/feed"},
    ]  # fmt: skip


def test_opml_export_round_trips_the_feed_sources(tmp_path: Path) -> None:
    path = tmp_path / "dramawatch.yaml"
    path.write_text(CONFIG, encoding="utf-8")
    exported = write_opml(load_config(path, environ={}).sources)
    assert "nrta" not in exported  # html sources are not feeds
    assert read_opml(exported.encode()) == [
        {"name": "variety", "kind": "rss", "url": "https://variety.com/t/microdramas/feed/",
         "category": "media"},
    ]  # fmt: skip
