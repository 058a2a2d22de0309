"""`prfaq questions` on the offline engine: selection, answered-ness with verified quotes, ranking, dedup."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import parse_document
from assistant.documents.models import Document
from assistant.questions.bank import load_bank
from assistant.questions.dedup import merge_duplicates
from assistant.questions.models import QuestionReport
from assistant.questions.offline import questions_offline

FIXTURES = Path(__file__).parent / "fixtures" / "questions"
PRICE_ANSWER = "Shelfwise costs $29 per month per shop, with the first month free. There is no contract."
PRICE_PAIR = "**Q: How much does Shelfwise cost?**\n\nA: " + PRICE_ANSWER + "\n\n"


def shelfwise(text: str | None = None) -> Document:
    source = (FIXTURES / "shelfwise.md").read_text(encoding="utf-8")
    return parse_document(source if text is None else text, path="shelfwise.md")


def run(doc: Document, **kwargs: object) -> QuestionReport:
    return questions_offline(doc, **kwargs)  # type: ignore[arg-type]


def test_fixture_is_read_with_its_faq():
    doc = shelfwise()
    assert doc.external_faq[0].question.text == "How much does Shelfwise cost?"
    assert [item.question.text for item in doc.internal_faq][0] == "What are the biggest risks?"
    assert PRICE_PAIR in doc.text


def test_price_question_answered_by_the_faq_with_the_right_quote():
    doc = shelfwise()
    price = run(doc).by_id("price.cost")
    assert price is not None
    assert price.status == "answered"
    assert price.evidence is not None
    assert price.evidence.text == "Shelfwise costs $29 per month per shop, with the first month free."
    assert doc.text[price.evidence.start : price.evidence.end] == price.evidence.text
    assert price.evidence.line == doc.line_col(price.evidence.start)[0]


def test_emptying_the_price_answer_turns_it_unanswered():
    doc = shelfwise(shelfwise().text.replace(PRICE_ANSWER, "TBD"))
    price = run(doc).by_id("price.cost")
    assert price is not None
    assert price.status == "unanswered"
    assert price.evidence is None
    assert "placeholder" in price.status_reason


def test_removing_the_price_pair_turns_it_unanswered():
    doc = shelfwise(shelfwise().text.replace(PRICE_PAIR, ""))
    assert "$29" not in doc.text
    price = run(doc).by_id("price.cost")
    assert price is not None
    assert (price.status, price.evidence) == ("unanswered", None)


def test_a_price_stated_only_in_the_press_release_still_answers_it():
    text = shelfwise().text.replace(PRICE_PAIR, "").replace(
        "Shelfwise is available today in the United States at shelfwise.example.",
        "Shelfwise is available today in the United States for $19 per month.")
    doc = shelfwise(text)
    price = run(doc).by_id("price.cost")
    assert price is not None and price.status == "answered"
    assert price.evidence is not None and "$19 per month" in price.evidence.text


def test_risk_is_minimal_is_only_partly_an_answer():
    risks = run(shelfwise()).by_id("risks.plan")
    assert risks is not None
    assert risks.status == "partly"
    assert risks.evidence is not None and "risk is minimal" in risks.evidence.text
    assert "waves the risk away" in risks.status_reason


def test_a_real_risk_answer_counts_as_answered():
    honest = ("If till exports change format, orders go wrong; we will monitor parse failures daily and fall back "
              "to the previous week's list.")
    doc = shelfwise(shelfwise().text.replace("The risk is minimal because owners already want this.", honest))
    risks = run(doc).by_id("risks.plan")
    assert risks is not None and risks.status == "answered"


def test_every_quote_is_verbatim_in_the_document():
    doc = shelfwise()
    report = run(doc)
    quoted = [q for q in report.questions if q.evidence is not None]
    assert len(quoted) >= 5
    for question in quoted:
        assert question.evidence is not None
        assert doc.text[question.evidence.start : question.evidence.end] == question.evidence.text
        assert doc.find(question.evidence.text) is not None
    for question in report.questions:
        if question.why_span is not None:
            assert doc.text[question.why_span.start : question.why_span.end] == question.why_span.text


def test_internal_faq_answer_goes_to_the_internal_question():
    report = run(shelfwise())
    scope = report.by_id("not_doing.explicit")
    assert scope is not None and scope.status == "answered"
    assert scope.evidence is not None and "will not place orders automatically" in scope.evidence.text


def test_why_points_at_the_words_that_raise_it():
    report = run(shelfwise())
    raised = [q for q in report.questions if q.why_span is not None]
    assert raised
    for question in raised:
        assert question.why_span is not None and f"line {question.why_span.line}" in question.why


def test_notes_are_mostly_unanswered():
    notes = parse_document((FIXTURES / "notes.md").read_text(encoding="utf-8"), path="notes.md")
    report = run(notes)
    assert report.counts.total >= 20
    # Notes touch a few subjects ("maybe charge per shop? not sure"): those are partly, not answered.
    assert report.counts.unanswered / report.counts.total >= 0.85
    assert any("No FAQ" in note for note in report.notes)


def test_external_questions_come_first_then_internal():
    report = run(shelfwise())
    audiences = [q.audience for q in report.questions]
    assert audiences == sorted(audiences)  # "external" < "internal"
    assert audiences[0] == "external" and audiences[-1] == "internal"


@pytest.mark.parametrize("audience", ["external", "internal"])
def test_ranking_puts_unanswered_threatening_questions_first(audience):
    bank = load_bank()
    group = run(shelfwise()).of(audience)  # type: ignore[arg-type]
    statuses = [q.status for q in group]
    # Within a group, nothing answered is ranked above something unanswered.
    first_answered = statuses.index("answered") if "answered" in statuses else len(statuses)
    assert "unanswered" not in statuses[first_answered:]
    assert [q.score for q in group] == sorted((q.score for q in group), reverse=True)
    top = group[0]
    assert top.status == "unanswered"
    weights = sorted(bank.weight(q.topic) for q in group)
    assert bank.weight(top.topic) >= weights[len(weights) // 2]


def test_top_splits_between_the_groups_and_audience_filters():
    doc = shelfwise()
    six = run(doc, top=6)
    assert [q.audience for q in six.questions] == ["external"] * 3 + ["internal"] * 3
    assert six.counts.total == 6
    internal = run(doc, audience="internal")
    assert internal.questions and all(q.audience == "internal" for q in internal.questions)


TOOL = """# Tallyho — PR/FAQ

