"""Near-duplicate merging: two phrasings of the same question become one.

Questions are compared by their concepts (content words, stemmed, synonyms folded: see
`text.concepts`). Two questions are the same when their weighted Jaccard similarity is high,
or when one's concepts are nearly all contained in the other's and they share the intent
("How much does it cost?" and "What is the price per seat?").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from assistant.questions.text import INTENT_CONCEPTS, concepts, coverage, similarity

T = TypeVar("T")

JACCARD_THRESHOLD = 0.75
CONTAINMENT_THRESHOLD = 0.85
CONTAINED_JACCARD = 0.4  # a short question inside a long one is the same only if it is most of it


def same_question(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b or a.isdisjoint(b):
        return False  # most pairs of questions share no concept at all
    jaccard = similarity(a, b)
    if jaccard >= JACCARD_THRESHOLD:
        return True
    shared_intent = a & b & INTENT_CONCEPTS
    smaller, larger = (a, b) if len(a) <= len(b) else (b, a)
    specific = smaller - {"product"}
    return (bool(shared_intent) and len(specific) >= 2 and jaccard >= CONTAINED_JACCARD
            and coverage(smaller, larger) >= CONTAINMENT_THRESHOLD)


def merge_duplicates(items: Sequence[T], text_of: Callable[[T], str], *, aliases: Sequence[str] = (),
                     on_merge: Callable[[T, T], None] | None = None,
                     distinct: Callable[[T, T], bool] | None = None) -> list[T]:
    """Keep the first of each group of near-duplicates (so pass items best first).

    `on_merge(kept, dropped)` lets the caller record the dropped phrasing on the kept item;
    `distinct(a, b)` vetoes a merge the caller knows is wrong (the same template about two
    different technologies).
    """
    kept: list[tuple[T, frozenset[str]]] = []
    for item in items:
        mine = concepts(text_of(item), aliases=aliases)
        twin = next((k for k, theirs in kept if same_question(mine, theirs)
                     and not (distinct is not None and distinct(k, item))), None)
        if twin is None:
            kept.append((item, mine))
        elif on_merge is not None:
            on_merge(twin, item)
    return [item for item, _ in kept]
