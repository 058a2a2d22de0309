"""The grounding check on its own: the same fact written two ways is the same fact; a fact the
notes do not hold becomes a visible placeholder and a gap."""

from __future__ import annotations

import pytest

from assistant.documents import parse_document
from assistant.draft.grounding import NotesIndex, claims_in, ground_draft, ground_text
from assistant.draft.models import Draft, Faq, FaqEntry, PressRelease

NOTES = parse_document(
    "Owners spend 90 minutes a day counting stock. Price: $49 per store per month.\n"
    "An outage costs maybe 20 thousand dollars. Empty shelves cost eight percent of sales.\n"
    "Front desk spends 1-2 hrs/day on the phone. Launch on March 3, 2027 in spring.\n"
    "\"I hate Sunday nights. That's when I count cans instead of seeing my kids.\" (Dana Ruiz, owner)\n",
    path="notes.md",
)


def supported(text: str) -> list[bool]:
    index = NotesIndex(NOTES)
    return [index.check(claim).supported for claim in claims_in(text, "press_release.summary")]


@pytest.mark.parametrize("text", [
    "It costs 49 dollars a month.",             # "$49"
    "It costs $49.",
    "The count takes 1.5 hours.",               # "90 minutes"
    "The count takes 90 min.",
    "An outage costs $20,000.",                 # "20 thousand dollars"
    "An outage costs $20k.",
    "Shelves cost 8% of sales.",                # "eight percent"
    "Phoning takes up to 2 hours a day.",       # "1-2 hrs"
    "Phoning takes 60 to 120 minutes a day.",
    "We launch in March 2027.",                 # less precise than the notes: fine
    "We launch on 3 March 2027.",
    "We launch in 2027.",
    "“I hate Sunday nights. That's when I count cans instead of seeing my kids,” said Dana Ruiz, owner.",
])
def test_the_same_fact_written_another_way_is_found(text):
    assert supported(text) and all(supported(text)), text


@pytest.mark.parametrize("text", [
    "It costs $59 per month.",
    "It costs 49 euros.",                       # the notes say dollars
    "The count takes 90 hours.",                # the notes say minutes
    "Shelves cost 12% of sales.",
    "We launch on March 4, 2027.",              # a day the notes never gave
    "We launch in March 2028.",
    "We launch in June 2027.",
    "“I hate Sunday nights and Monday mornings too,” said Dana Ruiz.",
    "“I hate Sunday nights. That's when I count cans instead of seeing my kids,” said Maria Gonzalez.",
    "Today Northwind Grocers launches it.",
])
def test_a_fact_the_notes_do_not_hold_is_caught(text):
    assert not all(supported(text)), text


def test_an_unsupported_number_becomes_a_placeholder_and_a_gap():
    result = ground_text("It cuts the count by 75% for owners. It costs $49.", "press_release.summary",
                         NotesIndex(NOTES))
    assert "75%" not in result.text and "$49" in result.text
    assert "[TBD: count reduction, with its source]" in result.text
    [gap] = result.gaps
    assert gap.placeholder == "[TBD: count reduction, with its source]"
    assert gap.question.startswith("What is the real count reduction,") and gap.question.endswith("do not give it.")
    assert "75%" in gap.reason
    [item] = [i for i in result.items if not i.supported]
    assert item.kind == "percentage" and item.replaced_by == gap.placeholder


def test_an_invented_quote_and_speaker_are_replaced_but_the_real_one_stays():
    text = ("“Shelfie gave me my Sunday nights back,” said Maria Gonzalez, owner of Gonzalez Market. "
            "“I hate Sunday nights. That's when I count cans instead of seeing my kids.” — Dana Ruiz")
    result = ground_text(text, "press_release.customer_quote", NotesIndex(NOTES))
    assert "Shelfie gave me" not in result.text and "Maria" not in result.text and "Gonzalez" not in result.text
    assert "“[TBD: a customer's own words from the notes],” said [TBD: speaker's name and role]." in result.text
    assert "[TBD: speaker's name and role]" in result.text
    assert "I hate Sunday nights. That's when I count cans" in result.text and "Dana Ruiz" in result.text
    assert {g.element for g in result.gaps} == {"customer_quote"}


def test_placeholders_are_not_claims():
    assert claims_in("It costs [TBD: price in $ per month, e.g. 59]. “[TBD: a quote from a real customer]”",
                     "press_release.call_to_action") == []


def _draft(summary: str) -> Draft:
    pr = PressRelease(headline="Shelfie", subheading="For owners.", dateline="[TBD: city] —", summary=summary,
                      problem="It takes 90 minutes a day.", solution="x", leader_quote="x", getting_started="x",
                      customer_quote="x", call_to_action="x")
    faq = Faq(external=[FaqEntry(question="Cost?", answer="It costs $99.")], internal=[])
    return Draft(engine="llm", press_release=pr, faq=faq)


def test_ground_draft_checks_press_release_and_faq_and_is_idempotent():
    once = ground_draft(_draft("It saves 4 hours a week."), NOTES)
    assert "4 hours" not in once.press_release.summary and "$99" not in once.faq.external[0].answer
    assert {i.where for i in once.grounding.unsupported} == {"press_release.summary", "faq.external[0].answer"}
    assert {g.element for g in once.gaps} == {None, "external_faq"}
    twice = ground_draft(once, NOTES)
    assert twice.press_release == once.press_release and twice.faq == once.faq
    assert twice.gaps == once.gaps
    assert len(twice.grounding.unsupported) == len(once.grounding.unsupported)  # still on record


@pytest.mark.parametrize("text, expected", [
    ("It is available in Oregon and in Washington.", "It is available in [TBD: place and in Washington] and in "
                                                     "Washington."),
    ("We met Maria Gonzalez and Dana Ruiz at the store.", "We met [TBD: name] and Dana Ruiz at the store."),
])
def test_made_up_places_and_names_are_caught(text, expected):
    notes = parse_document("Pilot with 30 stores in Washington state. Dana Ruiz leads it.", path="n.md")
    result = ground_text(text, "press_release.call_to_action", NotesIndex(notes))
    assert result.text == expected
    assert len(result.gaps) == 1 and result.gaps[0].placeholder in expected


def test_a_made_up_dateline_becomes_city_and_date_placeholders():
    result = ground_text("SEATTLE, WA — June 1, 2027 —", "press_release.dateline", NotesIndex(NOTES))
    assert result.text == "[TBD: city] — [TBD: launch date] —"
    assert {gap.element for gap in result.gaps} == {"dateline"}
    kept = ground_text("[TBD: city] — March 2027 —", "press_release.dateline", NotesIndex(NOTES))
    assert kept.text == "[TBD: city] — March 2027 —" and kept.gaps == []


def test_a_made_up_leader_quote_is_the_leaders_gap_not_a_customers():
    result = ground_text("“We built this because grocers deserve their evenings back,” said Dana Ruiz, owner.",
                         "press_release.leader_quote", NotesIndex(NOTES))
    assert result.text.startswith("“[TBD: the leader's own words],”") and "Dana Ruiz" in result.text
    assert result.gaps[0].element == "leader_quote"


def test_a_named_speakers_possessive_is_their_name() -> None:
    # "In Dana Ruiz's words": the name the notes give, with its possessive; a name not in them is not
    assert supported("In Dana Ruiz's words: the count is late.") == [True]
    assert supported("In Mike Alvarez's words: the count is late.") == [False]
