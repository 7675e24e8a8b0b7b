"""English page shapes written apart from the extractor: Asia-focused English outlets (SCMP
with topic chips and its trust note, Yicai Global, Pandaily, 36Kr English with an editor's
note, Kyodo, The Diplomat, Tech in Asia's paywall teaser, a Global Times op-ed, KED Global,
Campaign Asia), wire pages (ACCESS Newswire, EIN Presswire, Newswire.ca, PR.com, openPR,
PRWeb, PR Newswire APAC with highlights above a capitalised dateline, Media OutReach),
investor relations releases (Q4 and Notified templates with PDF links and stock widgets), an
8-K exhibit as plain HTML, an earnings call transcript, WSJ, FT and Bloomberg pages whose
first paragraphs are free, Yahoo Finance and Investing.com syndication, a Seeking Alpha
analysis with disclosures, Crunchbase News, and a story opening with a correction.

Each page in ``fixtures/extract/en-probes9`` is a whole page (navigation, cookie banner,
sidebar, newsletter sign-up, footer, scripts) labelled with its exact title, its publication
day, sentences its text must hold and chrome it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.probes import check_en_probe, en_labels, probe_params

_FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "en-probes9"
_LABELS = en_labels(_FOLDER)
# Pages the extractor still gets wrong, with what goes wrong. Scored blind on the extractor as
# it was before they led to fixes: 10 of 30 pages wholly right, titles 29, dates 28, no chrome
# on 13; trafilatura defaults 7 wholly right, titles 27, dates 27, no chrome on 8.
KNOWN: dict[str, str] = {
    "crunchbase_news": "the advertiser's box closing the body stays",
    "ft_barrier": "the paywall's subscription offers after the free paragraphs stay",
    "openpr_release": "a dashed day and month that read both ways, the wire's permalink box stays",
    "prcom_release": "the wire's contact box and its link to the issuer's releases stay",
    "scmp_trust_chips": "the site's trust box stays: dev pages keep a 'Why you can trust' heading",
}


@pytest.mark.parametrize("name", probe_params(_LABELS["pages"], KNOWN))
def test_probe_page(name: str) -> None:
    check_en_probe(_FOLDER, name, _LABELS)
