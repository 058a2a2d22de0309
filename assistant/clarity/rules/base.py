"""What every rule shares: the context it reads, the hits it returns, and its declaration."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import cached_property
from typing import Literal, NamedTuple

from assistant.clarity.text import Prose, Sentence
from assistant.documents.models import Document

Normalisation = Literal["per_100_words", "absolute", "document"]


class Category(NamedTuple):
    """Rules that measure the same habit share a cap, so one habit cannot zero the score."""

    id: str
    cap: float  # most points the whole category can cost (but see beyond_cap)
    normalisation: Normalisation = "per_100_words"
    # Share of the cost still charged past the cap. 0 is a hard cap; a positive share keeps every
    # further finding visible in the score (a vague quantity or an undefined initialism must cost
    # points even in a document that already has many).
    beyond_cap: float = 0.0


class Hit(NamedTuple):
    """One place a rule fired. `units` scales the rule's weight (a 45-word sentence is worse than
    a 27-word one); offsets index `Document.text`."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    units: float = 1.0


class Context:
    """The document plus the analyses rules share (sentences and words are computed once).

    A plain class, not a dataclass: `prfaq score` imports this module on every commit and every
    save, and the dataclasses module (with the inspect module it imports) was ~40 million
    instructions of a ~280 million instruction run."""

    def __init__(self, doc: Document, today: date) -> None:
        self.doc, self.today = doc, today
        self.prose = Prose.of(doc.text)

    def __repr__(self) -> str:
        return f"Context(doc={self.doc!r}, today={self.today!r}, prose={self.prose!r})"

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def copy(self) -> str:
        """The text with markup, code and URLs blanked out: search this, report offsets."""
        return self.prose.copy

    @cached_property
    def lowered(self) -> list[list[str]]:
        """Each sentence's words, lower-cased with curly apostrophes straightened (for lookups)."""
        return [[w.text.lower().replace("’", "'") for w in s.words] for s in self.prose.sentences]

    def is_question(self, sentence: Sentence) -> bool:
        return self.copy[sentence.start : sentence.end].rstrip().endswith("?")

    def sentence_has_number(self, sentence: Sentence) -> bool:
        """A figure in the sentence; a date is none ("PORTLAND, May 4, 2027 — ... take orders faster"
        says when, not how much faster)."""
        dates = [m.span() for m in DATE_RE.finditer(self.copy, sentence.start, sentence.end)]
        return any(not any(a <= m.start() < b for a, b in dates)
                   for m in NUMBER_RE.finditer(self.copy, sentence.start, sentence.end))


class Rule(NamedTuple):
    id: str
    category: str
    weight: float  # points per hit (per 100 words, unless the category says otherwise)
    description: str
    check: Callable[[Context], Iterator[Hit]]
    # Normalise per 100 words only up to this length: past it a hit costs what it costs in a text
    # of this many words. For habits whose every instance matters (a figure turned vague, an
    # initialism left undefined), so one instance is not diluted away by a long document.
    max_words: int | None = None


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
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# "May 4, 2027", "4 May 2027", "2027-05-04", "in 2027": when, not how much
DATE_RE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b"
                     rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d\d\b"
                     r"|\b(?:19|20)\d\d-\d\d-\d\d\b|(?<![\d,.$€£])\b(?:19|20)\d\d\b(?![\d,.%])", re.I)


class PhraseHit:
    """A listed phrase found in a sentence (a small slotted class: see Context on dataclasses)."""

    __slots__ = ("sentence", "index", "length", "phrase")

    def __init__(self, sentence: Sentence, index: int, length: int, phrase: str) -> None:
        self.sentence = sentence
        self.index = index  # of the first word in sentence.words
        self.length = length  # in words
        self.phrase = phrase  # the phrase as listed (lower case)

    def __eq__(self, other: object) -> bool:
        if type(other) is not PhraseHit:
            return NotImplemented
        return (self.sentence, self.index, self.length, self.phrase) == (
            other.sentence, other.index, other.length, other.phrase)

    def __hash__(self) -> int:
        return hash((self.sentence, self.index, self.length, self.phrase))

    def __repr__(self) -> str:
        return (f"PhraseHit(sentence={self.sentence!r}, index={self.index!r}, length={self.length!r}, "
                f"phrase={self.phrase!r})")

    @property
    def start(self) -> int:
        return self.sentence.words[self.index].start

    @property
    def end(self) -> int:
        return self.sentence.words[self.index + self.length - 1].end


class Phrases:
    """Whole-word phrase lookup over the words the splitter found: one dictionary lookup per word
    instead of a regular expression with hundreds of alternatives over the whole text (five times
    faster on a one-page PR/FAQ). Case-insensitive; the longest phrase at a position wins."""

    def __init__(self, phrases: Iterable[str]) -> None:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(phrase.lower().replace("’", "'").split())
            if words:
                by_first.setdefault(words[0], []).append(words)
        for candidates in by_first.values():
            candidates.sort(key=len, reverse=True)
        self._by_first = by_first

    def find(self, ctx: Context, *, skip_questions: bool = False) -> Iterator[PhraseHit]:
        for sentence, lowers in zip(ctx.prose.sentences, ctx.lowered, strict=True):
            if skip_questions and ctx.is_question(sentence):
                continue
            i, count = 0, len(lowers)
            while i < count:
                match = self._match_at(lowers, i) if lowers[i] in self._by_first else None
                if match is None:
                    i += 1
                    continue
                yield PhraseHit(sentence, i, len(match), " ".join(match))
                i += len(match)

    def _match_at(self, lowers: list[str], i: int) -> tuple[str, ...] | None:
        for candidate in self._by_first.get(lowers[i], ()):
            if tuple(lowers[i : i + len(candidate)]) == candidate:
                return candidate
        return None
