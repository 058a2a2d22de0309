"""Prose as the rules see it: sentences and words with offsets into `Document.text`.

Markdown markup, code and URLs are blanked out (replaced by spaces) in a working copy of the
text that has exactly the same length, so every offset a rule finds in the copy is an offset
into the original: a finding's `text` is always `doc.text[start:end]`.

Sentence splitting is a regular expression with an abbreviation list, not pysbd. pysbd is more
careful with rare abbreviations, but measured here it takes about 1 ms per sentence (26 ms for a
4.6 kB article, so ~40 ms for a one-page PR/FAQ), two orders of magnitude slower than this
splitter, and PR/FAQ prose is plain enough that the regex rarely errs. Block boundaries
(headings, list items, blank lines, table rows) always end a sentence.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import NamedTuple

WORD_RE = re.compile(r"\d+(?:[.,:/]\d+)*|(?:[A-Za-z]\.){2,}|[A-Za-z0-9][A-Za-z0-9'’\-]*[A-Za-z0-9]|[A-Za-z0-9]")

# Markup that is not prose: blanked in the working copy (same length, so offsets hold).
_FENCE_RE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.M | re.S)
_HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_INLINE_CODE_RE = re.compile(r"`[^`\n]*`")
_URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"”’]|[\w.+-]+@[\w-]+\.[\w.]*\w")
_LINK_TARGET_RE = re.compile(r"\]\([^)\n]*\)")
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^>\n]*>")
_LINE_PREFIX_RE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,3}[.)][ \t]+)+", re.M)
_EMPHASIS_RE = re.compile(r"\*{1,3}|_{2,3}|~~|\|")
# A "source: owner/repo@commit/path" first line (how collected documents record where they came
# from, and how the parser reads it): metadata, not prose.
_SOURCE_LINE_RE = re.compile(r"\A[ \t\ufeff]*source:[ \t]*\S[^\n]*")
_TABLE_RULE_RE = re.compile(r"^[ \t]*\|?[ \t:\-|]+\|[ \t:\-|]*$", re.M)

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by white space and more text.
# Abbreviations and initials below do not end a sentence. A lower-case start is allowed: product
# names ("noda closes the gap. git gives ...") and blanked code often begin sentences.
_SENTENCE_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]*(?:[^\W_]|[£$€¥₹]))")
_ABBREVIATIONS = frozenset(
    re.findall(r"\S+", "mr mrs ms dr prof sr jr st vs etc e.g i.e inc ltd co corp no fig approx dept est jan feb mar "
    "apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun u.s u.k a.m p.m ph.d "
    "gen col lt sgt rev gov sen rep")
)
_BLOCK_BREAK_RE = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:#|[-*+][ \t]|\d{1,3}[.)][ \t]|>|\|))")
_HEADING_LINE_RE = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_SHORT_LINE_WORDS = 8  # a line this short, ending without punctuation, is a heading or a label


class Word(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")


class Sentence(NamedTuple):
    start: int
    end: int
    words: tuple[Word, ...]

    @property
    def word_count(self) -> int:
        return len(self.words)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def prose_copy(text: str) -> str:
    """The text with markup, code and URLs replaced by spaces (same length, same newlines)."""
    chars = list(text)
    for pattern in (_SOURCE_LINE_RE, _FENCE_RE, _HTML_COMMENT_RE, _INLINE_CODE_RE, _LINK_TARGET_RE, _URL_RE,
                    _HTML_TAG_RE, _TABLE_RULE_RE):
        for match in pattern.finditer(text):
            _blank(chars, match.start(), match.end())
    blanked = "".join(chars)
    chars = list(blanked)
    for pattern in (_LINE_PREFIX_RE, _EMPHASIS_RE):
        for match in pattern.finditer(blanked):
            _blank(chars, match.start(), match.end())
    return "".join(chars).replace("\ufeff", " ")


def _is_abbreviation(block: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    begin = dot
    while begin > 0 and not block[begin - 1].isspace() and block[begin - 1] not in "(\"'“‘":
        begin -= 1
    token = block[begin:dot].lower()
    if not token:
        return False
    if token in _ABBREVIATIONS:
        return not _ends_after_all(block, begin, dot, token)
    return len(token) == 1 and token.isalpha()  # an initial: "J. Smith"


def _ends_after_all(block: str, begin: int, dot: int, token: str) -> bool:
    """"No." answering a question ("No. You need ...") and a figure's "ms." ("under 10 ms. If ...")
    end their sentences; "No. 5" and "Ms. Rivera" are abbreviations."""
    if token == "no":
        return not block[dot + 1 :].lstrip()[:1].isdigit()
    return token == "ms" and block[max(0, begin - 8) : begin].rstrip()[-1:].isdigit()


def _split_block(copy: str, start: int, end: int) -> list[tuple[int, int]]:
    block = copy[start:end]
    pieces: list[tuple[int, int]] = []
    begin = 0
    for match in _SENTENCE_END_RE.finditer(block):
        first_dot = match.start()
        if block[first_dot] == "." and match.end() - match.start() == 1 and _is_abbreviation(block, first_dot):
            continue
        pieces.append((begin, match.end()))
        begin = match.end()
    pieces.append((begin, len(block)))
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        while a < b and block[a].isspace():
            a += 1
        while b > a and block[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((start + a, start + b))
    return out


class Prose:
    """Sentences and words of a text, computed once and shared by every rule."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.copy = prose_copy(text)

    @staticmethod
    @lru_cache(maxsize=8)
    def of(text: str) -> Prose:
        """The shared analysis of `text`: the score, the review and the instruction check of one
        document in a critique all read the same sentences, split once. (A Prose is never
        changed after it is made, so sharing it is safe.)"""
        return Prose(text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        result: list[Sentence] = []
        cursor = 0
        bounds = self._block_bounds()
        for bound in bounds:
            for start, end in _split_block(self.copy, cursor, bound):
                words = tuple(
                    Word(m.start(), m.end(), self.text[m.start() : m.end()])
                    for m in WORD_RE.finditer(self.copy, start, end)
                )
                if words:
                    result.append(Sentence(start, end, words))
            cursor = bound
        return result

    def _block_bounds(self) -> list[int]:
        """Offsets where a block ends: blank lines, Markdown block starts, and line breaks after
        a short unpunctuated line (a heading, a bold label, a title) before a capital."""
        # (read on the text as written: the copy has a heading's "#" and a list item's "-" blanked,
        # and "## Pricing" over "£4 per unit per month." had been one sentence; not inside a code
        # block, whose lines are no headings or list items)
        code = [m.span() for m in _FENCE_RE.finditer(self.text)]
        bounds = {m.start() for m in _BLOCK_BREAK_RE.finditer(self.copy)}  # (blanked code reads as blank lines)
        bounds |= {m.start() for m in _BLOCK_BREAK_RE.finditer(self.text)
                   if not any(a <= m.start() < b for a, b in code)}
        line_start = 0
        for newline in (m.start() for m in re.finditer("\n", self.copy)):
            line = self.copy[line_start:newline].strip()
            following = self.copy[newline + 1 : newline + 3].lstrip()
            if _HEADING_LINE_RE.match(self.text, line_start) and not any(a <= line_start < b for a, b in code):
                bounds.add(newline)  # "## Pricing" ends where its line does, whatever opens the next
            line_start = newline + 1
            if not line or not following or not following[0].isupper():
                continue
            if line[-1] in ".!?:;\"”)" or len(line.split()) <= _SHORT_LINE_WORDS:
                bounds.add(newline)
        return sorted(bounds) + [len(self.copy)]

    @cached_property
    def words(self) -> list[Word]:
        return [word for sentence in self.sentences for word in sentence.words]

    @property
    def word_count(self) -> int:
        return len(self.words)
