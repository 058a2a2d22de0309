"""Does the clarity score order texts the way people do?

On the OneStopEnglish corpus (189 news articles, each rewritten by teachers at three levels:
elementary < intermediate < advanced), count the (easier, harder) pairs of the same article for
which score(easier) > score(harder): 3 pairs per article, 567 in all. A tie counts as wrong.
The Flesch-Kincaid grade alone is printed beside it, computed on the same sentences and words.
Our own labelled PR/FAQ pairs (tests/fixtures/pairs/) are scored too.

    python evals/validate_clarity.py [--dataset ../shared/datasets/onestopenglish] [--worst 10]

The corpus is CC BY-SA 4.0 and stays outside the package: this script reads it where it lies.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.clarity.readability import fk_grade  # noqa: E402
from assistant.clarity.score import clarity_report  # noqa: E402
from assistant.clarity.text import Prose  # noqa: E402
from assistant.documents.models import Document  # noqa: E402
from assistant.evaluation.suites import shared_dir  # noqa: E402

DEFAULT_DATASET = shared_dir() / "datasets" / "onestopenglish"
PAIRS_DIR = REPO / "tests" / "fixtures" / "pairs"
LEVELS = ("ele", "int", "adv")
# Some files open with the level's name on a line of its own ("Intermediate"): a label the
# corpus added, not part of the article, so it is dropped. Every other line is kept.
_LEVEL_LABEL_RE = re.compile(r"^\s*(?:elementary|intermediate|advanced)\s*$", re.I)


@dataclass(frozen=True)
class Scored:
    article: str
    level: str
    score: float
    grade: float


def read_article(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace").lstrip("\ufeff")
    lines = text.split("\n")
    if lines and _LEVEL_LABEL_RE.match(lines[0]):
        lines = lines[1:]
    return "\n".join(lines)


def load_corpus(root: Path) -> dict[str, dict[str, str]]:
    articles: dict[str, dict[str, str]] = {}
    for path in sorted((root / "ele").glob("*-ele.txt")):
        name = path.name[: -len("-ele.txt")]
        versions = {level: root / level / f"{name}-{level}.txt" for level in LEVELS}
        if all(p.is_file() for p in versions.values()):
            articles[name] = {level: read_article(p) for level, p in versions.items()}
    return articles


def score_corpus(articles: dict[str, dict[str, str]]) -> list[Scored]:
    scored: list[Scored] = []
    for name, versions in articles.items():
        for level, text in versions.items():
            doc = Document(text=text, path=f"{name}-{level}")
            scored.append(Scored(name, level, clarity_report(doc).score, fk_grade(Prose(text))))
    return scored


@dataclass(frozen=True)
class PairResult:
    pairs: int
    score_correct: int
    fk_correct: int
    worst: list[tuple[float, str, str, str]]  # (margin, article, easier, harder)


def order_pairs(scored: list[Scored], articles: list[str] | None = None) -> PairResult:
    table = {(s.article, s.level): s for s in scored}
    names = sorted({s.article for s in scored} if articles is None else articles)
    pairs = score_ok = fk_ok = 0
    worst: list[tuple[float, str, str, str]] = []
    for name in names:
        for i, easier in enumerate(LEVELS):
            for harder in LEVELS[i + 1 :]:
                a, b = table[(name, easier)], table[(name, harder)]
                pairs += 1
                score_ok += a.score > b.score
                fk_ok += a.grade < b.grade
                if a.score <= b.score:
                    worst.append((a.score - b.score, name, easier, harder))
    return PairResult(pairs, score_ok, fk_ok, sorted(worst))


def percent(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole else "n/a"


def validate_pairs_fixtures() -> tuple[int, int, int]:
    """(score correct, FK alone correct, total) over our own labelled better/worse PR/FAQ passages."""
    import yaml

    pairs = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(PAIRS_DIR.glob("*.yaml"))]
    correct = sum(
        clarity_report(Document(text=p["better"])).score > clarity_report(Document(text=p["worse"])).score
        for p in pairs
    )
    fk_correct = sum(fk_grade(Prose(p["better"])) < fk_grade(Prose(p["worse"])) for p in pairs)
    return correct, fk_correct, len(pairs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=None,
                        help=f"the OneStopEnglish folder (default: {DEFAULT_DATASET}, from PRFAQ_SHARED_DIR)")
    parser.add_argument("--worst", type=int, default=5, help="show this many mis-ordered pairs")
    args = parser.parse_args(argv)
    if args.dataset is not None and not (args.dataset / "ele").is_dir():
        print(f"validate_clarity: no OneStopEnglish corpus at {args.dataset} (it needs ele/, int/ and adv/)",
              file=sys.stderr)
        return 2
    args.dataset = args.dataset or DEFAULT_DATASET

    if (args.dataset / "ele").is_dir():
        articles = load_corpus(args.dataset)
        scored = score_corpus(articles)
        result = order_pairs(scored)
        names = sorted(articles)
        halves = (names[0::2], names[1::2])
        print(f"OneStopEnglish: {len(articles)} articles, {result.pairs} (easier, harder) pairs")
        print(f"  clarity score orders correctly: {result.score_correct}/{result.pairs} "
              f"= {percent(result.score_correct, result.pairs)}")
        print(f"  Flesch-Kincaid grade alone:     {result.fk_correct}/{result.pairs} "
              f"= {percent(result.fk_correct, result.pairs)}")
        for label, half in zip(("even", "odd"), halves, strict=True):
            part = order_pairs(scored, half)
            print(f"  {label}-numbered half ({len(half)} articles): score {percent(part.score_correct, part.pairs)}, "
                  f"FK {percent(part.fk_correct, part.pairs)}")
        by_level = {level: [s.score for s in scored if s.level == level] for level in LEVELS}
        print("  mean score by level: " + ", ".join(
            f"{level} {sum(v) / len(v):.1f}" for level, v in by_level.items()))
        for margin, name, easier, harder in result.worst[: args.worst]:
            print(f"  mis-ordered: {name} {easier} vs {harder} (margin {margin:+.2f})")
    else:
        print(f"OneStopEnglish skipped: not found at {args.dataset} (the project's shared data, beside the "
              "repository as ../shared; set PRFAQ_SHARED_DIR, or give --dataset; tests/fixtures/onestopenglish "
              "holds a 20-article sample)")

    correct, fk_correct, total = validate_pairs_fixtures()
    print(f"Own PR/FAQ pairs (tests/fixtures/pairs): original scores higher in {correct}/{total} "
          f"= {percent(correct, total)}; Flesch-Kincaid alone {fk_correct}/{total} = {percent(fk_correct, total)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
