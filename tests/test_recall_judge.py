"""The recall eval's judge: does a generated question ask what an author's question asks?

The product's name is masked on both sides, so a shared name alone never makes a match; two
questions that ask the same thing about the product ("What is Foo?", "What exactly is Foo?") do.
"""

from __future__ import annotations

import pytest

from assistant.questions.recall import anticipates

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
