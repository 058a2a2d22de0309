"""Settings: environment, optional config file, command-line flags (in rising precedence).

The user directory sits behind one variable, PRFAQ_HOME (as Simon Willison's llm does with
LLM_USER_PATH); the call log and cache live there. The API key is a SecretStr so that it never
prints by accident, and nothing in the package writes it anywhere.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from assistant.errors import ConfigError
from assistant.modelbase import BaseModel, Field, SecretStr

StructuredMode = Literal["auto", "json_schema", "json_object", "prompt"]

DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def user_dir() -> Path:
    """Where prfaq keeps its call log, cache and config: $PRFAQ_HOME or the platform's data dir."""
    env = os.environ.get("PRFAQ_HOME")
    if env:
        return Path(env).expanduser()
    from assistant.userdirs import user_data_dir

    return user_data_dir()


class Settings(BaseModel):
    base_url: str | None = None
    api_key: SecretStr | None = None
    model: str = DEFAULT_MODEL
    offline: bool = False
    home: Path = Field(default_factory=user_dir)
    prompts_dir: Path | None = None
    use_cache: bool = True
    timeout_s: float = 60.0
    max_retries: int = 2  # transport retries, done by the openai SDK itself
    max_reasks: int = 2  # re-asks when the output fails validation
    max_in_flight: int = 8  # model requests in flight at once, across the whole run
    structured_mode: StructuredMode = "auto"
    max_input_bytes: int = DEFAULT_MAX_BYTES
    temperature: float = 0.0

    @property
    def engine_name(self) -> Literal["offline", "llm"]:
        return "llm" if self.has_endpoint else "offline"

    @property
    def has_endpoint(self) -> bool:
        return not self.offline and bool(self.base_url or self.api_key)

    @property
    def offline_reason(self) -> str:
        if self.offline:
            return "--offline was given"
        return "no endpoint configured: set OPENAI_BASE_URL and/or OPENAI_API_KEY to use a model"

    @property
    def effective_base_url(self) -> str:
        return self.base_url or "https://api.openai.com/v1"


def _config_file(home: Path) -> dict[str, object]:
    path = home / "config.toml"
    if not path.is_file():
        return {}
    import tomllib  # only when there is a file (start-up time)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc}); fix or delete it") from exc
    allowed = set(Settings.model_fields) - {"api_key", "home"}  # keys never live in a file of ours
    return {k: v for k, v in data.items() if k in allowed}


def _env_int(name: str) -> int | None:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return None
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r} is not a whole number") from exc


def load_settings(**overrides: object) -> Settings:
    """Build settings from the config file, then the environment, then explicit overrides.

    Overrides whose value is None are ignored, so CLI options can be passed straight through.
    """
    home = user_dir()
    values: dict[str, object] = {"home": home, **_config_file(home)}
    env = os.environ
    if env.get("OPENAI_BASE_URL"):
        values["base_url"] = env["OPENAI_BASE_URL"]
    if env.get("OPENAI_API_KEY"):
        values["api_key"] = SecretStr(env["OPENAI_API_KEY"])
    if env.get("PRFAQ_MODEL"):
        values["model"] = env["PRFAQ_MODEL"]
    if env.get("PRFAQ_PROMPTS_DIR"):
        values["prompts_dir"] = Path(env["PRFAQ_PROMPTS_DIR"])
    if env.get("PRFAQ_STRUCTURED_MODE"):
        values["structured_mode"] = env["PRFAQ_STRUCTURED_MODE"]
    for name, key in (("PRFAQ_MAX_RETRIES", "max_retries"), ("PRFAQ_MAX_BYTES", "max_input_bytes")):
        number = _env_int(name)
        if number is not None:
            values[key] = number
    if env.get("PRFAQ_TIMEOUT"):
        try:
            values["timeout_s"] = float(env["PRFAQ_TIMEOUT"])
        except ValueError as exc:
            raise ConfigError(f"PRFAQ_TIMEOUT={env['PRFAQ_TIMEOUT']!r} is not a number") from exc
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings.model_validate(values)
    except ValueError as exc:
        first = str(exc).splitlines()
        raise ConfigError(f"invalid setting: {' '.join(first[:3])}") from exc
