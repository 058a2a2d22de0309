"""A ferry operator's PR/FAQ (tests/fixtures/questions/harbourline.md, written for these tests): no
software buyer, no problem paragraph, a QR code, crews' safety. `prfaq questions` must read it as a
reviewer would: the problem is the summary's "Until now, a commuter queued at a kiosk ...", the
internal "What could go wrong?" asks nothing about AI models, the crews' "safety" is no security
answer, and nobody needs "QR" explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import load_document
from assistant.questions.models import Question
from assistant.questions.offline import questions_offline
from assistant.questions.text import concepts

HARBOURLINE = Path(__file__).parent / "fixtures" / "questions" / "harbourline.md"


@pytest.fixture(scope="module")
def questions() -> dict[str, Question]:
    return {q.question: q for q in questions_offline(load_document(HARBOURLINE)).questions}


def test_the_problem_said_in_the_summary_answers_what_problem_it_solves(questions):
    found = questions["What problem does Harbourline solve?"]
    assert found.status == "answered"
    assert found.evidence is not None and found.evidence.text.startswith("Until now, a commuter queued")


def test_a_generic_risk_question_in_the_faq_does_not_raise_a_question_about_ai_models(questions):
    assert not [q for q in questions if "AI models" in q]


def test_the_risk_faq_still_answers_the_risk_questions(questions):
    found = questions["What are the biggest risks, and how do we mitigate them?"]
    assert found.status == "answered"
    assert found.evidence is not None and "double-booking" in found.evidence.text


def test_crews_safety_is_no_answer_to_how_it_is_kept_secure(questions):
    found = questions.get("How is Harbourline kept secure?")
    assert found is None or found.status == "unanswered", found.evidence
    assert "security" not in concepts("They can now spend it on safety.")
    assert "security" in concepts("Is my data safe?")


def test_an_everyday_acronym_is_not_asked_about(questions):
    assert not [q for q in questions if q.startswith("What is QR")]

