"""Evidence exactness on the model path: a model that quotes sloppily never puts words in the
document's mouth.

The fake model here answers every structured call with a full object (two items in every list)
whose quote-like fields hold the document's sentences as a careless model returns them: with
curly quotes, collapsed or changed whitespace, changed case, cut short, run into the next
sentence, or invented outright. Whatever it sends, every span-like value in the report of
questions, review and revise must be `document.text[start:end]`, with the right line; a quote
that cannot be found is dropped, never shown.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
from fake_server import Reply, Request, requested_schema
from test_evidence_exact import inexact, quotes

from assistant.api import load, questions, review, revise
from assistant.documents.models import Document

FIXTURES = Path(__file__).parent / "fixtures"
DOCS = [FIXTURES / "review" / "strong.md", FIXTURES / "review" / "gaps.md", FIXTURES / "questions" / "scopebox.md"]
_MARKED = re.compile(r"<<<([A-Z_]+) ([0-9a-f]{12})>>>\n(.*?)\n<<<END \1 \2>>>", re.DOTALL)
QUOTE_FIELDS = re.compile(r"quote|evidence|excerpt|span|original|source|text|before", re.IGNORECASE)


def _sentences(request: Request) -> list[str]:
    data = "\n".join(m.group(3) for m in _MARKED.finditer(request.text))
    found = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", data) if len(s.split()) >= 4]
    return found or ["The product is wonderful and everyone loves it."]


def _sloppy(sentence: str, rng: random.Random, following: str) -> str:
    return rng.choice([
        sentence.replace('"', "\u201c").replace("'", "\u2019"),
        " ".join(sentence.split()).replace(" ", "  ", 1),
        sentence.lower(),
        sentence[: max(8, len(sentence) * 2 // 3)],
        f"{sentence} {following}",
        "Customers said this is the best tool they have ever used.",
        sentence.replace(".", ",", 1) + ".",
        sentence,  # sometimes it gets one right
    ])


def _fill(schema: dict[str, Any], root: dict[str, Any], name: str, pool: list[str], rng: random.Random) -> Any:
    if "$ref" in schema:
        return _fill(root.get("$defs", {})[schema["$ref"].rsplit("/", 1)[-1]], root, name, pool, rng)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"] or schema[key]
            return _fill(options[0], root, name, pool, rng)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return rng.choice(schema["enum"])
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        return {key: _fill(props[key], root, key, pool, rng) for key in props}
    if kind == "array":
        count = max(schema.get("minItems", 0), min(2, schema.get("maxItems", 2)))
        return [_fill(schema.get("items", {}), root, name, pool, rng) for _ in range(count)]
    if kind == "string":
        if QUOTE_FIELDS.search(name):
            at = rng.randrange(len(pool))
            return _sloppy(pool[at], rng, pool[(at + 1) % len(pool)])
        return "A plain remark from the model."
    if kind == "integer":
        low, high = int(schema.get("minimum", 0)), int(schema.get("maximum", 3))
        return rng.randint(low, max(low, min(high, low + 3)))
    if kind == "number":
        return float(schema.get("minimum", 0))
    if kind == "boolean":
        return rng.random() < 0.5
    return None


def sloppy_quoter(seed: int):
    rng = random.Random(seed)

    def respond(request: Request) -> Reply:
        schema = requested_schema(request)
        pool = _sentences(request)
        if schema is None:
            return Reply(f"{_sloppy(pool[0], rng, pool[-1])} More words from the model.")
        return Reply(json.dumps(_fill(schema, schema, "", pool, rng)))

    return respond


def _checked(report: Any, doc: Document) -> int:
    assert inexact(report, doc) == []
    return sum(1 for _ in quotes(report))


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_a_sloppy_model_never_makes_a_quote_inexact(fake_llm, llm_settings, path, seed):
    fake_llm.default = sloppy_quoter(seed)
    doc = load(path, settings=llm_settings)
    shown = 0
    for command in (questions, review):
        shown += _checked(command(doc, settings=llm_settings), doc)
    revised = revise(doc, settings=llm_settings)
    assert inexact(revised, doc) == []
    assert fake_llm.chat_requests, "the model path was taken"
    # Some of the sloppy quotes are exact and must survive, or the test would pass on a tool that
    # drops every quote.
    assert shown > 0
