"""A labelled day of the Minguo calendar read in the Gregorian calendar."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from crawler.extract.minguo import minguo_day

_TST = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    "text",
    ["發布日期：115-12-03 發布單位：文化部", "中華民國115年12月3日", "日期: 115/12/03"],
)
def test_a_labelled_minguo_day(text: str) -> None:
    assert minguo_day(text, _TST) == datetime(2026, 12, 3, tzinfo=_TST)


@pytest.mark.parametrize("text", ["更新日期：115-12-05", "編號 115-12-03", "發布日期：2026-12-03"])
def test_no_minguo_day(text: str) -> None:
    assert minguo_day(text, _TST) is None
