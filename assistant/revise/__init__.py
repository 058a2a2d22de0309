"""`prfaq revise`: the critique applied. Offline, safe deterministic fixes (like `ruff --fix`);
with a model, a rewrite whose every figure, name and quote is checked against the document.

    from assistant.revise import revise_offline
    report = revise_offline(doc)        # RevisionReport: fixes, score before/after, diff, text
"""

from __future__ import annotations

from assistant.revise.models import RevisionReport
from assistant.revise.offline import revise_offline, select_rules

__all__ = ["RevisionReport", "revise_offline", "select_rules"]
