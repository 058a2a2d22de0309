"""Deterministic answered-ness: does the document already answer a selected question?

1. The FAQ's own pairs first. When the document asks the question itself, its answer is
   checked against what an answer looks like (`answer_cues`: a price has a currency amount,
   "per month" or "free"): with a cue it is `answered`, without one `partly`; an empty or
   placeholder answer ("TBD") is `unanswered`, an honest "we don't know yet" is `partly`.
2. Then the body: a sentence that has an answer cue and is about the question's subject
   answers it.
Softball answers to risk questions ("risk is minimal", "we don't anticipate issues") are
`partly` at best. Every quote is a real sentence of the document, verified with `doc.find`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from assistant.documents.models import Document, FaqItem, Span
from assistant.literals import could_match, literals_of
from assistant.questions.bank import Bank, BankQuestion
from assistant.questions.models import ANSWERED_ORDER, Evidence, Status
from assistant.questions.select import Candidate
from assistant.questions.text import Sentence, concepts, sentences

# Topics where a reassuring non-answer is the classic failure the review room catches.
RISK_TOPICS = frozenset({"risks", "failure_reasons", "assumptions", "dependencies", "hardest_problem", "scale",
                         "legal", "security", "privacy", "competitors_response", "one_way_doors", "stop_threshold",
                         "reliability", "trust"})

SOFTBALL = re.compile(
    r"\b(?:minimal|negligible|low|little|limited|no (?:real|major|significant)?\s*)risks?\b"
    r"|\brisks? (?:is|are|seems?|remains?|should be) (?:very |quite |relatively )?(?:minimal|low|negligible|limited|"
    r"small|manageable|minor)\b"
    r"|\bwe (?:do not|don't|do n't) (?:anticipate|expect|foresee)\b"
    r"|\b(?:is|are) unlikely to (?:be )?(?:a )?(?:problem|issue|concern)s?\b"
    r"|\bnot (?:a|an) (?:real |major |big )?(?:issue|concern|problem|risk)\b"
    r"|\bno (?:major |real |significant )?(?:concerns?|issues?|problems?)\b"
    r"|\bshould be fine\b|\bwe are confident\b|\bnothing to worry about\b|\bno cause for concern\b",
    re.IGNORECASE,
)
PLACEHOLDER = re.compile(r"^\W*(?:tbd|tba|tbc|todo|xxx+|\?+|n/?a|\[[^\]]*\]|coming soon|to be (?:determined|decided|"
                         r"written|added))\W*$", re.IGNORECASE)
UNKNOWN = re.compile(r"\b(?:we (?:do not|don't) (?:yet )?know|not (?:yet )?(?:decided|determined|known|final)|"
                     r"to be (?:determined|decided|finali[sz]ed|announced|confirmed)|\btbd\b|\btba\b|"
                     r"still (?:deciding|evaluating|exploring|figuring)|"
                     r"open question|undecided|we are (?:still )?exploring)\b", re.IGNORECASE)
MIN_ANSWER_WORDS = 4


@dataclass(frozen=True)
class Judgement:
    status: Status
    evidence: Evidence | None
    reason: str


def verified(doc: Document, sentence: Sentence) -> Evidence | None:
    """Evidence only for text that `doc.find` confirms is in the document."""
    span = doc.find(sentence.text)
    if span is None or _mostly_placeholder(span.text):
        return None
    return Evidence.of(span)


def _mostly_placeholder(text: str) -> bool:
    """"Price: [TBD]", "said [NAME, TITLE]": a gap to fill is never evidence of an answer."""
    from assistant.questions.select import placeholder_ranges

    holes = placeholder_ranges(text)
    if not holes:
        return False
    left = list(text)
    for start, end in holes:
        left[start:end] = " " * (end - start)
    return len(re.findall(r"[A-Za-z]{2,}", "".join(left))) < MIN_ANSWER_WORDS


def _answer_sentences(doc: Document, answer: Span) -> list[Sentence]:
    return list(sentences(doc.text, answer.start, answer.end))


def _first_cue(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """The earliest answer cue in `text`; `patterns` are the question's answer patterns that can
    match somewhere in the document (`BankQuestion.answers_in`), usually none or one or two."""
    hits = [m for p in patterns if (m := p.search(text))]
    return min(hits, key=lambda m: m.start()) if hits else None


def _softball(question: BankQuestion, text: str) -> bool:
    return question.topic in RISK_TOPICS and SOFTBALL.search(text) is not None


def judge_faq_item(doc: Document, question: BankQuestion, item: FaqItem, present: frozenset[str]) -> Judgement:
    """Status from the document's own answer to the question; `present` are the bank's literals
    in the document (`Bank.literals_in`)."""
    answer = item.answer
    body = answer.text.strip() if answer else ""
    where = f"its FAQ asks this (line {item.question.line})"
    if not body or PLACEHOLDER.match(body):
        return Judgement("unanswered", None, f"{where} but leaves the answer empty or as a placeholder")
    assert answer is not None
    parts = _answer_sentences(doc, answer) or [Sentence(answer.start, answer.end, answer.text)]
    if _softball(question, body):
        soft = next((s for s in parts if SOFTBALL.search(s.text)), parts[0])
        return Judgement("partly", verified(doc, soft), f"{where}; the answer waves the risk away instead of "
                         "naming it and the plan for it")
    cue = _first_cue(question.answers_in(present), body)
    if UNKNOWN.search(body) and not cue:
        unknown = next((s for s in parts if UNKNOWN.search(s.text)), parts[0])
        return Judgement("partly", verified(doc, unknown), f"{where}; the answer says it is not known yet")
    if cue is not None:
        offset = answer.start + (len(answer.text) - len(answer.text.lstrip())) + cue.start()
        hit = next((s for s in parts if s.start <= offset < s.end), parts[0])
        return Judgement("answered", verified(doc, hit), f"{where} and the answer gives what one looks like")
    if not question.answer_cues and len(body.split()) >= MIN_ANSWER_WORDS:
        return Judgement("answered", verified(doc, parts[0]), f"{where} and answers it")
    return Judgement("partly", verified(doc, parts[0]), f"{where}, but the answer does not give what an answer "
                     "to it needs (a figure, a name, a date)")


class Body:
    """The sentences that could answer a question, and which of them each cue pattern matches.

    Built once per document and shared by every question judged against it: a pattern used by
    several questions (a currency amount) is tried once, and only on the sentences whose
    case-folded text contains one of its required literals (see `assistant.literals`), so the ~40
    sentences x ~90 questions x their cues of a one-page document cost a few hundred searches.
    """

    def __init__(self, doc: Document, bank: Bank) -> None:
        self.doc = doc
        self.bank = bank
        self.present = bank.literals_in(doc.text)
        self._matching: dict[re.Pattern[str], frozenset[int]] = {}
        self._concepts: dict[int, frozenset[str]] = {}

    # Split on first use: the offline questions judge by meaning (`assistant.questions.meaning`)
    # and read only `present` of the body; splitting every page into sentences again cost ~1%.
    @cached_property
    def sentences(self) -> list[Sentence]:
        return _body_sentences(self.doc)

    @cached_property
    def _present(self) -> list[frozenset[str]]:
        return [self.bank.literals_in(sentence.text) for sentence in self.sentences]

    def matching(self, patterns: list[re.Pattern[str]]) -> frozenset[int]:
        """Indices of the sentences in which any of `patterns` matches."""
        found: frozenset[int] = frozenset()
        for pattern in patterns:
            hits = self._matching.get(pattern)
            if hits is None:
                literals = literals_of(pattern)
                hits = self._matching[pattern] = frozenset(
                    index for index, (sentence, present) in enumerate(zip(self.sentences, self._present, strict=True))
                    if could_match(literals, present) and pattern.search(sentence.text))
            found |= hits
        return found

    def concepts(self, index: int) -> frozenset[str]:
        if index not in self._concepts:
            self._concepts[index] = concepts(self.sentences[index].text)
        return self._concepts[index]


def _about(question: BankQuestion, body: Body, index: int, by_cue: frozenset[int]) -> bool:
    """Is a sentence about the question's subject: one of its cues, or one of its key phrases whole."""
    if index in by_cue:
        return True
    keys = [key for key in question.key_concepts if len(key) >= 2]
    if not keys:
        return False
    found = body.concepts(index)
    # One concept in common ("price") is not enough in running text; a whole key phrase of two is.
    return any(key <= found for key in keys)


