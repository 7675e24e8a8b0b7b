"""Article or listing: a notice whose only sentence leads in the table that is its body."""

from __future__ import annotations

from crawler.extract import extract_article
from crawler.extract.kind import sentence_counts

ROWS = "".join(
    f"<tr><td>备案事项第{i}项</td><td>{5 + i}个工作日</td><td>{3 + i}个工作日</td></tr>"
    for i in range(1, 5)
)
NOTICE = (
    '<html><head><meta charset="utf-8"><title>关于调整备案办理时限的通知</title></head><body>'
    '<div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a></div>'
    '<div class="main"><h1>关于调整备案办理时限的通知</h1><p>各有关单位：</p>'
    "<p>自2027年1月1日起，我局网络微短剧备案事项办理时限调整如下：</p>"
    f"<table><tr><td>事项</td><td>原时限</td><td>新时限</td></tr>{ROWS}</table>"
    "<p>特此通知。</p></div></body></html>"
)


def test_a_notice_whose_body_is_a_table_under_its_lead_in_stays_an_article() -> None:
    found = extract_article(NOTICE, "https://gdj.example.gov.cn/tzgg/202611/t20261126_51188.html")
    assert found.shape is not None and found.shape.sentences == 1
    assert found.is_article


def test_a_colon_counts_as_a_sentence_end_only_right_above_a_table() -> None:
    lead = "The following fees apply to every permit application received from January:"
    counts = sentence_counts([lead, "| Fee | Now | From January |", lead + " ", "Contacts"])
    assert counts[lead] == 1
    assert counts[lead + " "] == 0  # no table follows it
    assert sentence_counts(["Fees:", "| Fee | Now |"])["Fees:"] == 0  # a label, not prose
