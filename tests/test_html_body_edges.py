"""HTML body and date edges: standfirst, headline, teaser links, notes around the story, evergreen datelines."""
from __future__ import annotations

import datetime as dt

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
])
def test_notes_credits_and_stamps_around_the_story_are_not_body(note):
    story = f"<p>{note}</p><p>One: {PROSE}</p><p>Two: {PROSE}</p><p>{note}</p>"
    assert _paragraphs(_page(story=story)) == [f"One: {PROSE}", f"Two: {PROSE}"]


@pytest.mark.parametrize("line", [
    "Jo Lee is a nurse at the county hospital, where she has worked for twenty years.",
    "Reporters gathered outside the hall; one said the vote was the closest in a decade.",
    "The mayor said she would follow the debate on the radio while travelling on Friday.",
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
