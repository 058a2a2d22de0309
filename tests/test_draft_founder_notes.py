"""Offline drafts from three founders' notes written by someone else (tests/fixtures/notes/):
a call dump full of shorthand (call-dump-grainpost.md), an interview synthesis with plain
upper-case section lines (interview-synthesis-sproutly.md) and a Slack export
(slack-export-tidewatch.md). What a reviewer notices first: the lab's fee given as the price, the
team given as the customer, the notes' own title quoted as evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import parse_document
from assistant.draft.facts import label_topic, read_statements
from assistant.draft.models import Draft
from assistant.draft.offline import draft_offline
from assistant.draft.shorthand import expand

NOTES = Path(__file__).parent / "fixtures" / "notes"


def _draft(name: str) -> Draft:
    return draft_offline(parse_document((NOTES / name).read_text(encoding="utf-8"), path=name))


def _everything(draft: Draft) -> str:
    release = draft.press_release
    parts = [text for _, text in release.sections()]
    parts += [f"{entry.question} {entry.answer}" for entry in draft.faq.external + draft.faq.internal]
    return "\n".join(parts)


# -- the price is ours, not a supplier's -------------------------------------------------------------
def test_a_money_sign_label_is_the_price_and_a_labs_fee_is_not() -> None:
    release = _draft("call-dump-grainpost.md").press_release
    assert "$29 a month" in release.call_to_action, release.call_to_action
    assert "$45" not in release.call_to_action


@pytest.mark.parametrize(("label", "topic"), [("$$", "price"), ("$", "price"), ("ICP", "customer"),
                                              ("#s", "evidence")])
def test_shorthand_labels_name_their_part(label: str, topic: str) -> None:
    assert label_topic(label) == topic


# -- the name the notes weigh, and the customer they profile -----------------------------------------
def test_the_name_checked_against_the_title_is_the_working_name() -> None:
    release = _draft("call-dump-grainpost.md").press_release
    assert release.headline == "GrainPost for bakeries with 2-10 staff", release.headline


def test_one_candidate_spelling_alone_names_nothing() -> None:
    notes = 'marketplace for grain\nTODO name check: "GrainPost" vs "Grainpost"\n- $29/mo\n'
    assert draft_offline(parse_document(notes, path="n.md")).press_release.headline.startswith("[TBD: product name]")


# -- the notes' title is no fact --------------------------------------------------------------------
@pytest.mark.parametrize(("name", "title"), [("call-dump-grainpost.md", "DON'T SHARE"),
                                             ("interview-synthesis-sproutly.md", "synthesis"),
                                             ("slack-export-tidewatch.md", "exported")])
def test_the_notes_title_is_not_quoted_as_a_fact(name: str, title: str) -> None:
    assert title not in _everything(_draft(name))


def test_a_first_line_that_is_a_field_is_no_title() -> None:
    notes = "**Idea:** ShelfSense — camera per shelf, counts stock every 10 minutes\n\n**Who:** store managers\n"
    first = read_statements(parse_document(notes, path="n.md"))[0]
    assert first.topic == "idea"


# -- who leads it is not whom it is for ----------------------------------------------------------------
def test_a_who_section_naming_the_lead_gives_the_leader_not_the_customer() -> None:
    draft = _draft("interview-synthesis-sproutly.md")
    release = draft.press_release
    assert "Keisha" not in release.headline and "Keisha" not in release.subheading, release.headline
    assert release.leader_quote.endswith("— Keisha Brandt, lead (product + research)"), release.leader_quote


def test_name_equals_what_it_is_reads_as_what_it_is() -> None:
    release = _draft("interview-synthesis-sproutly.md").press_release
    assert "Sproutly is a phone app for the provider." in release.summary, release.summary
    assert "means phone app" not in _everything(_draft("interview-synthesis-sproutly.md"))


# -- who said it ----------------------------------------------------------------------------------------
def test_the_last_word_of_a_shop_name_is_no_speaker() -> None:
    quote = _draft("slack-export-tidewatch.md").press_release.customer_quote
    assert "not find out from Facebook" in quote and not quote.endswith("— Sail"), quote


# -- shorthand for ages -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "written"), [("parents of 2-4 yr olds", "parents of 2-4-year-olds"),
                                               ("kids 6 yrs old", "kids 6 years old"),
                                               ("a missed 45 min slot", "a missed 45-minute slot")])
def test_ages_are_written_out(text: str, written: str) -> None:
    assert expand(text) == written


# -- an e-mail and meeting minutes (email-quietroom.md, minutes-crateworks.md) -------------------------
def test_when_a_message_was_sent_or_a_meeting_held_is_no_launch() -> None:
    quiet = _draft("email-quietroom.md").press_release
    assert not quiet.dateline.startswith(("Mon", "Harlow")), quiet.dateline  # "Date: Mon 12 Jan", "Harlow & Finch"
    crates = _draft("minutes-crateworks.md").press_release
    assert crates.dateline == "Bristol — 7 September 2026 —", crates.dateline  # the decision, not "Where: Paintworks"


def test_we_do_it_is_said_of_the_product() -> None:
    release = _draft("email-quietroom.md").press_release
    assert "QuietRoom puts acoustic one- and two-person pods into offices as a service." in release.summary, \
        release.summary
    assert "as I'd now pitch it" not in _everything(_draft("email-quietroom.md"))
    assert "We own the pods" not in release.getting_started, release.getting_started


def test_a_past_tense_is_no_participle_and_a_list_lead_in_is_no_problem() -> None:
    problem = _draft("email-quietroom.md").press_release.problem
    assert "Two clients complained this year about being overheard." in problem, problem
    assert "need you on" not in problem, problem


# -- a skeleton filled in unevenly (skeleton-ferrytail.md) ---------------------------------------------
def test_a_name_idea_line_names_the_product_and_is_no_idea() -> None:
    release = _draft("skeleton-ferrytail.md").press_release
    assert release.headline.startswith("Ferrytail for "), release.headline
    assert "CSS thing" not in release.summary and "CSS thing" not in release.solution, release.summary


def test_onboard_kennels_are_no_first_step() -> None:
    release = _draft("skeleton-ferrytail.md").press_release
    assert "kennels" not in release.getting_started, release.getting_started


@pytest.mark.parametrize(("text", "written"), [("for 2.5 wks last spring", "for 2.5 weeks last spring"),
                                               ("book thru us", "book through us")])
def test_more_shorthand_is_written_out(text: str, written: str) -> None:
    assert expand(text) == written
