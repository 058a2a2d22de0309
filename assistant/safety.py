"""Spotting text that tries to instruct the model (prompt injection).

Documents and notes are data. This module finds the passages that read like instructions to
an AI or a reviewer, so outputs can flag them; nothing here changes a score, and the LLM paths
send untrusted text inside `prompts.envelope()` whatever this finds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.documents.models import Document, Span
from assistant.modelbase import BaseModel

_PATTERNS: list[tuple[str, str]] = [
    ("override", r"\b(ignore|disregard|forget|override)\b[^.\n]{0,40}\b(instructions?|prompts?|rules|above|previous"
                 r"|everything (above|before|else|you (were|have been) told))\b"),
    ("role_change", r"\byou are (now|no longer)\b|\bact as (an? )?(ai|assistant|system|reviewer)\b"),
    ("fake_role_line", r"(?im)^[ \t]*(system|assistant|developer)[ \t]*[:>]"),
    ("chat_markup", r"<\|im_(start|end)\|>|\[/?INST\]|<</?SYS>>|###\s*(instruction|system)"),
    ("verdict_demand", r"\b(reviewers?|the (ai|model|judge|assistant)|you)\b[^.\n]{0,30}\b(must|should|shall|will)"
                       r"\b[^.\n]{0,20}\b(approve|accept|score|rate|pass|give)\b"),
    ("score_demand", r"\b(give|assign|rate|score)\b[^.\n]{0,30}\b(100|10/10|5/5|full marks|a perfect score|the highest"
                     r" score)\b"),
    ("envelope_spoof", r"<<<\s*(end\s+)?[a-z_]+(\s+[0-9a-f]{6,})?\s*>>>"),
    # A sentence that opens by addressing the reader of the review: "Note to the reviewers:", "Dear AI,".
    ("addressed_to_reviewer", r"(?m)(^|(?<=[.!?]\s)|(?<=[.!?]\s\s))[^\w\n]{0,3}((note|message|attention|hint|dear"
                              r"|hey|hello)\s+((to|for)\s+)?((the|any|all|our)\s+)?|to\s+(any|all|every)\s+)"
                              r"(reviewers?|reviewing (ai|model)|ai|a\.i\.|llms?|language models?|(ai )?assistants?"
                              r"|judges?|graders?|evaluators?|chatbots?|gpt|chatgpt)\b"
                              r"|\b(ai|llm|model|assistant|reviewer)s?\s+reading\s+this\b"),
    # An order about the review's outcome: "Mark every question as answered."
    ("status_demand", r"(?m)(^|(?<=[.!?:]\s)|(?<=[.!?:]\s\s))[^\w\n]{0,3}(please\s+)?(mark|treat|consider|count"
                      r"|report|label|record)\b[^.\n]{0,60}\bas\s+(fully\s+|already\s+)?(answered|resolved|addressed"
                      r"|approved|passed)\b"),
]
_COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PATTERNS]


class InstructionFlag(BaseModel):
    kind: str
    span: Span


def find_instructions(doc: Document) -> list[InstructionFlag]:
    """Every passage of the document that reads like an instruction to an AI or reviewer."""
    flags = [InstructionFlag(kind=kind, span=doc.span(start, end)) for kind, start, end in _instruction_hits(doc.text)]
    flags.sort(key=lambda flag: flag.span.start)
    return flags


@lru_cache(maxsize=8)
def _instruction_hits(text: str) -> tuple[tuple[str, int, int], ...]:
    # Cached by text: a critique asks this of one document four times (warnings, score,
    # questions, review).
    return tuple((kind, m.start(), m.end()) for kind, pattern in _COMPILED for m in pattern.finditer(text))


def instruction_ranges(doc: Document, flags: list[InstructionFlag] | None = None) -> list[tuple[int, int]]:
    """The whole sentences that hold instruction-like passages, as sorted (start, end) ranges."""
    from assistant.clarity.text import Prose

    flags = find_instructions(doc) if flags is None else flags
    if not flags:
        return []
    sentences = Prose.of(doc.text).sentences
    ranges: set[tuple[int, int]] = set()
    for flag in flags:
        around = [(s.start, s.end) for s in sentences if s.start < flag.span.end and flag.span.start < s.end]
        ranges.update(around or [(flag.span.start, flag.span.end)])
    return sorted(ranges)


def without_instructions(doc: Document, flags: list[InstructionFlag] | None = None) -> Document:
    """The document as it reads with its instruction-like sentences blanked out (same offsets).

    Scores are computed on this copy, so text addressed to the model or to reviewers neither
    earns nor costs points: with or without a payload, a document scores the same.
    """
    ranges = instruction_ranges(doc, flags)
    if not ranges:
        return doc
    from assistant.documents import parse_document

    chars = list(doc.text)
    for start, end in ranges:
        for index in range(start, end):
            if chars[index] != "\n":
                chars[index] = " "
    masked = parse_document("".join(chars), path=doc.path, source_format=doc.source_format)
    return masked.model_copy(update={"warnings": doc.warnings, "sha256": doc.sha256})
