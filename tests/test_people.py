"""Behaviour of transforms.people.extract_people: mention forms, traps, roles, resolution."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from transforms.people import extract_people

SHARED = Path(__file__).parents[1].parent / "shared"
SEED = SHARED / "corpora" / "seed" / "000_c1bec33327534004.txt"


def names(title: str, body: str) -> list[str]:
    return [p.name for p in extract_people(title, body)]


def person(title: str, body: str, name: str):
    return next(p for p in extract_people(title, body) if p.name == name)


@pytest.mark.parametrize(
    "body, expected",
    [
        ("US Secretary of State Antony Blinken spoke on Friday.", ["Antony Blinken"]),
        ("The talks were led by Antony Blinken and Sergei Lavrov.", ["Antony Blinken", "Sergei Lavrov"]),
        ("Russia's Foreign Minister Sergei Lavrov met him.", ["Sergei Lavrov"]),
        ("The plan came from Mr. Blinken, officials said.", ["Blinken"]),
        ("Officials praised Dr. Ngozi Okonjo-Iweala on Monday.", ["Ngozi Okonjo-Iweala"]),
        ("The union backed Nikolaus van der Pas for the post.", ["Nikolaus van der Pas"]),
        ("The ruling angered Jesper Parnevik, who left early.", ["Jesper Parnevik"]),
    ],
)
def test_each_mention_form_yields_the_name_without_titles(body, expected):
    assert names("", body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "AFP and TASS reported that the Kremlin and the State Department disagreed.",
        "The meeting in Stockholm, Sweden was about Ukraine in February.",
        "The White House said on Wednesday that the United States would act.",
        "Officials from the Foreign Ministry met at the Supreme Court on Monday.",
        "But Russia said nothing. However, Moscow objected. Then Ukraine replied.",
        "The Trans-Pacific Partnership and Supply Management rules were discussed; supply and management matter.",
        "Analysts said the Federal Reserve would wait.",
        "The Ohio-based company sold shares in New York.",
    ],
)
def test_organizations_places_days_and_sentence_openers_are_not_people(body):
    assert names("", body) == []


def test_surname_only_mention_resolves_to_full_name():
    body = "Blinken spoke first. US Secretary of State Antony Blinken said more. Blinken left."
    p = person("", body, "Antony Blinken")
    assert p.mention_count == 3
    assert p.first_offset == 0
    assert "Blinken" in p.forms and "Antony Blinken" in p.forms


def test_possessive_and_honorific_mentions_count_for_the_same_person():
    body = "Sergei Lavrov arrived. Lavrov's reaction was muted, and Mr. Lavrov left."
    p = person("", body, "Sergei Lavrov")
    assert p.mention_count == 3
    assert "Mr. Lavrov" in p.forms
    assert [body[s:e] for s, e in p.spans] == ["Sergei Lavrov", "Lavrov", "Lavrov"]


def test_two_people_sharing_a_surname_attach_to_the_nearest_earlier_full_name():
    body = "Paul Johnson batted. Boris Johnson watched. Johnson waved."
    assert person("", body, "Boris Johnson").mention_count == 2
    assert person("", body, "Paul Johnson").mention_count == 1


def test_bare_unknown_word_without_evidence_is_not_a_person():
    assert names("", "Volgograd beat them. Volgograd won again.") == []


def test_bare_surname_with_a_speech_verb_is_kept():
    assert names("", "The vote was close, Mueller said.") == ["Mueller"]


@pytest.mark.parametrize(
    "body, name, role",
    [
        ("US Secretary of State Antony Blinken spoke.", "Antony Blinken", "US Secretary of State"),
        ("They met Russia's Foreign Minister Sergei Lavrov.", "Sergei Lavrov", "Russia's Foreign Minister"),
        ("Americans, basketball star Brittney Griner and others.", "Brittney Griner", "basketball star"),
        ("He named former Marine Paul Whelan.", "Paul Whelan", "former Marine"),
        ("The swap for convicted Russian arms smuggler Viktor Bout stalled.", "Viktor Bout",
         "convicted Russian arms smuggler"),
        ("Antony Blinken, the secretary of state, spoke.", "Antony Blinken", "secretary of state"),
        ("Antony Blinken spoke on Friday.", "Antony Blinken", None),
    ],
)
def test_role_is_the_first_title_or_description_as_written(body, name, role):
    assert person("", body, name).role == role


def test_first_role_given_wins_over_later_ones():
    body = "Basketball star Brittney Griner was held. Later, detained athlete Brittney Griner spoke."
    assert person("", body, "Brittney Griner").role == "Basketball star"


def test_title_case_title_only_counts_people_the_body_names():
    title = "Blinken Holds 'Frank' Discussion With Russian FM on Prisoners"
    body = "Antony Blinken spoke with Sergei Lavrov."
    people = extract_people(title, body)
    assert [p.name for p in people] == ["Antony Blinken", "Sergei Lavrov"]
    assert people[0].mention_count == 2 and people[0].first_offset == 0


def test_all_caps_title_mentions_resolve_to_body_people():
    people = extract_people("SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN.", "Alan Shearer was named captain.")
    assert [(p.name, p.mention_count) for p in people] == [("Alan Shearer", 2)]


def test_person_only_in_sentence_case_title_has_no_offset():
    people = extract_people("Police question Daniel Montalvo after arrest", "The arrest happened on Monday.")
    assert [(p.name, p.first_offset, p.spans) for p in people] == [("Daniel Montalvo", None, [])]


def test_people_are_ordered_by_first_appearance():
    assert names("", "Paul Whelan and Brittney Griner met Viktor Bout.") == [
        "Paul Whelan", "Brittney Griner", "Viktor Bout"]


def test_empty_input_gives_no_people():
    assert extract_people("", "") == []


def _seed_article(text: str) -> tuple[str, str]:
    """Title and body of the seed dump: after the date line and caption, before 'Original url:'."""
    title = re.search(r"^# (.*)$", text, re.M).group(1)
    rest = text.split("Original url:")[0]
    paras = [p.strip() for p in re.split(r"\n\s*\n", rest) if p.strip()]
    date_at = next(i for i, p in enumerate(paras) if re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", p))
    body_paras = paras[date_at + 2:]  # the caption follows the date line
    joined: list[str] = []
    for p in body_paras:  # a paragraph broken mid-sentence is rejoined
        if joined and not re.search(r"[.!?\"\u201d]$", joined[-1]):
            joined[-1] += " " + p
        else:
            joined.append(p)
    return title, "\n\n".join(joined)


@pytest.mark.skipif(not SEED.exists(), reason="shared seed corpus not present")
def test_seed_article_yields_exactly_its_six_people_with_roles():
    title, body = _seed_article(SEED.read_text(encoding="utf-8"))
    got = {p.name: p.role for p in extract_people(title, body)}
    assert got == {
        "Antony Blinken": "US Secretary of State",
        "Sergei Lavrov": "Russian Foreign Minister",
        "Vladimir Putin": "Russian President",
        "Brittney Griner": "basketball star",
        "Paul Whelan": "former Marine",
        "Viktor Bout": "convicted Russian arms smuggler",
    }


def test_regnal_title_stays_part_of_a_one_word_name():
    assert names("", "King Salman received Crown Prince Mohammed bin Salman. Pope Francis wrote.") == [
        "King Salman", "Mohammed bin Salman", "Pope Francis"]


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Why Mitt Romney Won", ["Mitt Romney"]),  # a headline verb ends the name
        ("Continued Below", []),
        ("FoxNews.com said the report was wrong.", []),  # a web address, not a person
        ("The photo by Kirt Dozier-USA ran on Monday.", []),  # a photo credit's agency
        ("George W Bush spoke first.", ["George W Bush"]),  # a middle initial without its period
        ("Todd Park said the site works.", ["Todd Park"]),  # an org word as a surname, with a cue
        ("They walked in Hyde Park on Sunday.", []),
        ("Sen. Ron Johnson (R. Wis.) voted no.", ["Ron Johnson"]),  # party and state, not a name
        ("Lee Cheuk - yan of the Labour Party spoke.", ["Lee Cheuk-yan"]),  # tokenized hyphen
        ("Organisers of the Together Against Trump protest met.", []),  # a function word inside
        ("U.S. Central Command said it would act.", []),
    ],
)
def test_run_boundaries_and_non_names(body, expected):
    assert names("", body) == expected


def test_speech_verb_once_makes_every_lone_mention_count():
    body = "Mueller met them on Monday. The vote was close, Mueller said."
    p = person("", body, "Mueller")
    assert p.mention_count == 2 and p.first_offset == 0


def test_verdicts_do_not_depend_on_articles_read_before():
    # (common words that a speech verb makes a name once, and a lower-case mention makes common)
    cue = "Supply Settlement said prices rose."
    common = "Supply Settlement rules were discussed; supply and settlement matter."
    first = [names("", cue), names("", common)]
    assert [names("", cue), names("", common)] == first == [["Supply Settlement"], []]


def test_cached_verdicts_give_the_same_people_as_fresh_ones():
    from transforms.people_runs import _RUN_CACHE

    body = ("Senator Elizabeth Warren met Kamala Harris in Boston. Warren said the plan of "
            "President Joe Biden would pass; Mr. Biden's aides agreed with Harris.")
    _RUN_CACHE.clear()
    fresh = extract_people("Warren meets Harris", body)
    assert extract_people("Warren meets Harris", body) == fresh
    assert [p.name for p in fresh] == ["Elizabeth Warren", "Kamala Harris", "Joe Biden"]


@pytest.mark.parametrize(
    "body, expected",
    [
        # an organization's head word last: a company, a hotel, a collection, a journal section
        ("Shares of Harlow Pictures rose after Anna Berg, its chief, spoke.", ["Anna Berg"]),
        ("Guests left the Marlow Hotel early, Tom Baxter said.", ["Tom Baxter"]),
        ("The prints went to Fenwick Art Collections last year.", []),
        ("A grant came from the Foundation for the Visual Arts in May.", []),
        ("Oakridge Capital and Brenner Laboratories agreed a deal.", []),
        # a faith, a party line or a people last
        ("The Roman Catholic bishops met on Sunday.", []),
        ("He joined the Popular Revolutionary movement.", []),
    ],
)
def test_organization_faith_and_people_words_end_no_name(body, expected):
    assert names("", body) == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        ("After the vote, the head of the Refugee Council Enver Solomon told reporters it was unfair.",
         ["Enver Solomon"]),
        ("Palestinian Information Ministry Director-General Mutawakel Taha denied it.", ["Mutawakel Taha"]),
        ("The case was closed, said Deputy Prosecutor-General Lena Forsberg.", ["Lena Forsberg"]),
        ("Supreme Court Justice Antonin Scalia wrote the opinion.", ["Antonin Scalia"]),
        ("We met Bill de Blasio on Monday.", ["Bill de Blasio"]),
        ("A spokeswoman for the Council on Sino-Korean Relations Noor Haddad declined to comment.",
         ["Noor Haddad"]),
    ],
)
def test_name_after_an_organization_or_a_hyphenated_title_starts_after_it(body, expected):
    assert names("", body) == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Crowds watched Space Shuttle Meridian lift off on Tuesday.", []),
        ("Engineers inspected the Shuttle Halcyon before the launch.", []),
        ("The Frigate Marlowe docked in Portsmouth last week.", []),
        ("Her grandson, Edwin Carrier, said the ceremony was moving.", ["Edwin Carrier"]),
    ],
)
def test_a_name_after_a_vehicle_word_names_the_vehicle(body, expected):
    assert names("", body) == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Tourists queued at the Harbor Visitor Complex all morning.", []),
        ("Recruits trained at Kessel Ridge Base for six weeks.", []),
    ],
)
def test_facility_words_end_no_name(body, expected):
    assert names("", body) == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        # the article writes "survey" in lower case: the run is a title, not a name plus a word
        ("Results of the Regional Salt Intake Survey were released. The survey covered adults.", []),
        ("He is a member of the Urban Renewal board, which meets monthly.", []),
        # a given name or a title still makes a person after "the"
        ("Reporters asked the Rev. Tom Baxter about the plan.", ["Tom Baxter"]),
    ],
)
def test_capitalized_common_words_and_an_article_before_them_make_no_name(body, expected):
    assert names("", body) == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Regrettably Oskar Lindqvist was not there.", ["Oskar Lindqvist"]),
        ("It rained. Joining Marta Kowalska on stage was her brother.", ["Marta Kowalska"]),
        ("Sally Ride flew in 1983.", ["Sally Ride"]),
        ("Anatoly Karpov won again.", ["Anatoly Karpov"]),
    ],
)
def test_sentence_opening_adverb_or_participle_is_not_part_of_the_name(body, expected):
    assert names("", body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The San Diego Padres beat the St. Louis Cardinals on Friday.",
        "Trade with S. Korea and N. Korea was discussed.",
    ],
)
def test_place_names_that_start_like_titles_or_initials_are_not_people(body):
    assert names("", body) == []


@pytest.mark.parametrize(
    "body, expected",
    [
        ("San Antonio Mayor Julian Castro spoke first.", ["Julian Castro"]),
        ("Los Angeles Superior Court Judge Craig Karlan set a date.", ["Craig Karlan"]),
    ],
)
def test_place_then_title_before_a_name_leaves_the_name(body, expected):
    assert names("", body) == expected


def test_contraction_next_to_a_speech_verb_is_not_a_name():
    assert names("", '"I\'m told it was lost," the minister said. "We\'ve asked," she said.') == []


def test_contraction_in_a_capitalized_run_is_not_part_of_the_name():
    assert names("", "Isn't Devin Nunes the chairman? It was Wendy Davis I'm sure.") == [
        "Devin Nunes", "Wendy Davis"]


def test_demonym_before_a_name_is_stripped():
    assert names("", "Namibian Frankie Fredericks won the 200 metres.") == ["Frankie Fredericks"]


@pytest.mark.parametrize(
    "text, word, cue",
    [
        ("Then Okafor said it was over.", "Okafor", True),
        ("Then Okafor's said it was over.", "Okafor", True),  # (sic, as typed)
        ("It was over, said Okafor on Monday.", "Okafor", True),
        ("It was over, according to Okafor.", "Okafor", True),
        ("The farm nearby Okafor sold it.", "Okafor", False),  # "by" inside a word is no cue
        ("Then Okafor saidit was over.", "Okafor", False),
        ("Then Okafor sat down.", "Okafor", False),
        ("Okafor", "Okafor", False),
    ],
)
def test_speech_cue_is_a_whole_speech_verb_on_either_side_of_a_word(text, word, cue):
    from transforms.people_lone import speech_cue

    start = text.index(word)
    assert speech_cue(text, start, start + len(word)) is cue


def test_a_name_with_a_suffix_is_keyed_without_it_and_a_lone_suffix_keeps_its_key():
    from transforms.people_runs import _keys

    assert _keys(("Martin", "Luther", "King", "Jr.")) == ("martin", "luther", "king")
    assert _keys(("Jr.",)) == ("jr",)
    assert _keys(("O'Neill",)) == ("o'neill",)
