"""One model gateway for the whole run, seen through a small per-document view.

The run must share one HTTP client, one in-flight semaphore (so that --concurrency bounds the
requests of all documents and all personas together), one limiter and one cache. Each
document still needs its own accounting (its calls, tokens and cost go on its own line) and
needs to know which model calls failed even when a job tolerates a failure and carries on, so
the circuit breaker can see an endpoint that is down. A `DocGateway` is a Gateway whose shared
parts are the run's, with its own usage counters and failure list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel

from assistant.config import Settings
from assistant.llm.errors import LLMError
from assistant.llm.gateway import Gateway

T = TypeVar("T", bound=BaseModel)

# Failures that say the endpoint itself is in trouble (as opposed to one bad answer).
ENDPOINT_KINDS = frozenset({"unreachable", "auth", "server_error", "rate_limited", "timeout"})


class DocGateway(Gateway):
    """The run's gateway as one document sees it: shared transport, own usage and failures."""

    failures: list[LLMError]

    def structured(self, prompt_name: str, variables: dict[str, str], schema: type[T], *,
                   temperature: float | None = None) -> T:
        try:
            return super().structured(prompt_name, variables, schema, temperature=temperature)
        except LLMError as exc:
            self.failures.append(exc)
            raise

    def text(self, prompt_name: str, variables: dict[str, str], *,
             on_token: Callable[[str], None] | None = None, temperature: float | None = None) -> str:
        try:
            return super().text(prompt_name, variables, on_token=on_token, temperature=temperature)
        except LLMError as exc:
            self.failures.append(exc)
            raise


def shared_gateway(settings: Settings, limiter: object | None) -> Gateway:
    """The run's gateway, with its client and store created up front (views copy them)."""
    gateway = Gateway(settings)
    gateway.limiter = limiter
    _ = gateway.client, gateway.store
    return gateway


def document_view(shared: Gateway) -> DocGateway:
    view = DocGateway(shared.settings, store=shared.store)
    view.failures = []
    view.limiter = shared.limiter
    # The shared parts (attributes of the lead's Gateway; kept in this one place on purpose):
    view._client = shared.client  # one connection pool
    view._in_flight = shared._in_flight  # one bound on requests in flight across the run
    view._mode = shared._mode  # a structured-output mode already stepped down stays stepped down
    view.stream_usage = shared.stream_usage  # likewise an endpoint that refused stream_options
    return view
