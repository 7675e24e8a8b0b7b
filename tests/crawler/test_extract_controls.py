"""A page control's label left as a line of its own goes."""

from __future__ import annotations

from lxml.html import document_fromstring

from crawler.extract.controls import drop_controls

PARAS = ["Toggle", "Micro-drama apps spend more on advertising than ever.", "Where the money goes"]


def test_the_label_of_a_link_going_nowhere_goes() -> None:
    root = document_fromstring(
        '<html><body><a href="#" class="toc-toggle">Toggle</a><h2 id="money">Where the money goes'
        '</h2><a href="#money">Where the money goes</a></body></html>'
    )
    assert drop_controls(PARAS, root) == PARAS[1:]


def test_a_script_link_is_a_control_a_real_link_is_not() -> None:
    root = document_fromstring(
        '<html><body><a href="javascript:void(0)">Toggle</a>'
        '<a href="/news/money">Where the money goes</a></body></html>'
    )
    assert drop_controls(PARAS, root) == PARAS[1:]
    long_label = '<a href="#">Micro-drama apps spend more on advertising than ever.</a>'
    assert drop_controls(PARAS[1:], document_fromstring(f"<html><body>{long_label}")) == PARAS[1:]


def test_a_label_that_is_also_a_heading_stays() -> None:
    root = document_fromstring(
        '<html><body><nav><a href="#">Where the money goes</a></nav>'
        '<h2 id="money">Where the money goes</h2></body></html>'
    )
    assert drop_controls(PARAS[1:], root) == PARAS[1:]


def test_a_download_button_for_a_file_is_a_control_a_link_to_a_page_is_not() -> None:
    paras = ["Download this chart", *PARAS[1:]]
    chart = '<a href="/charts/spending.xlsx">Download this chart</a>'
    assert drop_controls(paras, document_fromstring(f"<html><body>{chart}")) == PARAS[1:]
    page = '<a href="/charts/spending">Download this chart</a>'
    assert drop_controls(paras, document_fromstring(f"<html><body>{page}")) == paras
