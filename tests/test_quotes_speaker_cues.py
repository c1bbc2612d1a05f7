"""Speaker attribution at the cue: asides, clause shapes and cue words that pick the wrong subject."""
from __future__ import annotations

import pytest

from tests.test_quotes import JONES, SMITH, quotes, speakers

WILL = ("Carla Will", "Will")


@pytest.mark.parametrize("body, speaker_text", [
    ("Anna Smith, 41, of Dayton, Ohio, said the vote was \u201ca wake-up call.\u201d", "Anna Smith"),
    ("Smith, speaking at a diner in Dayton, Ohio, said the vote was \u201ca wake-up call.\u201d", "Smith"),
    ("A farmer from Ames, Iowa, said the vote was \u201ca wake-up call.\u201d", "A farmer"),
    ("Anna Smith, a nurse in Concord, New Hampshire, said the vote was \u201ca wake-up call.\u201d", "Anna Smith"),
])
def test_place_and_age_asides_after_the_subject_are_not_the_speaker(body, speaker_text):
    [(spk, _)] = speakers(body, SMITH)
    assert spk == speaker_text


def test_name_in_apposition_after_an_organization_is_still_the_speaker():
    body = "The head of Acme, Tom Jones, said the merger was \u201ca done deal.\u201d"
    assert speakers(body, JONES) == [("Tom Jones", "Tom Jones")]


def test_capitalized_auxiliary_after_a_first_name_is_part_of_the_name():
    body = "\u201cThe budget is a mess,\u201d Carla Will wrote in her column."
    assert speakers(body, WILL) == [("Carla Will", "Carla Will")]


def test_inverted_cue_before_a_that_clause_is_not_a_new_speaker():
    body = ("\u201cI have never voted before,\u201d said Anna Smith, 30, who said Jones is best placed to win. "
            "\u201cThis year is different.\u201d")
    assert speakers(body, SMITH, JONES) == [("Anna Smith", "Anna Smith")] * 2


def test_passive_report_after_a_quote_is_not_its_cue():
    body = ("Smith says the campaign will \u201cfight for every vote.\u201d The plan was first reported by the "
            "Gazette.")
    assert speakers(body, SMITH) == [("Smith", "Anna Smith")]


@pytest.mark.parametrize("body", [
    "Late in the meeting, after the vote concluded, Smith stated that the plan was \u201cdead on arrival.\u201d",
    "There were cheers when Jones thanked the crowd and said he was glad to be back, and Smith shouted "
    "\u201cWelcome home!\u201d",
])
def test_cue_inside_a_fronted_clause_gives_way_to_the_main_clause(body):
    assert speakers(body, SMITH, JONES) == [("Smith", "Anna Smith")]


def test_cue_word_used_as_a_noun_after_a_quote_is_not_a_cue():
    body = "Asked whether Jones \u201cgets it,\u201d Anna Smith gave a vague answer."
    assert all(spk != "Anna Smith gave a vague" for spk, _ in speakers(body, SMITH, JONES))


@pytest.mark.parametrize("body, speaker_text, verb", [
    ("\u201cWould you raise taxes?\u201d Tom Jones pressed.", "Tom Jones", "pressed"),
    ("\u201cParks should stay open,\u201d opined the Dayton Gazette.", "the Dayton Gazette", "opined"),
    ("\u201cWhat changed his mind?\u201d Jones questioned.", "Jones", "questioned"),
    ("\u201cYou are not ready for this job,\u201d Anna Smith shot back.", "Anna Smith", "shot back"),
    ("As Tom Jones pointed out last week, \u201cthe county has a surplus.\u201d", "Tom Jones", "pointed out"),
    ("After Jones mocked her record, Smith fired back: \u201cI balanced four budgets.\u201d", "Smith", "fired back"),
])
def test_speech_verbs_and_phrasal_cues(body, speaker_text, verb):
    [q] = quotes(body, SMITH, JONES)
    assert (q.speaker_text, q.verb) == (speaker_text, verb)


def test_the_hit_in_a_noun_phrase_is_not_a_phrasal_cue():
    body = "Smith scored a hit back home: \u201cWe won big.\u201d"
    assert all(q.verb != "hit back" for q in quotes(body, SMITH))


