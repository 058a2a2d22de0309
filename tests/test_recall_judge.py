"""The recall eval's judge: does a generated question ask what an author's question asks?

The product's name is masked on both sides, so a shared name alone never makes a match; two
questions that ask the same thing about the product ("What is Foo?", "What exactly is Foo?") do.
"""

from __future__ import annotations

import pytest

from assistant.questions.recall import anticipates, masked

FOO = ["Foo"]


@pytest.mark.parametrize(("author", "generated"), [
    ("What is Foo?", "What exactly is Foo?"),
    ("How much does Foo cost?", "What does Foo cost?"),
    ("Who is Foo for?", "Who is Foo for?"),
])
def test_the_same_question_in_other_words_matches(author, generated):
    assert anticipates(author, generated, FOO)


@pytest.mark.parametrize(("author", "generated"), [
    ("What is Foo?", "How do I install Foo?"),
    ("What is Foo?", "What is Foo built on?"),
    ("What is Foo built on?", "What is Foo?"),
    ("Does Foo work offline?", "How much does Foo cost?"),
])
def test_sharing_only_the_name_or_what_is_does_not_match(author, generated):
    assert not anticipates(author, generated, FOO)


@pytest.mark.parametrize(("question", "expected"), [
    ("Who is Foo for?", "Who is it for?"),  # the name followed by a word is the name all the same
    ("What problem does Foo solve?", "What problem does it solve?"),
    ("Is foo's data safe?", "Is it data safe?"),
    ("What is Foo?", "What is it?"),
])
def test_the_name_is_masked_wherever_it_stands(question, expected):
    assert masked(question, FOO) == expected


@pytest.mark.parametrize("question", [
    "What is the Foo Graph?",  # a part of Foo, named after it
    "How does Foobar differ?",  # another word that starts with the name
    "Is foo-compatible storage supported?",
])
def test_a_longer_name_or_word_is_not_the_product(question):
    assert masked(question, FOO) == question


def test_a_question_about_this_product_matches_one_that_names_it():
    assert anticipates("What problem does this solve?", "What problem does Foo solve?", FOO)
    assert not anticipates("Who is Foo for?", "How do I install Foo?", FOO)
