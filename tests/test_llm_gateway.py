"""The model gateway against a real OpenAI-compatible server on 127.0.0.1 with injected faults."""

from __future__ import annotations

import json
import time

import pytest
from fake_server import Hang, Malformed, Reply, Reset, Status
from pydantic import BaseModel

from assistant.llm import Gateway
from assistant.llm import errors as E


class Ping(BaseModel):
    ok: bool
    echo: str


GOOD = {"ok": True, "echo": "hello"}


def ask(gateway: Gateway, word: str = "hello") -> Ping:
    return gateway.structured("ping", {"word": word}, Ping)


def test_structured_call_returns_validated_model_and_counts_usage(fake_llm, llm_settings):
    fake_llm.push_json(GOOD)
    gateway = Gateway(llm_settings)
    assert ask(gateway) == Ping(ok=True, echo="hello")
    assert len(fake_llm.chat_requests) == 1
    body = fake_llm.chat_requests[0].body
    assert body["model"] == "fake-model"
    assert body["temperature"] == 0
    assert "hello" in fake_llm.chat_requests[0].text
    assert gateway.usage.prompt_tokens == 11 and gateway.usage.completion_tokens == 7


@pytest.mark.parametrize("mode, expected", [("json_schema", "json_schema"), ("json_object", "json_object"),
                                            ("prompt", None)])
def test_structured_mode_decides_response_format(fake_llm, llm_settings, mode, expected):
    fake_llm.push_json(GOOD)
    gateway = Gateway(llm_settings.model_copy(update={"structured_mode": mode}))
    ask(gateway)
    sent = fake_llm.chat_requests[0]
    assert (sent.body.get("response_format") or {}).get("type") == expected
    # Without server-side schema enforcement the schema travels in the prompt.
    assert ('"properties"' in sent.text) == (mode != "json_schema")


def test_unknown_endpoint_defaults_to_json_mode_and_steps_down_when_rejected(fake_llm, llm_settings):
    fake_llm.push(Status(400, body='{"error": {"message": "response_format json_schema is not supported"}}'))
    fake_llm.push_json(GOOD)
    gateway = Gateway(llm_settings.model_copy(update={"structured_mode": "json_schema"}))
    assert ask(gateway).ok
    assert [r.body.get("response_format", {}).get("type") for r in fake_llm.chat_requests] == [
        "json_schema", "json_object"]
    assert gateway.mode == "json_object"


def test_429_is_retried_by_the_sdk_honouring_retry_after(fake_llm, llm_settings):
    fake_llm.push(Status(429, {"Retry-After": "1"}), Status(429, {"Retry-After": "1"}))
    fake_llm.push_json(GOOD)
    assert ask(Gateway(llm_settings)).ok
    assert len(fake_llm.chat_requests) == 3
    gaps = [b.started - a.started for a, b in zip(fake_llm.chat_requests, fake_llm.chat_requests[1:], strict=False)]
    assert all(gap >= 0.9 for gap in gaps), gaps  # waited as told, not the SDK's sub-second backoff


def test_persistent_429_ends_in_rate_limited_after_bounded_attempts(fake_llm, llm_settings):
    fake_llm.push(*[Status(429, {"Retry-After": "0"})] * 10)
    with pytest.raises(E.RateLimited, match="rate-limiting"):
        ask(Gateway(llm_settings))
    assert len(fake_llm.chat_requests) == llm_settings.max_retries + 1


def test_retry_after_longer_than_the_client_accepts_is_not_waited_for(fake_llm, llm_settings):
    fake_llm.push(Status(429, {"Retry-After": "3600"}))
    started = time.monotonic()
    with pytest.raises(E.RateLimited, match="3600"):
        ask(Gateway(llm_settings))
    assert len(fake_llm.chat_requests) == 1
    assert time.monotonic() - started < 60


