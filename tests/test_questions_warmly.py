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


def _generated():
    from fixture_readers import FIXTURES

    from assistant.documents import load_document
    from assistant.questions.offline import questions_offline

    return {q.question: q for q in questions_offline(load_document(FIXTURES / "questions" / DOC), top=60).questions}


def test_how_much_will_i_save_is_the_measured_benefit() -> None:
    better = _generated()["How much better is Warmly than what I do today, in numbers?"]
    assert better.status == "answered" and better.evidence is not None
    assert "households used 14% less gas on average" in better.evidence.text


def test_what_it_spares_the_customer_is_no_limit() -> None:
    question = "What does Warmly not do yet?"
    limits = asked_of(DOC, [question])[question]
    assert limits.evidence is None or "does not need to" not in limits.evidence.text


def test_a_trial_and_a_tester_are_demand_seen() -> None:
    question = "What evidence do we have that customers want Warmly?"
    demand = asked_of(DOC, [question])[question]
    assert demand.status == "partly" and demand.evidence is not None
    assert "tested Warmly" in demand.evidence.text or "In our trial of 48 homes" in demand.evidence.text


def test_a_merged_question_keeps_the_better_verdict_of_the_two() -> None:
    """"What evidence do we have that customers want it?" is merged into "Is the quoted customer a
    real person who would pay?": what the document says to one answers both, so the kept question
    is not left ❌ while the tester's words touch it."""
    merged = [q for q in _generated().values() if "What evidence do we have that customers want Warmly?"
              in q.also_asked_as]
    assert merged and all(q.status != "unanswered" and q.evidence is not None for q in merged)
