"""What each JSON endpoint of `prfaq serve` does: validate the body, call the Python API, answer
with the same JSON the CLI prints for `--format json`."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable

    from assistant.config import Settings
    from assistant.documents.models import Document
    from assistant.engines import Engine
    from assistant.llm.gateway import CallEvent
    from assistant.serve.store import DocumentStore


class TooLarge(InputError):
    """A text over the input limit: 413, like a body over it."""


class TextBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the document (or the notes, for draft), as Markdown or plain text")
    name: str = Field(default="the text", max_length=200, description="what errors call it (a file name)")
    docx_base64: str | None = Field(default=None, description="a dropped .docx, instead of text")


class QuestionsBody(TextBody):
    audience: Literal["external", "internal", "all"] = "all"
    top: int | None = Field(default=None, ge=1, le=200)
    ask: list[str] | None = Field(default=None, max_length=500,
                                  description="the team's own questions instead (`questions --ask`), in order")


class ReviewBody(TextBody):
    personas: list[str] | None = None
    rounds: int = Field(default=1, ge=1, le=5)


class ReviseBody(TextBody):
    rules: list[str] | None = Field(default=None, description="fix rules to run (default: the safe ones)")


class SourceFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=200, description="the dropped file's name; its suffix says how to read it")
    text: str


class InsightsBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sources: list[SourceFile] = Field(min_length=1, max_length=500)
    against: str | None = Field(default=None, description="a PR/FAQ to check the themes against")
    text_column: str | None = None


SOURCE_SUFFIXES = (".md", ".markdown", ".txt", ".csv", ".jsonl")


class SaveBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    id: str | None = Field(default=None, max_length=40)
    title: str = Field(default="", max_length=200)


class ExportBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    format: Literal["md", "docx"] = "md"
    name: str = Field(default="prfaq", max_length=80)


def _parse(model: type[BaseModel], body: dict[str, Any]) -> Any:
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise InputError(f"{where}: {first['msg']}") from None


class Api:
    def __init__(self, settings: Settings, store: DocumentStore) -> None:
        from assistant.engines import get_engine

        self.settings = settings
        self.store = store
        self.engine = get_engine(settings)  # one engine (and one model client) for the server's life

    def jobs(self) -> dict[str, Callable[[dict[str, Any]], Any]]:
        return {"score": self.score, "questions": self.questions, "review": self.review, "draft": self.draft,
                "outline": self.outline, "export": self.export, "revise": self.revise, "insights": self.insights}

    def long_jobs(self) -> dict[str, Callable[..., dict[str, Any]]]:
        """The jobs that may call a model, and so may stream their progress (`engine=` runs one
        on an engine of its own, see `run_engine`)."""
        return {"questions": self.questions, "review": self.review, "draft": self.draft, "revise": self.revise,
                "insights": self.insights}

    def run_engine(self, observer: Callable[[CallEvent], None]) -> Engine:
        """An engine for one streamed run: with a model, the server's gateway seen through a view
        that shares its client, cache and bound on requests in flight, with the run's own usage
        and this observer; offline, the server's engine (it calls nothing)."""
        from assistant.engines.llm import LLMEngine

        if not isinstance(self.engine, LLMEngine):
            return self.engine
        from assistant.batch.gateways import document_view

        view = document_view(self.engine.gateway)
        view.observer = observer
        return LLMEngine(self.settings, gateway=view)

    def document(self, body: TextBody) -> Document:
        """The body's text (or dropped .docx) checked exactly as a file would be."""
        from assistant.documents import load_bytes

        limit = self.settings.max_input_bytes
        if body.docx_base64 is not None:
            try:
                data = base64.b64decode(body.docx_base64, validate=True)
            except ValueError:
                raise InputError(f"{body.name}: the .docx upload is not valid base64") from None
            fmt: Literal["md", "docx"] = "docx"
        else:
            data, fmt = body.text.encode("utf-8"), "md"
        if len(data) > limit:
            raise TooLarge(f"{body.name} is over the {limit} byte input limit (PRFAQ_MAX_BYTES)")
        return load_bytes(data, name=body.name, source_format=fmt, max_bytes=limit)

    def score(self, body: dict[str, Any]) -> dict[str, Any]:
        from assistant import api

        doc = self.document(_parse(TextBody, body))
        return {**api.score(doc, settings=self.settings).model_dump(mode="json"), "text": doc.text}

    def outline(self, body: dict[str, Any]) -> dict[str, Any]:
        return self.document(_parse(TextBody, body)).model_dump(mode="json")

    def questions(self, body: dict[str, Any], engine: Engine | None = None) -> dict[str, Any]:
        parsed: QuestionsBody = _parse(QuestionsBody, body)
        doc = self.document(parsed)
        if parsed.ask is not None:
            from assistant.questions.asklist import parse_asked

            asked = parse_asked("\n".join(parsed.ask))
            if not asked:
                raise InputError("ask: the list holds no question (one a line; # starts a comment)")
            return (engine or self.engine).ask(doc, asked).model_dump(mode="json")
        report = (engine or self.engine).questions(doc, audience=parsed.audience, top=parsed.top)
        return report.model_dump(mode="json")

    def review(self, body: dict[str, Any], engine: Engine | None = None) -> dict[str, Any]:
        parsed: ReviewBody = _parse(ReviewBody, body)
        report = (engine or self.engine).review(self.document(parsed), personas=parsed.personas, rounds=parsed.rounds)
        return report.model_dump(mode="json")

    def draft(self, body: dict[str, Any], engine: Engine | None = None) -> dict[str, Any]:
        from assistant.render.markdown import render_document

        notes = self.document(_parse(TextBody, body))
        result = (engine or self.engine).draft(notes)
        return {**result.model_dump(mode="json"), "markdown": render_document(result)}

    def revise(self, body: dict[str, Any], engine: Engine | None = None) -> dict[str, Any]:
        """The CLI's `revise --format json`, plus the changes as line hunks the page can accept or
        reject one by one."""
        parsed: ReviseBody = _parse(ReviseBody, body)
        doc = self.document(parsed)
        report = (engine or self.engine).revise(doc, rules=parsed.rules, review=None, notes=None)
        return {**report.model_dump(mode="json", by_alias=True), "original": doc.text,
                "changes": line_changes(doc.text, report.text)}

    def insights(self, body: dict[str, Any], engine: Engine | None = None) -> dict[str, Any]:
        """Themes from dropped source files: written to a private temporary folder under their own
        names (so that ids read like the CLI's), read by the same code as `prfaq insights`."""
        import tempfile
        from pathlib import Path

        parsed: InsightsBody = _parse(InsightsBody, body)
        total = sum(len(source.text.encode("utf-8")) for source in parsed.sources)
        if total > self.settings.max_input_bytes * 10:
            raise TooLarge(f"the sources are over {self.settings.max_input_bytes * 10} bytes in all")
        against = self.document(TextBody(text=parsed.against, name="the PR/FAQ")) if parsed.against else None
        with tempfile.TemporaryDirectory(prefix="prfaq-insights-") as folder:
            paths = []
            for index, source in enumerate(parsed.sources):
                name = Path(source.name).name or f"source-{index + 1}.txt"
                if not name.lower().endswith(SOURCE_SUFFIXES):
                    raise InputError(f"{name}: drop .md, .txt, .csv or .jsonl files")
                path = Path(folder) / f"{index + 1:03d}" / name
                path.parent.mkdir()
                path.write_text(source.text, encoding="utf-8")
                paths.append(path)
            report = (engine or self.engine).insights(paths, against=against, text_column=parsed.text_column)
            dumped = report.model_dump_json()
            for index, path in enumerate(paths):  # ids and paths as the writer named the files
                dumped = dumped.replace(json_string_body(str(path)), json_string_body(path.name))
                dumped = dumped.replace(json_string_body(str(path.parent)), json_string_body(f"{index + 1:03d}"))
        import json

        result: dict[str, Any] = json.loads(dumped)
        return result

    def save(self, body: dict[str, Any]) -> dict[str, Any]:
        from assistant import api

        parsed: SaveBody = _parse(SaveBody, body)
        doc = self.document(TextBody(text=parsed.text, name=parsed.title or "the document"))
        score = api.score(doc, settings=self.settings).clarity.score
        return self.store.save(parsed.text, score, document_id=parsed.id, title=parsed.title).model_dump()

    def export(self, body: dict[str, Any]) -> Any:
        from starlette.responses import Response

        from assistant.render.docx import render_text_docx

        parsed: ExportBody = _parse(ExportBody, body)
        self.document(TextBody(text=parsed.text))  # the same checks as every other job
        stem = "".join(c for c in parsed.name if c.isalnum() or c in "-_") or "prfaq"
        if parsed.format == "md":
            data, media = parsed.text.encode("utf-8"), "text/markdown; charset=utf-8"
        else:
            data = render_text_docx(parsed.text)
            media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        return Response(data, media_type=media,
                        headers={"content-disposition": f'attachment; filename="{stem}.{parsed.format}"'})


def json_string_body(text: str) -> str:
    """`text` as it appears inside a JSON string (without the quotes)."""
    import json

    return json.dumps(text)[1:-1]


def line_changes(before: str, after: str) -> list[dict[str, Any]]:
    """The revision as hunks of whole lines: where in the original, what it said, what it says now."""
    import difflib

    old, new = before.split("\n"), after.split("\n")
    changes = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag != "equal":
            changes.append({"from_line": i1, "to_line": i2, "before": old[i1:i2], "after": new[j1:j2]})
    return changes
