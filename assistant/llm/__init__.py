"""The model gateway: the only package that talks to a model."""

from assistant.llm.errors import LLMError
from assistant.llm.gateway import Gateway, Usage

__all__ = ["Gateway", "LLMError", "Usage"]
