"""The settings key: what must be unchanged for a finished result to be reused on resume.

It covers the engine, the endpoint and model, which parts ran (--only), every prompt file the
LLM engine may use (by content hash: an edited prompt is a different prompt even if nobody
bumped its version), the clarity rule-set version and the package version (the offline
question bank and personas live in the code).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from assistant.config import Settings


def prompt_hashes(settings: Settings) -> dict[str, str]:
    """name -> sha256 of every prompt file in effect (the user's folder overrides the built-ins)."""
    from assistant.prompts import builtin_prompts_dir

    folders: list[Path] = [builtin_prompts_dir()]
    if settings.prompts_dir is not None and settings.prompts_dir.is_dir():
        folders.append(settings.prompts_dir)
    found: dict[str, str] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*.yaml")):
            name = path.relative_to(folder).with_suffix("").as_posix()
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return dict(sorted(found.items()))


def settings_key(settings: Settings, parts: Sequence[str]) -> str:
    from assistant import __version__
    from assistant.clarity.rules import RULE_SET_VERSION

    material: dict[str, object] = {
        "engine": settings.engine_name,
        "parts": sorted(parts),
        "rule_set": RULE_SET_VERSION,
        "package": __version__,
    }
    if settings.has_endpoint:
        material.update(base_url=settings.effective_base_url, model=settings.model,
                        temperature=settings.temperature, structured_mode=settings.structured_mode,
                        prompts=prompt_hashes(settings))
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()[:16]
