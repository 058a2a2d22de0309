"""The offline drafter on a kick-off page of bare bullets it was not tuned on: ferry operators'
no-shows (tests/fixtures/notes/kickoff-ferry-bullets.md). A bullet with no subject under the idea
is the product's feature, not a dependency; a need said without a subject takes the product's
name; a risk given as a noun phrase is said as a risk, not left as a fragment."""

from __future__ import annotations

import pytest
from fixture_readers import draft_of_notes, faq_answer

from assistant.draft.models import Draft


@pytest.fixture(scope="module")
def draft() -> Draft:
    return draft_of_notes("kickoff-ferry-bullets.md")



def test_a_bullet_under_the_idea_is_how_it_works_not_a_dependency(draft: Draft) -> None:
    assert "TideLine works offline on the crew tablet" in draft.press_release.solution
    assert "offline" not in faq_answer(draft, "depend on")


def test_a_need_without_a_subject_takes_the_product_s_name(draft: Draft) -> None:
    assert faq_answer(draft, "depend on").startswith("TideLine depends on Stripe for payments")


def test_a_risk_given_as_a_noun_phrase_is_said_as_a_risk(draft: Draft) -> None:
    risks = faq_answer(draft, "biggest risks")
    assert risks.startswith("Operators may not trust card payments at sea.")
    assert "Another risk: connectivity on the water." in risks
    assert " Connectivity on the water." not in risks
