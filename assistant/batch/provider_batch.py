"""--provider-batch: the first round of model calls through the OpenAI Batch API.

The review is a conversation in rounds: personas read alone, then discuss where they disagree,
then decide. Only the first round can be known before any answer exists, so that is what goes
into the batch; the later rounds need the first round's answers and run live afterwards. The
merge goes through the response cache: each batched request is built exactly as the gateway
would send it, keyed by the gateway's own cache key, and its answer is stored under that key.
The normal run that follows finds the first-round calls already answered and sends only the rest.

How the first round is found without hard-coding any pipeline: each document's jobs run once on
a recording gateway that writes down every request it is asked for and answers none (the call
fails with `Deferred`, so a pipeline cannot go on to a later round on made-up answers). Calls to
the later-round prompts (the review's discussion and decision, the questions' answered-or-not
judgement), which a pipeline might still attempt after a failed first round, are not batched.

The batch id is kept in --out (provider-batch.json): a run interrupted while waiting picks the same
batch up again instead of paying for a second one.
"""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from assistant.batch.journal import write_atomically
from assistant.batch.models import DocSource, Part
from assistant.config import Settings
from assistant.errors import ConfigError, PrfaqError
from assistant.llm.errors import LLMError
from assistant.llm.gateway import Gateway, _Completion

if TYPE_CHECKING:
    from pydantic import BaseModel as _Schema

    from assistant.prompts import PromptSpec

STATE_NAME = "provider-batch.json"
LATER_ROUND_PROMPTS = frozenset({"review.discuss", "review.decide", "questions.judge"})
POLL_FIRST_S = 2.0
POLL_MAX_S = 60.0
TERMINAL = {"completed", "failed", "expired", "cancelled"}


class Deferred(LLMError):
    kind = "deferred"


class BatchRequest(BaseModel):
    custom_id: str
    cache_key: str
    prompt: str
    body: dict[str, Any]  # the chat-completions request body, exactly as the gateway would send it


class BatchState(BaseModel):
    batch_id: str
    input_file_id: str
    keys: dict[str, str] = Field(description="custom_id -> cache key")
    merged: bool = False


class RecordingGateway(Gateway):
    """Writes down each request it would send (uncached ones only) and answers none."""

    recorded: list[BatchRequest]

    def _complete(self, spec: PromptSpec, messages: list[dict[str, str]], schema: type[_Schema] | None,
                  temperature: float, key: str) -> _Completion:
        if spec.name not in LATER_ROUND_PROMPTS:
            body: dict[str, Any] = {"model": self.settings.model, "messages": messages, "temperature": temperature}
            response_format = self._response_format(schema)
            if response_format is not None:
                body["response_format"] = response_format
            self.recorded.append(BatchRequest(custom_id="", cache_key=key, prompt=spec.name, body=body))
        raise Deferred(f"{spec.name}: answered through the provider batch")


def collect_first_round(to_run: list[DocSource], parts: list[Part], settings: Settings,
                        shared: Gateway) -> list[BatchRequest]:
    """Every uncached first-round request of these documents, each once."""
    from assistant.batch.job import load_source
    from assistant.engines.llm import LLMEngine

    seen: dict[str, BatchRequest] = {}
    for source in to_run:
        try:
            doc = load_source(source, settings)
        except PrfaqError:
            continue  # it fails the same way in the normal run, with its reason
        recorder = RecordingGateway(settings, store=shared.store)
        recorder.recorded = []
        engine = LLMEngine(settings, gateway=recorder)
        for part, call in (("questions", engine.questions), ("review", engine.review)):
            if part in parts:
                with contextlib.suppress(LLMError, PrfaqError):  # expected: every call is deferred
                    call(doc)
        for request in recorder.recorded:
            seen.setdefault(request.cache_key, request)
    requests = list(seen.values())
    for number, request in enumerate(requests, 1):
        request.custom_id = f"prfaq-{number}"
    return requests


