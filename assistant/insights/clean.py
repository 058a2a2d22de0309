"""What a statement says, for grouping: the boilerplate a ticket export puts in every row taken out.

A real export carries, in every row, words that are not the customer's problem: ticket and order
numbers, ids, e-mail addresses, links, dates, a "(Priya, site 12, ticket 4412)" stamp, a form's
own wording ("Submitted via the web form on behalf of"). Left in, they make every row look like
every other (they share the stamp) and hide what tells two problems apart: at 10,000 such rows
every planted theme merged into one. Two steps, both only for grouping (a quote is always the
statement's own text, `source_text[start:end]`):

- `spans_out`: ids, references, contact details, dates and bracketed metadata are cut by pattern;
- `Boilerplate`: word runs (three words or more) found in more than SHARE of the rows seen in a
  first window of a big input are cut too, whatever they say; a statement that is nearly all such
  words is not the customer's and is not grouped at all.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

# Words that introduce an id: "ticket 4412", "order #A-1234", "ref: 99812", "site 12".
_REF = re.compile(r"\b(?:ticket|case|order|ref(?:erence)?|invoice|booking|request|incident|account|acct|"
                  r"customer|user|employee|member|store|site|branch|location|job|issue|id)\b\.?"
                  r"(?:\s*(?:no\.?|number|id|#))?\s*[:#]?\s*(?=[\w-]*\d)[\w-]*\d[\w/-]*", re.I)
_PATTERNS = [
    _REF,
    re.compile(r"\b(?:https?://|www\.)\S+", re.I),  # links
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail addresses
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?\b"),  # 2027-04-01 (14:05)
    re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"),  # 04/05/2027
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),  # 14:05
    re.compile(r"(?<![\w#])\+?\d[\d ().-]{7,}\d\b"),  # phone numbers
    re.compile(r"#\s?[\w-]*\d[\w-]*"),  # #4412, # A-12
    re.compile(r"\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{2,}[-_/]?\d[\w/-]*\b"),  # T1000, INC0012345, AB-12
    re.compile(r"\b\d{5,}\b"),  # long numbers: ids, not quantities
]
_TRIGGER = re.compile(r"[\d@#(\[{]|https?:|www\.", re.I)  # every pattern needs one of these
# A bracketed aside that is metadata: it holds a number, an id, an address, or only a name.
_BRACKETED = re.compile(r"\s*[(\[{]([^()\[\]{}]{0,120})[)\]}]")
_METADATA = re.compile(r"\d|@|#|https?:|\b(?:ticket|case|order|ref|id|site|branch|sent|via)\b", re.I)
_NAME_ONLY = re.compile(r"^\s*[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|at|of|from|and|&))*\s*$")
_WORD = re.compile(r"[^\W_]+(?:'[^\W\d_]+)?")
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?)\]])")
_EMPTY_PUNCT = re.compile(r"(?:[,;:]\s*)+(?=[,.;:!?]|$)")

PHRASE_WORDS = 3
SHARE = 0.3  # a word run in more than this share of the rows is boilerplate
MIN_ROWS = 100  # below this many rows, a shared run may as well be a shared problem: nothing is learnt
WINDOW = 1024  # rows learnt from before the first batch goes out (held in memory, so bounded)
MOSTLY = 0.6  # a statement this much boilerplate (by words) is not grouped at all


def _tidy(text: str) -> str:
    text = _SPACE_BEFORE.sub(r"\1", " ".join(text.split()))
    text = _EMPTY_PUNCT.sub("", text)
    return text.strip(" ,;:-")


def spans_out(text: str) -> str:
    """`text` without ids, references, contact details, dates and bracketed metadata."""
    if not _TRIGGER.search(text):  # most sentences: nothing any pattern could cut
        return _tidy(text)

    def bracket(match: re.Match[str]) -> str:
        inner = match.group(1)
        return "" if _METADATA.search(inner) or _NAME_ONLY.match(inner) or not inner.strip() else match.group(0)

    text = _BRACKETED.sub(bracket, text)
    for pattern in _PATTERNS:  # one pass each: a single alternation of them all measured slower
        text = pattern.sub(" ", text)
    return _tidy(_BRACKETED.sub(bracket, text))


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _phrases(words: list[str]) -> set[str]:
    return {" ".join(words[i:i + PHRASE_WORDS]) for i in range(len(words) - PHRASE_WORDS + 1)}


@dataclass
class Boilerplate:
    """Word runs shared by more than SHARE of the rows seen (learnt from the first WINDOW rows)."""

    seen: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    def learn(self, text: str) -> None:
        self.seen += 1
        self.counts.update(_phrases([m.group(0).lower() for m in _words(spans_out(text))]))

    def phrases(self) -> frozenset[str]:
        if self.seen < MIN_ROWS:
            return frozenset()
        floor = SHARE * self.seen
        return frozenset(phrase for phrase, count in self.counts.items() if count > floor)


def grouping_text(text: str, boilerplate: frozenset[str] = frozenset()) -> str | None:
    """What a statement is grouped by: `text` with spans and boilerplate runs cut; None when
    nothing of the customer's own is left."""
    cleaned = spans_out(text)
    words = _words(cleaned)
    if not words:
        return None
    if not boilerplate:
        return cleaned
    lowered = [m.group(0).lower() for m in words]
    covered = [False] * len(words)
    for i in range(len(words) - PHRASE_WORDS + 1):
        if " ".join(lowered[i:i + PHRASE_WORDS]) in boilerplate:
            covered[i:i + PHRASE_WORDS] = [True] * PHRASE_WORDS
    if not any(covered):
        return cleaned
    if sum(covered) >= MOSTLY * len(words):
        return None
    pieces: list[str] = []
    position = 0
    for match, cut in zip(words, covered, strict=True):
        if cut:
            pieces.append(cleaned[position:match.start()])
            position = match.end()
    pieces.append(cleaned[position:])
    return _tidy("".join(pieces)) or None
