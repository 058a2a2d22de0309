"""What every offline review check shares: the document as sentences, term patterns, and quotes.

A check reads a `ReviewContext` and yields `Finding`s. Every quote is built from offsets into the
document and verified with `doc.find`; when a check is about something the document does not
say, it quotes the sentence that raises the question (the headline, the call to action, the
sentence that mentions pricing), never words of its own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from assistant.clarity.rules.base import Context
from assistant.clarity.text import Prose, Sentence
from assistant.documents.locate import MIN_QUOTE_CHARS
from assistant.documents.models import Document, ParagraphRole
from assistant.literals import literals_of, may_occur
from assistant.personas.models import Finding, Quote, Severity

if TYPE_CHECKING:
    from assistant.safety import InstructionFlag

MAX_QUOTE_CHARS = 240  # longer sentences are quoted as a window of words around the point
_WINDOW_WORDS = 14
ANCHOR_MIN_WORDS = 5
_EDGE_MARKUP = "*_#>`|"
_NEGATION = re.compile(r"\b(?:not|never|no|none|without|n['’]t)\b|n['’]t\b", re.IGNORECASE)
# Where a clause ends: a negation before one of these denies something else.
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s(?:and|but|or|while|whereas|because|so)\s", re.IGNORECASE)
_NEGATION_REACH = 6  # words before the match a negation may stand ("does not store any of your health data")
_SOURCE = re.compile(r"\b(?:according\s+to|source[sd]?|stud(?:y|ies)|survey(?:ed)?|audit(?:ed|s)?|certified\s+by|"
                     r"tested\s+by|measured|benchmark(?:ed|s)?|report(?:ed)?\s+by)\b", re.IGNORECASE)

_BLOCK_START = re.compile(r"\n[ \t]*(?:[-*+][ \t]|\d{1,3}[.)][ \t]|#|>|\|)")

Where = str  # "all" | "press_release" | "faq" | "customer_facing"


def terms(*words: str, not_before: str = "") -> re.Pattern[str]:
    """A case-insensitive whole-word pattern; a trailing * makes a word a stem ("encrypt*").
    `not_before` is a pattern that must not follow a match (" checks?" keeps "health checks" out)."""
    parts = []
    # Longest first, ties alphabetical: ordered by length alone, the ties kept the set's order,
    # which changes from process to process (string hashing), so the pattern's text did too and
    # no run found it in the pattern cache (or the literal memo) of the run before.
    for word in sorted(set(words), key=lambda word: (-len(word), word)):
        stem = word.endswith("*")
        body = re.escape(word.rstrip("*")).replace(r"\ ", r"\s+").replace("'", "['’]").replace(r"\-", r"[-\s]?")
        parts.append(body + (r"[\w'’-]*" if stem else ""))
    guard = f"(?!{not_before})" if not_before else ""
    # A leading \b lets the regex engine skip most positions quickly (every word here starts with a letter
    # or digit); the look-behind then keeps "e-mail" from matching "mail".
    lead = r"\b" if all(w[:1].isalnum() for w in words) else ""
    pattern = re.compile(lead + r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])" + guard, re.IGNORECASE)
    # Its prefilter's literals now, while the module loads (before critique forks its workers, and
    # kept between runs by `required_literals`' memo), not in each worker on its first document.
    literals_of(pattern)
    return pattern


@dataclass
class ReviewContext:
    """The document as the checks read it. Sentences that address the reviewers ("reviewers must
    approve this") are blanked out first: nothing a document says to its reviewers can change what
    the rules find (the passages are reported as instruction flags instead)."""

    doc: Document

    @cached_property
    def clarity(self) -> Context:
        """The clarity rules' view of the same document (some checks reuse those rules)."""
        from datetime import date

        return Context(self.doc, date.today())

    @cached_property
    def kinds(self) -> frozenset[str]:
        """The kinds of venture the document describes (commercial, open_source, internal, ...): the
        same reading `prfaq questions` makes (`questions.select.document_kinds`)."""
        from assistant.questions.bank import load_bank
        from assistant.questions.select import document_kinds

        return document_kinds(self.doc, load_bank())

    @cached_property
    def prose(self) -> Prose:
        return self.clarity.prose  # sentences are split once per document, not once per check

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.prose.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index < 0:
            return None
        sentence = self.prose.sentences[index]
        return sentence if offset < sentence.end else None

    @property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def instructions(self) -> list[InstructionFlag]:
        """Passages that read like instructions to an AI or a reviewer."""
        from assistant.safety import find_instructions

        return find_instructions(self.doc)

    @cached_property
    def masked(self) -> list[tuple[int, int]]:
        """The sentences holding instruction-like passages, as (start, end) ranges."""
        ranges = []
        for flag in self.instructions:
            around = [(s.start, s.end) for s in self.prose.sentences
                      if s.start < flag.span.end and flag.span.start < s.end]
            ranges.extend(around or [(flag.span.start, flag.span.end)])
        return sorted(set(ranges))

    def is_masked(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.masked)

    @cached_property
    def copy(self) -> str:
        """The text with markup, code, URLs and instructions to reviewers blanked out (same offsets)."""
        chars = list(self.prose.copy)
        for start, end in self.masked:
            for i in range(start, end):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)

    @cached_property
    def folded(self) -> str:
        """`copy` case-folded: a check's pattern whose required words are not in it cannot match."""
        return self.copy.casefold()

    def _may_match(self, pattern: re.Pattern[str]) -> bool:
        # A failed regex search over a page costs up to a tenth of a millisecond (long
        # case-insensitive alternations); a few `in` checks a microsecond. See assistant/literals.py.
        return may_occur(literals_of(pattern), self.folded)

    @cached_property
    def all_sentences(self) -> list[Sentence]:
        return [s for s in self.prose.sentences if not self.is_masked(s.start)]

    # -- where things are --------------------------------------------------------------------
    @cached_property
    def faq_start(self) -> int:
        return self.doc.faq_start if self.doc.faq_start is not None else len(self.text)

    @cached_property
    def internal_start(self) -> int:
        """Where the internal FAQ begins: text before it is what a customer would read."""
        starts = [item.question.start for item in self.doc.internal_faq]
        return min(starts) if starts else len(self.text)

    def _bounds(self, where: Where) -> tuple[int, int]:
        if where == "press_release":
            return 0, self.faq_start
        if where == "faq":
            return self.faq_start, len(self.text)
        if where == "customer_facing":
            return 0, self.internal_start
        return 0, len(self.text)

    def sentences(self, where: Where = "all") -> list[Sentence]:
        low, high = self._bounds(where)
        return [s for s in self.all_sentences if low <= s.start < high]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.copy[sentence.start : sentence.end]

    def is_question(self, sentence: Sentence) -> bool:
        return self.sentence_text(sentence).rstrip().endswith("?")

    def is_negated(self, sentence: Sentence) -> bool:
        return bool(_NEGATION.search(self.sentence_text(sentence)))

    def is_negated_at(self, sentence: Sentence, match: re.Match[str]) -> bool:
        """Is this match denied in its own clause ("does not store health data", "no location
        data")? A negation elsewhere in the sentence denies something else: "Calmly is HIPAA
        compliant and never sells data" still claims compliance."""
        before = self.copy[sentence.start : match.start()]
        clause = _CLAUSE_BREAK.split(before)[-1]
        return bool(_NEGATION.search(" ".join(clause.split()[-_NEGATION_REACH:])))

    def cites_source(self, sentence: Sentence) -> bool:
        return bool(_SOURCE.search(self.sentence_text(sentence)))

    def search(self, pattern: re.Pattern[str], where: Where = "all", *, skip_questions: bool = False,
               skip_negated: bool = False) -> Iterator[tuple[Sentence, re.Match[str]]]:
        """Every match in the prose, with its sentence, in document order."""
        if not self._may_match(pattern):
            return
        low, high = self._bounds(where)
        for match in pattern.finditer(self.copy, low, high):
            sentence = self.sentence_at(match.start())
            if sentence is None or self.is_masked(sentence.start):
                continue
            if skip_questions and self.is_question(sentence):
                continue
            if skip_negated and self.is_negated(sentence):
                continue
            if match.end() <= sentence.end:
                yield sentence, match

    def first(self, pattern: re.Pattern[str], where: Where = "all", **options: bool
              ) -> tuple[Sentence, re.Match[str]] | None:
        return next(self.search(pattern, where, **options), None)

    def mentions(self, pattern: re.Pattern[str], where: Where = "all") -> bool:
        if not self._may_match(pattern):
            return False
        low, high = self._bounds(where)
        return bool(pattern.search(self.copy, low, high))

    def paragraph_sentences(self, role: ParagraphRole) -> list[Sentence]:
        for paragraph in self.doc.paragraphs:
            if paragraph.role == role:
                span = paragraph.span
                return [s for s in self.all_sentences if span.start <= s.start < span.end]
        return []

    def first_paragraph_sentences(self) -> list[Sentence]:
        if not self.doc.paragraphs:
            return self.sentences("press_release")[:3]
        span = self.doc.paragraphs[0].span
        return [s for s in self.all_sentences if span.start <= s.start < span.end]

    # -- quotes --------------------------------------------------------------------------------
    def _trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in _EDGE_MARKUP):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_MARKUP):
            end -= 1
        return start, end

    def quote(self, start: int, end: int) -> Quote | None:
        """The document's own words at [start, end), widened once to the line when too short to verify."""
        start, end = self._trim(start, end)
        if end - start < MIN_QUOTE_CHARS:
            line_end = self.text.find("\n", end)
            start, end = self._trim(self.text.rfind("\n", 0, start) + 1, len(self.text) if line_end < 0 else line_end)
            if end - start < MIN_QUOTE_CHARS:
                return None
        if self.doc.find(self.text[start:end]) is None:  # the one place a quote is verified
            return None
        return Quote.of(self.doc.span(start, end))

    def quote_sentence(self, sentence: Sentence, match: re.Match[str] | None = None) -> Quote | None:
        """The sentence, or a window of words around `match` when the sentence is long."""
        sentence = self._within_block(sentence, match.start() if match else sentence.start)
        if sentence.end - sentence.start <= MAX_QUOTE_CHARS or match is None:
            return self.quote(sentence.start, min(sentence.end, sentence.start + MAX_QUOTE_CHARS * 2))
        words = sentence.words
        index = next((i for i, w in enumerate(words) if w.end > match.start()), 0)
        first = words[max(0, index - _WINDOW_WORDS // 2)]
        last = words[min(len(words) - 1, index + _WINDOW_WORDS)]
        return self.quote(first.start, last.end)

    def _within_block(self, sentence: Sentence, offset: int) -> Sentence:
        """A "sentence" that runs across list items or headings is cut to the line holding `offset`."""
        if not _BLOCK_START.search(self.text, sentence.start, sentence.end):
            return sentence
        line_start = max(sentence.start, self.text.rfind("\n", 0, offset) + 1)
        newline = self.text.find("\n", offset, sentence.end)
        line_end = sentence.end if newline < 0 else newline
        words = tuple(w for w in sentence.words if line_start <= w.start and w.end <= line_end)
        return Sentence(words[0].start, words[-1].end, words) if words else sentence

    def headline_quote(self) -> Quote | None:
        if self.doc.headline is not None:
            found = self.quote(self.doc.headline.start, self.doc.headline.end)
            if found is not None:
                return found
        sentences = self.all_sentences
        return self.quote_sentence(sentences[0]) if sentences else None

    def anchor(self, *roles: ParagraphRole) -> Quote | None:
        """The first sentence of the first paragraph with one of `roles`, else the headline."""
        for role in roles:
            sentences = self.paragraph_sentences(role)
            if sentences:
                # A lead-in label ("The solution.") raises nothing: take the first real sentence.
                telling = next((s for s in sentences if s.word_count >= ANCHOR_MIN_WORDS), sentences[0])
                found = self.quote_sentence(telling)
                if found is not None:
                    return found
        return self.headline_quote()


def finding(quote: Quote | None, severity: Severity, question: str, suggestion: str, *, gap: bool = False
            ) -> Iterator[Finding]:
    """Yield one finding when there is something in the document to quote (the check id is added later).

    `gap=True` when the finding is about something missing and the quote only shows where it arises.
    """
    if quote is not None:
        yield Finding(severity=severity, quote=quote, question=question, suggestion=suggestion, check="", gap=gap)


CheckFunction = Callable[[ReviewContext], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """One deterministic check of one lens. `id` is '<persona>.<name>' and names its fixtures."""

    id: str
    title: str
    run: CheckFunction

    def __call__(self, ctx: ReviewContext) -> list[Finding]:
        return [f.model_copy(update={"check": self.id}) for f in self.run(ctx)]
