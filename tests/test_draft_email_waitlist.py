"""The offline drafter on an e-mail write-up it was not tuned on: a team e-mail about dental
clinics' cancellation waitlists (tests/fixtures/notes/email-dental-waitlist.txt). Read as a
reviewer reads the draft: who it is for, whether the idea reads as a sentence, whether the
problem opens on a sentence that stands by itself, and what counts as evidence."""

from __future__ import annotations

import pytest
from fixture_readers import draft_of_notes, faq_answer

from assistant.draft.models import Draft


@pytest.fixture(scope="module")
def draft() -> Draft:
    return draft_of_notes("email-dental-waitlist.txt")



def test_the_visits_the_email_reports_on_name_the_customer(draft: Draft) -> None:
    # "Quick summary from the dental clinic visits last week": the clinics are the customer
    assert draft.press_release.headline == "GapFill for dental clinics"
    assert "[TBD: who the customer is]" not in draft.press_release.summary


def test_an_idea_that_opens_on_when_reads_as_its_own_sentence(draft: Draft) -> None:
    summary = draft.press_release.summary
    assert "When a patient cancels, GapFill texts the waitlist in order" in summary
    assert "gives them when" not in summary and "get when" not in draft.press_release.solution


def test_a_sentence_that_points_back_does_not_open_the_problem(draft: Draft) -> None:
    problem = draft.press_release.problem
    assert not problem.startswith("That's")
    assert problem.index("40% of cancelled slots stay empty") < problem.index("That's roughly $310 lost")


def test_a_pilot_with_clinics_is_said_as_the_launch(draft: Draft) -> None:
    assert "GapFill launches as a pilot with 6 clinics in Portland" in draft.press_release.call_to_action
    assert "with a pilot with" not in draft.press_release.call_to_action


def test_one_customer_s_words_are_not_the_only_evidence(draft: Draft) -> None:
    evidence = faq_answer(draft, "evidence")
    assert "40% of cancelled slots stay empty" in evidence
    assert evidence.index("40%") < evidence.index("One receptionist told us")
