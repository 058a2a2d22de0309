"""`--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning and others).

One run, with a reportingDescriptor (rule) for each check the command runs and a result with a
physicalLocation (artifactLocation uri + region) for each annotation. Columns count code points
(`columnKind: unicodeCodePoints`); the end column is exclusive, as SARIF defines it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.render.annotations import Annotation, Check, checks_of

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/prfaq/"
SARIF_LEVEL = {"error": "error", "warning": "warning", "notice": "note"}


def artifact_uri(path: str) -> str:
    """A relative path stays relative (code scanning resolves it against the repository root);
    an absolute one becomes a file:// URI."""
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return candidate.as_posix().replace("%", "%25").replace(" ", "%20")


def _result(note: Annotation, rule_index: int) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(note.path)}}
    region = note.region
    if region is not None:
        location["region"] = {"startLine": region.start_line, "startColumn": region.start_column,
                              "endLine": region.end_line, "endColumn": max(region.start_column, region.end_column)}
    else:
        location["region"] = {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}
    return {
        "ruleId": note.check.id,
        "ruleIndex": rule_index,
        "level": SARIF_LEVEL[note.level],
        "message": {"text": note.message},
        "locations": [{"physicalLocation": location}],
    }


def sarif_log(annotations: Sequence[Annotation], checks: Sequence[Check] = (), *,
              properties: dict[str, Any] | None = None) -> dict[str, Any]:
    from assistant import __version__

    rules = checks_of(annotations, checks)
    index = {check.id: i for i, check in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "prfaq",
            "version": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [{"id": check.id, "name": check.id.replace("/", "."),
                       "shortDescription": {"text": check.description}} for check in rules],
        }},
        "columnKind": "unicodeCodePoints",
        "results": [_result(note, index[note.check.id]) for note in annotations],
    }
    if properties:
        run["properties"] = properties
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(annotations: Sequence[Annotation], checks: Sequence[Check] = (), *,
                 properties: dict[str, Any] | None = None) -> str:
    return json.dumps(sarif_log(annotations, checks, properties=properties), indent=2, ensure_ascii=False) + "\n"
