"""The offline reviser on whole documents: the opt-in rules that add open items (FAQ entries,
rubric placeholders), what it never changes (figures, names, quotes), idempotence, what it only
reports (passive voice), the before/after report, and --from-review."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest
from conftest import FIXTURES

from assistant.documents import load_document, parse_document
from assistant.draft.claims import number_claims, quote_claims
from assistant.revision import revise_offline
from assistant.revision.rules.faq import MAX_OPEN

TODAY = date(2026, 1, 1)
DOC = FIXTURES / "revise" / "shelfie.md"


@pytest.fixture
def doc():
    return load_document(DOC)


def figures(text: str) -> Counter[str]:
    return Counter(c.text for c in number_claims(text))


def test_default_run_fixes_prose_and_keeps_every_figure_name_and_quote(doc):
    report = revise_offline(doc, today=TODAY)
    assert report.score_after > report.score_before
    assert figures(report.text) == figures(doc.text)
    assert [q.quote for q in quote_claims(report.text)] == [q.quote for q in quote_claims(doc.text)]
    for name in ("Shelfie", "SEATTLE", "Tacoma", "Washington"):
        assert report.text.count(name) == doc.text.count(name)
    assert "Ideally" not in report.text and "leverages" not in report.text and "in order to" not in report.text
    assert "[TBD" not in report.text  # the rules that add open items are opt-in
    rules = {fix.rule for fix in report.fixes}
    assert {"hedge", "intensifier", "hype", "jargon", "run_on"} <= rules
    first_pass = [fix for fix in report.fixes if fix.pass_number == 1]
    assert first_pass and all(fix.before in doc.text for fix in first_pass)
    assert all(doc.text.splitlines()[fix.line - 1].find(fix.before) >= 0 for fix in first_pass)
    assert report.findings_resolved and all(f.rule for f in report.findings_remaining)
    assert report.diff.startswith(f"--- {doc.path}")


def test_revising_the_revision_changes_nothing(doc):
    once = revise_offline(doc, rules=["all"], today=TODAY)
    twice = revise_offline(parse_document(once.text, path=doc.path), rules=["all"], today=TODAY)
    assert twice.text == once.text and not twice.fixes and twice.diff == ""


def test_faq_rule_adds_top_unanswered_questions_in_the_documents_own_format(doc):
    report = revise_offline(doc, rules=["faq"], today=TODAY)
    added = re.findall(r"\*\*Q: (.+?)\*\*\nA: \[TBD: answer: [^\]]+\]", report.text)
    assert len(added) == MAX_OPEN
    assert report.text.startswith(doc.text.rstrip("\n"))  # the old FAQ is untouched, the new entries follow
    revised = parse_document(report.text)
    assert len(revised.faq) == len(doc.faq) + MAX_OPEN
    assert all(f.rule == "faq" and f.before == "" for f in report.fixes)


def test_faq_rule_continues_a_numbered_faq():
    text = ("# Notes app\n\nWriters keep notes in git.\n\n## FAQ\n\n1. What is it?\n\nA notes app.\n\n"
            "2. Who is it for?\n\nWriters who use git.\n")
    report = revise_offline(parse_document(text), rules=["faq"], today=TODAY)
    assert re.search(r"^3\. .+\?\n\n\[TBD: answer", report.text, re.M)
    assert re.search(r"^5\. .+\?\n\n\[TBD: answer", report.text, re.M)


def test_faq_rule_adds_nothing_while_enough_open_answers_stand(doc):
    first = revise_offline(doc, rules=["faq"], today=TODAY)
    assert revise_offline(parse_document(first.text), rules=["faq"], today=TODAY).text == first.text


def test_placeholder_rule_marks_missing_elements_and_leaves_present_ones(doc):
    report = revise_offline(doc, rules=["placeholder"], today=TODAY)
    assert "[TBD: a leader's quote: why we built this]" in report.text
    assert "[TBD: call to action: where and when to get it]" in report.text
    assert "[TBD: the customer's problem" not in report.text  # the document has a problem section
    assert report.text.index("[TBD: a leader's quote") < report.text.index("## FAQ")


def test_a_missing_subheading_is_marked_under_the_headline_not_at_the_end():
    text = ("# Dockside Fills Empty Marina Slips\n\nSEATTLE — March 3, 2027 — Dockside lets boaters book a slip in "
            "a minute. Boaters pay nothing; marinas pay 8% of each booking.\n\nToday boaters call ten marinas.\n")
    report = revise_offline(parse_document(text), rules=["placeholder"], today=TODAY)
    lines = report.text.splitlines()
    assert lines[0] == "# Dockside Fills Empty Marina Slips"
    assert lines[2] == "[TBD: sub-heading: who the customer is and what they get]"
    assert report.text.index("[TBD: a leader's quote") > report.text.index("Today boaters call ten marinas.")


def test_passive_voice_is_reported_not_rewritten():
    text = "# Orders\n\nThe order is reviewed before it is sent to the supplier.\n"
    report = revise_offline(parse_document(text), today=TODAY)
    assert report.text == text
    assert [n.rule for n in report.not_applied].count("passive") == 2
    assert all(n.line == 3 for n in report.not_applied if n.rule == "passive")


def test_unknown_rule_is_bad_input(doc):
    from assistant.errors import InputError

    with pytest.raises(InputError, match="unknown fix rule spelling"):
        revise_offline(doc, rules=["spelling"])


def test_from_review_puts_its_must_fix_list_in_the_report_and_its_gap_questions_in_the_faq(doc):
    from assistant.personas.models import Decision, Finding, MustFix, PersonaVerdict, Quote, ReviewReport

    question = "What does a pilot store pay after the first month?"
    review = ReviewReport(
        personas=[PersonaVerdict(id="cfo", name="CFO", position="iterate", biggest_concern="price", findings=[
            Finding(id="cfo-1", severity="major", quote=Quote(text="Shelfie", start=0, end=7, line=1),
                    question=question, suggestion="say it", check="pricing", gap=True)])],
        decision=Decision(verdict="revise", must_fix=[MustFix(text="State the price after the pilot.",
                                                              severity="major", finding_refs=["cfo-1"])]))
    report = revise_offline(doc, review=review, today=TODAY)  # a review turns the faq rule on
    assert "faq" in report.rules and "hedge" in report.rules
    assert report.must_fix == ["State the price after the pilot."]
    assert f"**Q: {question}**\nA: [TBD: answer: pricing]" in report.text
