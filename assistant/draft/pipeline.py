"""The draft with a model: extract facts -> write the press release -> write the FAQ -> check and
revise once. Each step is a prompt file run through the gateway; the steps are langchain-core
runnables chained into one sequence.

The model proposes; code decides. Facts the model extracts are kept only when code finds them in
the notes. After writing, the deterministic checks (grounding, rubric, clarity rules) list what is
wrong; if anything is, the model gets ONE revision pass with that list, and the grounding check
runs again on whatever comes back, so a number or quote the model made up ends as a placeholder
in the gaps, never in the draft. At most four logical calls (plus the gateway's bounded re-asks).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from assistant.documents.models import Document
from assistant.draft.claims import figure_claims
from assistant.draft.gaps import default_question
from assistant.draft.grounding import NotesIndex, claims_in, element_for
from assistant.draft.models import (
    PLACEHOLDER_RE,
    SECTION_IDS,
    Draft,
    Faq,
    FaqEntry,
    Gap,
    InternalTopic,
    PressRelease,
    SectionId,
)

if TYPE_CHECKING:
    from langchain_core.runnables import Runnable

    from assistant.llm import Gateway

EXTRACT, PRESS_RELEASE, FAQ, REVISE = "draft.extract", "draft.press_release", "draft.faq", "draft.revise"
MIN_FAQ = 5
MAX_ISSUES = 20
_SECTION_NAMES: dict[str, SectionId] = {
    "headline": "headline", "sub-heading": "subheading", "subheading": "subheading", "sub heading": "subheading",
    "dateline": "dateline", "summary": "summary", "problem": "problem", "solution": "solution",
    "leader quote": "leader_quote", "leader's quote": "leader_quote", "getting started": "getting_started",
    "customer quote": "customer_quote", "customer's quote": "customer_quote", "call to action": "call_to_action",
}
_OTHER_PLACEHOLDER = re.compile(
    r"\[(?!TBD:)((?i:tbd\b[^\]\n]{0,60})|[A-Z][A-Z0-9 _/.'-]{1,40}|(?i:[^\]\n]{0,30}\b(?:name|date|price|number|"
    r"amount|company|product|customer|city|title|quote|url|link)\b[^\]\n]{0,30}))\](?![(:\[])")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*(?P<name>[^\n#]+?)\s*#*\s*$", re.MULTILINE)


# -- what the model is asked to return -------------------------------------------------------------
class ExtractedQuote(BaseModel):
    text: str = Field(description="the quote, word for word as in the notes, without quote marks")
    speaker: str | None = Field(default=None, description="the speaker's name, only if the notes give it")
    role: str | None = Field(default=None, description="the speaker's role, as the notes give it")


class ExtractedNumber(BaseModel):
    text: str = Field(description="the number exactly as written in the notes, with its unit")
    about: str = Field(description="what it measures, in a few words")


class ExtractedFacts(BaseModel):
    customer: str | None = None
    problem: list[str] = Field(default_factory=list)
    solution: str | None = None
    product_name: str | None = None
    numbers: list[ExtractedNumber] = Field(default_factory=list)
    quotes: list[ExtractedQuote] = Field(default_factory=list)
    price: str | None = None
    launch: str | None = None
    leader: str | None = Field(default=None, description="name and title, only if the notes give them")
    open_questions: list[str] = Field(default_factory=list)


class QA(BaseModel):
    question: str
    answer: str


class InternalQA(QA):
    topic: InternalTopic


class GapAnswer(BaseModel):
    placeholder: str
    question: str


class FaqAnswer(BaseModel):
    external: list[QA] = Field(min_length=MIN_FAQ)
    internal: list[InternalQA] = Field(min_length=MIN_FAQ)
    gaps: list[GapAnswer] = Field(default_factory=list)


# An internal topic the model left out is still asked, and honestly unanswered: a gap, not a re-ask
# (a schema cannot say "one of each", and a weaker model would fail it three times over).
_REQUIRED_QUESTIONS: dict[InternalTopic, tuple[str, str, str]] = {
    "market": ("Who is the customer, and how many of them are there?", "how many such customers there are",
               "How many customers like this are there, and what is the source?"),
    "economics": ("What are the economics: price, costs and margin?", "cost to serve one customer, and the margin",
                  "What does it cost us to serve one customer, and what margin does the price leave?"),
    "dependencies": ("What do we depend on to make this work?", "dependencies",
                     "Which partners, integrations, data or teams must deliver for this to work?"),
    "risks": ("What are the biggest risks, and what would make us stop?", "biggest risks and the signal to stop",
              "What are the top reasons this will fail, and what result would make us stop?"),
    "not_doing": ("What will we not do?", "what the first version will not do",
                  "What will the first version deliberately not do?"),
}


def with_required_topics(faq: FaqAnswer) -> FaqAnswer:
    covered = {qa.topic for qa in faq.internal}
    added = [InternalQA(topic=topic, question=question, answer=f"We don't know yet: [TBD: {label}].")
             for topic, (question, label, _) in _REQUIRED_QUESTIONS.items() if topic not in covered]
    gaps = [GapAnswer(placeholder=f"[TBD: {label}]", question=ask)
            for topic, (_, label, ask) in _REQUIRED_QUESTIONS.items() if topic not in covered]
    return faq.model_copy(update={"internal": [*faq.internal, *added], "gaps": [*faq.gaps, *gaps]})


class RevisedDraft(BaseModel):
    press_release: PressRelease
    faq: FaqAnswer


# -- the state that flows through the chain --------------------------------------------------------
class PipelineState(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    notes: Document
    facts: ExtractedFacts | None = None
    dropped_facts: int = 0
    press_release_text: str = ""
    draft: Draft | None = None
    warnings: list[str] = Field(default_factory=list)


def verify_facts(facts: ExtractedFacts, notes: Document) -> tuple[ExtractedFacts, int]:
    """Keep the quotes found word for word in the notes (with the notes' exact text) and the numbers
    whose every value is in the notes; count what was dropped."""
    index = NotesIndex(notes)
    quotes: list[ExtractedQuote] = []
    numbers: list[ExtractedNumber] = []
    speakers_dropped = 0
    for quote in facts.quotes:
        span = notes.find(quote.text)
        if span is None:
            continue
        speaker = quote.speaker
        if speaker and not all(w.lower() in index.words for w in re.findall(r"[\w'’-]+", speaker)):
            speaker, speakers_dropped = None, speakers_dropped + 1  # a real quote, a made-up speaker
        quotes.append(quote.model_copy(update={"text": span.text, "speaker": speaker}))
    for number in facts.numbers:
        claims = figure_claims(number.text)  # "one in four" is a figure too, checked like "25%"
        if claims and all(index.check(claim).supported for claim in claims):
            numbers.append(number)
    dropped = len(facts.quotes) - len(quotes) + len(facts.numbers) - len(numbers) + speakers_dropped
    return facts.model_copy(update={"quotes": quotes, "numbers": numbers}), dropped


def parse_press_release(text: str) -> dict[SectionId, str]:
    """The ten headed sections of the model's press release ("### Headline" ...). Text before the
    first heading and under unknown headings is ignored."""
    sections: dict[SectionId, str] = {}
    matches = list(_HEADING.finditer(text))
    for number, match in enumerate(matches):
        name = match.group("name").strip().strip("*_:").strip().lower()
        section = _SECTION_NAMES.get(name)
        end = matches[number + 1].start() if number + 1 < len(matches) else len(text)
        body = text[match.end() : end].strip()
        if section is not None and body and section not in sections:
            sections[section] = body
    return sections


def _missing_section(section: SectionId) -> Gap:
    label = section.replace("_", " ")
    return Gap(placeholder=f"[TBD: {label}]", question=f"The draft has no {label}: what should it say?",
               element=element_for(f"press_release.{section}"))


def normalise_placeholders(text: str) -> str:
    """The model's other ways of leaving a gap ("[Customer Name]", "[NAME]", "[TBD]") in our one
    form, "[TBD: customer name]", so that every gap is found, listed and asked about."""
    def ours(match: re.Match[str]) -> str:
        inside = match.group(1).strip()
        inside = re.sub(r"(?i)^tbd\b[\s:–—-]*", "", inside)
        return f"[TBD: {inside.lower() or 'missing'}]"
    return _OTHER_PLACEHOLDER.sub(ours, text)


def _clean_title(text: str) -> str:
    return " ".join(re.sub(r"^[#>*_\s]+|[*_\s]+$", "", text).split())


def assemble(sections: dict[SectionId, str], faq: FaqAnswer, engine_gaps: list[GapAnswer],
             notes: Document) -> Draft:
    gaps = [_missing_section(s) for s in SECTION_IDS if s not in sections]
    texts = {s: normalise_placeholders(sections.get(s, f"[TBD: {s.replace('_', ' ')}]")) for s in SECTION_IDS}
    texts["headline"], texts["subheading"] = _clean_title(texts["headline"]), _clean_title(texts["subheading"])
    press_release = PressRelease(**texts)
    entries = Faq(external=[FaqEntry(question=normalise_placeholders(qa.question),
                                     answer=normalise_placeholders(qa.answer), topic="other") for qa in faq.external],
                  internal=[FaqEntry(question=normalise_placeholders(qa.question),
                                     answer=normalise_placeholders(qa.answer), topic=qa.topic) for qa in faq.internal])
    draft = Draft(engine="llm", notes_path=notes.path, press_release=press_release, faq=entries, gaps=gaps)
    return with_model_gap_questions(draft, engine_gaps)


def with_model_gap_questions(draft: Draft, answers: list[GapAnswer]) -> Draft:
    """Each placeholder in the text with a question: the model's if it gave one, else a plain one."""
    asked = {a.placeholder.strip(): a.question for a in answers if PLACEHOLDER_RE.fullmatch(a.placeholder.strip())}
    known = {g.placeholder: g for g in draft.gaps}
    gaps: list[Gap] = []
    for where, text in draft.texts():
        for match in PLACEHOLDER_RE.finditer(text):
            placeholder = match.group()
            if placeholder in known or any(g.placeholder == placeholder for g in gaps):
                continue
            gaps.append(Gap(placeholder=placeholder, question=asked.get(placeholder) or default_question(placeholder),
                            element=element_for(where), reason="the notes do not say"))
    return draft.model_copy(update={"gaps": [*draft.gaps, *gaps]})


# -- the check before the revision -----------------------------------------------------------------
def issues_for(draft: Draft, notes: Document) -> list[str]:
    """What the deterministic checks flag, one line each, for the revision prompt."""
    from assistant.draft.finish import score_report

    index = NotesIndex(notes)
    issues: list[str] = []
    for where, text in draft.texts():
        for claim in claims_in(text, where):
            if not index.check(claim).supported:
                issues.append(f"{where}: the {claim.kind} “{claim.text}” is not in the notes")
    report = score_report(draft)
    if report is not None:
        for element in report.rubric.elements:
            if element.status != "present":
                issues.append(f"rubric: {element.id} is {element.status}" + (f" ({element.reason})" if element.reason
                                                                             else ""))
        for finding in sorted(report.clarity.findings, key=lambda f: -f.deduction):
            if finding.rule != "placeholder":  # placeholders are honest gaps, not a writing fault
                issues.append(f"clarity ({finding.rule}): “{' '.join(finding.text.split())[:80]}”: {finding.message}")
    return issues[:MAX_ISSUES]


# -- the steps -------------------------------------------------------------------------------------
def _notes_var(notes: Document) -> str:
    from assistant.prompts import envelope

    return envelope("notes", notes.text)


def step_extract(state: PipelineState, gateway: Gateway) -> PipelineState:
    facts = gateway.structured(EXTRACT, {"notes": _notes_var(state.notes)}, ExtractedFacts)
    verified, dropped = verify_facts(facts, state.notes)
    warnings = list(state.warnings)
    if dropped:
        warnings.append(f"The model read {dropped} quote(s) or number(s) from the notes that are not in them; "
                        "they were dropped before writing.")
    return state.model_copy(update={"facts": verified, "dropped_facts": dropped, "warnings": warnings})


def step_press_release(state: PipelineState, gateway: Gateway,
                       stream: Callable[[str], None] | None) -> PipelineState:
    from assistant.prompts import envelope

    assert state.facts is not None
    variables = {"notes": _notes_var(state.notes),
                 "facts": envelope("facts", json.dumps(state.facts.model_dump(), indent=1, ensure_ascii=False))}
    text = gateway.text(PRESS_RELEASE, variables, on_token=stream)
    return state.model_copy(update={"press_release_text": text})


def step_faq(state: PipelineState, gateway: Gateway) -> PipelineState:
    from assistant.prompts import envelope

    variables = {"notes": _notes_var(state.notes),
                 "press_release": envelope("press_release", state.press_release_text)}
    faq = gateway.structured(FAQ, variables, FaqAnswer)
    faq = with_required_topics(faq)
    draft = assemble(parse_press_release(state.press_release_text), faq, faq.gaps, state.notes)
    return state.model_copy(update={"draft": draft})


def step_check_and_revise(state: PipelineState, gateway: Gateway) -> PipelineState:
    """ONE revision pass when the checks flag anything; its result is checked again in code."""
    from assistant.draft.finish import finish_draft
    from assistant.llm.errors import LLMError
    from assistant.prompts import envelope
    from assistant.render.markdown import render_document

    assert state.draft is not None
    draft = state.draft
    warnings = list(state.warnings)
    issues = issues_for(draft, state.notes)
    revised = False
    if issues:
        variables = {"notes": _notes_var(state.notes), "draft": envelope("draft", render_document(draft)),
                     "issues": envelope("issues", "\n".join(f"- {issue}" for issue in issues))}
        try:
            answer = gateway.structured(REVISE, variables, RevisedDraft)
        except LLMError as exc:  # the unrevised draft is still a draft; say why it was not revised
            warnings.append(f"The revision pass failed ({exc}); this is the first draft, checked in code.")
        else:
            sections: dict[SectionId, str] = {s: getattr(answer.press_release, s) for s in SECTION_IDS
                                              if getattr(answer.press_release, s).strip()}
            revised_faq = with_required_topics(answer.faq)
            draft = assemble(sections, revised_faq, [*revised_faq.gaps, *_gap_answers(draft)], state.notes)
            revised = True
    draft = draft.model_copy(update={"revised": revised, "warnings": warnings})
    return state.model_copy(update={"draft": finish_draft(draft, state.notes)})


def _gap_answers(draft: Draft) -> list[GapAnswer]:
    return [GapAnswer(placeholder=g.placeholder, question=g.question) for g in draft.gaps]


def build_chain(gateway: Gateway,
                stream: Callable[[str], None] | None = None) -> Runnable[PipelineState, PipelineState]:
    """extract -> press release -> FAQ -> check and revise, as one langchain-core RunnableSequence."""
    from langchain_core.runnables import RunnableLambda

    def extract(state: PipelineState) -> PipelineState:
        return step_extract(state, gateway)

    def press_release(state: PipelineState) -> PipelineState:
        return step_press_release(state, gateway, stream)

    def faq(state: PipelineState) -> PipelineState:
        return step_faq(state, gateway)

    def check_and_revise(state: PipelineState) -> PipelineState:
        return step_check_and_revise(state, gateway)

    steps = [staged(i, name, step) for i, (name, step) in enumerate(zip(STAGES, (extract, press_release, faq,
                                                                                  check_and_revise), strict=True), 1)]
    first: Runnable[PipelineState, PipelineState] = RunnableLambda(steps[0])
    return first | RunnableLambda(steps[1]) | RunnableLambda(steps[2]) | RunnableLambda(steps[3])


STAGES = ("reading the facts from the notes", "writing the press release", "writing the FAQ", "checking and revising")


def staged(number: int, name: str, step: Callable[[PipelineState], PipelineState]
           ) -> Callable[[PipelineState], PipelineState]:
    """A step whose model failure says which stage failed. The draft exists only once the last
    stage has run, so a failure leaves nothing partial behind (the CLI writes after)."""
    from assistant.llm.errors import LLMError

    def run(state: PipelineState) -> PipelineState:
        try:
            return step(state)
        except LLMError as exc:
            raise type(exc)(f"the draft failed at stage {number} of {len(STAGES)} ({name}): {exc}; "
                            "nothing was written") from None

    return run


def draft_with_llm(notes: Document, gateway: Gateway, stream: Callable[[str], None] | None = None) -> Draft:
    """A PR/FAQ draft written by the model and checked by code."""
    from assistant.draft.facts import extract_facts
    from assistant.draft.offline import instruction_warnings, notes_lack

    facts = extract_facts(notes)  # deterministic: what the notes lack, and instructions hidden in them
    calls_before = gateway.usage.calls
    start = PipelineState(notes=notes, warnings=instruction_warnings(facts, notes, engine="llm"))
    result: PipelineState = build_chain(gateway, stream).invoke(start)
    assert result.draft is not None
    return result.draft.model_copy(update={"notes_lack": notes_lack(facts),
                                           "calls": int(gateway.usage.calls - calls_before)})
