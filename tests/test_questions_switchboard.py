"""An internal platform launch (tests/fixtures/questions/switchboard.md, a feature-flag service)
read as a reviewer would: "What is Switchboard?" where no sentence says "Switchboard is a ...",
an FAQ answer's "No." quoted under another question, and a pull request that is not open source."""

from __future__ import annotations

from fixture_readers import FIXTURES, asked_of

from assistant.documents import load_document, parse_document
from assistant.documents.roles import cue_role
from assistant.questions.answertype import defines
from assistant.questions.bank import load_bank
from assistant.questions.offline import questions_offline
from assistant.questions.select import document_kinds

DOC = "switchboard.md"
WHAT_IT_DOES = "Switchboard lets an engineer put any change behind a feature flag"


def test_what_is_it_quotes_the_summary_sentence_that_says_what_it_does() -> None:
    asked = asked_of(DOC, ["What is Switchboard?", "What exactly is Switchboard?", "What is it?"])
    for question in asked.values():
        assert question.status == "answered"
        assert question.evidence is not None and question.evidence.text.startswith(WHAT_IT_DOES), question


def test_a_name_after_a_preposition_or_in_a_when_clause_is_not_defined() -> None:
    assert not defines("Switchboard", "On-call for Switchboard is part of their existing rotation.")
    assert not defines("Switchboard", "If a service starts while Switchboard is unreachable, flags keep a default.")
    assert defines("Switchboard", "Switchboard is a feature-flag service.")
    assert not defines("Switchboard", "Today, Switchboard is available to every team.")  # a state, not a kind
    assert defines("Switchboard", "Platform Engineering today launched Switchboard, a feature-flag service.")


def test_another_faqs_no_is_not_quoted_as_the_answer() -> None:
    """'No.' answers "Does it slow down my service?"; under "Is there an API I can call?" the
    quote is what follows it. Under its own question it stays."""
    asked = asked_of(DOC, ["Is there an API I can call from my own applications?",
                           "Does Switchboard slow down my service?"])
    api = asked["Is there an API I can call from my own applications?"]
    assert api.evidence is not None and api.evidence.text.startswith("Flag checks are answered from memory")
    own = asked["Does Switchboard slow down my service?"]
    assert own.evidence is not None and own.evidence.text.startswith("No. Flag checks")


def test_a_pull_request_that_removes_a_flag_does_not_make_it_open_source() -> None:
    report = questions_offline(load_document(FIXTURES / "questions" / DOC))
    assert not [q for q in report.questions if q.topic == "licensing"]


def test_where_is_not_answered_by_a_sentence_that_says_no_place() -> None:
    """"We will help teams migrate" shares "help" with "Where can I get help and support?" but
    says nowhere to go; "Teams can start at go/switchboard" says where to start."""
    asked = asked_of(DOC, ["Where can I get help and support?", "Where do I start?"])
    assert asked["Where can I get help and support?"].status != "answered"
    start = asked["Where do I start?"]
    assert start.status == "answered" and start.evidence is not None and "go/switchboard" in start.evidence.text


def test_an_intranet_link_makes_the_closing_paragraph_the_call_to_action() -> None:
    closing = ("Switchboard is available today for services written in Java, Go and TypeScript. Python support "
               "follows in July. Teams can start at go/switchboard.")
    assert cue_role(closing) == "call_to_action"
    assert cue_role("We went to the shop and bought a go-kart.") is None


def test_demand_the_document_has_seen_touches_the_evidence_question() -> None:
    """Eleven home-grown flag systems are teams that wanted this badly enough to build their own:
    evidence of demand, however far the words sit from "What evidence do we have ...?"."""
    asked = asked_of(DOC, ["What evidence do we have that customers want Switchboard?"])
    demand = asked["What evidence do we have that customers want Switchboard?"]
    assert demand.status == "partly"
    assert demand.evidence is not None and "home-grown flag systems" in demand.evidence.text


def test_a_faq_question_that_shares_only_the_customers_is_not_the_pair() -> None:
    """"Who is Switchboard for?" says "customers" as the evidence question does, and answers
    whom it serves, not whether they want it: its "Product managers can view flags" is no evidence."""
    asked = asked_of(DOC, ["What evidence do we have that customers want Switchboard?", "Who are the customers?"])
    demand = asked["What evidence do we have that customers want Switchboard?"]
    assert demand.evidence is not None and "Product managers" not in demand.evidence.text
    who = asked["Who are the customers?"]
    assert who.evidence is not None and who.evidence.text.startswith("Any engineer at the company")


def test_an_internal_launch_with_a_running_cost_is_not_commercial() -> None:
    """"About $9,000 a month in compute" is what an internal platform costs to run, not a price:
    the review room does not ask it for a market size in money or a break-even."""
    bank = load_bank()
    kinds = document_kinds(load_document(FIXTURES / "questions" / DOC), bank)
    assert {"internal", "noncommercial"} <= kinds and "commercial" not in kinds
    priced = "# Tally\n\nTally counts the shelf for corner shops. It costs $12 a month."
    assert "commercial" in document_kinds(parse_document(priced, path="tally.md"), bank)
    report = questions_offline(load_document(FIXTURES / "questions" / DOC))
    assert not [q for q in report.questions if q.topic in {"pnl", "market_size"}]
