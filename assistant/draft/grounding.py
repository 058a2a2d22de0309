"""The deterministic grounding check: the draft may only state what the notes state.

Every number, price, percentage, duration and date in the draft must appear in the notes (as a
value: "$49" is "49 dollars", "90 minutes" is "1.5 hours"), figures written as words included
("double", "within a week", "one in three": `figure_claims`); every quoted sentence must be in the
notes word for word (`locate_quote`, which forgives only spacing, case and curly quotes); every
person or company named as a speaker, and every run of capitalised words that reads as a name,
must be in the notes too. What is not is replaced by a visible `[TBD: ...]` placeholder a writer
can act on ("[TBD: revenue growth, with its source]": what the figure measures, read from the
words around it) and added to the gaps with the question that would fill it. This is code, not the model's word:
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
    figure_claims,
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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A word in any script: "Kühlschrank", not "hlschrank" (an ASCII class cut it at the umlaut).
_CONTEXT_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_KIND_WORDS = {"price": "price", "percentage": "percentage", "duration": "time", "date": "date",
               "number": "figure", "quote": "quote", "speaker": "name", "name": "name", "place": "place"}
# Words that say which way a figure moves something ("cuts the count by 75%": a reduction).
_GROWTH = _words("grow grows grew growing increase increases increased increasing boost boosts boosted raise "
                    "raises raised lift lifts double doubles doubled triple triples tripled multiply multiplies "
                    "gain gains add adds improve improves improved more higher faster")
_REDUCTION = _words("cut cuts reduce reduces reduced reducing lower lowers lowered drop drops dropped save saves "
                       "saved saving halve halves halved shrink shrinks less fewer lower slash slashes")
# Not what a figure is about: function words, verbs of saying and being, units and time words.
_NOT_TOPIC = _words(
    "the a an and or but of to in on for with by at from as is are was were be been being this that these those it "
    "its it's our your their his her we you they them he she i my me us will would can could may might should must "
    "do does did have has had not no all any each every per than then so such just only also very up down out "
    "into over under within about after before when while what which who whom whose how why where there here "
    "more most less least much many few some other another new same one two three four five six seven eight "
    "nine ten percent times second seconds minute minutes hour hours day days week weeks month months year "
    "years today now yet still get gets got make makes made take takes took let lets cost costs pay pays paid "
    "charge charges charged spend spends spent need needs"
) | _GROWTH | _REDUCTION
_FIGURE_WORDS = _words("double doubles doubled twice triple triples tripled half halve halves halved")
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
        self.claims = figure_claims(notes.text)
        self.words = {w.lower() for w in re.findall(r"[\w'’-]+", notes.text)}
        self.flat = " ".join(re.findall(r"[\w'’%$.-]+", notes.text.lower()))

    def _evidence(self, start: int, end: int) -> Evidence:
        span = self.notes.span(start, end)
        return Evidence(text=span.text, start=span.start, end=span.end, line=span.line)

    def _said_in_words(self, claim: Claim) -> Check | None:
        """A figure written in words is supported by the same words in the notes ("within a
        week", "dozens"): the notes may hold no digit for it either."""
        if any(c.isdigit() for c in claim.text):
            return None
        phrase = " ".join(re.findall(r"[\w'’%$.-]+", claim.text.lower()))
        found = re.search(rf"(?<![\w'’-]){re.escape(phrase)}(?![\w'’-])", self.flat) if phrase else None
        if found is None:
            return None
        where = re.search(r"(?<![\w'’-])" + r"\W+".join(map(re.escape, phrase.split())) + r"(?![\w'’-])",
                          self.notes.text, re.IGNORECASE)
        return Check(claim, True, self._evidence(where.start(), where.end()) if where else None)

    def _supports_value(self, claim: Claim, value: Decimal, raw: Decimal) -> Claim | None:
        for note in self.claims:
            if claim.unit == "times" and note.unit == "percent" and value * 100 in note.values:
                return note  # "half" is "50%"
            if claim.unit in ("share", "percent") and note.unit in ("share", "percent") and any(
                    abs(value - v) < Decimal("0.5") for v in note.values):
                return note  # "one in three" is "33%"
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
        in_words = self._said_in_words(claim)
        if in_words is not None:
            return in_words
        if not claim.values:
            return Check(claim, False, None)  # "dozens": no value to look up, and not in the notes
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
        # ("In Mike Alvarez's words": the name is "Mike Alvarez", its possessive no other word)
        supported = all(word.lower().strip(".'’") in self.words or
                        re.sub(r"['’]s$", "", word.lower()).strip(".'’") in self.words for word in words)
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
    numbers = [c for c in figure_claims(text) if not _overlaps(c, quoted)]
    return sorted([*quotes, *speakers, *names, *places, *numbers], key=lambda c: c.start)


def _context(text: str, claim: Claim) -> str:
    """A few words after the claim (or before it) to say which place is meant."""
    after = re.split(r"[.,;:!?()\[\]\"“”\n]", text[claim.end :], maxsplit=1)[0]
    words = _CONTEXT_WORD.findall(after)[:4]
    if not words:
        before = re.split(r"[.,;:!?()\[\]\"“”\n]", text[: claim.start])[-1]
        words = _CONTEXT_WORD.findall(before)[-4:]
    return " ".join(words)


def _clause(text: str, claim: Claim) -> tuple[list[str], list[str]]:
    """The words of the claim's clause before and after it (lower case)."""
    before = re.split(r"[.;:!?()\[\]\"“”\n—–]", text[: claim.start])[-1]
    after = re.split(r"[.;:!?()\[\]\"“”\n—–]", text[claim.end :], maxsplit=1)[0]
    words = _CONTEXT_WORD.findall
    return [w.lower() for w in words(before)], [w.lower() for w in words(after)]


def _is_topic(word: str) -> bool:
    return len(word) >= 3 and word not in _NOT_TOPIC and not word.endswith("ly")


def _about(text: str, claim: Claim) -> tuple[str, str | None]:
    """What the figure measures and which way it moves it, read from its clause: the thing a
    change verb acts on ("double revenue", "cuts the count by 75%"), else the nearest noun-like
    word before the figure, else after it. ("", None) when the clause names nothing."""
    before, after = _clause(text, claim)
    claim_words = [w.lower() for w in _CONTEXT_WORD.findall(claim.text)]
    clause = [*before, *claim_words, *after]
    direction = None
    for word in clause:
        if word in _GROWTH:
            direction = "growth"
            break
        if word in _REDUCTION:
            direction = "reduction"
            break
    if claim.unit == "times" and claim.values and claim.values[0] < 1:
        direction = "reduction"
    topic = ""
    if direction is not None:
        for i, word in enumerate(clause):
            if word in _GROWTH or word in _REDUCTION or word in _FIGURE_WORDS:
                topic = next((w for w in clause[i + 1 :] if _is_topic(w)), "")
                if topic:
                    break
    if not topic:
        topic = next((w for w in reversed(before) if _is_topic(w)), "") or next(
            (w for w in after if _is_topic(w)), "")
    return topic, direction


def _label(text: str, claim: Claim) -> str:
    """A name for the missing figure a writer can act on: "revenue growth", "price of the plan"."""
    topic, direction = _about(text, claim)
    kind = _KIND_WORDS[claim.kind]
    if claim.kind == "duration":
        change = f"{topic} {direction}" if topic and direction else topic
        return f"time for the {change}" if change else "time"
    if direction:
        return f"{topic} {direction}" if topic else direction
    if claim.kind == "price":
        return f"price of {topic}" if topic else "price"
    if claim.kind == "percentage" and claim.unit == "share":
        return f"share of {topic}" if topic else "share"
    following = [w for w in _CONTEXT_WORD.findall(text[claim.end : claim.end + 40])[:2] if w.lower() != "of"][:1]
    if claim.unit == "times" and following and following[0].lower() in ("a", "an", "per", "every", "each"):
        return f"{topic} frequency" if topic else "frequency"  # "3 times a week"
    if claim.kind == "number" and claim.unit in (None, "count") and following and _is_topic(following[0].lower()):
        return f"number of {following[0].lower()}"  # "40 stores"
    return f"{topic} {kind}" if topic else kind


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
    if claim.kind == "place":
        context = _context(text, claim)
        return f"[TBD: place {context}]" if context else "[TBD: place]"
    return f"[TBD: {_label(text, claim)}, with its source]"


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
    what = placeholder.removeprefix("[TBD: ").removesuffix("]").removesuffix(", with its source")
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
