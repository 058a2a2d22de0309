"""The review with a model: the meeting from the Working Backwards method, in three steps.

1. Silent reading: every persona reads the document alone (no conformity), concurrently, with its
   own prompt file and lens. Its rule-based checks run too and are shown to it, so it looks for
   what rules cannot see. Quotes that are not in the document are dropped and counted.
2. Discussion: the personas whose position differs from the panel's argue, each answering only
   the colleagues whose position differs from its own, on those points (bounded by --rounds).
3. Decision: a chair weighs the arguments, not the head count, and writes the must-fix list.

What the rules found cannot be argued away: rule blockers stay in the must-fix list and keep
the verdict at `revise` or worse, whatever the model (or the document) says. The rules bound the
chair (`panel.bound`): it may be stricter than they are, never more lenient, and the report says
when they overruled it. Text addressed to the reader of the review is a must-fix of its own. Model calls are
bounded by personas + rounds x dissenters + 1 and reported.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from pydantic import BaseModel, Field

from assistant.documents.models import Document
from assistant.errors import ConfigError
from assistant.llm.errors import LLMError
from assistant.llm.fanout import run_all
from assistant.personas import panel
from assistant.personas.checks import ReviewContext
from assistant.personas.loader import seat, select_personas
from assistant.personas.models import (
    MAX_MUST_FIX,
    SEVERITY_RANK,
    Decision,
    DiscussionTurn,
    Finding,
    InstructionNotice,
    MustFix,
    Persona,
    PersonaVerdict,
    Position,
    Quote,
    ReviewReport,
    Severity,
    Verdict,
)
from assistant.prompts import envelope, load_prompt

if TYPE_CHECKING:
    from assistant.llm import Gateway

T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")
Item = TypeVar("Item")
MAX_MODEL_FINDINGS = 6  # per persona, after verification
MAX_FINDINGS_READ = 10  # answers beyond this are not even looked at
MAX_POINTS_PER_COLLEAGUE = 4
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{8,300})[\"”]")


# --- what the model answers ---------------------------------------------------------------
class ModelFinding(BaseModel):
    severity: Severity
    quote: str = Field(description="the exact words of the document, copied")
    question: str
    suggestion: str


class Reading(BaseModel):
    findings: list[ModelFinding] = Field(default_factory=list)
    position: Position
    biggest_concern: str


class Reply(BaseModel):
    responds_to: str = Field(description="the colleague's id")
    point: str
    stance: Literal["agree", "disagree", "partly"]
    finding_refs: list[str] = Field(default_factory=list)


class DiscussionAnswer(BaseModel):
    responses: list[Reply] = Field(default_factory=list)
    position: Position
    biggest_concern: str


class DecisionItem(BaseModel):
    text: str
    severity: Severity
    finding_refs: list[str] = Field(default_factory=list)


class DecisionAnswer(BaseModel):
    verdict: Verdict
    reasons: list[str] = Field(default_factory=list)
    must_fix: list[DecisionItem] = Field(default_factory=list)


# --- what the rules find before the meeting ------------------------------------------------------
class ReviewPrep(BaseModel):
    """The review's offline part: who is seated, what each one's rules found, and the passages
    addressed to the reviewers. No model call: a batch works it out in a worker process (see
    assistant.batch.processes), off the process whose one GIL every model request shares."""

    personas: list[Persona]
    rules: dict[str, list[Finding]]
    flags: list[InstructionNotice]
    guard: list[Finding]


def prepare_review(doc: Document, persona_ids: Sequence[str] | None, prompts_dir: Path | None) -> ReviewPrep:
    personas = seat(select_personas(persona_ids, prompts_dir), doc)
    ctx = ReviewContext(doc)
    return ReviewPrep(personas=personas, rules={p.id: panel.rule_findings(ctx, p) for p in personas},
                      flags=panel.instruction_notices(ctx), guard=panel.guard_findings(ctx))


# --- the meeting ----------------------------------------------------------------------------
class _Meeting:
    def __init__(self, doc: Document, gateway: Gateway, prep: ReviewPrep) -> None:
        self.doc = doc
        self.gateway = gateway
        self.prompts_dir = gateway.settings.prompts_dir
        self.personas = {p.id: p for p in prep.personas}
        self.rules = prep.rules
        self.document = envelope("document", doc.text)
        self.flags: list[InstructionNotice] = prep.flags
        self.guard: list[Finding] = prep.guard
        self.calls = 0
        self.dropped = 0
        self.notes: list[str] = []
        self._lock = threading.Lock()

    # -- plumbing --------------------------------------------------------------------------
    def ask(self, prompt: str, variables: dict[str, str], schema: type[T]) -> T:
        with self._lock:
            self.calls += 1
        return self.gateway.structured(prompt, variables, schema)

    def note(self, text: str) -> None:
        with self._lock:
            self.notes.append(text)

    def fragment(self, name: str) -> str:
        return "\n\n".join(m["content"] for m in load_prompt(name, self.prompts_dir).render({}))

    def known_ids(self, verdicts: Sequence[PersonaVerdict]) -> set[str]:
        return {f.id for v in verdicts for f in v.findings}

    def checked(self, text: str, verdicts: Sequence[PersonaVerdict]) -> str:
        """Mark words a model presents as a quote that are neither in the document nor in a finding."""
        quoted = {f.quote.text for v in verdicts for f in v.findings}

        def mark(match: re.Match[str]) -> str:
            words = match.group(1)
            if self.doc.find(words) is not None or any(words in q for q in quoted):
                return match.group(0)
            return f"{match.group(0)} [not found in the document]"

        return " ".join(_QUOTED.sub(mark, text).split())

    # -- 1. silent reading -----------------------------------------------------------------
    def first_round(self) -> list[PersonaVerdict]:
        reading_rules = self.fragment("review.reading_rules")
        personas = list(self.personas.values())
        for persona in personas:
            if not load_prompt(persona.prompt_name, self.prompts_dir).messages:
                raise ConfigError(f"{persona.path}: a persona file needs 'messages' to read with a model")
        self.gateway.plan([p.prompt_name for p in personas])
        outcomes = in_parallel(lambda p: self.read(p, reading_rules), personas)
        failures = [o for o in outcomes if isinstance(o, LLMError)]
        if failures and len(failures) == len(outcomes):
            raise failures[0]
        verdicts = []
        for persona, outcome in zip(personas, outcomes, strict=True):
            if isinstance(outcome, LLMError):
                self.note(f"{persona.name} could not read the document with the model ({outcome}); "
                          "only its rule-based checks are shown.")
                outcome = self.rule_only(persona)
            verdicts.append(outcome)
        return verdicts

    def read(self, persona: Persona, reading_rules: str) -> PersonaVerdict:
        rules = self.rules[persona.id]
        reading = self.ask(persona.prompt_name, {
            "name": persona.name, "lens": persona.lens, "voice": persona.voice,
            "always_checks": "\n".join(f"- {item}" for item in persona.always_checks),
            "reading_rules": reading_rules, "checklist": envelope("checklist", _checklist(rules)),
            "document": self.document,
        }, Reading)
        findings = panel.number(persona.id, panel.by_severity([*rules, *self.verified(reading.findings, rules)]))
        position = panel.floor_position(reading.position, rules)
        concern = " ".join(reading.biggest_concern.split()) or panel.concern_of(findings, persona)
        return PersonaVerdict(id=persona.id, name=persona.name, lens=persona.lens, position=position,
                              biggest_concern=self.checked(concern, []), findings=findings)

    def rule_only(self, persona: Persona) -> PersonaVerdict:
        findings = panel.number(persona.id, self.rules[persona.id])
        return PersonaVerdict(id=persona.id, name=persona.name, lens=persona.lens,
                              position=panel.position_by_rule(findings),
                              biggest_concern=panel.concern_of(findings, persona), findings=findings)

    def verified(self, answers: Sequence[ModelFinding], rules: Sequence[Finding]) -> list[Finding]:
        """Model findings whose quote is really in the document, minus repeats of what rules found."""
        kept: list[Finding] = []
        for answer in answers[:MAX_FINDINGS_READ]:
            span = self.doc.find(answer.quote)
            if span is None:
                with self._lock:
                    self.dropped += 1
                continue
            quote = Quote.of(span)
            repeats_rule = any(not r.gap and quote.overlaps(r.quote)
                               and SEVERITY_RANK[answer.severity] <= SEVERITY_RANK[r.severity] for r in rules)
            if repeats_rule or any(k.quote == quote for k in kept) or len(kept) >= MAX_MODEL_FINDINGS:
                continue
            kept.append(Finding(severity=answer.severity, quote=quote, question=" ".join(answer.question.split()),
                                suggestion=" ".join(answer.suggestion.split()), check="model", source="model"))
        return kept

    # -- 2. discussion ---------------------------------------------------------------------
    def discuss(self, verdicts: list[PersonaVerdict], rounds: int, speakers: list[PersonaVerdict],
                panel_position: Position) -> list[DiscussionTurn]:
        turns: list[DiscussionTurn] = []
        for round_number in range(1, rounds + 1):
            active = [v for v in speakers if v.position != panel_position]
            if not active:
                break
            self.gateway.plan(["review.discuss"] * len(active))
            answers = in_parallel(lambda v: self.respond(v, verdicts), active)
            for speaker, answer in zip(active, answers, strict=True):
                if isinstance(answer, LLMError):
                    self.note(f"{speaker.name} could not take part in discussion round {round_number} ({answer}).")
                    continue
                turns.extend(self.apply(speaker, answer, verdicts, round_number))
        return turns

    def respond(self, speaker: PersonaVerdict, verdicts: Sequence[PersonaVerdict]) -> DiscussionAnswer:
        persona = self.personas[speaker.id]
        return self.ask("review.discuss", {
            "name": persona.name, "lens": persona.lens, "voice": persona.voice, "position": speaker.position,
            "concern": speaker.biggest_concern, "document": self.document,
            "points": envelope("points", _points(speaker, verdicts)),
        }, DiscussionAnswer)

    def apply(self, speaker: PersonaVerdict, answer: DiscussionAnswer, verdicts: Sequence[PersonaVerdict],
              round_number: int) -> list[DiscussionTurn]:
        """Record the replies (only to colleagues who differ) and move the speaker's position."""
        differing = {v.id for v in verdicts if v.position != speaker.position}
        known = self.known_ids(verdicts)
        position = panel.floor_position(answer.position, self.rules[speaker.id])
        turns = []
        for reply in answer.responses:
            target = reply.responds_to.strip().lower()
            if target not in differing or not reply.point.strip():
                continue
            turns.append(DiscussionTurn(
                round=round_number, persona=speaker.id, responds_to=target, stance=reply.stance,
                point=self.checked(reply.point, verdicts), position_after=position,
                finding_refs=[ref for ref in reply.finding_refs if ref in known],
            ))
        if position != speaker.position:
            speaker.initial_position = speaker.initial_position or speaker.position
            speaker.position = position
        concern = " ".join(answer.biggest_concern.split())
        if concern:
            speaker.biggest_concern = self.checked(concern, verdicts)
        return turns

    # -- 3. decision -----------------------------------------------------------------------
    def decide(self, verdicts: list[PersonaVerdict], turns: list[DiscussionTurn]) -> Decision:
        names = {v.id: v.name for v in verdicts}
        try:
            answer = self.ask("review.decide", {
                "positions": envelope("positions", _positions(verdicts)),
                "findings": envelope("findings", _findings_list(verdicts)),
                "discussion": envelope("discussion", _transcript(turns, names)),
            }, DecisionAnswer)
        except LLMError as exc:
            self.note(f"The decision call failed ({exc}); the decision follows the rules instead.")
            decision = panel.rule_decision(verdicts)
        else:
            decision = self.decision_from(answer, verdicts)
        rule_side = [f for v in verdicts for f in v.findings if f.source == "rule"]
        return panel.bound(panel.apply_floor(decision, rule_side), verdicts, self.guard)

    def decision_from(self, answer: DecisionAnswer, verdicts: Sequence[PersonaVerdict]) -> Decision:
        known = self.known_ids(verdicts)
        items: list[MustFix] = []
        for item in answer.must_fix:
            refs = list(dict.fromkeys(ref for ref in item.finding_refs if ref in known))
            text = " ".join(item.text.split())
            if refs and text and len(items) < MAX_MUST_FIX:
                items.append(MustFix(text=self.checked(text, verdicts), severity=item.severity, finding_refs=refs))
        dropped = len(answer.must_fix) - len(items)
        if dropped > 0:
            self.note(f"{dropped} must-fix item(s) from the decision were dropped: no finding behind them, "
                      "or more than five.")
        reasons = [self.checked(" ".join(r.split()), verdicts) for r in answer.reasons if r.strip()][:6]
        reasons.append(panel.positions_reason(verdicts))
        return Decision(verdict=answer.verdict, reasons=reasons, must_fix=items, decided_by="model",
                        model_verdict=answer.verdict)


