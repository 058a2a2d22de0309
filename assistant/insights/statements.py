"""Statements: the sentences of a source that could voice a customer's problem or need.

A source's text is split into sentences (the same splitter the score uses); interviewer
questions, headings, metadata lines ("Role: owner"), greetings and sign-offs ("Hi team, hope
you're well", "Kind regards", "Sent from my iPhone": half the sentences of a ticket export, and
embedding them would cost half the time) are left out; a leading speaker label ("A:",
"Customer:") or salutation ("Hello support,") is cut off, so a statement is the customer's own
words, `text[start:end]`. What it is grouped and scored by is its `key`: those words without ids,
references and the boilerplate most rows of an export share (clean.py); a sentence with nothing
else is not a statement. Each statement then gets a problem score: how much closer its meaning is to
generic problem sentences than to neutral facts (assistant/insights/anchors.yaml), plus a little
for problem words. Neutral facts that recur ("we moved the office") score low and are not themes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# A speaker's label: "A:", "Customer:", "Priya (Port Ludlow Marina):", bold or not ("**Tom:**").
_LABEL = re.compile(r"^(?:\*\*|__)?(?:[A-Z][\w .'-]{0,24}(?:\s*\([^()\n]{1,40}\))?|[AQ])\s*(?:\*\*|__)?\s*:"
                    r"\s*(?:\*\*|__)?\s+")
_QUESTION_LABEL = re.compile(r"^\s*(?:Q|Question|Interviewer|Me|Us|PM)\s*:", re.I)
_META_LABEL = re.compile(r"^\s*(?:role|segment|date|persona|title|company|location|interviewee|customer|name|"
                         r"job title|id|plan|tier)\s*:", re.I)
_SALUTATION = re.compile(r"^(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\b[\w .'-]{0,30}?,\s*",
                         re.I)
_GREETING_ONLY = re.compile(r"^(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\b[\w .'-]{0,30}?"
                            r"(?:\s*\([^()]*\))?\s*[.!,]?\s*$", re.I)  # "Hello support (ticket 4412)."
_PLEASANTRY = re.compile(r"^(?:i |we )?(?:hope (?:you(?:'re| are)|this finds you|all is|everyone is)|"
                         r"(?:many |thanks |thank you )?(?:thanks|thank you) (?:in advance|for (?:your|the|any) help)|"
                         r"(?:kind |best |warm )?regards\b|best wishes\b|cheers\b|sent from my\b)", re.I)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
MIN_WORDS = 4
MAX_CHARS = 400
PROBLEM_THRESHOLD = -0.03
LEXICAL_WEIGHT = 0.08  # a problem word ("can't", "never", "hours a week", "wish") counts this much


@dataclass
class Statement:
    source: str
    start: int
    end: int
    text: str
    score: float = 0.0
    key: str = ""  # what it is grouped by: `text` without ids and boilerplate (clean.py); never shown


def split(text: str, source: str, boilerplate: frozenset[str] = frozenset()) -> list[Statement]:
    """The candidate statements of one source's text, with offsets into that text. A sentence that
    is all ids or boilerplate (see clean.py) is not one."""
    from assistant.clarity.text import Prose
    from assistant.insights.clean import grouping_text

    out: list[Statement] = []
    for sentence in Prose(text).sentences:
        start, end = sentence.start, sentence.end
        line_start = text.rfind("\n", 0, start) + 1
        line = text[line_start:end]
        if _QUESTION_LABEL.match(line) or _META_LABEL.match(text[start:end]) or text[line_start:].lstrip()[:1] == "#":
            continue
        label = _LABEL.match(text[start:end])
        if label:
            start += label.end()
        salutation = _SALUTATION.match(text[start:end])
        if salutation:
            start += salutation.end()
        if _PLEASANTRY.match(text[start:end]) or _GREETING_ONLY.match(text[start:end]):
            continue
        while end > start and text[end - 1] in " \t":
            end -= 1
        body = text[start:end]
        if body.rstrip().endswith("?") or len(_WORD.findall(body)) < MIN_WORDS:
            continue
        if len(body) > MAX_CHARS:
            end = start + MAX_CHARS
            cut = text.rfind(" ", start, end)
            end = cut if cut > start else end
            body = text[start:end]
        key = grouping_text(body, boilerplate)
        if key is not None and text[start:end] == body:  # offsets checked here, once: every quote is a statement
            out.append(Statement(source=source, start=start, end=end, text=body, key=key))
    return out


@lru_cache(maxsize=1)
def _anchors() -> tuple[list[str], list[str]]:
    from assistant.yamlload import safe_load

    data = safe_load((Path(__file__).with_name("anchors.yaml")).read_text(encoding="utf-8"))
    return list(data["problem"]), list(data["neutral"])


def _anchor_vectors() -> tuple[np.ndarray, np.ndarray]:
    from assistant.semantic import cached_encode

    problem, neutral = _anchors()
    return cached_encode("insights-problem", problem), cached_encode("insights-neutral", neutral)


# Data a customer found wrong is a problem, though it reads like a plain fact to the encoder:
# "Fuel prices are wrong half the time", "the list is out of date", "the total was $1 off".
_WRONG = re.compile(r"\b(?:wrong|incorrect|inaccurate|out of date|outdated|stale|mismatch\w*|(?:does|did)n'?t match|"
                    r"off by)\b|\b(?:was|were|is|are)\s+[$€£]?\d[\d.,]*%?(?:\s+[a-z]+)?\s+off\b", re.IGNORECASE)


def lexical_cue(text: str) -> float:
    from assistant.draft.facts import CUES

    return 1.0 if CUES["problem"].search(text) or CUES["want"].search(text) or _WRONG.search(text) else 0.0


def problem_scores(statements: list[Statement], vectors: np.ndarray) -> np.ndarray:
    """How much each statement reads as a problem or need rather than a fact: above 0 it is one."""
    import numpy as np

    problem, neutral = _anchor_vectors()
    to_problem = np.sort(vectors @ problem.T, axis=1)[:, -2:].mean(axis=1)
    to_neutral = np.sort(vectors @ neutral.T, axis=1)[:, -2:].mean(axis=1)
    lexical = np.array([lexical_cue(s.text) for s in statements], dtype=np.float32)
    return (to_problem - to_neutral + LEXICAL_WEIGHT * lexical - PROBLEM_THRESHOLD).astype(np.float32)
