"""The paragraph ranker: which paragraph answers a question the document's FAQ does not ask.

Each answer-shape rule has should-match and should-not-match fixtures; then the ranker is seen as
a user sees it, through `prfaq questions --ask`, on a document without FAQ question lines (the
answers stand as plain paragraphs), and its weights file fails with one clear line when broken.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import parse_document
from assistant.errors import ConfigError
from assistant.questions.offline import ask_offline
from assistant.questions.ranker import (
    FEATURES,
    asks_metric,
    asks_who,
    asks_why,
    gives_reason,
    gives_target,
    load_weights,
    names_group_first,
    sets_targets,
)


@pytest.mark.parametrize("text", [
    "Because the two hosts every user targets are reached over HTTPS.",
    "**Because** a queue would hide the failure.",
    "So that a reviewer can read the diff.",
    "Three reasons: cost, speed and trust.",
])
def test_an_answer_that_opens_with_its_reason_is_seen(text):
    assert gives_reason(text)


@pytest.mark.parametrize("text", [
    "The cache is rebuilt because the schema changed.",  # a reason inside, not the answer's opening
    "Since 2019 the team has shipped monthly.",  # "since" of time, not of reason
    "Reasons vary by customer.",
])
def test_an_answer_that_does_not_open_with_a_reason_is_not(text):
    assert not gives_reason(text)


@pytest.mark.parametrize("text", [
    "Within 90 days, 100% of top items have owners.",
    "Participant satisfaction >= 4.5/5.",
    "Latency ≤ 200 ms at p99.",
    "Searches run 3x faster than grep.",
])
def test_measurable_targets_are_seen(text):
    assert gives_target(text)


@pytest.mark.parametrize("text", [
    "Launch focuses on a great standalone experience.",
    "Version 2 adds Slack summaries.",
    "We will measure it carefully.",
])
def test_prose_without_a_target_is_not_a_target(text):
    assert not gives_target(text)


@pytest.mark.parametrize("text", [
    "Operators who want a personal fediverse presence.",
    "Small teams that run their own retros.",
    "Developers and CS students who want to understand kernels.",
])
def test_an_answer_that_opens_with_a_group_of_people_is_seen(text):
    assert names_group_first(text)


@pytest.mark.parametrize("text", [
    "The server supports multiple personas under one domain.",
    "It is for anything with a queue.",  # no group named first
    "Users' data never leaves the machine.",  # possessive: the data, not the people
])
def test_an_answer_that_does_not_open_with_a_group_is_not(text):
    assert not names_group_first(text)


def test_question_shapes():
    assert asks_why("Why Rust?") and not asks_why("What is the reason for Rust?")
    assert asks_metric("What are the success metrics?") and asks_metric("What's my definition of done?")
    assert not asks_metric("How do I install it?")
    assert asks_who("Who is this for?") and not asks_who("What does it cost?")


# A PR/FAQ whose FAQ has lost its question lines: each answer is a plain paragraph, and only its
# meaning and shape say which question it answers. The distractors share the questions' words.
STRIPPED = """# Ledgerly turns receipts into books

## Small shops close their books in an hour, not a weekend

AUSTIN, TX, May 4, 2027. Today Ledgerly launches, an app that reads receipts and keeps the books.

## FAQ

Ledgerly reads a receipt photo and files the amount, the date and the shop under the right account.

Ledgerly shows each owner a success screen with the metrics of their month: sales, costs and taxes.

Within 60 days, 80% of pilot shops close their month in under an hour; fewer than 2% of receipts
need a manual fix; owner satisfaction stays at or above 4.5/5.

The receipt model runs on the phone. The cloud stores only the ledger.

Because owners photograph receipts at the till, where a laptop never is, and the phone is
already in their hand.

