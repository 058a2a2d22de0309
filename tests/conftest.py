"""Shared test set-up.

- Every test gets its own PRFAQ_HOME and no OpenAI variables from the developer's shell, so a
  test never reads a real key or writes into a real user directory.
- Sockets other than loopback are blocked (pytest-socket, see addopts in pyproject.toml).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# The project's shared data (../shared beside the repository) is not part of a clone: tests that
# read it go through `need_shared`, which skips them where it is absent, except in CI
# (PRFAQ_REQUIRE_SHARED=1), where a missing folder fails them. PRFAQ_SHARED_DIR points elsewhere
# (.ci/run points it at an empty folder once, to prove a fresh clone skips cleanly).
SHARED = Path(os.environ.get("PRFAQ_SHARED_DIR") or REPO.parent / "shared")
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_missing(*parts: str) -> str | None:
    """Why the shared data at SHARED/parts cannot be used, or None when it is there."""
    path = SHARED.joinpath(*parts)
    if path.is_file() or (path.is_dir() and any(path.iterdir())):
        return None
    return (f"{path} is not here: it is the project's shared data, kept beside the repository as ../shared "
            "(a fresh clone has none; set PRFAQ_SHARED_DIR to where it is)")


def has_shared(*parts: str) -> bool:
    """Whether SHARED/parts is there, for a test that checks more when it is; in CI it must be."""
    reason = shared_missing(*parts)
    if reason is not None and os.environ.get("PRFAQ_REQUIRE_SHARED") == "1":
        pytest.fail(f"PRFAQ_REQUIRE_SHARED=1 but {reason}", pytrace=False)
    return reason is None


def need_shared(*parts: str) -> Path:
    """SHARED/parts, or skip the test with the reason (fail it in CI, where the data must be there)."""
    reason = shared_missing(*parts)
    if reason is not None:
        if os.environ.get("PRFAQ_REQUIRE_SHARED") == "1":
            pytest.fail(f"PRFAQ_REQUIRE_SHARED=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return SHARED.joinpath(*parts)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("prfaq-home")
    monkeypatch.setenv("PRFAQ_HOME", str(home))
    # Caches of data built from the package (the question bank's vectors) are keyed by content,
    # so one folder for the whole session is safe, and it keeps tests out of the real ~/.cache.
    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "prfaq-cache"))
    for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "PRFAQ_MODEL", "PRFAQ_PROMPTS_DIR", "PRFAQ_DEBUG",
                 "OPENAI_ORG_ID", "OPENAI_PROJECT_ID"):
        monkeypatch.delenv(name, raising=False)
    return home


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def run_prfaq(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None,
              cwd: Path | None = None, timeout: float = 120) -> Result:
    """Run the real command in a subprocess, as a user would, and capture what they would see."""
    full_env = {k: v for k, v in os.environ.items()}
    full_env.update(env or {})
    data = input.encode() if isinstance(input, str) else input
    proc = subprocess.run([sys.executable, "-m", "assistant", *args], input=data, capture_output=True,
                          env=full_env, cwd=cwd, timeout=timeout)
    return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


@pytest.fixture
def prfaq():
    return run_prfaq


def assert_one_line_error(result: Result, code: int = 2) -> None:
    """A user error: the documented exit code, one line on stderr, no traceback."""
    assert result.code == code, (result.code, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip() and "offline engine" not in line]
    assert len(lines) == 1, result.stderr


CANARY_KEY = "sk-canary-DO-NOT-LEAK-7f3a9c1e5b2d4a6f"


@pytest.fixture
def fake_llm():
    """A running OpenAI-compatible server on 127.0.0.1 with an empty response queue."""
    from fake_server import FakeLLM

    server = FakeLLM().start()
    yield server
    server.stop()


@pytest.fixture
def llm_settings(fake_llm, isolated_home):
    """Settings pointing at the fake server: short timeout, fast retries, canary key."""
    from pydantic import SecretStr

    from assistant.config import Settings

    return Settings(base_url=fake_llm.base_url, api_key=SecretStr(CANARY_KEY), model="fake-model",
                    home=isolated_home, timeout_s=2.0, max_retries=2)


@pytest.fixture
def llm_env(fake_llm, monkeypatch):
    """Environment variables that point the CLI at the fake server (for subprocess runs)."""
    env = {"OPENAI_BASE_URL": fake_llm.base_url, "OPENAI_API_KEY": CANARY_KEY, "PRFAQ_MODEL": "fake-model",
           "PRFAQ_TIMEOUT": "2"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


# A weak one-paragraph launch and the rubric's complete PR/FAQ: the two documents the score's
# start-up tests (fast path, lite models) run `prfaq score` on, written to a temporary folder.
WEAK_LAUNCH = ("# Our revolutionary new platform\n\n"
               "Our platform significantly improves many workflows and could arguably save a lot of time. "
               "Pricing is TBD and [CUSTOMER NAME] loves it.\n")


@pytest.fixture
def score_docs(tmp_path: Path) -> Path:
    from test_rubric_elements import COMPLETE

    (tmp_path / "weak.md").write_text(WEAK_LAUNCH, encoding="utf-8")
    (tmp_path / "launch.md").write_text(COMPLETE, encoding="utf-8")
    return tmp_path
