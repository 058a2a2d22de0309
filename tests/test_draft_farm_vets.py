"""Notes under plain section headings, with the idea after a "Working title:" line, the leader in a
"Team:" line, a price put as a question with what practice managers said beside it, and a launch
"then all of Scotland" (tests/fixtures/notes/heading-sections-farm-vets.md), drafted offline."""

from __future__ import annotations

from fixture_readers import draft_of_notes, faq_answer

NOTES = "heading-sections-farm-vets.md"


def test_the_idea_after_the_working_title_is_how_it_works() -> None:
    draft = draft_of_notes(NOTES)
    assert draft.press_release.headline.startswith("FieldNote")
    assert "Vet dictates the visit into the phone" in draft.press_release.solution
    assert "Vet dictates" not in faq_answer(draft, "depend on")
    assert "what we will build" not in " ".join(draft.warnings)


def test_the_person_named_first_in_the_team_line_leads_it() -> None:
    draft = draft_of_notes(NOTES)
    assert "— Calum Reid, product lead" in draft.press_release.leader_quote


def test_a_price_put_as_a_question_is_the_price_and_what_customers_said_is_economics() -> None:
    draft = draft_of_notes(NOTES)
    assert "It costs £35 per vet per month." in draft.press_release.call_to_action
    assert "?" not in draft.press_release.call_to_action
    economics = faq_answer(draft, "economics")
    assert economics.startswith("£35 per vet per month.")
    assert "anything under £50" in economics


def test_then_all_of_scotland_is_a_launch_across_scotland_after_the_pilot() -> None:
    draft = draft_of_notes(NOTES)
    assert "FieldNote launches across Scotland in September 2027, after a pilot with 4 practices in Aberdeenshire" \
        in draft.press_release.call_to_action


def test_evidence_is_what_we_observed_not_a_partners_market_share() -> None:
    evidence = faq_answer(draft_of_notes(NOTES), "evidence")
    assert "We shadowed 9 practices" in evidence
    assert "RxWorks" not in evidence
