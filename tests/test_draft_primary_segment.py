"""A one-pager whose target users list a primary segment and a buyer ("Field reps (primary),
sales managers (buyer)"), drafted offline (tests/fixtures/notes/one-pager-primary-segment.md)."""

from __future__ import annotations

from fixture_readers import draft_of_notes

NOTES = "one-pager-primary-segment.md"


def test_the_group_marked_primary_is_the_customer() -> None:
    release = draft_of_notes(NOTES).press_release
    assert release.headline == "VisitLog for field reps"
    assert "(primary)" not in release.subheading and "buyer" not in release.summary
