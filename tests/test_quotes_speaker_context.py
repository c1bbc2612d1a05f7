"""Speakers found from the sentences around a quote: pronouns, fronted phrases, asides (hand-written text)."""
from __future__ import annotations

import pytest

from tests.test_quotes import JONES, SMITH, quotes, speakers

GRAY = ("Paul Gray", "Gray", "Mr Gray")
LEE = ("Ruth Lee", "Lee", "Ms Lee")
MORO = ("Quill Moro", "Moro")  # no given name or title that tells a gender


def test_pronoun_subject_does_not_reach_back_past_a_sentence_end():
    body = ('"We have had problems before," Jones said after meeting with Paul Gray. He did not suggest '
            'any penalty. "Our goal is to set some norms."')
    assert speakers(body, JONES, GRAY)[-1] == ("He", "Tom Jones")


def test_person_opening_a_sentence_past_a_fronted_phrase_is_the_pronouns_antecedent():
    body = ('"It was a failure of leadership," Moro said.\n\nIn a statement issued on Tuesday morning, '
            'council member Ruth Lee was more careful. Though she called the plan "reckless," she did not '
            'say more.')
    assert speakers(body, MORO, LEE)[-1] == ("she", "Ruth Lee")


def test_participle_phrase_after_the_subject_is_not_the_speaker():
    body = 'Protesters marching through the streets chanted "What curfew?" and kept going until dawn.'
    assert speakers(body) == [("Protesters", None)]


def test_cue_participle_in_a_fronted_phrase_yields_to_the_main_clause():
    body = 'In a video message posted Friday, Smith said she had "deep doubts" about the plan.'
    assert speakers(body, SMITH) == [("Smith", "Anna Smith")]


def test_claims_after_a_party_adjective_is_a_noun_not_a_cue():
    body = 'The site rated 30% of Republican claims as "mostly false" last year.'
    assert all(spk != "Republican" for spk, _ in speakers(body))


@pytest.mark.parametrize("body, speaker_text", [
    ('"The numbers have moved," it further wrote.', "it"),
    ('Paul Gray, the county treasurer, further insisted that the two sides "are not aligned at all."', "Paul Gray"),
    ('Rep. Tom Jones, D-Ohio, who chairs the panel, also vowed to "get to the bottom of it."', "Rep. Tom Jones"),
    ('Rep. Paul Gray, Ohio Republican, said the bill "falls short of what we need."', "Rep. Paul Gray"),
])
def test_adverbs_and_party_asides_between_name_and_cue_leave_the_name(body, speaker_text):
    [(spk, _)] = speakers(body, GRAY, JONES)
    assert spk == speaker_text


def test_second_clause_after_while_has_its_own_speaker():
    body = ('Paul Gray also said the vote should wait until the hearing, while Ruth Lee told reporters a delay '
            'was something "we might have to consider."')
    assert speakers(body, GRAY, LEE) == [("Ruth Lee", "Ruth Lee")]
