"""The clarity score against people's judgement: OneStopEnglish (the same 189 news articles
rewritten at three reading levels). Skipped where the corpus is not present (a fresh clone);
takes about 8 seconds. The full report: `python evals/validate_clarity.py`."""

from __future__ import annotations

import sys

import pytest
from conftest import FIXTURES, REPO, need_shared

# The bar. Measured at rule sets 1.0 and 1.1: 558/567 = 98.4% (FK alone 556/567 on the same
# sentences); the bar leaves room for rule changes that trade a pair or two for PR/FAQ precision.
MIN_ACCURACY = 0.97


def _validate_clarity():
    sys.path.insert(0, str(REPO / "evals"))
    import validate_clarity

    return validate_clarity


def test_score_orders_the_bundled_sample_of_reading_levels() -> None:
    """Runs everywhere: 20 of the articles ship in tests/fixtures/onestopenglish (CC BY-SA 4.0)."""
    validate_clarity = _validate_clarity()
    articles = validate_clarity.load_corpus(FIXTURES / "onestopenglish")
    assert len(articles) == 20
    result = validate_clarity.order_pairs(validate_clarity.score_corpus(articles))
    assert result.pairs == 60
    assert result.score_correct / result.pairs >= MIN_ACCURACY


@pytest.mark.slow
@pytest.mark.shared
def test_score_orders_reading_levels_like_teachers_do() -> None:
    validate_clarity = _validate_clarity()
    articles = validate_clarity.load_corpus(need_shared("datasets", "onestopenglish"))
    assert len(articles) == 189
    result = validate_clarity.order_pairs(validate_clarity.score_corpus(articles))
    assert result.pairs == 567
    assert result.score_correct / result.pairs >= MIN_ACCURACY
