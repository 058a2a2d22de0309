"""What the offline and the LLM review share: running each persona's checks, positions by rule,
who disagrees, the rule-based decision, the must-fix list, and the floor that no model answer
(and nothing a document says) can lower."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from assistant.errors import ConfigError
from assistant.personas.checks import CHECKS, ReviewContext, keyword_rule
from assistant.personas.models import (
    GUARD,
    MAX_MUST_FIX,
    POSITION_RANK,
    SEVERITY_RANK,
    VERDICT_RANK,
    Decision,
    Finding,
    InstructionNotice,
    MustFix,
    Persona,
    PersonaVerdict,
    Position,
    Quote,
    Verdict,
)

MAX_ROUNDS = 5
REJECT_BLOCKER_PERSONAS = 2  # blockers from this many different personas reject the document
REJECT_PERSONA_BLOCKERS = 2  # a persona with this many blockers rejects
REJECT_PERSONA_BLOCKER_AND_MAJORS = 3  # ... or with one blocker and this many majors


def check_rounds(rounds: int) -> int:
    if not 0 <= rounds <= MAX_ROUNDS:
        raise ConfigError(f"--rounds must be between 0 and {MAX_ROUNDS} (got {rounds})")
    return rounds


def by_severity(findings: Iterable[Finding]) -> list[Finding]:
    """Most severe first; ties keep document order."""
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.quote.start))


def number(persona_id: str, findings: Sequence[Finding]) -> list[Finding]:
    return [f.model_copy(update={"id": f"{persona_id}-{i}"}) for i, f in enumerate(findings, start=1)]


def rule_findings(ctx: ReviewContext, persona: Persona) -> list[Finding]:
    """The persona's deterministic checks (built-in ones it names, and its file's keyword rules)."""
    checks = [CHECKS[check_id] for check_id in persona.checks] + [keyword_rule(rule) for rule in persona.rules]
    return by_severity(f for check in checks for f in check(ctx))


def position_by_rule(findings: Sequence[Finding]) -> Position:
    blockers = sum(f.severity == "blocker" for f in findings)
    majors = sum(f.severity == "major" for f in findings)
    if blockers >= REJECT_PERSONA_BLOCKERS or (blockers and majors >= REJECT_PERSONA_BLOCKER_AND_MAJORS):
        return "reject"
    if blockers or majors:
        return "iterate"
    return "approve"


def concern_of(findings: Sequence[Finding], persona: Persona) -> str:
    if not findings:
        return f"Nothing in my lens ({persona.lens}) stands in the way."
    return by_severity(findings)[0].question


def floor_position(position: Position, rule_side: Sequence[Finding]) -> Position:
    """A persona whose checks found a blocker cannot approve, whatever it was told."""
    if any(f.severity == "blocker" for f in rule_side) and position == "approve":
        return "iterate"
    return position


def panel_position(verdicts: Sequence[PersonaVerdict]) -> Position:
    """The position most personas hold; a tie goes to the stricter one (approval carries the burden)."""
    counts = Counter(v.position for v in verdicts)
    return max(counts, key=lambda p: (counts[p], POSITION_RANK[p]))


def dissenters(verdicts: Sequence[PersonaVerdict], panel: Position) -> list[PersonaVerdict]:
    return [v for v in verdicts if v.position != panel]


def instruction_notices(ctx: ReviewContext) -> list[InstructionNotice]:
    return [InstructionNotice(kind=flag.kind, quote=Quote.of(flag.span)) for flag in ctx.instructions]


# --- the decision -----------------------------------------------------------------------------
def _group(findings: Sequence[Finding]) -> list[list[Finding]]:
    """Findings about the same words (overlapping quotes, not gaps anchored on the same sentence)
    become one must-fix item."""
    groups: list[list[Finding]] = []
    for found in findings:
        for group in groups:
            if not found.gap and any(not other.gap and found.quote.overlaps(other.quote) for other in group):
                group.append(found)
                break
        else:
            groups.append([found])
    return groups


def must_fix_items(findings: Sequence[Finding], limit: int = MAX_MUST_FIX) -> list[MustFix]:
    """Blockers, then majors; among equals, points several personas raised, then each persona's
    most important point before anyone's second, so the list spans the lenses."""
    serious = [f for f in findings if f.severity in ("blocker", "major")]
    seats = list(dict.fromkeys(_persona_of(f) for f in findings))

    def priority(group: list[Finding]) -> tuple[int, int, int, int]:
        lead = group[0]
        return (-SEVERITY_RANK[lead.severity], -len({_persona_of(f) for f in group}), _rank_in_persona(lead),
                seats.index(_persona_of(lead)))

    groups = sorted(_group(by_severity(serious)), key=priority)[:limit]
    return [MustFix(text=group[0].suggestion, severity=group[0].severity, finding_refs=[f.id for f in group])
            for group in groups]


