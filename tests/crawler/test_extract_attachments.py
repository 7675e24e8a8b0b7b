"""Attachments: a notice whose text is its list of attached files, or a sentence and that list,
stays an article; a section's list of downloadable files is still a listing."""

from __future__ import annotations

from crawler.extract import extract_article
from crawler.extract.attachments import only_files

MENU = "".join(f'<li><a href="/col/c{i}/">栏目名称{i}</a></li>' for i in range(8))


def _page(title: str, main: str) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<div class="nav"><ul>{MENU}</ul></div><div class="main">{main}</div>'
        '<div class="footer"><p>主办单位：某省广播电视局</p></div></body></html>'
    )


def test_only_files_needs_every_headline_link_to_be_a_document() -> None:
    assert only_files(("/files/a.pdf", "/files/b.DOCX", "https://x.cn/c.xlsx?v=2"))
    assert not only_files(("/files/a.pdf", "/news/20250826/1.html"))
    assert not only_files(())


def test_a_notice_that_is_only_its_attachment_list_is_an_article() -> None:
    title = "关于公布2025年第二批重点网络微短剧备案情况的通知"
    files = "".join(
        f'<p><a href="/art/2025/8/26/files/f{i}.pdf">'
        f"{i}.2025年第二批重点网络微短剧备案情况汇总表{i}.pdf</a></p>"
        for i in range(1, 4)
    )
    html = _page(title, f"<h1>{title}</h1><p>附件：</p>{files}")
    found = extract_article(
        html, "https://gdj.example.gov.cn/art/2025/8/26/art_1229565_58912345.html"
    )
    assert found.shape is not None and found.shape.attached and found.shape.sentences == 0
    assert found.is_article


def test_a_section_of_downloadable_files_is_still_not_an_article() -> None:
    files = "".join(
        f'<li><a href="/xzzx/files/form{i}.docx">网络视听节目服务许可申请表格第{i}号</a></li>'
        for i in range(1, 9)
    )
    found = extract_article(
        _page("表格下载", f"<h1>表格下载</h1><ul>{files}</ul>"), "https://gdj.example.gov.cn/xzzx/"
    )
    assert found.shape is not None and found.shape.attached and found.shape.section_url
    assert not found.is_article


def test_a_one_sentence_notice_whose_links_are_mostly_its_attachments_is_an_article() -> None:
    files = "".join(
        f'<p><a href="/f/{i}.pdf">附件{i}.网络微短剧重点项目申报表{i}.pdf</a></p>' for i in range(4)
    )
    main = "<h1>关于报送申报表的通知</h1><p>请各单位于9月30日前报送我局。</p>" + files
    html = _page("关于报送申报表的通知", main)
    found = extract_article(html, "https://gdj.example.gov.cn/art/2025/9/1/art_1_2345.html")
    assert found.shape is not None and found.shape.attached
    assert found.shape.links >= 0.7 and found.shape.own_sentences >= 1
    assert found.is_article
