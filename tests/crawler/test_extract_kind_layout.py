"""A page whose every listed headline leads below its own address is a section, not a story."""

from __future__ import annotations

from crawler.extract import ExtractionSettings, extract_article
from crawler.extract.kind import names_section, section_url
from crawler.extract.layout import items_below

SETTINGS = ExtractionSettings()
CATEGORY = "https://shop.example.com/carry-on-luggage-suitcases/"
AWARDS = "https://design.example.com/awards/best-of-year/"


def test_items_extending_the_page_s_path_or_adding_a_number_lead_below_it() -> None:
    products = tuple(f"/carry-on-luggage-suitcases/spinner-{i}/" for i in range(3))
    assert items_below(CATEGORY, products)
    stories = tuple(f"https://news.example.com/2025/10/{i}/a-story" for i in range(3))
    assert items_below("https://news.example.com/latest-news-stories", stories)
    assert not items_below(CATEGORY, products[:2])  # too few to judge
    siblings = ("/news/other-story-a", "/news/other-story-b", "/news/other-story-c")
    assert not items_below("https://news.example.com/news/our-own-story", siblings)
    dated = tuple(f"/news/2025/03/{i}/story" for i in range(3))
    assert not items_below("https://news.example.com/news/2025/03/20/our-story", dated)
    elsewhere = ("https://other.example/x/y", *products)  # other hosts are not judged
    assert items_below(CATEGORY, elsewhere)
    assert not items_below(CATEGORY, (*products, "/about-us-and-our-shops"))  # every one


def _category(
    url_of: str, items: int, heading: str = "Quality carry-on luggage and suitcases"
) -> str:
    prose = "".join(
        f"<p>Our carry-on range {i} is tested on real trips. It fits most overhead bins. "
        f"Read on for how range {i} rolls, packs and lasts.</p>"
        for i in range(5)
    )
    cards = "".join(
        f'<li><h3><a href="{url_of.format(i=i)}">Freeform carry-on spinner model {i}</a></h3>'
        f"<p>Four wheels, a light shell and a lock. Available in five colours.</p></li>"
        for i in range(items)
    )
    title = f"<title>{heading} | Example Shop</title>"
    return f"<html><head>{title}</head><body><h1>{heading}</h1>{prose}<ul>{cards}</ul>"


def test_a_category_whose_products_lead_below_it_is_a_listing_despite_its_prose() -> None:
    page = _category("/carry-on-luggage-suitcases/freeform-spinner-{i}/7825{i}00.html", 14)
    found = extract_article(page, CATEGORY)
    assert not section_url(CATEGORY)  # three words: its address alone names no section
    assert found.shape is not None and found.shape.section_url  # its products lead below it
    assert found.shape.own_sentences >= SETTINGS.listing_sentences  # its prose alone kept it
    assert not found.is_article


def test_a_guide_whose_list_leads_beside_it_stays_an_article() -> None:
    page = _category("/guides/how-we-test-spinner-number-{i}", 14, "How we test carry-on bags")
    found = extract_article(page, "https://shop.example.com/guides/how-we-test-carry-on-luggage")
    assert found.shape is not None and not found.shape.section_url
    assert found.is_article


def _awards(teasers: int) -> str:
    head = (
        '<meta property="og:type" content="article"><title>Explore the Best of Year winners</title>'
    )
    intro = "<p>Meet the winners of this year's awards. The jury met in November.</p>"
    cards = "".join(
        f'<li><h3><a href="/awards/best-of-year/2025/winner-number-{i}">Winner number {i} of '
        f"the design awards</a></h3><p>A studio that built project {i}. It won its category."
        "</p></li>"
        for i in range(teasers)
    )
    heading = "<h1>Explore the Best of Year winners</h1>"
    return f"<html><head>{head}</head><body>{heading}{intro}<ul>{cards}</ul></body>"


def test_a_page_typed_article_above_its_teasers_is_a_listing() -> None:
    found = extract_article(_awards(12), AWARDS)
    assert found.shape is not None and found.shape.declared and found.shape.own_sentences > 0
    assert not found.is_article


def test_a_short_story_with_dated_related_headlines_stays_an_article() -> None:
    related = "".join(
        f'<li><a href="/news/2025/03/{i}/platform-announces-new-series-number-{i}">'
        f"Platform announces new vertical drama series number {i} for spring</a> "
        f"<span>March {i % 28 + 1}, 2025</span></li>"
        for i in range(12)
    )
    page = (
        "<html><head><title>ReelShort names new head of content | Example News</title></head>"
        "<body><main><h1>ReelShort names new head of content</h1><p>Published March 20, 2025"
        "</p><p>ReelShort has named a new head of content, the company said on Thursday.</p>"
        "<p>The appointment takes effect in April and covers its English-language slate.</p>"
        "<p>The company did not disclose terms.</p></main>"
        f'<div class="related"><h3>More news</h3><ul>{related}</ul></div></body></html>'
    )
    found = extract_article(page, "https://example.com/news/reelshort-names-new-head-of-content")
    assert found.shape is not None and found.shape.trailing  # the box follows the story
    assert found.is_article and found.text.endswith("did not disclose terms.")


def test_a_title_of_a_few_words_names_a_section() -> None:
    assert names_section("Beginner Sewing Machines")
    assert not names_section("")
    assert not names_section("ReelShort names new head of content")
    assert not names_section("关于开展网络微短剧专项整治的通知")


def _range_page(title: str) -> str:
    prose = "".join(
        f"<p>Sewing machines of range {i} are easy to thread. They sew straight and zigzag. "
        f"Read on for what range {i} offers a beginner.</p>"
        for i in range(5)
    )
    cards = "".join(
        f'<li><h3><a href="/sewing/machine-model-{i}">Sewing machine model {i} for beginners'
        f"</a></h3><p>Sixty stitches, an automatic needle threader and a free arm.</p></li>"
        for i in range(SETTINGS.section_items)
    )
    head = f"<title>{title}</title>"
    return f"<html><head>{head}</head><body><h1>{title}</h1>{prose}<ul>{cards}</ul></body></html>"


def test_a_long_list_under_a_name_of_a_few_words_is_a_listing_despite_its_prose() -> None:
    url = "https://shop.example.com/home/sewing/beginner-sewing-machines"
    found = extract_article(_range_page("Beginner Sewing Machines"), url)
    assert not section_url(url) and found.shape is not None and found.shape.section_url
    assert found.shape.own_sentences >= SETTINGS.listing_sentences  # its prose alone kept it
    assert not found.is_article
    story = extract_article(_range_page("How we chose the best machines for beginners"), url)
    assert story.shape is not None and not story.shape.section_url
    assert story.is_article  # the same page under a headline


def test_a_declared_short_post_under_a_short_title_keeps_its_related_teasers() -> None:
    head = '<meta property="og:type" content="article"><title>Open thread</title>'
    post = "<p>We moved the studio this week. The new room is quiet. Tell us what to film.</p>"
    teasers = "".join(
        f'<li><h3><a href="/blog/earlier-post-number-{i}">Earlier post number {i} from us</a>'
        f"</h3><p>A line of teaser for post {i} that reads as a sentence.</p></li>"
        for i in range(10)
    )
    page = f"<html><head>{head}</head><body><h1>Open thread</h1>{post}<ul>{teasers}</ul></body>"
    found = extract_article(page, "https://blog.example.org/blog/open-thread-for-june")
    assert found.shape is not None and found.shape.item_chars >= SETTINGS.listing_chars
    assert found.shape.own_sentences * 2 < found.shape.sentences  # teasers outnumber its prose
    assert found.is_article  # it declares itself a story: its short title names no section