@pytest.mark.parametrize("body, speaker_text", [
    ("Turnout fell again. From the county's annual report: \u201cFewer young people voted than in 2012.\u201d",
     "the county's annual report"),
    ("Turnout fell again. More from Smith and Jones: \u201cFewer young people voted than in 2012.\u201d",
     "Smith and Jones"),
])
def test_colon_after_from_a_source_names_that_source(body, speaker_text):
    [(spk, _)] = speakers(body, SMITH, JONES)
    assert spk == speaker_text


def test_participle_after_a_quoted_title_takes_the_main_clause_subject():
    body = ("Jones said the race reminds him of the film \u201cHigh Noon,\u201d adding, \u201cthat is how it "
            "feels every day.\u201d")
    assert speakers(body, JONES)[-1] == ("Jones", "Tom Jones")


def test_fronted_adverb_is_not_the_subject_of_a_colon_quote():
    body = "Likewise, a study from the institute had this to say: \u201cRents rose faster than wages.\u201d"
    assert speakers(body) == [("a study", None)]


def test_cue_after_a_quote_ending_in_an_ellipsis_is_its_cue():
    body = "\u201cI will think about it, and we will see\u2026\u201d Anna Smith said. \u201cMaybe?\u201d Jones asked."
    assert speakers(body, SMITH, JONES) == [("Anna Smith", "Anna Smith"), ("Jones", "Tom Jones")]


@pytest.mark.parametrize("body, speaker_text", [
    ("Smith wrote a book.\n\n\u201cThe changes add to the urgency,\u201d the report stated.", "the report"),
    ("Smith wrote a book.\n\n\u201cThe changes add to the urgency,\u201d this official told the Gazette.",
     "this official"),
    ("Smith wrote a book.\n\n\u201cThe changes add to the urgency,\u201d Tom Jones of the Center for Budget "
     "Policy Studies wrote in May.", "Tom Jones"),
])
def test_noun_phrase_or_long_name_after_a_quote_is_the_speaker(body, speaker_text):
    assert speakers(body, SMITH, JONES)[0][0] == speaker_text


def test_quote_ending_in_a_word_takes_a_short_name_cue_after_it():
    body = "Smith spoke.\n\n\u201cThe county is a patchwork\u201d Tom Jones said. \u201cEvery town is different.\u201d"
    assert speakers(body, SMITH, JONES) == [("Tom Jones", "Tom Jones")] * 2


def test_words_after_a_quote_ending_in_a_word_and_a_verb_phrase_are_not_a_cue():
    body = ("Jones praised the city. He attacked Smith for backing rules that have \u201charmed\u201d Black-owned "
            "shops over the years and said his plan would help.")
    assert all(not (spk or "").startswith("Black") for spk, _ in speakers(body, SMITH, JONES))


def test_relative_clause_cue_near_the_mark_belongs_to_the_person_it_hangs_on():
    body = ("On the show, Tom Jones praised Anna Smith, who has repeatedly vowed to fight the county's "
            "\u201creckless spending.\u201d")
    assert speakers(body, SMITH, JONES) == [("who", "Anna Smith")]


def test_subject_of_quoted_as_saying_is_the_speaker():
    body = "\u201cWe can respond again,\u201d Smith was quoted as saying by the Gazette."
    assert speakers(body, SMITH) == [("Smith", "Anna Smith")]


def test_cue_word_after_a_possessive_is_a_noun():
    body = ("Smith, a lawyer, also decried Jones\u2019s repeated attacks on the board, noting he has "
            "\u201cnever served\u201d on it.")
    assert speakers(body, SMITH, JONES) == [("Smith", "Anna Smith")]


def test_absolute_participle_near_the_mark_has_its_own_subject():
    body = ("The board responds slowly to complaints, with Anna Smith telling reporters she saw it as "
            "\u201ca betrayal.\u201d")
    assert speakers(body, SMITH) == [("Anna Smith", "Anna Smith")]


