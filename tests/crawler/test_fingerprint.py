"""Tests for crawler.fingerprint: unit tests and the evaluation on the labelled story set."""

from __future__ import annotations

import itertools
import os
import random
import re
import struct
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler import fingerprint as fpmod
from crawler.fingerprint import (
    DEFAULT_THRESHOLD,
    NUM_BANDS,
    NUM_PERM,
    Fingerprint,
    content_hash,
    fingerprint,
    fingerprint_from_bytes,
    group_stories,
    is_near_duplicate,
    normalize_text,
    shingles,
    signature_bytes,
    signatures_match,
)

ROOT = Path(__file__).resolve().parents[2]
STORIES = ROOT / "tests" / "fixtures" / "stories"
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _load_articles() -> list[dict[str, Any]]:
    """Read every labelled article, file by file in name order, articles in file order."""
    articles: list[dict[str, Any]] = []
    for path in sorted(STORIES.glob("*.yaml")):
        articles.extend(yaml.safe_load(path.read_text(encoding="utf-8"))["articles"])
    return articles


ARTICLES = _load_articles()
BY_ID = {article["id"]: article for article in ARTICLES}


def _pairwise_precision_recall(
    predicted: Sequence[object], gold: Sequence[str]
) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against labels."""
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(gold)), 2):
        same_pred, same_gold = predicted[i] == predicted[j], gold[i] == gold[j]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def _evaluate(articles: Sequence[dict[str, Any]]) -> tuple[float, float]:
    """Fingerprint and group ``articles`` in order; score against their labels."""
    fps = [fingerprint(article["text"]) for article in articles]
    predicted = group_stories(fps, DEFAULT_THRESHOLD)
    return _pairwise_precision_recall(predicted, [article["story"] for article in articles])


# --- normalisation and hashing ------------------------------------------------------------


def test_normalize_nfkc_case_punctuation_whitespace() -> None:
    """Full-width forms fold, case folds, punctuation goes, whitespace collapses."""
    assert normalize_text("  ＲｅｅｌＳｈｏｒｔ，\t“Crazy   Maple”!\n\n（２０２４）  ") == (
        "reelshort crazy maple 2024"
    )


def test_normalize_keeps_numbers_whole() -> None:
    """Decimal points and thousands separators between digits do not split numbers."""
    assert normalize_text("50.44 billion; 1,365,004 episodes. End.") == (
        "5044 billion 1365004 episodes end"
    )


def test_traditional_folds_to_simplified() -> None:
    """Traditional characters fold to Simplified, so spam mirrors compare equal."""
    assert normalize_text("微短劇") == normalize_text("微短剧") == "微短剧"
    assert normalize_text("國家廣播電視總局：網絡微短劇") == "国家广播电视总局 网络微短剧"
    assert content_hash("網絡微短劇發行許可") == content_hash("网络微短剧发行许可")


@settings(max_examples=200)
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                " \t\n.,;:!?-_'\"“”（），。、0123456789aAzZéÉßİ１Ａ微短劇剧網络總局著乾\u200b\u00ad"
            )
        ),
        max_size=40,
    )
)
def test_normalize_is_idempotent(text: str) -> None:
    """Normalising normalised text changes nothing."""
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_invisible_characters_do_not_split_words() -> None:
    """Zero-width spaces and soft hyphens hidden inside words (a spam trick) are deleted."""
    assert (
        normalize_text("Reel\u200bShort micro\u00addrama 微\u200b短剧")
        == "reelshort microdrama 微短剧"
    )


def test_content_hash_ignores_whitespace_and_punctuation_noise() -> None:
    """Re-wrapped or re-spaced copies share a hash; a changed word does not."""
    text = BY_ID["ap-reelshort-original"]["text"]
    rewrapped = "\n\n  ".join(" ".join(line.split()) for line in text.split("\n")) + "\n"
    assert content_hash(rewrapped) == content_hash(text)
    assert content_hash(text.replace("werewolf", "vampire")) != content_hash(text)
    assert re.fullmatch(r"[0-9a-f]{64}", content_hash(text))


# --- shingles -----------------------------------------------------------------------------


def test_latin_shingles_are_word_pairs() -> None:
    """Latin text gives overlapping word pairs."""
    assert shingles("The bride was switched.") == ["the bride", "bride was", "was switched"]


def test_cjk_shingles_are_character_ngrams() -> None:
    """CJK runs give character n-grams; a run shorter than n is one shingle."""
    assert shingles("微短剧市场规模") == ["微短剧市", "短剧市场", "剧市场规", "市场规模"]
    assert shingles("短剧") == ["短剧"]


def test_mixed_text_is_shingled_per_run() -> None:
    """Numbers and Latin words split CJK runs; each run is shingled on its own."""
    assert shingles("2024年微短剧市场规模 reached 504.4亿元") == [
        "2024",
        "年微短剧",
        "微短剧市",
        "短剧市场",
        "剧市场规",
        "市场规模",
        "reached 5044",
        "亿元",
    ]


def test_empty_text_matches_nothing() -> None:
    """A text with no shingles gives an empty signature that is similar to nothing."""
    empty = fingerprint(" \n…")
    assert empty.is_empty
    assert empty.bands == ()
    assert fingerprint_from_bytes(signature_bytes(empty)) == empty
    assert group_stories([empty, fingerprint("")]) == [0, 1]
    assert empty.similarity(empty) == 0.0
    assert not is_near_duplicate(empty, fingerprint(""), 0.0001)


# --- fingerprints -------------------------------------------------------------------------


def test_fingerprint_shape_and_band_range() -> None:
    """Signatures have NUM_PERM values; each band hash fits a signed 64-bit BIGINT."""
    fp = fingerprint(BY_ID["nrta-review-official"]["text"])
    assert len(fp.hashvalues) == NUM_PERM
    assert len(fp.bands) == NUM_BANDS
    assert all(isinstance(band, int) and 0 <= band < 2**63 for band in fp.bands)
    assert all(0 <= value < 2**32 for value in fp.hashvalues)


def test_band_index_is_mixed_into_band_hash() -> None:
    """Identical rows in different bands still hash differently."""
    bands = fpmod.band_hashes([7] * NUM_PERM)
    assert len(set(bands)) == NUM_BANDS


def test_band_hashes_reject_uneven_split() -> None:
    """A signature that cannot be split evenly is an error, not a silent truncation."""
    with pytest.raises(ValueError, match="cannot be split"):
        fpmod.band_hashes([1] * 10, 3)


def test_custom_num_perm_and_bands() -> None:
    """num_perm and bands are parameters; similarity needs equal lengths."""
    small = fingerprint("one two three four", num_perm=64, bands=16)
    assert len(small.hashvalues) == 64 and len(small.bands) == 16
    with pytest.raises(ValueError, match="differ in length"):
        small.similarity(fingerprint("one two three four"))


def test_similarity_of_identical_and_unrelated_texts() -> None:
    """Identical texts score 1.0; unrelated stories score near 0."""
    a = fingerprint(BY_ID["hongguo-original"]["text"])
    b = fingerprint(BY_ID["sensortower-q1-original"]["text"])
    assert a.similarity(a) == 1.0
    assert a.similarity(b) < 0.05


def test_signature_bytes_round_trip() -> None:
    """The BLOB form restores the same signature and bands."""
    fp = fingerprint(BY_ID["whitepaper-zh-cnsa"]["text"])
    blob = signature_bytes(fp)
    assert len(blob) == 4 * NUM_PERM
    assert fingerprint_from_bytes(blob) == fp
    with pytest.raises(ValueError, match="multiple of 4"):
        fingerprint_from_bytes(blob[:-1])


def test_fingerprint_is_deterministic_across_processes() -> None:
    """A fresh interpreter (other hash seed) computes byte-identical signatures."""
    text = BY_ID["nrta-review-spam-mirror"]["text"]
    code = (
        "import sys; from crawler.fingerprint import fingerprint, signature_bytes; "
        "sys.stdout.write(signature_bytes(fingerprint(sys.stdin.read())).hex())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        check=True,
    )
    assert result.stdout == signature_bytes(fingerprint(text)).hex()


def test_fingerprint_version_names_the_parameters() -> None:
    """The version string changes when the shingle sizes or seed change."""
    assert str(fpmod.SEED) in fpmod.FINGERPRINT_VERSION
    assert f"w{fpmod.LATIN_SHINGLE}-c{fpmod.CJK_SHINGLE}" in fpmod.FINGERPRINT_VERSION


# --- grouping -----------------------------------------------------------------------------


def test_group_stories_joins_the_earliest_matching_story() -> None:
    """Story ids are the index of the story's first article; copies join it."""
    a, b = BY_ID["hongguo-original"]["text"], BY_ID["hengdian-original"]["text"]
    fps = [fingerprint(t) for t in (a, b, a + " 来源：证券时报", b)]
    assert group_stories(fps) == [0, 1, 0, 1]
    assert group_stories([]) == []


