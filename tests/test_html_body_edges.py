"""HTML body and date edges: standfirst, headline, teaser links, notes around the story, evergreen datelines."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from transforms.html import extract_html

UTC = dt.timezone.utc
PROSE = "The council approved the new library budget on Tuesday after a long debate about opening hours."


def _page(head: str = "", header: str = "", story: str = "", after: str = "") -> str:
    """A page: head markup, a header block with the <h1>, the story's paragraphs, then markup after the story."""
    story = story or "".join(f"<p>{n}: {PROSE}</p>" for n in ("One", "Two", "Three"))
    return (f"<html><head>{head}</head><body><header><h1>Library budget approved after long debate</h1>"
            f"{header}</header><main><div class='story'>{story}</div>{after}</main></body></html>")


def _paragraphs(page: str) -> list[str]:
    return extract_html(page)["body"].split("\n\n")


# --- standfirst --------------------------------------------------------------------------------

DEK = "Councillors agreed to keep branches open later on weekdays, at a cost of two million a year."


def test_standfirst_repeating_the_description_opens_the_body():
    page = _page(head=f'<meta property="og:description" content="{DEK}">', header=f'<p class="dek">{DEK}</p>')
    assert _paragraphs(page) == [DEK, f"One: {PROSE}", f"Two: {PROSE}", f"Three: {PROSE}"]


def test_standfirst_matches_a_description_cut_short():
    head = f'<meta name="description" content="{DEK[:60]}...">'
    assert _paragraphs(_page(head=head, header=f"<h2>{DEK}</h2>"))[0] == DEK


def test_line_under_headline_unlike_the_description_is_not_a_standfirst():
    head = '<meta property="og:description" content="Read the latest news from the town hall and beyond today.">'
    kicker = "Longer opening hours for branches"
    assert kicker not in extract_html(_page(head=head, header=f"<p>{kicker}</p>"))["body"]


def test_short_standfirst_is_body_too():
    dek = "Branches will stay open later on weekdays."
    page = _page(head=f'<meta property="og:description" content="{dek}">', header=f"<p>{dek}</p>")
    assert _paragraphs(page)[0] == dek


def test_standfirst_already_in_the_story_is_not_repeated():
    story = f"<p>{DEK}</p><p>One: {PROSE}</p><p>Two: {PROSE}</p>"
    page = _page(head=f'<meta property="og:description" content="{DEK}">', story=story)
    assert _paragraphs(page) == [DEK, f"One: {PROSE}", f"Two: {PROSE}"]


def test_description_in_a_caption_is_not_a_standfirst():
    page = _page(head=f'<meta property="og:description" content="{DEK}">',
                 header=f"<figure><img src='x.jpg'><figcaption>{DEK}</figcaption></figure>")
    assert DEK not in extract_html(page)["body"]


# --- headline and links ------------------------------------------------------------------------

def test_long_headline_inside_the_story_block_is_not_body():
    headline = "Library budget approved after a long debate about opening hours, staffing and the future of branches"
    story = f"<h1>{headline}</h1><p>One: {PROSE}</p><p>Two: {PROSE}</p>"
    page = f"<html><body><article>{story}</article></body></html>"
    assert extract_html(page)["body"].split("\n\n") == [f"One: {PROSE}", f"Two: {PROSE}"]


def test_paragraphs_wrapped_in_links_are_teaser_cards():
    cards = "".join(f'<a href="/story-{n}"><div class="card"><p>Teaser {n}: another story on this site that '
                    f'readers may want to open next</p></div></a>' for n in range(6))
    assert _paragraphs(_page(after=f"<div class='more'>{cards}</div>")) == [f"{n}: {PROSE}" for n in ("One", "Two", "Three")]


# --- notes around the story ----------------------------------------------------------------------

