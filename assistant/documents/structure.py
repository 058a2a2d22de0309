"""Lines and blocks of a document: the Markdown-ish skeleton the parser reasons about.

Real PR/FAQs mark structure in several ways: `#` headings, lines that are entirely bold,
short lines ending in a colon, or (in plain text) short Title Case lines on their own. This
module classifies each line once, so the parser above it never re-scans characters.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

LineKind = Literal["blank", "code", "comment", "front", "source", "heading", "hr", "table", "quote", "list", "image",
                   "text"]

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_1 = re.compile(r"^ {0,3}=+[ \t]*$")
_SETEXT_2 = re.compile(r"^ {0,3}-+[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TABLE = re.compile(r"^\s*\|")
_QUOTE = re.compile(r"^ {0,3}>")
_LIST = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_IMAGE = re.compile(r"^\s*(?:\[?!\[[^\]]*\]\([^)]*\)\]?(?:\([^)]*\))?\s*)+$")
_SOURCE = re.compile(r"^source:\s*\S")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<c>(?:(?!\1).)+?)\1\s*:?\s*$")
_COLON_LINE = re.compile(r"^\s*(?P<c>[A-Za-z][^:\n]{0,60}):\s*$")
_QA_LABEL = re.compile(r"^\s*(?:\*\*|__)?\s*(?:Q|A|Question|Answer)\s*\d*\s*[:.)]", re.IGNORECASE)
_FIR = re.compile(r"^[\W_]*for\s+immediate\s+release\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_][\w'’\-]*")
_TERMINAL = re.compile(r"[.!?,;]\s*$")
_MARKUP_EDGE = " \t*_#>"


class Line(NamedTuple):
    number: int  # 0-based line number
    start: int
    end: int
    text: str
    kind: LineKind
    heading_level: int | None  # Markdown level 1-6; 0 for a bold, colon or plain label line
    content_start: int  # the line's words without markup (heading marks, **, list marks)
    content_end: int

    @property
    def content(self) -> str:
        return self.text[self.content_start - self.start : self.content_end - self.start]

    @property
    def is_heading(self) -> bool:
        return self.heading_level is not None


class Block(NamedTuple):
    """Consecutive lines that belong together: a paragraph, a list, a heading, a code block."""

    first: int
    last: int
    kind: Literal["heading", "text", "code", "hr", "table", "image", "front"]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_fir(text: str) -> bool:
    """A "FOR IMMEDIATE RELEASE" line."""
    return bool(_FIR.match(text))


def trim_markup(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding whitespace and emphasis/heading/quote marks.

    Paired emphasis (`**x**`, `*x*`) is removed from both ends; a lone trailing or leading
    mark inside the words is kept, so the span still reads naturally.
    """
    while start < end and text[start] in " \t\n>#":
        start += 1
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    for mark in ("**", "__", "*", "_"):
        while end - start > 2 * len(mark) and text.startswith(mark, start) and text.endswith(mark, 0, end):
            start += len(mark)
            end -= len(mark)
            while start < end and text[start] in " \t\n":
                start += 1
            while end > start and text[end - 1] in " \t\n":
                end -= 1
    return start, end


def is_bold_line(text: str) -> bool:
    """The whole line is **bold** (a common way to write a heading or a question)."""
    return bool(_BOLD_LINE.match(text))


def has_markdown_structure(lines: list[Line]) -> bool:
    """Whether the document marks its structure with # headings or bold lines at all."""
    return any(line.kind == "heading" or (line.kind == "text" and _BOLD_LINE.match(line.text)) for line in lines)


def _title_case(text: str) -> bool:
    words = _WORD.findall(text)
    if not words or not words[0][0].isupper():
        return False
    significant = [w for w in words[1:] if len(w) >= 4]
    if not significant:
        return True
    return sum(1 for w in significant if w[0].isupper()) / len(significant) >= 0.6


def _line_offsets(text: str) -> list[tuple[int, int]]:
    offsets: list[tuple[int, int]] = []
    start = 0
    for raw in text.split("\n"):
        offsets.append((start, start + len(raw)))
        start += len(raw) + 1
    return offsets


def scan_lines(text: str) -> list[Line]:
    """Classify every line of `text` (which uses \\n line endings)."""
    offsets = _line_offsets(text)
    raw = text.split("\n")
    kinds: list[LineKind] = ["text"] * len(raw)
    levels: list[int | None] = [None] * len(raw)
    content: list[tuple[int, int]] = []
    fence: str | None = None
    in_comment = False
    front_end = _front_matter_end(raw)
    first_nonblank = next((i for i, line in enumerate(raw) if line.strip()), None)
    for i, line in enumerate(raw):
        start, end = offsets[i]
        content.append((start, end))
        lead = line.lstrip()[:1]
        fence_match = _FENCE.match(line) if lead in ("`", "~") else None
        if fence is not None:
            kinds[i] = "code"
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = None
            continue
        if fence_match:
            fence, kinds[i] = fence_match.group(1), "code"
            continue
        if in_comment or lead == "<" and line.lstrip().startswith("<!--"):
            # An HTML comment on lines of its own: invisible when rendered, so not prose.
            kinds[i] = "comment"
            in_comment = "-->" not in line[line.find("<!--") + 4 if not in_comment else 0 :]
            continue
        if i < front_end:
            kinds[i] = "front"
        elif not lead:
            kinds[i] = "blank"
        elif lead.isalpha() and i != first_nonblank:
            continue  # fast path: a line opening with a letter is prose ("text")
        elif i == first_nonblank and _SOURCE.match(line):
            kinds[i] = "source"
        elif (atx := _ATX.match(line)) is not None:
            kinds[i], levels[i] = "heading", len(atx.group(1))
            if atx.group(2) is not None:
                content[i] = (start + atx.start(2), start + atx.end(2))
        elif _setext(raw, kinds, i):
            kinds[i - 1], levels[i - 1], kinds[i] = "heading", 1 if "=" in line else 2, "hr"
        elif _HR.match(line):
            kinds[i] = "hr"
        elif _TABLE.match(line):
            kinds[i] = "table"
        elif _IMAGE.match(line):
            kinds[i] = "image"
        elif _QUOTE.match(line):
            kinds[i] = "quote"
        elif _LIST.match(line):
            kinds[i] = "list"
    _label_headings(raw, kinds, levels, content, offsets)
    lines: list[Line] = []
    for i, line in enumerate(raw):
        if levels[i] is not None:
            c_start, c_end = trim_markup(text, *content[i])
        else:  # only headings need their markup trimmed; other lines just lose outer spaces
            c_start = offsets[i][0] + len(line) - len(line.lstrip())
            c_end = offsets[i][0] + len(line.rstrip())
        lines.append(Line(i, offsets[i][0], offsets[i][1], line, kinds[i], levels[i], c_start, c_end))
    return lines


