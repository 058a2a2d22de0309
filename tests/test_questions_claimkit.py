"""An insurer's app for small-shop claims (tests/fixtures/questions/claimkit.md), with "Q." / "A."
FAQs, read as a reviewer would: its "Why build this now?" FAQ is the answer to "Why now?", the
launch sentence's appositive says what it is, the solution paragraph walks through a day, and "the
first call to payment" is no claim to be first."""

from __future__ import annotations

from fixture_readers import FIXTURES, asked_of

from assistant.documents import load_document
from assistant.documents.roles import cue_role
from assistant.questions.answertype import defines
from assistant.questions.offline import questions_offline
from assistant.questions.text import concepts

DOC = "claimkit.md"


def test_why_now_is_answered_by_the_faq_that_asks_why_build_it_now() -> None:
    asked = asked_of(DOC, ["Why now?", "Why is now the right time?"])
    for question in asked.values():
        assert question.status == "answered", question
        assert question.evidence is not None and question.evidence.line in (37, 38), question
    assert "why_now" in concepts("Why build this now?")
    assert "why_now" not in concepts("Why do I now need an account?")


def test_the_right_team_question_does_not_take_the_why_now_faq() -> None:
    """"Why build this now?" and "Why are we the right team to build it?" share only "build"."""
    question = "Why are we the right team to build ClaimKit?"
    team = asked_of(DOC, [question])[question]
    assert team.status != "answered"
    assert team.evidence is None or team.evidence.line not in (37, 38)


def test_what_is_it_quotes_the_launch_sentence_not_a_sentence_about_the_policy() -> None:
    what = asked_of(DOC, ["What exactly is ClaimKit?"])["What exactly is ClaimKit?"]
    assert what.status == "answered" and what.evidence is not None
    assert "ClaimKit, a phone app that lets the owner" in what.evidence.text
    assert not defines("ClaimKit", "ClaimKit is part of the policy, and using it does not change the premium.")
    assert not defines("ClaimKit", "ClaimKit is live in Leeds.")


def test_a_walk_through_is_answered_by_the_solution_paragraph() -> None:
    asked = asked_of(DOC, ["What does a typical day with ClaimKit look like?", "How does ClaimKit work?"])
    for question in asked.values():
        assert question.status == "answered", question
        assert question.evidence is not None and question.evidence.line == 9, question


def test_a_visit_the_claim_does_without_is_no_call_to_action() -> None:
    paragraph = ("With ClaimKit, the owner opens the app and answers six short questions. Claims under "
                 "£5,000 with a repair quote are settled without a visit.")
    assert cue_role(paragraph, frozenset({"ClaimKit"})) == "solution"
    assert cue_role("Visit claimkit.co.uk to download the app.") == "call_to_action"


def test_the_first_call_to_payment_is_no_claim_to_be_first() -> None:
    report = questions_offline(load_document(FIXTURES / "questions" / DOC))
    assert not [q for q in report.questions if "the first call to" in q.why]



def test_how_long_a_claim_takes_to_pay_asks_a_time_not_a_price() -> None:
    from assistant.questions.answertype import kind_of

    assert kind_of("How long does a claim take to pay?") == "duration"
    assert kind_of("How quickly are refunds paid?") == "duration"
    assert kind_of("How much does it cost?") == "price"
    question = "How long does a claim take to pay?"
    paid = asked_of(DOC, [question])[question]
    assert paid.evidence is not None and "Nothing." not in paid.evidence.text and "premium" not in paid.evidence.text


def test_demand_seen_quotes_the_measured_pilot_not_a_mention_of_it() -> None:
    """"the pilot had 38% of claims filed in the app, below our target" is a result measured
    against a target, not a plan; it is the evidence, ahead of a quote from someone in the pilot."""
    question = "What evidence do we have that customers want ClaimKit?"
    demand = asked_of(DOC, [question])[question]
    assert demand.evidence is not None and "the pilot had 38% of claims filed in the app" in demand.evidence.text
