"""Read a PR/FAQ's text into a typed Document: headline, sub-heading, dateline, paragraphs with
roles, headings, and the FAQ as question/answer pairs, every element a Span into the text.

The parser is a set of heuristics tuned on real, varied PR/FAQs (Markdown headings, bold-line
headings, plain text, Q:/A: lines, Word files converted by the loader). It never fails on odd
input: what it cannot find it leaves empty, and `prfaq outline` shows a writer what was found.
"""

from __future__ import annotations

import re
import sys
from typing import Any, NamedTuple

from assistant.documents import roles
from assistant.documents.dateline import bare_year_at, dated_at, location_at, whole_line_dateline
from assistant.documents.faq import find_faq_start, is_faq_heading, parse_faq
from assistant.documents.models import Document, Heading, Paragraph, ParagraphRole, SourceFormat
from assistant.documents.structure import (
    Block,
    Line,
    build_blocks,
    has_markdown_structure,
    is_bold_line,
    is_fir,
    scan_lines,
    trim_markup,
    word_count,
)

_TITLE = re.compile(r"\bpr\s*[/\-–—&]?\s*faqs?\b|\bprfaqs?\b|press\s+release\s*[/&\-–—]\s*faq", re.IGNORECASE)
_TITLE_EDGE_START = re.compile(r"\s*(?:PR\s*[/\-–—&]?\s*FAQs?|PRFAQs?|Press\s+Release\s*[/&\-–—]\s*FAQ)"
                               r"\s*[:\-–—|]?\s*", re.IGNORECASE)
_TITLE_EDGE_END = re.compile(r"\s*[:\-–—|]?\s*(?:PR\s*[/\-–—&]?\s*FAQs?|PRFAQs?|Press\s+Release\s*[/&\-–—]\s*FAQ)"
                             r"(?:\s*\([^)]*\))?\s*$", re.IGNORECASE)
_ANCHOR = re.compile(r"^(?:part\s+\w+\s*[-—–:.]?\s*)?(?:the\s+)?(?:press\s+release|product\s+announcement|"
                     r"announcement|internal\s+press\s+release)\b(?:\s*\([^)]*\))?\s*:?$", re.IGNORECASE)
_HEADLINE_LABEL = re.compile(r"^(?:the\s+)?(?:headline|title)\s*:?$", re.IGNORECASE)
_SUBHEADING_LABEL = re.compile(r"^sub[-\s]?(?:heading|headline|title)\s*:?$", re.IGNORECASE)
_HEADLINE_PREFIX = re.compile(r"(?:press\s+release|headline|announcement)\s*[:—–-]\s*", re.IGNORECASE)
_FIR_PREFIX = re.compile(r"[\W_]*for\s+immediate\s+release[\s*_:—–\-]*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:[\"”’)*_]*)(?:\s|$)")
_WHOLLY_FORMATTED = re.compile(r"^\s*(\*\*|__|\*|_)(?!\s)[\s\S]*\S\1\s*$")
_CLEAN_EDGES = re.compile(r"^[^\w(\[]+|[^\w)?\]]+$")
MAX_HEADLINE_WORDS = 25
MAX_SUBHEADING_WORDS = 60
MAX_PLAIN_SUBHEADING_WORDS = 35
BODY_MIN_WORDS = 25  # a text block this long is body copy, not a headline candidate


def text_sha256(text: str) -> str:
    data = text.encode("utf-8")
    return _sha256(len(data))(data).hexdigest()


def _sha256(size: int) -> Any:
    """A SHA-256 for `size` bytes (the same digest whichever it is). `hashlib` loads OpenSSL's
    library at import, ~11 million instructions (~3 ms) of a ~245 million instruction
    `prfaq score`, which runs on every commit and every save; the standard library's built-in
    module (`_sha256`, `_sha2` from Python 3.12) hashes a page in 0.07 ms. It is about 7 times
    slower per byte than OpenSSL's, so past ~200 KB, or once something imported hashlib anyway,
    hashlib's; and hashlib's where the built-in one is missing."""
    if size <= 200_000 and "hashlib" not in sys.modules:
        try:
            if sys.version_info >= (3, 12):
                from _sha2 import sha256 as builtin
            else:
                from _sha256 import sha256 as builtin
            return builtin
        except ImportError:
            pass
    from hashlib import sha256

    return sha256