def _persona_of(found: Finding) -> str:
    return found.id.rsplit("-", 1)[0]


def _rank_in_persona(found: Finding) -> int:
    suffix = found.id.rsplit("-", 1)[-1]
    return int(suffix) if suffix.isdigit() else 0


def _names(verdicts: Sequence[PersonaVerdict], ids: Iterable[str]) -> str:
    wanted = set(ids)
    return ", ".join(v.name for v in verdicts if v.id in wanted)


def positions_reason(verdicts: Sequence[PersonaVerdict]) -> str:
    parts = []
    for v in verdicts:
        moved = f" (was {v.initial_position})" if v.initial_position and v.initial_position != v.position else ""
        parts.append(f"{v.name} {v.position}{moved}")
    return "Positions after the discussion: " + ", ".join(parts) + "."


def rule_decision(verdicts: Sequence[PersonaVerdict]) -> Decision:
    """Reject on blockers from two or more personas or a majority rejecting after the discussion;
    revise on any blocker or major; otherwise approve."""
    findings = [f for v in verdicts for f in v.findings]
    blocker_personas = [v.id for v in verdicts if v.blockers()]
    rejecting = [v.id for v in verdicts if v.position == "reject"]
    serious = [f for f in findings if f.severity in ("blocker", "major")]
    reasons: list[str] = []
    verdict: Verdict
    if len(blocker_personas) >= REJECT_BLOCKER_PERSONAS:
        verdict = "reject"
        blockers = [f for f in findings if f.severity == "blocker"]
        reasons.append(f"Blockers from {len(blocker_personas)} personas ({_names(verdicts, blocker_personas)}): "
                       + " ".join(f.question for f in blockers[:3]))
    elif len(rejecting) * 2 > len(verdicts):
        verdict = "reject"
        reasons.append(f"Most of the panel rejects the document after the discussion ({_names(verdicts, rejecting)}).")
    elif serious:
        verdict = "revise"
        raised_by = {_persona_of(f) for f in serious}
        blockers_count = sum(f.severity == "blocker" for f in serious)
        findings_word = "finding" if len(serious) == 1 else "findings"
        blockers_word = "blocker" if blockers_count == 1 else "blockers"
        reasons.append(f"{len(serious)} {findings_word} must be fixed first ({blockers_count} {blockers_word}, "
                       f"{len(serious) - blockers_count} major), raised by {_names(verdicts, raised_by)}.")
    else:
        verdict = "approve"
        reasons.append("No persona raised a blocker or a major finding.")
    reasons.append(positions_reason(verdicts))
    return Decision(verdict=verdict, reasons=reasons, must_fix=must_fix_items(findings), decided_by="rules")


def apply_floor(decision: Decision, rule_side: Sequence[Finding]) -> Decision:
    """What rules found, no argument removes: rule blockers stay in must-fix and force at least `revise`."""
    blockers = by_severity(f for f in rule_side if f.severity == "blocker")
    reasons = list(decision.reasons)
    verdict = decision.verdict
    if blockers and verdict == "approve":
        verdict = "revise"
        reasons.append(f"Rule-based checks found {len(blockers)} blocker(s) the document does not answer; "
                       "the verdict cannot be approve.")
    referenced = {ref for item in decision.must_fix for ref in item.finding_refs}
    missing = [f for f in blockers if f.id not in referenced]
    must_fix = list(decision.must_fix)
    if missing:
        holding = [item for item in must_fix if _refers_to_any(item, blockers)]
        others = [item for item in must_fix if not _refers_to_any(item, blockers)]
        must_fix = (holding + must_fix_items(missing) + others)[:MAX_MUST_FIX]
    return decision.model_copy(update={"verdict": verdict, "reasons": reasons, "must_fix": must_fix})


def _refers_to_any(item: MustFix, findings: Sequence[Finding]) -> bool:
    ids = {f.id for f in findings}
    return any(ref in ids for ref in item.finding_refs)