def _front_matter_end(raw: list[str]) -> int:
    """Index after a YAML front-matter block at the very top, or 0."""
    if not raw or raw[0].strip() != "---":
        return 0
    for i in range(1, min(len(raw), 60)):
        if raw[i].strip() in ("---", "..."):
            return i + 1 if any(":" in line for line in raw[1:i]) else 0
    return 0


def _setext(raw: list[str], kinds: list[LineKind], i: int) -> bool:
    """`Title` underlined with === or --- (only after a one-line paragraph, to stay conservative)."""
    if i == 0 or kinds[i - 1] != "text":
        return False
    if i >= 2 and raw[i - 2].strip() and kinds[i - 2] not in ("heading", "hr"):
        return False
    line = raw[i]
    return bool(_SETEXT_1.match(line) or (_SETEXT_2.match(line) and len(line.strip()) >= 3))


def _label_headings(raw: list[str], kinds: list[LineKind], levels: list[int | None],
                    content: list[tuple[int, int]], offsets: list[tuple[int, int]]) -> None:
    """Mark text lines that act as headings: entirely bold, short and ending in ':', or (in a
    document with no Markdown structure at all) short Title Case lines standing alone."""
    plain = not any(k == "heading" for k in kinds) and not any(
        _BOLD_LINE.match(line) for line, k in zip(raw, kinds, strict=True) if k == "text")
    for i, line in enumerate(raw):
        if kinds[i] != "text" or is_fir(line) or _QA_LABEL.match(line):
            continue
        bold = _BOLD_LINE.match(line)
        stripped = line.strip()
        if bold:
            inner = bold.group("c").strip()
            if word_count(inner) <= 12 and not re.search(r"[.?!]$", inner):
                levels[i] = 0
                start = offsets[i][0]
                content[i] = (start + bold.start("c"), start + bold.end("c"))
            continue
        if _COLON_LINE.match(line) and word_count(stripped) <= 6:
            levels[i] = 0
            content[i] = (offsets[i][0], offsets[i][0] + line.rstrip().rfind(":"))
            continue
        if plain and (_plain_title(raw, kinds, i, stripped) or _sentence_case_heading(raw, kinds, i, stripped)):
            levels[i] = 0


def _sentence_case_heading(raw: list[str], kinds: list[LineKind], i: int, stripped: str) -> bool:
    """A short line in sentence case over the lines it heads, with no blank line between ("What
    people said" over its quotes, "Open questions" over its bullets): notes pasted from a document
    editor, where the heading style did not survive. A one-line paragraph stands alone instead."""
    if i > 0 and kinds[i - 1] not in ("blank", "source", "front", "comment"):
        return False
    if i + 1 >= len(raw) or kinds[i + 1] not in ("text", "list", "quote") or not raw[i + 1].strip():
        return False
    words = _WORD.findall(stripped)
    return 1 <= len(words) <= 5 and stripped[:1].isupper() and not _TERMINAL.search(stripped) \
        and not stripped.endswith(":") and not re.search(r"\d|[\"“”]", stripped)


def _plain_title(raw: list[str], kinds: list[LineKind], i: int, stripped: str) -> bool:
    if i > 0 and kinds[i - 1] not in ("blank", "source", "front", "comment"):
        return False
    return word_count(stripped) <= 10 and not _TERMINAL.search(stripped) and _title_case(
        re.sub(r"^[^\w]+", "", stripped))


def build_blocks(lines: list[Line], lo: int, hi: int) -> list[Block]:
    """Group lines[lo:hi] into blocks: headings and rules stand alone, code fences and
    tables are one block each, everything else runs until a blank line or a heading."""
    blocks: list[Block] = []
    i = lo
    while i < hi:
        line = lines[i]
        if line.kind in ("blank", "source", "comment"):
            i += 1
            continue
        if line.is_heading:
            blocks.append(Block(i, i, "heading"))
            i += 1
            continue
        if line.kind in ("hr", "image", "front"):
            kind: Literal["hr", "image", "front"] = line.kind
            blocks.append(Block(i, i, kind))
            i += 1
            continue
        if line.kind in ("code", "table"):
            j = i
            while j + 1 < hi and lines[j + 1].kind == line.kind:
                j += 1
            blocks.append(Block(i, j, "code" if line.kind == "code" else "table"))
            i = j + 1
            continue
        j = i
        while j + 1 < hi and lines[j + 1].kind in ("text", "list", "quote") and not lines[j + 1].is_heading:
            j += 1
        blocks.append(Block(i, j, "text"))
        i = j + 1
    return blocks
