"""The revised document as a Word file.

From a .docx: the original file is edited in place, paragraph by paragraph, so its headings,
styles, tables and everything else the revision did not touch stay as they were. The revised
text's blocks are aligned with the original paragraphs (difflib); a changed paragraph gets its
new text in its first run (keeping the paragraph's style; inline bold inside that paragraph is
not kept), and added blocks (FAQ entries, placeholders) become new paragraphs styled like the
paragraph before them. Nothing is ever deleted from the Word file.
From Markdown: a fresh document, `#` lines as headings and `**bold**` lines in bold.
"""

from __future__ import annotations

import copy
import difflib
import io
import re
from typing import Any

_PREFIX_RE = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)")
_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")


def plain(block: str) -> str:
    """A Markdown block as the words a Word paragraph holds."""
    text = " ".join(_PREFIX_RE.sub("", line) for line in block.splitlines())
    return " ".join(text.replace("**", "").replace("__", "").split())


def _blocks(text: str) -> list[str]:
    return [b for b in re.split(r"\n[ \t]*\n|\n(?=\s{0,3}#)", text) if b.strip()]


def _set_text(paragraph: Any, text: str) -> None:
    runs = paragraph.runs
    if not runs:
        paragraph.add_run(text)
        return
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def _add_after(paragraph: Any, text: str, bold: bool) -> Any:
    from docx.text.paragraph import Paragraph

    new = copy.deepcopy(paragraph._p)
    for child in list(new):
        if child.tag.endswith("}r") or child.tag.endswith("}hyperlink"):
            new.remove(child)
    paragraph._p.addnext(new)
    added = Paragraph(new, paragraph._parent)
    added.add_run(text).bold = bold or None
    return added


def _from_original(text: str, original: bytes) -> bytes:
    import docx

    document = docx.Document(io.BytesIO(original))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    old = [" ".join(p.text.split()) for p in paragraphs]
    new_blocks = _blocks(text)
    new = [plain(b) for b in new_blocks]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    last: Any = paragraphs[-1] if paragraphs else None
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            last = paragraphs[i2 - 1]
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            _set_text(paragraphs[i1 + k], new[j1 + k])
            last = paragraphs[i1 + k]
        if tag == "delete" or i2 - i1 > pairs:
            last = paragraphs[i2 - 1] if i2 > i1 else last
        for j in range(j1 + pairs, j2):
            anchor = last if last is not None else (paragraphs[i1 - 1] if i1 > 0 else None)
            if anchor is None:
                last = document.add_paragraph(new[j])
            else:
                last = _add_after(anchor, new[j], new_blocks[j].lstrip().startswith("**"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _fresh(text: str) -> bytes:
    import docx

    document = docx.Document()
    for block in _blocks(text):
        heading = _HEADING_RE.match(block.strip())
        if heading and "\n" not in block.strip():
            document.add_heading(plain(heading.group(2)), level=min(len(heading.group(1)), 9))
            continue
        for line_group in [block]:
            paragraph = document.add_paragraph()
            for i, piece in enumerate(re.split(r"\*\*", " ".join(line_group.split()))):
                if piece:
                    paragraph.add_run(_PREFIX_RE.sub("", piece) if i == 0 else piece).bold = (i % 2 == 1) or None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_revised_docx(text: str, original: bytes | None = None) -> bytes:
    """The .docx bytes of the revised text; edits `original` (a .docx) when given."""
    return _from_original(text, original) if original is not None else _fresh(text)
