"""Behaviour of transforms.person_link: corpus-wide canonical names, ids and overrides."""
from __future__ import annotations

import random

import pytest

from transforms.person_link import Overrides, link_people, parse_overrides, person_id


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Antony Blinken", "antony-blinken"),
        ("José Martí", "jose-marti"),
        ("Tim O'Gorman", "tim-o-gorman"),
        ("  Sergei   Lavrov ", "sergei-lavrov"),
    ],
)
def test_person_id_is_a_stable_slug(name, expected):
    assert person_id(name) == expected


def test_person_id_of_a_name_without_latin_letters_is_a_stable_hash():
    assert person_id("习近平") == person_id("习近平")
    assert person_id("习近平").startswith("person-")


def test_bare_surname_joins_the_unambiguous_full_name_in_the_corpus():
    rows = [("a1", "Antony Blinken"), ("a2", "Blinken")]
    assert link_people(rows)[("a2", "Blinken")] == "Antony Blinken"


def test_bare_surname_with_two_full_name_matches_stays_its_own_entry():
    rows = [("a1", "Paul Johnson"), ("a2", "Boris Johnson"), ("a3", "Johnson")]
    assert link_people(rows)[("a3", "Johnson")] == "Johnson"


def test_spellings_differing_in_case_or_accents_are_one_person():
    rows = [("a1", "José Martí"), ("a2", "Jose Marti"), ("a3", "José Martí")]
    out = link_people(rows)
    assert set(out.values()) == {"José Martí"}


def test_result_does_not_depend_on_row_order():
    rows = [("a1", "Jose Marti"), ("a2", "José Martí"), ("a3", "Marti"), ("a4", "Antony Blinken"),
            ("a5", "Blinken"), ("a6", "Boris Johnson"), ("a7", "Johnson")]
    results = set()
    for seed in range(20):
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        results.add(tuple(sorted(link_people(shuffled).items())))
    assert len(results) == 1


def test_merge_override_makes_one_name_another_person():
    ov = parse_overrides("merge | Tony Blinken | Antony Blinken\n")
    out = link_people([("a1", "Tony Blinken"), ("a2", "Antony Blinken")], ov)
    assert set(out.values()) == {"Antony Blinken"}


def test_split_override_gives_one_article_its_own_person():
    ov = parse_overrides("split | a2 | Paul Johnson | Paul Johnson (cricketer)\n")
    out = link_people([("a1", "Paul Johnson"), ("a2", "Paul Johnson")], ov)
    assert out == {("a1", "Paul Johnson"): "Paul Johnson", ("a2", "Paul Johnson"): "Paul Johnson (cricketer)"}


def test_rename_override_respells_the_canonical_name_everywhere():
    ov = parse_overrides("rename | Antony Blinken | Antony J. Blinken\n")
    out = link_people([("a1", "Antony Blinken"), ("a2", "Blinken")], ov)
    assert set(out.values()) == {"Antony J. Blinken"}


def test_overrides_text_allows_comments_blank_lines_and_spacing():
    ov = parse_overrides("# corrections\n\n  MERGE|Tony Blinken|Antony Blinken  \n")
    assert ov == Overrides(merges={"tony blinken": "Antony Blinken"})


@pytest.mark.parametrize(
    "text, lineno",
    [
        ("merge | A\n", 1),
        ("# ok\nrename | A | B\nswap | A | B\n", 3),
        ("split | a1 | A\n", 1),
        ("merge | | B\n", 1),
    ],
)
def test_bad_overrides_line_raises_with_its_line_number(text, lineno):
    with pytest.raises(ValueError, match=f"line {lineno}"):
        parse_overrides(text)


def test_merge_cycle_does_not_loop_forever():
    ov = parse_overrides("merge | A B | C D\nmerge | C D | A B\n")
    out = link_people([("a1", "A B"), ("a2", "C D")], ov)
    assert len(out) == 2


def test_middle_initial_form_joins_the_same_name_without_it():
    rows = [("a1", "Donald J. Trump"), ("a2", "Donald Trump"), ("a3", "Donald Trump")]
    assert set(link_people(rows).values()) == {"Donald Trump"}


def test_two_initialled_forms_of_one_plain_name_stay_apart():
    rows = [("a1", "George W. Bush"), ("a2", "George H. Bush"), ("a3", "George Bush")]
    assert sorted(set(link_people(rows).values())) == ["George Bush", "George H. Bush", "George W. Bush"]
