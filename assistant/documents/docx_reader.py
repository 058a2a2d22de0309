"""Read a Word .docx into Markdown-shaped text, safely.

The archive is inspected with `zipfile` before python-docx touches it: entry count, declared
uncompressed sizes and compression ratios (a zip bomb stops here), the presence of
word/document.xml (a zip that is not a Word file), and macros (a .docm renamed to .docx).

The text keeps the document's structure in Markdown form, so the same parser reads Word and
Markdown: Heading/Title styles become `#` headings, bold runs become `**bold**`, list
paragraphs become `- ` or `1. ` items and tables become `| a | b |` rows. Runs marked hidden
(w:vanish) are dropped and counted: hidden text is a known way to smuggle instructions.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from assistant.errors import InputError

if TYPE_CHECKING:
    from lxml.etree import _Element

MAX_ENTRIES = 2000
MAX_TOTAL_UNCOMPRESSED = 50 * 1024 * 1024
MAX_RATIO = 100  # compression ratio above this, on an entry over RATIO_MIN_SIZE, is a bomb
RATIO_MIN_SIZE = 1024 * 1024
MAX_CONTENT_TYPES = 1024 * 1024
FORMAT_WRAP_LIMIT = 300  # only short paragraphs are wrapped as **bold** / *italic* lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_OFF = {"0", "false", "off", "none"}
# Elements whose runs are part of the visible paragraph text.
_CONTAINERS = {f"{W}hyperlink", f"{W}ins", f"{W}smartTag", f"{W}sdt", f"{W}sdtContent", f"{W}fldSimple",
               f"{W}customXml", f"{W}moveTo", f"{W}dir", f"{W}bdo"}


class DocxText(BaseModel):
    text: str
    warnings: list[str] = Field(default_factory=list)


class _Counts(BaseModel):
    hidden_chars: int = 0
    hidden_runs: int = 0
    faint_chars: int = 0  # white or tiny text: kept, but reported


def check_archive(data: bytes, name: str) -> None:
    """Refuse what is not a plain, sane Word archive, before any XML is parsed."""
    if not data.startswith(b"PK"):
        from assistant.documents.sanitize import describe_magic

        what = describe_magic(data)
        hint = f" (it looks like {what})" if what and not what.startswith("a zip") else ""
        raise InputError(f"{name}: not a valid .docx file: a Word file is a zip archive and this is not one{hint}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise InputError(f"{name}: damaged .docx: the zip archive is truncated or corrupt") from exc
    except (OSError, ValueError, EOFError) as exc:
        raise InputError(f"{name}: damaged .docx: cannot read the zip archive ({exc})") from exc
    with archive:
        infos = archive.infolist()
        _check_bomb(infos, name)
        names = {info.filename for info in infos}
        if any(info.flag_bits & 0x1 for info in infos):
            raise InputError(f"{name}: the .docx is encrypted (password-protected); save an unprotected copy")
        if "word/document.xml" not in names:
            raise InputError(f"{name}: a zip archive but not a Word document (no word/document.xml inside)")
        if any(n.lower().endswith(("vbaproject.bin", "vbadata.xml")) for n in names) or _macro_content_type(
            archive, name
        ):
            raise InputError(f"{name}: a macro-enabled Word file (.docm) named .docx; prfaq does not open "
                             "files with macros: save it as a plain Word document (.docx) and try again")


def _check_bomb(infos: list[zipfile.ZipInfo], name: str) -> None:
    if len(infos) > MAX_ENTRIES:
        raise InputError(f"{name}: refusing this .docx: {len(infos)} entries in the archive "
                         f"(limit {MAX_ENTRIES}); it looks like a zip bomb")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise InputError(f"{name}: refusing this .docx: it would expand to {total / 1048576:.0f} MB "
                         f"(limit {MAX_TOTAL_UNCOMPRESSED // 1048576} MB); it looks like a zip bomb")
    for info in infos:
        if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise InputError(f"{name}: refusing this .docx: {info.filename} is compressed {ratio:.0f} to 1 "
                             f"(limit {MAX_RATIO}); it looks like a zip bomb")


def _macro_content_type(archive: zipfile.ZipFile, name: str) -> bool:
    try:
        info = archive.getinfo("[Content_Types].xml")
    except KeyError:
        return False
    if info.file_size > MAX_CONTENT_TYPES:
        raise InputError(f"{name}: damaged .docx: [Content_Types].xml is {info.file_size} bytes")
    try:
        content = archive.read(info)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"{name}: damaged .docx: cannot read [Content_Types].xml ({exc})") from exc
    return b"macroenabled" in content.lower()


def read_docx(data: bytes, name: str) -> DocxText:
    """The text of a .docx as Markdown-shaped text, with warnings about what was dropped."""
    check_archive(data, name)
    document = _open(data, name)
    styles = _StyleInfo(document)
    counts = _Counts()
    try:
        blocks = list(_blocks(document.element.body, styles, counts))
    except InputError:
        raise
    except Exception as exc:  # malformed XML inside an otherwise valid archive
        raise InputError(f"{name}: damaged .docx: cannot read its text ({type(exc).__name__}: {exc})") from exc
    warnings: list[str] = []
    if counts.hidden_chars:
        warnings.append(f"removed {counts.hidden_chars} characters of hidden text (Word 'hidden' formatting, "
                        f"{counts.hidden_runs} runs); hidden text can carry instructions meant for a model")
    if counts.faint_chars:
        warnings.append(f"{counts.faint_chars} characters are white or tiny (under 2 pt) in the Word file; "
                        "kept in the text, but a reader cannot see them")
    return DocxText(text=_join(blocks), warnings=warnings)


def _open(data: bytes, name: str) -> Any:
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for damaged packages
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise InputError(f"{name}: damaged or unsupported .docx ({detail})") from exc


class _StyleInfo:
    """Style names and which character/paragraph styles hide their text."""

    def __init__(self, document: Any) -> None:
        self.names: dict[str, str] = {}
        self.hidden: set[str] = set()
        self.bold: set[str] = set()
        for style in document.styles:
            style_id = getattr(style, "style_id", None)
            if not style_id:
                continue
            self.names[style_id] = style.name or style_id
            font = getattr(style, "font", None)
            if font is not None and font.hidden:
                self.hidden.add(style_id)
            if font is not None and font.bold:
                self.bold.add(style_id)


class _Block(BaseModel):
    kind: str  # "heading", "para", "bullet", "number", "table"
    text: str
    level: int = 0


def _val(element: _Element | None) -> str | None:
    if element is None:
        return None
    return element.get(f"{W}val")


def _flag(rpr: _Element | None, tag: str) -> bool:
    if rpr is None:
        return False
    element = rpr.find(f"{W}{tag}")
    return element is not None and (_val(element) or "true").lower() not in _OFF


def _blocks(body: _Element, styles: _StyleInfo, counts: _Counts) -> Iterator[_Block]:
    for child in body.iterchildren():
        if child.tag == f"{W}p":
            block = _paragraph(child, styles, counts)
            if block is not None:
                yield block
        elif child.tag == f"{W}tbl":
            table = _table(child, styles, counts)
            if table:
                yield _Block(kind="table", text=table)
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content, styles, counts)


def _paragraph(p: _Element, styles: _StyleInfo, counts: _Counts) -> _Block | None:
    ppr = p.find(f"{W}pPr")
    style_id = _val(ppr.find(f"{W}pStyle")) if ppr is not None else None
    style_name = styles.names.get(style_id or "", style_id or "")
    paragraph_hidden = style_id in styles.hidden
    segments = list(_segments(p, styles, counts, paragraph_hidden, style_id in styles.bold))
    text = "".join(part for part, _, _ in segments)
    if not text.strip():
        return None
    heading = _heading_level(style_name, ppr)
    if heading:
        return _Block(kind="heading", text=" ".join(text.split()), level=heading)
    visible = [(part, bold, italic) for part, bold, italic in segments if part.strip()]
    all_italic = all(italic for _, _, italic in visible) or style_name.lower() == "subtitle"
    rendered = _with_bold(segments)
    if all_italic and not rendered.startswith("**") and len(text) <= FORMAT_WRAP_LIMIT:
        rendered = f"*{text.strip()}*"
    is_list = (ppr is not None and ppr.find(f"{W}numPr") is not None) or style_name.lower().startswith("list")
    if is_list:
        numbered = "number" in style_name.lower()
        return _Block(kind="number" if numbered else "bullet", text=rendered.strip())
    return _Block(kind="para", text=rendered.strip())


def _heading_level(style_name: str, ppr: _Element | None) -> int:
    match = _HEADING_STYLE.match(style_name.strip())
    if match:
        return max(1, min(int(match.group(1)), 6))
    if style_name.strip().lower() == "title":
        return 1
    if ppr is not None:
        outline = _val(ppr.find(f"{W}outlineLvl"))
        if outline is not None and outline.isdigit() and int(outline) < 6:
            return int(outline) + 1
    return 0


def _segments(p: _Element, styles: _StyleInfo, counts: _Counts, paragraph_hidden: bool,
              paragraph_bold: bool) -> Iterator[tuple[str, bool, bool]]:
    """(text, bold, italic) for each visible run, in reading order."""
    for run in _runs(p):
        rpr = run.find(f"{W}rPr")
        run_style = _val(rpr.find(f"{W}rStyle")) if rpr is not None else None
        text = _run_text(run)
        if not text:
            continue
        hidden = paragraph_hidden or _flag(rpr, "vanish") or _flag(rpr, "specVanish") or run_style in styles.hidden
        if hidden:
            counts.hidden_chars += len(text)
            counts.hidden_runs += 1
            continue
        if _faint(rpr):
            counts.faint_chars += len(text.strip())
        bold = _flag(rpr, "b") or run_style in styles.bold or (paragraph_bold and not _explicit_off(rpr, "b"))
        yield text, bold, _flag(rpr, "i")


def _explicit_off(rpr: _Element | None, tag: str) -> bool:
    element = rpr.find(f"{W}{tag}") if rpr is not None else None
    return element is not None and (_val(element) or "true").lower() in _OFF


def _faint(rpr: _Element | None) -> bool:
    if rpr is None:
        return False
    color = _val(rpr.find(f"{W}color"))
    size = _val(rpr.find(f"{W}sz"))  # half-points
    return (color or "").upper() in {"FFFFFF", "FFFFFE"} or (size is not None and size.isdigit() and int(size) < 4)


def _runs(element: _Element) -> Iterator[_Element]:
    """Runs that belong to this paragraph's visible text: deleted text and nested paragraphs
    (text boxes) are left out."""
    for child in element.iterchildren():
        if child.tag == f"{W}r":
            yield child
        elif child.tag in _CONTAINERS:
            yield from _runs(child)


def _run_text(run: _Element) -> str:
    parts: list[str] = []
    for child in run.iterchildren():
        tag = child.tag
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _with_bold(segments: list[tuple[str, bool, bool]]) -> str:
    """Join runs, marking bold stretches with ** (whitespace kept outside the markers)."""
    merged: list[list[Any]] = []
    for text, bold, _ in segments:
        if merged and merged[-1][1] == bold:
            merged[-1][0] += text
        else:
            merged.append([text, bold])
    out: list[str] = []
    for text, bold in merged:
        stripped = text.strip()
        if bold and stripped and "\n" not in stripped:
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()):]
            out.append(f"{lead}**{stripped}**{trail}")
        else:
            out.append(text)
    return "".join(out)


def _table(tbl: _Element, styles: _StyleInfo, counts: _Counts) -> str:
    rows: list[str] = []
    for tr in tbl.iterchildren(f"{W}tr"):
        cells: list[str] = []
        for tc in tr.iterchildren(f"{W}tc"):
            texts: list[str] = []
            for p in tc.iter(f"{W}p"):
                block = _paragraph(p, styles, counts)
                if block is not None:
                    texts.append(" ".join(block.text.split()))
            cells.append(" ".join(texts))
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _join(blocks: list[_Block]) -> str:
    out: list[str] = []
    previous: str | None = None
    counter = 0
    for block in blocks:
        if block.kind == "number":
            counter = counter + 1 if previous == "number" else 1
            line = f"{counter}. {block.text}"
        elif block.kind == "bullet":
            line = f"- {block.text}"
        elif block.kind == "heading":
            line = "#" * block.level + " " + block.text
        else:
            line = block.text
        if out:
            same_list = block.kind in ("bullet", "number") and previous == block.kind
            out.append("\n" if same_list else "\n\n")
        out.append(line)
        previous = block.kind
    return "".join(out) + "\n"