def prefill_with_batch(to_run: list[DocSource], parts: list[Part], key: str, settings: Settings,
                       shared: Gateway | None, state_dir: Path | None) -> str:
    """Run the first round through the Batch API and store its answers in the cache; say what ran where."""
    if shared is None:
        raise ConfigError("--provider-batch needs an endpoint")
    if not settings.use_cache:
        raise ConfigError("--provider-batch merges its answers through the response cache; drop --no-cache")
    state_path = state_dir / STATE_NAME if state_dir is not None else None
    state = _load_state(state_path)
    if state is None or state.merged:
        requests = collect_first_round(to_run, parts, settings, shared)
        if not requests:
            return "nothing to batch: every first-round call was already answered (cache)"
        state = _submit(shared, requests)
        _save_state(state_path, state)
    batch = _wait(shared, state.batch_id)
    merged, failed = _merge(shared, batch, state)
    state.merged = True
    _save_state(state_path, state)
    status = getattr(batch, "status", "?")
    return (f"{len(state.keys)} first-round requests went through the Batch API (batch {state.batch_id}, {status}); "
            f"{merged} answers merged into the cache, {failed} failed and ran live; the discussion and decision "
            "rounds ran live")


def _submit(shared: Gateway, requests: list[BatchRequest]) -> BatchState:
    import openai

    lines = [json.dumps({"custom_id": r.custom_id, "method": "POST", "url": "/v1/chat/completions", "body": r.body})
             for r in requests]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    client = shared.client
    try:
        uploaded = client.files.create(file=("prfaq-batch.jsonl", data, "application/jsonl"), purpose="batch")
        batch = client.batches.create(input_file_id=uploaded.id, endpoint="/v1/chat/completions",
                                      completion_window="24h")
    except (openai.NotFoundError, openai.BadRequestError) as exc:
        raise ConfigError(f"{shared.settings.effective_base_url} does not offer the Batch API (files + batches "
                          f"answered HTTP {exc.status_code}); run without --provider-batch") from None
    except openai.OpenAIError as exc:
        raise _as_error(shared, exc) from None
    return BatchState(batch_id=batch.id, input_file_id=uploaded.id, keys={r.custom_id: r.cache_key for r in requests})


def _wait(shared: Gateway, batch_id: str) -> Any:
    """Poll until the batch is done (completed, failed, expired or cancelled)."""
    import openai

    delay = POLL_FIRST_S
    while True:
        try:
            batch = shared.client.batches.retrieve(batch_id)
        except openai.OpenAIError as exc:
            raise _as_error(shared, exc) from None
        if batch.status in TERMINAL:
            return batch
        time.sleep(delay)
        delay = min(POLL_MAX_S, delay * 1.5)


def _merge(shared: Gateway, batch: Any, state: BatchState) -> tuple[int, int]:
    """Store each good answer under its request's cache key. Returns (merged, failed)."""
    import openai

    file_id = getattr(batch, "output_file_id", None)
    if not file_id:
        return 0, len(state.keys)
    try:
        text = shared.client.files.content(file_id).text
    except openai.OpenAIError as exc:
        raise _as_error(shared, exc) from None
    merged = 0
    for line in text.splitlines():
        answer = _answer_of(line)
        if answer is None or answer[0] not in state.keys:
            continue
        custom_id, content, prompt_tokens, completion_tokens = answer
        shared.store.put_cached(state.keys[custom_id], content, prompt_tokens, completion_tokens)
        merged += 1
    return merged, len(state.keys) - merged


def _answer_of(line: str) -> tuple[str, str, int, int] | None:
    """(custom_id, content, prompt tokens, completion tokens) of a good batch output line, else None."""
    try:
        item = json.loads(line)
        response = item.get("response") or {}
        if item.get("error") or response.get("status_code") != 200:
            return None
        body = response["body"]
        choice = body["choices"][0]
        content = choice["message"]["content"]
        if choice.get("finish_reason") != "stop" or not isinstance(content, str):
            return None
        usage = body.get("usage") or {}
        return item["custom_id"], content, int(usage.get("prompt_tokens", 0)), int(usage.get("completion_tokens", 0))
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None


def _as_error(shared: Gateway, exc: Exception) -> LLMError:
    return shared._translate(exc)


def _load_state(path: Path | None) -> BatchState | None:
    if path is None or not path.exists():
        return None
    try:
        return BatchState.model_validate_json(path.read_bytes())
    except ValueError:
        return None  # unreadable: a new batch is submitted (the old one, if any, is simply not used)


def _save_state(path: Path | None, state: BatchState) -> None:
    if path is not None:
        write_atomically(path, state.model_dump_json(indent=2).encode("utf-8"))
