"""What every fix rule shares: the document as it stands, what may not be touched, and what a
rule returns (edits to apply, or problems to report without touching the text)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from assistant.clarity.rules.base import Context, PhraseHit, Phrases
from assistant.revision.edits import Edit, Where

if TYPE_CHECKING:
    from assistant.clarity.models import ScoreReport
    from assistant.documents.models import Document
    from assistant.personas.models import ReviewReport
    from assistant.questions.models import QuestionReport

# Quoted words are someone's words; code, links and e-mail addresses are literal.
_QUOTED_RE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|`[^`\n]*`|\]\([^)\n]*\)|https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+")


@dataclass(frozen=True)
class Report:
    """A problem seen and not fixed: the text stays as it is, the writer decides."""

    rule: str
    start: int
    end: int
    reason: str


Proposal = Edit | Report


@dataclass
class FixContext:
    doc: Document
    today: date
    review: ReviewReport | None = None
    clarity: Context = field(init=False)

    def __post_init__(self) -> None:
        self.clarity = Context(self.doc, self.today)

    @property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def protected(self) -> list[tuple[int, int]]:
        """Spans no rule may edit: quotes, code, links, and every figure."""
        from assistant.draft.claims import number_claims, quote_claims

        spans = [m.span() for m in _QUOTED_RE.finditer(self.text)]
        spans += [(c.start, c.end) for c in quote_claims(self.text)]
        spans += [(c.start, c.end) for c in number_claims(self.text)]
        return sorted(spans)

    def is_protected(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self.protected)

    @cached_property
    def score(self) -> ScoreReport:
        from assistant.clarity import score_document

        return score_document(self.doc, today=self.today)

    @cached_property
    def questions(self) -> QuestionReport:
        from assistant.questions.offline import questions_offline

        return questions_offline(self.doc)

    def phrases(self, phrases: Phrases, *, skip_questions: bool = True) -> Iterator[tuple[PhraseHit, Where]]:
        """Matches of a phrase list outside protected text, each with its place in the sentence."""
        for hit in phrases.find(self.clarity, skip_questions=skip_questions):
            if self.is_protected(hit.start, hit.end):
                continue
            yield hit, Where(self.text, hit.sentence, hit.index, hit.index + hit.length - 1)

    def report(self, rule: str, start: int, end: int, reason: str) -> Report:
        return Report(rule, start, end, reason)


@dataclass(frozen=True)
class FixRule:
    id: str
    description: str
    propose: Callable[[FixContext], Iterator[Proposal]]
    # Rules that add open items ("[TBD: ...]") run only when asked (--fix faq,placeholder or --fix all):
    # the clarity score counts each placeholder as unfinished work, so they lower it by design.
    default: bool = True
