"""Every way a model call can fail, each its own error with a message that says what to do.

Messages never contain the API key: they are built from status codes and our own words, and
the endpoint's own error text is passed through `redact()` first.
"""

from __future__ import annotations

import re

from assistant.errors import EXIT_MODEL_FAILED, PrfaqError

_KEYLIKE = re.compile(r"(sk-[A-Za-z0-9_\-]{6,}|Bearer\s+\S+|api[_-]?key[=:]\s*\S+)", re.IGNORECASE)


def redact(text: str, secret: str | None = None) -> str:
    if secret:
        text = text.replace(secret, "[redacted]")
    return _KEYLIKE.sub("[redacted]", text)


class LLMError(PrfaqError):
    exit_code = EXIT_MODEL_FAILED
    kind = "model_error"


class EndpointUnreachable(LLMError):
    kind = "unreachable"


class EndpointTimeout(LLMError):
    kind = "timeout"


class RateLimited(LLMError):
    kind = "rate_limited"


class EndpointFailed(LLMError):
    kind = "server_error"


class AuthFailed(LLMError):
    kind = "auth"


class RequestRejected(LLMError):
    kind = "bad_request"


class OutputTruncated(LLMError):
    kind = "truncated"


class ModelRefused(LLMError):
    kind = "refused"


class MalformedResponse(LLMError):
    """A 200 that is not a usable chat completion. Retried like a 429 or a 5xx, under the same
    budget (PRFAQ_MAX_RETRIES) and back-off: the next answer is often fine."""

    kind = "malformed"


class GarbledBody(MalformedResponse):
    """A 200 whose body is not JSON at all: a proxy cut it short, a server hiccuped. Transient
    like a 5xx, so it is retried (the SDK retries statuses and connections, not bodies)."""


class InvalidOutput(LLMError):
    kind = "invalid_output"


class Cancelled(Exception):  # noqa: N818 - it is what happened, not an error of the model's
    """The caller stopped the run (the page closed its progress stream) before the next model call,
    or mid-answer while a text answer streams.
    Not an LLMError on purpose: the pipelines carry on past one failed model call, and must not
    carry on past this."""
