"""POST list requests read from a page's inline scripts: jQuery, fetch and axios."""

from __future__ import annotations

from crawler.discover.scripts import ScriptCall, post_calls

BASE = "https://www.example.gov.cn/zwgk/index.html"


def _page(script: str) -> str:
    return f"<html><body><ul id='list'></ul><script>{script}</script></body></html>"


def test_jquery_ajax_with_a_json_body_and_a_page_variable() -> None:
    script = """
    function load(page) {
      $.ajax({url: '/api/data/affair', type: "POST", contentType: "application/json",
              data: JSON.stringify({channelList: ["5144"], pageSize: 20, pageNo: page,}),
              success: function (r) { render(r.data.list, {a: 1}); }});
    }"""
    assert post_calls(_page(script), BASE) == [
        ScriptCall(
            "https://www.example.gov.cn/api/data/affair",
            body={"channelList": ["5144"], "pageSize": 20, "pageNo": 1},
            page_param="pageNo",
        )
    ]


def test_jquery_post_sends_form_fields_as_jquery_does() -> None:
    script = "$.post('/list.do', {channelId: 12, type: 'news', ids: ['7'], token: getToken()});"
    (call,) = post_calls(_page(script), BASE)
    assert call == ScriptCall(
        "https://www.example.gov.cn/list.do", form={"channelId": "12", "type": "news", "ids[]": "7"}
    )
    assert call.payload() == (
        b"channelId=12&type=news&ids%5B%5D=7",
        "application/x-www-form-urlencoded",
    )
    assert call.options() == {"method": "POST", "form": call.form}


def test_fetch_and_axios_posts() -> None:
    script = """
    fetch("https://api.example.gov.cn/v1/news", {method: 'POST',
          headers: {'Content-Type': 'application/json'}, body: JSON.stringify({size: 10})});
    axios.post(`/api/list`, {column: "notice", currentPage: cur});
    fetch('/search', {method: 'post', body: 'q=short+drama&page=1'});
    """
    assert post_calls(_page(script), BASE) == [
        ScriptCall("https://api.example.gov.cn/v1/news", body={"size": 10}),
        ScriptCall(
            "https://www.example.gov.cn/api/list",
            body={"column": "notice", "currentPage": 1},
            page_param="currentPage",
        ),
        ScriptCall("https://www.example.gov.cn/search", form={"q": "short drama", "page": "1"}),
    ]


def test_gets_computed_urls_and_external_scripts_are_left_alone() -> None:
    script = """
    $.ajax({url: '/api/menu', type: 'GET'});
    $.ajax({url: base + '/api/list', type: 'POST', data: {a: 1}});
    fetch(`/api/${column}`, {method: 'POST'});
    """
    html = _page(script) + '<script src="/js/app.js">$.post("/x", {})</script>'
    assert post_calls(html, BASE) == []
