"""The local SQLite store: a log of every model call and the response cache.

It lives at $PRFAQ_HOME/logs.db. Schema changes are named migrations recorded in the
`_migrations` table (the pattern of Simon Willison's `llm`), so an old database upgrades in
place. Nothing here ever sees the API key: the gateway passes messages and metadata only.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

Migration = Callable[[sqlite3.Connection], None]


def m001_calls(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE calls (
            id INTEGER PRIMARY KEY,
            ts REAL NOT NULL,
            prompt_name TEXT, prompt_version TEXT, model TEXT, base_url TEXT, mode TEXT,
            messages TEXT, response TEXT,
            prompt_tokens INTEGER, completion_tokens INTEGER, cost_usd REAL,
            duration_ms INTEGER, error TEXT, cache_key TEXT, cached INTEGER DEFAULT 0
        )"""
    )


def m002_cache(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE cache (
            key TEXT PRIMARY KEY,
            response TEXT NOT NULL,
            prompt_tokens INTEGER, completion_tokens INTEGER,
            created REAL NOT NULL
        )"""
    )


def m003_calls_index(db: sqlite3.Connection) -> None:
    db.execute("CREATE INDEX calls_ts ON calls (ts)")


MIGRATIONS: list[tuple[str, Migration]] = [
    ("m001_calls", m001_calls),
    ("m002_cache", m002_cache),
    ("m003_calls_index", m003_calls_index),
]


class CallRecord(BaseModel):
    prompt_name: str
    prompt_version: str
    model: str
    base_url: str
    mode: str
    messages: list[dict[str, str]]
    response: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    duration_ms: int = 0
    error: str | None = None
    cache_key: str = ""
    cached: bool = False


class CachedResponse(BaseModel):
    response: str
    prompt_tokens: int
    completion_tokens: int


class Store:
    """Thread-safe access to logs.db (one connection, one lock: calls are few and small)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        # WAL with synchronous=NORMAL: a commit no longer waits for fsync (about 5 ms each here,
        # two per model call, all behind the one lock, which capped a run near 100 calls a
        # second whatever --concurrency said). The database still cannot be corrupted; a power
        # cut can lose the last few log lines and cache entries, which a re-run makes again.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._migrate()

    def _migrate(self) -> None:
        with self._lock, self._db:
            self._db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied REAL)")
            done = {row[0] for row in self._db.execute("SELECT name FROM _migrations")}
            for name, migration in MIGRATIONS:
                if name not in done:
                    migration(self._db)
                    self._db.execute("INSERT INTO _migrations VALUES (?, ?)", (name, time.time()))

    def get_cached(self, key: str) -> CachedResponse | None:
        with self._lock:
            row = self._db.execute(
                "SELECT response, prompt_tokens, completion_tokens FROM cache WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            return None
        return CachedResponse(response=row[0], prompt_tokens=row[1] or 0, completion_tokens=row[2] or 0)

    def put_cached(self, key: str, response: str, prompt_tokens: int, completion_tokens: int) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO cache VALUES (?, ?, ?, ?, ?)",
                (key, response, prompt_tokens, completion_tokens, time.time()),
            )

    def log(self, record: CallRecord) -> None:
        with self._lock, self._db:
            self._db.execute(
                """INSERT INTO calls (ts, prompt_name, prompt_version, model, base_url, mode, messages,
                   response, prompt_tokens, completion_tokens, cost_usd, duration_ms, error, cache_key, cached)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (time.time(), record.prompt_name, record.prompt_version, record.model, record.base_url,
                 record.mode, json.dumps(record.messages), record.response, record.prompt_tokens,
                 record.completion_tokens, record.cost_usd, record.duration_ms, record.error,
                 record.cache_key, int(record.cached)),
            )

    def count_calls(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM calls").fetchone()[0])

    def migrations(self) -> list[str]:
        with self._lock:
            return [row[0] for row in self._db.execute("SELECT name FROM _migrations ORDER BY name")]

    def close(self) -> None:
        with self._lock:
            self._db.close()
