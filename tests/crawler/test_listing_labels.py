"""The labelled listings: the audit's changes are applied, and stay reviewable."""

from __future__ import annotations

import json
from pathlib import Path

from bench.listing_links import excluded, true_links

WCXB = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "listings" / "wcxb.labels.json").read_text("utf-8")
)
LABEL = {
    "links": ["https://a.example/1", "https://a.example/sort"],
    "added_on_review": ["https://a.example/2"],
    "removed_on_audit": {"a sort option": ["https://a.example/sort"]},
    "added_on_audit": {"the rest of a list labelled in part": ["https://a.example/3"]},
}


def test_the_audit_removes_and_adds_links() -> None:
    assert true_links(LABEL) == {f"https://a.example/{n}" for n in (1, 2, 3)}


def test_the_labels_before_the_audit_are_kept() -> None:
    assert true_links(LABEL, audited=False) == {
        "https://a.example/1",
        "https://a.example/2",
        "https://a.example/sort",
    }


def test_a_page_the_audit_excludes_is_measured_only_before_it() -> None:
    label = {"links": ["https://a.example/1"], "excluded_on_audit": "variants only"}
    assert excluded(label)
    assert not excluded(label, audited=False)


def test_every_audit_change_names_its_reason_and_changes_something() -> None:
    for label in WCXB.values():
        before = true_links(label, audited=False)
        for reason, urls in label.get("removed_on_audit", {}).items():
            assert reason and urls and set(urls) <= before
        for reason, urls in label.get("added_on_audit", {}).items():
            assert reason and urls and not set(urls) & before
