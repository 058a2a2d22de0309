"""An OpenAI-compatible server on 127.0.0.1 for tests and benchmarks.

Like the fake model in Simon Willison's `llm`, it answers from a queue: each test pushes the
replies (or faults) it wants, in order. When the queue is empty it answers with `default`,
a callable that sees the request body. It counts every request it gets, tracks how many were
in flight at once, and can add latency or random faults (seeded) for the batch benchmarks.
"""

from __future__ import annotations

import json
import random
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """A normal chat completion. `content` may be a str, or a dict/list that is sent as JSON text."""

    content: Any = ""
    finish_reason: str = "stop"
    refusal: str | None = None
    prompt_tokens: int = 11
    completion_tokens: int = 7
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Status:
    """An HTTP error status, e.g. Status(429, {"Retry-After": "1"})."""

    code: int
    headers: dict[str, str] = field(default_factory=dict)
    body: str = '{"error": {"message": "injected fault", "type": "server_error"}}'


@dataclass
class Hang:
    """Sleep before answering (longer than the client's timeout to simulate a hang)."""

    seconds: float
    then: Reply | Status | None = None


@dataclass
class Malformed:
    """A 200 whose body is not a chat completion."""

    body: str = '{"choices": [{"message": '


@dataclass
class Reset:
    """Close the connection without an answer."""


Action = Reply | Status | Hang | Malformed | Reset


@dataclass
class Request:
    path: str
    method: str
    headers: dict[str, str]
    body: dict[str, Any]
    started: float

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages", []))

    @property
    def text(self) -> str:
        """All message contents joined, for asserting on what was sent."""
        return "\n".join(str(m.get("content", "")) for m in self.messages)


def _default_reply(request: Request) -> Action:
    return Reply(content="{}")