@pytest.mark.parametrize("note", [
    "Reporting by Jo Lee; Editing by Sam Park",
    "Additional reporting by Jo Lee in Kyiv.",
    "Sam Park contributed to this report.",
    "Contributing: Associated Press",
    "Includes information from The Associated Press",
    "Lee reported from New York.",
    "This story was originally published December 22, 2023, 12:20 PM.",
    "This piece originally appeared in The Town Review.",
    "Cross-posted from the Evening Courier.",
    "Read the original article on Town News.",
    "This interview has been edited for length and clarity.",
    "Do you have info to share with our reporters? Here’s how.",
    "Follow the Town News opinion section on Facebook, Instagram and Threads.",
    "(Photo: Town Archive)",
    "Image credit: Jo Lee",
    "Editor’s note: This story first ran in the winter issue of our magazine.",
    "Jo Lee is a senior reporter for the Courier and covers the county courts. Email: jlee@courier.test.",
    "Get the best stories of the week delivered to your inbox.",
    "Related Video:",
    "Comments are closed.",
    "5 min read",
    "December 18, 2023",
    "Curious about the courts? Email us at tips@courier.test.",
    "A view of the new reading room on opening day. Credit: Town Archive.",
    "The mayor speaks at the library opening on Dec. 9, 2023, in the town square. (AP)",
    "J. Lee et al. 2023. Opening hours and library use. Journal of Towns 12: 34-56.",
    "Lee J, Park S. Opening hours and use. Town Stud (2023). DOI: 10.1000/towns.123",
    "Related Why the county libraries closed early for a decade, and what changed this year",
    "READ MORE ON THE LIBRARY BUDGET",
    "By Jo Lee Dec 23, 2023 12:00 PM",
    "By on December 20, 2023 at 9:05AM PST",
    "Don't Miss:",
    "Read Next:",
    "In this article",
    "Materials provided by the University of Townsville. Note: Content may be edited for style and length.",
    'University of Townsville. (2023, December 18). Longer hours fill libraries. Town Daily. Retrieved '
    'January 5, 2024 from www.towndaily.test/releases/2023/12/longer-hours.htm',
    'University of Townsville. "Longer hours fill libraries." Town Daily. www.towndaily.test/releases/2023/12/'
    'longer-hours.htm (accessed January 5, 2024).',
    'University of Townsville. "Longer hours fill libraries." Town Daily, 18 December 2023. '
    '&lt;www.towndaily.test/releases/2023/12/longer-hours.htm&gt;.',
    "Jo Lee is a contributing freelancer for the Courier covering the county courts and council meetings.",
])
def test_notes_credits_and_stamps_around_the_story_are_not_body(note):
    story = f"<p>{note}</p><p>One: {PROSE}</p><p>Two: {PROSE}</p><p>{note}</p>"
    assert _paragraphs(_page(story=story)) == [f"One: {PROSE}", f"Two: {PROSE}"]


@pytest.mark.parametrize("line", [
    "Jo Lee is a nurse at the county hospital, where she has worked for twenty years.",
    "Reporters gathered outside the hall; one said the vote was the closest in a decade.",
    "The mayor said she would follow the debate on the radio while travelling on Friday.",
    "By December, the campaign had raised enough to keep every branch open until nine.",
    "Related costs, from heating to staff, rose by a fifth over the same two years.",
    "Readers retrieved 40,000 books from the stacks last year, and the catalogue was accessed online even more.",
])
def test_story_lines_resembling_notes_stay(line):
    story = f"<p>One: {PROSE}</p><p>{line}</p><p>Two: {PROSE}</p>"
    assert _paragraphs(_page(story=story)) == [f"One: {PROSE}", line, f"Two: {PROSE}"]


# --- dates ----------------------------------------------------------------------------------------

def test_evergreen_page_showing_only_its_revision_under_the_headline_is_dated_by_it():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Library budget approved",'
            ' "datePublished": "2022-12-27T11:00:00-05:00", "dateModified": "2023-12-11T09:52:32-05:00"}</script>')
    header = "<div><h4>By Jo Lee</h4><h4>December 11, 2023</h4></div>"
    assert extract_html(_page(head=head, header=header))["published_at"].date() == dt.date(2023, 12, 11)


def test_paragraph_naming_a_contact_address_at_the_end_of_a_longer_passage_stays():
    line = ("The council runs the scheme with schools and charities. It is now in its second year. "
            "More groups may join it. Interested groups should contact libraries@council.test for details.")
    story = f"<p>One: {PROSE}</p><p>{line}</p><p>Two: {PROSE}</p>"
    assert _paragraphs(_page(story=story)) == [f"One: {PROSE}", line, f"Two: {PROSE}"]


# --- block choice ----------------------------------------------------------------------------------

def test_story_block_dragged_down_by_deal_links_is_still_the_body():
    deals = "".join(f'<p><a href="/deal-{n}">Reading lamp model {n} Sale Price $29 Regular Price $49 USD</a></p>'
                    for n in range(30))
    story = (f"<div class='entry'><p>One: {PROSE}</p><p>Two: {PROSE}</p>{deals}</div>"
             "<p>If you buy through our links we earn a commission; see our terms of use.</p>")
    page = f"<html><body><h1>Library budget approved after long debate</h1><article>{story}</article></body></html>"
    body = extract_html(page)["body"]
    assert f"One: {PROSE}" in body and f"Two: {PROSE}" in body


