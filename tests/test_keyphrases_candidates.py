"""Helpers that find key-phrase candidates: adjacent content-word pairs, one-word phrase keys, name stripping."""
from __future__ import annotations

import random
from collections import Counter

import pytest

from transforms.keyphrases import _adjacent_pairs, _form_key, _strip_name


def test_adjacent_pairs_count_only_pairs_of_two_content_words():
    words = "the grain deal was signed and the grain deal held grain".split()
    pairs = _adjacent_pairs(words, {"grain", "deal"})
    assert pairs == Counter({("grain", "deal"): 2})  # ("deal", "held"), ("held", "grain") are not both content


def test_adjacent_pairs_list_pairs_in_order_of_first_mention():
    words = "ship grain ship grain port ship".split()
    assert list(_adjacent_pairs(words, {"ship", "grain", "port"})) == [
        ("ship", "grain"), ("grain", "ship"), ("grain", "port"), ("port", "ship")]


@pytest.mark.parametrize("words", [[], ["grain"], ["grain", "grain"]])
def test_adjacent_pairs_of_a_short_word_list(words):
    assert _adjacent_pairs(words, {"grain"}) == Counter(zip(words, words[1:]))


def test_adjacent_pairs_agree_with_counting_every_pair():
    # The byte-mask selection must pick exactly the pairs a plain loop would.
    rng = random.Random(5)
    vocab = [f"w{i}" for i in range(12)]
    for _ in range(200):
        words = [rng.choice(vocab) for _ in range(rng.randint(0, 60))]
        content = set(rng.sample(vocab, rng.randint(0, 12)))
        expected = Counter((a, b) for a, b in zip(words, words[1:]) if a in content and b in content)
        got = _adjacent_pairs(words, content)
        assert got == expected and list(got) == list(expected)


@pytest.mark.parametrize("word, expected", [
    ("talks", "talk"),          # plural and singular share one key
    ("talk", "talk"),
    ("crises", "crisis"),       # irregular plural
    ("news", "news"),           # -s that is not a plural
    ("war", ""),                # too short to be a phrase alone
    ("covid19", ""),            # not all letters
    ("quickly", ""),            # adverb
    ("signed", ""),             # past tense
    ("voting", ""),             # -ing form
])
def test_form_key_groups_word_forms_and_rejects_non_phrases(word, expected):
    assert _form_key(word) == expected


@pytest.mark.parametrize("run, lead, expected", [
    ("US Secretary of State Antony Blinken", "", ["Antony", "Blinken"]),
    ("White House", "", ["White", "House"]),
    ("Asking MoveOn", " asking ", ["MoveOn"]),       # the text writes "asking" in lower case
    ("Asking MoveOn", "", ["Asking", "MoveOn"]),
    ("Joe Biden Monday", "", ["Joe", "Biden"]),      # a trailing weekday is a date, not a name
])
def test_strip_name_returns_the_name_words_and_their_lower_case(run, lead, expected):
    words, lowered = _strip_name(run.split(), run.lower().split(), lead)
    assert words == expected
    assert lowered == [w.lower() for w in expected]
