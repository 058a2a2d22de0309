"""Requests-per-minute and tokens-per-minute limits, and the gate that stops a run.

The model gateway calls `acquire(estimated_tokens)` before each request (its optional `limiter`
attribute). Each limit is a token bucket that may go into debt: a caller reserves what it needs
at once and sleeps until the bucket has refilled past zero, so waiting callers are served in the
order they arrived and none can starve. The bucket holds ten seconds' worth, which allows a
short burst without ever exceeding the per-minute figure over a minute.

The same object is the run's stop gate: once `stop()` is called (Ctrl-C, or the circuit breaker
tripped), every request that has not started yet fails at once with `RunStopped` instead of
spending time and money on a run that is ending.
"""

from __future__ import annotations

import threading
import time

from assistant.llm.errors import LLMError

BURST_SECONDS = 10.0


class RunStopped(LLMError):
    kind = "stopped"


class TokenBucket:
    def __init__(self, per_minute: float) -> None:
        if per_minute <= 0:
            raise ValueError("a rate limit must be positive")
        self.rate = per_minute / 60.0  # units per second
        self.capacity = max(1.0, self.rate * BURST_SECONDS)
        self.level = self.capacity
        self.updated = time.monotonic()

    def reserve(self, amount: float, now: float) -> float:
        """Take `amount` now (possibly into debt) and return how long to wait before using it."""
        self.level = min(self.capacity, self.level + (now - self.updated) * self.rate)
        self.updated = now
        self.level -= amount
        return 0.0 if self.level >= 0 else -self.level / self.rate


class RequestLimiter:
    def __init__(self, rpm: float | None = None, tpm: float | None = None) -> None:
        self.requests = TokenBucket(rpm) if rpm else None
        self.tokens = TokenBucket(tpm) if tpm else None
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self.reason = "the run is stopping"
        self.waited_s = 0.0

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

    def stop(self, reason: str) -> None:
        self.reason = reason
        self._stopped.set()

    def acquire(self, estimated_tokens: int) -> None:
        """Block until this request may go out under the limits; raise RunStopped if the run ends."""
        if self._stopped.is_set():
            raise RunStopped(self.reason)
        with self._lock:
            now = time.monotonic()
            wait = 0.0
            if self.requests is not None:
                wait = self.requests.reserve(1, now)
            if self.tokens is not None:
                wait = max(wait, self.tokens.reserve(max(1, estimated_tokens), now))
            self.waited_s += wait
        if wait > 0 and self._stopped.wait(wait):
            raise RunStopped(self.reason)
