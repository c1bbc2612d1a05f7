"""How category scoring and key phrases count words and word pairs (shared tokenization)."""
from __future__ import annotations

import pytest

from transforms.keyphrases import key_phrases
from transforms.topics import analyze, categorize, term_counts, words


def test_term_counts_count_lexicon_words_and_pairs_and_nothing_else():
    counts = term_counts(words("The prime minister met the prime minister of Spain at the stadium"))
    assert counts[("prime", "minister")] == 2
    assert counts["stadium"] == 1
    assert "spain" not in counts and ("met", "the") not in counts  # not lexicon terms


def test_term_counts_list_words_before_pairs_in_order_of_first_mention():
    # Scores are float sums: a fixed order keeps them identical from run to run.
    counts = term_counts(words("Voters backed the prime minister; the stadium cheered the voters"))
    keys = list(counts)
    assert keys.index("stadium") < keys.index(("prime", "minister"))
    assert [k for k in keys if isinstance(k, str)] == ["voters", "minister", "stadium"]


def test_pair_split_by_punctuation_still_counts_as_adjacent_words():
    # Punctuation becomes a space before splitting, as for single words.
    assert term_counts(words("He met the prime-minister."))[("prime", "minister")] == 1


def test_categorize_and_key_phrases_share_one_tokenization_of_the_article():
    title, body = "Grain deal signed", "The grain deal was signed. The grain deal eases exports."
    analyze.cache_clear()
    categorize(title, body)
    key_phrases(title, body)
    assert analyze.cache_info().misses == 1 and analyze.cache_info().hits == 1


@pytest.mark.parametrize("body, expected", [
    # a pair of content words written twice in lower case is a phrase
    ("The grain deal was signed. Officials said the grain deal would hold.", True),
    # once is not enough, even when both words recur elsewhere
    ("The grain deal was signed. Grain prices fell and the deal held.", False),
])
def test_repeated_word_pair_is_a_phrase_only_when_the_pair_itself_repeats(body, expected):
    labels = {p.label for p in key_phrases("Ports reopen", body)}
    assert ("grain deal" in labels) is expected


def test_pair_with_a_stopword_is_never_a_phrase():
    body = "The deal of the year was signed. Critics called it the deal of the year again."
    labels = {p.label for p in key_phrases("Ports reopen", body)}
    assert not any(label.startswith(("deal of", "of the")) for label in labels)