@pytest.mark.parametrize("code", [500, 503])
def test_server_errors_are_retried_then_reported(fake_llm, llm_settings, code):
    fake_llm.push(*[Status(code)] * 10)
    with pytest.raises(E.EndpointFailed, match=f"HTTP {code}"):
        ask(Gateway(llm_settings.model_copy(update={"max_retries": 1})))
    assert len(fake_llm.chat_requests) == 2


def test_a_transient_500_recovers(fake_llm, llm_settings):
    fake_llm.push(Status(500))
    fake_llm.push_json(GOOD)
    assert ask(Gateway(llm_settings)).ok
    assert len(fake_llm.chat_requests) == 2


def test_hang_past_the_timeout_is_a_timeout_error(fake_llm, llm_settings):
    fake_llm.push(Hang(3), Hang(3))
    settings = llm_settings.model_copy(update={"timeout_s": 0.5, "max_retries": 1})
    with pytest.raises(E.EndpointTimeout, match="did not answer within 0.5s"):
        ask(Gateway(settings))
    assert len(fake_llm.chat_requests) == 2


def test_connection_reset_is_unreachable(fake_llm, llm_settings):
    fake_llm.push(*[Reset()] * 5)
    with pytest.raises(E.EndpointUnreachable, match="cannot reach"):
        ask(Gateway(llm_settings.model_copy(update={"max_retries": 0})))


def test_a_body_that_is_not_json_is_retried_then_its_own_error(fake_llm, llm_settings):
    fake_llm.push(*[Malformed()] * 3)
    with pytest.raises(E.MalformedResponse, match=r"not valid JSON chat output \(3 attempts\)"):
        ask(Gateway(llm_settings))
    assert len(fake_llm.chat_requests) == 1 + llm_settings.max_retries


def test_one_garbled_body_is_absorbed_by_a_retry(fake_llm, llm_settings):
    fake_llm.push(Malformed())
    fake_llm.push_json(GOOD)
    assert ask(Gateway(llm_settings)).ok
    assert len(fake_llm.chat_requests) == 2


def test_body_without_choices_is_malformed_after_the_same_budget(fake_llm, llm_settings):
    fake_llm.push(*[Malformed('{"unexpected": true}')] * 3)
    with pytest.raises(E.MalformedResponse, match=r"without any choices \(3 attempts\)"):
        ask(Gateway(llm_settings))
    assert len(fake_llm.chat_requests) == 1 + llm_settings.max_retries


NO_CONTENT = '{"choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant"}}]}'


@pytest.mark.parametrize("body", ['{"choices": [{"message": ', '{"unexpected": true}', NO_CONTENT])
def test_malformed_200s_are_retried_like_a_5xx(fake_llm, llm_settings, body):
    # As many malformed bodies as there are retries, then a good answer: the call succeeds.
    fake_llm.push(*[Malformed(body)] * llm_settings.max_retries)
    fake_llm.push_json(GOOD)
    assert ask(Gateway(llm_settings)).ok
    assert len(fake_llm.chat_requests) == 1 + llm_settings.max_retries


def test_the_retry_budget_for_malformed_bodies_is_prfaq_max_retries(fake_llm, llm_settings):
    fake_llm.push(Malformed('{"unexpected": true}'))
    fake_llm.push_json(GOOD)
    with pytest.raises(E.MalformedResponse, match=r"\(1 attempts\)"):
        ask(Gateway(llm_settings.model_copy(update={"max_retries": 0})))
    assert len(fake_llm.chat_requests) == 1


def test_finish_reason_length_is_truncation_not_a_parse_error(fake_llm, llm_settings):
    fake_llm.push(Reply('{"ok": tr', finish_reason="length"))
    with pytest.raises(E.OutputTruncated, match="output-token limit"):
        ask(Gateway(llm_settings))
    assert len(fake_llm.chat_requests) == 1


