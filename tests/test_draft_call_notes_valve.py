"""Terse call notes for a hardware product (tests/fixtures/notes/call-notes-radiator-valve.md):
a name asked rather than settled ('name?? "Warmly"'), what homes spend on gas beside our price,
"Tom Pryce (founder) fronts it", a tester quoted, and a launch in one city, then nationwide."""

from __future__ import annotations

from fixture_readers import FIXTURES, draft_of_notes

from assistant.documents import parse_document
from assistant.draft.facts import extract_facts

NOTES = "call-notes-radiator-valve.md"


def _facts():
    path = FIXTURES / "notes" / NOTES
    return extract_facts(parse_document(path.read_text(encoding="utf-8"), path=NOTES))


def test_a_name_asked_with_question_marks_is_still_the_name() -> None:
    assert _facts().product_name == "Warmly"
    assert draft_of_notes(NOTES).press_release.headline.startswith("Warmly")


def test_what_homes_spend_on_gas_is_not_our_price() -> None:
    release = draft_of_notes(NOTES).press_release
    assert "It costs £49 per valve." in release.call_to_action
    assert "£1.9k a year" not in release.call_to_action


def test_the_founder_who_fronts_it_leads_it() -> None:
    leader = _facts().leader
    assert leader is not None and leader.name == "Tom Pryce" and leader.title == "founder"


def test_a_tester_quoted_does_not_make_testers_the_customer() -> None:
    release = draft_of_notes(NOTES).press_release
    assert "for testers" not in release.headline.lower() and "testers" not in release.subheading.lower()


def test_a_city_first_then_nationwide_keeps_the_city_in_the_dateline() -> None:
    assert draft_of_notes(NOTES).press_release.dateline.startswith("Sheffield — ")