# --- the guard: what the rules allow, whatever a model or the document says ------------------
GUARD_CHECK = "guard.planted_text"
GUARD_FIX = "Remove text addressed to the reader of the review."


def guard_findings(ctx: ReviewContext) -> list[Finding]:
    """Each passage addressed to the reviewers, an AI or the tool, as a blocker quoting its sentence.

    The quote is the whole sentence the checks blanked out (`ReviewContext.masked`), so removing
    the quoted words removes the instruction."""
    findings: list[Finding] = []
    for start, end in ctx.masked:
        kinds = sorted({flag.kind for flag in ctx.instructions if flag.span.start < end and start < flag.span.end})
        quote = ctx.quote(start, end) or Quote.of(ctx.doc.span(start, end))
        if any(quote.overlaps(f.quote) for f in findings) or not quote.text.strip():
            continue
        findings.append(Finding(
            id=f"{GUARD}-{len(findings) + 1}", severity="blocker", quote=quote, check=GUARD_CHECK, source="rule",
            question=f"This speaks to the reader of the review, not to the document's reader ({', '.join(kinds)}).",
            suggestion=GUARD_FIX,
        ))
    return findings


def bound(decision: Decision, verdicts: Sequence[PersonaVerdict], guard: Sequence[Finding]) -> Decision:
    """The rules bound the decision; a model may be stricter, never more lenient.

    - planted text (`guard`) is a must-fix, first in the list, and the verdict is at best `revise`;
    - `approve` only when no seat rejects and no must-fix remains (no blocker or major finding,
      and the decision's own must-fix list is empty);
    - `reject` when most seats reject.
    When a model's verdict is raised, the decision says so (`overruled`, `overruled_because`)."""
    findings = [f for v in verdicts for f in v.findings]
    serious = [f for f in findings if f.severity in ("blocker", "major")]
    rejecting = [v.id for v in verdicts if v.position == "reject"]
    why_not_approve: list[str] = []
    if guard:
        why_not_approve.append(f"the document contains text addressed to the reader of the review "
                               f"({len(guard)} passage{'s' if len(guard) != 1 else ''})")
    if rejecting:
        why_not_approve.append(f"{_names(verdicts, rejecting)} reject{'s' if len(rejecting) == 1 else ''}")
    if serious or decision.must_fix:
        count = max(len(serious), len(decision.must_fix))
        why_not_approve.append(f"{count} must-fix finding{'s' if count != 1 else ''} remain"
                               f"{'s' if count == 1 else ''}")
    floor: Verdict = "approve"
    why = why_not_approve
    if verdicts and len(rejecting) * 2 > len(verdicts):
        floor, why = "reject", [f"most seats reject ({_names(verdicts, rejecting)})"]
    elif why_not_approve:
        floor = "revise"
    verdict = decision.verdict
    must_fix = list(decision.must_fix)
    reasons = list(decision.reasons)
    overruled_because: list[str] = []
    if VERDICT_RANK[floor] > VERDICT_RANK[verdict]:
        overruled_because = why
        reasons.append(f"The rules do not allow {verdict}: {'; '.join(why)}. The verdict is {floor}.")
        verdict = floor
        if not must_fix and serious:
            must_fix = must_fix_items(serious)
    guard_done: list[str] = []
    if guard:
        must_fix = [MustFix(text=GUARD_FIX, severity="blocker", finding_refs=[f.id for f in guard]),
                    *must_fix][:MAX_MUST_FIX]
        at = list(dict.fromkeys(f.quote.line for f in guard))
        guard_done = [
            f"Detected text addressed to the reader of the review at line{'s' if len(at) != 1 else ''} "
            f"{', '.join(map(str, at))}.",
            f"Added it to the must-fix list ({', '.join(f.id for f in guard)}): {GUARD_FIX}",
            "Blanked it out for the rule-based checks, so it can neither raise nor lower what they find.",
            "Capped the verdict at revise." if VERDICT_RANK[verdict] <= VERDICT_RANK["revise"] else
            "The verdict was already reject.",
        ]
    said = decision.model_verdict
    overruled = said is not None and VERDICT_RANK[verdict] > VERDICT_RANK[said]
    if overruled and not overruled_because:  # raised earlier by `apply_floor`: the same rules, said once
        overruled_because = why
    return decision.model_copy(update={
        "verdict": verdict, "reasons": reasons, "must_fix": must_fix, "guard": guard_done,
        "overruled": overruled, "overruled_because": overruled_because if overruled else [],
    })
