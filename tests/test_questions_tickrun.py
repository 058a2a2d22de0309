"""An open-source scheduler's release (tests/fixtures/questions/tickrun.md), FAQ questions as "###"
headings, read as a reviewer would: a problem told as what fails unseen, "What is the hardest
part?", "Does it phone home?", a name with its version, and words that are not what a bank
question is about ("Jobs stop", "issue tracker", "the code we use")."""

from __future__ import annotations

from fixture_readers import FIXTURES, asked_of

from assistant.documents import load_document
from assistant.documents.roles import cue_role
from assistant.questions.offline import questions_offline
from assistant.questions.text import concepts

DOC = "tickrun.md"
PROBLEM = ("Cron has one job and does it well, but it says nothing when a job stops running. In a survey of 212 "
           "teams on our issue tracker, 61% had found out about a failed nightly job from a customer.")


def _report():
    return questions_offline(load_document(FIXTURES / "questions" / DOC))


def test_a_problem_told_as_what_fails_unseen_is_the_problem_paragraph() -> None:
    assert cue_role(PROBLEM) == "problem"
    problem = asked_of(DOC, ["What problem does Tickrun solve?"])["What problem does Tickrun solve?"]
    assert problem.status == "answered" and problem.evidence is not None and problem.evidence.line == 7


def test_the_hardest_part_faq_answers_the_hardest_technical_challenge() -> None:
    question = "What is the hardest technical challenge, and is it solved?"
    hardest = asked_of(DOC, [question])[question]
    assert hardest.status == "answered" and hardest.evidence is not None
    assert hardest.evidence.text == "Catching a job that never started."


def test_phoning_home_is_a_privacy_question() -> None:
    question = "Is my data private, and where is it stored?"
    private = asked_of(DOC, [question])[question]
    assert private.status == "answered" and private.evidence is not None
    assert "sends nothing anywhere" in private.evidence.text
    assert "privacy" in concepts("Does it phone home?") and "privacy" in concepts("Is there any telemetry?")


def test_what_is_it_quotes_the_release_of_the_name_with_its_version() -> None:
    what = asked_of(DOC, ["What exactly is Tickrun?"])["What exactly is Tickrun?"]
    assert what.evidence is not None and "released Tickrun 1.0, a job scheduler" in what.evidence.text


def test_jobs_that_stop_are_not_our_decision_to_stop() -> None:
    stop = asked_of(DOC, ["What result would make us stop?"])["What result would make us stop?"]
    assert stop.evidence is None or "Jobs stop" not in stop.evidence.text
    assert "kill-decision" in concepts("If fewer than 100 teams use it by June, we stop.")
    assert "kill-decision" not in concepts("Jobs stop, as they would with cron.")


def test_an_issue_tracker_cues_no_misuse_and_the_code_we_use_is_no_demand() -> None:
    report = _report()
    assert not [q for q in report.questions if q.topic == "risks" and "tracker" in q.why]
    legal = [q for q in report.questions if q.question.startswith("Do we have the legal rights")]
    assert legal and all("demand" not in (q.status_reason or "") for q in legal)


def test_a_free_open_source_release_is_read_as_noncommercial() -> None:
    """"small engineering teams" holds "all engineering teams" only inside a word, and "no plans for a
    paid tier" says it will not be sold: an open-source project, not asked for a market in money."""
    from assistant.questions.bank import load_bank
    from assistant.questions.select import document_kinds

    kinds = document_kinds(load_document(FIXTURES / "questions" / DOC), load_bank())
    assert kinds == {"open_source", "noncommercial"}
    asked = {q.question for q in _report().questions}
    assert "How big is the market for Tickrun?" not in asked
    assert "What does it cost us to serve one customer?" not in asked