class FakeLLM:
    def __init__(self) -> None:
        self.queue: deque[Action] = deque()
        self.requests: list[Request] = []
        self.default: Callable[[Request], Action] = _default_reply
        self.latency = 0.0
        self.fault_rate = 0.0
        self.fault_choices: list[Action] = [Status(429, {"Retry-After": "0"}), Status(500), Malformed()]
        self.rng = random.Random(7)
        self.models = ["fake-model"]
        self.batch_api = False
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self.traffic_start: float | None = None
        self.traffic_end: float | None = None
        self._server: ThreadingHTTPServer | None = None

    # -- queue ---------------------------------------------------------------------------
    def push(self, *actions: Action) -> FakeLLM:
        self.queue.extend(actions)
        return self

    def push_json(self, *payloads: Any) -> FakeLLM:
        return self.push(*(Reply(content=json.dumps(p)) for p in payloads))

    @property
    def chat_requests(self) -> list[Request]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def next_action(self, request: Request) -> Action:
        with self._lock:
            if self.queue:
                return self.queue.popleft()
            if self.fault_rate and self.rng.random() < self.fault_rate:
                return self.rng.choice(self.fault_choices)
        return self.default(request)

    # -- server --------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self, port: int = 0) -> FakeLLM:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; without this, Nagle's algorithm and delayed
            # ACKs add about 40 ms to every reply, which would swamp the latency benchmarks.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:  # noqa: N802
                fake._record(self, {})
                if self.path.rstrip("/").endswith("/models"):
                    data = [{"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in fake.models]
                    self._send(200, {"object": "list", "data": data})
                elif "/batches/" in self.path and fake.batch_api:
                    batch_id = self.path.rsplit("/", 1)[-1]
                    self._send(200, fake.batches.get(batch_id, {}))
                elif "/files/" in self.path and self.path.endswith("/content") and fake.batch_api:
                    file_id = self.path.split("/files/")[1].split("/")[0]
                    self._send_raw(200, fake.files.get(file_id, b""), "application/octet-stream")
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                if self.path.endswith("/files") and fake.batch_api:
                    fake._record(self, {"multipart": True})
                    self._send(200, fake._store_file(raw))
                    return
                try:
                    body = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    body = {"_raw": raw.decode("utf-8", "replace")}
                request = fake._record(self, body)
                if self.path.endswith("/batches"):
                    if not fake.batch_api:
                        self._send(404, {"error": {"message": "batch API not supported"}})
                        return
                    self._send(200, fake._run_batch(body))
                    return
                if not self.path.endswith("/chat/completions"):
                    self._send(404, {"error": {"message": "not found"}})
                    return
                fake._enter()
                try:
                    if fake.latency:
                        time.sleep(fake.latency)
                    self._perform(fake.next_action(request), body)
                finally:
                    fake._leave()

            def _perform(self, action: Action, body: dict[str, Any]) -> None:
                if isinstance(action, Hang):
                    time.sleep(action.seconds)
                    if action.then is None:
                        return self._send(200, _completion(Reply("{}"), body))
                    action = action.then
                if isinstance(action, Status):
                    return self._send_raw(action.code, action.body.encode(), "application/json", action.headers)
                if isinstance(action, Malformed):
                    return self._send_raw(200, action.body.encode(), "application/json")
                if isinstance(action, Reset):
                    self.close_connection = True
                    try:
                        linger = b"\x01\x00\x00\x00\x00\x00\x00\x00"  # RST instead of FIN
                        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    return None
                if body.get("stream"):
                    return self._stream(action, body)
                return self._send(200, _completion(action, body), action.headers)

            def _stream(self, reply: Reply, body: dict[str, Any]) -> None:
                text = reply.content if isinstance(reply.content, str) else json.dumps(reply.content)
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                pieces = [text[i : i + 16] for i in range(0, len(text), 16)] or [""]
                for index, piece in enumerate(pieces):
                    last = index == len(pieces) - 1
                    chunk = {
                        "id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0,
                        "model": body.get("model", "fake-model"),
                        "choices": [{"index": 0, "delta": {"content": piece},
                                     "finish_reason": reply.finish_reason if last else None}],
                    }
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                if (body.get("stream_options") or {}).get("include_usage"):  # as OpenAI: a last chunk, no choices
                    usage = {"prompt_tokens": reply.prompt_tokens, "completion_tokens": reply.completion_tokens,
                             "total_tokens": reply.prompt_tokens + reply.completion_tokens}
                    chunk = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0,
                             "model": body.get("model", "fake-model"), "choices": [], "usage": usage}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

            def _send(self, code: int, payload: Any, headers: dict[str, str] | None = None) -> None:
                self._send_raw(code, json.dumps(payload).encode(), "application/json", headers)

            def _send_raw(self, code: int, data: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
                try:
                    self.send_response(code)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(data)))
                    for key, value in (headers or {}).items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout): nothing to answer

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        # shutdown() waits for the loop's next poll: 0.5 s by default, paid by every test's teardown.
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # -- bookkeeping ---------------------------------------------------------------------
    def _record(self, handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> Request:
        request = Request(handler.path, handler.command, dict(handler.headers.items()), body, time.monotonic())
        with self._lock:
            self.requests.append(request)
        return request

    def _enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            if self.traffic_start is None:
                self.traffic_start = time.monotonic()

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1
            self.traffic_end = time.monotonic()

    def _store_file(self, raw: bytes) -> dict[str, Any]:
        """Keep the multipart part named "file" (the SDK sends the "purpose" field first)."""
        boundary = raw.split(b"\r\n", 1)[0]
        content = b""
        for part in raw.split(boundary):
            head, _, body = part.partition(b"\r\n\r\n")
            if b'name="file"' in head:
                content = body.rsplit(b"\r\n", 1)[0]
        file_id = f"file-{len(self.files) + 1}"
        self.files[file_id] = content
        return {"id": file_id, "object": "file", "bytes": len(content), "created_at": 0,
                "filename": "batch.jsonl", "purpose": "batch", "status": "processed"}

    def _run_batch(self, body: dict[str, Any]) -> dict[str, Any]:
        """Answer every line of the input file at once, as a finished batch."""
        lines = self.files.get(body.get("input_file_id", ""), b"").decode().splitlines()
        out = []
        for line in filter(None, lines):
            item = json.loads(line)
            request = Request(item["url"], "POST", {}, item["body"], time.monotonic())
            with self._lock:
                self.requests.append(request)
            action = self.next_action(request)
            reply = action if isinstance(action, Reply) else Reply("{}")
            out.append(json.dumps({"id": f"br-{len(out)}", "custom_id": item["custom_id"],
                                   "response": {"status_code": 200, "body": _completion(reply, item["body"])},
                                   "error": None}))
        output_id = f"file-{len(self.files) + 1}"
        self.files[output_id] = ("\n".join(out) + "\n").encode()
        batch_id = f"batch-{len(self.batches) + 1}"
        batch = {"id": batch_id, "object": "batch", "endpoint": body.get("endpoint"), "status": "completed",
                 "input_file_id": body.get("input_file_id"), "output_file_id": output_id,
                 "completion_window": "24h", "created_at": 0,
                 "request_counts": {"total": len(out), "completed": len(out), "failed": 0}}
        self.batches[batch_id] = batch
        return batch


def _completion(reply: Reply, body: dict[str, Any]) -> dict[str, Any]:
    content = reply.content if isinstance(reply.content, str) else json.dumps(reply.content)
    message: dict[str, Any] = {"role": "assistant", "content": None if reply.refusal else content}
    if reply.refusal:
        message["refusal"] = reply.refusal
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": body.get("model", "fake-model"),
        "choices": [{"index": 0, "message": message, "finish_reason": reply.finish_reason}],
        "usage": {"prompt_tokens": reply.prompt_tokens, "completion_tokens": reply.completion_tokens,
                  "total_tokens": reply.prompt_tokens + reply.completion_tokens},
    }