def _clean(text: str) -> str:
    return _CLEAN_EDGES.sub("", text).strip()


class _Header(NamedTuple):
    """What the top of the press release holds, as offsets and block indexes."""

    headline: tuple[int, int] | None
    headline_block: int | None
    subheading: tuple[int, int] | None
    subheading_block: int | None


class _Reader:
    """One parse of one text. Holds the lines and blocks so the steps can share them."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.lines = scan_lines(self.text)
        self.structured = has_markdown_structure(self.lines)
        faq_line = find_faq_start(self.text, self.lines)
        self.faq_line = faq_line
        self.pr_end = faq_line if faq_line is not None else len(self.lines)
        self.blocks = build_blocks(self.lines, 0, self.pr_end)

    # --- small helpers ---------------------------------------------------------------

    def first(self, block: Block) -> Line:
        return self.lines[block.first]

    def block_text(self, block: Block) -> str:
        return self.text[self.first(block).start : self.lines[block.last].end]

    def block_bounds(self, block: Block) -> tuple[int, int]:
        return self.first(block).start, self.lines[block.last].end

    def is_md_heading(self, block: Block) -> bool:
        return block.kind == "heading" and bool(self.first(block).heading_level)

    def is_fir_block(self, block: Block) -> bool:
        return block.kind in ("heading", "text") and is_fir(self.first(block).text)

    def dateline_only(self, block: Block) -> tuple[int, int] | None:
        if block.first != block.last or block.kind not in ("text", "heading"):
            return None
        line = self.first(block)
        if word_count(line.text) > 15:
            return None
        return whole_line_dateline(self.text, line.start, line.end)

    def wholly_formatted(self, block: Block) -> bool:
        if block.kind not in ("text", "heading") or self.first(block).kind not in ("text",):
            return False
        return bool(_WHOLLY_FORMATTED.match(self.block_text(block)))

    # --- the header: headline and sub-heading ------------------------------------------

    def _label_of(self, block: Block) -> str:
        return _clean(self.first(block).content) if block.kind == "heading" else ""

    def _candidate(self, index: int) -> str | None:
        """"strong" (a heading or bold line), "weak" (a short plain line) or None."""
        block = self.blocks[index]
        line = self.first(block)
        if self.is_fir_block(block) or self.dateline_only(block):
            return None
        if block.kind == "heading":
            label = _clean(line.content)
            if not label or _TITLE.search(label) or _ANCHOR.match(label) or is_faq_heading(line):
                return None
            if _HEADLINE_LABEL.match(label) or _SUBHEADING_LABEL.match(label):
                return None
            if word_count(label) <= 4 and roles.label_role(label):
                return None  # "## Problem", "**Getting started:**": a section, not a headline
            if line.heading_level or is_bold_line(line.text):
                return None if line.text.rstrip().endswith(":") else "strong"
            return "weak"  # a Title Case line in a plain-text document
        if block.kind != "text" or line.kind != "text":
            return None
        words = word_count(self.block_text(block))
        if self.wholly_formatted(block) and self.block_text(block).lstrip().startswith(("**", "__")):
            return "strong" if words <= MAX_SUBHEADING_WORDS else None
        if block.first == block.last and words <= MAX_HEADLINE_WORDS and not line.text.rstrip().endswith("."):
            return "weak"
        return None

    def _is_body(self, index: int) -> bool:
        block = self.blocks[index]
        return (block.kind == "text" and not self.wholly_formatted(block)
                and word_count(self.block_text(block)) >= BODY_MIN_WORDS and not self.dateline_only(block))

    def _pick(self, lo: int, hi: int) -> int | None:
        """The first strong candidate in blocks[lo:hi] before body copy starts, else the first weak one."""
        weak: int | None = None
        for index in range(lo, hi):
            if self._is_body(index):
                break
            kind = self._candidate(index)
            if kind == "strong":
                return index
            if kind == "weak" and weak is None:
                weak = index
        return weak

    def _after_label(self, pattern: re.Pattern[str]) -> int | None:
        for index, block in enumerate(self.blocks):
            if block.kind == "heading" and pattern.match(self._label_of(block)):
                for following in range(index + 1, len(self.blocks)):
                    if self.blocks[following].kind in ("text", "heading"):
                        return following
                return None
        return None

    def _span_of(self, index: int) -> tuple[int, int]:
        block = self.blocks[index]
        if block.kind == "heading":
            line = self.first(block)
            start, end = line.content_start, line.content_end
        else:
            start, end = trim_markup(self.text, *self.block_bounds(block))
        prefix = _HEADLINE_PREFIX.match(self.text, start, end)
        if prefix and end - prefix.end() > 3:
            start = prefix.end()
        return start, end

    def _title_fallback(self) -> tuple[int, int] | None:
        """The document title without its "PR/FAQ" label: "# Evergreen Bible PR / FAQ"."""
        for block in self.blocks:
            line = self.first(block)
            if block.kind != "heading" or not _TITLE.search(line.content):
                continue
            start, end = line.content_start, line.content_end
            lead = _TITLE_EDGE_START.match(self.text, start, end)
            if lead:
                start = lead.end()
            trail = _TITLE_EDGE_END.search(self.text, start, end)
            if trail:
                end = trail.start()
            start, end = trim_markup(self.text, start, end)
            if end > start:
                return start, end
        return None

    def header(self) -> _Header:
        headline_block = self._after_label(_HEADLINE_LABEL)
        if headline_block is None:
            anchor = next((i for i, b in enumerate(self.blocks)
                           if self.is_fir_block(b) or (b.kind == "heading" and _ANCHOR.match(self._label_of(b)))),
                          None)
            if anchor is not None:
                headline_block = self._pick(anchor + 1, len(self.blocks))
            if headline_block is None:
                headline_block = self._pick(0, len(self.blocks) if anchor is None else anchor)
        if headline_block is None:
            fallback = self._title_fallback()
            if fallback is not None:
                return self._with_subheading(_Header(fallback, self._title_index(), None, None))
            first = next((i for i, b in enumerate(self.blocks) if b.kind in ("text", "heading")
                          and not self.is_fir_block(b)), None)
            if first is None:
                return _Header(None, None, None, None)
            line = self.first(self.blocks[first])  # no heading anywhere: the first line will do
            return _Header(trim_markup(self.text, line.start, line.end), None, None, None)
        return self._with_subheading(_Header(self._span_of(headline_block), headline_block, None, None))

    def _title_index(self) -> int | None:
        return next((i for i, b in enumerate(self.blocks)
                     if b.kind == "heading" and _TITLE.search(self.first(b).content)), None)

    def _with_subheading(self, header: _Header) -> _Header:
        labelled = self._after_label(_SUBHEADING_LABEL)
        if labelled is not None:
            return header._replace(subheading=self._span_of(labelled), subheading_block=labelled)
        if header.headline_block is None:
            return header
        index = header.headline_block + 1
        while index < len(self.blocks) and (self.blocks[index].kind in ("image", "hr")
                                            or self.is_fir_block(self.blocks[index])):
            index += 1
        if index >= len(self.blocks) or not self._is_subheading(index, header.headline_block):
            return header
        return header._replace(subheading=self._span_of(index), subheading_block=index)

    def _is_subheading(self, index: int, headline_index: int) -> bool:
        block = self.blocks[index]
        if self.dateline_only(block) or self._dated_start(block):
            return False
        text = self.block_text(block)
        words = word_count(text)
        if block.kind == "heading":
            line = self.first(block)
            label = _clean(line.content)
            if is_faq_heading(line) or roles.label_role(label) or line.text.rstrip().endswith(":"):
                return False
            headline = self.blocks[headline_index]
            deeper = not self.is_md_heading(headline) or (line.heading_level or 0) > (
                self.first(headline).heading_level or 0)
            if line.heading_level:
                return deeper and words >= 8
            return is_bold_line(line.text) and words >= 5
        if block.kind != "text" or self.first(block).kind != "text":
            return False
        if self.wholly_formatted(block):
            return words <= MAX_SUBHEADING_WORDS
        one_sentence = len(_SENTENCE_END.findall(text.strip())) <= 1
        if words > MAX_PLAIN_SUBHEADING_WORDS or not one_sentence:
            return False
        following = index + 1
        next_is_dated = following < len(self.blocks) and self._dated_start(self.blocks[following]) is not None
        return next_is_dated or not self.structured

    # --- dateline ------------------------------------------------------------------------

    def _dated_start(self, block: Block) -> tuple[int, int] | None:
        if block.kind != "text":
            return None
        start, end = self.block_bounds(block)
        while start < end and self.text[start] in " \t>":
            start += 1
        return dated_at(self.text, start, end)

    def _fir_dateline(self, index: int) -> tuple[int, int] | None:
        block = self.blocks[index]
        line = self.first(block)
        prefix = _FIR_PREFIX.match(line.text)
        if prefix and prefix.end() < len(line.text.rstrip(" *_")):
            start = line.start + prefix.end()
            found = dated_at(self.text, start, line.end) or bare_year_at(self.text, start, line.end)
            if found:
                return found
        if block.last > block.first:
            following = self.lines[block.first + 1]
            return whole_line_dateline(self.text, following.start, following.end)
        if index + 1 < len(self.blocks):
            return self.dateline_only(self.blocks[index + 1])
        return None

    # --- body paragraphs -----------------------------------------------------------------

    def _release_end(self) -> int:
        """Where the press release ends when a "## Press Release" heading opens it: at the
        next heading of the same or a higher level ("## Tenets", "## FAQ")."""
        for index, block in enumerate(self.blocks):
            if self.is_md_heading(block) and _ANCHOR.match(self._label_of(block)):
                level = self.first(block).heading_level or 0
                for following in range(index + 1, len(self.blocks)):
                    other = self.blocks[following]
                    if self.is_md_heading(other) and 0 < (self.first(other).heading_level or 0) <= level:
                        return following
                break
        return len(self.blocks)

    def body_blocks(self, header: _Header) -> list[int]:
        start = max(i for i in (header.headline_block, header.subheading_block, -1) if i is not None) + 1
        return [i for i in range(start, self._release_end())
                if self.blocks[i].kind == "text" and not self.is_fir_block(self.blocks[i])
                and not self.dateline_only(self.blocks[i])]

    def dateline(self, header: _Header, body: list[int]) -> tuple[tuple[int, int] | None, int | None]:
        """The dateline's offsets, and the body block it opens (the summary), if it opens one."""
        first_body = body[0] if body else len(self.blocks)
        for index in range(0, first_body):
            block = self.blocks[index]
            if self.is_fir_block(block):
                found = self._fir_dateline(index)
                if found:
                    return found, None
            elif index > (header.headline_block or -1) and (only := self.dateline_only(block)):
                return only, None
        for index in body[:2]:
            found = self._dated_start(self.blocks[index])
            if found:
                return found, index
        if body:
            start, end = self.block_bounds(self.blocks[body[0]])
            while start < end and self.text[start] in " \t>":
                start += 1
            found = location_at(self.text, start, end)
            if found:
                return found, body[0]
        return None, None

    def sections(self, exclude: set[int]) -> dict[int, str]:
        """For each block, the text of the heading it sits under (the headline is no section)."""
        current: str | None = None
        result: dict[int, str] = {}
        for index, block in enumerate(self.blocks):
            if block.kind == "heading":
                label = _clean(self.first(block).content)
                if index not in exclude and label and not _TITLE.search(label) and not is_fir(self.first(block).text):
                    current = self.first(block).content
                continue
            if current is not None:
                result[index] = current
        return result


