"""How many of the questions real authors answered in their FAQ does `prfaq questions` anticipate?

For each PR/FAQ: the press release alone (the text before the FAQ) goes to the offline
engine; the FAQ questions the authors wrote are the reference. An author's question counts as
anticipated when one of the first K generated questions matches it (`anticipates`: weighted
Jaccard overlap of their concepts, with stemming and synonyms, the product's name folded to
"product" on both sides).
A fixed list of generic questions, scored by the same matcher, is the baseline to beat.

The eval suite (`prfaq eval questions-recall`) and evals/questions_recall.py call
`measure_recall`; nothing here reads a dataset unless it is given one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.questions.bank import AskedRates
from assistant.questions.rank import Order
from assistant.questions.text import concepts, similarity

# Calibrated once, before tuning the bank against this eval, on 90 hand-labelled (author question,
# closest generated or baseline question) pairs from the public PR/FAQs: weighted Jaccard >= 0.45
# agreed with the labels on 83% of pairs (75 of 90; 3 false matches, 12 missed), better than any
# coverage/precision pair tried (at best 81%). The same matcher scores the tool and the baseline.
MATCH_JACCARD = 0.45
SUFFIXES = (".md", ".markdown", ".txt")


class Match(BaseModel):
    author_question: str
    tool: dict[int, str | None] = Field(default_factory=dict, description="K -> matching generated question")
    baseline: dict[int, str | None] = Field(default_factory=dict, description="K -> matching baseline question")


class RecallCase(BaseModel):
    path: str
    product: str | None
    author_questions: int
    tool_hits: dict[int, int]
    baseline_hits: dict[int, int]
    generated: list[str] = Field(description="what `prfaq questions --top K` shows for the largest K")
    matches: list[Match]

    def recall(self, k: int, which: str = "tool") -> float:
        hits = self.tool_hits if which == "tool" else self.baseline_hits
        return hits[k] / self.author_questions if self.author_questions else 0.0


class RecallReport(BaseModel):
    schema_version: str = "1"
    order: str = Field(description="asked: ranked by priority whatever the release answers; threat: the default "
                                   "`prfaq questions` order, answered questions last")
    ks: list[int]
    files: int
    author_questions: int
    tool_recall: dict[int, float] = Field(description="micro average: anticipated / all author questions")
    baseline_recall: dict[int, float]
    tool_macro: dict[int, float] = Field(description="mean of per-document recall")
    baseline_macro: dict[int, float]
    cases: list[RecallCase]
    skipped: list[str] = Field(default_factory=list, description="files without a FAQ or unreadable")


def masked(question: str, aliases: Sequence[str] = ()) -> str:
    """The question with the product's own name (each alias) replaced by "it", so that a judge
    cannot match two questions on the name alone: "What is Foo?" and "How do I install Foo?"
    become "What is it?" and "How do I install it?", which share nothing. The name is matched in
    any case, wherever it stands ("Who is Foo for?", "What problem does Foo solve?"), except where
    it starts a longer name ("the Foo Graph" is a part of Foo, not Foo)."""
    for alias in sorted(aliases, key=len, reverse=True):
        if alias.strip():
            question = _name_pattern(alias.strip()).sub("it", question)
    return question


@lru_cache(maxsize=256)
def _name_pattern(name: str) -> re.Pattern[str]:
    # The name in any case, but the capitalised word that makes it a longer name only in capitals:
    # under IGNORECASE a plain "(?! [A-Z][a-z])" would refuse every name followed by a word.
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?:['\u2019]s)?(?![\w-])(?-i:(?! [A-Z][a-z]))", re.IGNORECASE)


def anticipates(author: str, generated: str, aliases: Sequence[str] = ()) -> bool:
    """Does a generated question ask what the author's question asks? The product's name is masked
    on both sides first (`masked`)."""
    asked = concepts(masked(author, aliases))
    offered = concepts(masked(generated, aliases))
    if not (asked & offered) - {"product", "define"}:
        # Sharing only "what is" is not asking the same thing ("What is it?" against "What is it
        # built on?"), unless that is all either asks: "What is Foo?" and "What exactly is Foo?".
        return bool(asked) and asked == offered
    return similarity(asked, offered) >= MATCH_JACCARD


def _first_match(author: str, candidates: Sequence[str], aliases: Sequence[str]) -> str | None:
    return next((c for c in candidates if anticipates(author, c, aliases)), None)


def recall_case(path: Path, baseline: Sequence[str], ks: Sequence[int], order: Order = "asked",
                rates: AskedRates | None = None) -> RecallCase | None:
    """One PR/FAQ: None when it has no FAQ questions to measure against."""
    from assistant.documents import load_document, parse_document
    from assistant.questions.bank import load_bank
    from assistant.questions.offline import questions_offline
    from assistant.questions.select import product_name

    doc = load_document(path)
    if not doc.faq or doc.faq_start is None:
        return None
    release = parse_document(doc.text[: doc.faq_start], path=str(path))
    product = product_name(doc, load_bank())
    aliases = [product] if product else []
    generated: dict[int, list[str]] = {
        k: [q.question for q in questions_offline(release, top=k, order=order, rates=rates).questions] for k in ks}
    matches = []
    for item in doc.faq:
        author = item.question.text
        matches.append(Match(
            author_question=author,
            tool={k: _first_match(author, generated[k], aliases) for k in ks},
            baseline={k: _first_match(author, list(baseline[:k]), aliases) for k in ks},
        ))
    return RecallCase(
        path=str(path), product=product, author_questions=len(matches), generated=generated[max(ks)],
        tool_hits={k: sum(m.tool[k] is not None for m in matches) for k in ks},
        baseline_hits={k: sum(m.baseline[k] is not None for m in matches) for k in ks},
        matches=matches,
    )


def measure_recall(folder: Path | Sequence[Path], baseline: Sequence[str], ks: Sequence[int] = (10, 20),
                   order: Order = "asked", rates: AskedRates | None = None) -> RecallReport:
    """Recall@K of the offline engine and of the baseline list over a folder (or list) of PR/FAQs.

    `rates` replaces the shipped asked rates (assistant/questions/asked.yaml): rates fitted on other
    documents measure the ranking on documents it was not fitted to.
    For K beyond the baseline's length the baseline is all of its questions (a fair comparison
    needs K <= len(baseline)).
    """
    from assistant.errors import InputError

    if not baseline:
        raise ValueError("the baseline list of generic questions is empty")
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES) if isinstance(folder, Path) \
        else list(folder)
    cases: list[RecallCase] = []
    skipped: list[str] = []
    for path in paths:
        try:
            case = recall_case(path, baseline, ks, order, rates)
        except InputError as exc:  # an unreadable file is skipped; a broken bank or setup is not
            skipped.append(f"{path}: {exc}")
            continue
        if case is None:
            skipped.append(f"{path}: no FAQ questions")
        else:
            cases.append(case)
    total = sum(c.author_questions for c in cases)

    def micro(which: str, k: int) -> float:
        hits = sum((c.tool_hits if which == "tool" else c.baseline_hits)[k] for c in cases)
        return round(hits / total, 4) if total else 0.0

    def macro(which: str, k: int) -> float:
        return round(sum(c.recall(k, which) for c in cases) / len(cases), 4) if cases else 0.0

    return RecallReport(
        order=order, ks=list(ks), files=len(cases), author_questions=total, cases=cases, skipped=skipped,
        tool_recall={k: micro("tool", k) for k in ks}, baseline_recall={k: micro("baseline", k) for k in ks},
        tool_macro={k: macro("tool", k) for k in ks}, baseline_macro={k: macro("baseline", k) for k in ks},
    )
