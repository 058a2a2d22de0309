"""Suites are files: `evals/suites/<name>.yaml` names a task, its datasets, its graders and the
thresholds its figures must reach.

A dataset path is looked up next to the suite file first, then from the repository root, so a
suite can point at data kept outside the package (`../shared/datasets/...`) without copying it.
A dataset that is not there is skipped with a note in the report, never silently.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from pydantic import ValidationError

from assistant.errors import InputError
from assistant.evaluation.models import Case, DatasetSpec, DraftExpectations, LoadedSuite, SuiteSpec

REPO = Path(__file__).resolve().parent.parent.parent
DOCUMENT_SUFFIXES = (".md", ".markdown", ".txt", ".docx")
PAIR_TASKS = ("clarity_pairs", "judge_pairs")


def evals_dir() -> Path:
    """The folder holding suites/ and runs/: $PRFAQ_EVALS_DIR, else the repository's evals/."""
    env = os.environ.get("PRFAQ_EVALS_DIR")
    return Path(env).expanduser() if env else REPO / "evals"


def shared_dir() -> Path:
    """The project's shared data: $PRFAQ_SHARED_DIR, else ../shared beside the repository (a
    developer's checkout has it; a user's fresh clone does not)."""
    env = os.environ.get("PRFAQ_SHARED_DIR")
    return Path(env).expanduser() if env else REPO.parent / "shared"


SHARED_PREFIX = ("..", "shared")


def suites_dir() -> Path:
    return evals_dir() / "suites"


def runs_dir() -> Path:
    return evals_dir() / "runs"


def available_suites() -> dict[str, Path]:
    folder = suites_dir()
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


def find_suite(name: str) -> Path:
    """A suite by name (evals/suites/<name>.yaml) or by the path of a suite file."""
    as_path = Path(name).expanduser()
    if as_path.suffix in (".yaml", ".yml") and as_path.is_file():
        return as_path
    found = available_suites().get(name)
    if found is None:
        known = ", ".join(available_suites()) or f"none in {suites_dir()}"
        raise InputError(f"no eval suite named {name!r} (available: {known}); or give the path of a suite file")
    return found


def load_suite_spec(path: Path) -> SuiteSpec:
    import yaml

    from assistant.yamlload import safe_load

    raw = path.read_bytes()
    try:
        data = safe_load(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: not a readable YAML suite file ({type(exc).__name__})") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: a suite file must be a mapping with name, task, dataset(s) and graders")
    data.setdefault("name", path.stem)
    try:
        spec = SuiteSpec.model_validate({**data, "path": str(path), "sha256": hashlib.sha256(raw).hexdigest()})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(root)"
        raise InputError(f"{path}: invalid suite: {where}: {first['msg']}") from None
    from assistant.evaluation.graders import GRADERS

    unknown = [g for g in spec.graders + list(spec.thresholds) if g not in GRADERS]
    if unknown:
        raise InputError(f"{path}: unknown grader {unknown[0]!r} (known: {', '.join(sorted(GRADERS))})")
    return spec


def resolve_dataset(path: str, suite_file: Path) -> tuple[Path | None, list[Path]]:
    """The dataset's location (None when absent) and every place that was tried."""
    given = Path(path).expanduser()
    if given.parts[:2] == SHARED_PREFIX:
        candidates = [shared_dir().joinpath(*given.parts[2:])]
    elif given.is_absolute():
        candidates = [given]
    else:
        candidates = [suite_file.parent / given, REPO / given]
    for candidate in candidates:
        if candidate.exists():
            return candidate.resolve(), candidates
    return None, candidates


def load_suite(spec: SuiteSpec, dataset_override: Path | None = None) -> LoadedSuite:
    """The suite's cases from every dataset that is present; `dataset_override` replaces them all
    (`prfaq eval questions-recall --dataset my-prfaqs/`)."""
    datasets = [DatasetSpec(path=str(dataset_override.resolve()))] if dataset_override else spec.datasets
    cases: list[Case] = []
    notes: list[str] = []
    seen: set[str] = set()
    for dataset in datasets:
        location, tried = resolve_dataset(dataset.path, Path(spec.path))
        if location is None:
            notes.append(_missing_note(dataset.path, tried))
            continue
        loaded = _read_dataset(location, dataset, spec)
        if dataset.limit is not None:
            loaded = loaded[: dataset.limit]
        for case in loaded:
            _check_case(case, spec, location)
            case_id = case.id
            suffix = 2
            while case_id in seen:  # two datasets may both have a "01": keep each case addressable
                case_id, suffix = f"{case.id}~{suffix}", suffix + 1
            seen.add(case_id)
            cases.append(case.model_copy(update={"id": case_id}))
        if not loaded:
            notes.append(f"dataset {location} has no cases")
    return LoadedSuite(spec=spec, cases=cases, notes=notes)


def _missing_note(path: str, tried: list[Path]) -> str:
    where = ", ".join(str(t) for t in tried)
    if Path(path).parts[:2] == SHARED_PREFIX:
        return (f"dataset {path} not found at {where}: it is the project's shared data, kept beside the "
                "repository as ../shared, which a fresh clone does not have (set PRFAQ_SHARED_DIR to where it "
                "is); skipped")
    return f"dataset {path} not found (looked at {where}); skipped"