## Tallyho counts a small team's open pull requests from the terminal

Tallyho is a command-line tool that lists every open pull request a team is waiting on, oldest
first, so nobody's review sits for a week. {kind}

Install it with one command, point it at a repository, and run `tallyho` each morning. It reads
the repository's pull requests and prints who is waiting on whom.

"We stopped losing reviews," said Priya Shah, who leads a team of six engineers.
"""


@pytest.mark.parametrize("kind, external", [
    # An open-source tool, free and with no sponsor: users' questions take two slots of three.
    ("Tallyho is open source under the MIT licence; contributions are welcome on GitHub.", 6),
    # A paid product, an internal tool, and an open-source core sold as a subscription: half and half.
    ("Tallyho costs $5 per user per month, with a paid plan for larger teams.", 5),
    ("Tallyho is an internal tool for our team, built as a hackathon project.", 5),
    ("Tallyho is open source under the MIT licence, with a paid plan for hosted dashboards.", 5),
])
def test_the_top_list_gives_an_open_source_tool_more_of_its_users_questions(kind: str, external: int):
    # The threat order (what `prfaq questions` shows for a document with an FAQ); the "asked" order
    # has no quota: the kind weighs its revenue questions instead (the next test).
    doc = parse_document(TOOL.format(kind=kind), path="tallyho.md")
    shown = run(doc, top=9, order="threat").questions
    assert len(shown) == 9
    assert [q.audience for q in shown] == ["external"] * external + ["internal"] * (9 - external)


@pytest.mark.parametrize("kind, asks_price", [
    ("Tallyho is open source under the MIT licence; contributions are welcome on GitHub.", False),
    ("Tallyho is an internal tool for our team, built as a hackathon project.", False),
    ("Tallyho costs $5 per user per month, with a paid plan for larger teams.", True),
])
def test_a_release_alone_gets_revenue_questions_by_its_kind(kind: str, asks_price: bool):
    from assistant.questions.rank import REVENUE_TOPICS

    doc = parse_document(TOOL.format(kind=kind), path="tallyho.md")  # no FAQ: the asked order
    shown = run(doc, top=9).questions
    assert any(q.topic in REVENUE_TOPICS for q in shown) is asks_price, [q.question for q in shown]


def test_two_phrasings_of_the_same_question_become_one():
    merged: list[tuple[str, str]] = []
    kept = merge_duplicates(
        ["How much does Shelfwise cost?", "What is the price of Shelfwise?", "Who is Shelfwise for?",
         "If Shelfwise is free, what is the catch?"],
        lambda q: q, aliases=["Shelfwise"], on_merge=lambda a, b: merged.append((a, b)))
    assert kept == ["How much does Shelfwise cost?", "Who is Shelfwise for?",
                    "If Shelfwise is free, what is the catch?"]
    assert merged == [("How much does Shelfwise cost?", "What is the price of Shelfwise?")]


def test_duplicate_faq_phrasing_is_reported_once():
    report = run(shelfwise())
    ids = [q.id for q in report.questions]
    assert len(ids) == len(set(ids))
    texts = [q.question.lower() for q in report.questions]
    assert len(texts) == len(set(texts))


def test_bank_is_curated_and_tagged():
    bank = load_bank()
    assert len(bank.questions) >= 80
    audiences = {q.audience for q in bank.questions}
    assert audiences == {"external", "internal"}
    required = {"customer", "problem", "price", "getting_started", "availability", "privacy", "support",
                "switching_cost", "competition", "market_size", "evidence_of_demand", "unit_economics", "pnl",
                "investment", "dependencies", "hardest_problem", "scale", "one_way_doors", "risks",
                "failure_reasons", "why_now", "build_vs_buy", "competitors_response", "not_doing", "legal",
                "metrics", "stop_threshold"}
    assert required <= {q.topic for q in bank.questions}
    for question in bank.questions:
        assert question.answer_cues, question.id
        assert question.core or question.cues or question.for_each, question.id


# -- the product's own name --------------------------------------------------------------------
PROJECT_RELEASE = """# Quill turns a folder of notes into a searchable wiki

