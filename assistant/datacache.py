"""Data built once and kept under the user cache dir, keyed by the versions it was built from.

Start-up is what a pre-commit hook or an editor pays on every run: a table that takes a second
to build (wordfreq's word list, with the packages it imports) is built on the first run and
read back from a file afterwards. The key holds prfaq's version and the versions of the packages
the data comes from, so an upgrade builds it anew; an unwritable cache dir only costs the build.

Where: $PRFAQ_CACHE_DIR, else the platform's user cache dir (~/.cache/prfaq on Linux).
"""

from __future__ import annotations

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
