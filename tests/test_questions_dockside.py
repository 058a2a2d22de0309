"""A marina-booking PR/FAQ (tests/fixtures/questions/dockside.md, written for these tests) read
the way a reviewer reads it: the word "free" in "mark slips free" is not a price, "Boaters pay
nothing; marinas pay 8% of each booking" is one, the summary's "lets boaters book a slip" says
whom it is for though no word list knows "boaters", and a customer's no-show is not what happens
when the product gets it wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import load_document
from assistant.questions.answertype import satisfies
from assistant.questions.models import Question
from assistant.questions.offline import ask_offline

DOCKSIDE = Path(__file__).parent / "fixtures" / "questions" / "dockside.md"


@pytest.fixture(scope="module")
def asked() -> dict[str, Question]:
    questions = ["How much does Dockside cost?", "Who is Dockside for?", "What happens when Dockside gets it wrong?",
                 "What does Dockside not do yet?"]
    report = ask_offline(load_document(DOCKSIDE), questions)
    return {q.question: q for q in report.questions}


def test_the_cost_faq_answers_the_price_question_with_its_own_answer(asked):
    judged = asked["How much does Dockside cost?"]
    assert judged.status == "answered", judged.status_reason
    assert judged.evidence is not None and judged.evidence.text == "Boaters pay nothing."


@pytest.mark.parametrize("text", ["Boaters pay nothing.", "Marinas pay 8% of each booking.",
                                  "We charge 3% per transaction.", "Dockside is free for boaters."])
def test_prices_of_a_marketplace_are_prices(text):
    assert satisfies("price", text)


@pytest.mark.parametrize("text", ["Harbormasters may forget to mark slips free.",
                                  "It frees up time and gives nurses free weekends."])
def test_free_as_in_available_is_no_price(text):
    assert not satisfies("price", text)


def test_the_summary_says_whom_it_serves_in_its_own_words(asked):
    judged = asked["Who is Dockside for?"]
    assert judged.status == "answered", judged.status_reason
    assert judged.evidence is not None and "lets boaters book" in judged.evidence.text


@pytest.mark.parametrize(("text", "who"), [("an app that lets boaters book a slip", True),
                                           ("It helps harbormasters fill empty slips", True),
                                           ("for landlords who rent out one flat", True),
                                           ("It lets files sync between laptops", False),
                                           ("It saves hours to spend elsewhere", False)])
def test_a_group_is_named_by_the_frame_a_press_release_uses(text, who):
    assert satisfies("who", text) is who


def test_a_customers_no_show_is_not_the_product_getting_it_wrong(asked):
    judged = asked["What happens when Dockside gets it wrong?"]
    assert judged.evidence is None or "deposit" not in judged.evidence.text, judged.status_reason


def test_someone_elses_does_not_is_no_limit_of_the_product(asked):
    judged = asked["What does Dockside not do yet?"]
    assert judged.evidence is None or "deposit" not in judged.evidence.text, judged.status_reason


def test_what_the_problem_costs_is_not_the_products_price():
    report = ask_offline(load_document(DOCKSIDE), ["How much does the problem cost boaters today?"])
    judged = report.questions[0]
    # The problem paragraph says "a lot of time" and "between 9 and 5": the problem, not what it costs.
    assert judged.status == "partly", judged.status_reason
    assert judged.evidence is not None and "pay" not in judged.evidence.text
    assert judged.evidence.line == 5


def test_the_release_contrast_with_today_half_answers_how_it_is_different():
    report = ask_offline(load_document(DOCKSIDE), ["How is Dockside different from the alternatives?"])
    judged = report.questions[0]
    assert judged.status == "partly", judged.status_reason
    assert judged.evidence is not None and "instead of calling each harbormaster" in judged.evidence.text