def test_standfirst_box_holding_the_byline_gives_only_the_standfirst():
    header = f'<div class="header"><div class="dek">{DEK}</div><div class="by"><span>By Jo Lee</span>' \
             '<time datetime="2023-12-22">December 22, 2023</time></div></div>'
    page = _page(head=f'<meta property="og:description" content="{DEK}">', header=header)
    assert _paragraphs(page)[0] == DEK


def test_list_in_its_own_section_box_beside_the_story_is_body():
    winners = "".join(f"<li>{2023 - n}: Coach number {n} of the county league</li>" for n in range(4))
    story = (f"<div class='part'><p>One: {PROSE}</p></div><div class='part'><p>Two: {PROSE}</p></div>"
             f"<div class='part'><h2>Past winners</h2><ul>{winners}</ul></div>")
    assert "2021: Coach number 2 of the county league" in _paragraphs(_page(story=story))


def test_list_item_written_as_sentences_is_body_wherever_its_list_sits():
    tip = "Do not use outdoor lights inside the house: they run hotter than indoor strings and can scorch a ceiling."
    story = (f"<p>One: {PROSE}</p><p>Two: {PROSE}</p>"
             f"<section><div class='list-box'><div><ul><li>{tip}</li></ul></div></div></section>")
    assert tip in _paragraphs(_page(story=story))


def test_declared_body_holding_all_the_page_text_and_more_wins():
    shown = [f"{n}: {PROSE}" for n in ("One", "Two", "Three", "Four", "Five", "Six")]
    extra = " ".join(f"{2023 - n}: Coach number {n} of the county league." for n in range(8))
    declared = " ".join(shown) + " " + extra  # about 1.6 times the page text
    head = ('<script type="application/ld+json">' + json.dumps({"@type": "NewsArticle", "articleBody": declared})
            + "</script>")
    page = _page(head=head, story="".join(f"<p>{p}</p>" for p in shown))
    assert "Coach number 7 of the county league" in extract_html(page)["body"]


# --- standfirst, continued -----------------------------------------------------------------------

def test_dek_marked_by_class_opens_the_body_when_the_description_differs():
    head = '<meta property="og:description" content="Read the latest news from the town hall and beyond today.">'
    dek = "Branches stay open until nine on weekdays."
    menu = "".join(f'<li><a href="/section-{n}">Section {n} of the town news site and its archive</a></li>'
                   for n in range(12))
    header = f"<ul class='sections'>{menu}</ul><p class='article-dek'>{dek}</p>"
    assert _paragraphs(_page(head=head, header=header))[0] == dek


@pytest.mark.parametrize("box", [
    "<div class='subtitle'>By Jo Lee on December 22, 2023</div>",
    "<div class='author-description'>Senior reporter covering the county courts</div>",
    "<span class='subtitle'>Credit: Town Archive, all photographs</span>",
])
def test_byline_and_credit_boxes_with_dek_like_classes_are_not_a_standfirst(box):
    assert _paragraphs(_page(header=box))[0] == f"One: {PROSE}"


def test_short_description_repeated_whole_is_a_standfirst():
    dek = "Still open, naturally."
    page = _page(head=f'<meta property="og:description" content="{dek}">',
                 header=f"<div><p>By Jo Lee</p><p>{dek}</p></div>")
    assert _paragraphs(page)[0] == dek


def test_standfirst_after_a_long_header_box_is_found():
    furniture = "".join(f"<div><span>Share option {n}</span></div>" for n in range(40))
    page = _page(head=f'<meta property="og:description" content="{DEK}">', header=f"{furniture}<h2>{DEK}</h2>")
    assert _paragraphs(page)[0] == DEK


# --- calls to action and paragraphs that merely name their words -----------------------------------------

@pytest.mark.parametrize("line", [
    "Sign up for our weekly library newsletter.",
    "Want more town news? Subscribe to our daily newsletter, delivered straight to your inbox every morning.",
    "By signing up you agree to our Terms of Use and acknowledge that you have read the Privacy Policy.",
])
def test_short_calls_to_action_are_not_body(line):
    story = f"<p>One: {PROSE}</p><p>{line}</p><p>Two: {PROSE}</p>"
    assert _paragraphs(_page(story=story)) == [f"One: {PROSE}", f"Two: {PROSE}"]


