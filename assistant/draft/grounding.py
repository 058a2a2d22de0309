"""The deterministic grounding check: the draft may only state what the notes state.

Every number, price, percentage, duration and date in the draft must appear in the notes (as a
value: "$49" is "49 dollars", "90 minutes" is "1.5 hours"); every quoted sentence must be in the
notes word for word (`locate_quote`, which forgives only spacing, case and curly quotes); every
person or company named as a speaker, and every run of capitalised words that reads as a name,
must be in the notes too. What is not is replaced by a visible `[TBD: ...]` placeholder and
added to the gaps with the question that would fill it. This is code, not the model's word:
the LLM pipeline and the offline engine both end here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from assistant.documents.models import Document
from assistant.draft.claims import (
    Claim,
    capitalised_words,
    dateline_place_claims,
    number_claims,
    place_claims,
    proper_name_claims,
    quote_claims,
    speaker_claims,
)
from assistant.draft.models import (
    Draft,
    Evidence,
    Faq,
    FaqEntry,
    Gap,
    GapElement,
    GroundingItem,
    GroundingReport,
    PressRelease,
)

_CONTEXT_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_KIND_WORDS = {"price": "price", "percentage": "percentage", "duration": "time", "date": "date",
               "number": "number", "quote": "quote", "speaker": "name", "name": "name", "place": "place"}
_TITLE_FIELDS = ("press_release.headline", "press_release.subheading")  # Title Case is not a name there


@dataclass(frozen=True)
class Check:
    claim: Claim
    supported: bool
    source: Evidence | None


class NotesIndex:
    """The notes' claims, looked up by value, date, quote and word."""

    def __init__(self, notes: Document) -> None:
        self.notes = notes
        self.claims = number_claims(notes.text)
        self.words = {w.lower() for w in re.findall(r"[\w'’-]+", notes.text)}

    def _evidence(self, start: int, end: int) -> Evidence:
        span = self.notes.span(start, end)
        return Evidence(text=span.text, start=span.start, end=span.end, line=span.line)

    def _supports_value(self, claim: Claim, value: Decimal, raw: Decimal) -> Claim | None:
        for note in self.claims:
            if claim.unit is None:
                # A bare number matches the same number written anywhere, with any unit, or a year.
                pool = set(note.raw) | ({Decimal(note.date[0])} if note.date else set()) | (
                    {Decimal(note.date[2])} if note.date and note.date[2] else set())
                if raw in pool:
                    return note
            elif note.unit == claim.unit and value in note.values:
                return note
        return None

    def number(self, claim: Claim) -> Check:
        found: Claim | None = None
        for value, raw in zip(claim.values, claim.raw, strict=True):
            found = self._supports_value(claim, value, raw)
            if found is None:
                return Check(claim, False, None)
        assert found is not None
        return Check(claim, True, self._evidence(found.start, found.end))

    def date(self, claim: Claim) -> Check:
        assert claim.date is not None
        year, month, day = claim.date
        for note in self.claims:
            if note.date is None or note.date[0] != year:
                continue
            # The draft may be less precise than the notes ("March 2027" from "March 3, 2027"), never more.
            if (month is None or note.date[1] == month) and (day is None or note.date[2] == day):
                return Check(claim, True, self._evidence(note.start, note.end))
        return Check(claim, False, None)

    def quote(self, claim: Claim) -> Check:
        span = self.notes.find(claim.quote)
        return Check(claim, span is not None, self._evidence(span.start, span.end) if span else None)

    def name(self, claim: Claim) -> Check:
        words = capitalised_words(claim.text)
        supported = all(word.lower().strip(".'’") in self.words for word in words)
        if not supported:
            return Check(claim, False, None)
        # Evidence: the name as the notes write it, else its first capitalised word there.
        for needle in (claim.quote, *words[:1]):
            found = re.search(rf"(?<![\w'’-]){re.escape(needle)}(?![\w'’-])", self.notes.text, re.IGNORECASE)
            if found:
                return Check(claim, True, self._evidence(found.start(), found.end()))
        return Check(claim, True, None)

    def check(self, claim: Claim) -> Check:
        if claim.kind == "quote":
            return self.quote(claim)
        if claim.kind in ("speaker", "name", "place"):
            return self.name(claim)
        if claim.kind == "date":
            return self.date(claim)
        return self.number(claim)


def _overlaps(claim: Claim, spans: list[tuple[int, int]]) -> bool:
    return any(start < claim.end and claim.start < end for start, end in spans)


def claims_in(text: str, where: str) -> list[Claim]:
    """Every claim in one field, without double counting: numbers and names inside a quote are
    the quote's, a name inside a speaker's attribution is the speaker's."""
    quotes = quote_claims(text)
    quoted = [(c.start, c.end) for c in quotes]
    speakers = [c for c in speaker_claims(text) if not _overlaps(c, quoted)]
    attributed = [(c.start, c.end) for c in speakers]
    names = [] if where in _TITLE_FIELDS else [
        c for c in proper_name_claims(text) if not _overlaps(c, quoted + attributed)]
    named = [(c.start, c.end) for c in names]
    places = [] if where in _TITLE_FIELDS else [
        c for c in place_claims(text) if not _overlaps(c, quoted + attributed + named)]
    if where == "press_release.dateline":
        places += dateline_place_claims(text)
    numbers = [c for c in number_claims(text) if not _overlaps(c, quoted)]
    return sorted([*quotes, *speakers, *names, *places, *numbers], key=lambda c: c.start)