def _paragraph_roles(reader: _Reader, body: list[int], summary_block: int | None,
                     skip: set[int]) -> list[tuple[int, ParagraphRole | None, str | None]]:
    sections = reader.sections(skip)
    explicit: dict[int, ParagraphRole | None] = {}
    opening = reader.block_text(reader.blocks[body[0]]) if body else ""
    ours = roles.launchers(" ".join([*(reader.block_text(reader.blocks[i]) for i in sorted(skip)), opening]))
    for index in body:
        text = reader.block_text(reader.blocks[index])
        lead = roles.lead_in_label(text)
        label = roles.label_role(lead) if lead else None
        if label is None and index in sections:
            label = roles.label_role(sections[index])
        if roles.is_quote(text) or label == "quote":
            explicit[index] = roles.quote_role(text, ours)
        elif label is not None:
            explicit[index] = label
    if summary_block is None and "summary" not in explicit.values():
        summary_block = next((i for i in body if i not in explicit), None)
        if summary_block is not None and body and summary_block != body[0]:
            summary_block = None
    result: list[tuple[int, ParagraphRole | None, str | None]] = []
    for index in body:
        role: ParagraphRole | None
        if index in explicit:
            role = explicit[index]
        elif index == summary_block:
            role = "summary"
        elif summary_block is not None and index < summary_block:
            role = None
        else:
            role = roles.cue_role(reader.block_text(reader.blocks[index]), ours)
        result.append((index, role, sections.get(index)))
    return _problem_between(result)


