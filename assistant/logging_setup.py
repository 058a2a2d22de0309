"""Debug logging for people chasing a problem: PRFAQ_LOG_LEVEL=debug writes to stderr and to
$PRFAQ_HOME/prfaq.log (PRFAQ_LOG_LEVEL=trace adds the HTTP libraries' own debug output).
A filter redacts anything key-like on the way out, whichever library logged it."""

from __future__ import annotations

import logging
import os


class RedactSecrets(logging.Filter):
    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        from assistant.llm.errors import redact

        message = record.getMessage()
        for secret in self.secrets:
            message = message.replace(secret, "[redacted]")
        record.msg, record.args = redact(message), None
        return True


def configure_logging() -> None:
    level_name = os.environ.get("PRFAQ_LOG_LEVEL", "").upper()
    if not level_name:
        return
    level = logging.DEBUG if level_name == "TRACE" else getattr(logging, level_name, None)
    if not isinstance(level, int):
        return
    from assistant.config import user_dir

    home = user_dir()
    home.mkdir(parents=True, exist_ok=True)
    redactor = RedactSecrets([os.environ.get("OPENAI_API_KEY", "")])
    handlers: list[logging.Handler] = [logging.StreamHandler(), logging.FileHandler(home / "prfaq.log")]
    for handler in handlers:
        handler.addFilter(redactor)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logging.basicConfig(level=level, handlers=handlers, force=True)
    # The SDK and its HTTP client log whole request bodies (documents, e-mail addresses) at debug
    # level. Our own log says which prompt ran and how long it took; their detail is opt-in.
    if level_name != "TRACE":
        for noisy in ("openai", "httpx", "httpx2", "httpcore"):
            logging.getLogger(noisy).setLevel(max(level, logging.INFO))
