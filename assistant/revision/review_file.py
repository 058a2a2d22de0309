"""Read a `prfaq review --format json` file for `revise --from-review` (a team may have edited
its must-fix list by hand): anything that is not such a file is one clear line of bad input."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from assistant.errors import InputError
from assistant.personas.models import ReviewReport

MAX_REVIEW_BYTES = 5 * 1024 * 1024


def load_review(source: str | Path | ReviewReport) -> ReviewReport:
    if isinstance(source, ReviewReport):
        return source
    path = Path(source)
    if not path.is_file():
        raise InputError(f"--from-review {path}: no such file")
    if path.stat().st_size > MAX_REVIEW_BYTES:
        raise InputError(f"--from-review {path}: too big for a review file")
    try:
        return ReviewReport.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "the top level"
        raise InputError(f"--from-review {path}: not a `prfaq review --format json` file "
                         f"({first['msg']} at {where})") from exc
