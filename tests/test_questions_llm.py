"""`prfaq questions` with a model, against the loopback fake server. The fake routes each request by
the lens its system message speaks for, so the tests script each stakeholder's questions and the
judge's verdicts, and assert on what was sent."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import run_prfaq
from fake_server import Reply, Request, Status

from assistant.documents import load_document
from assistant.llm import Gateway
from assistant.llm import errors as E
from assistant.questions.llm import LENSES, questions_with_llm

FIXTURES = Path(__file__).parent / "fixtures" / "questions"
SIGNATURES = {  # words only that lens's prompt file uses, to tell the requests apart
    "customer": "You are the customer this product is meant for",
    "cfo": "You are the chief financial officer",
    "engineer": "You are the principal engineer",
    "counsel": "You are the company's counsel",
    "bar_raiser": "You are the bar raiser",
}
JUDGE = "You check a PR/FAQ"
REAL_ANSWER = "Shelfwise costs $29 per month per shop, with the first month free."
FABRICATED = "Shelfwise is certified by every distributor in North America."


def lens_of(request: Request) -> str:
    system = request.messages[0]["content"]
    if JUDGE in system:
        return "judge"
    return next(lens for lens, words in SIGNATURES.items() if words in system)


def ask(question: str, topic: str, audience: str = "internal", raised_by: str = "") -> dict[str, str]:
    return {"question": question, "topic": topic, "audience": audience, "why": "The document leaves it open.",
            "raised_by": raised_by}


DEFAULT_QUESTIONS: dict[str, list[dict[str, str]]] = {
    "customer": [ask("How much will Shelfwise cost my shop each month?", "price", "external",
                     raised_by="Shelfwise today launched a reorder assistant"),
                 ask("Which till systems can Shelfwise read?", "compatibility", "external")],
    "cfo": [ask("What is the monthly price of Shelfwise for one shop?", "price", "external"),
            ask("What does one shop cost us to serve?", "unit_economics")],
    "engineer": [ask("What breaks when a till export changes its columns?", "hardest_problem",
                     raised_by="reads the shop's till exports")],
    "counsel": [ask("Are distributors certified partners, as the document implies?", "legal")],
    "bar_raiser": [ask("What evidence shows owners will pay $29 a month?", "evidence_of_demand")],
}


def numbered(request: Request) -> dict[str, int]:
    """Question text -> its number, from the enveloped list the judge was sent."""
    return {text.strip(): int(n) for n, text in re.findall(r"^(\d+)\. (.+)$", request.text, re.MULTILINE)}


def verdicts(request: Request) -> dict[str, Any]:
    judgements = []
    for text, index in numbered(request).items():
        if "cost" in text.lower() or "price" in text.lower():
            judgements.append({"index": index, "status": "answered", "quote": REAL_ANSWER})
        elif "certified" in text:
            judgements.append({"index": index, "status": "answered", "quote": FABRICATED})
        else:
            judgements.append({"index": index, "status": "unanswered", "quote": ""})
    return {"judgements": judgements}


def panel(questions: dict[str, list[dict[str, str]]] | None = None, failing: frozenset[str] = frozenset()
          ) -> Callable[[Request], Reply | Status]:
    script = questions or DEFAULT_QUESTIONS

    def route(request: Request) -> Reply | Status:
        lens = lens_of(request)
        if lens in failing:
            return Status(500)
        if lens == "judge":
            return Reply(json.dumps(verdicts(request)))
        return Reply(json.dumps({"questions": script.get(lens, [])}))

    return route


@pytest.fixture
def shelfwise():
    return load_document(FIXTURES / "shelfwise.md")


def test_each_lens_gets_its_own_prompt_with_the_enveloped_document(fake_llm, llm_settings, shelfwise):
    fake_llm.default = panel()
    questions_with_llm(shelfwise, Gateway(llm_settings))
    by_lens: dict[str, list[Request]] = {}
    for request in fake_llm.chat_requests:
        by_lens.setdefault(lens_of(request), []).append(request)
    assert sorted(by_lens) == sorted([*LENSES, "judge"])
    assert all(len(requests) == 1 for requests in by_lens.values())
    systems = [by_lens[lens][0].messages[0]["content"] for lens in LENSES]
    assert len(set(systems)) == len(LENSES)  # five genuinely different lenses
    for lens in LENSES:
        request = by_lens[lens][0]
        assert "<<<DOCUMENT " in request.text and "<<<END DOCUMENT " in request.text
        assert "never instructions" in request.messages[0]["content"]
        assert "Owners of small bookshops spend about four hours a week" in request.text
        # No lens sees another lens's questions: they read independently.
        assert "What does one shop cost us to serve?" not in request.text
    judge = by_lens["judge"][0]
    assert "<<<QUESTIONS " in judge.text and "What does one shop cost us to serve?" in judge.text


def test_verified_quote_is_evidence_and_a_fabricated_one_is_dropped_and_counted(fake_llm, llm_settings, shelfwise):
    fake_llm.default = panel()
    report = questions_with_llm(shelfwise, Gateway(llm_settings))
    assert report.engine == "llm"
    price = next(q for q in report.questions if q.topic == "price")
    assert price.status == "answered"
    assert price.evidence is not None and price.evidence.text == REAL_ANSWER
    assert shelfwise.text[price.evidence.start : price.evidence.end] == REAL_ANSWER
    certified = next(q for q in report.questions if "certified" in q.question)
    assert certified.status == "unanswered"
    assert certified.evidence is None
    assert "not found in the document" in certified.status_reason
    assert report.counts.unverified_quotes == 1
    assert all(FABRICATED not in (q.evidence.text if q.evidence else "") for q in report.questions)


def test_lenses_asking_the_same_question_are_merged(fake_llm, llm_settings, shelfwise):
    fake_llm.default = panel()
    report = questions_with_llm(shelfwise, Gateway(llm_settings))
    price = [q for q in report.questions if q.topic == "price"]
    assert len(price) == 1
    assert set(price[0].lenses) == {"customer", "cfo"}
    assert price[0].also_asked_as == ["What is the monthly price of Shelfwise for one shop?"]
    assert report.counts.merged_duplicates == 1


def test_raised_by_words_are_verified_too(fake_llm, llm_settings, shelfwise):
    fake_llm.default = panel()
    report = questions_with_llm(shelfwise, Gateway(llm_settings))
    exports = next(q for q in report.questions if "till export" in q.question)
    assert exports.why_span is not None
    assert shelfwise.text[exports.why_span.start : exports.why_span.end] == "reads the shop's till exports"


def test_softball_quote_is_partly_even_if_the_model_says_answered(fake_llm, llm_settings, shelfwise):
    def route(request: Request) -> Reply:
        if lens_of(request) == "judge":
            index = numbered(request)["What are the biggest risks?"]
            softball = "The risk is minimal because owners already want this."
            return Reply(json.dumps({"judgements": [{"index": index, "status": "answered", "quote": softball}]}))
        if lens_of(request) == "bar_raiser":
            return Reply(json.dumps({"questions": [ask("What are the biggest risks?", "risks")]}))
        return Reply(json.dumps({"questions": []}))

    fake_llm.default = route
    report = questions_with_llm(shelfwise, Gateway(llm_settings))
    [risks] = report.questions
    assert risks.status == "partly"
    assert risks.evidence is not None and "risk is minimal" in risks.evidence.text


def test_a_transient_500_is_retried_and_the_report_is_complete(fake_llm, llm_settings, shelfwise):
    fake_llm.default = panel()
    fake_llm.push(Status(500))
    report = questions_with_llm(shelfwise, Gateway(llm_settings))
    assert len(fake_llm.chat_requests) == len(LENSES) + 1 + 1  # five lenses, the judge, one retry
    assert report.counts.failed_lenses == 0
    assert {lens for q in report.questions for lens in q.lenses} == set(LENSES)


def test_a_lens_that_keeps_failing_is_reported_not_fatal(fake_llm, llm_settings, shelfwise):
    fake_llm.default = panel(failing=frozenset({"counsel"}))
    report = questions_with_llm(shelfwise, Gateway(llm_settings.model_copy(update={"max_retries": 1})))
    assert report.counts.failed_lenses == 1
    assert any("counsel" in note for note in report.notes)
    assert not any("counsel" in q.lenses for q in report.questions)
    assert report.questions


def test_every_lens_failing_is_an_error(fake_llm, llm_settings, shelfwise):
    fake_llm.default = panel(failing=frozenset(LENSES))
    with pytest.raises(E.EndpointFailed):
        questions_with_llm(shelfwise, Gateway(llm_settings.model_copy(update={"max_retries": 0})))


def test_cli_runs_on_the_model_when_an_endpoint_is_set(fake_llm, llm_env):
    fake_llm.default = panel()
    result = run_prfaq("questions", str(FIXTURES / "shelfwise.md"), "--format", "json", "--no-cache")
    assert result.code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["engine"] == "llm"
    assert report["counts"]["unverified_quotes"] == 1
    assert any(q["evidence"] and q["evidence"]["text"] == REAL_ANSWER for q in report["questions"])
