"""Speaker attribution by error class: which clause's subject speaks, on hand-written sentences."""
from __future__ import annotations

import pytest

from tests.test_quotes import JONES, SMITH, quotes, speakers

RYAN = ("Paul Ryan", "Ryan")
BECK = ("Glenn Beck", "Beck")


@pytest.mark.parametrize("body, speaker_text", [
    ("Protesters were led out, with Smith reportedly yelling: \u201cGet them out of here!\u201d", "Smith"),
    ("Her backers struck back, with one of her ads asking, \u201cIs Tom Jones fit to serve on the court?\u201d",
     "one of her ads"),
    ("The two men issued a statement \u2013 Ryan saying he was \u201cvery encouraged\u201d by the talks.", "Ryan"),
])
def test_participle_with_its_own_subject_is_attributed_to_that_subject(body, speaker_text):
    [(spk, _)] = speakers(body, SMITH, RYAN)
    assert spk == speaker_text


@pytest.mark.parametrize("body, speaker_text", [
    ("Early in his campaign, Jones attacked Smith, calling her \u201ca failed candidate.\u201d", "Jones"),
    ("If he wins the race, Jones has said he would act, vowing to \u201copen up\u201d the libel laws.", "Jones"),
    ("The retired surgeon has given no details of his plan, saying only that he was \u201crefining some "
     "practices.\u201d", "The retired surgeon"),
    ("Then he cut into Smith, calling her a \u201cstiff\u201d and accusing her of acting like a "
     "\u201cspoiled child.\u201d", "he"),
])
def test_participle_after_a_comma_takes_the_main_clause_subject(body, speaker_text):
    got = speakers(body, SMITH, JONES)
    assert got and all(spk == speaker_text for spk, _ in got)


def test_colon_paragraph_introduces_only_a_quote_that_opens_the_next_paragraph():
    body = ("Read the latest updates below:\n\nThe governor spoke about drugs. \u201cThis is a disease,\u201d "
            "Smith said. \u201cIt is not a moral failing. We need treatment.\u201d")
    assert speakers(body, SMITH) == [("Smith", "Anna Smith"), ("Smith", "Anna Smith")]


def test_sentence_opening_with_an_adverb_after_a_quote_is_not_its_cue():
    body = ("Jones was asked about the cases. \u201cThey sue,\u201d he said. \u201cEverybody sues, right?\u201d "
            "Later, Anna Smith claimed that the rules would not change.")
    assert [spk for spk, _ in speakers(body, SMITH, JONES)] == ["he", "he"]


def test_long_clause_after_a_closed_quote_is_a_sentence_of_its_own():
    body = ("Jones made a remark in March: \u201cWe are going to put a lot of mines out of business.\u201d The union "
            "will likely sit out the whole election this year, Smith told reporters.")
    assert speakers(body, SMITH, JONES) == [("Jones", "Tom Jones")]


def test_aside_after_the_name_does_not_make_the_cue_long():
    body = "\u201cHow do we win this county?\u201d Anna Smith, the chairman of the county party, said on Monday."
    assert speakers(body, SMITH) == [("Anna Smith", "Anna Smith")]


@pytest.mark.parametrize("body, speaker_text", [
    ("\u201cIt is a sad day for the city,\u201d read the statement.", "the statement"),
    ("\u201cI am still here,\u201d it read.", "it"),
    ("\u201cWe have had better years than this one,\u201d Smith riffed.", "Smith"),
])
def test_read_and_other_speech_verbs_are_cues(body, speaker_text):
    [(spk, _)] = speakers(body, SMITH)
    assert spk == speaker_text


def test_cue_of_the_next_clause_after_a_coordinator_is_not_the_quotes():
    body = "Smith said she would make the desert \u201cglow in the dark,\u201d for instance, and Jones vowed to act."
    assert speakers(body, SMITH, JONES) == [("Smith", "Anna Smith")]


def test_verb_phrase_after_a_quote_is_not_a_speaker():
    body = "Smith called Jones \u201ca terrible and weak leader,\u201d denounced his record and said he should quit."
    assert speakers(body, SMITH, JONES) == [("Smith", "Anna Smith")]


def test_inverted_cue_closing_the_sentence_before_introduces_the_next_quote():
    body = ("Smith won most \u201cworking-class Democrats\u201d in the last primary, said Tom Jones, a professor "
            "at the state university. \u201cThat was more her constituency than his.\u201d")
    assert speakers(body, SMITH, JONES)[-1] == ("Tom Jones", "Tom Jones")


def test_told_has_its_listener_after_it_not_its_speaker():
    body = ("\u201cI found myself wanting to understand,\u201d Jones, 49, told The Daily Paper. "
            "\u201cIt was a need.\u201d")
    assert [name for _, name in speakers(body, JONES)] == ["Tom Jones", "Tom Jones"]


def test_relative_pronoun_with_auxiliaries_is_who_and_resolves_to_the_person_named():
    body = "Beck, who has in the past described Jones as \u201ca dangerous man,\u201d spoke in Ohio on Monday."
    assert speakers(body, BECK, JONES) == [("who", "Glenn Beck")]


def test_relative_clause_with_its_own_subject_is_not_who():
    body = "He would pay for it through \u201ctax reform,\u201d which he described as \u201cmaking sure we pay.\u201d"
    assert speakers(body, JONES)[-1][0] == "he"


def test_new_clause_with_its_verb_at_the_mark_names_its_own_speaker():
    body = ("In the last days of the race, when Smith thanked the crowd and said it was great to be home, Jones "
            "yelled \u201cStay there!\u201d")
    assert speakers(body, SMITH, JONES) == [("Jones", "Tom Jones")]


def test_reported_clause_at_the_mark_keeps_the_outer_speaker():
    body = "Smith said she expected that Americans will say \u201cno\u201d to the plan."
    assert speakers(body, SMITH) == [("Smith", "Anna Smith")]


@pytest.mark.parametrize("body", [
    "The judge turned to me. \u201cMr. Jones?\u201d I had prepared a short statement to read, but did not.",
    "Jones offered a sharp retort on the matter, tweeting at her, \u201cyou are a loser and a whiner.\u201d",
])
def test_cue_words_used_as_infinitive_or_noun_name_no_speaker(body):
    assert all(spk in (None, "Jones") for spk, _ in speakers(body, JONES))
