"""Group statements into themes and count them, offline: the semantic layer groups, code counts.

Streaming and bounded: statements arrive in batches; each joins the nearest small group of
near-identical statements ("micro-groups", each keeping a few example statements, its vector sum
and the ids of its sources), or starts one. Micro-groups are then merged, closest first, by the
cosine between their mean vectors, on vectors centred on the mean statement so that what all the
statements share (they are all complaints about the same product) does not hide what tells them
apart. A group's size counts up to FULL_SIZE members only (see `agglomerate`): the mean of
thousands of statements is so smooth that two themes' means look alike that, at the size of an
interview study (tens of sources), are told apart; without the cap, two planted themes merged at
1,000 ticket rows and not at 90 sources.

Memory is bounded by MAX_MICRO micro-groups, not by the number of statements: when that many
exist, the closest are merged (by the same rule as at the end) down to COMPACT_TO; if too few are
close enough, the statements most unlike any other are set aside, and counted.
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
MAX_MICRO = 2000
COMPACT_TO = 1500
EXAMPLES_PER_GROUP = 8
MERGE_SIMILARITY = 0.25  # cosine between two groups' centred mean vectors to merge them
FULL_SIZE = 12  # a group's mean vector is taken as if it had at most this many members (see agglomerate)
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


def _unit(vectors: np.ndarray) -> np.ndarray:
    import numpy as np

    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


def agglomerate(sums: np.ndarray, sizes: np.ndarray, spread: float, threshold: float,
                stop_at: int = 1) -> list[list[int]]:
    """Merge groups of statements, given by the sums of their members' centred vectors and their
    sizes, closest first, while the closest are at least `threshold` alike and more than `stop_at`
    groups are left. Returns the members (indexes) of each group left.

    Two groups are as alike as the cosine between their mean vectors, with each group's size
    counted as at most FULL_SIZE: the length of a mean vector is sqrt(w + (spread - w) / n), w
    being the mean similarity between two different members and spread a member's own squared
    length, so beyond a few dozen members it would shrink to sqrt(w) and make two big themes look
    alike that, at the size of an interview study, are told apart. O(n^2) memory for n groups
    (n <= MAX_MICRO); each row's closest partner is kept, not searched for again."""
    import numpy as np

    n = len(sizes)
    members: list[list[int]] = [[i] for i in range(n)]
    if n < 2:
        return members
    sums = sums.astype(np.float32, copy=True)
    sizes = sizes.astype(np.float64, copy=True)

    def length(total: np.ndarray, size: np.ndarray) -> np.ndarray:
        squared = np.einsum("ij,ij->i", total, total).astype(np.float64) if total.ndim == 2 \
            else np.float64(total @ total)
        within = np.where(size > 1, (squared - size * spread) / np.maximum(size * (size - 1), 1), spread)
        return np.sqrt(np.maximum(within + (spread - within) / np.minimum(size, FULL_SIZE), 1e-9))

    lengths = length(sums, sizes)
    sim = (sums @ sums.T).astype(np.float64) / np.outer(sizes * lengths, sizes * lengths)
    np.fill_diagonal(sim, -np.inf)
    alive = np.ones(n, dtype=bool)
    best = np.argmax(sim, axis=1)
    best_sim = sim[np.arange(n), best]
    left = n
    while left > stop_at:
        i = int(np.argmax(best_sim))
        if best_sim[i] < threshold:
            break
        j = int(best[i])
        sums[i] += sums[j]
        sizes[i] += sizes[j]
        lengths[i] = length(sums[i], sizes[i])
        row = (sums @ sums[i]).astype(np.float64) / (sizes * lengths * sizes[i] * lengths[i])
        row[~alive] = -np.inf
        row[i] = row[j] = -np.inf
        sim[i, :] = row
        sim[:, i] = row
        sim[j, :] = -np.inf
        sim[:, j] = -np.inf
        members[i] += members[j]
        members[j] = []
        alive[j] = False
        best_sim[j] = -np.inf
        left -= 1
        stale = np.flatnonzero(alive & ((best == i) | (best == j)))
        for k in {i, *stale.tolist()}:
            best[k] = int(np.argmax(sim[k]))
            best_sim[k] = sim[k, best[k]]
        better = alive & (row > best_sim)
        best[better] = i
        best_sim[better] = row[better]
    return [members[i] for i in np.flatnonzero(alive)]


