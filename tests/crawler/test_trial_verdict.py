"""The dry run's verdict when every link leads to another host."""

from __future__ import annotations

from crawler.trial.verdict import judge

_FENCED = [f"http://gbdsj.hunan.gov.cn/xxgk/tzgg/202611/t2026112{i}_1.shtml" for i in range(8)]


def test_links_fenced_off_to_another_host_name_the_host_and_the_key() -> None:
    verdict = judge(None, [], 0, [], fenced=[*_FENCED, "https://www.gov.cn/"])
    assert verdict.status == "warning"
    assert verdict.hints == (
        "9 links lead to other hosts (gbdsj.hunan.gov.cn, www.gov.cn): if they are this "
        "source's articles, add allowed_domains: [gbdsj.hunan.gov.cn, www.gov.cn]",
    )


def test_fenced_links_beside_taken_ones_change_nothing() -> None:
    verdict = judge(None, [], 3, [], fenced=_FENCED)
    assert "allowed_domains" not in " ".join(verdict.hints)
