"""The offline drafter on a product brief with a heading per part, which it was not tuned on:
rent collection for small landlords (tests/fixtures/notes/product-brief-rentwise.md). The
primary segment is the customer, "PM:" names the leader, a UK-wide launch after a Manchester
beta launches across the UK, and an "Out of scope" list is said as a sentence."""

from __future__ import annotations

import pytest
from fixture_readers import draft_of_notes, faq_answer

from assistant.draft.models import Draft


@pytest.fixture(scope="module")
def draft() -> Draft:
    return draft_of_notes("product-brief-rentwise.md")



def test_the_primary_segment_is_the_customer_without_its_rank(draft: Draft) -> None:
    assert "for small landlords (1-5 units) in the UK" in draft.press_release.summary
    assert "primary" not in draft.press_release.subheading.lower()
    assert "letting agents" not in draft.press_release.subheading


def test_a_pm_label_names_the_leader_and_only_them(draft: Draft) -> None:
    assert draft.press_release.leader_quote.endswith("— Aisha Khan, PM")


def test_the_launch_after_the_beta_is_where_the_notes_say(draft: Draft) -> None:
    said = faq_answer(draft, "When and where")
    assert said == "Rentwise launches across the UK in May 2027, after a beta in Manchester from 1 February 2027."


def test_an_out_of_scope_list_is_said_as_a_sentence(draft: Draft) -> None:
    assert faq_answer(draft, "not do") == ("The first version will not do deposit protection, maintenance requests or "
                                      "tenant referencing.")


def test_what_the_idea_is_built_on_is_a_dependency(draft: Draft) -> None:
    # "... using Open Banking": with no line on dependencies, the one the idea names, and the gap still asked
    said = faq_answer(draft, "depend on")
    assert said.startswith("Rentwise relies on Open Banking.")
    assert "[TBD: dependencies]" in said
