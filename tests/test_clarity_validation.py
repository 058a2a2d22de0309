"""The clarity score against people's judgement: OneStopEnglish (the same 189 news articles
rewritten at three reading levels). Skipped where the corpus is not present (a fresh clone);
takes about 8 seconds. The full report: `python evals/validate_clarity.py`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATASET = REPO.parent / "shared" / "datasets" / "onestopenglish"

# The bar. Measured at rule set 1.0: 558/567 = 98.4% (FK alone 556/567 on the same
# sentences); the bar leaves room for rule changes that trade a pair or two for PR/FAQ precision.
MIN_ACCURACY = 0.97


@pytest.mark.slow
@pytest.mark.skipif(not (DATASET / "ele").is_dir(), reason="OneStopEnglish corpus not present")
def test_score_orders_reading_levels_like_teachers_do() -> None:
    sys.path.insert(0, str(REPO / "evals"))
    import validate_clarity

    articles = validate_clarity.load_corpus(DATASET)
    assert len(articles) == 189
    result = validate_clarity.order_pairs(validate_clarity.score_corpus(articles))
    assert result.pairs == 567
    assert result.score_correct / result.pairs >= MIN_ACCURACY
