"""The only code that talks to a model.

- The openai SDK against any base URL, with explicit timeouts. Transport retries (429, 5xx,
  timeouts, Retry-After) are the SDK's own; we do not wrap them in a second layer.
- Structured output into pydantic models: json_schema where the endpoint supports it, JSON mode
  or prompt-plus-parser where it does not (declared per endpoint in endpoints.yaml).
- Output that fails validation is re-asked with the validation error (tenacity, bounded).
- Every call is logged to the local store, which also serves as the response cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from pydantic import BaseModel, ValidationError

from assistant.config import Settings
from assistant.llm import errors as E
from assistant.llm.capabilities import cost_usd, structured_mode
from assistant.llm.store import CallRecord, Store
from assistant.prompts import PromptSpec, load_prompt

if TYPE_CHECKING:
    import openai

T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")
log = logging.getLogger("prfaq.llm")
CACHE_FORMAT = "1"


class Usage(BaseModel):
    calls: int = 0  # logical calls asked of the gateway
    requests: int = 0  # chat requests we sent (re-asks included; SDK transport retries not)
    cache_hits: int = 0
    reasks: int = 0
    errors: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0

    def as_dict(self) -> dict[str, float]:
        return {k: float(v) for k, v in self.model_dump().items()}


EventKind = Literal["planned", "start", "request", "token", "done", "failed"]


class CallEvent(BaseModel):
    """What a gateway's `observer` hears: calls planned before a fan-out starts (so progress says
    "1 of 3" from the first answer on, whichever thread starts first), a logical call starting,
    finishing or failing, each request about to go out (re-asks included), and each piece of
    free text as the model writes it ("token": a cache hit gives its whole text as one piece).
    `usage` is the gateway's running total then."""

    kind: EventKind
    prompt: str  # the prompt's name as asked for ("personas/cfo", "review.decide")
    title: str  # the prompt file's own name ("CFO" for a persona)
    usage: Usage
    text: str = ""  # kind "token": the piece of text just received


class _Completion(BaseModel):
    content: str
    prompt_tokens: int
    completion_tokens: int


class _InvalidAnswer(Exception):
    """Raised inside the re-ask loop; carries the validation error to send back."""

    def __init__(self, raw: str, error: str) -> None:
        super().__init__(error)
        self.raw = raw
        self.error = error


