"""Article-link detection on listing pages: precision and recall on labelled listings.

The labelled set (``tests/fixtures/listings``): the recorded demo listings, pages shaped like the
real source templates, and the listing and collection pages of the WCXB development split with
at least three item links (``wcxb.labels.json``). WCXB ships no link labels.

The labels are the links to the items a page lists in its content: articles, products and
entries (courses, events, podcasts, repositories, resources, files), in any section of the
page's own content (featured blocks, further sections, carousels). Not items: navigation
(menus, header, footer, breadcrumbs, pagination, jump links); sidebars and rails beside the
content (most read, trending, related); categories, sub-categories, tags and topics; sort and
filter options; product variants (colour swatches, sizes, configurations of one product, even
with URLs of their own); offers, promotions and service boxes; newsletters; profiles (authors,
users, teams); comments and reviews; sponsored items; links inside running text (an excerpt's,
a description's or an FAQ answer's own links); the page's own URL. A list of items is
labelled whole.

The WCXB labels, per page: ``links``, links whose text is a line of the page's human-reviewed
main content (tag, category and author pages excepted); ``added_on_review``, links the main
content leaves out but the policy includes, added by hand after reviewing every disagreement
of an early detector version, group by group; ``removed_on_audit`` and ``added_on_audit``, a
later audit that applied the policy above to every page alike, list by list, without looking
at any detector's output: the links it took out or added, under the clause that decides them
(the earlier lists are kept as they were, so the change stays visible); ``excluded`` and
``excluded_on_audit``, pages whose content lists no items, with the reason. The true links are
``links`` and ``added_on_review`` and ``added_on_audit``, less ``removed_on_audit``;
``--before-audit`` measures the labels as they were before the audit. WCXB pages are read from
``wcxb-dev`` in the development sets' folder (``DRAMAWATCH_BENCH_DATA``, as for the extraction
bench, by default ``shared/benchmarks`` next to the repository) or from ``DRAMAWATCH_WCXB``;
without it only the recorded pages are measured.

The probes (``tests/fixtures/listings/probes``, ``probes.labels.json``) are a further set,
written after the detector and kept out of every choice made on it: full listing pages of the
kinds of site the sources are (government notice lists, Chinese and English news channels,
trade-press sections, newsrooms, blog archives, tag, search and script-rendered pages, some
encoded in GBK), labelled by the same policy. They are split by the same hash, scored with the
weights tuned on the other half of the other sets, never tuned on, and reported apart
(``probes``); the other figures leave them out. Those marked ``blind`` were written without
reading the detector's code, and are also reported on their own (``blind``).

The weights are chosen by two-fold cross-validation: pages are split by a hash of their key,
the weights are tuned on one half (near-ties going to the defaults, see :func:`tune`) and
scored on the other, and the figures reported are the held-out ones (both folds pooled, and
each fold on its own: a change that helps one fold only is fitted to it). Precision and recall
count links, pooled over pages.

Beside them, in the same run and on the same pages, a plain-library baseline: the links courlan
keeps from the whole page (``bench/link_baseline.py``).

Run: ``python -m bench.listing_links [--quick] [--before-audit]``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import os
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bench.common import row
from bench.link_baseline import plain_counts, plain_links
from crawler.spiders.links.detect import (
    DEFAULT_WEIGHTS,
    chosen_urls,
    measure_page,
    reaching_lists,
)
from crawler.spiders.links.groups import Group, Weights
from crawler.spiders.listing_links import listing_selector

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "fixtures" / "listings"
PROBES = LABELS / "probes"
PROBE = "probe"
DEMO_SITES = ROOT / "dramawatch" / "demo" / "sites"
WCXB = Path(
    os.environ.get("DRAMAWATCH_WCXB")
    or Path(os.environ.get("DRAMAWATCH_BENCH_DATA") or ROOT.parent / "shared" / "benchmarks")
    / "wcxb-dev"
)
TARGET = 0.95
TIE = 0.001  # F1 on the tuning half: a couple of links
QUICK_ARGV = ["--quick"]
GRID = {"threshold": (0.3, 0.35, 0.4, 0.45, 0.5)}  # tuned; the other weights stay as they are


@dataclass
class Case:
    """One labelled listing: its key, origin, URL, link groups and true article links.

    ``lists`` and ``choices`` remember, for the weights tried, which lists reach the
    threshold and which URLs those lists yield: the grid meets the same ones again and again.
    """

    key: str
    origin: str
    url: str
    groups: list[Group]
    truth: set[str]
    plain: set[str] = field(default_factory=set, repr=False)  # the links courlan keeps
    lists: dict[tuple[float, ...], tuple[int, ...]] = field(default_factory=dict, repr=False)
    choices: dict[tuple[Any, ...], set[str]] = field(default_factory=dict, repr=False)


def load_cases(quick: bool, audited: bool = True) -> list[Case]:
    """Every labelled listing that can be read, measured once (audited labels unless told)."""
    cases = [*_recorded_cases(), *_probe_cases()]
    wcxb = json.loads((LABELS / "wcxb.labels.json").read_text(encoding="utf-8"))
    keys = sorted(wcxb)[::4] if quick else sorted(wcxb)
    for key in keys:
        page = WCXB / "html" / f"{key}.html.gz"
        if page.is_file() and not excluded(wcxb[key], audited):
            html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
            cases.append(_case(f"wcxb-{key}", wcxb[key]["type"], wcxb[key], html, audited))
    return cases


def excluded(label: dict[str, Any], audited: bool = True) -> bool:
    """Whether the page lists no items (by the audit too, unless told otherwise)."""
    return bool(label.get("excluded") or (audited and label.get("excluded_on_audit")))


def true_links(label: dict[str, Any], audited: bool = True) -> set[str]:
    """The page's item links: the first labels and the review's, with the audit's changes."""
    truth = set(label["links"]) | set(label.get("added_on_review", ()))
    if not audited:
        return truth
    added = label.get("added_on_audit", {}).values()
    removed = label.get("removed_on_audit", {}).values()
    return truth.union(*added).difference(*removed)


