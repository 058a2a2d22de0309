"""Progress of a long job for `prfaq serve`: each model call as it starts and ends, with the
running tokens and cost, and the free text a model writes as it arrives, streamed to the page
as one JSON object a line (NDJSON), then the same result the JSON API gives.

The lines, in order:
- `{"event": "start", "job", "engine", "model", "priced", "reason"}`: which engine runs (offline:
  `model` is null and `reason` says why); `priced` says whether the model has a price, so that a
  cost of 0 is not mistaken for free.
- `{"event": "step", "status": "started"|"done"|"failed", "phase", "label", "done", "of", "usage"}`:
  one model call; `done` of `of` counts the calls of its phase (the five reviewers reading, the
  lenses asking) finished of those started so far. Offline, one step says that no model was called.
- `{"event": "token", "phase", "label", "text"}`: text a model is writing (the press release of a
  draft, the rewrite of a revision), as it arrives, before its call's `done` step; the pieces of one
  call, joined, are its whole answer (a cached answer comes as one piece). Pieces are gathered into
  a line every TOKEN_SECONDS or TOKEN_CHARS characters, so a fast model does not send a line a word.
  It is the model's raw text, not the result: the page shows it as plain text until the result.
- `{"event": "result", "result", "usage"}`: `result` is exactly the JSON API's answer.
- or `{"event": "error", "status", "error"}`: the status the JSON API would have answered with.

`usage` is the run's own: calls, requests, cache hits, prompt and completion tokens as the
endpoint reported them, and cost in US dollars from the price table (assistant/llm/endpoints.yaml).

Closing the stream cancels the run: a text answer being streamed stops at its next piece, the
other calls in flight finish, no further call is made.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.llm.gateway import CallEvent

log = logging.getLogger("prfaq.serve")
USAGE_FIELDS = ("calls", "requests", "cache_hits", "prompt_tokens", "completion_tokens")
# Phases, by the prompt's name (or its prefix, ending in "." or "/"): what the page calls them.
PHASES: tuple[tuple[str, str], ...] = (
    ("personas/", "reading"), ("review.discuss", "discussion"), ("review.decide", "decision"),
    ("questions.judge", "checking answers"), ("questions.", "asking"),
    ("draft.extract", "facts"), ("draft.press_release", "press release"), ("draft.faq", "FAQ"),
    ("draft.revise", "revision"), ("revise.", "rewrite"),
    ("insights.themes", "naming themes"), ("insights.merge", "merging themes"),
)
# How a model's text is gathered into token lines: the first piece of a call at once (the writer
# sees the model start), then a line when this much text has gathered or this long has passed.
TOKEN_CHARS = 120
TOKEN_SECONDS = 0.15
# Runs whose job is still working (the page may have gone): tests wait on this to see a cancelled
# run end, instead of sleeping.
ACTIVE: set[Run] = set()
_ACTIVE_LOCK = threading.Lock()


def phase_of(prompt: str) -> str:
    for prefix, phase in PHASES:
        if prompt == prefix or (prefix[-1] in "./" and prompt.startswith(prefix)):
            return phase
    return prompt


def call_label(prompt: str, title: str, status: str) -> str:
    """'CFO: reading done', 'questions.cfo' -> 'cfo lens: asking started', 'decision failed'."""
    phase = phase_of(prompt)
    if prompt.startswith("personas/"):
        who = title
    elif prompt.startswith("questions.") and prompt != "questions.judge":
        who = f"{prompt.split('.', 1)[1].replace('_', ' ')} lens"
    else:
        return f"{phase} {status}"
    return f"{who}: {phase} {status}"


def usage_of(values: Any) -> dict[str, Any]:
    """The usage fields the page shows, from a gateway's Usage or an engine's usage summary."""
    data = values.model_dump() if hasattr(values, "model_dump") else dict(values)
    out: dict[str, Any] = {name: int(data.get(name, 0)) for name in USAGE_FIELDS}
    out["cost_usd"] = float(data.get("cost_usd", 0.0))
    return out


class Cancel:
    """Set once the page is gone; the run's observer then refuses the next model call."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def __bool__(self) -> bool:
        return self._event.is_set()


