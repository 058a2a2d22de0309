"""Group statements into themes and count them, offline: the semantic layer groups, code counts.

Streaming and bounded: statements arrive in batches; each joins the nearest small group of
near-identical statements ("micro-groups", at most MAX_MICRO of them, each keeping a few example
statements, its vector sum and the ids of its sources), or starts one. At the end, micro-groups
are merged by average linkage (the mean cosine between their members, which is the dot product
of their mean vectors), on vectors centred on the mean statement so that what all the statements
share (they are all complaints about the same product) does not hide what tells them apart.
A theme's count is the number of distinct sources among its members, never a model's guess.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.insights.statements import Statement

if TYPE_CHECKING:
    import numpy as np

MICRO_SIMILARITY = 0.8  # raw cosine: the same sentence, or nearly
MAX_MICRO = 1200
EXAMPLES_PER_MICRO = 4
MERGE_SIMILARITY = 0.25  # cosine between two groups' half-centred mean vectors to merge them
MIN_SOURCES = 2
SAME_WORDING = 0.85  # two example statements this close say the same thing: show only one
CENTRING = 0.5


@dataclass
class Group:
    total: np.ndarray  # sum of the members' unit vectors
    size: int
    sources: set[str] = field(default_factory=set)
    examples: list[tuple[Statement, np.ndarray]] = field(default_factory=list)


@dataclass
class FoundTheme:
    sources: list[str]
    examples: list[Statement]  # closest to the theme's centre first, at most one per source


class Grouper:
    def __init__(self) -> None:
        import numpy as np

        from assistant.semantic import DIMENSIONS

        self.groups: list[Group] = []
        self._means = np.zeros((0, DIMENSIONS), dtype=np.float32)
        self._all = np.zeros(DIMENSIONS, dtype=np.float64)
        self._count = 0

    def add(self, statements: list[Statement], vectors: np.ndarray) -> None:
        import numpy as np

        for statement, vector in zip(statements, vectors, strict=True):
            self._all += vector
            self._count += 1
            best, similarity = -1, -1.0
            if len(self.groups):
                sims = self._means @ vector
                best = int(np.argmax(sims))
                similarity = float(sims[best])
            if best >= 0 and (similarity >= MICRO_SIMILARITY or len(self.groups) >= MAX_MICRO):
                group = self.groups[best]
                group.total = group.total + vector
                group.size += 1
                group.sources.add(statement.source)
                if len(group.examples) < EXAMPLES_PER_MICRO:
                    group.examples.append((statement, vector))
                norm = np.linalg.norm(group.total)
                self._means[best] = group.total / (norm or 1.0)
            else:
                self.groups.append(Group(total=vector.astype(np.float32).copy(), size=1, sources={statement.source},
                                         examples=[(statement, vector)]))
                self._means = np.vstack([self._means, vector[None, :]])

    @staticmethod
    def _unit(vectors: np.ndarray) -> np.ndarray:
        import numpy as np

        norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
        return vectors / np.where(norms == 0, 1.0, norms)

    @property
    def centre(self) -> np.ndarray:
        """The part every statement shares (half the mean statement): taken out before comparing."""
        import numpy as np

        return (self._all / max(1, self._count)).astype(np.float32) * CENTRING

    def themes(self, merge_similarity: float = MERGE_SIMILARITY) -> list[FoundTheme]:
        """Average-linkage merging of the micro-groups, then the themes, biggest first."""
        import numpy as np

        if not self.groups:
            return []
        centre = self.centre
        sums = np.stack([g.total for g in self.groups]).astype(np.float64)
        sizes = np.array([g.size for g in self.groups], dtype=np.float64)
        means = self._unit(sums / sizes[:, None] - centre)
        members: list[list[int]] = [[i] for i in range(len(self.groups))]
        alive = np.ones(len(self.groups), dtype=bool)
        sim = means @ means.T
        np.fill_diagonal(sim, -np.inf)
        while alive.sum() > 1:
            flat = int(np.argmax(sim))
            i, j = divmod(flat, sim.shape[0])
            if sim[i, j] < merge_similarity:
                break
            sums[i] += sums[j]
            sizes[i] += sizes[j]
            members[i] += members[j]
            members[j] = []
            alive[j] = False
            means[i] = self._unit(sums[i] / sizes[i] - centre)
            row = means @ means[i]
            row[~alive] = -np.inf
            row[i] = -np.inf
            sim[i, :] = row
            sim[:, i] = row
            sim[j, :] = -np.inf
            sim[:, j] = -np.inf
        found: list[FoundTheme] = []
        for index in np.flatnonzero(alive):
            groups = [self.groups[m] for m in members[index]]
            sources: set[str] = set().union(*(g.sources for g in groups))
            if len(sources) < MIN_SOURCES:
                continue
            direction = means[index] / (np.linalg.norm(means[index]) or 1.0)
            examples = [(float((vector - centre) @ direction), statement) for g in groups
                        for statement, vector in g.examples]
            examples.sort(key=lambda pair: -pair[0])
            seen: set[str] = set()
            ordered: list[Statement] = []
            chosen: list[np.ndarray] = []
            vectors = {id(statement): vector for g in groups for statement, vector in g.examples}
            for _, statement in examples:  # one per source, and no two that say it the same way
                vector = vectors[id(statement)]
                if statement.source in seen or any(float(vector @ other) > SAME_WORDING for other in chosen):
                    continue
                seen.add(statement.source)
                chosen.append(vector)
                ordered.append(statement)
            found.append(FoundTheme(sources=sorted(sources), examples=ordered[:8]))
        found.sort(key=lambda t: (-len(t.sources), t.examples[0].text if t.examples else ""))
        return found


def top_segments(sources: list[str], segments_of: dict[str, list[str]], limit: int = 3) -> list[str]:
    counter: Counter[str] = Counter(s for source in sources for s in segments_of.get(source, []))
    return [f"{segment} ({n})" for segment, n in counter.most_common(limit)]