def _recorded_cases() -> Any:
    demo = json.loads((LABELS / "demo.labels.json").read_text(encoding="utf-8"))
    for key, label in demo.items():
        raw = (DEMO_SITES / label["file"]).read_bytes()
        html = raw.decode("gb18030" if b"charset=gb" in raw[:2000].lower() else "utf-8")
        yield _case(key, "demo", label, html.replace("{{base}}", "http://127.0.0.1"))
    templates = json.loads((LABELS / "templates.labels.json").read_text(encoding="utf-8"))
    for key, label in templates.items():
        yield _case(key, "template", label, (LABELS / f"{key}.html").read_text(encoding="utf-8"))


def _probe_labels() -> dict[str, Any]:
    labels: dict[str, Any] = json.loads((PROBES / "probes.labels.json").read_text("utf-8"))
    return labels


def _probe_cases() -> Any:
    for key, label in _probe_labels().items():
        yield _case(key, PROBE, label, decoded((PROBES / f"{key}.html").read_bytes()))


BLIND = frozenset(k for k, label in _probe_labels().items() if label["blind"])


def decoded(raw: bytes) -> str:
    """The page's text in the charset its head declares (GB2312 and GBK read as GB18030)."""
    found = _CHARSET.search(raw[:2000])
    charset = found.group(1).decode("ascii").lower() if found else "utf-8"
    return raw.decode("gb18030" if charset.startswith("gb") else charset, "replace")