class Grouper:
    def __init__(self) -> None:
        import numpy as np

        from assistant.semantic import DIMENSIONS

        self.groups: list[Group] = []
        self._means = np.zeros((MAX_MICRO, DIMENSIONS), dtype=np.float32)  # unit mean of each micro-group
        self._all = np.zeros(DIMENSIONS, dtype=np.float64)
        self._count = 0
        self.set_aside = 0  # statements dropped to keep memory bounded (unlike any other)

    def add(self, statements: list[Statement], vectors: np.ndarray) -> None:
        import numpy as np

        for statement, vector in zip(statements, vectors, strict=True):
            self._all += vector
            self._count += 1
            best, similarity = -1, -1.0
            if self.groups:
                sims = self._means[:len(self.groups)] @ vector
                best = int(np.argmax(sims))
                similarity = float(sims[best])
            if best >= 0 and similarity >= MICRO_SIMILARITY:
                group = self.groups[best]
                group.total = group.total + vector
                group.size += 1
                group.sources.add(statement.source)
                if len(group.examples) < EXAMPLES_PER_GROUP:
                    group.examples.append((statement, vector))
                self._means[best] = _unit(group.total)
            else:
                if len(self.groups) >= MAX_MICRO:
                    self._compact()
                self._means[len(self.groups)] = vector
                self.groups.append(Group(total=vector.astype(np.float32).copy(), size=1, sources={statement.source},
                                         examples=[(statement, vector)]))

    @property
    def centre(self) -> np.ndarray:
        """The part every statement shares (half the mean statement): taken out before comparing."""
        import numpy as np

        return (self._all / max(1, self._count)).astype(np.float32) * CENTRING

    def _centred_sums(self) -> tuple[np.ndarray, np.ndarray, float]:
        """Each group's sum of centred member vectors, its size, and a member's mean squared length."""
        import numpy as np

        centre = self.centre.astype(np.float64)
        sizes = np.array([g.size for g in self.groups], dtype=np.float64)
        sums = np.stack([g.total for g in self.groups]).astype(np.float64) - sizes[:, None] * centre
        mean_all = self._all / max(1, self._count)
        spread = max(1e-6, 1.0 - 2.0 * float(mean_all @ centre) + float(centre @ centre))
        return sums, sizes, spread

    def _merged(self, clusters: list[list[int]]) -> list[Group]:
        out: list[Group] = []
        centre = self.centre
        for members in clusters:
            parts = [self.groups[m] for m in members]
            if len(parts) == 1:
                out.append(parts[0])
                continue
            total = sum((g.total for g in parts[1:]), parts[0].total.copy())
            direction = _unit(total / sum(g.size for g in parts) - centre)
            examples = sorted((pair for g in parts for pair in g.examples),
                              key=lambda pair: -float((pair[1] - centre) @ direction))
            out.append(Group(total=total, size=sum(g.size for g in parts),
                             sources=set().union(*(g.sources for g in parts)), examples=examples[:EXAMPLES_PER_GROUP]))
        return out

    def _compact(self) -> None:
        """Down to COMPACT_TO micro-groups: the closest merged first; then, if still too many, the
        single statements least like any other set aside."""
        import numpy as np

        self.groups = self._merged(agglomerate(*self._centred_sums(), MERGE_SIMILARITY, stop_at=COMPACT_TO))
        if len(self.groups) > COMPACT_TO:
            means = _unit(self._centred_sums()[0])
            sim = means @ means.T
            np.fill_diagonal(sim, -np.inf)
            nearest = sim.max(axis=1)
            single = np.array([g.size == 1 and len(g.sources) == 1 for g in self.groups])
            nearest[~single] = np.inf
            drop = {int(i) for i in np.argsort(nearest)[:len(self.groups) - COMPACT_TO] if single[i]}
            self.set_aside += len(drop)
            self.groups = [g for index, g in enumerate(self.groups) if index not in drop]
        for index, group in enumerate(self.groups):
            self._means[index] = _unit(group.total)

    def themes(self, merge_similarity: float = MERGE_SIMILARITY) -> list[FoundTheme]:
        """The micro-groups merged (see agglomerate), then the themes, biggest first."""
        if not self.groups:
            return []
        centre = self.centre
        found: list[FoundTheme] = []
        for members in agglomerate(*self._centred_sums(), merge_similarity):
            groups = [self.groups[m] for m in members]
            sources: set[str] = set().union(*(g.sources for g in groups))
            if len(sources) < MIN_SOURCES:
                continue
            total = sum((g.total for g in groups[1:]), groups[0].total.copy())
            direction = _unit(total / sum(g.size for g in groups) - centre)
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