# -- readers -----------------------------------------------------------------------------------
def _read_dataset(location: Path, dataset: DatasetSpec, spec: SuiteSpec) -> list[Case]:
    fmt: str = dataset.format
    if fmt == "auto":
        fmt = _detect_format(location, spec)
    source = _display(location)
    if fmt == "onestopenglish":
        return _onestopenglish_pairs(location, source)
    if fmt == "pairs_dir":
        return [_case_from(_yaml_file(p), p.stem, source) for p in sorted(location.glob("*.y*ml"))]
    if fmt == "documents_dir":
        return _documents(location, source)
    if fmt == "jsonl":
        return _jsonl(location, source)
    return _yaml_cases(location, source)


def _detect_format(location: Path, spec: SuiteSpec) -> str:
    if location.is_dir():
        if (location / "ele").is_dir() and (location / "adv").is_dir():
            return "onestopenglish"
        return "pairs_dir" if spec.task in PAIR_TASKS else "documents_dir"
    return "jsonl" if location.suffix == ".jsonl" else "yaml"


def _display(location: Path) -> str:
    try:
        return str(location.relative_to(REPO))
    except ValueError:
        pass
    # Shared data is named as the suites name it ("../shared/datasets/..."), wherever it really
    # lies: beside the clone, behind a symlink, or where PRFAQ_SHARED_DIR points.
    with contextlib.suppress(ValueError, OSError):
        return "/".join([*SHARED_PREFIX, location.resolve().relative_to(shared_dir().resolve()).as_posix()])
    try:
        return os.path.relpath(location, REPO)
    except ValueError:  # another drive (Windows)
        return str(location)


def _yaml_file(path: Path) -> Any:
    import yaml

    from assistant.yamlload import safe_load

    try:
        return safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read dataset file ({type(exc).__name__})") from None


def _yaml_cases(path: Path, source: str) -> list[Case]:
    data = _yaml_file(path)
    items = data.get("cases") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InputError(f"{path}: a YAML dataset is a list of cases (or a mapping with `cases:`)")
    return [_case_from(item, f"{path.stem}-{i + 1:02d}", source, where=f"{path} case {i + 1}")
            for i, item in enumerate(items)]


def _jsonl(path: Path, source: str) -> list[Case]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            raise InputError(f"{path}:{number}: not a JSON object") from None
        cases.append(_case_from(item, f"{path.stem}-{number:03d}", source, where=f"{path}:{number}"))
    return cases


def _documents(folder: Path, source: str) -> list[Case]:
    from assistant.documents import load_document

    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
    return [Case(id=p.stem, source=source, text=load_document(p).text) for p in files]


def _case_from(item: Any, default_id: str, source: str, where: str = "") -> Case:
    if not isinstance(item, dict):
        raise InputError(f"{where or source}: a case must be a mapping")
    text = item.get("text") or item.get("notes") or item.get("document")
    tags = item.get("tags") or []
    case_id = str(item.get("id") or default_id)
    return Case(id=case_id, source=source, text=text, better=item.get("better"),
                worse=item.get("worse"), change=item.get("change"),
                tags=[str(t) for t in tags] if isinstance(tags, list) else [str(tags)],
                expect=_expectations(item.get("expect"), case_id, where or source))


def _expectations(raw: Any, case_id: str, where: str) -> DraftExpectations | None:
    """A case's `expect:` mapping, or one line naming the case and the first thing wrong with it."""
    if raw is None:
        return None
    prefix = f"{where}: case {case_id!r}: expect"
    if not isinstance(raw, dict) or not raw:
        raise InputError(f"{prefix} must be a mapping of expectations (name, city, date, customer, problem, ...)")
    try:
        return DraftExpectations.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{prefix}{'.' + field if field else ''}: {first['msg']}") from None


def _check_case(case: Case, spec: SuiteSpec, location: Path) -> None:
    if spec.task in PAIR_TASKS:
        if not (case.better and case.worse):
            raise InputError(f"{location}: case {case.id!r} needs `better` and `worse` texts for task {spec.task}")
    elif not (case.text and case.text.strip()):
        raise InputError(f"{location}: case {case.id!r} has no text (give `notes`, `text` or `document`)")


# -- scripts in evals/ that suites reuse rather than rewrite -------------------------------------
@lru_cache(maxsize=8)
def evals_script(name: str) -> ModuleType:
    """A script from the repository's evals/ folder, imported by path (evals/ is not a package):
    validate_clarity.py (the OneStopEnglish loader and its pair rule) and questions_recall.py (the
    generic baseline questions)."""
    path = REPO / "evals" / f"{name}.py"
    if not path.is_file():
        raise InputError(f"{path} is missing: this suite needs it (run prfaq eval from a repository checkout)")
    spec = importlib.util.spec_from_file_location(f"prfaq_evals_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses in the script look their module up while it loads
    spec.loader.exec_module(module)
    return module


def _onestopenglish_pairs(root: Path, source: str) -> list[Case]:
    module = evals_script("validate_clarity")  # its loader, and its rule that a tie is wrong
    articles: dict[str, dict[str, str]] = module.load_corpus(root)
    levels: tuple[str, ...] = module.LEVELS
    cases = []
    for name, versions in articles.items():
        for i, easier in enumerate(levels):
            for harder in levels[i + 1:]:
                cases.append(Case(id=f"{name}:{easier}>{harder}", source=source, better=versions[easier],
                                  worse=versions[harder], change=f"reading level {easier} vs {harder}"))
    return cases
