"""Pick the engine for a run: the LLM engine when an endpoint is configured, else offline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.engines.base import AudienceFilter, Engine

if TYPE_CHECKING:
    from assistant.config import Settings


def get_engine(settings: Settings) -> Engine:
    if settings.has_endpoint:
        from assistant.engines.llm import LLMEngine

        return LLMEngine(settings)
    from assistant.engines.offline import OfflineEngine

    return OfflineEngine(settings)


__all__ = ["AudienceFilter", "Engine", "get_engine"]