def test_refusal_is_reported_as_refusal(fake_llm, llm_settings):
    fake_llm.push(Reply(refusal="I can't help with that."))
    with pytest.raises(E.ModelRefused, match="refused"):
        ask(Gateway(llm_settings))


def test_invalid_output_is_reasked_with_the_validation_error(fake_llm, llm_settings):
    fake_llm.push_json({"ok": "maybe"})
    fake_llm.push_json(GOOD)
    gateway = Gateway(llm_settings)
    assert ask(gateway).ok
    assert len(fake_llm.chat_requests) == 2
    second = fake_llm.chat_requests[1].messages
    assert second[-2] == {"role": "assistant", "content": json.dumps({"ok": "maybe"})}
    assert "ok" in second[-1]["content"] and "could not be used" in second[-1]["content"]
    assert gateway.usage.reasks == 1


def test_reasks_are_bounded_then_a_clear_failure(fake_llm, llm_settings):
    fake_llm.push_json(*[{"nope": 1}] * 10)
    with pytest.raises(E.InvalidOutput, match="did not fit the expected Ping after 3 attempts"):
        ask(Gateway(llm_settings))
    assert len(fake_llm.chat_requests) == 3  # 1 + max_reasks, not multiplied by transport retries


def test_cache_serves_the_second_identical_call_without_a_request(fake_llm, llm_settings):
    fake_llm.push_json(GOOD)
    assert ask(Gateway(llm_settings)).ok
    second = Gateway(llm_settings)  # a new process would do the same: the cache is on disk
    assert ask(second).ok
    assert len(fake_llm.chat_requests) == 1
    assert second.usage.cache_hits == 1


def test_no_cache_bypasses_the_cache(fake_llm, llm_settings):
    fake_llm.push_json(GOOD, GOOD)
    ask(Gateway(llm_settings))
    ask(Gateway(llm_settings.model_copy(update={"use_cache": False})))
    assert len(fake_llm.chat_requests) == 2


def test_errors_are_not_cached(fake_llm, llm_settings):
    fake_llm.push(*[Malformed()] * 3)
    with pytest.raises(E.MalformedResponse):
        ask(Gateway(llm_settings))
    fake_llm.push_json(GOOD)
    assert ask(Gateway(llm_settings)).ok
    assert len(fake_llm.chat_requests) == 4


def test_a_different_input_is_a_cache_miss(fake_llm, llm_settings):
    fake_llm.push_json(GOOD, {"ok": True, "echo": "other"})
    ask(Gateway(llm_settings), "hello")
    assert ask(Gateway(llm_settings), "other").echo == "other"
    assert len(fake_llm.chat_requests) == 2


def test_every_call_is_logged_with_prompt_version_and_tokens(fake_llm, llm_settings):
    fake_llm.push(Status(500), Status(500), Status(500))
    gateway = Gateway(llm_settings)
    with pytest.raises(E.EndpointFailed):
        ask(gateway)
    fake_llm.push_json(GOOD)
    ask(gateway)
    rows = gateway.store._db.execute(
        "SELECT prompt_name, prompt_version, model, error, prompt_tokens FROM calls ORDER BY id").fetchall()
    assert rows[0][:3] == ("ping", "1", "fake-model") and rows[0][3].startswith("server_error")
    assert rows[1][3] is None and rows[1][4] == 11
    assert gateway.store.migrations() == ["m001_calls", "m002_cache", "m003_calls_index"]


def test_streaming_text_reaches_the_callback_in_pieces(fake_llm, llm_settings):
    text = "Seattle, WA - Shelf counts now take ten minutes instead of ninety."
    fake_llm.push(Reply(text))
    pieces: list[str] = []
    assert Gateway(llm_settings).text("ping", {"word": "x"}, on_token=pieces.append) == text
    assert len(pieces) > 1 and "".join(pieces) == text
    assert fake_llm.chat_requests[0].body["stream"] is True


