"""The review without a model: each persona is its lens's deterministic checks, positions follow
from what the checks found, the discussion shows only real disagreements (the same point read at
different severities, a blocker against an approval) with each seat's quote and reason, and a
rule-based decision, bounded like the model's, closes the meeting."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.documents.models import Document
from assistant.personas import panel
from assistant.personas.checks import ReviewContext
from assistant.personas.loader import seat, select_personas
from assistant.personas.models import (
    SEVERITY_RANK,
    DiscussionTurn,
    Finding,
    Persona,
    PersonaVerdict,
    ReviewReport,
)

if TYPE_CHECKING:
    from assistant.config import Settings


def read_alone(ctx: ReviewContext, persona: Persona) -> PersonaVerdict:
    findings = panel.number(persona.id, panel.rule_findings(ctx, persona))
    return PersonaVerdict(id=persona.id, name=persona.name, lens=persona.lens,
                          position=panel.position_by_rule(findings),
                          biggest_concern=panel.concern_of(findings, persona), findings=findings)


def _same_point(a: Finding, b: Finding) -> bool:
    """Two findings are about the same point when one check raised both, or they object to the same words."""
    return a.check == b.check or (not a.gap and not b.gap and a.quote.overlaps(b.quote))


def _says(found: Finding) -> str:
    return f"{found.severity}: \"{found.quote.text}\" (line {found.quote.line}). {found.question}"


def _severity_disagreements(verdicts: Sequence[PersonaVerdict]) -> list[DiscussionTurn]:
    """Seats that raised the same point (one check, or the same words) at different severities:
    the stricter one states its reading, each other one answers with its own quote and reason."""
    turns: list[DiscussionTurn] = []
    heard: set[str] = set()
    for a_index, a in enumerate(verdicts):
        for found in a.findings:
            if found.id in heard or found.severity == "minor":
                continue
            others = [(b, own) for b in verdicts[a_index + 1 :] for own in b.findings
                      if own.id not in heard and _same_point(found, own) and own.severity != found.severity]
            if not others:
                continue
            stricter_first = sorted([(a, found), *others], key=lambda pair: -SEVERITY_RANK[pair[1].severity])
            lead, point = stricter_first[0]
            heard.update(f.id for _, f in stricter_first)
            for other, own in stricter_first[1:]:
                turns.append(DiscussionTurn(persona=lead.id, responds_to=other.id, stance="challenge",
                                            finding_refs=[point.id], position_after=lead.position,
                                            point=f"{lead.position}, on a {_says(point)}"))
                turns.append(DiscussionTurn(persona=other.id, responds_to=lead.id, stance="partly",
                                            finding_refs=[own.id], position_after=other.position,
                                            point=f"{other.position}: I read the same point as a "
                                                  + (f"{own.severity}. {own.question}" if own.quote == point.quote
                                                     else _says(own))))
    return turns


def _blockers_against_approval(verdicts: Sequence[PersonaVerdict]) -> list[DiscussionTurn]:
    """A seat that approves while a colleague holds a blocker it did not raise: the blocker stands
    (it is on the must-fix list), so the seat cannot approve and moves to iterate."""
    turns: list[DiscussionTurn] = []
    for lenient in verdicts:
        if lenient.position != "approve":
            continue
        for holder in verdicts:
            blocker = next((f for f in holder.blockers() if not any(_same_point(f, own) for own in lenient.findings)),
                           None)
            if holder is lenient or blocker is None:
                continue
            turns.append(DiscussionTurn(persona=holder.id, responds_to=lenient.id, stance="challenge",
                                        finding_refs=[blocker.id], position_after=holder.position,
                                        point=f"{holder.position}, on a {_says(blocker)}"))
            lenient.initial_position = lenient.initial_position or lenient.position
            lenient.position = "iterate"
            turns.append(DiscussionTurn(persona=lenient.id, responds_to=holder.id, stance="concede",
                                        finding_refs=[blocker.id], position_after="iterate",
                                        point="iterate: nothing I found answers it, and an unanswered blocker "
                                              "stops approval."))
            break
    return turns


def discuss(verdicts: list[PersonaVerdict], rounds: int) -> list[DiscussionTurn]:
    """Only real disagreements, each with the seats' own quotes and reasons: the same point read at
    different severities by seats holding different positions, and a blocker against an approval.
    Nothing else is said (the report shows a table of positions instead). A rule-based discussion
    says everything it can in one round, so `rounds` only switches it off (0)."""
    if not verdicts or rounds < 1:
        return []
    return _blockers_against_approval(verdicts) + _severity_disagreements(verdicts)


def review_offline(doc: Document, persona_ids: Sequence[str] | None = None, rounds: int = 1, *,
                   settings: Settings | None = None, seated: Sequence[Persona] | None = None) -> ReviewReport:
    """`seated`: personas already read from their files (a batch reads them once, not per document)."""
    panel.check_rounds(rounds)
    personas = list(seated) if seated is not None else select_personas(
        persona_ids, settings.prompts_dir if settings else None)
    personas = seat(personas, doc)
    ctx = ReviewContext(doc)
    verdicts = [read_alone(ctx, persona) for persona in personas]
    turns = discuss(verdicts, rounds)
    flags = panel.instruction_notices(ctx)
    guard = panel.guard_findings(ctx)
    notes = [f"{p.name} has no offline checks (its file names no 'checks' or 'rules'); it needs an endpoint "
             "to read the document." for p in personas if not p.checks and not p.rules]
    return ReviewReport(engine="offline", path=doc.path, personas=verdicts, discussion=turns,
                        decision=panel.bound(panel.rule_decision(verdicts), verdicts, guard), rounds=rounds,
                        instruction_flags=flags, guard_findings=guard, notes=notes)