_CHARSET = re.compile(rb"charset=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)


def _case(key: str, origin: str, label: dict[str, Any], html: str, audited: bool = True) -> Case:
    root = listing_selector(html).root
    truth = true_links(label, audited)
    url = label["url"]
    return Case(key, origin, url, measure_page(root, url), truth, plain_links(html, url))


def counts(cases: list[Case], weights: Weights) -> tuple[int, int, int]:
    """True positives, false positives and false negatives over the cases' links."""
    tp = fp = fn = 0
    for case in cases:
        found = chosen(case, weights)
        tp += len(found & case.truth)
        fp += len(found - case.truth)
        fn += len(case.truth - found)
    return tp, fp, fn


def chosen(case: Case, weights: Weights) -> set[str]:
    """The case's URLs :func:`chosen_urls` chooses with ``weights``, worked out once per key."""
    scoring = _scoring(weights)
    lists = case.lists.get(scoring)
    if lists is None:
        index = {id(g): n for n, g in enumerate(case.groups)}
        lists = tuple(index[id(g)] for g in reaching_lists(case.groups, weights))
        case.lists[scoring] = lists
    w = weights
    key = (lists, w.nested, w.asides, w.lookalikes, w.side_links, w.min_links)
    if key not in case.choices:
        case.choices[key] = chosen_urls(case.groups, weights, case.url)
    return case.choices[key]


def _scoring(w: Weights) -> tuple[float, ...]:
    """The weights :func:`reaching_lists` reads."""
    scoring = (w.titles, w.urls, w.dates, w.size, w.navigation, w.offsite, w.threshold, w.margin)
    return (*scoring, w.cards, w.sections, w.min_links)


def scores(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts."""
    return {k: round(v, 3) for k, v in _exact_scores(tp, fp, fn).items()}


def _exact_scores(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def tune(cases: list[Case]) -> Weights:
    """The grid's weights nearest the defaults among those within :data:`TIE` of the best F1.

    Only the threshold is tuned: on half the pages, a grid over every weight found settings
    that a few links favoured and that did worse on the other half than the threshold alone.
    A near-tie is no evidence against the defaults, so it is broken toward them (fewest
    settings changed, then fewest grid steps).
    """
    tried = {}
    for values in itertools.product(*GRID.values()):
        weights = replace(DEFAULT_WEIGHTS, **dict(zip(GRID, values, strict=True)))
        tried[weights] = _exact_scores(*counts(cases, weights))["f1"]
    best = max(tried.values())
    near = [w for w, f1 in tried.items() if f1 >= best - TIE]
    return min(near, key=lambda w: (*_distance(w), -tried[w]))


def _distance(weights: Weights) -> tuple[int, int]:
    """Settings changed from the defaults, and grid steps away from them in all."""
    steps = [
        abs(GRID[k].index(getattr(weights, k)) - GRID[k].index(getattr(DEFAULT_WEIGHTS, k)))
        for k in GRID
    ]
    return sum(1 for s in steps if s), sum(steps)


def fold_of(key: str) -> int:
    """0 or 1, stable per page."""
    return hashlib.sha256(key.encode()).digest()[0] % 2


def cross_validate(cases: list[Case]) -> dict[str, Any]:
    """Tune on each half, score on the other; pool the held-out counts.

    The probes are scored with each half's weights and reported apart; they are never tuned on.
    """
    probes = [[c for c in cases if c.origin == PROBE and fold_of(c.key) == f] for f in (0, 1)]
    folds = [[c for c in cases if c.origin != PROBE and fold_of(c.key) == f] for f in (0, 1)]
    pooled, by_origin, chosen, by_fold = [0, 0, 0], {}, [], []
    plain = [plain_counts((c.plain, c.truth) for c in fold) for fold in folds]
    plain_probes = [plain_counts((c.plain, c.truth) for c in fold) for fold in probes]
    probe_counts: dict[str, list[tuple[int, int, int]]] = {"probes": [], "blind": []}
    for held, train, probe in ((folds[0], folds[1], probes[0]), (folds[1], folds[0], probes[1])):
        weights = tune(train)
        chosen.append({k: getattr(weights, k) for k in GRID})
        got_fold = counts(held, weights)
        by_fold.append(scores(*got_fold))
        pooled = [a + b for a, b in zip(pooled, got_fold, strict=True)]
        probe_counts["probes"].append(counts(probe, weights))
        probe_counts["blind"].append(counts([c for c in probe if c.key in BLIND], weights))
        for case in held:
            got = counts([case], weights)
            by_origin.setdefault(case.origin, [0, 0, 0])
            by_origin[case.origin] = [
                a + b for a, b in zip(by_origin[case.origin], got, strict=True)
            ]
    return {
        "held_out": scores(*pooled),
        "plain": _pooled_scores(plain),
        "plain_probes": _pooled_scores(plain_probes),
        "weights": chosen,
        "by_fold": by_fold,
        "by_origin": {k: scores(*v) for k, v in sorted(by_origin.items())},
        **{name: _pooled_scores(got) for name, got in probe_counts.items()},
    }


def _pooled_scores(per_fold: list[tuple[int, int, int]]) -> dict[str, Any]:
    """Scores of both folds pooled, and of each fold."""
    pooled = (sum(n) for n in zip(*per_fold, strict=True))
    return {"held_out": scores(*pooled), "by_fold": [scores(*fold) for fold in per_fold]}


def per_page(cases: list[Case], weights: Weights) -> list[dict[str, Any]]:
    """Each page's figures with the given weights, worst first (for reviewing labels)."""
    pages = [{"key": c.key, "url": c.url, **scores(*counts([c], weights))} for c in cases]
    return sorted(pages, key=lambda p: p["f1"])


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Measure, cross-validate and summarise."""
    parser = argparse.ArgumentParser(prog="python -m bench.listing_links")
    parser.add_argument("--quick", action="store_true", help="a quarter of the WCXB pages")
    parser.add_argument(
        "--before-audit", action="store_true", help="the WCXB labels as they were before the audit"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    cases = load_cases(args.quick, audited=not args.before_audit)
    measured = time.perf_counter() - started
    result = cross_validate(cases)
    measured_cases = [c for c in cases if c.origin != PROBE]
    result.update(
        pages=len(measured_cases),
        links=sum(len(c.truth) for c in measured_cases),
        default=scores(*counts(measured_cases, DEFAULT_WEIGHTS)),
        ms_per_page=round(1000 * measured / max(1, len(cases)), 1),
        worst_pages=per_page(measured_cases, DEFAULT_WEIGHTS)[:15],
    )
    held = result["held_out"]
    result["summary"] = [
        row(
            "held-out precision",
            held["precision"],
            at_least=TARGET,
            note=f"{result['pages']} pages, {result['links']} labelled links",
        ),
        row("held-out recall", held["recall"], at_least=TARGET),
        *(
            row(f"fold {fold} held out: P / R", _precision_recall(s))
            for fold, s in enumerate(result["by_fold"])
        ),
        *_plain_rows("courlan links", result["plain"]),
        *(
            row(f"{origin}: P / R", _precision_recall(s))
            for origin, s in result["by_origin"].items()
            if origin != PROBE
        ),
        *_probe_rows("probes", result["probes"], [c for c in cases if c.origin == PROBE]),
        *_plain_rows("probes, courlan links", result["plain_probes"]),
        *_probe_rows("blind probes", result["blind"], [c for c in cases if c.key in BLIND]),
    ]
    return result


def _plain_rows(name: str, plain: dict[str, Any]) -> list[Any]:
    """The plain library's figures, pooled and per fold."""
    return [
        row(f"{name}: P / R", _precision_recall(plain["held_out"]), note="plain-library baseline"),
        *(
            row(f"{name} fold {fold}: P / R", _precision_recall(s))
            for fold, s in enumerate(plain["by_fold"])
        ),
    ]


def _precision_recall(s: dict[str, float]) -> str:
    """Precision and recall as a table shows them: "0.912 / 0.874"."""
    return f"{s['precision']:.3f} / {s['recall']:.3f}"


def _probe_rows(name: str, probes: dict[str, Any], cases: list[Case]) -> list[Any]:
    """The probes' held-out figures, pooled and per fold."""
    held = probes["held_out"]
    links = sum(len(c.truth) for c in cases)
    return [
        row(
            f"{name} held out: P / R",
            _precision_recall(held),
            note=f"{len(cases)} pages, {links} labelled links",
        ),
        *(
            row(f"{name} fold {fold}: P / R", _precision_recall(s))
            for fold, s in enumerate(probes["by_fold"])
        ),
    ]


if __name__ == "__main__":
    print(json.dumps(main(), indent=1, ensure_ascii=False))
