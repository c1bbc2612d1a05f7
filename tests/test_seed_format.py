"""The seed's text-dump format: every field of the seed article, and each variant of the format."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.conftest import SAMPLES
from transforms.article import build_article
from transforms.seedfmt import parse_seed

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
SEED_TEXT = (SAMPLES / "seed-moscow-times.txt").read_text(encoding="utf-8")


def article(text: str) -> dict:
    row, _ = build_article(parse_seed(text), source_uri="x.txt", now=NOW, run_id="r", pipeline_version="v")
    return row


def test_seed_article_has_every_field_right():
    a = article(SEED_TEXT)
    assert a["title"] == "Blinken Holds 'Frank' Discussion With Russian FM on Prisoners, Ukraine"
    assert a["authors"] == ["AFP"]
    assert a["published_at"] == datetime(2022, 7, 29, tzinfo=timezone.utc)
    assert a["url"] == ("https://www.themoscowtimes.com/2022/07/29/"
                        "blinken-holds-frank-discussion-with-russian-fm-on-prisoners-ukraine-a78446")
    assert a["outlet"] == "themoscowtimes.com"
    assert a["body"].startswith("US Secretary of State Antony Blinken spoke Friday")
    assert a["body"].endswith("on the world stage.")
    assert "I can't give you an assessment of whether" in a["body"]
    assert a["image_caption"].startswith("US Secretary of State Antony Blinken and Russia's Foreign Minister")
    assert a["image_credit"] == "Russian Foreign Ministry / TASS"
    for leaked in ("TASS", "Original url", "OSCE Ministerial", "**"):
        assert leaked not in a["body"]
    assert a["language"] == "en"
    assert a["published_month"] == "2022-07"
    assert a["body"].count("\n\n") == 12  # 13 paragraphs, the broken one mended


def test_seed_curly_quotes_are_kept_and_text_is_nfc():
    a = article("# T\n\nCaf\u0065\u0301 owner said \u201cyes\u201d to the plan today, and more words follow here.")
    assert "Caf\u00e9" in a["body"] and "\u201cyes\u201d" in a["body"]


@pytest.mark.parametrize("byline, expected", [
    ("By [A. Smith](#) and [B. Jones](#)", ["A. Smith", "B. Jones"]),
    ("By [A. Smith](#), [B. Jones](#)", ["A. Smith", "B. Jones"]),
    ("By [A. Smith](#), [B. Jones](#) and [C. Lee](#)", ["A. Smith", "B. Jones", "C. Lee"]),
    ("By Reuters", ["Reuters"]),
])
def test_several_authors_in_a_byline_are_split(byline, expected):
    assert article(f"# Title\n\n{byline}\n\nJuly 29, 2022\n\nBody text of the story.")["authors"] == expected


@pytest.mark.parametrize("line, day", [
    ("July 29, 2022", "2022-07-29"), ("29 July 2022", "2022-07-29"), ("Jul. 29, 2022", "2022-07-29"),
    ("Friday, July 29, 2022", "2022-07-29"), ("2022-07-29", "2022-07-29"), ("Sept. 3, 2019", "2019-09-03"),
])
def test_date_line_in_common_english_forms(line, day):
    a = article(f"# Title\n\nBy [X](#)\n\n{line}\n\nBody text of the story.")
    assert a["published_at"].date().isoformat() == day


@pytest.mark.parametrize("url_block", [
    "Original url:\n\n<https://example.com/a?utm_source=x>",
    "Original url:\n\nhttps://example.com/a?utm_source=x",
    "Original url: <https://example.com/a?utm_source=x>",
    "Original url: https://example.com/a?utm_source=x",
])
def test_original_url_with_or_without_angle_brackets(url_block):
    a = article(f"# Title\n\nBody text of the story.\n\n{url_block}\n")
    assert a["url"] == "https://example.com/a"
    assert "Original" not in a["body"]


def test_missing_byline_date_caption_and_url_are_fine():
    a = article("# Only a title\n\nFirst paragraph of the body.\n\nSecond paragraph.")
    assert (a["authors"], a["published_at"], a["image_caption"], a["url"]) == ([], None, None, None)
    assert a["body"] == "First paragraph of the body.\n\nSecond paragraph."
    assert a["published_month"] == "unknown"


def test_two_real_paragraphs_are_never_joined():
    a = article("# T\n\nThe minister resigned on Monday.\n\nthe opposition welcomed it.\n\n"
                "He said it was \u201cover\u201d\n\nAnd then he left.")
    assert a["body"].split("\n\n") == ["The minister resigned on Monday.", "the opposition welcomed it.",
                                       "He said it was \u201cover\u201d", "And then he left."]


def test_text_without_title_line_is_first_line_title_rest_body():
    a = article("Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.")
    assert a["title"] == "Ad sales boost Time Warner profit"
    assert a["body"] == "Quarterly profits at US media giant TimeWarner jumped 76%."
