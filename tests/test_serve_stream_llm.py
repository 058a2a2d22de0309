"""`prfaq serve` streams a long job's progress: each model call as it starts and ends, the running
tokens and cost, then the same result as the JSON API. Against the loopback fake model, whose
replies each report 11 prompt and 7 completion tokens; and offline, where it says so and costs 0."""

from __future__ import annotations

import http.client
import json
import time

import pytest
from conftest import CANARY_KEY
from fake_server import Status, schema_echo
from serve_helpers import GOOD_DOC, RunningServer
from starlette.testclient import TestClient

from assistant.llm.capabilities import cost_usd

PRICED = "gpt-4o-mini"  # a model in the price table, so that the cost is not 0


def events(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def priced_settings(llm_settings):
    # No cache: the JSON API's run and the stream's run each send their own requests.
    return llm_settings.model_copy(update={"model": PRICED, "use_cache": False, "structured_mode": "json_schema"})


@pytest.fixture
def client(priced_settings, isolated_home, fake_llm):
    from assistant.serve.app import create_app
    from assistant.serve.store import DocumentStore

    fake_llm.default = schema_echo
    store = DocumentStore(isolated_home / "documents.db")
    with TestClient(create_app(priced_settings, store), base_url="http://127.0.0.1:8765") as test_client:
        yield test_client
    store.close()


def test_review_streams_each_reader_then_the_json_apis_result_with_its_cost(client, fake_llm):
    body = {"text": GOOD_DOC, "personas": ["cfo", "engineer", "counsel"]}
    plain = client.post("/api/review", json=body)
    assert plain.status_code == 200, plain.text
    before = len(fake_llm.chat_requests)
    answer = client.post("/api/stream/review", json=body)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/x-ndjson")
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    lines = events(answer.text)
    sent = len(fake_llm.chat_requests) - before

    assert lines[0] == {"event": "start", "job": "review", "engine": "llm", "model": PRICED, "priced": True,
                        "reason": None}
    assert lines[-1]["event"] == "result" and all(e["event"] == "step" for e in lines[1:-1])
    assert lines[-1]["result"] == plain.json()  # the same answer as the JSON API
    reading = [e for e in lines if e["event"] == "step" and e["phase"] == "reading" and e["status"] == "done"]
    assert sorted(e["label"] for e in reading) == ["CFO: reading done", "Counsel: reading done",
                                                   "Principal engineer: reading done"]
    assert sorted(e["done"] for e in reading) == [1, 2, 3] and all(e["of"] == 3 for e in reading)
    assert any(e["phase"] == "decision" and e["status"] == "done" for e in lines[1:-1])

    # Tokens and cost are the fake's reported usage (11 + 7 a reply), priced from the table.
    usage = lines[-1]["usage"]
    assert usage["requests"] == sent > 3
    assert (usage["prompt_tokens"], usage["completion_tokens"]) == (11 * sent, 7 * sent)
    assert usage["cost_usd"] == pytest.approx(cost_usd(PRICED, 11 * sent, 7 * sent)) and usage["cost_usd"] > 0
    running = [e["usage"]["cost_usd"] for e in lines[1:-1]]
    assert running == sorted(running) and running[-1] == pytest.approx(usage["cost_usd"])
    assert CANARY_KEY not in answer.text and fake_llm.base_url not in answer.text


def test_questions_stream_each_lens_and_the_same_result(client, fake_llm):
    body = {"text": GOOD_DOC, "top": 5}
    plain = client.post("/api/questions", json=body).json()
    lines = events(client.post("/api/stream/questions", json=body).text)
    assert lines[-1]["event"] == "result" and lines[-1]["result"] == plain
    asking = [e for e in lines if e["event"] == "step" and e["phase"] == "asking" and e["status"] == "done"]
    assert len(asking) >= 2 and all(e["label"].endswith("lens: asking done") for e in asking)
    assert asking[-1]["done"] == asking[-1]["of"] == len(asking)


def test_a_reviewer_whose_call_fails_is_a_failed_step_and_the_meeting_goes_on(client, fake_llm):
    def route(request):
        return Status(500) if "company's Counsel" in request.messages[0]["content"] else schema_echo(request)

    fake_llm.default = route
    body = {"text": GOOD_DOC, "personas": ["cfo", "counsel"]}
    answer = client.post("/api/stream/review", json=body)
    lines = events(answer.text)
    failed = [e for e in lines if e["event"] == "step" and e["status"] == "failed"]
    assert [e["label"] for e in failed] == ["Counsel: reading failed"]
    assert lines[-1]["event"] == "result"
    note = next(n for n in lines[-1]["result"]["notes"] if n.startswith("Counsel could not read"))
    assert "the endpoint failed with HTTP 500" in note  # the page is told why, not where
    plain = client.post("/api/review", json=body)
    assert plain.status_code == 200 and note in plain.json()["notes"]
    assert fake_llm.base_url not in answer.text and fake_llm.base_url not in plain.text


def test_a_failing_endpoint_ends_the_stream_with_the_json_apis_status_and_no_address_or_key(client, fake_llm):
    fake_llm.default = lambda request: Status(401, body='{"error": {"message": "bad key ' + CANARY_KEY + '"}}')
    plain = client.post("/api/review", json={"text": GOOD_DOC})
    answer = client.post("/api/stream/review", json={"text": GOOD_DOC})
    last = events(answer.text)[-1]
    assert last["event"] == "error" and last["status"] == plain.status_code == 502
    assert "API key" in last["error"] and last["error"] == plain.json()["error"]
    for text in (answer.text, plain.text):
        assert CANARY_KEY not in text and fake_llm.base_url not in text and "127.0.0.1:" not in text


def test_bad_input_in_a_stream_is_an_error_line_with_the_json_apis_status(client):
    assert client.post("/api/stream/review", content=b"{oops").status_code == 400
    last = events(client.post("/api/stream/draft", json={"text": ""}).text)[-1]
    assert last == {"event": "error", "status": 400, "error": "the text is empty (0 bytes)"}
    assert client.post("/api/stream/score", json={"text": GOOD_DOC}).status_code in (404, 405)
    refused = client.post("/api/stream/review", json={"text": GOOD_DOC}, headers={"origin": "http://evil.example"})
    assert refused.status_code == 403


def test_offline_the_stream_says_so_and_costs_nothing(isolated_home):
    from assistant.config import load_settings
    from assistant.serve.app import create_app
    from assistant.serve.store import DocumentStore

    store = DocumentStore(isolated_home / "documents.db")
    with TestClient(create_app(load_settings(offline=True), store), base_url="http://localhost") as offline:
        plain = offline.post("/api/questions", json={"text": GOOD_DOC, "top": 5}).json()
        lines = events(offline.post("/api/stream/questions", json={"text": GOOD_DOC, "top": 5}).text)
    store.close()
    assert lines[0]["engine"] == "offline" and lines[0]["model"] is None and lines[0]["reason"]
    steps = [e for e in lines if e["event"] == "step"]
    assert [e["status"] for e in steps] == ["started", "done"] and "no cost" in steps[-1]["label"]
    assert lines[-1]["event"] == "result" and lines[-1]["result"] == plain
    assert lines[-1]["usage"] == {"calls": 0, "requests": 0, "cache_hits": 0, "prompt_tokens": 0,
                                  "completion_tokens": 0, "cost_usd": 0.0}


def test_closing_the_stream_stops_the_calls_that_were_not_made_yet(priced_settings, isolated_home, fake_llm):
    """Three reviewers read at once (slowly); the page goes away while they read: their requests
    finish, but no discussion or decision request is ever sent."""
    from assistant.serve import progress

    fake_llm.default = schema_echo
    fake_llm.latency = 1.2  # under the 2 s time-out; time enough to notice the page has gone
    server = RunningServer(isolated_home, priced_settings).start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        body = json.dumps({"text": GOOD_DOC, "personas": ["cfo", "engineer", "counsel"]})
        connection.request("POST", "/api/stream/review", body=body,
                           headers={"Host": f"127.0.0.1:{server.port}", "Content-Type": "application/json"})
        response = connection.getresponse()
        assert json.loads(response.readline())["event"] == "start"
        assert json.loads(response.readline())["status"] == "started"  # a reader has started
        _wait_for(lambda: len(fake_llm.chat_requests) == 3, "the three readers' requests")
        connection.sock.shutdown(2)  # type: ignore[union-attr]
        connection.close()
        _wait_for(lambda: not progress.ACTIVE, "the cancelled run to end")
    finally:
        server.stop()
    systems = [r.messages[0]["content"] for r in fake_llm.chat_requests]
    assert len(systems) == 3, [s[:80] for s in systems]
    assert not any("Now the discussion" in s or "You chair a Working Backwards review" in s for s in systems)


def _wait_for(condition, what: str) -> None:
    """Poll until `condition()`; fail (not hang) if it never comes."""
    deadline = time.monotonic() + 30
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited 30 s for {what}")
        time.sleep(0.02)


def test_the_gateways_observer_hears_each_call_and_can_stop_the_next(fake_llm, llm_settings):
    """The hook under the stream: start, each request (a re-ask is a second one), done with the
    usage so far; an observer that raises Cancelled stops the call before anything is sent."""
    from pydantic import BaseModel

    from assistant.llm import Gateway
    from assistant.llm import errors as E

    class Ping(BaseModel):
        ok: bool
        echo: str

    heard: list[tuple[str, str, int]] = []
    gateway = Gateway(llm_settings.model_copy(update={"use_cache": False}))
    gateway.observer = lambda event: heard.append((event.kind, event.prompt, event.usage.completion_tokens))
    fake_llm.push_json({"ok": "not a bool"}, {"ok": True, "echo": "hi"})
    assert gateway.structured("ping", {"word": "hi"}, Ping).echo == "hi"
    assert heard == [("start", "ping", 0), ("request", "ping", 0), ("request", "ping", 7), ("done", "ping", 14)]

    def refuse(event) -> None:
        raise E.Cancelled("the page closed the stream")

    gateway.observer = refuse
    with pytest.raises(E.Cancelled):
        gateway.structured("ping", {"word": "again"}, Ping)
    assert len(fake_llm.chat_requests) == 2 and gateway.usage.errors == 0



def test_progress_counts_a_fan_out_of_its_planned_size_even_when_one_reader_ends_before_another_starts():
    """The readers run in threads; whichever ends first, the page reads "1 of 3", not "1 of 1"."""
    from assistant.llm.gateway import CallEvent, Usage
    from assistant.serve.progress import Run

    lines: list[dict] = []
    run = Run(lines.append)
    for kind, prompt in [("planned", "personas/cfo"), ("planned", "personas/engineer"),
                         ("planned", "personas/counsel"), ("start", "personas/cfo"), ("done", "personas/cfo"),
                         ("start", "personas/engineer")]:
        run.observe(CallEvent(kind=kind, prompt=prompt, title=prompt, usage=Usage()))
    assert [(e["status"], e["done"], e["of"]) for e in lines] == [("started", 0, 3), ("done", 1, 3),
                                                                  ("started", 1, 3)]


def test_a_review_plans_its_readers_before_the_first_one_starts(fake_llm, priced_settings):
    from assistant.documents.parse import parse_document
    from assistant.llm import Gateway
    from assistant.personas.llm import review_with_llm

    heard: list[tuple[str, str]] = []
    gateway = Gateway(priced_settings)
    gateway.observer = lambda event: heard.append((event.kind, event.prompt))
    fake_llm.default = schema_echo
    review_with_llm(parse_document(GOOD_DOC, path="doc.md"), gateway, ["cfo", "engineer", "counsel"])
    readers = [h for h in heard if h[1].startswith("personas/")]
    assert readers[:3] == [("planned", "personas/cfo"), ("planned", "personas/engineer"),
                           ("planned", "personas/counsel")]


# --- the text a model writes, as it writes it -------------------------------------------------------
WRITTEN = """### Headline
Tally counts grocery shelves from photos <script>window.pwned=1</script>
### Sub-heading
Owners of one to five stores get a shelf count every morning without walking the aisles.
### Dateline
SEATTLE — May 4, 2027 —
### Summary
Tally is a tablet app that counts shelves from photos. It cuts the morning count from 90 minutes to 10.
### Problem
Owners of one to five stores spend 90 minutes a day counting shelves by hand.
### Solution
The owner photographs each aisle; Tally counts what is left and lists what to restock.
"""


def writes(text: str):
    """The fake model: `text` for a free-text call, the minimal valid object for a structured one."""
    from fake_server import Reply, requested_schema

    return lambda request: Reply(text) if requested_schema(request) is None else schema_echo(request)


def tokens_of(lines: list[dict], phase: str) -> list[dict]:
    return [e for e in lines if e["event"] == "token" and e["phase"] == phase]


def done_index(lines: list[dict], phase: str) -> int:
    return next(i for i, e in enumerate(lines) if e["event"] == "step" and e["phase"] == phase
                and e["status"] == "done")


def test_a_streamed_draft_sends_the_press_release_as_the_model_writes_it_before_its_step_is_done(client, fake_llm):
    fake_llm.default = writes(WRITTEN)
    plain = client.post("/api/draft", json={"text": GOOD_DOC, "name": "the notes"}).json()
    before = len(fake_llm.chat_requests)
    answer = client.post("/api/stream/draft", json={"text": GOOD_DOC, "name": "the notes"})
    lines = events(answer.text)
    assert lines[-1]["event"] == "result" and lines[-1]["result"] == plain
    pieces = tokens_of(lines, "press release")
    assert pieces and all(e["label"] == "press release writing" for e in pieces)
    position = {id(e): i for i, e in enumerate(lines)}
    assert max(position[id(e)] for e in pieces) < done_index(lines, "press release")
    assert "".join(e["text"] for e in pieces) == WRITTEN  # the model's words, <script> and all, as text
    assert [e["phase"] for e in lines if e["event"] == "token"] == ["press release"] * len(pieces)
    # The page got text without asking for it: the call streamed, and its tokens are the endpoint's own.
    written = [r for r in fake_llm.chat_requests[before:] if "prompt: draft.press_release" in r.text]
    assert written[0].body["stream"] is True and written[0].body["stream_options"] == {"include_usage": True}
    sent = len(fake_llm.chat_requests) - before
    usage = lines[-1]["usage"]
    assert (usage["prompt_tokens"], usage["completion_tokens"]) == (11 * sent, 7 * sent)
    assert CANARY_KEY not in answer.text and fake_llm.base_url not in answer.text and "127.0.0.1:" not in answer.text


def test_a_streamed_revision_sends_the_rewrite_as_it_is_written(client, fake_llm):
    rewrite = GOOD_DOC.replace("It is very easy\nto use and it will significantly reduce", "It cuts")
    fake_llm.default = writes(rewrite)
    lines = events(client.post("/api/stream/revise", json={"text": GOOD_DOC}).text)
    assert lines[-1]["event"] == "result", lines[-1]
    pieces = tokens_of(lines, "rewrite")
    assert "".join(e["text"] for e in pieces) == rewrite
    position = {id(e): i for i, e in enumerate(lines)}
    assert max(position[id(e)] for e in pieces) < done_index(lines, "rewrite")


def test_the_offline_engine_streams_no_text_and_says_so(isolated_home):
    from assistant.config import load_settings
    from assistant.serve.app import create_app
    from assistant.serve.store import DocumentStore

    store = DocumentStore(isolated_home / "documents.db")
    with TestClient(create_app(load_settings(offline=True), store), base_url="http://localhost") as offline:
        lines = events(offline.post("/api/stream/draft", json={"text": GOOD_DOC, "name": "the notes"}).text)
    store.close()
    assert lines[0]["engine"] == "offline"
    assert [e["event"] for e in lines] == ["start", "step", "step", "result"]
    assert "no cost" in lines[2]["label"]


def test_token_lines_gather_small_pieces_and_the_last_words_go_out_before_the_done_step(monkeypatch):
    """The first piece goes out at once; then a line per TOKEN_CHARS characters (the clock is set
    far off here, so only size counts); what is left goes out just before `done`. A failed call's
    unsent words are dropped with it."""
    from assistant.llm.gateway import CallEvent, Usage
    from assistant.serve import progress

    monkeypatch.setattr(progress, "TOKEN_SECONDS", 3600.0)
    lines: list[dict] = []
    run = progress.Run(lines.append)

    def hear(kind: str, text: str = "", prompt: str = "draft.press_release") -> None:
        run.observe(CallEvent(kind=kind, prompt=prompt, title=prompt, usage=Usage(), text=text))

    hear("start")
    words = [f"word{i:02d} " for i in range(40)]  # 7 characters each, 280 in all
    for word in words:
        hear("token", word)
    hear("done")
    texts = [e["text"] for e in lines if e["event"] == "token"]
    assert texts[0] == words[0] and "".join(texts) == "".join(words)
    assert all(len(t) >= progress.TOKEN_CHARS for t in texts[1:-1]) and len(texts) < len(words) / 5
    assert [e["event"] for e in lines][-2:] == ["token", "step"] and lines[-1]["status"] == "done"

    lines.clear()
    hear("start", prompt="revise.rewrite")
    for word in words[:5]:
        hear("token", word, prompt="revise.rewrite")
    hear("failed", prompt="revise.rewrite")
    assert [e["text"] for e in lines if e["event"] == "token"] == [words[0]]
    assert lines[-1]["status"] == "failed"

    from assistant.llm.errors import Cancelled

    run.cancel.set()  # the page has gone: the answer being written stops at its next piece
    with pytest.raises(Cancelled):
        hear("token", "more")
