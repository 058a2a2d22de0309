"""A consumer device's release (tests/fixtures/questions/warmly.md) whose FAQ puts each bold
question and its answer on one line, asked a household's own questions: "Where can I buy it?" is
where it is sold (the call to action), not build-or-buy."""

from __future__ import annotations

from fixture_readers import asked_of

from assistant.questions.text import concepts

DOC = "warmly.md"
ASKED = ["Will it work with a combi boiler?", "How long will the battery last?", "Does it work without internet?",
         "Can I get my money back?", "Do I need a plumber?", "Where can I buy it?"]


def test_where_to_buy_is_answered_by_where_it_is_sold() -> None:
    buy = asked_of(DOC, ASKED)["Where can I buy it?"]
    assert buy.status == "answered" and buy.audience == "external"
    assert buy.evidence is not None and "warmly.co.uk and in 120 Screwfix stores" in buy.evidence.text
    assert "availability" in concepts("Where can I buy it?") and "buy" in concepts("Why build rather than buy?")


def test_a_households_questions_are_answered_from_the_inline_faq() -> None:
    asked = asked_of(DOC, ASKED)
    expected = {"Will it work with a combi boiler?": "Warmly works with any boiler",
                "How long will the battery last?": "Two AA batteries last about two years.",
                "Does it work without internet?": "Without Wi-Fi, each valve keeps learning",
                "Can I get my money back?": "within 60 days for a full refund",
                "Do I need a plumber?": "with no plumber"}
    for question, words in expected.items():
        found = asked[question]
        assert found.status == "answered" and found.evidence is not None and words in found.evidence.text, found
