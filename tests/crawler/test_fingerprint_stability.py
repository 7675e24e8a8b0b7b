"""Stored fingerprints stay put: signatures and band hashes of the labelled stories are pinned.

A stored MinHash signature is only comparable with one computed the same way, so any change to
text normalisation (such as where the Traditional->Simplified fold lives) must leave these
digests as they are, or bump ``FINGERPRINT_VERSION``.
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import pytest
import yaml

from crawler.fingerprint import identify

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"

# Texts the fold treats specially: 沈默 changes only as a phrase (a Simplified text may name a
# person 沈默), so the fingerprint, which folds only texts holding a Traditional character,
# leaves it; 乾 folds differently inside phrases; full-width forms; empty and short texts.
PROBES = {
    "沈默的主角": "78b1e00050a6cef4",
    "國家廣播電視總局：網絡微短劇": "56a6aa0fa5bbb85c",
    "乾隆 乾燥 後來 皇后": "44739aa1d88599c5",
    "ＲｅｅｌＳｈｏｒｔ 微短劇 50.44億元": "67b090cb5817d873",
    "": "186a65c4640ec931",
    "短剧": "8b1705778b63bb2c",
}

# Article id -> (digest of its text's identity, digest of its title's identity).
EXPECTED = {
    "ai-manju-single": ("fe87c196332ddc0e", "1bcfc21b5a1d54e5"),
    "avreport-zh-original": ("026e3bab6c927cc9", "2b1d88f75afc3274"),
    "avreport-zh-xinhua": ("b66eb47f75db9fae", "d9c0aa556c26b0d2"),
    "avreport-zh-cnsa": ("664576dc25862027", "d1bc2a43570409c3"),
    "whitepaper-en-original": ("4c54cecf9c80ac96", "c7f245900a044bb2"),
    "whitepaper-en-globaltimes": ("8de07b0a8cc4fd09", "4d17f6297bd4357a"),
    "whitepaper-en-xinhua": ("099a216b2ad40a1a", "006b676efe99eb7c"),
    "whitepaper-zh-cnsa": ("a01e078d9ac9f06f", "5f06c4841d7a37a0"),
    "whitepaper-zh-chinanews": ("883471197b53f0d8", "e8946e85db297fab"),
    "whitepaper-zh-edited": ("b759dfa756eee11b", "547b80f841432096"),
    "whitepaper-zh-daily": ("25e937779040311d", "92676b2971e6eb9d"),
    "hengdian-original": ("2f17fbfb9659bd21", "f505cdc6a9b37b51"),
    "hengdian-zjrb": ("5ce2e25cb8bcb513", "d1860eb56036332b"),
    "hengdian-expanded": ("661c849d74d762ca", "ed076840944f3767"),
    "hongguo-original": ("e6a51c56f289cdb8", "8624839ce9ae246b"),
    "hongguo-selfmedia": ("54d4e67893a0254a", "3fe473889b7bf874"),
    "hongguo-stcn": ("66152890a4bc9206", "a6dda8d3ff3bbed0"),
    "nrta-cleanup-en": ("ca73bf18893496eb", "df9c12209f6ae12f"),
    "nrta-review-official": ("41ebc81169dfd0b8", "c4ead68cf6d036a0"),
    "nrta-review-portal": ("74ca55e0eb24b155", "7de027d357c3f801"),
    "nrta-review-spam-mirror": ("33616a0928cfb081", "c4ead68cf6d036a0"),
    "nrta-review-cnsa-repost": ("a426ba234a41a2d2", "598d499004e27762"),
    "nrta-travel-official": ("6f889659250c09ee", "c8eba7c23a4cf9dd"),
    "nrta-travel-portal": ("2f89708550d48af5", "a641a6dfc7957f36"),
    "nrta-travel-province": ("e6cd8ec6cc699db1", "73c24ed5e6a97e06"),
    "ap-reelshort-original": ("f316a5cae1a13613", "3d1fd8c8b73753dc"),
    "ap-reelshort-syndicated": ("f79fe38ced98e56c", "1f4da9ca3c7eac81"),
    "ap-reelshort-trimmed": ("afd5266098616e60", "f7405e749ffad2bf"),
    "ap-reelshort-spun": ("d65f4e4f19d0a9a5", "cf1b1124b993e7d5"),
    "ap-reelshort-aggregator": ("e80c27246f07c3a3", "d9cdcfd837e97f81"),
    "reelshort-spending-original": ("226bd7b20567c6a3", "5b276e2e3a0c421a"),
    "reelshort-spending-techblog": ("808dbe7e339c862b", "09b680d2dc371ac1"),
    "reelshort-spending-newsletter": ("fc7c31f51656ad4b", "405438a1492d7a29"),
    "sensortower-q1-original": ("e6fbb250a46415f3", "b9068fcaebf1bc81"),
    "sensortower-q1-marketing": ("c8a0805bcd90e465", "b50b2b13f6e2e457"),
    "sensortower-q1-reprint": ("29cce86083fa96c8", "ee80629886e45ede"),
    "shanghai-hub-citynews": ("c74e80fc8e7e2117", "722a637d6f4b017f"),
    "shanghai-hub-shine": ("7fe30983ad1b07d4", "12e8611a52d6a740"),
    "shanghai-hub-expanded": ("8597b5a0baf115f5", "6f04a3285dcff12d"),
    "shanghai-hub-short": ("2d9f55c1017e5ffb", "16544a30a28ba019"),
    "us-startups-feature": ("7ee00eec8f396e52", "9717d673eb533a79"),
}


def _digest(text: str) -> str:
    """A short digest of everything stored for ``text``: content hash, signature, bands."""
    identity = identify(text)
    bands = struct.pack(f"<{len(identity.bands)}q", *identity.bands)
    data = identity.content_hash.encode() + identity.signature + bands
    return hashlib.sha256(data).hexdigest()[:16]


def _articles() -> list[dict[str, str]]:
    articles: list[dict[str, str]] = []
    for path in sorted(STORIES.glob("*.yaml")):
        articles.extend(yaml.safe_load(path.read_text(encoding="utf-8"))["articles"])
    return articles


@pytest.mark.parametrize("article", _articles(), ids=lambda article: article["id"])
def test_story_fingerprints_unchanged(article: dict[str, str]) -> None:
    assert (_digest(article["text"]), _digest(article["title"])) == EXPECTED[article["id"]]


def test_every_story_article_is_pinned() -> None:
    assert sorted(article["id"] for article in _articles()) == sorted(EXPECTED)


@pytest.mark.parametrize("text", sorted(PROBES))
def test_probe_fingerprints_unchanged(text: str) -> None:
    assert _digest(text) == PROBES[text]