def estimate_tokens(text: str) -> int:
    # tiktoken would download its encodings at first use and fails offline; about four
    # characters a token is the usual estimate for English.
    return max(1, len(text) // 4)


def _strip_fences(raw: str) -> str:
    text = raw.strip()
    fenced = re.match(r"^```(?:json)?\s*(.*?)\s*```$", text, re.DOTALL)
    if fenced:
        return fenced.group(1)
    if not text.startswith("{"):
        start, end = text.find("{"), text.rfind("}")
        if 0 <= start < end:
            return text[start : end + 1]
    return text


def _short_validation_error(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "(root)"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


class Gateway:
    # Optional hook for batch runs (assistant.batch.limiter): `limiter.acquire(estimated_tokens)` is
    # called before each request; it waits for the rate limits and raises once the run is stopping.
    limiter: Any = None
    # Optional hook for `prfaq serve`'s progress stream: called with a CallEvent as each call starts
    # and ends, before each request and as free text arrives (free text is then streamed even
    # without an `on_token`); it may raise E.Cancelled to stop the run there.
    observer: Callable[[CallEvent], None] | None = None
    # Whether a stream asks the endpoint for its usage (stream_options.include_usage); turned off
    # for good once an endpoint refuses the option, and the tokens are then estimated.
    stream_usage: bool = True

    def __init__(self, settings: Settings, *, store: Store | None = None) -> None:
        self.settings = settings
        self.usage = Usage()
        self._store = store
        self._client: openai.OpenAI | None = None
        self._lock = threading.Lock()
        self._in_flight = threading.BoundedSemaphore(max(1, settings.max_in_flight))
        self._mode: str | None = None

    # -- plumbing ------------------------------------------------------------------------
    @property
    def store(self) -> Store:
        with self._lock:
            if self._store is None:
                self._store = Store(self.settings.home / "logs.db")
            return self._store

    @property
    def client(self) -> openai.OpenAI:
        with self._lock:
            if self._client is None:
                import openai

                key = self.settings.api_key.get_secret_value() if self.settings.api_key else "no-key"
                self._client = openai.OpenAI(
                    base_url=self.settings.effective_base_url,
                    api_key=key,
                    timeout=self.settings.timeout_s,
                    max_retries=self.settings.max_retries,
                )
            return self._client

    @property
    def mode(self) -> str:
        return self._mode or structured_mode(self.settings)

    def _secret(self) -> str | None:
        return self.settings.api_key.get_secret_value() if self.settings.api_key else None

    def _count(self, **deltas: float) -> None:
        with self._lock:
            for name, delta in deltas.items():
                setattr(self.usage, name, getattr(self.usage, name) + delta)

    def _notify(self, kind: EventKind, prompt: str, spec: PromptSpec | None, text: str = "") -> None:
        if self.observer is not None:
            with self._lock:
                usage = self.usage.model_copy()
            title = spec.name if spec is not None else prompt
            self.observer(CallEvent(kind=kind, prompt=prompt, title=title, usage=usage, text=text))

    def _token_sink(self, prompt: str, spec: PromptSpec, on_token: Callable[[str], None] | None
                    ) -> Callable[[str], None] | None:
        """Where a text call's pieces go: the caller's `on_token`, and the observer when there is one."""
        if self.observer is None:
            return on_token

        def both(piece: str) -> None:
            if on_token is not None:
                on_token(piece)
            self._notify("token", prompt, spec, piece)

        return both

    def plan(self, prompts: Sequence[str]) -> None:
        """Announce the calls a fan-out is about to make, before any of them starts."""
        for prompt in prompts:
            self._notify("planned", prompt, None)

    def _observed(self, prompt: str, spec: PromptSpec, call: Callable[[], R]) -> R:
        """Run one logical call, telling the observer (if any) when it starts and how it ended."""
        if self.observer is None:
            return call()
        self._notify("start", prompt, spec)
        try:
            result = call()
        except E.Cancelled:
            raise
        except BaseException:
            self._notify("failed", prompt, spec)
            raise
        self._notify("done", prompt, spec)
        return result

    # -- public API ----------------------------------------------------------------------
    def structured(
        self,
        prompt_name: str,
        variables: dict[str, str],
        schema: type[T],
        *,
        temperature: float | None = None,
    ) -> T:
        """Render a prompt, call the model, and return its answer validated as `schema`."""
        spec = load_prompt(prompt_name, self.settings.prompts_dir)
        return self._observed(prompt_name, spec, lambda: self._structured(spec, variables, schema, temperature))

    def _structured(self, spec: PromptSpec, variables: dict[str, str], schema: type[T], temperature: float | None
                    ) -> T:
        from tenacity import Retrying, retry_if_exception_type, stop_after_attempt

        temperature = self.settings.temperature if temperature is None else temperature
        messages = self._with_schema_instructions(spec.render(variables), schema)
        key = self._cache_key(spec, messages, schema, temperature)
        self._count(calls=1)
        cached = self._from_cache(key, schema)
        if cached is not None:
            return cached
        conversation = list(messages)
        attempts = Retrying(
            stop=stop_after_attempt(1 + self.settings.max_reasks),
            retry=retry_if_exception_type(_InvalidAnswer),
            reraise=True,
        )
        try:
            for attempt in attempts:
                with attempt:
                    if attempt.retry_state.attempt_number > 1:
                        self._count(reasks=1)
                    completion = self._complete(spec, conversation, schema, temperature, key)
                    try:
                        result = self._parse(completion.content, schema)
                    except _InvalidAnswer as invalid:
                        conversation = [*conversation, {"role": "assistant", "content": invalid.raw},
                                        *self._reask_messages(invalid.error)]
                        raise
                    self._save_cache(key, completion)
                    return result
        except _InvalidAnswer as invalid:
            self._count(errors=1)
            raise E.InvalidOutput(
                f"the model's answer to {spec.name!r} did not fit the expected {schema.__name__} after "
                f"{1 + self.settings.max_reasks} attempts ({invalid.error[:200]}); try a stronger model"
                + ("" if self.mode == "json_schema" else " or PRFAQ_STRUCTURED_MODE=json_schema")
            ) from None
        raise AssertionError("unreachable")  # pragma: no cover - tenacity either returns or raises

    def text(
        self,
        prompt_name: str,
        variables: dict[str, str],
        *,
        on_token: Callable[[str], None] | None = None,
        temperature: float | None = None,
    ) -> str:
        """Free text (streamed to `on_token` when given, and to the observer's "token" events when
        there is an observer), cached like structured calls."""
        spec = load_prompt(prompt_name, self.settings.prompts_dir)
        sink = self._token_sink(prompt_name, spec, on_token)
        return self._observed(prompt_name, spec, lambda: self._text(spec, variables, sink, temperature))

    def _text(self, spec: PromptSpec, variables: dict[str, str], on_token: Callable[[str], None] | None,
              temperature: float | None) -> str:
        temperature = self.settings.temperature if temperature is None else temperature
        messages = spec.render(variables)
        key = self._cache_key(spec, messages, None, temperature)
        self._count(calls=1)
        cached = self.store.get_cached(key) if self.settings.use_cache else None
        if cached is not None:
            self._count(cache_hits=1)
            if on_token:
                on_token(cached.response)
            return cached.response
        completion = (self._stream(spec, messages, temperature, key, on_token) if on_token
                      else self._complete(spec, messages, None, temperature, key))
        self._save_cache(key, completion)
        return completion.content

    def list_models(self) -> list[str]:
        """GET /models: proves the endpoint answers (used by `prfaq doctor`)."""
        try:
            return [m.id for m in self.client.with_options(max_retries=0, timeout=10).models.list()]
        except Exception as exc:  # every failure becomes one of our clear errors
            raise self._translate(exc) from None

    # -- helpers -------------------------------------------------------------------------
    def _with_schema_instructions(
        self, messages: list[dict[str, str]], schema: type[BaseModel]
    ) -> list[dict[str, str]]:
        if self.mode == "json_schema":
            return messages
        # JSON mode and prompt mode: the server does not enforce the schema, so state it.
        instructions = load_prompt("system.json_instructions", self.settings.prompts_dir).render(
            {"schema": _schema_text(schema)}
        )
        return [*messages, *instructions]

    def _reask_messages(self, error: str) -> list[dict[str, str]]:
        return load_prompt("system.reask", self.settings.prompts_dir).render({"error": error})

    def _response_format(self, schema: type[BaseModel] | None) -> dict[str, Any] | None:
        if schema is None or self.mode == "prompt":
            return None
        if self.mode == "json_object":
            return {"type": "json_object"}
        return {"type": "json_schema",
                "json_schema": {"name": schema.__name__, "schema": json.loads(_schema_text(schema)), "strict": False}}

    def _cache_key(self, spec: PromptSpec, messages: list[dict[str, str]], schema: type[BaseModel] | None,
                   temperature: float) -> str:
        material = {
            "format": CACHE_FORMAT,
            "base_url": self.settings.effective_base_url,
            "model": self.settings.model,
            "prompt": [spec.name, spec.version],
            "messages": messages,
            "schema": json.loads(_schema_text(schema)) if schema else None,
            "mode": self.mode if schema else "text",
            "temperature": temperature,
        }
        return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()

    def _from_cache(self, key: str, schema: type[T]) -> T | None:
        if not self.settings.use_cache:
            return None
        cached = self.store.get_cached(key)
        if cached is None:
            return None
        try:
            result = self._parse(cached.response, schema)
        except _InvalidAnswer:
            return None  # a stale entry from an older schema: ask again
        self._count(cache_hits=1)
        return result

    def _save_cache(self, key: str, completion: _Completion) -> None:
        if self.settings.use_cache:
            self.store.put_cached(key, completion.content, completion.prompt_tokens, completion.completion_tokens)

    def _parse(self, raw: str, schema: type[T]) -> T:
        if self.mode == "prompt":
            from langchain_core.exceptions import OutputParserException
            from langchain_core.output_parsers import PydanticOutputParser

            try:
                return PydanticOutputParser(pydantic_object=schema).parse(raw)
            except OutputParserException as exc:
                raise _InvalidAnswer(raw, " ".join(str(exc).split())[:500]) from None
        try:
            return schema.model_validate_json(_strip_fences(raw))
        except ValidationError as exc:
            raise _InvalidAnswer(raw, _short_validation_error(exc)) from None

    def _complete(self, spec: PromptSpec, messages: list[dict[str, str]], schema: type[BaseModel] | None,
                  temperature: float, key: str) -> _Completion:
        record = CallRecord(prompt_name=spec.name, prompt_version=spec.version, model=self.settings.model,
                            base_url=self.settings.effective_base_url, mode=self.mode if schema else "text",
                            messages=messages, cache_key=key)
        self._notify("request", spec.name, spec)
        started = time.monotonic()
        try:
            completion = self._answer(messages, schema, temperature)
        except Exception as exc:
            error = exc if isinstance(exc, E.LLMError) else self._translate(exc)
            record.error = f"{error.kind}: {error}"
            record.duration_ms = int((time.monotonic() - started) * 1000)
            self.store.log(record)
            self._count(errors=1)
            raise error from None
        record.response = completion.content
        record.prompt_tokens, record.completion_tokens = completion.prompt_tokens, completion.completion_tokens
        record.cost_usd = cost_usd(self.settings.model, completion.prompt_tokens, completion.completion_tokens)
        record.duration_ms = int((time.monotonic() - started) * 1000)
        self.store.log(record)
        self._count(prompt_tokens=completion.prompt_tokens, completion_tokens=completion.completion_tokens,
                    cost_usd=record.cost_usd)
        log.debug("call %s v%s: %d ms, %d+%d tokens", spec.name, spec.version, record.duration_ms,
                  completion.prompt_tokens, completion.completion_tokens)
        return completion

    def _answer(self, messages: list[dict[str, str]], schema: type[BaseModel] | None, temperature: float
                ) -> _Completion:
        """One completion. A malformed 200 (a body that is not JSON, or JSON that is not a chat
        completion) is a transient fault like a 429 or a 5xx: retried up to max_retries times
        (PRFAQ_MAX_RETRIES, the budget the SDK gives statuses and connections), with the SDK's
        own back-off (0.5 s doubling to 8 s, jittered); every other failure is final here (the
        SDK has already retried statuses and connections)."""
        from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential, wait_random

        attempts = Retrying(stop=stop_after_attempt(1 + self.settings.max_retries),
                            retry=retry_if_exception_type(E.MalformedResponse),
                            wait=wait_exponential(multiplier=0.5, max=8) + wait_random(0, 0.25), reraise=True)
        for attempt in attempts:
            with attempt:
                try:
                    return self._read_choice(self._create(messages, schema, temperature), messages)
                except E.LLMError:
                    raise
                except Exception as exc:
                    raise self._translate(exc) from None
        raise AssertionError("unreachable")  # pragma: no cover - tenacity either returns or raises

    def _create(self, messages: list[dict[str, str]], schema: type[BaseModel] | None, temperature: float) -> Any:
        import openai

        kwargs: dict[str, Any] = {"model": self.settings.model, "messages": messages, "temperature": temperature}
        response_format = self._response_format(schema)
        if response_format is not None:
            # As extra_body, not response_format=: the SDK walks a typed parameter against its
            # TypedDicts key by key, the whole JSON schema included (a third of a call's CPU, under
            # the one GIL every request of a batch shares); extra_body goes into the same JSON body as is.
            kwargs["extra_body"] = {"response_format": response_format}
        if self.limiter is not None:
            self.limiter.acquire(estimate_tokens(json.dumps(messages)))
        self._count(requests=1)
        with self._in_flight:
            try:
                return self.client.chat.completions.create(**kwargs)
            except openai.BadRequestError as exc:
                if response_format is None or "response_format" not in str(exc):
                    raise
        # The endpoint does not take this response_format: step down once and remember it.
        self._mode = "json_object" if self.mode == "json_schema" else "prompt"
        log.info("endpoint rejected response_format; using %s mode from now on", self._mode)
        return self._create(self._with_schema_instructions(messages, schema) if schema else messages,
                            schema, temperature)

    def _read_choice(self, response: Any, messages: list[dict[str, str]]) -> _Completion:
        choices = getattr(response, "choices", None)
        if not choices:
            raise E.MalformedResponse(f"the endpoint answered 200 without any choices ({self._attempts} attempts): "
                                      "it is not speaking the OpenAI chat format; check OPENAI_BASE_URL (it usually "
                                      "ends in /v1)")
        choice = choices[0]
        message = getattr(choice, "message", None)
        refusal = getattr(message, "refusal", None)
        if choice.finish_reason == "content_filter" or refusal:
            raise E.ModelRefused(f"the model refused to answer ({(refusal or 'content filter')[:120]}); "
                                 "the document may trip the provider's content policy")
        if choice.finish_reason == "length":
            raise E.OutputTruncated("the model stopped at its output-token limit before finishing; use a model "
                                    "with a larger output limit or a shorter document")
        content = getattr(message, "content", None)
        if not isinstance(content, str):
            raise E.MalformedResponse(f"the endpoint's answer has no message content ({self._attempts} attempts)")
        usage = getattr(response, "usage", None)
        prompt_tokens = getattr(usage, "prompt_tokens", None) or estimate_tokens(json.dumps(messages))
        completion_tokens = getattr(usage, "completion_tokens", None) or estimate_tokens(content)
        return _Completion(content=content, prompt_tokens=prompt_tokens, completion_tokens=completion_tokens)

    def _stream(self, spec: PromptSpec, messages: list[dict[str, str]], temperature: float, key: str,
                on_token: Callable[[str], None]) -> _Completion:
        self._notify("request", spec.name, spec)
        started = time.monotonic()
        parts: list[str] = []
        finish: str | None = None
        usage: Any = None
        self._count(requests=1)
        try:
            with self._in_flight, self._open_stream(messages, temperature) as stream:
                for chunk in stream:
                    usage = getattr(chunk, "usage", None) or usage  # the last chunk, when asked for
                    if not chunk.choices:
                        continue
                    delta = chunk.choices[0].delta.content or ""
                    if delta:
                        parts.append(delta)
                        on_token(delta)
                    finish = chunk.choices[0].finish_reason or finish
        except E.Cancelled:
            raise  # the page went away mid-answer: closing the stream stops the model writing
        except Exception as exc:
            self._count(errors=1)
            raise (exc if isinstance(exc, E.LLMError) else self._translate(exc)) from None
        if finish == "length":
            raise E.OutputTruncated("the model stopped at its output-token limit before finishing")
        if finish == "content_filter":
            raise E.ModelRefused("the model refused to answer (content filter); the document may trip the "
                                 "provider's content policy")
        content = "".join(parts)
        completion = _Completion(
            content=content,
            prompt_tokens=getattr(usage, "prompt_tokens", None) or estimate_tokens(json.dumps(messages)),
            completion_tokens=getattr(usage, "completion_tokens", None) or estimate_tokens(content))
        cost = cost_usd(self.settings.model, completion.prompt_tokens, completion.completion_tokens)
        self.store.log(CallRecord(prompt_name=spec.name, prompt_version=spec.version, model=self.settings.model,
                                  base_url=self.settings.effective_base_url, mode="stream", messages=messages,
                                  response=content, prompt_tokens=completion.prompt_tokens,
                                  completion_tokens=completion.completion_tokens, cost_usd=cost, cache_key=key,
                                  duration_ms=int((time.monotonic() - started) * 1000)))
        self._count(prompt_tokens=completion.prompt_tokens, completion_tokens=completion.completion_tokens,
                    cost_usd=cost)
        return completion

    def _open_stream(self, messages: list[dict[str, str]], temperature: float) -> Any:
        """A streamed chat completion that ends with the endpoint's own token counts, where it
        takes stream_options (OpenAI, vLLM, Ollama, llama.cpp do); one that refuses the option is
        asked again without it, and the tokens are estimated from then on."""
        import openai

        kwargs: dict[str, Any] = {"model": self.settings.model, "messages": cast(Any, messages),
                                  "temperature": temperature, "stream": True}
        if self.stream_usage:
            kwargs["stream_options"] = {"include_usage": True}
        try:
            return self.client.chat.completions.create(**kwargs)
        except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:  # 400, or 422 from some servers
            if not self.stream_usage or "stream_options" not in str(exc):
                raise
        self.stream_usage = False
        log.info("endpoint rejected stream_options; estimating the tokens of streamed answers")
        return self._open_stream(messages, temperature)

    @property
    def _attempts(self) -> int:
        return self.settings.max_retries + 1

    def _translate(self, exc: Exception) -> E.LLMError:
        """Turn SDK and transport exceptions into our errors, each with the fix in its message."""
        import openai

        url = self.settings.effective_base_url
        attempts = self.settings.max_retries + 1
        if isinstance(exc, E.LLMError):
            return exc
        if isinstance(exc, openai.APITimeoutError):
            return E.EndpointTimeout(f"{url} did not answer within {self.settings.timeout_s:g}s "
                                     f"({attempts} attempts); raise PRFAQ_TIMEOUT or check the server")
        if isinstance(exc, openai.APIConnectionError):
            return E.EndpointUnreachable(f"cannot reach {url} ({attempts} attempts); check OPENAI_BASE_URL "
                                         "and that the server is running (prfaq doctor)")
        if isinstance(exc, openai.AuthenticationError):
            return E.AuthFailed(f"{url} rejected the API key (401); check OPENAI_API_KEY")
        if isinstance(exc, openai.RateLimitError):
            retry_after = exc.response.headers.get("retry-after") if exc.response is not None else None
            hint = f" (it asked to wait {retry_after}s)" if retry_after else ""
            return E.RateLimited(f"{url} is rate-limiting requests{hint} and still was after {attempts} "
                                 "attempts; wait, lower --concurrency, or raise PRFAQ_MAX_RETRIES")
        if isinstance(exc, openai.InternalServerError) or (
            isinstance(exc, openai.APIStatusError) and exc.status_code >= 500
        ):
            return E.EndpointFailed(f"{url} failed with HTTP {exc.status_code} after {attempts} attempts; "
                                    "the server is having trouble, try again later")
        if isinstance(exc, openai.NotFoundError):
            return E.RequestRejected(f"{url} answered 404 for model {self.settings.model!r}; check PRFAQ_MODEL "
                                     "and that the base URL ends in /v1")
        if isinstance(exc, openai.APIStatusError):
            detail = E.redact(str(exc.message)[:200], self._secret())
            return E.RequestRejected(f"{url} rejected the request (HTTP {exc.status_code}: {detail})")
        if isinstance(exc, (ValueError, openai.APIResponseValidationError)):  # JSONDecodeError is a ValueError
            return E.GarbledBody(f"{url} sent a body that is not valid JSON chat output ({attempts} attempts); "
                                 "check that it is an OpenAI-compatible endpoint")
        return E.LLMError(f"model call failed: {type(exc).__name__}: {E.redact(str(exc)[:200], self._secret())}")


@lru_cache(maxsize=128)
def _schema_text(schema: type[BaseModel]) -> str:
    """The schema's JSON Schema, generated once per class: pydantic builds it anew on every
    `model_json_schema()` call, which was an eighth of a model run's CPU (three uses per call)."""
    return json.dumps(schema.model_json_schema(), sort_keys=True)
