"""Edits to a text and the grammar that must survive them.

A fix rule proposes `Edit`s on the current text; `apply_edits` applies those that do not overlap
(earlier rules win) right to left. The helpers here make a deletion leave correct prose: no
double space, no dangling comma, a capital where a sentence now starts, "a"/"an" matching the
word that now follows. An edit that would need a judgement (a lower-case product name at the
start of a sentence, say) is not made: the helper returns None and the rule reports it instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.clarity.text import Sentence, Word

# Words after which "a"/"an" goes by sound, not letter.
_AN_EXCEPTIONS = re.compile(r"^(?:hour|honest|honou?r|heir)", re.I)
_A_EXCEPTIONS = re.compile(r"^(?:uni|use|usu|uti|eu|one|once|ur[aeiou]|u[bcdfgjklmnpqrstvwxz][aeiou])", re.I)
COMMON_ZIPF = 3.5  # a word this common is an ordinary word, safe to capitalise


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str

    def overlaps(self, other: Edit) -> bool:
        """Edits that share a character; an insertion (start == end) only touches its neighbours."""
        return self.start < other.end and other.start < self.end


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[Edit]]:
    """Apply the edits that do not overlap an earlier one (in list order); return the new text
    and the edits applied, in text order."""
    kept: list[Edit] = []
    for edit in edits:
        if not any(edit.overlaps(k) for k in kept) and text[edit.start : edit.end] != edit.replacement:
            kept.append(edit)
    kept.sort(key=lambda e: (e.start, e.end))
    out = text
    for edit in reversed(kept):
        out = out[: edit.start] + edit.replacement + out[edit.end :]
    return out, kept


def wants_an(word: str) -> bool | None:
    """Whether "an" goes before `word` (None when its sound cannot be told from its spelling)."""
    if not word or not word[0].isalpha():
        return None
    if word.isupper() and len(word) > 1:
        return None  # an acronym: "an FAQ" or "a FAQ" depends on how it is read
    if _AN_EXCEPTIONS.match(word):
        return True
    if _A_EXCEPTIONS.match(word):
        return False
    return word[0].lower() in "aeiou"


def article_for(article: str, following: str) -> str:
    """The article `article` ("a"/"an", any case) corrected for the word that now follows."""
    an = wants_an(following)
    if an is None:
        return article
    right = "an" if an else "a"
    return right.capitalize() if article[0].isupper() else right


def match_case(original: str, replacement: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def safe_to_capitalise(word: str) -> bool:
    """An everyday lower-case word can start a sentence; a lower-case name ("noda", "iPhone") cannot."""
    from assistant.clarity.lexicon import zipf

    return word.isalpha() and word.islower() and zipf(word) >= COMMON_ZIPF


@dataclass(frozen=True, slots=True)
class Where:
    """Words `i..j` (inclusive) of a sentence, with the text around them."""

    text: str
    sentence: Sentence
    i: int
    j: int

    @property
    def prev(self) -> Word | None:
        return self.sentence.words[self.i - 1] if self.i > 0 else None

    @property
    def next(self) -> Word | None:
        return self.sentence.words[self.j + 1] if self.j + 1 < len(self.sentence.words) else None

    @property
    def start(self) -> int:
        return self.sentence.words[self.i].start

    @property
    def end(self) -> int:
        return self.sentence.words[self.j].end

    def gap_before(self) -> str:
        prev = self.prev
        return self.text[prev.end : self.start] if prev else self.text[self.sentence.start : self.start]

    def gap_after(self) -> str:
        nxt = self.next
        return self.text[self.end : nxt.start] if nxt else self.text[self.end : self.sentence.end]


def _with_article(text: str, where: Where, start: int, replacement: str, following: str) -> tuple[int, str]:
    """Widen an edit to fix the article before it, when the word after the article changes."""
    prev = where.prev
    if prev is None or prev.lower not in ("a", "an") or text[prev.end : where.start] != " ":
        return start, replacement
    fixed = article_for(prev.text, following)
    if fixed == prev.text:
        return start, replacement
    return prev.start, fixed + text[prev.end : start] + replacement


def deletion(where: Where, rule: str) -> Edit | None:
    """Delete words `i..j` of a sentence and leave correct prose, or None when that is not safe."""
    text = where.text
    prev, nxt = where.prev, where.next
    before, after = where.gap_before(), where.gap_after()
    if prev is None and before.strip():
        return None  # an opening quote or bracket before it: leave it to the writer
    if nxt is None:
        if prev is None or before.strip() not in ("", ",") or after.strip() not in ("", ".", "!", ";"):
            return None
        return Edit(prev.end, where.end, "", rule)  # "fast, generally." -> "fast."
    if after.strip() not in ("", ",") or before.strip() not in ("", ","):
        return None  # a dash, a bracket or a quote beside it: not a plain word in a plain sentence
    if prev is None:
        # The sentence now starts with the next word: capitalise it when it was capitalised here.
        if not where.sentence.words[where.i].text[:1].isupper():
            return Edit(where.start, nxt.start, "", rule)
        if nxt.text[:1].isupper():
            return Edit(where.start, nxt.start, "", rule)
        if not safe_to_capitalise(nxt.text):
            return None
        return Edit(where.start, nxt.start + 1, nxt.text[0].upper(), rule)
    if before.strip() == "," and after.strip() == ",":
        return Edit(prev.end, nxt.start, " ", rule)  # "is, arguably, the" -> "is the"
    if after.strip() == ",":
        return Edit(prev.end, where.end, "", rule)  # "works well generally, and" -> "works well, and"
    start, out = _with_article(text, where, where.start, "", nxt.text)
    return Edit(start, nxt.start, out, rule)


def replacement(where: Where, new: str, rule: str) -> Edit:
    """Replace words `i..j` by `new` (its case following the original's first letter)."""
    text = where.text
    new = match_case(where.sentence.words[where.i].text, new)
    start, out = _with_article(text, where, where.start, new, new.split()[0] if new else "")
    return Edit(start, where.end, out, rule)
