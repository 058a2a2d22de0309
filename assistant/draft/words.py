"""The word lists in words.yaml (shipped inside the package), loaded once: kinds of customer
organisation, -ers/-ors plurals that are things, field labels and month names in other languages.
The rules in facts.py and claims.py read them here rather than listing words in their regexes."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

WORDS_PATH = Path(__file__).with_name("words.yaml")


@functools.cache
def _data() -> dict[str, object]:
    with WORDS_PATH.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{WORDS_PATH} must be a mapping")
    return data


def _strings(key: str) -> tuple[str, ...]:
    value = _data().get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{WORDS_PATH}: `{key}` must be a list of words")
    return tuple(value)


@functools.cache
def organisations_pattern() -> str:
    """An alternation of the customer organisation kinds ("societies|associations|...")."""
    return "|".join(re.escape(word) for word in _strings("organisations"))


@functools.cache
def people_pattern() -> str:
    """An alternation of people's kinds the role list does not catch by ending ("secretaries|clerks|...")."""
    return "|".join(re.escape(word) for word in _strings("people"))


@functools.cache
def end_users_pattern() -> str:
    """An alternation of the people our customers serve ("members|guests|...")."""
    return "|".join(re.escape(word) for word in _strings("end_users"))


@functools.cache
def things_ending_ers() -> frozenset[str]:
    return frozenset(_strings("things_ending_ers"))


@functools.cache
def leads_it_pattern() -> str:
    """An alternation of verbs of leading a product in other languages ("vai liderar|dirigirá|...")."""
    words = sorted(_strings("leads_it"), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)


@functools.cache
def foreign_labels() -> dict[str, str]:
    """A label in another language -> the English label word it stands for."""
    value = _data().get("labels") or {}
    if not isinstance(value, dict):
        raise ValueError(f"{WORDS_PATH}: `labels` must be a mapping")
    return {str(key).lower(): str(english) for key, english in value.items()}


@functools.cache
def foreign_months() -> dict[str, int]:
    """A month's name in another language -> its number."""
    value = _data().get("months") or {}
    if not isinstance(value, dict):
        raise ValueError(f"{WORDS_PATH}: `months` must be a mapping")
    return {str(name).lower(): int(number) for number, names in value.items() for name in names}


def foreign_months_pattern() -> str:
    return "|".join(sorted((re.escape(name) for name in foreign_months()), key=len, reverse=True))


@functools.cache
def price_words() -> dict[str, str]:
    """A price's words in another language ("im Monat", "por mês") -> their English."""
    value = _data().get("price_words") or {}
    if not isinstance(value, dict):
        raise ValueError(f"{WORDS_PATH}: `price_words` must be a mapping")
    return {str(key).lower(): str(english) for key, english in value.items()}


@functools.cache
def english_place_names() -> dict[str, str]:
    """A city's own name ("Lisboa") -> its English name ("Lisbon")."""
    value = _data().get("place_names") or {}
    if not isinstance(value, dict):
        raise ValueError(f"{WORDS_PATH}: `place_names` must be a mapping")
    return {str(key).lower(): str(english) for key, english in value.items()}
