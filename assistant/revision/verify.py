"""What code checks in a model's rewrite before anyone sees it.

- Grounding: every figure, date, name and quote must come from the document or its notes. This
  is the draft's grounding check (`assistant.draft.grounding`), run block by block over the
  rewrite with the document plus its notes as the source; what is unsupported becomes a readable
  `[TBD: ...]` placeholder and is reported. Headings are checked like a headline (their Title
  Case is not a name; their figures still are checked).
- Sections kept: a heading of the input missing from the rewrite is put back, with its section.
- The FAQ grows: an input FAQ question missing from the rewrite is put back, with its answer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.revision.models import Unsupported

if TYPE_CHECKING:
    from assistant.documents.models import Document

_BLOCK_RE = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
_HEADING_LINE = re.compile(r"^\s{0,3}#{1,6}\s")


def source_of(doc: Document, notes: Document | None) -> Document:
    from assistant.documents import parse_document

    text = doc.text if notes is None else f"{doc.text}\n\n{notes.text}"
    return parse_document(text, path=doc.path)


def ground(text: str, source: Document) -> tuple[str, list[Unsupported]]:
    """The rewrite with every unsupported claim replaced by a placeholder, and the list of them."""
    from assistant.draft.grounding import NotesIndex, ground_text

    index = NotesIndex(source)
    out: list[str] = []
    unsupported: list[Unsupported] = []
    cursor = 0
    for match in _BLOCK_RE.finditer(text):
        block = match.group()
        where = "press_release.headline" if _HEADING_LINE.match(block) else "document"
        result = ground_text(block, where, index)
        out.append(text[cursor : match.start()] + result.text)
        cursor = match.end()
        unsupported += [Unsupported(kind=item.kind, text=item.text, replaced_by=item.replaced_by or "")
                        for item in result.items if not item.supported]
    out.append(text[cursor:])
    return "".join(out), unsupported


def _section(doc: Document, index: int) -> str:
    heading = doc.headings[index]
    line_start = doc.text.rfind("\n", 0, heading.span.start) + 1
    following = [h for h in doc.headings[index + 1 :] if h.level <= heading.level or heading.level == 0]
    end = doc.text.rfind("\n", 0, following[0].span.start) + 1 if following else len(doc.text)
    return doc.text[line_start:end].strip("\n")


def keep_structure(original: Document, text: str) -> tuple[str, list[str]]:
    """The rewrite with the input's dropped headings (and their sections) and FAQ entries put back."""
    from assistant.documents import parse_document
    from assistant.documents.locate import locate_quote

    restored: list[str] = []
    revised = parse_document(text)
    headings = {" ".join(h.span.text.lower().split()) for h in revised.headings}
    additions: list[str] = []
    for i, heading in enumerate(original.headings):
        name = " ".join(heading.span.text.lower().split())
        if name not in headings and locate_quote(text, heading.span.text) is None:
            additions.append(_section(original, i))
            restored.append(f"section “{heading.span.text}”")
    for item in original.faq:
        if locate_quote(text, item.question.text) is None and not any(item.question.text in a for a in additions):
            line_start = original.text.rfind("\n", 0, item.question.start) + 1
            end = item.answer.end if item.answer is not None else item.question.end
            additions.append(original.text[line_start:end].strip("\n"))
            restored.append(f"FAQ “{' '.join(item.question.text.split())}”")
    if additions:
        text = text.rstrip("\n") + "\n\n" + "\n\n".join(additions) + "\n"
    return text, restored
