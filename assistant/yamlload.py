"""YAML reading for prompts, personas, the question bank and eval suites.

PyYAML's pure-Python loader takes about 0.2 s for the question bank alone, which every command
that asks questions paid at start-up; its libyaml binding (CSafeLoader, in the PyPI wheels)
reads the same files about ten times faster with the same safe subset of YAML. Where PyYAML
was built without libyaml, the pure-Python SafeLoader is used.
"""

from __future__ import annotations

from typing import Any


def safe_load(text: str) -> Any:
    """`yaml.safe_load`, with libyaml when available. Raises yaml.YAMLError on bad YAML."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, chosen above