Ledgerly chose the phone for its camera, and the phone app stores a copy of each receipt.
"""


@pytest.mark.parametrize("text", [
    "Within 90 days, 100% of top-N items have owners and ETAs logged; ≥80% of ETAs met.",
    "At least 60% of sessions end on time, and satisfaction stays above 4/5.",
    "Our goal: 30% of trial teams convert, 10% within a week.",
])
def test_a_sentence_that_sets_targets_is_seen(text):
    assert sets_targets(text)


@pytest.mark.parametrize("text", [
    "Pilot shops closed their books 40% faster and at 3x less cost.",  # results, not targets
    "Within 90 days we will review the launch.",  # a bound but one figure
    "We will measure success carefully.",
])
def test_results_or_one_figure_do_not_set_targets(text):
    assert not sets_targets(text)


def test_a_metrics_question_is_answered_by_the_sentence_that_sets_targets():
    """It shares no word with "What are the success metrics?" and sits far from it in meaning,
    yet a list of bounded targets is that question's answer (the FAQ's question lines removed, as
    when a team asks its own list of a draft whose FAQ words it differently)."""
    doc = parse_document(STRIPPED.replace(
        "Ledgerly shows each owner a success screen with the metrics of their month: sales, costs and taxes.",
        "Ledgerly shows each owner a summary of their month: sales, costs and taxes."), path="ledgerly.md")
    report = ask_offline(doc, ["What are the success metrics?"])
    found = report.questions[0]
    assert found.status == "answered", found.status_reason
    assert found.evidence is not None and found.evidence.text.startswith("Within 60 days, 80% of pilot shops")
    assert doc.text[found.evidence.start:found.evidence.end] == found.evidence.text


def test_the_ranker_puts_the_paragraph_with_targets_first_for_a_metrics_question():
    """The distractor says "success" and "metrics"; the answer says "80%" and "4.5/5"."""
    from assistant.questions.meaning import Reading, mask

    doc = parse_document(STRIPPED, path="ledgerly.md")
    reading = Reading(doc, "Ledgerly")
    question = "What are the success metrics?"
    masked = mask(question, "Ledgerly")
    scores = reading.paragraph_scores(question, masked, reading.vector(masked))
    best = max(range(len(scores)), key=scores.__getitem__)
    assert reading.paragraphs[best].startswith("Within 60 days, 80% of pilot shops")


def test_the_paragraph_that_opens_with_because_answers_a_why_question():
    doc = parse_document(STRIPPED, path="ledgerly.md")
    (judged,) = ask_offline(doc, ["Why a phone app instead of a web app?"]).questions
    assert judged.status != "unanswered", judged.status_reason
    assert judged.evidence is not None and judged.evidence.text.startswith("Because owners photograph")


def test_every_feature_has_a_weight_in_the_shipped_file():
    weights = load_weights()
    assert len(weights) == len(FEATURES)
    assert weights[FEATURES.index("cosine")] == pytest.approx(1.0)


def test_a_broken_weights_file_is_one_clear_error(tmp_path: Path):
    broken = tmp_path / "ranker.yaml"
    broken.write_text("weights:\n  cosine: 1.0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no weight for bm25.*fit_paragraph_ranker"):
        load_weights(broken)
    broken.write_text("weights: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot read the paragraph ranker"):
        load_weights(broken)


SUMMARY_AND_ANSWERS = """# Ledgerly files the books for corner shops

Ledgerly files receipts, reconciles the bank feed, prepares the VAT return and shows the month's
numbers, all from one phone app.

## FAQ

Each night Ledgerly matches every bank transaction to a filed receipt by amount and date, and lists
the ones it could not match for the owner to confirm in the morning.

The VAT return is drafted on the last day of the quarter from the filed receipts; the owner's
accountant reviews it and submits it with one tap.

The home screen shows sales, costs and the tax owed so far this month, against last month.

Receipts are photographed at the till; the amount, date and shop are read on the phone.
"""
ASKED_TOGETHER = ["How is the bank feed reconciled?", "Who submits the VAT return?",
                  "What numbers does the app show?", "How are receipts captured?"]


def test_a_summary_that_mentions_everything_does_not_answer_each_question_asked_together():
    """The summary line names the bank feed; the paragraph that says how it is reconciled answers.
    Asked alone, the summary wins on words; asked with the team's other questions, the summary is
    close to all of them and the specific paragraph is chosen (`Reading.calibrate`)."""
    doc = parse_document(SUMMARY_AND_ANSWERS, path="ledgerly.md")
    (alone,) = ask_offline(doc, ASKED_TOGETHER[:1]).questions
    assert alone.evidence is not None and alone.evidence.text.startswith("Ledgerly files receipts")
    together = ask_offline(doc, ASKED_TOGETHER).questions
    assert [q.question for q in together] == ASKED_TOGETHER
    reconciled = together[0]
    assert reconciled.status != "unanswered"
    assert reconciled.evidence is not None and reconciled.evidence.text.startswith("Each night Ledgerly matches")


def test_calibrating_on_one_question_changes_no_score():
    from assistant.questions.meaning import Reading, mask

    doc = parse_document(SUMMARY_AND_ANSWERS, path="ledgerly.md")
    reading = Reading(doc, "Ledgerly")
    question = ASKED_TOGETHER[0]
    masked = mask(question, "Ledgerly")
    before = reading.paragraph_scores(question, masked, reading.vector(masked))
    reading.calibrate([question])
    assert reading.paragraph_scores(question, masked, reading.vector(masked)) == before
    assert reading.sentence_hubness is None