def in_parallel(work: Callable[[Item], R], items: Sequence[Item]) -> list[R | LLMError]:
    """Run one model call per item at once (the gateway bounds the requests in flight)."""
    def guarded(item: Item) -> R | LLMError:
        try:
            return work(item)
        except LLMError as exc:  # one persona failing does not end the meeting
            return exc

    if not items:
        return []
    return [future.result() for future in run_all(guarded, items)]


# --- text the prompts receive (all of it derived from the document or model answers, so it
# travels inside an envelope) ------------------------------------------------------------------
def _checklist(rules: Sequence[Finding]) -> str:
    if not rules:
        return "(the checklist found nothing)"
    return "\n".join(f"- {f.severity}: \"{f.quote.text}\" - {f.question}" for f in rules)


def _points(speaker: PersonaVerdict, verdicts: Sequence[PersonaVerdict]) -> str:
    """For each colleague whose position differs: their position, concern, and the findings of
    theirs that the speaker did not raise itself (the points where they differ)."""
    blocks = []
    for other in verdicts:
        if other.id == speaker.id or other.position == speaker.position:
            continue
        lines = [f"[{other.id}] {other.name}: {other.position}. Biggest concern: {other.biggest_concern}"]
        own = speaker.findings
        unshared = [f for f in other.findings
                    if not any(f.check == o.check and f.check != "model" or f.quote == o.quote for o in own)]
        for found in unshared[:MAX_POINTS_PER_COLLEAGUE]:
            lines.append(f"  [{found.id}] {found.severity}: \"{found.quote.text}\" - {found.question}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _positions(verdicts: Sequence[PersonaVerdict]) -> str:
    lines = []
    for v in verdicts:
        moved = f" (was {v.initial_position})" if v.initial_position and v.initial_position != v.position else ""
        lines.append(f"- [{v.id}] {v.name}: {v.position}{moved}. Biggest concern: {v.biggest_concern}")
    return "\n".join(lines)


def _findings_list(verdicts: Sequence[PersonaVerdict]) -> str:
    lines = []
    for v in verdicts:
        for f in v.findings:
            binding = " [binding]" if f.source == "rule" else ""
            lines.append(f"[{f.id}] {v.name}, {f.severity}{binding}: \"{f.quote.text}\" - {f.question}")
    return "\n".join(lines) or "(no findings)"


def _transcript(turns: Sequence[DiscussionTurn], names: dict[str, str]) -> str:
    if not turns:
        return "(no discussion: the positions did not differ)"
    return "\n".join(f"- round {t.round}, {names.get(t.persona, t.persona)} to "
                     f"{names.get(t.responds_to, t.responds_to)} ({t.stance}): {t.point}" for t in turns)


def review_with_llm(doc: Document, gateway: Gateway, persona_ids: Sequence[str] | None = None,
                    rounds: int = 1, prep: ReviewPrep | None = None) -> ReviewReport:
    """`prep`, if given, is `prepare_review` of the same document and personas, worked out elsewhere."""
    panel.check_rounds(rounds)
    prep = prep or prepare_review(doc, persona_ids, gateway.settings.prompts_dir)
    personas = prep.personas
    meeting = _Meeting(doc, gateway, prep)
    verdicts = meeting.first_round()
    panel_position = panel.panel_position(verdicts)
    speakers = panel.dissenters(verdicts, panel_position)
    turns = meeting.discuss(verdicts, rounds, speakers, panel_position)
    decision = meeting.decide(verdicts, turns)
    return ReviewReport(
        engine="llm", path=doc.path, personas=verdicts, discussion=turns, decision=decision, rounds=rounds,
        dropped_unverified=meeting.dropped, calls=meeting.calls,
        call_budget=len(personas) + rounds * len(speakers) + 1, instruction_flags=meeting.flags,
        guard_findings=meeting.guard, notes=meeting.notes,
    )
