"""HTML page -> article fields: declared metadata, structural fallbacks, boilerplate and hostile input."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from transforms.html import extract_html
from transforms.html_authors import clean_authors
from transforms.html_dates import parse_date

FIXTURES = Path(__file__).parent / "fixtures" / "html"
KEYS = {"title", "authors", "published_at", "body", "url", "outlet_name", "tags", "language"}
UTC = dt.timezone.utc


def load(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def assert_declared_types(record: dict) -> None:
    assert set(record) == KEYS
    assert record["title"] is None or isinstance(record["title"], str)
    assert isinstance(record["authors"], list) and all(isinstance(a, str) for a in record["authors"])
    published = record["published_at"]
    assert published is None or (isinstance(published, dt.datetime) and published.utcoffset() == dt.timedelta(0))
    assert isinstance(record["body"], str)
    assert record["url"] is None or isinstance(record["url"], str)
    assert record["outlet_name"] is None or isinstance(record["outlet_name"], str)
    assert isinstance(record["tags"], list) and all(isinstance(t, str) for t in record["tags"])
    assert record["language"] is None or isinstance(record["language"], str)


# --- declared metadata -------------------------------------------------------------------------

def test_jsonld_graph_gives_title_authors_date_outlet():
    record = extract_html(load("jsonld_article.html"))
    assert record["title"] == "Harbour bridge reopens after repairs"
    assert record["authors"] == ["Maria Lopez", "Tom O'Neill"]
    assert record["published_at"] == dt.datetime(2024, 3, 5, 8, 30, tzinfo=UTC)
    assert record["outlet_name"] == "The Coastal Gazette"
    assert record["language"] == "en"
    assert record["tags"][:2] == ["harbour", "bridges"] and "transport" in record["tags"]


def test_canonical_url_is_returned_raw_over_given_url():
    record = extract_html(load("jsonld_article.html"), url="https://mirror.test/copy")
    assert record["url"] == "https://example-gazette.test/news/harbour-bridge-reopens?utm_source=x"


def test_opengraph_only_page():
    record = extract_html(load("opengraph_only.html"))
    assert record["title"] == "Library extends opening hours for exam season"
    assert record["url"] == "https://town-news.test/library-hours"
    assert record["outlet_name"] == "Town News"
    assert record["language"] == "fr"
    assert record["tags"] == ["libraries", "education"]
    assert record["authors"] == ["Jane Smith"]
    # A date without a time is midnight UTC of that date.
    assert record["published_at"] == dt.datetime(2023, 11, 2, tzinfo=UTC)


def test_no_metadata_falls_back_to_h1_byline_and_paragraphs():
    page = """<html><body><div id="top"><a href="/">Home</a></div>
      <h1>Volunteers clear three tonnes of litter from the river</h1>
      <span class="author-name">By Priya Natarajan</span>
      <time datetime="2022-06-14T18:00:00-04:00">June 14</time>
      <div><p>More than two hundred volunteers spent Saturday pulling litter from the banks of the river.</p>
      <p>Organisers said the haul included shopping trolleys, tyres and a surprising number of bicycles.</p></div>
      </body></html>"""
    record = extract_html(page, url="https://river.test/story")
    assert record["title"] == "Volunteers clear three tonnes of litter from the river"
    assert record["authors"] == ["Priya Natarajan"]
    assert record["published_at"] == dt.datetime(2022, 6, 14, 22, 0, tzinfo=UTC)
    assert record["url"] == "https://river.test/story"
    assert record["language"] is None
    assert record["body"].startswith("More than two hundred volunteers")
    assert "\n\nOrganisers said" in record["body"]


def test_title_site_suffix_is_dropped_when_no_h1_agrees():
    page = "<html><head><title>Rates held steady again | Money Daily</title></head><body><p>x</p></body></html>"
    assert extract_html(page)["title"] == "Rates held steady again"


def _dated_page(head: str, header: str) -> str:
    """A page with declared metadata in head and the given header markup above its story."""
    prose = "The county opened a new shelter on Friday after a year of planning and two rounds of public hearings."
    return (f"<html><head>{head}</head><body><article><h1>Shelter opens after a year of planning</h1>{header}"
            f"<p>{prose}</p><p>Second: {prose}</p></article></body></html>")


_PUB_MOD = ('<meta property="article:published_time" content="2022-04-28T12:00:00Z">'
            '<meta property="article:modified_time" content="2023-11-06T16:41:00Z">')


def test_page_showing_only_its_revision_date_is_dated_by_it():
    page = _dated_page(_PUB_MOD, '<div class="byline">By Jo Lee <span class="date">Updated Nov 6, 2023</span></div>')
    assert extract_html(page)["published_at"] == dt.datetime(2023, 11, 6, 16, 41, tzinfo=UTC)


def test_page_showing_its_first_publication_keeps_it():
    header = '<time datetime="2023-11-06T16:41:00Z">Posted: Apr 28, 2022 | Last updated: Nov 6, 2023</time>'
    assert extract_html(_dated_page(_PUB_MOD, header))["published_at"] == dt.datetime(2022, 4, 28, 12, tzinfo=UTC)


def test_unshown_later_revision_leaves_the_declared_publication():
    # With no date on the page itself the declared publication wins; the revision stamp often marks a typo fix.
    assert extract_html(_dated_page(_PUB_MOD, ""))["published_at"] == dt.datetime(2022, 4, 28, 12, tzinfo=UTC)


def test_unmarked_dateline_with_publication_and_update_keeps_publication():
    header = "<div><span>Apr 28, 2022 12:00 PM</span><span>Nov 6, 2023 4:41 PM</span></div>"
    assert extract_html(_dated_page(_PUB_MOD, header))["published_at"] == dt.datetime(2022, 4, 28, 12, tzinfo=UTC)


def test_dateline_under_headline_beats_teaser_times():
    page = _dated_page("", "<span>Dec 05, 2023</span>") .replace(
        "</article>", '</article><aside><article><time datetime="2024-02-16">Feb 16</time></article></aside>')
    assert extract_html(page)["published_at"] == dt.datetime(2023, 12, 5, tzinfo=UTC)


def test_url_with_month_name_gives_the_date():
    record = extract_html(_dated_page("", ""), url="https://news.test/factchecks/2023/dec/21/story/")
    assert record["published_at"] == dt.datetime(2023, 12, 21, tzinfo=UTC)


def test_only_a_declared_revision_time_is_still_a_date():
    page = _dated_page('<meta property="article:modified_time" content="2023-09-04T19:51:56Z">', "")
    assert extract_html(page)["published_at"] == dt.datetime(2023, 9, 4, 19, 51, 56, tzinfo=UTC)


def _ld_page(author_json: str, header: str = "") -> str:
    """A page whose JSON-LD article credits author_json."""
    ld = '{"@type": "NewsArticle", "headline": "Shelter opens after a year of planning", "author": %s}' % author_json
    return _dated_page(f'<script type="application/ld+json">{ld}</script>', header)


@pytest.mark.parametrize("author_json, header, expected", [
    ('{"@type": "Person", "name": "James O&#039;Neil"}', "", ["James O'Neil"]),
    ('{"@type": "Person", "name": ["Aaron Scott", "Berly McCoy"]}', "", ["Aaron Scott", "Berly McCoy"]),
    ('{"@type": "Person", "name": "Lauren Manaker MS, RDN, LD"}', "", ["Lauren Manaker"]),
    ('{"@type": "Person", "name": "Jonathan Wasserman, Bleacher Report"}', "", ["Jonathan Wasserman"]),
    ('[{"@type": "Person", "name": "Minyvonne Burke"}, {"@type": "Person", "name": "The Associated Press"}]', "",
     ["Minyvonne Burke"]),
    ('[{"@type": "Person", "name": "Robbie Dunlop"}, {"@type": "Person", "name": "Megan Garside"}]',
     '<div class="byline">By Robbie Dunlop Contributions from Megan Garside published 23 December 2023</div>',
     ["Robbie Dunlop"]),
    ('{"@type": "Person", "name": "Christy Choi"}', '<div class="byline">By Christy Choi and Oscar Holland, CNN</div>',
     ["Christy Choi", "Oscar Holland"]),
    ('{"@type": "Person", "name": ", The Daily Journal"}',
     '<div class="byline">Jim Walsh Cherry Hill Courier-Post</div><a href="/staff/jim-walsh/">Jim Walsh</a>',
     ["Jim Walsh"]),
    ('{"@type": "Organization", "name": "Top Gear"}', '<div class="AuthorLink-sc-1x"><a href="/x">Cory Spondent</a></div>',
     ["Cory Spondent"]),
    ('{"@type": "Person", "name": "Associated Press"}', "", ["Associated Press"]),
])
def test_byline_sources_are_cleaned_to_the_credited_writers(author_json, header, expected):
    assert extract_html(_ld_page(author_json, header))["authors"] == expected


def test_by_line_under_the_headline_is_a_byline_of_last_resort():
    assert extract_html(_dated_page("", "by MrAJCosplay, <small>Dec 19</small>"))["authors"] == ["MrAJCosplay"]
    assert extract_html(_dated_page("", "<p>As reported by People, the shelter</p>"))["authors"] == []


@pytest.mark.parametrize("byline, expected", [
    (["By Staff | Updated 3pm"], []),
    (["By John Smith and Jane Doe"], ["John Smith", "Jane Doe"]),
    (["Jane Doe, Senior Reporter"], ["Jane Doe"]),
    (["By Alice Brown Published 3:15 p.m. ET Dec. 22, 2023"], ["Alice Brown"]),
    (["https://www.facebook.com/someone"], []),
    (["The Associated Press"], ["The Associated Press"]),
    (["Sam Lee, Associated Press"], ["Sam Lee"]),
    (["George T. Conway III"], ["George T. Conway III"]),
])
def test_bylines_keep_names_and_drop_junk(byline, expected):
    assert clean_authors(byline) == expected


@pytest.mark.parametrize("text, expected", [
    ("2023-12-22T15:04:05-05:00", dt.datetime(2023, 12, 22, 20, 4, 5, tzinfo=UTC)),
    ("2023-12-22", dt.datetime(2023, 12, 22, tzinfo=UTC)),
    ("Dec. 22, 2023 3:15 PM EST", dt.datetime(2023, 12, 22, 20, 15, tzinfo=UTC)),
    ("22 December 2023", dt.datetime(2023, 12, 22, tzinfo=UTC)),
    ("1703275200", dt.datetime(2023, 12, 22, 20, 0, tzinfo=UTC)),
    ("not a date", None),
    ("2023-02-30", None),
])
def test_dates_parse_to_utc(text, expected):
    assert parse_date(text) == expected


# --- body ------------------------------------------------------------------------------------

def test_body_excludes_boilerplate_and_scripts():
    body = extract_html(load("jsonld_article.html"))["body"]
    assert body.split("\n\n") == [
        "The harbour bridge reopened to traffic on Tuesday morning after eight months of structural repairs.",
        "Engineers replaced forty corroded cables and resurfaced the entire deck, the council said in a statement.",
        "Commuters had faced detours of up to forty minutes while the crossing was closed to all vehicles.",
        "“It is a relief for everyone who lives on the north shore,” said one resident who crosses it daily.",
    ]
    for junk in ("Share on", "Sign up", "Related", "ferry", "Photo", "Great news", "Copyright", "tracking", "color"):
        assert junk not in body


def test_sidebar_links_are_not_body():
    body = extract_html(load("opengraph_only.html"))["body"]
    assert len(body.split("\n\n")) == 3 and "Most read" not in body


def test_body_split_around_an_ad_is_one_body_and_teaser_cards_are_dropped():
    prose = "The committee met for six hours on Thursday and agreed on a budget for the coming year, officials said."
    page = f"""<html><body><main>
      <div class="chunk"><p>{prose}</p><p>Second: {prose}</p><p>Third: {prose}</p></div>
      <div class="ad-slot">Advertisement</div>
      <div class="chunk"><p>Fourth: {prose}</p></div>
      <div class="more"><div class="card"><h3><a href="/x">Another story about the committee budget</a></h3>
        <p>A teaser sentence that summarises another story on this site for readers.</p></div></div>
    </main></body></html>"""
    body = extract_html(page)["body"]
    assert body.split("\n\n") == [prose, f"Second: {prose}", f"Third: {prose}", f"Fourth: {prose}"]


def test_infinite_scroll_page_keeps_only_the_headline_story():
    prose = "The council approved the new library budget on Tuesday after a long debate about opening hours."
    other = "A different story about a bankruptcy filing that the site appends below the first one on scroll."
    ours, theirs = [f"{i}: {prose}" for i in range(6)], [f"{i}: {other}" for i in range(8)]
    page = f"""<html><body><main><div class="feed">
      <article><h1>Library budget approved</h1><p>{"</p><p>".join(ours)}</p></article>
      <article><h2>Another story</h2><p>{"</p><p>".join(theirs)}</p></article>
      </div></main></body></html>"""
    assert extract_html(page)["body"].split("\n\n") == ours


@pytest.mark.parametrize("box", [
    # A consent dialog with long paragraphs is no article.
    '<div class="privacy-modal"><div class="privacy-content-box"><p>{long}</p><p>{long}</p><p>{long}</p></div></div>',
    '<blockquote class="twitter-tweet"><p>Look at this, it is a tweet embedded in the story text</p></blockquote>',
    '<div class="post-boilerplate boilerplate-after"><p>Our mission is to be a digital town square for readers.</p></div>',
    '<p>Jane Doe can be reached at jdoe@news.test. Follow her on social media for more updates.</p>',
    '<div class="mol-img-group"><div>Residents gathered outside the hall on Tuesday night in the rain</div></div>',
])
def test_boxes_around_the_story_are_not_body(box):
    prose = "The council approved the new library budget on Tuesday after a long debate about opening hours."
    cookie = "We use cookies to store information on your browser so that the site works and to measure traffic."
    page = (f"<html><body><article><p>{prose}</p><p>Again: {prose}</p>" + box.format(long=cookie * 3)
            + f"<p>More: {prose}</p></article></body></html>")
    assert extract_html(page)["body"].split("\n\n") == [prose, f"Again: {prose}", f"More: {prose}"]


def test_paywalled_text_hidden_by_style_is_still_body():
    prose = "Residents packed the hall to hear the council explain why the bus route would be cut next spring."
    page = f"""<html><body><article><p>{prose}</p>
      <div class="subscriber-only" style="display:none"><p>Hidden: {prose}</p></div>
      <div style="display:none">Log in to continue</div></article></body></html>"""
    assert extract_html(page)["body"] == f"{prose}\n\nHidden: {prose}"


# --- hostile input ---------------------------------------------------------------------------

def test_deeply_nested_html_does_not_raise():
    depth = 20_000
    page = "<html><body>" + "<div>" * depth + "<p>deep text here</p>" + "</div>" * depth + "</body></html>"
    assert_declared_types(extract_html(page))
    assert_declared_types(extract_html("<span>" * depth + "x"))


@pytest.mark.parametrize("raw", [b"", "", b"\x00\xff\xfe\x00garbage\x80\x81", bytes(range(256)) * 40, "   ",
                                 b"<html", b"<?xml version='1.0'?><x/>", None, 12345])
def test_garbage_input_gives_empty_record(raw):
    record = extract_html(raw)
    assert_declared_types(record)


def test_broken_jsonld_is_ignored():
    page = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
            '<meta property="og:title" content="Fallback title works"></head><body><p>x</p></body></html>')
    assert extract_html(page)["title"] == "Fallback title works"


# --- charsets --------------------------------------------------------------------------------

def test_declared_charset_is_honoured():
    page = '<html><head><meta charset="iso-8859-1"><title>Caf\xe9 prices rise</title></head></html>'
    assert extract_html(page.encode("latin-1"))["title"] == "Café prices rise"


def test_utf8_bom_and_undeclared_utf8():
    page = "<html><head><title>Ärzte warnen</title></head></html>"
    assert extract_html(b"\xef\xbb\xbf" + page.encode("utf-8"))["title"] == "Ärzte warnen"
    assert extract_html(page.encode("utf-8"))["title"] == "Ärzte warnen"


def test_undeclared_non_utf8_falls_back_to_cp1252():
    page = "<html><head><title>“Smart” quotes</title></head></html>".encode("cp1252")
    assert extract_html(page)["title"] == "“Smart” quotes"


def test_string_input_with_xml_declaration():
    page = '<?xml version="1.0" encoding="utf-8"?><html><head><title>Déjà vu</title></head></html>'
    assert extract_html(page)["title"] == "Déjà vu"


# --- property ----------------------------------------------------------------------------------

_TAGS = st.sampled_from(["p", "div", "script", "style", "h1", "article", "nav", "time", "a", "span", "title", "meta"])
_fragment = st.recursive(
    st.text(max_size=30),
    lambda inner: st.builds(lambda t, body: f"<{t}>{body}</{t}>", _TAGS, inner) | st.lists(inner, max_size=4).map("".join),
    max_leaves=20,
)


@settings(deadline=None, max_examples=200)
@given(st.one_of(st.binary(max_size=400), st.text(max_size=400), _fragment,
                 _fragment.map(lambda s: f'<script type="application/ld+json">{s}</script>{s}')))
def test_extract_html_never_raises_and_returns_declared_types(raw):
    assert_declared_types(extract_html(raw))
