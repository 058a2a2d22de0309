"""A consumer hardware release with a numbered FAQ (tests/fixtures/questions/brewpoint.md: a
kettle base that reorders milk), asked a team's own words for its questions."""

from __future__ import annotations

from fixture_readers import asked_of

from assistant.questions.models import Question

DOC = "brewpoint.md"
ASKED = ["Which shops can it order from?", "Who is it for?", "When can I buy it?", "Who sees what we order?",
         "Is our order history private?"]


def _asked() -> dict[str, Question]:
    return asked_of(DOC, ASKED)


def test_shops_are_the_suppliers_it_works_with() -> None:
    shops = _asked()["Which shops can it order from?"]
    assert shops.status == "answered" and shops.evidence is not None
    assert shops.evidence.text == "At launch: Ocado, Tesco and Bunzl."


def test_who_it_is_for_is_not_who_sees_the_orders() -> None:
    asked = _asked()
    who = asked["Who is it for?"]
    assert who.evidence is not None and "Only the office managers on your account" not in who.evidence.text
    sees = asked["Who sees what we order?"]
    assert sees.evidence is not None and sees.evidence.text.startswith("Only the office managers on your account")


def test_when_to_buy_it_is_not_a_what_if_about_buying_milk() -> None:
    when = _asked()["When can I buy it?"]
    assert when.status == "answered" and when.evidence is not None
    assert "on sale today" in when.evidence.text
