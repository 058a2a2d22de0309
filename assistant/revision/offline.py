"""The offline reviser: the fix rules, pass after pass, until a pass changes nothing.

Running to a fixed point is what makes `revise` idempotent: the output is a text on which every
rule proposes no edit, so revising the revision changes nothing. Each pass re-reads the document
(so offsets, sentences and findings are current); edits that overlap an earlier rule's wait for
the next pass. What a rule reports instead of fixing is taken from the last pass, so its lines
are the revised document's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from assistant.documents import parse_document
from assistant.errors import InputError
from assistant.revision.edits import Edit, apply_edits
from assistant.revision.models import Fix, NotApplied
from assistant.revision.rules import FIX_RULES, FIX_RULES_BY_ID, FixContext, FixRule, Report

if TYPE_CHECKING:
    from assistant.documents.models import Document
    from assistant.personas.models import ReviewReport
    from assistant.revision.models import RevisionReport

MAX_PASSES = 6


def select_rules(names: Sequence[str] | None) -> list[FixRule]:
    """The rules named, in their fixed order ("all": every rule; None: the default ones, which edit
    the writer's sentences and add nothing); an unknown name is bad input."""
    if names is None:
        return [rule for rule in FIX_RULES if rule.default]
    wanted = {n.strip() for n in names if n.strip()}
    if "all" in wanted:
        return list(FIX_RULES)
    unknown = sorted(wanted - set(FIX_RULES_BY_ID))
    if unknown:
        raise InputError(f"unknown fix rule {', '.join(unknown)}; choose from {', '.join(FIX_RULES_BY_ID)}")
    if not wanted:
        raise InputError(f"--fix needs at least one rule: {', '.join(FIX_RULES_BY_ID)}")
    return [rule for rule in FIX_RULES if rule.id in wanted]


def _fix_record(doc: Document, edit: Edit) -> Fix:
    """The fix as a reader sees it: the words around the edit, before and after."""
    text = doc.text
    line_start = text.rfind("\n", 0, edit.start) + 1
    line_end = text.find("\n", edit.end)
    line_end = len(text) if line_end < 0 else line_end
    line, column = doc.line_col(edit.start)
    if edit.start == edit.end or edit.end - edit.start > 200:  # an insertion or a whole block
        return Fix(rule=edit.rule, line=line, column=column, before=text[edit.start : edit.end].strip(),
                   after=edit.replacement.strip())
    left = text.rfind(" ", line_start, max(line_start, edit.start - 1))
    left = line_start if left < 0 else left + 1
    right = text.find(" ", min(edit.end + 1, line_end), line_end)
    right = line_end if right < 0 else right
    return Fix(rule=edit.rule, line=line, column=column, before=text[left:right],
               after=text[left : edit.start] + edit.replacement + text[edit.end : right])


def _edits_allowed(ctx: FixContext, proposals: list[Edit]) -> list[Edit]:
    """Edits that change a figure, a quote, code or a link are dropped here, whatever the rule."""
    return [e for e in proposals if e.start == e.end or not ctx.is_protected(e.start, e.end)]


def fix_document(doc: Document, rules: Sequence[FixRule], *, today: date,
                 review: ReviewReport | None = None) -> tuple[Document, list[Fix], list[NotApplied], int]:
    """(revised document, fixes made, problems reported, passes)."""
    fixes: list[Fix] = []
    current = doc
    passes = 0
    for passes in range(1, MAX_PASSES + 1):  # noqa: B007  (passes is reported)
        ctx = FixContext(current, today, review)
        edits: list[Edit] = []
        reports: list[Report] = []
        for rule in rules:
            for proposal in rule.propose(ctx):
                (edits if isinstance(proposal, Edit) else reports).append(proposal)  # type: ignore[arg-type]
        text, applied = apply_edits(current.text, _edits_allowed(ctx, edits))
        if not applied:
            not_applied = [NotApplied(rule=r.rule, line=current.line_col(r.start)[0],
                                      text=current.text[r.start : r.end], reason=r.reason) for r in reports]
            return current, fixes, not_applied, passes
        fixes.extend(_fix_record(current, edit).model_copy(update={"pass_number": passes}) for edit in applied)
        current = parse_document(text, path=doc.path, source_format=doc.source_format)
    return current, fixes, [], passes


def revise_offline(doc: Document, *, rules: Sequence[str] | None = None, review: ReviewReport | None = None,
                   today: date | None = None) -> RevisionReport:
    """Apply the selected fix rules until nothing changes; the report says what changed and why."""
    from assistant.revision.compare import build_report

    today = today or date.today()
    if rules is None and review is not None:
        # A review's questions about what the document does not say are what the faq rule answers.
        rules = [*(rule.id for rule in FIX_RULES if rule.default), "faq"]
    selected = select_rules(rules)
    revised, fixes, not_applied, passes = fix_document(doc, selected, today=today, review=review)
    return build_report(doc, revised, today=today, engine="offline", rules=[r.id for r in selected], fixes=fixes,
                        not_applied=not_applied, passes=passes,
                        must_fix=[item.text for item in review.decision.must_fix] if review else [])
