"""Endpoint capabilities and prices, read from endpoints.yaml (data, not code)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from assistant.config import Settings


class EndpointProfile(BaseModel):
    name: str
    match: str
    structured: str
    batch_api: bool = False


class EndpointTable(BaseModel):
    endpoints: list[EndpointProfile]
    prices: dict[str, tuple[float, float]]


@lru_cache(maxsize=1)
def table() -> EndpointTable:
    from assistant.yamlload import safe_load

    data = safe_load((Path(__file__).parent / "endpoints.yaml").read_text(encoding="utf-8"))
    return EndpointTable.model_validate(data)


def profile_for(base_url: str) -> EndpointProfile:
    for profile in table().endpoints:
        if profile.match in base_url:
            return profile
    return table().endpoints[-1]


def structured_mode(settings: Settings) -> str:
    """The structured-output mode to use: the user's choice, else the endpoint's declared one."""
    if settings.structured_mode != "auto":
        return settings.structured_mode
    return profile_for(settings.effective_base_url).structured


def price_per_million(model: str) -> tuple[float, float] | None:
    # Longest prefix wins, so "gpt-4o-mini" is not priced as "gpt-4o".
    for prefix in sorted(table().prices, key=len, reverse=True):
        if model.startswith(prefix):
            return table().prices[prefix]
    return None


def cost_usd(model: str, prompt_tokens: int, completion_tokens: int) -> float:
    price = price_per_million(model)
    if price is None:
        return 0.0
    return (prompt_tokens * price[0] + completion_tokens * price[1]) / 1_000_000