Quill is a command-line tool for writers who keep their notes in plain text files. Today they
grep through hundreds of files and still lose the note they need. With Quill, `quill build notes/`
writes a static wiki with full-text search in seconds, and `quill serve` opens it in the browser.
"I found a year-old interview note in ten seconds," said Dana Reyes, a freelance journalist.
"""


def test_a_cue_word_that_is_the_product_name_raises_nothing():
    # "stitch" is a cue of the switching-cost question (stitching tools together), and so is "script";
    # one cue word does not raise a question, and the product's name is not a second one.
    text = PROJECT_RELEASE.replace("Quill", "Stitch").replace("quill", "stitch") + "It replaces a shell script.\n"
    report = run(parse_document(text, path="stitch.md"))
    assert report.product == "Stitch"
    assert report.by_id("switching_cost.why_not_keep") is None


def test_the_document_is_said_to_ask_a_question_only_when_one_of_its_faq_questions_asks_it():
    doc = parse_document(
        "# Kfab: a local ML platform in one command\n\nKfab installs a model server on your laptop in ten "
        "minutes. Engineers told us a cloud deploy takes a day per change.\n\n## FAQ\n\n"
        "**Q: How long does deployment take?**\nA: About ten minutes on a laptop with 16 GB of memory.\n\n"
        "**Q: How does a team owner access Kfab?**\nA: Through the command line, with `kfab up`.\n",
        path="kfab.md")
    report = questions_offline(doc, top=200)
    claims = {q.question: q.why for q in report.questions if q.why.startswith("The document's own FAQ asks it")}
    assert not any("billed" in question or "cancel" in question for question in claims), claims
    assert not any("maintains" in question for question in claims), claims
