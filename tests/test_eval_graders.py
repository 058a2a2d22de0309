"""Each grader on its own: what it counts, and that it can fail."""

from __future__ import annotations

from assistant.documents import parse_document
from assistant.evaluation.graders import (
    JudgePairOutcome,
    RecallOutcome,
    TaskOutput,
    grade_case,
    grade_grounding,
    grade_judge_agreement,
    grade_judge_consistency,
    grade_pair_order,
    grade_recall_lift,
    grade_rubric,
    grounding_problems,
)
from assistant.evaluation.models import Case, SuiteSpec

NOTES = parse_document(
    "Owners walk every aisle for about 90 minutes a day. Price: $49 per store per month.\n"
    '"I hate Sunday nights. That is when I count cans." said an owner in Tacoma.\n')
CASE = Case(id="c", text="notes")
DRAFT_SUITE = SuiteSpec(name="draft", task="draft", datasets=[], graders=["grounding", "rubric"])


def test_grounding_flags_a_number_and_a_quote_that_are_not_in_the_notes():
    draft = ('Shelfie costs $49 a month and cuts the walk from 90 minutes to 5. '
             '"It changed my life completely, honestly," said Dana.')
    checked, invented = grounding_problems(draft, NOTES)
    assert checked == 4  # 49, 90, 5 and the quote
    assert invented == ["number 5", "quote 'It changed my life completely, honestly'"]
    result = grade_grounding(CASE, TaskOutput(text=draft, notes=NOTES), DRAFT_SUITE)
    assert result.value == 0.5 and result.passed is False


def test_grounding_ignores_placeholders_list_numbers_and_the_gaps_section():
    draft = ("It costs $49 per store per month, [TBD: 3 tiers?].\n\n1. Sign in.\n2. Take a photo.\n\n"
             '"I hate Sunday nights. That is when I count cans."\n\n## Gaps to fill\n\n1. `[TBD: city]`: 12 stores?\n')
    checked, invented = grounding_problems(draft, NOTES)
    assert (checked, invented) == (2, [])


def test_a_converted_number_counts_only_with_evidence_from_the_notes():
    draft = "Owners spend 1.5 hours a day walking the aisles."
    assert grounding_problems(draft, NOTES)[1] == ["number 1.5"]
    assert grounding_problems(draft, NOTES, verified=["1.5 hours"])[1] == []


def test_rubric_counts_elements_present_or_marked_as_gaps():
    from assistant.clarity import score_document

    doc = parse_document("# Shelfie counts your shelves\n\nOwners photograph each aisle.\n")
    report = score_document(doc)
    missing = set(report.rubric.missing)
    bare = grade_rubric(CASE, TaskOutput(score=report), DRAFT_SUITE)
    marked = grade_rubric(CASE, TaskOutput(score=report, gap_elements=sorted(missing)), DRAFT_SUITE)
    assert bare.value is not None and bare.value < 1.0 and bare.passed is False
    assert marked.value == 1.0 and marked.passed is True
    assert "marked as gaps" in marked.detail


def test_pair_order_calls_a_tie_wrong():
    suite = SuiteSpec(name="p", task="clarity_pairs", datasets=[], graders=["pair_order"])
    assert grade_pair_order(CASE, TaskOutput(pair_scores=(90.0, 80.0)), suite).value == 1.0
    assert grade_pair_order(CASE, TaskOutput(pair_scores=(80.0, 80.0)), suite).value == 0.0


def test_judge_agreement_and_consistency_read_both_orders():
    suite = SuiteSpec(name="j", task="judge_pairs", datasets=[], graders=["judge_agreement"])
    fair = TaskOutput(judge_pair=JudgePairOutcome(first_pick="better", swapped_pick="better",
                                                  better_score=95, worse_score=80))
    biased = TaskOutput(judge_pair=JudgePairOutcome(first_pick="better", swapped_pick="worse",
                                                    better_score=95, worse_score=80))
    assert grade_judge_agreement(CASE, fair, suite).value == 1.0
    assert grade_judge_agreement(CASE, biased, suite).value == 0.5
    assert grade_judge_consistency(CASE, fair, suite).value == 1.0
    assert grade_judge_consistency(CASE, biased, suite).value == 0.0
    # The deterministic score ranked the "worse" text higher: agreeing with the score means picking it.
    flipped = TaskOutput(judge_pair=JudgePairOutcome(first_pick="worse", swapped_pick="worse",
                                                     better_score=70, worse_score=80))
    assert grade_judge_agreement(CASE, flipped, suite).value == 1.0


def test_recall_lift_is_negative_when_the_generic_list_does_better():
    suite = SuiteSpec(name="q", task="questions", datasets=[], graders=["recall_lift"])
    outcome = RecallOutcome(k=10, author_questions=10, tool_hits=2, baseline_hits=4)
    result = grade_recall_lift(CASE, TaskOutput(recall=outcome), suite)
    assert result.value == -0.2 and result.passed is False


def test_a_grader_for_another_task_is_skipped_with_a_reason():
    suite = SuiteSpec(name="p", task="clarity_pairs", datasets=[], graders=["pair_order", "grounding"])
    results = grade_case(CASE, TaskOutput(pair_scores=(2.0, 1.0)), suite)
    assert results[1].skipped and "does not apply" in results[1].detail
