"""One run of every command with a canary key and a canary e-mail address, debug logging on;
then every file the run wrote is searched. The key must appear nowhere; the e-mail only where
the document itself is meant to be (the call log of what was sent, and outputs quoting it)."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import CANARY_KEY, run_prfaq
from fake_server import schema_echo

CANARY_EMAIL = "canary.person@example.org"

NOTES = f"""# Notes: shelf counting for small grocers

Customer: owners of independent grocery stores.
- Owners spend about 90 minutes a day counting shelves.
- "I count cans on Sunday nights instead of seeing my kids." (owner, Tacoma)
Contact for the pilot: {CANARY_EMAIL}
Idea: a phone app that counts shelves from photos and drafts supplier orders.
Price: $49 per store per month.
"""


def _files_under(*roots: Path) -> list[Path]:
    found = []
    for root in roots:
        for dirpath, _, names in os.walk(root):
            found.extend(Path(dirpath) / name for name in names)
    return found


def test_the_key_never_lands_anywhere(tmp_path, fake_llm, llm_env, isolated_home):
    fake_llm.default = schema_echo
    env = {**llm_env, "PRFAQ_LOG_LEVEL": "debug", "OPENAI_LOG": "debug", "PRFAQ_STRUCTURED_MODE": "json_schema"}
    notes = tmp_path / "in" / "notes.md"
    notes.parent.mkdir()
    notes.write_text(NOTES, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    runs = [
        ("doctor",),
        ("outline", str(notes)),
        ("score", str(notes), "--judge"),
        ("questions", str(notes)),
        ("review", str(notes)),
        ("draft", str(notes), "-o", str(out / "draft.md")),
        ("draft", str(notes), "--format", "json"),
        ("critique", str(notes.parent), "--out", str(out / "critique")),
        ("doctor", "--base-url", "http://127.0.0.1:9/v1"),  # an error path too
    ]
    seen = []
    for args in runs:
        result = run_prfaq(*args, env=env, cwd=tmp_path)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        seen.append((args, result.stdout + result.stderr))
    assert fake_llm.chat_requests, "the runs never reached the model"
    sent = [value for r in fake_llm.requests for name, value in r.headers.items() if name.lower() == "authorization"]
    assert f"Bearer {CANARY_KEY}" in sent, "the key must reach the endpoint (and nowhere else)"

    for args, text in seen:
        assert CANARY_KEY not in text, args
        assert CANARY_KEY[:12] not in text, args
    written = _files_under(isolated_home, out, tmp_path)
    assert any(p.name == "logs.db" for p in written) and any(p.name == "prfaq.log" for p in written)
    for path in written:
        data = path.read_bytes()
        assert CANARY_KEY.encode() not in data, path
        assert CANARY_KEY.encode("utf-16-le") not in data, path
    debug_log = (isolated_home / "prfaq.log").read_text(encoding="utf-8")
    assert debug_log.strip(), "debug logging wrote nothing"
    assert CANARY_EMAIL not in debug_log, "the debug log copied document text"
    assert CANARY_EMAIL.encode() in (isolated_home / "logs.db").read_bytes() or any(
        CANARY_EMAIL.encode() in p.read_bytes() for p in written if p.name.startswith("logs.db")
    ), "the call log should hold what was sent (that is where the document is meant to be)"