def _context(text: str, claim: Claim) -> str:
    """A few words after the claim (or before it) to say what the missing figure is about."""
    after = re.split(r"[.,;:!?()\[\]\"“”\n]", text[claim.end :], maxsplit=1)[0]
    words = _CONTEXT_WORD.findall(after)[:4]
    if not words:
        before = re.split(r"[.,;:!?()\[\]\"“”\n]", text[: claim.start])[-1]
        words = _CONTEXT_WORD.findall(before)[-4:]
    return " ".join(words)


def placeholder_for(claim: Claim, text: str, where: str = "") -> str:
    if claim.kind == "quote":
        return "[TBD: the leader's own words]" if where.endswith("leader_quote") else \
            "[TBD: a customer's own words from the notes]"
    if claim.kind == "speaker":
        return "[TBD: speaker's name and role]"
    if claim.kind == "name":
        return "[TBD: name]"
    if where.endswith("dateline"):
        return "[TBD: city]" if claim.kind == "place" else "[TBD: launch date]"
    context = _context(text, claim)
    label = _KIND_WORDS[claim.kind]
    return f"[TBD: {label} {context}]" if context else f"[TBD: {label}]"


def question_for(claim: Claim, placeholder: str) -> str:
    if claim.kind == "quote":
        return "Which real customer said this, in what words? Quote them exactly (with permission)."
    if claim.kind == "speaker":
        return "Who said this? Give the real person's name and role, with their permission to quote them."
    if claim.kind == "name":
        return f"Who or what is meant here? The draft named “{claim.text}”, which the notes do not mention."
    if claim.kind == "place" and placeholder == "[TBD: city]":
        return "Which city does the announcement come from (the dateline)?"
    if placeholder == "[TBD: launch date]":
        return "When will customers be able to use it (a future date)?"
    what = placeholder.removeprefix("[TBD: ").removesuffix("]")
    if claim.kind == "place":
        return f"Which place is meant ({what})? The draft named “{claim.text}”, which the notes do not mention."
    return f"What is the real {what}, and where does the figure come from? The notes do not give it."


def element_for(where: str) -> GapElement | None:
    if where.startswith("faq.external"):
        return "external_faq"
    if where.startswith("faq.internal"):
        return "internal_faq"
    section = where.removeprefix("press_release.")
    elements: tuple[GapElement, ...] = ("headline", "subheading", "dateline", "problem", "solution", "leader_quote",
                                        "getting_started", "customer_quote", "call_to_action")
    return next((e for e in elements if e == section), None)


@dataclass
class _Field:
    text: str
    items: list[GroundingItem]
    gaps: list[Gap]


def ground_text(text: str, where: str, index: NotesIndex) -> _Field:
    """Check one field; replace what the notes do not support, right to left so offsets hold."""
    checks = [index.check(claim) for claim in claims_in(text, where)]
    items: list[GroundingItem] = []
    gaps: list[Gap] = []
    replaced = text
    for check in sorted(checks, key=lambda c: c.claim.start, reverse=True):
        claim = check.claim
        placeholder = None
        if not check.supported:
            placeholder = placeholder_for(claim, text, where)
            replaced = replaced[: claim.start] + placeholder + replaced[claim.end :]
            gaps.append(Gap(placeholder=placeholder, question=question_for(claim, placeholder),
                            element=element_for(where),
                            reason=f"removed by the grounding check: the draft said {claim.text!r}, "
                                   "which is not in the notes"))
        items.append(GroundingItem(kind=claim.kind, text=claim.text, where=where, supported=check.supported,
                                   source=check.source, replaced_by=placeholder))
    items.reverse()
    gaps.reverse()
    return _Field(replaced, items, gaps)


def merge_gaps(*groups: list[Gap]) -> list[Gap]:
    """One gap per placeholder, the first question asked for it winning."""
    merged: dict[str, Gap] = {}
    for group in groups:
        for gap in group:
            merged.setdefault(gap.placeholder, gap)
    return list(merged.values())


def ground_draft(draft: Draft, notes: Document) -> Draft:
    """The draft with every unsupported claim replaced by a placeholder, the gaps extended and
    the grounding report filled in. Running it twice changes nothing the second time."""
    index = NotesIndex(notes)
    items: list[GroundingItem] = []
    new_gaps: list[Gap] = []

    def ground(text: str, where: str) -> str:
        result = ground_text(text, where, index)
        items.extend(result.items)
        new_gaps.extend(result.gaps)
        return result.text

    sections = {section: ground(text, f"press_release.{section}") for section, text in draft.press_release.sections()}
    faq = Faq(**{
        audience: [FaqEntry(question=ground(entry.question, f"faq.{audience}[{i}].question"),
                            answer=ground(entry.answer, f"faq.{audience}[{i}].answer"), topic=entry.topic)
                   for i, entry in enumerate(getattr(draft.faq, audience))]
        for audience in ("external", "internal")
    })
    # Claims an earlier pass already replaced stay on record: the report is of everything checked.
    earlier = [item for item in draft.grounding.items if not item.supported]
    items = [*earlier, *items]
    report = GroundingReport(checked=len(items), supported=sum(item.supported for item in items), items=items)
    return draft.model_copy(update={"press_release": PressRelease(**sections), "faq": faq,
                                    "gaps": merge_gaps(draft.gaps, new_gaps), "grounding": report})
