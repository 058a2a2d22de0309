"""Fault injection, as a matrix over every command that calls a model.

The fake server answers every request with the same fault. Requests are grouped by body: the
SDK re-sends an identical body when it retries, and a re-ask sends a longer conversation. That
gives exact counts without knowing how many model calls a command makes: each distinct call is
retried exactly as often as the one transport layer allows, never more (no nested retries).
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from conftest import FIXTURES, run_prfaq
from fake_server import Hang, Malformed, Reply, Reset, Status, schema_echo

MAX_RETRIES = 1  # PRFAQ_MAX_RETRIES for these runs: 2 attempts per call
MAX_REASKS = 2
DOC = FIXTURES.parent.parent / "examples" / "docs" / "tally-prfaq.md"
NOTES = FIXTURES.parent.parent / "examples" / "notes" / "restock-notes.md"

COMMANDS = {
    "draft": ["draft", str(NOTES)],
    "questions": ["questions", str(DOC)],
    "review": ["review", str(DOC)],
    "score --judge": ["score", str(DOC), "--judge"],
    "critique": ["critique", str(DOC), "--format", "json"],
}

# fault name -> (action, attempts per call, what the one-line error must say)
FAULTS = {
    "429 short Retry-After": (Status(429, {"Retry-After": "0"}), MAX_RETRIES + 1, "rate-limiting"),
    "429 longer than the client accepts": (Status(429, {"Retry-After": "3600"}), 1, "rate-limiting"),
    "500": (Status(500), MAX_RETRIES + 1, "http 500"),
    "503": (Status(503), MAX_RETRIES + 1, "http 503"),
    "connection reset": (Reset(), MAX_RETRIES + 1, "cannot reach"),
    "hang past the timeout": (Hang(3), MAX_RETRIES + 1, "did not answer within"),
    "malformed body": (Malformed(), MAX_RETRIES + 1, "not valid json"),
    "finish_reason length": (Reply('{"partial": ', finish_reason="length"), 1, "output-token limit"),
    "refusal": (Reply(refusal="I can't help with that."), 1, "refused"),
    "schema-violating answer": (Reply(json.dumps({"unexpected": True})), 1 + MAX_REASKS, "did not fit"),
}


def _env(llm_env: dict[str, str]) -> dict[str, str]:
    return {**llm_env, "PRFAQ_MAX_RETRIES": str(MAX_RETRIES), "PRFAQ_TIMEOUT": "1",
            "PRFAQ_STRUCTURED_MODE": "json_schema"}


def _conversation_roots(fake) -> Counter[str]:
    """How many requests each model call made: re-asks extend the first request's messages."""
    roots: Counter[str] = Counter()
    # Free-text calls (no response_format) have no schema to violate: only structured ones count.
    bodies = [r.body for r in fake.chat_requests if r.body.get("response_format")]
    originals = [b for b in bodies if not any(m.get("role") == "assistant" for m in b.get("messages", []))]
    for body in bodies:
        messages = body.get("messages", [])
        for original in originals:
            first = original.get("messages", [])
            if messages[: len(first)] == first:
                roots[json.dumps(first, sort_keys=True)] += 1
                break
    return roots


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_each_fault_ends_in_its_own_clear_error_with_bounded_requests(command, fault, fake_llm, llm_env):
    action, attempts, phrase = FAULTS[fault]
    fake_llm.default = lambda request: action
    result = run_prfaq(*COMMANDS[command], env=_env(llm_env), timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    assert fake_llm.chat_requests, "the command never called the model"
    if fault == "schema-violating answer":
        per_call = _conversation_roots(fake_llm)
    else:
        per_call = Counter(json.dumps(r.body, sort_keys=True) for r in fake_llm.chat_requests)
    if fault == "schema-violating answer":
        # A schema whose fields are all optional accepts the reply (one request); the call that
        # rejects it is re-asked exactly MAX_REASKS times, then given up.
        assert max(per_call.values()) == attempts and set(per_call.values()) <= {1, attempts}, sorted(
            per_call.values())
    else:
        assert set(per_call.values()) == {attempts}, (command, fault, sorted(per_call.values()))
    if command == "critique":
        # A batch never dies of one document: the failure is that document's error, exit 1.
        assert result.code == 1, (result.code, result.stderr)
        report = json.loads(result.stdout)
        assert report["status"] == "error" and phrase in report["error"].lower(), report["error"]
        return
    assert result.code == 3, (result.code, result.stdout[-300:], result.stderr)
    errors = [line for line in result.stderr.splitlines() if line.startswith("prfaq: error:")]
    assert len(errors) == 1, result.stderr
    assert phrase in errors[0].lower(), errors[0]


def _well_behaved_model(command: str):
    """A fake model whose answers each command accepts (its own tests' fakes where it has rules)."""
    if command == "draft":
        from test_draft_llm import good_answers, router

        return router(good_answers())
    if command == "score --judge":
        from test_clarity_judge import answer

        return lambda request: Reply(json.dumps(answer(4, quotes=[])))
    return schema_echo


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_transient_fault_is_absorbed(command, fake_llm, llm_env):
    """One 429 and one 500 on the first requests, then good answers: the command succeeds."""
    fake_llm.push(Status(429, {"Retry-After": "0"}), Status(500))
    fake_llm.default = _well_behaved_model(command)
    env = {**_env(llm_env), "PRFAQ_MAX_RETRIES": "2"}  # both faults may land on the same call
    result = run_prfaq(*COMMANDS[command], env=env, timeout=300)
    assert result.code == 0, result.stderr
    assert result.stdout.strip()