def test_an_observer_hears_free_text_as_it_arrives_and_a_cached_answer_at_once(fake_llm, llm_settings):
    """With an observer (the page's progress stream), a text call streams even without an
    on_token; its tokens are the endpoint's own count. From the cache the text comes as one piece."""
    text = "Seattle, WA - Shelf counts now take ten minutes instead of ninety, <b>every</b> morning."
    fake_llm.push(Reply(text))
    heard: list[tuple[str, str]] = []
    gateway = Gateway(llm_settings)
    gateway.observer = lambda event: heard.append((event.kind, event.text))
    assert gateway.text("ping", {"word": "x"}) == text
    kinds = [kind for kind, _ in heard]
    assert kinds[:2] == ["start", "request"] and kinds[-1] == "done" and kinds.count("token") > 1
    assert "".join(piece for kind, piece in heard if kind == "token") == text
    assert fake_llm.chat_requests[0].body["stream"] is True
    assert (gateway.usage.prompt_tokens, gateway.usage.completion_tokens) == (11, 7)

    heard.clear()
    assert Gateway(llm_settings, store=gateway.store).text("ping", {"word": "x"}) == text  # no observer
    gateway.text("ping", {"word": "x"})
    assert heard == [("start", ""), ("token", text), ("done", "")] and len(fake_llm.chat_requests) == 1


def test_an_observer_that_stops_mid_answer_stops_the_call_and_nothing_is_cached(fake_llm, llm_settings):
    fake_llm.default = lambda request: Reply("A long answer, written in many small pieces. " * 4)
    gateway = Gateway(llm_settings)

    def stop_at_first_word(event) -> None:
        if event.kind == "token":
            raise E.Cancelled("the page closed the stream")

    gateway.observer = stop_at_first_word
    with pytest.raises(E.Cancelled):
        gateway.text("ping", {"word": "x"})
    assert gateway.usage.errors == 0
    gateway.observer = None
    assert gateway.text("ping", {"word": "x"}).startswith("A long answer")
    assert len(fake_llm.chat_requests) == 2  # asked again: the stopped answer was not cached


def test_an_endpoint_that_refuses_stream_options_is_asked_again_without_and_tokens_are_estimated(fake_llm,
                                                                                                 llm_settings):
    refusal = '{"error": {"message": "Unrecognized request argument supplied: stream_options"}}'
    fake_llm.push(Status(400, body=refusal), Reply("x" * 400), Reply("again"))
    pieces: list[str] = []
    gateway = Gateway(llm_settings.model_copy(update={"use_cache": False}))
    assert gateway.text("ping", {"word": "x"}, on_token=pieces.append) == "x" * 400 == "".join(pieces)
    assert gateway.text("ping", {"word": "y"}, on_token=pieces.append) == "again"
    first, second, third = (r.body for r in fake_llm.chat_requests)
    assert first["stream_options"] == {"include_usage": True}
    assert "stream_options" not in second and "stream_options" not in third  # remembered
    assert gateway.usage.completion_tokens == 100 + 1  # about four characters a token, not the fake's 7


def test_keyless_local_server_works_with_only_a_base_url(fake_llm, llm_settings):
    fake_llm.push_json(GOOD)
    assert ask(Gateway(llm_settings.model_copy(update={"api_key": None}))).ok


def test_concurrent_requests_never_exceed_the_in_flight_bound(fake_llm, llm_settings):
    from concurrent.futures import ThreadPoolExecutor

    fake_llm.latency = 0.05
    fake_llm.default = lambda request: Reply(json.dumps({"ok": True, "echo": "x"}))
    gateway = Gateway(llm_settings.model_copy(update={"max_in_flight": 3, "use_cache": False}))
    with ThreadPoolExecutor(max_workers=10) as pool:
        list(pool.map(lambda i: ask(gateway, f"w{i}"), range(12)))
    assert fake_llm.max_in_flight == 3
    assert len(fake_llm.chat_requests) == 12