@pytest.mark.parametrize("body", [
    "DAYTON - Tom Jones on Monday tweeted a photo with the caption \u201cWe did it!\u201d and a flag.",
    "Dayton (AP) \u2013 Tom Jones has taken a swipe at the board, saying that \u201cit has lost its way.\u201d",
])
def test_dateline_is_not_the_speaker(body):
    assert speakers(body, JONES) == [("Tom Jones", "Tom Jones")]


def test_listener_of_speaking_to_is_not_the_speaker():
    body = "A county official speaking to the Dayton Gazette said, \u201cThe audit is not finished.\u201d"
    assert speakers(body) == [("A county official", None)]


def test_words_after_a_name_with_no_comma_before_the_cue_are_not_the_speaker():
    body = "Jones accused her of \u201cslandering\u201d Carla Will after she said he was unfit."
    assert all(spk != "Carla Will after she" for spk, _ in speakers(body, JONES, WILL))


@pytest.mark.parametrize("body", [
    "Smith calls Jones \u2018Simon says senator\u2019 in an ad titled, \u201cSimon Sez.\u201d",
    "The report found repeated warnings were ignored and staff were told \u201cnever to speak of it.\u201d",
    "Another source on the call said lawmakers were \u201creally fired up\u201d about it.",
])
def test_a_cue_noun_that_is_not_a_documents_head_does_not_make_a_speaker(body):
    got = [spk for spk, _ in speakers(body, SMITH, JONES)]
    assert not any(spk and spk.split()[-1] in ("Shaheen", "Jones", "found", "call") for spk in got)


@pytest.mark.parametrize("body, speaker_text", [
    ("\u201cThe county is broke,\u201d the report said.", "the report"),
    ("\u201cThe county is broke,\u201d said one participant in the Tuesday call.",
     "one participant in the Tuesday call"),
])
def test_a_document_or_a_cue_noun_after_a_preposition_still_speaks(body, speaker_text):
    [(spk, _)] = speakers(body, SMITH)
    assert spk == speaker_text


@pytest.mark.parametrize("body", [
    "The letter to Congress this week warned that the situation is \u201cunlike anything we have seen.\u201d",
    "To this it adds assurances of \u201ceconomic security\u201d for all.",
])
def test_this_before_a_time_or_a_pronoun_is_not_a_source(body):
    assert all(spk not in ("this week", "this it") for spk, _ in speakers(body, SMITH))


def test_a_passive_participle_before_by_is_not_a_cue():
    body = ("The call, reported by the Dayton Gazette, came after Smith threatened to \u201cterminate\u201d "
            "the deal.")
    assert all(q.verb != "reported" for q in quotes(body, SMITH))


@pytest.mark.parametrize("body", [
    "Smith responded by saying the plan was \u201cdead on arrival.\u201d",
    "\u201cThe plan is dead,\u201d Smith replied by email. \u201cWe will vote no.\u201d",
])
def test_a_cue_before_by_and_a_gerund_or_a_medium_is_the_speakers_own(body):
    got = quotes(body, SMITH)
    assert got and all(q.speaker_name == "Anna Smith" and q.verb in ("responded", "replied") for q in got)


@pytest.mark.parametrize("lead", ["a report called", "this thing called", "a coalition called"])
def test_an_indefinite_thing_called_a_name_is_not_a_quote(lead):
    body = f"Voters now back {lead} \u201cStand Up To Hate\u201d across the county."
    assert quotes(body, SMITH) == []


@pytest.mark.parametrize("body, speaker_text", [
    ("WASHINGTON (Reuters) - Republican presidential candidate Tom Jones on Monday blasted the deal, "
     "declaring that \u201cthe plan is a disaster.\u201d", "Republican presidential candidate Tom Jones"),
    ("Former first lady Anna Smith has made a similar plea, writing that the policy was \u201ccruel\u201d.",
     "Former first lady Anna Smith"),
])
def test_a_title_of_lowercase_words_between_a_party_word_and_a_name_is_part_of_the_speaker(body, speaker_text):
    assert speakers(body, SMITH, JONES)[0][0] == speaker_text


def test_a_time_phrase_after_the_subject_is_not_part_of_the_speaker():
    body = "Anna Smith last week warned that the county was \u201cout of money.\u201d"
    assert speakers(body, SMITH) == [("Anna Smith", "Anna Smith")]
