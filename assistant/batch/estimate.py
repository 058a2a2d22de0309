"""--dry-run: what would run, and roughly how many calls, tokens and dollars, before spending any.

Estimates, not promises: a call's prompt is the document (about four characters a token) plus
its prompt file; its answer is taken as COMPLETION_TOKENS. The review's count is its ceiling
(every persona reads, every persona speaks in the discussion, one decision), since the
discussion only happens where personas disagree.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.batch.models import DocResult, DocSource, DryRunItem, DryRunPlan, Part
from assistant.config import Settings
from assistant.errors import PrfaqError

COMPLETION_TOKENS = 500  # a typical structured answer (findings, questions) in tokens
DISCUSSION_ROUNDS = 1


class CallShape:
    """How many calls one document needs, and the prompt characters they add beyond the document."""

    def __init__(self, calls: int, document_copies: int, prompt_chars: int) -> None:
        self.calls = calls
        self.document_copies = document_copies  # how many of the calls carry the whole document
        self.prompt_chars = prompt_chars


def call_shape(settings: Settings, parts: Sequence[Part]) -> CallShape:
    if not settings.has_endpoint:
        return CallShape(0, 0, 0)
    from assistant.prompts import list_prompts

    everything = list_prompts("", settings.prompts_dir)
    personas = _default_personas(settings)
    calls = copies = chars = 0
    if "questions" in parts:
        names = [n for n in everything if n.startswith("questions")]
        calls += max(1, len(names))
        copies += max(1, len(names))
        chars += sum(_size(everything[n]) for n in names)
    if "review" in parts:
        readers = len(personas)
        calls += readers * (1 + DISCUSSION_ROUNDS) + 1
        copies += readers * (1 + DISCUSSION_ROUNDS) + 1
        persona_files = list_prompts("personas", settings.prompts_dir)
        chars += sum(_size(persona_files[p]) for p in personas if p in persona_files)
        chars += sum(_size(everything[n]) * (readers if n == "review.discuss" else 1)
                     for n in ("review.discuss", "review.decide") if n in everything)
    return CallShape(calls, copies, chars)


def _default_personas(settings: Settings) -> list[str]:
    try:
        from assistant.personas.loader import select_personas

        return [p.id for p in select_personas(None, settings.prompts_dir)]
    except PrfaqError:
        from assistant.prompts import list_prompts

        return sorted(list_prompts("personas", settings.prompts_dir))


def _size(path: object) -> int:
    from pathlib import Path

    try:
        return Path(str(path)).stat().st_size
    except OSError:
        return 0


def plan_run(sources: list[DocSource], done: dict[str, DocResult], parts: Sequence[Part],
             settings: Settings) -> DryRunPlan:
    from assistant.batch.job import load_source
    from assistant.llm.capabilities import cost_usd, price_per_million

    shape = call_shape(settings, parts)
    items: list[DryRunItem] = []
    for source in sources:
        if source.path in done:
            items.append(DryRunItem(path=source.path, action="skip", reason="done with the same content and settings"))
            continue
        try:
            doc = load_source(source, settings)
        except PrfaqError as exc:
            items.append(DryRunItem(path=source.path, action="fail", reason=str(exc)))
            continue
        prompt_tokens = (len(doc.text) * shape.document_copies + shape.prompt_chars) // 4
        items.append(DryRunItem(path=source.path, action="run", calls=shape.calls, prompt_tokens=prompt_tokens,
                                completion_tokens=shape.calls * COMPLETION_TOKENS))
    prompt = sum(i.prompt_tokens for i in items)
    completion = sum(i.completion_tokens for i in items)
    model = settings.model if settings.has_endpoint else None
    return DryRunPlan(engine=settings.engine_name, model=model, items=items, calls=sum(i.calls for i in items),
                      prompt_tokens=prompt, completion_tokens=completion,
                      cost_usd=round(cost_usd(model, prompt, completion), 4) if model else 0.0,
                      priced=model is None or price_per_million(model) is not None)
