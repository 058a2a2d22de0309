"""A proposal memo with a To/From/Re header and numbered sections ("1. Problem", "2. Proposal",
"3. Price & timing"), drafted offline (tests/fixtures/notes/memo-numbered-homework.md)."""

from __future__ import annotations

from fixture_readers import draft_of_notes

from assistant.draft.facts import speaker_from

NOTES = "memo-numbered-homework.md"


def test_the_proposal_section_is_the_idea_and_its_quoted_name_the_product() -> None:
    release = draft_of_notes(NOTES).press_release
    assert release.headline.startswith("Homework Buddy for parents of primary-school children in Germany")
    assert "Homework Buddy is inside the Lernwerk app: the parent photographs the worksheet" in release.summary
    assert "It never gives the answer straight away." not in release.problem


def test_help_for_parents_is_not_the_customer_for_parents() -> None:
    release = draft_of_notes(NOTES).press_release
    assert "for for" not in release.headline and "for for" not in release.subheading


def test_the_memo_author_with_a_title_leads_it() -> None:
    assert "— Jonas Weber, Head of Growth" in draft_of_notes(NOTES).press_release.leader_quote


def test_a_beta_then_all_states_launches_across_them_and_the_price_sentence_is_no_place() -> None:
    release = draft_of_notes(NOTES).press_release
    assert release.call_to_action.startswith("Homework Buddy launches across all German states in September 2027, "
                                             "after a beta in Bavaria")
    assert "Included" not in release.dateline and "Lernwerk Plus" not in release.dateline


def test_the_customer_named_in_the_brackets_after_their_role_is_quoted_by_name() -> None:
    """'Quote from a parent (Ayşe, Nuremberg, interview 12 Oct): "..."': Ayşe said it, a parent in
    Nuremberg; when we interviewed her is no part of who she is."""
    assert draft_of_notes(NOTES).press_release.customer_quote.endswith("— Ayşe, a parent, Nuremberg")
    assert speaker_from("a buyer (Acme Ltd, Leeds)")[0] is None  # a company is no person's name
    assert speaker_from("owner (Tom, Bristol)") == ("Tom", "owner, Bristol")
