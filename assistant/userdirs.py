"""The user's data and cache dirs for prfaq (~/.local/share/prfaq and ~/.cache/prfaq on Linux).

`prfaq score` asks for both on every run (the config file, the caches), and importing platformdirs
costs about 7 ms of a ~150 ms run (its Unix module imports tempfile, shutil, random, bz2, lzma).
On Linux the answer is the XDG Base Directory rule, computed here the way platformdirs computes
it: an absolute $XDG_DATA_HOME / $XDG_CACHE_HOME, else ~/.local/share / ~/.cache, with prfaq
appended. Everything else -- other systems, an Android app, a HOME that is unset or relative
(platformdirs then asks the password database) -- is left to platformdirs itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "prfaq"


def _xdg(variable: str, default: str) -> Path | None:
    """The XDG dir for prfaq on plain Linux, or None to ask platformdirs."""
    if sys.platform != "linux" or os.environ.get("ANDROID_DATA") or hasattr(sys, "getandroidapilevel"):
        return None
    base = os.environ.get(variable, "")
    if os.path.isabs(base):
        return Path(base, APP)
    home = os.environ.get("HOME", "")
    if not os.path.isabs(home):
        return None
    return Path(os.path.expanduser(default), APP)


def user_data_dir() -> Path:
    found = _xdg("XDG_DATA_HOME", "~/.local/share")
    if found is not None:
        return found
    import platformdirs

    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def user_cache_dir() -> Path:
    found = _xdg("XDG_CACHE_HOME", "~/.cache")
    if found is not None:
        return found
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP, appauthor=False))