def test_group_stories_uses_lsh_candidates_only() -> None:
    """Two fingerprints that share no band are never compared, whatever the threshold."""
    a = Fingerprint(hashvalues=(1,) * 4, bands=(10, 20))
    b = Fingerprint(hashvalues=(1,) * 4, bands=(11, 21))
    assert group_stories([a, b], threshold=0.0) == [0, 1]


# --- the labelled set ---------------------------------------------------------------------


def test_labelled_set_is_well_formed() -> None:
    """At least 40 articles in 10 stories, both languages, lengths within the brief."""
    assert len(ARTICLES) >= 40
    assert len({a["id"] for a in ARTICLES}) == len(ARTICLES)
    assert len({a["story"] for a in ARTICLES}) >= 10
    for article in ARTICLES:
        assert set(article) == {"id", "story", "title", "text"}, article["id"]
        if _CJK.search(article["text"]):
            size = len(re.sub(r"\s", "", article["text"]))
            assert 300 <= size <= 1200, (article["id"], size)
        else:
            assert 150 <= len(article["text"].split()) <= 600, article["id"]
    languages = {bool(_CJK.search(a["text"])) for a in ARTICLES}
    assert languages == {True, False}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ap-reelshort-original", "ap-reelshort-spun"),
        ("ap-reelshort-original", "ap-reelshort-trimmed"),
        ("nrta-review-official", "nrta-review-spam-mirror"),
        ("nrta-review-official", "nrta-review-cnsa-repost"),
        ("whitepaper-zh-cnsa", "whitepaper-zh-edited"),
        ("shanghai-hub-citynews", "shanghai-hub-short"),
    ],
)
def test_hard_copies_are_near_duplicates(a: str, b: str) -> None:
    """Spun, mirrored, trimmed and re-bylined copies pass verification."""
    assert is_near_duplicate(fingerprint(BY_ID[a]["text"]), fingerprint(BY_ID[b]["text"]))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("nrta-review-official", "nrta-travel-official"),
        ("nrta-review-portal", "nrta-travel-portal"),
        ("shanghai-hub-citynews", "whitepaper-en-original"),
        ("whitepaper-zh-cnsa", "avreport-zh-original"),
        ("ap-reelshort-original", "reelshort-spending-original"),
        ("ap-reelshort-trimmed", "us-startups-feature"),
    ],
)
def test_hard_negatives_are_kept_apart(a: str, b: str) -> None:
    """Distinct stories sharing boilerplate, figures or companies do not pass verification."""
    assert not is_near_duplicate(fingerprint(BY_ID[a]["text"]), fingerprint(BY_ID[b]["text"]))


