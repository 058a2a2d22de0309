"""Sentence vectors kept on disk between runs, so an unchanged sentence is never embedded twice.

A pre-commit hook, an editor on save and `prfaq serve` read the same document again and again,
changed in a sentence or two. The model costs about 2 s to load and 2-4 ms per sentence; a
sentence it has seen before costs a row read here. When every sentence of a run is known, the
model is not even loaded.

One SQLite file under the user cache dir (`$PRFAQ_CACHE_DIR`, else ~/.cache/prfaq), keyed by a
hash of the model's version and the text: the vectors are stored as the model gave them (float32
bytes), so a result never depends on whether the cache was warm. Several processes may use it at
once (critique's workers); a cache that cannot be opened, read or written only makes a run slower.
`PRFAQ_VECTOR_CACHE=off` turns it off.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

MAX_ROWS = 50_000  # about 105 MB at most; past it the oldest tenth is dropped
_SCHEMA = ("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL, "
           "added INTEGER NOT NULL DEFAULT (strftime('%s','now')))")

_lock = threading.Lock()
_connections: dict[str, sqlite3.Connection | None] = {}


def enabled() -> bool:
    from assistant.semantic import switched_off

    return not switched_off("PRFAQ_VECTOR_CACHE")


def key(model: str, text: str) -> str:
    return hashlib.blake2b(f"{model}\0{text}".encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _path() -> Path:
    from assistant.datacache import cache_dir

    return cache_dir() / "sentence-vectors.sqlite"


def _connect() -> sqlite3.Connection | None:
    path = str(_path())
    with _lock:
        if path in _connections:
            return _connections[path]
        connection: sqlite3.Connection | None
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, timeout=2.0, check_same_thread=False, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(_SCHEMA)
        except (sqlite3.Error, OSError) as exc:
            log.debug("sentence vector cache unavailable at %s: %s", path, exc)
            connection = None
        _connections[path] = connection
        return connection


def fetch(keys: Sequence[str], dimensions: int) -> dict[str, np.ndarray]:
    """The stored vectors of those `keys` that are stored."""
    import numpy as np

    connection = _connect() if enabled() and keys else None
    if connection is None:
        return {}
    found: dict[str, np.ndarray] = {}
    try:
        with _lock:
            for start in range(0, len(keys), 500):  # SQLite's limit on bound parameters
                chunk = list(keys[start:start + 500])
                marks = ",".join("?" * len(chunk))
                for row_key, blob in connection.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})",
                                                        chunk):
                    vector = np.frombuffer(blob, dtype=np.float32)
                    if vector.shape == (dimensions,):
                        found[row_key] = vector
    except sqlite3.Error as exc:
        log.debug("sentence vector cache read failed: %s", exc)
    return found


def store(items: Sequence[tuple[str, np.ndarray]]) -> None:
    """Keep these vectors; the oldest tenth goes when the file holds more than MAX_ROWS."""
    import numpy as np

    connection = _connect() if enabled() and items else None
    if connection is None:
        return
    rows = [(row_key, np.ascontiguousarray(vector, dtype=np.float32).tobytes()) for row_key, vector in items]
    try:
        with _lock:
            connection.executemany("INSERT OR IGNORE INTO vectors (key, vector) VALUES (?, ?)", rows)
            (count,) = connection.execute("SELECT count(*) FROM vectors").fetchone()
            if count > MAX_ROWS:
                connection.execute("DELETE FROM vectors WHERE rowid IN (SELECT rowid FROM vectors ORDER BY added, "
                                   "rowid LIMIT ?)", (count - MAX_ROWS + MAX_ROWS // 10,))
    except sqlite3.Error as exc:
        log.debug("sentence vector cache write failed: %s", exc)


def _after_fork_in_child() -> None:
    """A forked worker opens its own connection: SQLite connections must not cross a fork. The
    inherited ones are dropped, not closed (closing would touch the parent's file locks)."""
    global _lock
    _lock = threading.Lock()
    _connections.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
