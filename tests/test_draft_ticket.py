"""The offline drafter on a ticket it was not tuned on: an epic for self-serve refunds
(tests/fixtures/notes/ticket-self-serve-refunds.txt). "for the online shop" names a thing of ours,
not the customer; "Customers who want a refund have to email support" names them, the clause
ending where the sentence's verb starts; acceptance criteria say what it does, not the problem."""

from __future__ import annotations

import pytest
from fixture_readers import draft_of_notes

from assistant.draft.models import Draft


@pytest.fixture(scope="module")
def draft() -> Draft:
    return draft_of_notes("ticket-self-serve-refunds.txt")


def test_a_thing_of_ours_is_not_the_customer(draft: Draft) -> None:
    assert "online shop" not in draft.press_release.headline + draft.press_release.subheading
    assert "for customers who want a refund." in draft.press_release.summary
    assert "have to email support" not in draft.press_release.summary


def test_acceptance_criteria_say_what_it_does(draft: Draft) -> None:
    assert "Agent queue shows order, photos, customer history." in draft.press_release.solution
    assert "Agent queue" not in draft.press_release.problem
