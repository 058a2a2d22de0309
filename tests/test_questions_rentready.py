"""A credit union's rental passport (tests/fixtures/questions/rentready.md) whose FAQ is written
as topic headings ("### Cost", "### Privacy", "### Cost to us", "### Risks"), read as a reviewer
would: each heading answers what it names, the maker's cost is no price, and a threshold in the
internal FAQ answers what would make us stop."""

from __future__ import annotations

from fixture_readers import asked_of

from assistant.questions.answertype import only_our_cost

DOC = "rentready.md"


def test_the_cost_heading_answers_the_price_and_cost_to_us_does_not() -> None:
    question = "How much does RentReady cost?"
    price = asked_of(DOC, [question])[question]
    assert price.status == "answered" and price.evidence is not None
    assert price.evidence.text == "RentReady is free for renters and for agents."
    assert only_our_cost("Cost to us")


def test_cost_to_us_answers_what_it_costs_us() -> None:
    question = "What does it cost us to serve one customer?"
    ours = asked_of(DOC, [question])[question]
    assert ours.evidence is not None and "£45,000 a year to run" in ours.evidence.text


def test_a_privacy_heading_in_the_faq_is_the_answer_to_a_privacy_question() -> None:
    question = "Is my data private, and where is it stored?"
    private = asked_of(DOC, [question])[question]
    assert private.status == "answered" and private.evidence is not None and private.evidence.line in (20, 21)


def test_a_threshold_in_the_internal_faq_answers_what_would_make_us_stop() -> None:
    question = "What result would make us stop?"
    stop = asked_of(DOC, [question])[question]
    assert stop.status == "answered" and stop.evidence is not None
    assert "drop the pilot if it is under 30% after six months" in stop.evidence.text
