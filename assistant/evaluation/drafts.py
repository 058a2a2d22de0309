"""What the draft task takes from a `Draft`: the document a writer would score (rendered exactly as
`prfaq draft` writes it, minus the gaps list), the gaps it marks, and the claims its own grounding
check verified against the notes (each re-verified here before a grader may rely on it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.documents.models import Document
    from assistant.draft.models import Draft


def draft_markdown(draft: Draft) -> str:
    """The PR/FAQ alone (press release, external and internal FAQ): what `prfaq score` reads."""
    from assistant.render.markdown import render_document

    return render_document(draft)


def draft_gaps(draft: Draft) -> list[str]:
    return [f"{gap.placeholder}: {gap.question}" for gap in draft.gaps]


def verified_claims(draft: Draft, notes: Document) -> list[str]:
    """Claims the draft's grounding check found in the notes, kept only when the evidence it cites
    really is those words of the notes (so "90 minutes" may stand behind a draft's "1.5 hours")."""
    kept = []
    for item in draft.grounding.items:
        source = item.source
        if item.supported and source is not None and notes.text[source.start:source.end] == source.text:
            kept.append(item.text)
    return kept


def claims_supported(draft: Draft) -> tuple[int, int]:
    """(supported, checked): how many of the writer's claims the draft's check found in the notes,
    before it replaced the rest with placeholders. Offline this is all of them; with a model it
    measures how much the prompts let the model invent."""
    return draft.grounding.supported, draft.grounding.checked
