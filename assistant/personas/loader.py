"""Personas are files: prompts/personas/<id>.yaml, built in or dropped into the user's prompts folder.

A persona file is a prompt file (name, version, messages for the LLM path) with extra keys:
`lens`, `always_checks`, `voice`, and optionally `default` (seated when --personas is not given),
`order`, `checks` (ids of built-in offline checks to run), `rules` (keyword checks written in
the file itself) and `seat_when` (words: seated by default only when the document mentions one;
always seated when named with --personas). A user file with the same id as a built-in one replaces it.

The messages may use these placeholders: {name}, {lens}, {voice}, {always_checks} (a bulleted
list), {reading_rules} (prompts/review.reading_rules.yaml: how to quote, severities, positions),
{checklist} (what the persona's rule-based checks found) and {document} (the document, in its
envelope). Copy a built-in file to start.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assistant.documents.models import Document
from assistant.errors import ConfigError
from assistant.personas.models import KeywordRule, Persona
from assistant.prompts import builtin_prompts_dir, list_prompts, load_prompt

SUBDIR = "personas"


def _strings(value: Any, key: str, path: Path) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{path}: '{key}' must be a list of strings")


def _rules(value: Any, path: Path) -> list[KeywordRule]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ConfigError(f"{path}: 'rules' must be a list of checks (id, question, when/unless)")
    try:
        return [KeywordRule.model_validate(item) for item in value]
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"{path}: invalid rule ({where}: {first['msg']})") from None


def persona_from_file(persona_id: str, path: Path, prompts_dir: Path | None) -> Persona:
    from assistant.personas.checks import CHECKS

    spec = load_prompt(f"{SUBDIR}/{persona_id}", prompts_dir)
    meta = spec.meta
    lens = meta.get("lens")
    if not isinstance(lens, str) or not lens.strip():
        raise ConfigError(f"{path}: a persona file needs a 'lens' (what this persona looks at)")
    checks = _strings(meta.get("checks"), "checks", path)
    unknown = [c for c in checks if c not in CHECKS]
    if unknown:
        raise ConfigError(f"{path}: unknown offline check {unknown[0]!r}; known: {', '.join(sorted(CHECKS))}")
    order = meta.get("order", 100)
    return Persona(
        id=persona_id,
        name=spec.name if spec.name != persona_id else persona_id.replace("-", " ").title(),
        lens=" ".join(lens.split()),
        always_checks=_strings(meta.get("always_checks"), "always_checks", path),
        voice=" ".join(str(meta.get("voice", "")).split()),
        version=spec.version,
        path=str(path),
        builtin=path.parent.parent == builtin_prompts_dir(),
        default=bool(meta.get("default", False)),
        order=order if isinstance(order, int) else 100,
        checks=checks,
        rules=_rules(meta.get("rules"), path),
        seat_when=_strings(meta.get("seat_when"), "seat_when", path),
    )


def available_personas(prompts_dir: Path | None = None) -> list[Persona]:
    """Every persona file found, the user's folder winning over the built-ins, in seating order."""
    personas = [persona_from_file(pid, path, prompts_dir) for pid, path in list_prompts(SUBDIR, prompts_dir).items()]
    return sorted(personas, key=lambda p: (p.order, p.id))


def select_personas(persona_ids: Sequence[str] | None, prompts_dir: Path | None = None) -> list[Persona]:
    """The personas to seat: the ones asked for (in that order), or the default panel."""
    available = {p.id: p for p in available_personas(prompts_dir)}
    if persona_ids is None:
        seated = [p for p in available.values() if p.default or p.seat_when]
        if not seated:
            raise ConfigError("no default personas found; name some with --personas (see --list-personas)")
        return seated
    wanted = list(dict.fromkeys(pid.strip().lower() for pid in persona_ids if pid.strip()))
    if not wanted:
        raise ConfigError("--personas is empty; name at least one (see prfaq review --list-personas)")
    unknown = [pid for pid in wanted if pid not in available]
    if unknown:
        raise ConfigError(f"unknown persona {unknown[0]!r}; available: {', '.join(sorted(available))}")
    return [available[pid].model_copy(update={"seat_when": []}) for pid in wanted]  # asked for: always seated


def seat(personas: Sequence[Persona], doc: Document) -> list[Persona]:
    """The personas that take a seat for this document: a persona with `seat_when` (seated by
    default only for some documents) sits when the document mentions one of its words. Text
    addressed to the reviewers is blanked first, so a document cannot seat or unseat anyone."""
    from assistant.personas.checks import ReviewContext, terms

    ctx = ReviewContext(doc)
    seated = [p for p in personas if not p.seat_when or ctx.mentions(terms(*p.seat_when))]
    return seated or list(personas)
