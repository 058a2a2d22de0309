"""A team's own question list for `prfaq questions --ask FILE`: one question per line.

Blank lines and lines starting with `#` are skipped; surrounding whitespace and a list marker
("- ", "* ", "1. ") are dropped. `-` reads standard input. A list with no question is bad input.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from assistant.errors import InputError

MAX_BYTES = 1_000_000
MAX_QUESTIONS = 500
_MARKER = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")


def parse_asked(text: str) -> list[str]:
    """The questions of a list, in order."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        line = _MARKER.sub("", line).strip()
        if line:
            out.append(" ".join(line.split()))
    return out


def read_asked(source: str, *, name: str = "--ask") -> list[str]:
    """The questions in a file (or `-`, standard input); InputError when none can be read."""
    try:
        if source == "-":
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read(MAX_BYTES + 1) if stream is not None else sys.stdin.read(MAX_BYTES + 1).encode()
        else:
            path = Path(source)
            if not path.is_file():
                raise InputError(f"{name}: no such file: {source}")
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read {source}: {exc.strerror or exc}") from exc
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: {source} is larger than {MAX_BYTES // 1_000_000} MB; give one question per line")
    text = data.decode("utf-8", errors="replace")
    questions = parse_asked(text)
    if not questions:
        raise InputError(f"{name}: {source} has no questions (one per line; blank lines and # comments are skipped)")
    if len(questions) > MAX_QUESTIONS:
        raise InputError(f"{name}: {source} has {len(questions)} questions; at most {MAX_QUESTIONS} at a time")
    return questions
