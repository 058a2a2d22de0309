"""Batch critique: many documents at once, with concurrency, rate limits, resume and reports.

    from assistant.batch import run_critique
    summary = run_critique([Path("docs")], out=Path("critique"), settings=load_settings())
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.batch.models import CritiqueSummary, DocResult

from assistant.batch.runner import run_critique

__all__ = ["CritiqueSummary", "DocResult", "run_critique"]
