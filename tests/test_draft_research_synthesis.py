"""The offline drafter on a research synthesis it was not tuned on: home care scheduling
(tests/fixtures/notes/research-synthesis-home-care.md), with bold labels for who we talked to,
insights, quotes, the opportunity, open questions and next steps. Read as a reviewer reads the
draft: a phase of work ("Prototype by Jan") is no city; the product line under "Opportunity" is
the idea, not the problem; a price asked as a question is still open; a quote under a "Quotes"
label keeps the role its dash gives."""

from __future__ import annotations

import pytest
from fixture_readers import draft_of_notes, faq_answer

from assistant.draft.models import Draft


@pytest.fixture(scope="module")
def draft() -> Draft:
    return draft_of_notes("research-synthesis-home-care.md")



def test_a_phase_of_work_is_no_city(draft: Draft) -> None:
    assert draft.press_release.dateline == "Columbus — March 2027 —"
    assert "Prototype" not in draft.press_release.call_to_action


def test_the_line_under_opportunity_that_names_the_product_is_the_idea(draft: Draft) -> None:
    assert "caregivers swap and pick up open visits in an app" in draft.press_release.solution
    assert "approves with one tap" not in draft.press_release.problem


def test_a_price_asked_as_a_question_is_still_open(draft: Draft) -> None:
    price = faq_answer(draft, "How much does it cost?")
    assert price.startswith("We don't know yet: [TBD: price].")
    assert "Open question in the notes: Per caregiver or per agency?" in price
    assert "per agency?" not in draft.press_release.call_to_action


def test_a_quote_under_a_quotes_label_keeps_its_role(draft: Draft) -> None:
    assert draft.press_release.customer_quote.endswith("owner, 12 caregivers, Fort Wayne")
