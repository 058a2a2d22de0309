"""Four PR/FAQs of kinds the rules had not seen (tests/fixtures/questions/): a per-seat payroll
service for small accountancies (tallyhand.md, "###" FAQ headings), a temperature sensor for
refrigerated trucks sold through distributors (coldtrace.md, bold question lines), a city's
permit service with no price (permitpath.md, "Q:"/"A:" lines, placeholder answers) and a family
subscription for parents of teenagers (waypoint.md, a numbered FAQ). Each test asks what a
reviewer would ask in other words than the document's, and checks what `prfaq questions` shows:
the status, and the quote that answers it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import load_document
from assistant.questions.answertype import only_our_cost
from assistant.questions.meaning import mask
from assistant.questions.models import Question
from assistant.questions.offline import ask_offline
from assistant.questions.select import product_name
from assistant.questions.text import concepts

FIXTURES = Path(__file__).parent / "fixtures" / "questions"
TALLYHAND = FIXTURES / "tallyhand.md"
COLDTRACE = FIXTURES / "coldtrace.md"
PERMITPATH = FIXTURES / "permitpath.md"
WAYPOINT = FIXTURES / "waypoint.md"


def ask(path: Path, *questions: str) -> dict[str, Question]:
    """`prfaq questions DOC --ask` (offline), by question text."""
    return {q.question: q for q in ask_offline(load_document(path), list(questions)).questions}


def quote(judged: Question) -> str:
    return judged.evidence.text if judged.evidence is not None else ""


@pytest.mark.parametrize(("path", "name"), [(TALLYHAND, "Tallyhand Payroll"), (COLDTRACE, "ColdTrace"),
                                            (PERMITPATH, "PermitPath"), (WAYPOINT, "Waypoint")])
def test_the_product_is_what_the_opening_launches_not_the_headlines_first_word(path, name):
    """"Riverton Residents Can Now Apply ..." opens with the city; "today opened PermitPath, an
    online service" names the product."""
    assert product_name(load_document(path)) == name


def test_a_coined_first_word_of_the_name_is_the_product_on_its_own():
    """The FAQ says "How much does Tallyhand cost?" of "Tallyhand Payroll"; an ordinary first word
    ("Tangent" of "Tangent Graph") is not the product alone."""
    assert mask("How much does Tallyhand cost?", "Tallyhand Payroll") == "How much does it cost?"
    assert mask("Is the Tangent line drawn?", "Tangent Graph") == "Is the Tangent line drawn?"


@pytest.mark.parametrize(("question", "ours"), [
    ("What does it cost us to make each sensor?", True), ("How much did PermitPath cost the city?", True),
    ("What will it cost us to acquire a family?", True), ("What is the customer acquisition cost?", True),
    ("What did it cost to build?", True), ("What is the unit cost?", True),
    ("How much does it cost?", False), ("What does it cost to apply?", False),
    ("What does it cost to operate?", False),  # of a tool the customer runs: the customer's bill
    ("Did you consider the cost to customers?", False), ("Is there a free version?", False),
])
def test_what_the_maker_spends_is_not_what_the_customer_pays(question, ours):
    assert only_our_cost(question) is ours
    assert ("price" in concepts(question)) is not ours


def test_a_bill_of_materials_does_not_answer_how_much_it_costs():
    judged = ask(COLDTRACE, "How much does it cost?")["How much does it cost?"]
    assert judged.status == "answered", judged.status_reason
    assert quote(judged).startswith("Each sensor costs €189")


def test_what_the_city_paid_to_build_it_is_no_application_fee():
    """The FAQ says fees are the same online and at the counter, and gives no amount."""
    judged = ask(PERMITPATH, "What does it cost to apply?")["What does it cost to apply?"]
    assert judged.status == "partly", (judged.status_reason, quote(judged))
    assert "$380,000" not in quote(judged)


def test_an_honest_we_do_not_know_answers_the_acquisition_cost_only_partly():
    judged = ask(WAYPOINT, "What is the customer acquisition cost?")["What is the customer acquisition cost?"]
    assert judged.status == "partly" and quote(judged) == "We don't know yet."