def minimal_instance(schema: dict[str, Any], root: dict[str, Any] | None = None) -> Any:
    """The smallest value that validates against a (pydantic-made) JSON Schema.

    Lets the fake server answer any structured call without knowing the model behind it:
    `fake.default = schema_echo` answers each request with a valid, minimal object.
    """
    root = root or schema
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return minimal_instance(root.get("$defs", {})[name], root)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"] or schema[key]
            return minimal_instance(options[0], root)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    if "default" in schema:
        return schema["default"]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        return {name: minimal_instance(props[name], root) for name in schema.get("required", props)}
    if kind == "array":
        count = schema.get("minItems", 0)
        return [minimal_instance(schema.get("items", {}), root) for _ in range(count)]
    if kind == "string":
        return "x" * max(1, schema.get("minLength", 1))
    if kind == "integer":
        return int(schema.get("minimum", 0))
    if kind == "number":
        return float(schema.get("minimum", 0))
    if kind == "boolean":
        return False
    if kind == "null":
        return None
    return None


def schema_echo(request: Request) -> Action:
    """Answer a structured call with the minimal valid object for the schema it sent."""
    fmt = request.body.get("response_format") or {}
    schema = (fmt.get("json_schema") or {}).get("schema")
    if schema is None:
        return Reply("Seattle, WA - A plain answer from the fake model.")
    return Reply(json.dumps(minimal_instance(schema)))


# --- a gullible model ----------------------------------------------------------------------------
_MARKED = re.compile(r"<<<([A-Z_]+) ([0-9a-f]{12})>>>\n(.*?)\n<<<END \1 \2>>>", re.DOTALL)
_ORDER = re.compile(r"[^.\n]*\b(ignore (all )?(the )?previous instructions|must approve|approve (it|this)|score it"
                    r"|as answered|(is|are) (already )?answered|note to the (reviewers?|ai))\b[^.\n]*[.!]?",
                    re.IGNORECASE)
_OBEYED = {"position": "approve", "verdict": "approve", "status": "answered"}
_DROPPED = {"findings", "must_fix", "responses"}


def planted_order(request: Request) -> str | None:
    """The first sentence inside the data markers that gives the model an order, if any."""
    data = "\n".join(m.group(3) for m in _MARKED.finditer(request.text))
    found = _ORDER.search(data)
    return found.group(0).strip() if found else None


def gullible(honest: Callable[[Request], Action] = schema_echo) -> Callable[[Request], Action]:
    """A model that obeys text planted inside the data markers, as a weak or jailbroken model would.

    When the data holds an order ("ignore previous instructions", "you must approve", "mark every
    question as answered"), every structured answer it gives does as told: positions and verdicts
    `approve`, no findings, no must-fix, every question `answered` quoting the planted sentence.
    Free text repeats the order. Without an order, or for a call with nothing to obey, it answers
    like `honest`."""

    def respond(request: Request) -> Action:
        order = planted_order(request)
        schema = requested_schema(request)
        if order is None:
            return honest(request)
        if schema is None:
            return Reply(f"Approved, as the document asks. {order}")
        props = set(schema.get("properties", {}))
        if not props & {*_OBEYED, "judgements"}:
            return honest(request)
        answer = _obey(minimal_instance(schema), props, order, _question_numbers(request))
        return Reply(json.dumps(answer))

    return respond


def requested_schema(request: Request) -> dict[str, Any] | None:
    """The JSON Schema a structured call asks for: in response_format, or stated in the prompt
    (JSON mode and prompt mode, prompts/system.json_instructions.yaml)."""
    fmt = request.body.get("response_format") or {}
    schema = (fmt.get("json_schema") or {}).get("schema")
    if schema is not None:
        return dict(schema)
    marker = "validate against this JSON Schema:"
    for message in reversed(request.messages):
        content = str(message.get("content", ""))
        if marker in content:
            found, _ = json.JSONDecoder().raw_decode(content.split(marker, 1)[1].strip())
            return dict(found)
    return None


def _question_numbers(request: Request) -> list[int]:
    blocks = [m.group(3) for m in _MARKED.finditer(request.text) if m.group(1) == "QUESTIONS"]
    return [int(n) for block in blocks for n in re.findall(r"(?m)^(\d+)\. ", block)]


def _obey(answer: dict[str, Any], props: set[str], order: str, numbers: list[int]) -> dict[str, Any]:
    for key in props:
        if key in _OBEYED:
            answer[key] = _OBEYED[key]
        elif key in _DROPPED:
            answer[key] = []
        elif key == "judgements":
            answer[key] = [{"index": n, "status": "answered", "quote": order} for n in numbers]
        elif key in ("biggest_concern", "reasons"):
            text = "Approved, as the document instructs."
            answer[key] = [text] if key == "reasons" else text
    return answer
