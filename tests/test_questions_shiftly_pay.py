"""A payroll feature's PR/FAQ (tests/fixtures/questions/shiftly-pay.md): its name says "Pay", its
readers talk of pay they earn, its FAQ parts are plain lines ("Customer FAQ", "Stakeholder FAQ")
under bold headings. Read as a reviewer reads it."""

from __future__ import annotations

import pytest
from fixture_readers import FIXTURES

from assistant.documents import load_document
from assistant.questions.models import Question
from assistant.questions.offline import questions_offline
from assistant.questions.text import concepts

DOC = "shiftly-pay.md"


@pytest.fixture(scope="module")
def shown() -> dict[str, Question]:
    report = questions_offline(load_document(FIXTURES / "questions" / DOC))
    return {q.question: q for q in report.questions}


def test_a_plain_stakeholder_faq_line_opens_the_internal_faq() -> None:
    doc = load_document(FIXTURES / "questions" / DOC)
    assert [item.audience for item in doc.faq] == ["external"] * 4 + ["internal"] * 4
    assert doc.faq[3].answer is not None and doc.faq[3].answer.text == "No. Shiftly Pay is for hourly pay only."


def test_a_product_called_pay_is_asked_what_it_is_not_its_price(shown: dict[str, Question]) -> None:
    what = shown["What exactly is Shiftly Pay?"]
    assert what.status == "answered" and what.evidence is not None
    assert "a feature of the Shiftly rota app" in what.evidence.text


def test_the_price_is_the_plan_not_what_it_costs_us_nor_a_pay_estimate(shown: dict[str, Question]) -> None:
    price = shown["How much does Shiftly Pay cost?"]
    assert price.evidence is not None
    assert price.evidence.text.startswith("Shiftly Pay is included in the Shiftly Pro plan")


def test_an_faq_title_is_never_evidence_and_the_sub_heading_says_who(shown: dict[str, Question]) -> None:
    assert not [q for q in shown.values() if q.evidence is not None and "Customer FAQ" in q.evidence.text]
    who = shown["Who is Shiftly Pay for?"]
    assert who.evidence is not None and "Restaurant and retail workers" in who.evidence.text


def test_what_is_left_out_is_the_answers_first_sentence(shown: dict[str, Question]) -> None:
    scope = shown["What is explicitly out of scope?"]
    assert scope.evidence is not None and scope.evidence.text == "Paying workers early (earned wage access)."


def test_workers_are_people_not_whether_it_works() -> None:
    assert "work" not in concepts("Other workers do not.")
    assert "work" in concepts("Does it work with my existing setup?")
    assert "wage" in concepts("Is the amount I see what I will be paid?")
    assert "price" in concepts("Do I pay monthly?")
