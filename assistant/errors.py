"""Errors a user can act on. Each carries the exit code the CLI returns and a one-line message."""

from __future__ import annotations

EXIT_OK = 0
EXIT_CHECK_FAILED = 1  # a check the user asked for failed (e.g. --fail-under)
EXIT_BAD_INPUT = 2  # the input or the invocation cannot be used
EXIT_MODEL_FAILED = 3  # the model endpoint failed after retries


class PrfaqError(Exception):
    """Base class: the message is shown as is, on one line, without a traceback."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # one line, always
        return " ".join(self.message.split())


class InputError(PrfaqError):
    """The document or notes cannot be read or used."""


class ConfigError(PrfaqError):
    """The configuration or a command-line option is unusable."""


class OutputExistsError(PrfaqError):
    """Refusing to overwrite a user's file."""
