"""The revise win-back eval (evals/revise_winback.py): its damage functions, and a small run on
real PR/FAQs where ../shared is present. The full run: `python evals/revise_winback.py`."""

from __future__ import annotations

import sys

import pytest
from conftest import FIXTURES, REPO, need_shared


def _winback():
    sys.path.insert(0, str(REPO / "evals"))
    import revise_winback

    return revise_winback


@pytest.mark.parametrize("kind", ["hedges", "jargon", "runons"])
def test_each_damage_changes_prose_and_no_figure(kind: str) -> None:
    winback = _winback()
    text = (FIXTURES / "revise" / "shelfie.md").read_text() + (
        "\nThe app is simple to use for every owner of a store with 12 aisles. It helps the owner to get a "
        "single order per supplier. We ship the app in 2027.\n")
    damaged = winback.degrade(text, kind)
    assert damaged != text
    assert winback.figures(damaged) == winback.figures(text)
    assert "“" not in text or text.count("“") == damaged.count("“")


def test_unknown_damage_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown damage"):
        _winback().degrade("Some text.", "typos")


def test_grammar_slips_counts_only_new_ones() -> None:
    slips = _winback().grammar_slips
    assert slips("It is a app.", "It is a app.") == 0
    assert slips("It is an app.", "It is a app.") == 1
    assert slips("It is fast.", "It is  fast .") == 2


@pytest.mark.slow
@pytest.mark.shared
def test_offline_revise_wins_back_the_damage_on_real_prfaqs() -> None:
    folder = need_shared("datasets", "prfaq-public")
    result = _winback().measure(folder, None, limit=3)
    assert result["twins"] == 9
    assert result["raised_every_time"], result["not_raised"]
    assert result["figures_kept_every_time"] and result["input_untouched_every_time"]
    assert result["idempotent_every_time"] and result["grammar_slips"] == 0
    assert result["mean_winback_capped"] >= 0.5
    assert result["exit_code_on_existing_output"] == 2
