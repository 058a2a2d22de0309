"""Our own labelled pairs: a PR/FAQ passage and a worse twin of it (weasel words added, numbers
replaced by vague words, acronyms left undefined, sentences fused, hype, placeholders...). The
original must score higher in every pair: each twin changes exactly the habits the rules are
there to catch, so a single miss is a rule that does not do its job."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.clarity.readability import fk_grade, syllables
from assistant.clarity.score import clarity_report
from assistant.clarity.text import Prose
from assistant.documents.models import Document

PAIRS = sorted((Path(__file__).parent / "fixtures" / "pairs").glob("*.yaml"))


def _pair(path: Path) -> dict[str, str]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_there_are_at_least_twenty_pairs() -> None:
    assert len(PAIRS) >= 20


@pytest.mark.parametrize("path", PAIRS, ids=[p.stem for p in PAIRS])
def test_original_scores_higher_than_its_worse_twin(path: Path) -> None:
    pair = _pair(path)
    better = clarity_report(Document(text=pair["better"]))
    worse = clarity_report(Document(text=pair["worse"]))
    assert better.score > worse.score, (better.score, worse.score, [f.rule for f in worse.findings])


def test_undefined_acronyms_fool_neither_readability_nor_the_score() -> None:
    """The brief's point: a readability formula that counts "SLA" as a one-syllable word rates a
    text clearer when its acronyms are left undefined, because they are short. Ours reads an
    initialism the way a reader does, letter by letter ("ess-el-ay"), so the grade does not fall,
    and the score orders every such pair."""
    assert syllables("ML") == 2 and syllables("SRW") == 5 and syllables("NASA") == syllables("nasa")
    for path in (p for p in PAIRS if p.stem.endswith("acronyms")):
        pair = _pair(path)
        assert fk_grade(Prose(pair["worse"])) > fk_grade(Prose(pair["better"])), path.stem
        assert clarity_report(Document(text=pair["better"])).score > clarity_report(Document(text=pair["worse"])).score
