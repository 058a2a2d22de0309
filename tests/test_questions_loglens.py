"""An open-source CI tool's PR/FAQ with its FAQ as "###" question headings
(tests/fixtures/questions/loglens.md), asked the twenty questions a reviewer asks of any PR/FAQ
(the hand-labelled set of evals/answeredness.py): what `prfaq questions --ask` shows for the ones
an earlier version got wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import load_document
from assistant.questions.models import Question
from assistant.questions.offline import ask_offline
from assistant.questions.text import concepts

LOGLENS = Path(__file__).parent / "fixtures" / "questions" / "loglens.md"
REVIEWER = ["Who is it for?", "How much does it cost?", "Is my data secure and private?",
            "What does it depend on?", "Who maintains it?", "If it is free, what is the catch?"]


@pytest.fixture(scope="module")
def judged() -> dict[str, Question]:
    return {q.question: q for q in ask_offline(load_document(LOGLENS), REVIEWER).questions}


def quote(question: Question) -> str:
    return question.evidence.text if question.evidence is not None else ""


def test_data_that_never_leaves_the_machine_answers_the_privacy_question(judged):
    """Its FAQ asks "Does my log data leave my machine?": that answer, not "private registries"."""
    privacy = judged["Is my data secure and private?"]
    assert privacy.status == "answered"
    assert quote(privacy).startswith("No. The model runs on your machine")


def test_a_private_registry_is_not_privacy():
    assert "privacy" not in concepts("It does not read logs from private registries it cannot access.")
    assert "privacy" in concepts("Is my data private?")


def test_engineers_who_maintain_it_answer_who_maintains_it(judged):
    owner = judged["Who maintains it?"]
    assert owner.status == "answered"
    assert quote(owner).startswith("Three engineers at Kestrel Tools maintain it full time")


def test_the_catch_is_the_sentence_after_free(judged):
    catch = judged["If it is free, what is the catch?"]
    assert catch.status == "answered"
    assert quote(catch).startswith("A hosted dashboard with history across repositories")
    assert quote(judged["How much does it cost?"]) == "LogLens is free and open source."


def test_where_it_runs_is_not_what_it_depends_on(judged):
    assert not quote(judged["What does it depend on?"]).startswith("No. The model runs on your machine")


def test_what_it_needs_to_run_asks_the_system_requirements():
    assert "requirement" in concepts("What does it need to run?")
    assert "requirement" not in concepts("What do we need to build first?")