def _body_sentences(doc: Document) -> list[Sentence]:
    """Sentences that could answer: the press release and the FAQ answers, never FAQ questions
    (nor a `source:` line a collector put on top)."""
    questions = [(item.question.start, item.question.end) for item in doc.faq]
    skip_to = doc.text.find("\n") + 1 if doc.text.lower().startswith("source:") else 0
    out = []
    for sentence in sentences(doc.text, skip_to):
        if any(s < sentence.end and sentence.start < e for s, e in questions):
            continue
        if sentence.text.rstrip().endswith("?") and not _proposes_a_figure(sentence.text):
            continue
        out.append(sentence)
    return out


_AMOUNT_IN_QUESTION = re.compile(r"[$€£¥₹]\s?\d|\b\d[\d,.]*\s?(?:%|percent\b|per\b|a (?:month|year)\b)")
_QUESTION_WORD = re.compile(r"(?i)\b(?:what|who|whom|which|when|where|why|how|is|are|do|does|did|can|could|will|would|"
                            r"should|shall|may|might|must|has|have|or)\b")


def _proposes_a_figure(text: str) -> bool:
    """"Pricing thoughts - £35 per vet per month?": a figure put up for agreement in notes, which says
    the price as much as "£35 per vet per month." would; "Should we charge £35?" asks."""
    return _AMOUNT_IN_QUESTION.search(text) is not None and _QUESTION_WORD.search(text) is None