class Run:
    """One streamed job: its observer (called from the job's threads) turns gateway events into
    lines for the page, and stops the job once the page has gone."""

    def __init__(self, emit: Callable[[dict[str, Any]], None]) -> None:
        self.emit = emit
        self.cancel = Cancel()
        self._lock = threading.Lock()
        self._planned: dict[str, int] = {}
        self._started: dict[str, int] = {}
        self._finished: dict[str, int] = {}
        self._pending: dict[str, list[str]] = {}  # text received and not yet sent, by prompt
        self._sent_at: dict[str, float] = {}

    def observe(self, event: CallEvent) -> None:
        from assistant.llm.errors import Cancelled

        if self.cancel and event.kind in ("start", "request", "token"):
            raise Cancelled("the page closed the stream")
        if event.kind == "request":
            return
        if event.kind == "token":
            self._gather(event)
            return
        phase = phase_of(event.prompt)
        with self._lock:
            # The call's last words go out before its step; a failed call's are dropped with it.
            pending = "".join(self._pending.pop(event.prompt, []))
            self._sent_at.pop(event.prompt, None)
            if pending and event.kind == "done":
                self._emit_text(event, pending)
            if event.kind == "planned":
                self._planned[phase] = self._planned.get(phase, 0) + 1
                return
            if event.kind == "start":
                self._started[phase] = self._started.get(phase, 0) + 1
            else:
                self._finished[phase] = self._finished.get(phase, 0) + 1
            # The fan-out announced its size: "1 of 3" even when the first reader is done before
            # the third has started. A phase may run again (a second discussion round): it is
            # then "of" everything planned or started so far.
            done = self._finished.get(phase, 0)
            of = max(self._started.get(phase, 0), self._planned.get(phase, 0))
        status = {"start": "started", "done": "done", "failed": "failed"}[event.kind]
        self.emit({"event": "step", "status": status, "phase": phase,
                   "label": call_label(event.prompt, event.title, status), "done": done, "of": of,
                   "usage": usage_of(event.usage)})


    def _gather(self, event: CallEvent) -> None:
        if not event.text:
            return
        now = time.monotonic()
        with self._lock:  # held while emitting, so that one call's lines keep their order
            pending = self._pending.setdefault(event.prompt, [])
            pending.append(event.text)
            first = event.prompt not in self._sent_at
            if first or sum(map(len, pending)) >= TOKEN_CHARS or now - self._sent_at[event.prompt] >= TOKEN_SECONDS:
                self._emit_text(event, "".join(pending))
                pending.clear()
                self._sent_at[event.prompt] = now

    def _emit_text(self, event: CallEvent, text: str) -> None:
        self.emit({"event": "token", "phase": phase_of(event.prompt),
                   "label": call_label(event.prompt, event.title, "writing"), "text": text})


def start_event(job: str, settings: Settings) -> dict[str, Any]:
    """What runs this job; never the endpoint or the key."""
    from assistant.llm.capabilities import price_per_million

    if not settings.has_endpoint:
        return {"event": "start", "job": job, "engine": "offline", "model": None, "priced": True,
                "reason": settings.offline_reason}
    return {"event": "start", "job": job, "engine": "llm", "model": settings.model,
            "priced": price_per_million(settings.model) is not None, "reason": None}


class EventStream(Response):
    """Runs `work(run)` in a worker thread and streams its events as NDJSON until its result or
    error. `work` returns the final event. A client that goes away cancels the run."""

    media_type = "application/x-ndjson"

    def __init__(self, work: Callable[[Run], dict[str, Any]], first: dict[str, Any]) -> None:
        # No Response.__init__: it would declare a Content-Length for an empty body.
        self.status_code = 200
        self.background = None
        self.raw_headers = [(b"content-type", b"application/x-ndjson; charset=utf-8"),
                            (b"x-accel-buffering", b"no")]
        self.work = work
        self.first = first

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()

        def emit(event: dict[str, Any]) -> None:
            with contextlib.suppress(RuntimeError):  # the server is shutting down: nobody is listening
                loop.call_soon_threadsafe(queue.put_nowait, event)

        run = Run(emit)

        def work() -> None:
            try:
                final = self.work(run)
            except BaseException as exc:  # noqa: BLE001 - Cancelled, or a bug: end the stream either way
                from assistant.llm.errors import Cancelled

                if isinstance(exc, Cancelled):
                    final = {"event": "error", "status": 499, "error": "stopped: the page closed the stream"}
                else:
                    log.exception("a streamed job failed")
                    final = {"event": "error", "status": 500, "error": f"internal error ({type(exc).__name__})"}
            finally:
                with _ACTIVE_LOCK:
                    ACTIVE.discard(run)
            emit(final)

        async def watch() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass
            run.cancel.set()
            queue.put_nowait(None)

        with _ACTIVE_LOCK:
            ACTIVE.add(run)
        job = asyncio.ensure_future(run_in_threadpool(work))
        watcher = asyncio.ensure_future(watch())
        try:
            await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
            event: dict[str, Any] | None = self.first
            while event is not None:
                await send({"type": "http.response.body", "body": _line(event), "more_body": True})
                if event["event"] in ("result", "error"):
                    break
                event = await queue.get()
            else:
                return  # the client went away: nothing more to send
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        except OSError:  # the client went away mid-write
            pass
        finally:
            run.cancel.set()
            watcher.cancel()
            _KEEP.add(job)  # the job ends on its own (at the next model call at the latest)
            job.add_done_callback(_KEEP.discard)


_KEEP: set[asyncio.Future[Any]] = set()


def _line(event: dict[str, Any]) -> bytes:
    return (json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8")
