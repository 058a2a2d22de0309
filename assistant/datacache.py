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
from typing import Any


def cache_dir() -> Path:
    env = os.environ.get("PRFAQ_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("prfaq", appauthor=False))


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
        pass
    return value


MEMO_MAX_ENTRIES = 100_000  # beyond this the memo restarts from what this run added

_memos: dict[str, tuple[Path, dict[str, Any], int, type]] = {}


def _read_table(path: Path, value_type: type) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            table = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(table, dict) or not all(type(k) is str and type(v) is value_type for k, v in table.items()):
        return {}  # damaged, or written by other code: recomputed, never trusted
    return table


def memo(name: str, key: str, value_type: type) -> dict[str, Any]:
    """A table of results per word (`value_type` values), kept between runs of the command line.

    A function whose results depend only on its word and on the data named by `key` (a package's
    version) looks a word up here first and stores what it computes; a pre-commit hook or an
    editor scores the same words again and again, and skips both the computation and loading
    what it needs (pyphen's patterns, the word-frequency table). Only the command line writes the
    table back (`save_memos`, at exit); a library caller reads it and keeps its additions in memory."""
    entry = _memos.get(name)
    if entry is None:
        from assistant import __version__

        safe_key = "".join(c if c.isalnum() or c in ".-_" else "_" for c in f"{__version__}-{key}")
        path = cache_dir() / f"memo-{name}-{safe_key}.marshal"
        table = _read_table(path, value_type)
        entry = _memos[name] = (path, table, len(table), value_type)
    return entry[1]


def save_memos() -> None:
    """Write back each memo this process added to, merged with what its file holds by then."""
    for name, (path, table, loaded, value_type) in list(_memos.items()):
        if len(table) == loaded:
            continue
        merged = {**_read_table(path, value_type), **table}  # keep what concurrent runs added
        if len(merged) > MEMO_MAX_ENTRIES:
            merged = dict(list(table.items())[loaded:])
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as handle:
                marshal.dump(merged, handle)
            os.replace(tmp, path)  # atomic: a concurrent run reads the old file or the whole new one
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        _memos[name] = (path, table, len(table), value_type)
