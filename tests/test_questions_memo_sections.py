"""A proposal memo with numbered section titles on lines of their own ("1. Problem" over its
paragraph, no blank line between) asked its questions (tests/fixtures/questions/homework-memo.md)."""

from __future__ import annotations

from fixture_readers import FIXTURES, asked_of

from assistant.questions.text import sentences

DOC = "homework-memo.md"


def test_a_numbered_title_line_is_a_sentence_of_its_own() -> None:
    text = (FIXTURES / "questions" / DOC).read_text(encoding="utf-8")
    said = [s.text for s in sentences(text)]
    assert "1. Problem" in said and "3. Price & timing" in said
    assert not [s for s in said if s.startswith("1. Problem ")]


def test_titles_are_never_quoted_and_sections_answer_what_they_head() -> None:
    asked = asked_of(DOC, ["What problem does it solve?", "What exactly is it?", "What are the biggest risks?"])
    for question in asked.values():
        assert question.evidence is not None
        assert not question.evidence.text[:1].isdigit(), question.evidence.text  # no "1. Problem ..."
    assert asked["What problem does it solve?"].evidence.text.startswith("Parents of primary-school children")
    assert asked["What exactly is it?"].evidence.text.startswith('A "Homework Buddy" inside the Lernwerk app')
    assert asked["What are the biggest risks?"].evidence.text == "Schools may see it as cheating."
