"""What every rule shares: the context it reads, the hits it returns, and its declaration."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal

from assistant.clarity.text import Prose, Sentence
from assistant.documents.models import Document

Normalisation = Literal["per_100_words", "absolute", "document"]


@dataclass(frozen=True)
class Category:
    """Rules that measure the same habit share a cap, so one habit cannot zero the score."""

    id: str
    cap: float  # most points the whole category can cost
    normalisation: Normalisation = "per_100_words"


@dataclass(frozen=True, slots=True)
class Hit:
    """One place a rule fired. `units` scales the rule's weight (a 45-word sentence is worse than
    a 27-word one); offsets index `Document.text`."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    units: float = 1.0


@dataclass
class Context:
    """The document plus the analyses rules share (sentences and words are computed once)."""

    doc: Document
    today: date
    prose: Prose = field(init=False)

    def __post_init__(self) -> None:
        self.prose = Prose(self.doc.text)

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def copy(self) -> str:
        """The text with markup, code and URLs blanked out: search this, report offsets."""
        return self.prose.copy

    @cached_property
    def questions(self) -> list[Sentence]:
        return [s for s in self.prose.sentences if self.copy[s.start : s.end].rstrip().endswith("?")]

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.prose.sentences]

    def is_question(self, sentence: Sentence) -> bool:
        return self.copy[sentence.start : sentence.end].rstrip().endswith("?")

    def sentence_has_number(self, sentence: Sentence) -> bool:
        return bool(NUMBER_RE.search(self.copy, sentence.start, sentence.end))


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    weight: float  # points per hit (per 100 words, unless the category says otherwise)
    description: str
    check: Callable[[Context], Iterator[Hit]]


def word_list(words: str) -> tuple[str, ...]:
    """A word list written as one string (easier to read and edit than a list of quoted words)."""
    return tuple(words.split())


NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "hundreds thousand thousands million millions billion billions half halves twice double doubles "
    "doubled triple tripled quadruple third quarter percent dozen"
)
NUMBER_RE = re.compile(r"\d|\b(?:" + "|".join(NUMBER_WORDS.split()) + r")\b", re.I)


def phrase_pattern(phrases: list[str] | tuple[str, ...] | frozenset[str]) -> re.Pattern[str]:
    """A case-insensitive, whole-word pattern for a list of phrases; longer phrases win."""
    parts = sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in parts)
    # The leading \b is redundant with the look-behind but lets the engine skip most positions
    # at once: it halves the time of these patterns.
    return re.compile(r"\b(?<![\w-])(?:" + body + r")(?![\w-])", re.I)


def sentences_with_matches(ctx: Context, pattern: re.Pattern[str], *, skip_questions: bool = False
                           ) -> Iterator[tuple[Sentence, re.Match[str]]]:
    """Every match of `pattern` in the prose, with the sentence it sits in. One pass over the
    whole text (not one per sentence: that was the scorer's hot spot)."""
    sentences = ctx.prose.sentences
    starts = ctx.sentence_starts
    for match in pattern.finditer(ctx.copy):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index < 0:
            continue
        sentence = sentences[index]
        if match.end() > sentence.end or (skip_questions and ctx.is_question(sentence)):
            continue
        yield sentence, match
