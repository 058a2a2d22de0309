"""`prfaq serve`: a local page for writers, and a JSON API, over the same Python API as the CLI.

Every JSON answer is what the CLI prints with `--format json` for the same job. The server holds
the user's settings (and perhaps an API key), so it guards itself like one that matters:
- it answers only requests whose Host is this machine (DNS rebinding gets 403);
- a state-changing request from a foreign Origin gets 403 (CSRF);
- every page carries a Content-Security-Policy that allows no inline script and no other origin;
- bodies over the input limit get 413, malformed JSON 400, and the server keeps serving;
- the page never receives the settings, so the key cannot reach it.

The jobs that may call a model also answer at `POST /api/stream/<job>` with their progress as
they run, then the same result (assistant/serve/progress.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from assistant.errors import InputError, PrfaqError

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.serve.store import DocumentStore

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]
STATIC_TYPES = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
_ORIGIN = re.compile(r"^https?://(\[[^\]]+\]|[^:/]+)(?::\d+)?$")


def _host_name(value: str) -> str:
    """'localhost:8765' -> 'localhost', '[::1]:8765' -> '[::1]'."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[: value.find("]") + 1] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """Host and Origin checks, and the security headers on every answer (plain ASGI middleware)."""

    def __init__(self, app: ASGIApp, allowed_hosts: frozenset[str]) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope["method"], headers)

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        if refusal is not None:
            await JSONResponse({"error": refusal}, status_code=403)(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, method: str, headers: dict[str, str]) -> str | None:
        if _host_name(headers.get("host", "")) not in self.allowed_hosts:
            return "this server answers only requests addressed to localhost"
        if method in ("GET", "HEAD", "OPTIONS"):
            return None
        origin = headers.get("origin")
        if origin is not None:
            match = _ORIGIN.match(origin.strip().lower())
            if match is None or match.group(1) not in self.allowed_hosts:
                return "cross-origin requests are refused"
        if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return "cross-site requests are refused"
        return None


class BodyTooLarge(Exception):
    pass


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


Handler = Callable[[dict[str, Any]], Any]


def create_app(settings: Settings, store: DocumentStore, *, extra_hosts: frozenset[str] = frozenset()) -> ASGIApp:
    """The ASGI application: the page, its assets and the JSON API, behind the guard."""
    from assistant.serve import handlers

    # JSON escapes can double a text's size; the text itself is then held to the document limit.
    body_limit = settings.max_input_bytes * 2 + 64 * 1024
    api = handlers.Api(settings, store)

    async def read_json(request: Request) -> dict[str, Any] | Response:
        """The body as a JSON object, or the error answer (413, 400) to give instead."""
        try:
            raw = await _read_body(request, body_limit)
        except BodyTooLarge:
            return _error(f"the request is over the {settings.max_input_bytes} byte input limit "
                          "(PRFAQ_MAX_BYTES)", 413)
        try:
            body = json.loads(raw.decode("utf-8")) if raw.strip() else {}
        except (UnicodeDecodeError, json.JSONDecodeError):
            return _error("the body is not valid JSON", 400)
        if not isinstance(body, dict):
            return _error('the body must be a JSON object such as {"text": "..."}', 400)
        return body

    def refusal(exc: PrfaqError) -> tuple[str, int]:
        """What the page is told about a failed job, and the status; the endpoint's address (in
        the model errors' messages, for the CLI's user) stays on the server."""
        status = 413 if isinstance(exc, handlers.TooLarge) else 400 if isinstance(exc, InputError) else (
            502 if exc.exit_code == 3 else 400)
        message = str(exc)
        if settings.has_endpoint:
            message = message.replace(settings.effective_base_url, "the endpoint")
        return message, status

    def scrubbed(result: Any) -> Any:
        """A job's answer with the endpoint's address taken out of its notes and warnings (where a
        model call's failure is reported); nothing else is touched, so quotes keep their offsets."""
        if not settings.has_endpoint or not isinstance(result, dict):
            return result
        url = settings.effective_base_url
        out = dict(result)
        for key in ("notes", "warnings"):
            if isinstance(out.get(key), list):
                out[key] = [n.replace(url, "the endpoint") if isinstance(n, str) else n for n in out[key]]
        return out

    def endpoint(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def run(request: Request) -> Response:
            body = await read_json(request)
            if isinstance(body, Response):
                return body
            try:
                result = await run_in_threadpool(handler, body)
            except PrfaqError as exc:
                return _error(*refusal(exc))
            if isinstance(result, Response):
                return result
            return JSONResponse(scrubbed(result))

        return run

    def streamed(job: str, handler: Callable[..., dict[str, Any]]) -> Callable[[Request], Awaitable[Response]]:
        """The same job, answered as a stream of progress lines ending in the same result."""
        from assistant.serve.progress import EventStream, Run, start_event, usage_of

        offline = not settings.has_endpoint
        nothing = usage_of({})

        async def run(request: Request) -> Response:
            body = await read_json(request)
            if isinstance(body, Response):
                return body

            def work(progress: Run) -> dict[str, Any]:
                engine = api.run_engine(progress.observe)
                if offline:
                    progress.emit({"event": "step", "status": "started", "phase": "offline", "done": 0, "of": 1,
                                   "label": "the built-in offline engine is working", "usage": nothing})
                try:
                    result = handler(body, engine=engine)
                except PrfaqError as exc:
                    message, status = refusal(exc)
                    return {"event": "error", "status": status, "error": message}
                if offline:
                    progress.emit({"event": "step", "status": "done", "phase": "offline", "done": 1, "of": 1,
                                   "label": "done offline: no model calls, no cost", "usage": nothing})
                return {"event": "result", "result": scrubbed(result), "usage": usage_of(engine.usage_summary())}

            return EventStream(work, start_event(job, settings))

        return run

    async def page(request: Request) -> Response:
        html = files("assistant.serve").joinpath("static/index.html").read_text(encoding="utf-8")
        return Response(html, media_type="text/html; charset=utf-8")

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC_TYPES:
            return _error("not found", 404)
        return Response(files("assistant.serve").joinpath(f"static/{name}").read_bytes(), media_type=STATIC_TYPES[name])

    async def status(request: Request) -> Response:
        # What the page may know: the engine and the model's name; never the endpoint or the key.
        offline = not settings.has_endpoint
        return JSONResponse({"engine": settings.engine_name, "model": None if offline else settings.model,
                             "reason": settings.offline_reason if offline else None})

    async def documents(request: Request) -> Response:
        return JSONResponse({"documents": [d.model_dump() for d in store.list()]})

    async def document(request: Request) -> Response:
        found = store.get(request.path_params["doc_id"])
        return JSONResponse(found.model_dump()) if found else _error("no such document", 404)

    routes = [
        Route("/", page),
        Route("/static/{name}", asset),
        Route("/api/status", status, methods=["GET"]),
        Route("/api/documents", documents, methods=["GET"]),
        Route("/api/documents", endpoint(api.save), methods=["POST"]),
        Route("/api/documents/{doc_id}", document, methods=["GET"]),
        *[Route(f"/api/{name}", endpoint(handler), methods=["POST"]) for name, handler in api.jobs().items()],
        *[Route(f"/api/stream/{name}", streamed(name, handler), methods=["POST"])
          for name, handler in api.long_jobs().items()],
    ]
    app = Starlette(routes=routes)
    return Guard(app, LOCAL_HOSTS | extra_hosts)


def _check_free(host: str, port: int) -> None:
    """Refuse a taken port with one line before uvicorn logs its own error and exits."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            from assistant.errors import ConfigError

            reason = exc.strerror or exc
            raise ConfigError(f"cannot listen on {host}:{port} ({reason}); choose another --port") from None


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 8765, open_browser: bool = True) -> None:
    """Run the server until interrupted (the CLI's `prfaq serve`)."""
    import uvicorn

    from assistant.serve.store import DocumentStore

    _check_free(host, port)
    store = DocumentStore(Path(settings.home) / "documents.db")
    extra = frozenset() if host in LOCAL_HOSTS or host == "0.0.0.0" else frozenset({host.lower()})
    app = create_app(settings, store, extra_hosts=extra)
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    url = f"http://{shown}:{port}/"
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    print(f"prfaq: serving on {url} (Ctrl-C to stop)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
