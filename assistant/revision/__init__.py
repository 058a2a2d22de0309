"""`prfaq revise`: the critique applied. (The package is `revision`, not `revise`: importing a
package named like the API function `assistant.revise` would replace that function on the
`assistant` module.) Offline, safe deterministic fixes (like `ruff --fix`);
with a model, a rewrite whose every figure, name and quote is checked against the document.

    from assistant.revision import revise_offline
    report = revise_offline(doc)        # RevisionReport: fixes, score before/after, diff, text
"""

from __future__ import annotations

from assistant.revision.models import RevisionReport
from assistant.revision.offline import revise_offline, select_rules

__all__ = ["RevisionReport", "revise_offline", "select_rules"]