@pytest.mark.parametrize("order", ["as-labelled", "reversed", "shuffled"])
def test_group_stories_precision_and_recall(order: str) -> None:
    """Pairwise precision and recall of group_stories on the labelled set are >= 0.95."""
    articles = list(ARTICLES)
    if order == "reversed":
        articles.reverse()
    elif order == "shuffled":
        random.Random(7).shuffle(articles)
    precision, recall = _evaluate(articles)
    assert precision >= 0.95, f"precision {precision:.3f}"
    assert recall >= 0.95, f"recall {recall:.3f}"


def test_quality_does_not_hinge_on_the_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Averaged over other MinHash seeds, precision and recall stay >= 0.95 (no lucky seed)."""
    scores = []
    for seed in range(8):
        monkeypatch.setattr(fpmod, "SEED", seed)
        scores.append(_evaluate(ARTICLES))
    precision = sum(p for p, _ in scores) / len(scores)
    recall = sum(r for _, r in scores) / len(scores)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 0xFFFFFFFE), min_size=NUM_PERM, max_size=NUM_PERM),
    st.lists(st.booleans(), min_size=NUM_PERM, max_size=NUM_PERM),
    st.sampled_from([0.0, 0.25, DEFAULT_THRESHOLD, 0.5, 1.0]),
)
def test_signatures_match_counts_equal_values(
    values: list[int], keep: list[bool], threshold: float
) -> None:
    """The packed comparison agrees with counting equal permutation values one by one."""
    changed = [(v + 1 + (v >> 3)) % 0xFFFFFFFF for v in values]  # never equal to v
    other = [v if same else c for v, c, same in zip(values, changed, keep, strict=True)]
    left, right = struct.pack(f"<{NUM_PERM}I", *values), struct.pack(f"<{NUM_PERM}I", *other)
    equal = sum(x == y for x, y in zip(values, other, strict=True))
    assert signatures_match(left, right, threshold) == (equal / NUM_PERM >= threshold)


def test_an_empty_signature_matches_nothing() -> None:
    empty = struct.pack(f"<{NUM_PERM}I", *[0xFFFFFFFF] * NUM_PERM)
    assert not signatures_match(empty, empty, 0.0)
    assert not signatures_match(empty[:-4], empty, 0.0)
