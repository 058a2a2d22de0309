"""The review without a model: each persona is its lens's deterministic checks, positions follow
from what the checks found, dissenters argue with the rest of the panel on the points where they
differ (text built from the findings), and a rule-based decision closes the meeting."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.documents.models import Document
from assistant.personas import panel
from assistant.personas.checks import ReviewContext
from assistant.personas.loader import select_personas
from assistant.personas.models import (
    POSITION_RANK,
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


def _unshared_point(speaker: PersonaVerdict, listener: PersonaVerdict, raised: set[tuple[str, str, str]]
                    ) -> Finding | None:
    """The speaker's most severe finding that the listener did not raise itself and has not heard yet."""
    for found in speaker.findings:
        if found.severity == "minor" or (speaker.id, listener.id, found.id) in raised:
            continue
        if any(_same_point(found, own) for own in listener.findings):
            continue
        return found
    return None


def _same_point(a: Finding, b: Finding) -> bool:
    """Two findings make the same point when one check raised both, or they object to the same words."""
    return a.check == b.check or (not a.gap and not b.gap and a.quote.overlaps(b.quote))


def _exchange(stricter: PersonaVerdict, lenient: PersonaVerdict, point: Finding, round_number: int
              ) -> list[DiscussionTurn]:
    """The stricter persona makes its point; the other concedes, agrees in part, or holds."""
    challenge = DiscussionTurn(
        round=round_number, persona=stricter.id, responds_to=lenient.id, stance="challenge",
        finding_refs=[point.id], position_after=stricter.position,
        point=(f"{lenient.name} says {lenient.position}; for me this is a {point.severity}. {point.question} "
               f"The document says: \"{point.quote.text}\" (line {point.quote.line})."),
    )
    if point.severity == "blocker" and lenient.position == "approve":
        lenient.initial_position = lenient.initial_position or lenient.position
        lenient.position = "iterate"
        stance, reply = "concede", (f"Conceded: nothing in my lens ({lenient.lens}) answers it, and it blocks "
                                    "approval. I move to iterate.")
    elif point.severity == "blocker":
        stance, reply = "partly", ("Agreed that it must be fixed before approval, but it can be fixed in the "
                                   "document: iterate, not reject.")
    else:
        stance, reply = "hold", (f"Worth fixing, but a {point.severity} point outside my lens; it does not change "
                                 f"my position ({lenient.position}).")
    response = DiscussionTurn(round=round_number, persona=lenient.id, responds_to=stricter.id, stance=stance,
                              finding_refs=[point.id], position_after=lenient.position, point=reply)
    return [challenge, response]


def discuss(verdicts: list[PersonaVerdict], rounds: int) -> list[DiscussionTurn]:
    """Each dissenter (a persona not holding the panel's position) argues with every colleague whose
    position differs from its own, one point per pair and round, until nothing new is said."""
    if not verdicts:
        return []
    panel_position = panel.panel_position(verdicts)
    speakers = {v.id for v in panel.dissenters(verdicts, panel_position)}
    raised: set[tuple[str, str, str]] = set()
    turns: list[DiscussionTurn] = []
    for round_number in range(1, rounds + 1):
        said = len(turns)
        for a_index, a in enumerate(verdicts):
            for b in verdicts[a_index + 1 :]:
                if a.position == b.position or not ({a.id, b.id} & speakers):
                    continue
                stricter, lenient = (a, b) if POSITION_RANK[a.position] > POSITION_RANK[b.position] else (b, a)
                point = _unshared_point(stricter, lenient, raised)
                if point is None:
                    continue
                raised.add((stricter.id, lenient.id, point.id))
                turns.extend(_exchange(stricter, lenient, point, round_number))
        if len(turns) == said:
            break
    return turns


def review_offline(doc: Document, persona_ids: Sequence[str] | None = None, rounds: int = 1, *,
                   settings: Settings | None = None, seated: Sequence[Persona] | None = None) -> ReviewReport:
    """`seated`: personas already read from their files (a batch reads them once, not per document)."""
    panel.check_rounds(rounds)
    personas = list(seated) if seated is not None else select_personas(
        persona_ids, settings.prompts_dir if settings else None)
    ctx = ReviewContext(doc)
    verdicts = [read_alone(ctx, persona) for persona in personas]
    turns = discuss(verdicts, rounds)
    flags = panel.instruction_notices(ctx)
    notes = [f"{p.name} has no offline checks (its file names no 'checks' or 'rules'); it needs an endpoint "
             "to read the document." for p in personas if not p.checks and not p.rules]
    return ReviewReport(engine="offline", path=doc.path, personas=verdicts, discussion=turns,
                        decision=panel.rule_decision(verdicts, flags), rounds=rounds, instruction_flags=flags,
                        notes=notes)
