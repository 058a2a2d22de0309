"""prfaq's data and cache dirs, computed without platformdirs on Linux, are the ones platformdirs
gives (assistant.userdirs says why they are computed), whatever the XDG variables and HOME say."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from assistant import userdirs

ENVIRONMENTS = [
    {},
    {"XDG_DATA_HOME": "/srv/data", "XDG_CACHE_HOME": "/srv/cache"},
    {"XDG_DATA_HOME": "relative/data", "XDG_CACHE_HOME": "relative/cache"},  # not absolute: ignored
    {"XDG_DATA_HOME": "", "XDG_CACHE_HOME": ""},
    {"XDG_DATA_HOME": "/srv/data/", "XDG_CACHE_HOME": "/srv/cache//"},
    {"HOME": "/home/someone/"},
    {"HOME": "relative-home"},  # platformdirs asks the password database: so do we, through it
]


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_the_dirs_are_the_ones_platformdirs_gives(env: dict[str, str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert userdirs.user_data_dir() == Path(platformdirs.user_data_dir("prfaq", appauthor=False))
    assert userdirs.user_cache_dir() == Path(platformdirs.user_cache_dir("prfaq", appauthor=False))


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG rule is computed on Linux only")
def test_on_linux_the_dirs_follow_the_xdg_variables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "/srv/cache")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert userdirs.user_cache_dir() == Path("/srv/cache/prfaq")
    assert userdirs.user_data_dir() == tmp_path / ".local" / "share" / "prfaq"
