"""`prfaq insights` with a model: the model names and merges themes and proposes quotes; code
assigns the sources, computes the counts and verifies every quote.

1. The offline pass groups the statements by meaning (themes.py) and knows, for every group, which
   sources raise it. That stays the truth for counts.
2. Map: the groups' example statements, numbered, are sent in chunks that fit a token budget; for
   each chunk the model returns themes (customer problems, named as such), each listing the groups
   it covers and proposing quotes by statement number.
3. Reduce: when there was more than one chunk, the model merges the themes that are the same
   problem, by number.
4. Code: a theme's sources are the union of its groups' sources (its count is their number); a
   quote is kept only when it is found in the statement it names, and that statement belongs to
   one of the theme's groups. Everything else is dropped and counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.insights.models import Quote, Theme

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.insights import Gathered
    from assistant.insights.statements import Statement
    from assistant.insights.themes import FoundTheme
    from assistant.llm import Gateway

TOKEN_BUDGET = 6000  # statement tokens per map call
EXAMPLES_SENT = 4  # statements per group sent to the model
COMPLETION_TOKENS = 700  # a map or reduce answer, for the estimate


class ProposedQuote(BaseModel):
    statement: int = Field(ge=1, description="the number of the statement the quote is copied from")
    text: str = Field(description="words copied exactly from that statement")


class ProposedTheme(BaseModel):
    title: str = Field(description="the customer's problem or need, in a short sentence, not a topic")
    groups: list[int] = Field(description="the numbers of the groups this theme covers")
    quotes: list[ProposedQuote] = Field(default_factory=list, max_length=3)


class ProposedThemes(BaseModel):
    themes: list[ProposedTheme]


class Merge(BaseModel):
    title: str
    themes: list[int] = Field(description="the numbers of the themes that are the same problem")


class Merges(BaseModel):
    merged: list[Merge]


@dataclass
class Named:
    themes: list[Theme]
    statements_of: list[list[str]]
    unverified: int = 0


@dataclass
class _Draft:
    title: str
    groups: set[int]
    quotes: list[ProposedQuote] = field(default_factory=list)


def _chunks(found: list[FoundTheme]) -> list[list[int]]:
    from assistant.llm.gateway import estimate_tokens

    chunks: list[list[int]] = [[]]
    used = 0
    for index, group in enumerate(found):
        cost = sum(estimate_tokens(s.text) + 8 for s in group.examples[:EXAMPLES_SENT])
        if chunks[-1] and used + cost > TOKEN_BUDGET:
            chunks.append([])
            used = 0
        chunks[-1].append(index)
        used += cost
    return [c for c in chunks if c]


def _numbered(found: list[FoundTheme], chunk: list[int]) -> tuple[str, dict[int, tuple[int, Statement]]]:
    lines: list[str] = []
    by_number: dict[int, tuple[int, Statement]] = {}
    number = 0
    for group in chunk:
        theme = found[group]
        lines.append(f"Group {group + 1} (raised by {len(theme.sources)} sources):")
        for statement in theme.examples[:EXAMPLES_SENT]:
            number += 1
            by_number[number] = (group, statement)
            lines.append(f"  [{number}] {' '.join(statement.text.split())}")
    return "\n".join(lines), by_number


def name_themes(found: list[FoundTheme], gathered: Gathered, gateway: Gateway, *, paths: Sequence[str | Path],
                max_bytes: int, text_column: str | None) -> Named:
    """Model-named themes over the offline groups; counts and quotes checked in code."""
    from assistant.documents.locate import locate_quote
    from assistant.insights import theme_of
    from assistant.prompts import envelope

    drafts: list[_Draft] = []
    numbers: dict[int, tuple[int, Statement]] = {}  # chunk * 100,000 + statement number -> (group, statement)
    for chunk_index, chunk in enumerate(_chunks(found)):
        text, by_number = _numbered(found, chunk)
        for number, value in by_number.items():
            numbers[chunk_index * 100_000 + number] = value
        answer = gateway.structured("insights.themes", {"statements": envelope("statements", text)}, ProposedThemes)
        for proposed in answer.themes:
            groups = {g - 1 for g in proposed.groups if 1 <= g <= len(found) and g - 1 in chunk}
            if groups:
                offered = [ProposedQuote(statement=chunk_index * 100_000 + q.statement, text=q.text)
                           for q in proposed.quotes]
                drafts.append(_Draft(title=proposed.title, groups=groups, quotes=offered))
    if len(_chunks(found)) > 1 and len(drafts) > 1:
        listing = "\n".join(f"[{i + 1}] {d.title}" for i, d in enumerate(drafts))
        merges = gateway.structured("insights.merge", {"themes": envelope("themes", listing)}, Merges)
        merged: list[_Draft] = []
        taken: set[int] = set()
        for merge in merges.merged:
            members = [i - 1 for i in merge.themes if 1 <= i <= len(drafts) and i - 1 not in taken]
            if members:
                taken.update(members)
                merged.append(_Draft(title=merge.title, groups=set().union(*(drafts[i].groups for i in members)),
                                     quotes=[q for i in members for q in drafts[i].quotes]))
        merged += [d for i, d in enumerate(drafts) if i not in taken]
        drafts = merged
    from assistant.insights.themes import FoundTheme

    named = Named(themes=[], statements_of=[])
    used_groups: set[int] = set()
    for draft in drafts:
        chosen = sorted(draft.groups - used_groups)  # a group counts towards one theme only
        if not chosen:
            continue
        used_groups.update(chosen)
        sources = sorted(set().union(*(found[g].sources for g in chosen)))
        examples = [s for g in chosen for s in found[g].examples]
        quotes: list[Quote] = []
        for offer in draft.quotes:
            target = numbers.get(offer.statement)
            span = locate_quote(target[1].text, offer.text) if target and target[0] in chosen else None
            if target is None or span is None:
                named.unverified += 1
                continue
            statement = target[1]
            start, end = statement.start + span[0], statement.start + span[1]
            quotes.append(Quote(text=statement.text[span[0]:span[1]], source=statement.source, start=start, end=end))
        combined = FoundTheme(sources=sources, examples=examples)
        theme = theme_of(combined, gathered, title=" ".join(draft.title.split())[:200],
                         quotes=quotes[:3] or None)
        named.themes.append(theme)
        named.statements_of.append([s.key or s.text for s in examples])
    return named


class Estimate(BaseModel):
    sources: int
    groups: int
    calls: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    model: str
    skipped: int = 0

    def describe(self) -> str:
        cost = f"${self.cost_usd:.4f}" if self.cost_usd else "unknown (no price for this model)"
        return (f"prfaq insights --dry-run: {self.sources} sources read ({self.skipped} skipped), "
                f"{self.groups} groups of statements; a model run would make {self.calls} call(s), about "
                f"{self.prompt_tokens} prompt + {self.completion_tokens} completion tokens on {self.model}, "
                f"cost {cost}. Nothing was sent.")


def estimate(paths: Sequence[Path], *, settings: Settings, text_column: str | None = None) -> Estimate:
    """What a model run would send: the offline pass runs (it is local), no model is called."""
    from assistant.insights import MAX_THEMES, gather
    from assistant.llm.capabilities import cost_usd
    from assistant.llm.gateway import estimate_tokens
    from assistant.prompts import load_prompt

    gathered = gather(paths, max_bytes=settings.max_input_bytes, text_column=text_column)
    found = gathered.found[:MAX_THEMES * 2]
    chunks = _chunks(found)
    overhead = estimate_tokens("".join(m.content for m in load_prompt("insights.themes",
                                                                       settings.prompts_dir).messages))
    prompt = sum(overhead + estimate_tokens(_numbered(found, chunk)[0]) for chunk in chunks)
    calls = len(chunks) + (1 if len(chunks) > 1 else 0)
    if len(chunks) > 1:
        prompt += overhead + 30 * len(found)
    completion = COMPLETION_TOKENS * calls
    return Estimate(sources=len(gathered.report.sources), groups=len(found), calls=calls, prompt_tokens=prompt,
                    completion_tokens=completion, cost_usd=cost_usd(settings.model, prompt, completion),
                    model=settings.model, skipped=len(gathered.report.skipped))
