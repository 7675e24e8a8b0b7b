"""The probe listings: read in their own charset, labelled with their own links, never tuned on."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest

from bench import listing_links
from bench.listing_links import PROBES, cross_validate, decoded, fold_of, load_cases

LABELS = json.loads((PROBES / "probes.labels.json").read_text(encoding="utf-8"))


def test_a_gbk_page_is_read_in_gbk() -> None:
    raw = '<html><head><meta charset="gbk"><title>通知公告</title></head></html>'.encode("gbk")
    assert "通知公告" in decoded(raw)
    raw = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">短剧'.encode("gbk")
    assert "短剧" in decoded(raw)


def test_every_label_is_a_link_on_its_page_and_both_folds_hold_probes() -> None:
    assert sum(1 for label in LABELS.values() if label["blind"]) >= 40
    assert {fold_of(key) for key in LABELS} == {0, 1}
    for key, label in LABELS.items():
        html = decoded((PROBES / f"{key}.html").read_bytes()).replace("&amp;", "&")
        found = re.findall(r'href="([^"]*)"', html)
        hrefs = {urljoin(label["url"], h).split("#")[0] for h in found}
        assert label["links"], key
        assert set(label["links"]) <= hrefs, key


def test_the_probes_are_reported_apart_and_leave_the_other_figures_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(listing_links, "WCXB", PROBES / "absent")
    cases = load_cases(quick=True)
    others = [c for c in cases if c.origin != listing_links.PROBE]
    assert len(cases) - len(others) == len(LABELS)
    with_probes, without = cross_validate(cases), cross_validate(others)
    assert with_probes["by_fold"] == without["by_fold"]
    assert with_probes["weights"] == without["weights"]
    assert len(with_probes["probes"]["by_fold"]) == len(with_probes["blind"]["by_fold"]) == 2
