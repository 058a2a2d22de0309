"""Add FAQ entries for the top unanswered questions, each with a `[TBD: ...]` answer, in the
document's own FAQ format (the last entry's markup is copied). At most MAX_OPEN such open
answers stand in the FAQ at once: revising again adds none until the writer answers some.
Questions from a review (`--from-review`: what the reviewers asked about what the document does
not say) come before the bank's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.documents.models import Audience, FaqItem
from assistant.revision.edits import Edit
from assistant.revision.rules.base import FixContext, FixRule, Proposal

MAX_OPEN = 3
OPEN_ANSWER = "[TBD: answer"
_OPEN_RE = re.compile(re.escape(OPEN_ANSWER))
_NUMBER_RE = re.compile(r"^\W*(?:Q)?(?P<n>\d{1,3})[.):]")


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _candidates(ctx: FixContext) -> list[tuple[Audience, str, str]]:
    """(audience, question, what the answer is about), best first, none the document already asks."""
    found: list[tuple[Audience, str, str]] = []
    if ctx.review is not None:
        for finding in ctx.review.findings():
            if finding.gap and finding.question.strip().endswith("?"):
                found.append(("internal", " ".join(finding.question.split()), finding.check.replace("_", " ")))
    for question in ctx.questions.questions:
        if question.status == "unanswered":
            found.append((question.audience, question.question, question.topic.replace("_", " ")))
    seen: set[str] = set()
    out = []
    for audience, asked, topic in found:
        key = asked.lower()
        if key in seen or ctx.doc.find(asked) is not None:
            continue
        seen.add(key)
        out.append((audience, asked, topic))
    return out


def _entry_format(ctx: FixContext, item: FaqItem) -> tuple[str, str, str, str]:
    """(question prefix, question suffix, separator, answer prefix) copied from an existing entry."""
    text = ctx.text
    q_start, q_end = _line_bounds(text, item.question.start)
    prefix, suffix = text[q_start : item.question.start], text[item.question.end : q_end]
    if item.answer is None or item.answer.start <= q_end:
        return prefix, suffix, "\n\n", ""
    a_start, _ = _line_bounds(text, item.answer.start)
    return prefix, suffix, text[q_end:a_start], text[a_start : item.answer.start]


def propose(ctx: FixContext) -> Iterator[Proposal]:
    room = MAX_OPEN - len(_OPEN_RE.findall(ctx.text))
    if room <= 0:
        return
    chosen = _candidates(ctx)[:room]
    if not chosen:
        return
    text = ctx.text
    inserts: dict[int, list[str]] = {}
    numbered: dict[int, int] = {}  # a numbered FAQ ("5. Question?") goes on counting
    for audience, question, topic in chosen:
        items = [i for i in ctx.doc.faq if i.audience == audience] or ctx.doc.faq
        entry_answer = f"{OPEN_ANSWER}: {topic}]"
        if not items:
            at = len(text.rstrip())
            block = f"**Q: {question}**\nA: {entry_answer}"
            inserts.setdefault(at, []).append(block)
            continue
        last = items[-1]
        prefix, suffix, separator, answer_prefix = _entry_format(ctx, last)
        end = (last.answer or last.question).end
        _, at = _line_bounds(text, max(end - 1, 0))
        number = _NUMBER_RE.match(prefix)
        if number:
            numbered[at] = numbered.get(at, int(number.group("n"))) + 1
            prefix = prefix[: number.start("n")] + str(numbered[at]) + prefix[number.end("n") :]
        inserts.setdefault(at, []).append(f"{prefix}{question}{suffix}{separator}{answer_prefix}{entry_answer}")
    for at, blocks in inserts.items():
        if not ctx.doc.faq:
            body = "\n\n## FAQ\n\n" + "\n\n".join(blocks) + "\n"
            yield Edit(at, len(text), body, "faq")
        else:
            yield Edit(at, at, "".join("\n\n" + b for b in blocks), "faq")


RULE = FixRule("faq", f"add FAQ entries for the top unanswered questions (at most {MAX_OPEN} open)", propose,
               default=False)
