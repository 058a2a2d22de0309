"""A structured call replayed from a vcrpy cassette: matched on the request body, with the
Authorization header filtered out when it was recorded.

The cassette was recorded from the loopback fake server on a fixed port; replaying needs no
server at all (nothing listens on that port). Delete the cassette to record it again.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import vcr
from conftest import CANARY_KEY
from pydantic import BaseModel, SecretStr

from assistant.config import Settings
from assistant.llm import Gateway, LLMError

CASSETTES = Path(__file__).parent / "cassettes"
RECORD_PORT = 18765
BASE_URL = f"http://127.0.0.1:{RECORD_PORT}/v1"


class Ping(BaseModel):
    ok: bool
    echo: str


def recorder(record_mode: str) -> vcr.VCR:
    return vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode=record_mode,
        # Without the body, two different prompts to the same URL would replay each other's answers.
        match_on=["method", "scheme", "host", "port", "path", "query", "body"],
        filter_headers=["authorization", "api-key", "openai-organization", "openai-project", "cookie"],
        decode_compressed_response=True,
    )


def settings(home: Path) -> Settings:
    return Settings(base_url=BASE_URL, api_key=SecretStr(CANARY_KEY), model="fake-model", home=home,
                    use_cache=False, max_retries=0, timeout_s=5)


def ensure_recorded(name: str, home: Path, answers: list[dict[str, object]], words: list[str]) -> Path:
    path = CASSETTES / name
    if path.exists():
        return path
    from fake_server import FakeLLM

    server = FakeLLM().start(port=RECORD_PORT)
    try:
        server.push_json(*answers)
        with recorder("once").use_cassette(name):
            gateway = Gateway(settings(home))
            for word in words:
                gateway.structured("ping", {"word": word}, Ping)
    finally:
        server.stop()
    return path


def test_structured_calls_replay_from_cassette_by_body(isolated_home):
    ensure_recorded("ping_structured.yaml", isolated_home,
                    [{"ok": True, "echo": "alpha"}, {"ok": True, "echo": "beta"}], ["alpha", "beta"])
    with recorder("none").use_cassette("ping_structured.yaml") as cassette:
        gateway = Gateway(settings(isolated_home))
        # Asked in the opposite order: only body matching gives each its own answer.
        assert gateway.structured("ping", {"word": "beta"}, Ping).echo == "beta"
        assert gateway.structured("ping", {"word": "alpha"}, Ping).echo == "alpha"
        assert cassette.play_count == 2


def test_a_request_not_in_the_cassette_is_refused_not_sent(isolated_home):
    ensure_recorded("ping_structured.yaml", isolated_home,
                    [{"ok": True, "echo": "alpha"}, {"ok": True, "echo": "beta"}], ["alpha", "beta"])
    from vcr.errors import CannotOverwriteExistingCassetteException

    with recorder("none").use_cassette("ping_structured.yaml"), pytest.raises(LLMError) as info:
        Gateway(settings(isolated_home)).structured("ping", {"word": "gamma"}, Ping)
    # Refused by the cassette because the body differs, not answered with another recorded reply.
    assert isinstance(info.value.__context__, CannotOverwriteExistingCassetteException)
    assert "differ in body" in str(info.value)


KEYLIKE = re.compile(r"sk-[A-Za-z0-9_\-]{8,}|Bearer\s+[A-Za-z0-9]", re.IGNORECASE)


def test_no_cassette_contains_a_key():
    files = list(CASSETTES.rglob("*.yaml")) + list(CASSETTES.rglob("*.json"))
    assert files, "no cassettes recorded"
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert CANARY_KEY not in text, path
        assert not KEYLIKE.search(text), path
        assert "authorization" not in text.lower(), path
        json.dumps(text)  # readable text, nothing binary
