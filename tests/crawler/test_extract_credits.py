"""Credit lines: a picture's photographer or agency between the paragraphs is not the article's
text; a sentence about a photo, a label announcing a list, or a story's source line stays."""

from __future__ import annotations

import pytest

from crawler.extract import extract_article
from crawler.extract.credits import drop_credit_lines, is_credit_line

PARAGRAPHS = [
    "The regulator published new rules for short dramas on Monday, officials said in Beijing.",
    "Platforms must review every series before it goes online, the notice says, or face fines.",
    "Studios that miss the deadline lose their licence for a year, according to the document.",
    "Producers said the rules would raise costs, though most expect to comply within months.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Shutterstock",
        "Image credit: © Depositphotos.com/AndrewLozovyi",
        "Credit: Andriy Onufriyenko / Getty Images",
        "Image: https://example.com/",
        "Photo credit: ©iStock.com/gorodenkoff",
        "News provided by Crazy Maple Studio",
        "Press Release Distributed by Example Wire",
        "Photo Courtesy of Example Academy",
        "Image courtesy of: Jane Doe",
        "The studio's new set, built for a single season. Credit: Jane Doe",
        "Reviewers at work in the regulator's office. (Photo: Example Images)",
        "A crew films a scene for a vertical series. Photo by: 'John Smith'.",
    ],
)
def test_a_figures_credit_is_a_credit_line(line: str) -> None:
    assert is_credit_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Credits:",
        "Source: City News Service",
        "Photo: the ministry's figures show that viewing time doubled in a year, while the"
        " number of licensed studios fell by a third across the country.",
        "Photographers say the regulator will publish the rules next week.",
        "The photo shows the studio's new set.",
        "Photos courtesy of the studio's archive show how the set was built in a week.",
        "News provided by the regulator's office suggests viewing time doubled in a year.",
        "The studio thanked its crew. Credit: the rules say every studio names its staff.",
    ],
)
def test_prose_or_a_list_label_is_no_credit_line(line: str) -> None:
    assert not is_credit_line(line)


def test_credit_lines_are_dropped_but_never_every_paragraph() -> None:
    paras = [PARAGRAPHS[0], "Photo: Shutterstock", PARAGRAPHS[1]]
    assert drop_credit_lines(paras) == [PARAGRAPHS[0], PARAGRAPHS[1]]
    assert drop_credit_lines(["Photo: Reuters"]) == ["Photo: Reuters"]


def test_a_credit_under_a_figure_is_left_out_of_the_text() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    body += '<figure><img src="a.jpg"></figure><p>Photo: Shutterstock</p>'
    body += "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    html = (
        f"<html><head><title>New rules</title></head><body><article>{body}</article></body></html>"
    )
    text = extract_article(html, "https://example.com/news/rules").text
    assert "Shutterstock" not in text
    assert PARAGRAPHS[-1] in text
