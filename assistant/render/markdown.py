"""A draft as Markdown: the press release, the external and internal FAQ, then the gaps to fill
and what the tool checked.

`render_document` is the PR/FAQ alone (what `prfaq score` reads); `render_draft` adds
"Gaps to fill" (every placeholder with its question) and "About this draft" after it.
"""

from __future__ import annotations

from assistant.draft.models import Draft, FaqEntry

GAPS_HEADING = "Gaps to fill"
SECTION_HEADINGS = {"problem": "The problem", "solution": "How it works", "getting_started": "Getting started",
                    "call_to_action": "Availability and price"}


def _flat(text: str) -> str:
    return " ".join(text.split())


def render_press_release(draft: Draft) -> str:
    pr = draft.press_release
    # The section headings are the ones real PR/FAQs use; they tell the writer (and the parser
    # behind `prfaq score`) which paragraph does which job.
    blocks = [
        f"# {_flat(pr.headline)}",
        f"## {_flat(pr.subheading)}",
        _flat(f"{pr.dateline} {pr.summary}"),
        f"### {SECTION_HEADINGS['problem']}",
        pr.problem,
        f"### {SECTION_HEADINGS['solution']}",
        pr.solution,
        pr.leader_quote,
        f"### {SECTION_HEADINGS['getting_started']}",
        pr.getting_started,
        pr.customer_quote,
        f"### {SECTION_HEADINGS['call_to_action']}",
        pr.call_to_action,
    ]
    return "\n\n".join(block.strip() for block in blocks if block.strip()) + "\n"


def _faq(title: str, entries: list[FaqEntry]) -> list[str]:
    lines = [f"## {title}", ""]
    for entry in entries:
        lines += [f"**Q: {_flat(entry.question)}**", "", entry.answer.strip(), ""]
    return lines


def render_document(draft: Draft) -> str:
    """The PR/FAQ itself: press release, external FAQ, internal FAQ."""
    lines = [render_press_release(draft).rstrip(), ""]
    lines += _faq("External FAQ", draft.faq.external)
    lines += _faq("Internal FAQ", draft.faq.internal)
    return "\n".join(lines).rstrip() + "\n"


def render_gaps(draft: Draft) -> list[str]:
    lines = [f"## {GAPS_HEADING}", ""]
    if not draft.gaps:
        lines += ["None: every part of the draft comes from the notes.", ""]
    for number, gap in enumerate(draft.gaps, 1):
        lines.append(f"{number}. `{gap.placeholder}`: {gap.question}")
    return [*lines, ""]


def render_about(draft: Draft) -> list[str]:
    lines = ["## About this draft", ""]
    engine = "the built-in offline engine (no model)" if draft.engine == "offline" else \
        f"a model ({draft.calls} calls{', one revision pass' if draft.revised else ''})"
    lines.append(f"- Written by {engine}.")
    if draft.score is not None:
        score = draft.score
        lines.append(f"- Clarity score {score.clarity:.2f} / 100 (placeholders cost points until they are filled).")
        if score.rubric_missing or score.rubric_weak:
            lines.append(f"- Rubric: missing {', '.join(score.rubric_missing) or 'nothing'}; "
                         f"weak {', '.join(score.rubric_weak) or 'nothing'}.")
    grounding = draft.grounding
    unsupported = grounding.unsupported
    lines.append(f"- Grounding: {grounding.checked} numbers, dates, quotes and names checked against the notes; "
                 + ("all found." if not unsupported else f"{len(unsupported)} not found and replaced by placeholders:"))
    for item in unsupported:
        lines.append(f"  - {item.kind} “{_flat(item.text)}” in {item.where} -> `{item.replaced_by}`")
    if draft.notes_lack:
        lines.append(f"- The notes lack: {'; '.join(draft.notes_lack)}.")
    for warning in draft.warnings:
        lines.append(f"- Warning: {warning}")
    return [*lines, ""]


def render_draft(draft: Draft) -> str:
    """Everything a writer needs: the PR/FAQ, the gaps to fill, and what was checked."""
    lines = [render_document(draft).rstrip(), "", *render_gaps(draft), *render_about(draft)]
    return "\n".join(lines).rstrip() + "\n"