def _problem_between(result: list[tuple[int, ParagraphRole | None, str | None]]
                     ) -> list[tuple[int, ParagraphRole | None, str | None]]:
    """A press release runs summary, problem, solution: an unlabelled paragraph (or one read as a
    call to action by its words, when another comes later) right between the summary and the
    solution is the problem ("Today the close takes nine working days. The
    checklist lives in a 600-row spreadsheet ..."), whatever words it uses. Only when no
    paragraph was found to be the problem."""
    found = [role for _, role, _ in result]
    if "problem" in found or "summary" not in found:
        return result
    after = found.index("summary") + 1
    # A paragraph there that a price or a "visit" made look like the call to action is the problem
    # when the call to action comes later anyway: "a single rejected pallet can cost €40,000",
    # "must visit the permit counter at City Hall" are what the customer suffers today.
    misread = after < len(found) and found[after] == "call_to_action" and "call_to_action" in found[after + 1 :]
    if "solution" not in found:
        # Two unlabelled paragraphs between the summary and the quotes (or the call to action):
        # the problem, then the solution ("About 4,100 households have no home internet ...",
        # "Borrowing a hotspot works like borrowing a book ...").
        story_goes_on = after + 2 < len(found) and found[after + 2] in (
            "customer_quote", "leader_quote", "getting_started", "call_to_action")
        # (the first may be a misread call to action: "Today a wardrobe manager ... spends £300 on
        # costumes it never uses again", then "With the Hub, a manager searches ...")
        if after + 1 < len(found) and (found[after] is None or misread) and found[after + 1] is None and \
                story_goes_on:
            result[after] = (result[after][0], "problem", result[after][2])
            result[after + 1] = (result[after + 1][0], "solution", result[after + 1][2])
        return result
    # (a customer's quote may stand between them: "... have nowhere to go." / "I finished my intro
    # class and then just stopped," / "With Kilnbook, a potter chooses a studio ...")
    following = next((role for role in found[after + 1:] if role not in ("customer_quote", "leader_quote")), None)
    if after + 1 < len(found) and (found[after] is None or misread) and following == "solution":
        index, _, section = result[after]
        result[after] = (index, "problem", section)
    return result