@pytest.mark.parametrize("line", [
    "The library's booking service is slow at peak hours, and readers must sign up for a card before they can "
    "reserve a room. Staff said the new system, tested over the summer, would halve the queue at the front desk "
    "and let branches publish their opening hours online.",
    "In an issue of her newsletter for librarians, the head of the county service wrote that longer hours had "
    "brought back families who had stopped visiting, and that volunteers had offered to staff the evening desk "
    "at the two busiest branches without pay.",
    "The booking app keeps a strict privacy policy: it stores no reading history, the council said, and deletes "
    "the names of readers who reserve rooms after thirty days, a rule the town adopted after complaints in 2021 "
    "about a previous supplier that sold its records.",
])
def test_reporting_paragraph_naming_a_newsletter_or_sign_up_stays(line):
    story = f"<p>One: {PROSE}</p><p>{line}</p><p>Two: {PROSE}</p>"
    assert _paragraphs(_page(story=story)) == [f"One: {PROSE}", line, f"Two: {PROSE}"]


def test_affiliate_disclosure_is_not_body_even_when_long():
    line = ("If you buy something through a link on our site, we may earn an affiliate commission. By using this "
            "site you consent to our user agreement and agree that your clicks and interactions may be recorded, "
            "and that we may share information with our partners, as described in our policy pages.")
    story = f"<p>One: {PROSE}</p><p>{line}</p><p>Two: {PROSE}</p>"
    assert _paragraphs(_page(story=story)) == [f"One: {PROSE}", f"Two: {PROSE}"]


# --- bodies split into chunks and bodies cut off ------------------------------------------------------

def test_body_split_into_two_marked_chunks_in_different_columns_is_whole():
    lead = "".join(f"<p>Lead {n}: {PROSE}</p>" for n in range(2))
    rest = "".join(f"<p>Rest {n}: {PROSE}</p>" for n in range(8))
    story = (f"<div class='top'><div class='col'><div class='row'><div class='story-text'>{lead}</div></div></div>"
             f"<div class='video'><span>Watch: the vote</span></div></div>"
             f"<div class='main'><div class='col'><div class='row'><div class='col'>"
             f"<div class='story-text'>{rest}</div></div></div></div></div>")
    body = _paragraphs(_page(story=story))
    assert body == [f"Lead {n}: {PROSE}" for n in range(2)] + [f"Rest {n}: {PROSE}" for n in range(8)]


def test_other_body_like_blocks_beside_the_marked_body_are_not_added():
    teaser = "<div class='post-content'><p>Elsewhere: the county pool reopens after a year of repairs and a " \
             "long public consultation about its fees, which rose by a third.</p></div>"
    rest = "".join(f"<p>Rest {n}: {PROSE}</p>" for n in range(6))
    story = f"<div class='wrap'><div class='story-text'>{rest}</div><div class='cards'>{teaser}</div></div>"
    assert all(p.startswith("Rest") for p in _paragraphs(_page(story=story)))


def _data_page(shown: int, blocks: list[dict]) -> str:
    """A page showing its first paragraphs, with a JSON data script holding the whole story as a rich-text tree."""
    data = {"props": {"story": {"headline": "Library budget approved", "body": {"type": "doc", "content": blocks}}}}
    story = "".join(f"<p>{n}: {PROSE}</p>" for n in range(shown))
    return _page(story=story, after=f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(data)}</script>")


def _block(text: str, key: str = "value", cut: int = 60) -> dict:
    """A paragraph block of two runs, as a link or emphasis splits one."""
    return {"type": "paragraph", "content": [{"type": "text", key: text[:cut]},
                                             {"type": "link", "data": {"href": "https://town.test/budget"},
                                              "content": [{"type": "text", key: text[cut:]}]}]}


@pytest.mark.parametrize("key, cut", [("value", 60), ("text", 60), ("value", 5)])
def test_story_cut_off_by_a_paywall_continues_from_the_page_data(key, cut):
    blocks = [_block(f"{n}: {PROSE}", key, cut) for n in range(12)] + [{"type": "ad", "content": []}]
    assert _paragraphs(_data_page(3, blocks)) == [f"{n}: {PROSE}" for n in range(12)]


def test_page_showing_its_whole_story_adds_nothing_from_its_data():
    blocks = [_block(f"{n}: {PROSE}") for n in range(5)]
    assert _paragraphs(_data_page(5, blocks)) == [f"{n}: {PROSE}" for n in range(5)]


def test_data_about_other_stories_is_not_a_continuation():
    teasers = [_block(f"Teaser {n}: the county pool reopens after a year of repairs and a long consultation.")
               for n in range(12)]
    assert _paragraphs(_data_page(3, teasers)) == [f"{n}: {PROSE}" for n in range(3)]
