"""A product requirements document (PRD) as notes: "## Background", "## Goals", "## Non-goals",
"## User stories", "## Launch plan", "## Risks / open questions", drafted offline
(tests/fixtures/notes/prd-repeat-prescriptions.md)."""

from __future__ import annotations

from fixture_readers import draft_of_notes, faq_answer

from assistant.draft.facts import label_topic, mixed_label

NOTES = "prd-repeat-prescriptions.md"


def test_a_user_story_names_the_customer_without_its_as_a() -> None:
    release = draft_of_notes(NOTES).press_release
    assert release.headline == "Wellby for patients on long-term medication"
    assert "for as a" not in release.headline.lower() and "for as a" not in release.subheading.lower()


def test_the_goals_are_how_it_works_not_the_problem() -> None:
    release = draft_of_notes(NOTES).press_release
    assert "The app reminds the patient 7 days before they run out." in release.solution
    assert "reminds the patient" not in release.problem
    assert label_topic("Goals") == "idea" and label_topic("Non-goals") == "not_doing"


def test_risks_and_open_questions_under_one_heading_are_the_risks() -> None:
    draft = draft_of_notes(NOTES)
    risks = faq_answer(draft, "biggest risks")
    assert "Clinical safety case (DCB0129) needs sign-off" in risks
    assert "TPP API approval may slip past April." in risks
    assert label_topic("Risks / open questions") == "risks" and not mixed_label("risks / open questions")


def test_free_for_patients_is_the_price_and_the_first_sites_keep_their_noun() -> None:
    release = draft_of_notes(NOTES).press_release
    assert "It is free for patients." in release.call_to_action
    assert faq_answer(draft_of_notes(NOTES), "How much does it cost").startswith("Free for patients.")
    assert "It starts with 41 Bristol practices." in faq_answer(draft_of_notes(NOTES), "When and where")
