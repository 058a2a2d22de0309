"""Four more PR/FAQs of kinds the rules had not seen (tests/fixtures/questions/): a VAT return
tool for UK bookkeeping practices (ledgerlight.md, "###" FAQ headings, external and internal
FAQs), a payouts API for marketplaces (payrail.md, "Q:"/"A:" lines), a free and open-source
command-line tool (schemadrift.md, "###" questions under one "## FAQ") and a charity's reading
programme (readon.md, bold question lines). Each test asks what a reviewer would ask and checks
what `prfaq questions` shows: the status, and the quote that answers it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import load_bytes, load_document
from assistant.questions.models import Question
from assistant.questions.offline import ask_offline, questions_offline
from assistant.questions.text import concepts

FIXTURES = Path(__file__).parent / "fixtures" / "questions"
LEDGERLIGHT = FIXTURES / "ledgerlight.md"
PAYRAIL = FIXTURES / "payrail.md"
SCHEMADRIFT = FIXTURES / "schemadrift.md"
READON = FIXTURES / "readon.md"


def ask(path: Path, *questions: str) -> dict[str, Question]:
    """`prfaq questions DOC --ask` (offline), by question text."""
    return {q.question: q for q in ask_offline(load_document(path), list(questions)).questions}


def quote(judged: Question) -> str:
    return judged.evidence.text if judged.evidence is not None else ""


@pytest.mark.parametrize("path", [LEDGERLIGHT, PAYRAIL, SCHEMADRIFT])
def test_a_broad_faq_question_does_not_answer_a_narrow_one_it_shares_a_word_with(path):
    """"How does it work?" shares only "work" with "Does it work offline?": its answer (how the
    ledger is imported, how the API is called) says nothing of working without a network."""
    judged = ask(path, "Does it work offline?")["Does it work offline?"]
    assert judged.status == "unanswered", quote(judged)


def test_a_price_question_is_answered_by_the_price_not_by_the_makers_money():
    """"How much does it cost?" is answered by "It costs 25p per payout" (pence are a price), not
    by the market size "at our price" nor by "Which countries can I pay into?" (money sent through
    it, not what it costs); a charity's grant is not what its learners pay."""
    judged = ask(PAYRAIL, "How much does it cost?")["How much does it cost?"]
    assert judged.status == "answered"
    assert quote(judged).startswith("It costs 25p per payout")
    judged = ask(READON, "How much does ReadOn cost?", "How is it paid for?")["How much does ReadOn cost?"]
    assert quote(judged) == "No. Lessons, books and the assessment are free for learners."


def test_unit_economics_and_regulation_are_asked_in_other_words():
    """"What are our unit economics?" answers what it costs us to serve a customer; "Is Payrail
    regulated?" answers which regulations apply."""
    judged = ask(PAYRAIL, "What does it cost us to serve one customer?",
                 "Which regulations apply, and are we compliant?")
    assert quote(judged["What does it cost us to serve one customer?"]).startswith("Each payout costs us 6p")
    assert "authorised by the FCA" in quote(judged["Which regulations apply, and are we compliant?"])


def test_the_readers_daily_terms_are_not_jargon_to_explain():
    """A VAT tool for bookkeepers is not asked "What is HMRC?" nor "What is VAT?": the sub-heading
    says its readers file VAT returns, and the bookkeeper's own quote says HMRC. A payouts API's
    "FX" is a finance team's everyday word."""
    for path in (LEDGERLIGHT, PAYRAIL):
        shown = [q.question for q in questions_offline(load_document(path)).questions if q.topic == "jargon"]
        assert not shown, shown


def test_a_term_only_the_document_uses_is_still_asked_about():
    """The readers' words are read from where they speak (the sub-heading, the customer's quote,
    the problem they have today), not from the solution the document coins."""
    doc = load_document(LEDGERLIGHT).text.replace("checks every transaction against 60 VAT rules",
                                                  "checks every transaction with its VRE engine")
    doc = doc.replace("applies VAT rules to each transaction", "runs the VRE engine on each transaction")
    shown = [q.question for q in questions_offline(load_bytes(doc.encode(), name="x.md")).questions
             if q.topic == "jargon"]
    assert shown == ["What is VRE?"]


def test_a_word_that_names_where_or_what_is_not_the_question_it_shares():
    """"Does it connect to my production database?" is about the database it reads, not about
    being ready for production; "accounting" is a trade, not a login account."""
    judged = ask(SCHEMADRIFT, "Is it ready for production use?",
                 "What uptime do you guarantee, and what happens during an outage?")
    for question, verdict in judged.items():
        assert "production credentials" not in quote(verdict), question
    assert "account" not in concepts("Which accounting software does it connect to?")
    assert "account" in concepts("Do I need an account to sign in?")


@pytest.mark.parametrize("path", [PAYRAIL, FIXTURES / "coldtrace.md", FIXTURES / "waypoint.md"])
def test_a_named_regulation_is_answered_only_where_it_is_named(path):
    """"Is it GDPR compliant?" of a document that never says GDPR: "authorised by the FCA", "CE
    marking" or a consent review touch the subject; they do not answer it."""
    judged = ask(path, "Is it GDPR compliant?", "How much does it cost?")["Is it GDPR compliant?"]
    assert judged.status != "answered", quote(judged)
    assert "does not name GDPR" in judged.status_reason


def test_a_paragraph_that_opens_to_start_is_how_to_get_started():
    """"To start, a practice connects its Xero or QuickBooks practice account ..." is the
    getting-started paragraph, and it is where "How do I get started?" is answered."""
    roles = {p.span.text[:9]: p.role for p in load_document(LEDGERLIGHT).paragraphs}
    assert roles["To start,"] == "getting_started"
    judged = ask(LEDGERLIGHT, "How do I get started?")["How do I get started?"]
    assert judged.status != "unanswered"  # (partly: it says the steps, not where to sign up)
    assert quote(judged).startswith("To start, a practice connects")


def test_what_we_support_is_compatibility_not_help():
    """"the 11 euro-area countries we support at launch" says where it works; it does not say
    where a customer gets help ("we will support you" still does)."""
    assert "help" not in concepts("The UK, the 11 euro-area countries we support at launch")
    assert "help" in concepts("We will support you by phone.")
    judged = ask(PAYRAIL, "Where can I get help and support?")["Where can I get help and support?"]
    assert "countries we support" not in quote(judged)
