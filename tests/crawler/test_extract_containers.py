"""Tests for the CMS body containers of crawler.extract.article."""

from __future__ import annotations

from crawler.extract.article import cms_container, container_candidates
from crawler.extract.chrome import strip_chrome_tags
from crawler.extract.parsing import parse_html

GUIDE = """<html><body>
<header><nav><a href="/">Home</a> <a href="/routers/">Routers</a></nav></header>
<section class="c" id="c">
  <h1>A Guide to Whole Home Mesh WiFi</h1>
  <p>Learn everything you need to know about a mesh WiFi network.</p>
  <h2>What is Mesh WiFi?</h2>
  <p>Mesh WiFi is a whole home system built to eliminate dead zones throughout your home.</p>
</section>
{extra}
</body></html>"""


def _container(html: str) -> str | None:
    root = parse_html(html)
    assert root is not None
    found = cms_container(html, container_candidates(strip_chrome_tags(root)))
    return None if found is None else found.tag


def test_bare_c_id_on_a_section_is_no_container() -> None:
    assert _container(GUIDE.format(extra="")) is None


def test_div_c_is_a_container() -> None:
    notice = "各省、自治区、直辖市广播电视局，现将有关事项通知如下，请认真贯彻执行。"
    extra = f'<div id="c"><p>{notice}</p></div>'
    assert _container(GUIDE.format(extra=extra)) == "div"