def parse_document(text: str, *, path: str | None = None, source_format: SourceFormat = "md") -> Document:
    """Parse text into a Document; never raises on odd input.

    Line endings are normalised to \\n first (the loader has already done so for files), so
    `doc.text` may differ from `text` only in that respect. Headings that are not Markdown
    `#` headings (a bold line, a short line ending in ':', a Title Case line in plain text)
    get level 0.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    doc = Document(text=text, path=path, source_format=source_format, sha256=text_sha256(text))
    reader = _Reader(doc)
    doc.headings = [Heading(span=doc.span(line.content_start, line.content_end), level=line.heading_level or 0)
                    for line in reader.lines if line.is_heading and line.content_end > line.content_start]
    header = reader.header()
    if header.headline:
        doc.headline = doc.span(*header.headline)
    if header.subheading:
        doc.subheading = doc.span(*header.subheading)
    body = reader.body_blocks(header)
    dateline, summary_block = reader.dateline(header, body)
    if dateline:
        doc.dateline = doc.span(*dateline)
    skip = {i for i in (header.headline_block, header.subheading_block) if i is not None}
    for index, role, section in _paragraph_roles(reader, body, summary_block, skip):
        block = reader.blocks[index]
        start, end = reader.block_bounds(block)
        while start < end and text[start] in " \t":
            start += 1
        doc.paragraphs.append(Paragraph(span=doc.span(start, end), line_end=block.last + 1, role=role,
                                        section=_clean(section) if section else None))
    if reader.faq_line is not None:
        doc.faq_start = reader.lines[reader.faq_line].start
        doc.faq = parse_faq(text, reader.lines, reader.faq_line, doc.span)
    return doc
