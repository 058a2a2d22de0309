"""Data built once and kept under the user cache dir, keyed by the versions it was built from.

Start-up is what a pre-commit hook or an editor pays on every run: a table that takes a second
to build (wordfreq's word list, with the packages it imports) is built on the first run and
read back from a file afterwards. The key holds prfaq's version and the versions of the packages
the data comes from, so an upgrade builds it anew; an unwritable cache dir only costs the build.

Where: $PRFAQ_CACHE_DIR, else the platform's user cache dir (~/.cache/prfaq on Linux).
"""

from __future__ import annotations

import contextlib
import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar


def cache_dir() -> Path:
    env = os.environ.get("PRFAQ_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from assistant.userdirs import user_cache_dir

    return user_cache_dir()


def cached(name: str, key: str, build: Callable[[], Any]) -> Any:
    """`build()` (a value `marshal` can store: dicts, lists, str, bytes, numbers), read from the
    cache file for `name` and `key` when there is one, else built and written there."""
    from assistant import __version__

    safe_key = "".join(c if c.isalnum() or c in ".-_" else "_" for c in f"{__version__}-{key}")
    path = cache_dir() / f"{name}-{safe_key}.marshal"
    try:
        with open(path, "rb") as handle:
            return marshal.loads(handle.read())  # marshal.load(handle) reads in tiny pieces: many times slower
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            marshal.dump(value, handle)
        os.replace(tmp, path)  # atomic: a concurrent run reads the old file or the whole new one
    except OSError:
        return value
    _remove_stale(name, path)
    return value


def _remove_stale(name: str, current: Path) -> None:
    """Remove the files of `name` built under other keys (an upgraded package, an edited bank): no
    run asks for them again, and the cache dir would otherwise keep one per version for good."""
    for other in current.parent.glob(f"{name}-[0-9]*.marshal"):
        if other != current:
            with contextlib.suppress(OSError):
                other.unlink()


MEMO_MAX_ENTRIES = 20_000  # reading a memo costs ~0.14 ms per 1,000 words: past this, it keeps this run's words

V = TypeVar("V")

_memos: dict[str, Memo[Any]] = {}


class Memo(Generic[V]):
    """Results per word, kept between runs of the command line (see `memo`)."""

    def __init__(self, path: Path, value_type: type[V]) -> None:
        self.path, self.value_type = path, value_type
        self.table = _read_table(path)
        self.used: set[str] = set()
        self.changed = False

    def get(self, word: str, compute: Callable[[str], V]) -> V:
        """The stored value for `word`, or `compute(word)`, stored. A value of another type (a damaged
        or foreign file) is computed again, never returned."""
        self.used.add(word)
        value = self.table.get(word)
        if type(value) is not self.value_type:
            value = self.table[word] = compute(word)
            self.changed = True
        return value

    def save(self) -> None:
        """Write the table back if this run added to it, merged with what the file holds by then
        (a concurrent run's words are kept)."""
        if not self.changed:
            return
        merged = {**_read_table(self.path), **self.table}
        if len(merged) > MEMO_MAX_ENTRIES:
            merged = {word: self.table[word] for word in self.used}
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as handle:
                marshal.dump(merged, handle)
            os.replace(tmp, self.path)  # atomic: a concurrent run reads the old file or the whole new one
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        self.changed = False


def _read_table(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            table = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def memo(name: str, key: str, value_type: type[V]) -> Memo[V]:
    """The memo `name` of results per word (`value_type` values), kept between runs of the command line.

    A function whose result depends only on its word and on the data named by `key` (a package's
    version) asks the memo first (`Memo.get`); a pre-commit hook or an editor scores the same
    words again and again, and skips both the computation and loading what it needs (pyphen's
    patterns, the word-frequency table). Only the command line writes memos back (`save_memos`,
    at exit); a library caller reads them and keeps its additions in memory."""
    found = _memos.get(name)
    if found is None:
        from assistant import __version__

        safe_key = "".join(c if c.isalnum() or c in ".-_" else "_" for c in f"{__version__}-{key}")
        found = _memos[name] = Memo(cache_dir() / f"memo-{name}-{safe_key}.marshal", value_type)
    return found


def save_memos() -> None:
    """Write back each memo this process added to."""
    for found in _memos.values():
        found.save()
