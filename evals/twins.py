"""Degraded twins: does the clarity score drop when a real PR/FAQ is made worse in one way?

For each document in the public PR/FAQ set and each kind of damage, build one worse twin and
count the pairs where the original scores strictly higher (the offline clarity score). A tie
counts as a miss.

    python evals/twins.py [--dataset ../shared/datasets/prfaq-public] [--glob '*.md'] [--verbose]

Kinds of damage (`KINDS`), each a pure function of the text (`degrade(text, kind)`, None when the
document has nothing to damage in that way, e.g. no figure or no repeated multi-word name):

- hedges: hedges and weasel words put in front of every third statement;
- runons: pairs of neighbouring sentences fused with ", and";
- jargon: plain words swapped for corporate jargon ("use" -> "leverage");
- vague: figures replaced by vague words ("40 to 70 percent" -> "a big part", "$39" -> "some
  money", "3 hours" -> "lots of hours", "20 pharmacies" -> "numerous pharmacies");
- initialisms: a multi-word name used at least twice turned into its undefined initials
  ("Search Relevance Workbench" -> "SRW", "machine learning" -> "ML").

The functions are importable (`from twins import KINDS, degrade` with evals/ on the path), so
other evaluations can make the same twins.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from assistant.clarity.lexicon import zipf  # noqa: E402
from assistant.clarity.rules.base import word_list  # noqa: E402
from assistant.clarity.rules.undefined_acronym import is_known  # noqa: E402
from assistant.clarity.text import Prose, Sentence  # noqa: E402

KINDS: tuple[str, ...] = ("hedges", "runons", "jargon", "vague", "initialisms")

_HEDGES = ("Arguably, ", "It seems that ", "Perhaps ", "In some cases, ", "Some say that ", "Generally, ")
_FUSE = (", and ", ", so ", ", and then ")
_JARGON = {
    "use": "leverage", "uses": "leverages", "using": "leveraging", "used": "leveraged",
    "help": "facilitate", "helps": "facilitates", "helping": "facilitating",
    "improve": "optimize", "improves": "optimizes", "improving": "optimizing",
    "tools": "solutions", "tool": "solution",
    "goal": "north star", "goals": "north stars", "talk": "touch base", "work together": "synergize",
    "now": "at this point in time", "to": "in order to", "fix": "remediate", "fixes": "remediates",
    "show": "surface", "shows": "surfaces", "ask": "ping", "benefit": "value-add", "benefits": "value-adds",
    "start": "kick off", "starts": "kicks off", "simple": "frictionless", "easy": "seamless",
    "easily": "seamlessly", "change": "paradigm shift", "build": "operationalize", "builds": "operationalizes",
}
_JARGON_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _JARGON), key=len, reverse=True)) + r")\b")
_JARGON_EVERY = 2  # one plain word in this many is swapped ("to" is everywhere)


def _statements(text: str) -> list[Sentence]:
    """Sentences of running prose: at least six words, ending in a full stop."""
    copy = Prose.of(text).copy
    return [s for s in Prose.of(text).sentences
            if s.word_count >= 6 and copy[s.end - 1] == "." and text[s.start].isupper()]


def _lower_first(sentence: str) -> str:
    """The sentence with its first word in lower case, unless that word is a name."""
    first = re.match(r"[A-Za-z]+", sentence)
    if not first or first.group() == "I" or not first.group().istitle():
        return sentence
    if zipf(first.group().lower()) < 5.0:  # a name ("Totus"), not a common word ("The")
        return sentence
    return sentence[0].lower() + sentence[1:]


def _hedges(text: str, count: int | None) -> str | None:
    targets = _statements(text)[::3][:count]
    out = text
    for i, sentence in reversed(list(enumerate(targets))):
        body = out[sentence.start : sentence.end]
        out = out[: sentence.start] + _HEDGES[i % len(_HEDGES)] + _lower_first(body) + out[sentence.end :]
    return out if targets else None


def _runons(text: str, count: int | None) -> str | None:
    statements = _statements(text)
    pairs: list[tuple[Sentence, Sentence]] = []
    i = 0
    while i + 1 < len(statements):
        first, second = statements[i], statements[i + 1]
        between = text[first.end - 1 : second.start]
        if between.startswith(".") and between[1:].strip() == "" and "\n" not in between:
            pairs.append((first, second))
            i += 2
        else:
            i += 1
    pairs = pairs[:count]
    out = text
    for n, (first, second) in reversed(list(enumerate(pairs))):
        joined = _FUSE[n % len(_FUSE)] + _lower_first(out[second.start : second.end])
        out = out[: first.end - 1] + joined + out[second.end :]
    return out if pairs else None


def _jargon(text: str, limit: int | None) -> str | None:
    copy = Prose.of(text).copy
    count = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal count
        if copy[match.start() : match.end()] != match.group():  # markup, code or a URL
            return match.group()
        count += 1
        if count % _JARGON_EVERY != 1 or (limit is not None and count > limit * _JARGON_EVERY):
            return match.group()
        return _JARGON[match.group()]

    out = _JARGON_RE.sub(swap, text)
    return out if out != text else None


_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
_FIGURE_RE = re.compile(
    r"(?<![\w.$/:#-])(?:"
    r"(?P<pct>\d+(?:\.\d+)?(?:\s?(?:-|–|to)\s?\d+(?:\.\d+)?)?\s?(?:%|percent\b))"
    r"|(?P<price>[$€£]\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|million|billion)\b)?(?:/\w+)?)"
    r"|(?P<time>\d+(?:\.\d+)?(?:\s?(?:-|–|to)\s?\d+(?:\.\d+)?)?\s(?P<unit>seconds?|minutes?|hours?|days?|weeks?|"
    r"months?|years?|ms|milliseconds?)\b)"
    r"|(?P<count>\d[\d,]*(?:\.\d+)?(?:\s?(?:k|million|billion)\b)?(?:\+)?)\s(?P<noun>[a-z][a-z-]{2,}s)\b"
    r")"
)
_VAGUE_PCT = ("a big part", "a large share", "most", "a fraction")
_VAGUE_COUNT = ("numerous", "many", "lots of", "a significant number of")


def _vague(text: str, limit: int | None) -> str | None:
    copy = Prose.of(text).copy
    counter = Counter[str]()

    def swap(match: re.Match[str]) -> str:
        figure = match.group()
        if copy[match.start() : match.end()] != figure or (limit is not None and counter.total() >= limit):
            return figure
        kind = next(k for k in ("pct", "price", "time", "count") if match.group(k))
        n = counter[kind]
        counter[kind] += 1
        if kind == "pct":
            return _VAGUE_PCT[n % len(_VAGUE_PCT)]
        if kind == "price":
            return ("some money", "a modest fee")[n % 2]
        if kind == "time":
            unit = match.group("unit")
            return ("lots of " if n % 2 == 0 else "a few ") + (unit if unit.endswith("s") else unit + "s")
        if _YEAR_RE.match(match.group("count")):
            counter[kind] -= 1
            return figure
        return f"{_VAGUE_COUNT[n % len(_VAGUE_COUNT)]} {match.group('noun')}"

    out = _FIGURE_RE.sub(swap, text)
    return out if out != text else None


_STOP = frozenset(word_list(
    "the a an and or of to in on for with by at from as is are be this that our your their its it "
    "we you they no not all any each every new one more most"
))
_TITLE_NAME_RE = re.compile(r"(?<![\w-])([A-Z][a-z][\w-]*(?: [A-Z][a-z][\w-]*){1,3})(?![\w-])")
_LOWER_NAME_RE = re.compile(r"(?<![\w-])([a-z]{3,}(?: [a-z]{3,}){1,2})(?![\w-])")


def _initials(name: str) -> str:
    return "".join(word[0].upper() for word in name.split())


def _trimmed(name: str) -> str:
    """The name without a leading article or pronoun ("The Order Draft Builder")."""
    words = name.split()
    while words and words[0].lower() in _STOP:
        words.pop(0)
    return " ".join(words)


def _candidates(text: str) -> list[tuple[str, int]]:
    """Multi-word names used at least twice in the prose, most used first: Title Case names,
    then repeated phrases of two or three content words ("machine learning")."""
    copy = Prose.of(text).copy
    found: list[tuple[str, int]] = []
    for pattern in (_TITLE_NAME_RE, _LOWER_NAME_RE):
        counts = Counter(name for m in pattern.finditer(copy)
                         if len((name := _trimmed(m.group(1))).split()) >= 2
                         and not any(w.lower() in _STOP for w in name.split()))
        for name, n in counts.most_common():
            initials = _initials(name)
            if n < 2 or is_known(initials) or re.search(rf"\b{initials}\b", text):
                continue
            if pattern is _LOWER_NAME_RE and any(zipf(w) >= 5.5 or w.endswith("ly") for w in name.split()):
                continue  # "open source" is a phrase of common words, "quickly reads" a verb phrase
            found.append((name, n))
    return found


def _initialisms(text: str, count: int | None) -> str | None:
    """The most used name, or with `count` the least used one (used twice: the hardest case)."""
    candidates = _candidates(text)
    if not candidates:
        return None
    # Title Case names come first in the list; a stable min keeps them first among the least used.
    name = candidates[0][0] if count is None else min(candidates, key=lambda c: c[1])[0]
    copy = Prose.of(text).copy
    out = text
    for match in reversed(list(re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", copy))):
        out = out[: match.start()] + _initials(name) + out[match.end() :]
    return out


_DAMAGE: dict[str, Callable[[str, int | None], str | None]] = {
    "hedges": _hedges, "runons": _runons, "jargon": _jargon, "vague": _vague, "initialisms": _initialisms,
}


def degrade(text: str, kind: str, *, count: int | None = None) -> str | None:
    """The text made worse in one way (`kind` in KINDS), or None if it has nothing to damage so.
    `count` limits the damage to that many places (`count=1`: a single change, the hardest test
    for a long document); an initialism twin always shortens every use of one name."""
    if kind not in _DAMAGE:
        raise ValueError(f"unknown kind of damage {kind!r}; one of {', '.join(KINDS)}")
    twin = _DAMAGE[kind](text, count)
    return twin if twin is not None and twin != text else None


def main(argv: list[str] | None = None) -> int:
    from assistant.evaluation.suites import shared_dir

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=shared_dir() / "datasets" / "prfaq-public")
    parser.add_argument("--glob", default="*.md", help="which files of the dataset (held out: "
                        "--dataset ../shared/datasets/onestopenglish/adv --glob '*.txt')")
    parser.add_argument("--verbose", action="store_true", help="print every pair's scores")
    args = parser.parse_args(argv)
    paths = sorted(args.dataset.glob(args.glob))
    if not paths:
        print(f"no PR/FAQs found in {args.dataset} (the project's shared data, beside the repository as "
              "../shared; set PRFAQ_SHARED_DIR, or give --dataset)", file=sys.stderr)
        return 2
    for count, label in ((None, "damage everywhere it applies"), (1, "a single change per twin")):
        _measure(paths, count, label, verbose=args.verbose)
    return 0


@dataclass(frozen=True)
class Pair:
    document: str
    kind: str
    original: float
    twin: float

    @property
    def ordered(self) -> bool:
        return self.original > self.twin


def score_pairs(documents: dict[str, str], *, count: int | None = None) -> list[Pair]:
    """Every (original, twin) pair of the documents (name -> text), scored offline."""
    from assistant.clarity.score import clarity_report
    from assistant.documents.models import Document

    pairs: list[Pair] = []
    for name, text in documents.items():
        original = clarity_report(Document(text=text)).score
        for kind in KINDS:
            twin = degrade(text, kind, count=count)
            if twin is not None:
                pairs.append(Pair(name, kind, original, clarity_report(Document(text=twin)).score))
    return pairs


def tally(pairs: list[Pair]) -> dict[str, tuple[int, int]]:
    """(ordered, total) per kind, and under "total" for all kinds."""
    result = {kind: (sum(p.ordered for p in pairs if p.kind == kind), sum(p.kind == kind for p in pairs))
              for kind in KINDS}
    result["total"] = (sum(p.ordered for p in pairs), len(pairs))
    return result


def _measure(paths: list[Path], count: int | None, label: str, *, verbose: bool) -> None:
    pairs = score_pairs({path.stem: path.read_text(encoding="utf-8") for path in paths}, count=count)
    for pair in pairs:
        if verbose or not pair.ordered:
            mark = "ok  " if pair.ordered else "MISS"
            print(f"  {mark} {pair.kind:<12} {pair.document[:50]:<50} {pair.original:6.2f} -> {pair.twin:6.2f}")
    print(f"Degraded twins of {len(paths)} documents ({label}): original scores strictly higher in")
    for kind, (won, total) in tally(pairs).items():
        print(f"  {kind:<12} {won:3d}/{total:<3d} = {100.0 * won / total if total else 0.0:5.1f}%")


if __name__ == "__main__":
    raise SystemExit(main())
