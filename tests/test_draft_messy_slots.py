"""Issue 15, item 6 (offline draft slotting), on messy notes of kinds the drafter was not tuned on.
Each test reads the draft as a reviewer would: every sentence a sentence, each note line in its
part of the PR/FAQ, and nothing said twice or in the wrong place."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import parse_document
from assistant.draft.models import Draft
from assistant.draft.offline import draft_offline

NOTES = Path(__file__).parent / "fixtures" / "notes"


def _draft(text: str, path: str = "n.md") -> Draft:
    return draft_offline(parse_document(text, path=path))


def _fixture(name: str) -> Draft:
    return draft_offline(parse_document((NOTES / name).read_text(encoding="utf-8"), path=name))


def _answer(draft: Draft, words: str) -> str:
    return next(e.answer for e in [*draft.faq.external, *draft.faq.internal] if words in e.question)


# -- the name as the subject of the idea's verb ------------------------------------------------------
def test_an_idea_that_opens_with_the_name_and_its_verb_keeps_its_subject() -> None:
    # should flag: "With BinBuddy, texts tenants the night before pickup." (no subject)
    release = _fixture("name-verb-idea-bins.md").press_release
    assert "BinBuddy texts tenants the night before pickup." in release.summary
    assert release.solution.startswith("BinBuddy texts tenants the night before pickup.")
    assert "With BinBuddy, texts" not in release.summary + release.solution


@pytest.mark.parametrize("notes", [
    # should pass: a comma after the name, then people acting, stays a scene with its own subject
    "- name: ShelfSwap\n- who: students in Leeds\n- idea: ShelfSwap, students list a book and a buyer collects it",
])
def test_a_name_then_a_comma_is_no_subject_of_what_follows(notes: str) -> None:
    release = _draft(notes).press_release
    assert "ShelfSwap students list" not in release.summary + release.solution
