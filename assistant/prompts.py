"""Prompts are files, not Python strings.

Each prompt is a YAML file in `prompts/` with a name, a version and its messages. A user
overrides any prompt by putting a file of the same name in their prompts directory
(`--prompts-dir` or PRFAQ_PROMPTS_DIR). Templates use f-string placeholders; values are never
re-parsed as templates, so braces inside a document are harmless.

Untrusted text (notes, documents) goes into a prompt only through `envelope()`.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field, ValidationError

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from langchain_core.prompts import ChatPromptTemplate

Role = Literal["system", "user", "assistant"]

# Templates by their messages (not by name: an overriding file is another template). Only read
# after they are built (format_messages), so threads share them; a race builds one twice.
_TEMPLATES: dict[tuple[tuple[str, str], ...], ChatPromptTemplate] = {}


class PromptMessage(BaseModel):
    role: Role
    content: str


class PromptSpec(BaseModel):
    name: str
    version: str
    description: str = ""
    messages: list[PromptMessage]
    path: str = ""
    sha256: str = ""  # of the file's bytes: eval runs record exactly which prompt ran
    meta: dict[str, Any] = Field(default_factory=dict)  # extra keys (personas keep their lens here)

    def template(self) -> ChatPromptTemplate:
        """The langchain template of these messages, built once per process: building one parses
        its placeholders, and every model call rendered its prompt's template twice."""
        key = tuple((m.role, m.content) for m in self.messages)
        found = _TEMPLATES.get(key)
        if found is None:
            from langchain_core.prompts import ChatPromptTemplate

            found = _TEMPLATES[key] = ChatPromptTemplate.from_messages(list(key))
        return found

    @property
    def input_variables(self) -> list[str]:
        return sorted(self.template().input_variables)

    def render(self, variables: dict[str, str]) -> list[dict[str, str]]:
        """Fill the template; a missing variable is a clear error, not a KeyError."""
        missing = [name for name in self.input_variables if name not in variables]
        if missing:
            raise ConfigError(f"prompt {self.name!r} ({self.path}) needs {', '.join(missing)}; "
                              "check the placeholders in the prompt file")
        rendered = self.template().format_messages(**{k: variables[k] for k in self.input_variables})
        roles = {"human": "user", "ai": "assistant", "system": "system"}
        return [{"role": roles.get(m.type, m.type), "content": str(m.content)} for m in rendered]


@lru_cache(maxsize=1)
def builtin_prompts_dir() -> Path:
    """The prompts shipped with prfaq: the repo's prompts/ folder, or its copy inside a wheel.
    Cached: where the package is installed does not change while it runs."""
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / "prompts", package / "_builtin_prompts"):
        if candidate.is_dir():
            return candidate
    raise ConfigError("the built-in prompts folder is missing from this installation; reinstall prfaq")


def _search_path(prompts_dir: Path | None) -> list[Path]:
    dirs = [builtin_prompts_dir()]
    if prompts_dir is not None:
        if not prompts_dir.is_dir():
            raise ConfigError(f"--prompts-dir {prompts_dir} is not a folder")
        dirs.insert(0, prompts_dir)
    return dirs


def find_prompt_file(name: str, prompts_dir: Path | None = None) -> Path:
    relative = Path(*name.split("/")).with_suffix(".yaml") if "/" in name else Path(f"{name}.yaml")
    for folder in _search_path(prompts_dir):
        candidate = folder / relative
        if candidate.is_file():
            return candidate
    raise ConfigError(f"no prompt named {name!r} (looked for {relative} in "
                      f"{', '.join(str(d) for d in _search_path(prompts_dir))})")


@lru_cache(maxsize=256)
def _parse_prompt_file(path: Path, mtime_ns: int) -> PromptSpec:
    import yaml

    from assistant.yamlload import safe_load

    raw = path.read_bytes()
    try:
        data = safe_load(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: not a readable YAML prompt file ({type(exc).__name__})") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a prompt file must be a YAML mapping with name, version and messages")
    known = {"name", "version", "description", "messages"}
    try:
        return PromptSpec(
            name=str(data.get("name", path.stem)),
            version=str(data.get("version", "0")),
            description=str(data.get("description", "")),
            messages=data.get("messages", []),
            path=str(path),
            sha256=hashlib.sha256(raw).hexdigest(),
            meta={k: v for k, v in data.items() if k not in known},
        )
    except ValidationError as exc:
        raise ConfigError(f"{path}: invalid prompt file: {exc.errors()[0]['msg']}") from exc


def load_prompt(name: str, prompts_dir: Path | None = None) -> PromptSpec:
    path = find_prompt_file(name, prompts_dir)
    return _parse_prompt_file(path, path.stat().st_mtime_ns)


def list_prompts(subdir: str = "", prompts_dir: Path | None = None) -> dict[str, Path]:
    """Every prompt name available under `subdir`, the user's folder winning over the built-ins."""
    found: dict[str, Path] = {}
    for folder in reversed(_search_path(prompts_dir)):
        base = folder / subdir if subdir else folder
        if base.is_dir():
            for path in sorted(base.glob("*.yaml")):
                found[path.stem] = path
    return found


# --- the envelope for untrusted text ------------------------------------------------------
_MARKER = re.compile(r"<<<|>>>")


def envelope(kind: str, text: str) -> str:
    """Wrap untrusted text so that nothing inside it can end the wrapper early.

    The markers carry a tag derived from the content itself, and every `<<<`/`>>>` inside the
    text is defanged, so the text can neither guess nor spell its own closing marker. The tag is
    deterministic (a hash), which keeps prompts, and so the response cache, stable.
    """
    label = re.sub(r"[^A-Z]", "_", kind.upper()) or "TEXT"
    safe = _MARKER.sub(lambda m: "\u2039\u2039\u2039" if m.group() == "<<<" else "\u203a\u203a\u203a", text)
    tag = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"<<<{label} {tag}>>>\n{safe}\n<<<END {label} {tag}>>>"
