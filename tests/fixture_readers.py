"""Helpers for the tests that read a fixture as a reviewer would (no tests here): the offline
draft of a notes fixture, an FAQ answer of a draft, and a fixture document asked a list."""

from __future__ import annotations

from pathlib import Path

from assistant.documents import load_document, parse_document
from assistant.draft.models import Draft
from assistant.draft.offline import draft_offline
from assistant.questions.models import Question
from assistant.questions.offline import ask_offline

FIXTURES = Path(__file__).parent / "fixtures"


def draft_of_notes(name: str) -> Draft:
    """The offline draft of tests/fixtures/notes/NAME."""
    path = FIXTURES / "notes" / name
    return draft_offline(parse_document(path.read_text(encoding="utf-8"), path=name))


def faq_answer(draft: Draft, words: str) -> str:
    """The answer of the draft's first FAQ entry (external, then internal) whose question has `words`."""
    return next(entry.answer for entry in [*draft.faq.external, *draft.faq.internal] if words in entry.question)


def asked_of(name: str, questions: list[str]) -> dict[str, Question]:
    """tests/fixtures/questions/NAME asked `questions` in one batch (`--ask`), by question."""
    report = ask_offline(load_document(FIXTURES / "questions" / name), questions)
    return {q.question: q for q in report.questions}
