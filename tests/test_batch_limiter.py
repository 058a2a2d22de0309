"""Rate limits as token buckets (checked with a fixed clock), and the stop gate."""

from __future__ import annotations

import pytest

from assistant.batch.limiter import RequestLimiter, RunStopped, TokenBucket


def test_a_bucket_allows_its_burst_then_spaces_requests_at_the_rate():
    bucket = TokenBucket(per_minute=60)  # one a second, ten seconds of burst
    bucket.updated = 0.0
    waits = [bucket.reserve(1, now=0.0) for _ in range(12)]
    assert waits[:10] == [0.0] * 10
    assert waits[10] == pytest.approx(1.0) and waits[11] == pytest.approx(2.0)


def test_a_bucket_refills_with_time_but_never_above_its_capacity():
    bucket = TokenBucket(per_minute=600)  # ten a second, capacity 100
    bucket.updated = 0.0
    assert bucket.reserve(100, now=0.0) == 0.0
    assert bucket.reserve(50, now=5.0) == 0.0  # 50 refilled
    assert bucket.reserve(100, now=10_000.0) == 0.0  # refills to 100, not more
    assert bucket.reserve(1, now=10_000.0) == pytest.approx(0.1)


def test_a_request_larger_than_the_bucket_waits_instead_of_deadlocking():
    bucket = TokenBucket(per_minute=60)  # capacity 10 tokens
    bucket.updated = 0.0
    assert bucket.reserve(25, now=0.0) == pytest.approx(15.0)


def test_once_stopped_every_request_fails_at_once():
    limiter = RequestLimiter()
    limiter.acquire(100)  # no limits: passes
    limiter.stop("interrupted (Ctrl-C)")
    with pytest.raises(RunStopped, match="interrupted"):
        limiter.acquire(1)
    assert RunStopped.kind == "stopped"