def judge_body(doc: Document, question: BankQuestion, body: Body) -> Judgement | None:
    """A sentence outside the question's own FAQ pair that answers it.

    External questions can be answered in passing ("available today at totus.com for free");
    an internal question mentioned in passing is only `partly` answered: the review expects
    it in the internal FAQ, argued.
    """
    answering = body.matching(question.answers_in(body.present))
    if not answering:
        return None  # no sentence has what an answer to it looks like
    by_cue = body.matching(question.cues_in(body.present))
    for index in sorted(answering):
        if not _about(question, body, index, by_cue):
            continue
        sentence = body.sentences[index]
        evidence = verified(doc, sentence)
        if evidence is None:
            continue
        line = f"line {evidence.line}"
        if _softball(question, sentence.text):
            return Judgement("partly", evidence, f"the document touches it ({line}) but waves the risk away")
        if question.audience == "internal":
            return Judgement("partly", evidence, f"the document mentions it in passing ({line}); the internal "
                             "FAQ should answer it")
        return Judgement("answered", evidence, f"the document answers it in the text ({line})")
    return None


def judge(doc: Document, candidate: Candidate, body: Body) -> Judgement:
    """The candidate's status: its FAQ pair first, then the body (`Body(doc, bank)`), else unanswered."""
    best: Judgement | None = None
    for item in candidate.faq_items:
        verdict = judge_faq_item(doc, candidate.bank, item, body.present)
        if best is None or ANSWERED_ORDER[verdict.status] > ANSWERED_ORDER[best.status]:
            best = verdict
    if best is not None and best.status == "answered":
        return best
    in_body = judge_body(doc, candidate.bank, body)
    if in_body is not None and (best is None or ANSWERED_ORDER[in_body.status] > ANSWERED_ORDER[best.status]):
        return in_body
    if best is not None:
        return best
    return Judgement("unanswered", None, "nothing in the document answers it")

