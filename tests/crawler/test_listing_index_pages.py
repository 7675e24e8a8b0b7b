"""A page named ``index.php`` in a folder of its own is laid out as that folder."""

from __future__ import annotations

from crawler.spiders.links import detect_links
from crawler.spiders.links.features import url_layout
from crawler.spiders.listing_links import listing_selector

SITE = "https://school.example"
COURSES = {
    "certificate-in-corporate-finance": "Certificate in Corporate Finance Online",
    "certificate-in-investment-management": "Certificate in Investment Management",
    "financial-planning-in-retirement": "Financial and Estate Planning in Retirement",
    "estate-planning": "Estate Planning",
    "income-tax-planning": "Income Tax Planning",
}


def _url(slug: str) -> str:
    return f"{SITE}/education/courses/finance/{slug}/index.php"


def test_index_pages_in_sibling_folders_share_a_layout() -> None:
    assert url_layout(_url("estate-planning")) == url_layout(_url("income-tax-planning"))
    assert url_layout(_url("estate-planning")) == url_layout(f"{SITE}/education/courses/finance/x")


def test_short_named_courses_join_their_list() -> None:
    items = "".join(
        f'<li class="course"><a href="{_url(slug)}">{name}</a></li>'
        for slug, name in COURSES.items()
    )
    html = f'<html><body><main><ul class="courses">{items}</ul></main></body></html>'
    detection = detect_links(listing_selector(html).root, f"{SITE}/education/courses/")
    assert {d.url for d in detection.chosen} == {_url(slug) for slug in COURSES}
