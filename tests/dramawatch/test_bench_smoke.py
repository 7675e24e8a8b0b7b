"""The bench harness runs end to end at toy sizes (figures are not checked, only their shape)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from bench import crawl, dedupe, hostile, search, web
from bench.__main__ import render, write_results
from bench.pages import build_site
from bench.sections import Section, run_section


def _has_summary(result: dict) -> None:  # type: ignore[type-arg]
    assert result["summary"], result
    for line in result["summary"]:
        assert {"metric", "value", "unit", "target", "ok"} <= set(line)


def test_site_is_deterministic_and_page_sized() -> None:
    first, again = build_site(12, "http://127.0.0.1:1"), build_site(12, "http://127.0.0.1:1")
    assert first.pages == again.pages
    assert len(first.article_paths) == 12
    assert 100_000 < first.article_bytes / 12 < 200_000
    assert first.pages["/sitemap.xml"].count(b"<loc>") == 12


def test_dedupe_section_at_toy_size() -> None:
    result = dedupe.main(["--sizes", "60", "120", "--probes", "8", "--workers", "1"])
    assert [r["archive"] for r in result["results"]] == [60, 120]
    assert sum(result["results"][0]["statuses"].values()) == 8
    _has_summary(result)


def test_search_section_at_toy_size(tmp_path: Path) -> None:
    argv = ["--articles", "400", "--repeat", "1", "--workers", "1", "--cache", str(tmp_path)]
    result = search.main(argv)
    assert result["articles"] == 400 and result["cells"]
    assert all(cell["p95_ms"] >= cell["p50_ms"] for cell in result["cells"].values())
    _has_summary(result)
    assert search.main(argv)["build_s"] == result["build_s"]  # the archive is reused


@pytest.mark.slow
def test_crawl_section_at_toy_size() -> None:
    result = crawl.main(["--pages", "12", "--runs", "1", "--analysis-processes", "0"])
    for variant in crawl.VARIANTS:
        run = result["raw"][0][variant]
        assert run.get("error") is None, run
        assert run["article_requests"] == 12
    _has_summary(result)


def test_harness_records_missing_and_failing_sections(tmp_path: Path) -> None:
    missing = run_section(Section("nothing", "bench.not_written_yet"), quick=True)
    assert "skipped" in missing
    failing = run_section(Section("bad", "bench.dedupe", ("--sizes", "x")), quick=False)
    assert "error" in failing
    output = tmp_path / "results.json"
    write_results(output, {"dedupe": missing}, {"quick": True})
    write_results(output, {"search": failing}, {"quick": True})
    saved = json.loads(output.read_text(encoding="utf-8"))
    assert set(saved["sections"]) == {"dedupe", "search"}
    console = Console(record=True, width=160)
    render(saved["sections"], console)
    assert "dedupe" in console.export_text()


def test_web_section_at_toy_size(tmp_path: Path) -> None:
    argv = [
        "--articles",
        "300",
        "--repeat",
        "1",
        "--requests",
        "40",
        "--workers",
        "1",
        "--cache",
        str(tmp_path),
    ]
    result = web.main(argv)
    assert set(result["groups"]) == {"story list", "search page", "API lists", "feeds"}
    assert len(result["memory"]["rss_mb"]) >= 2
    _has_summary(result)


def test_extraction_scoreboard_scores_and_cross_validates() -> None:
    from bench.extraction_cv import cross_validate
    from bench.extraction_score import Prediction, score_page, summarize, title_exact, word_prf
    from bench.extraction_sets import DevPage

    pages = [
        DevPage(
            "s",
            f"p{i}",
            "https://x.org/a",
            "<html></html>",
            "article",
            "en",
            "alpha beta gamma",
            ("beta",),
            ("menu",),
            "Title’s one",
            "2025-01-02",
        )
        for i in range(8)
    ]
    good = Prediction("alpha beta gamma", "Title's one", "2025-01-02", True)
    bad = Prediction("alpha menu", None, None, True)
    assert word_prf(good.text, "alpha beta gamma") == (1.0, 1.0, 1.0)
    assert title_exact("Title's  one", "Title’s one")
    results = {
        "good": [score_page(p, good) for p in pages],
        "bad": [score_page(p, bad) for p in pages],
    }
    held_out, chosen = cross_validate(pages, results)
    assert chosen == {0: "good", 1: "good"} and held_out == results["good"]
    summary = summarize(results["bad"])
    assert (
        summary["leaked"] == (8, 8) and summary["present"] == (0, 8) and summary["title"] == (0, 8)
    )
    assert {p.fold for p in pages} <= {0, 1}


def test_hostile_section_on_two_pages() -> None:
    result = hostile.main(["deep-250", "png-as-html"])
    assert result["pages"] == 2 and result["raised"] == 0
    outcomes = {r["page"]: r["outcome"] for r in result["rows"]}
    assert outcomes == {"deep-250": "article", "png-as-html": "not an article"}
    assert all(r["ms"] is not None and r["peak_mb"] >= 0 for r in result["rows"])
