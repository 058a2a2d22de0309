"""A small stand-in for pydantic's BaseModel, for a plain `prfaq score` process only (see assistant.modelbase).

It builds an object the way pydantic does for the values the score path passes: each declared
field from its keyword argument, else its default or default factory; `float` fields turn an int
into a float, `int` fields a bool into an int, `str` fields a subclass of str into a str, and
`list[...]` fields take a new list (of floats, for `list[float]`), as pydantic's validators do.
A model instance given for a model field is kept as it is (pydantic's default too). Frozen models
refuse assignment and hash by their fields; models compare equal when of the same class with equal
fields; `model_copy(update=...)` and `model_fields` behave as pydantic's. There is no JSON, schema
or validation of outside data here: the runs that need them (`--format json`, `--judge`, every
other command) use pydantic. `model_validate` (only `Settings` meets it on this path) takes values
that already have their field's type as they are, and hands anything else to pydantic, so an
unusual or wrong setting is read, or reported, exactly as pydantic reads or reports it.

Annotations are read as the strings `from __future__ import annotations` leaves them, never
evaluated (that would import what they name).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

_MISSING: Any = object()


class FieldInfo:
    __slots__ = ("annotation", "default", "default_factory", "convert")

    def __init__(self, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None) -> None:
        self.default, self.default_factory = default, default_factory
        self.annotation = ""
        self.convert: Callable[[Any], Any] = _same

    def is_required(self) -> bool:
        return self.default is _MISSING and self.default_factory is None


def Field(default: Any = _MISSING, *, default_factory: Callable[[], Any] | None = None, **_constraints: Any) -> Any:  # noqa: N802
    # Constraints (ge=, le=) only matter to validation of outside data, which never happens here.
    return FieldInfo(default, default_factory)


def ConfigDict(**config: Any) -> dict[str, Any]:  # noqa: N802
    return config


def model_validator(*, mode: str) -> Callable[[Any], Any]:
    return lambda method: method


class SecretStr:
    """pydantic's SecretStr as far as settings use it: hidden when printed, its value on request."""

    def __init__(self, secret_value: str) -> None:
        self._secret_value = secret_value

    def get_secret_value(self) -> str:
        return self._secret_value

    def __len__(self) -> int:
        return len(self._secret_value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SecretStr) and other._secret_value == self._secret_value

    def __hash__(self) -> int:
        return hash(self._secret_value)

    def __str__(self) -> str:
        return "**********" if self._secret_value else ""

    def __repr__(self) -> str:
        return f"SecretStr('{self}')"


def _same(value: Any) -> Any:
    return value


def _to_float(value: Any) -> Any:
    return float(value) if type(value) is int else value


def _to_int(value: Any) -> Any:
    return int(value) if type(value) is bool else value


def _to_str(value: Any) -> Any:
    return str(value) if type(value) is not str and isinstance(value, str) else value


def _to_path(value: Any) -> Any:
    return Path(value) if isinstance(value, str) else value


_SCALARS: dict[str, Callable[[Any], Any]] = {"float": _to_float, "int": _to_int, "str": _to_str, "Path": _to_path}
_OPTIONAL = re.compile(r"^(.*?) \| None$|^None \| (.*)$")


def _converter(annotation: str) -> Callable[[Any], Any]:
    """What pydantic does to a well-typed value of a field annotated `annotation`."""
    optional = _OPTIONAL.match(annotation)
    inner = (optional.group(1) or optional.group(2)) if optional else annotation
    convert: Callable[[Any], Any]
    if inner.startswith("list[") and inner.endswith("]"):
        item = _SCALARS.get(inner[5:-1], _same)

        def to_list(value: Any) -> Any:
            return [item(v) for v in value] if item is not _same else list(value)

        convert = to_list
    else:
        convert = _SCALARS.get(inner, _same)
    if optional and convert is not _same:
        wrapped = convert
        return lambda value: None if value is None else wrapped(value)
    return convert


def _acceptable(model: type, annotation: str, value: Any) -> bool:
    """Whether a value from outside (settings) already has the type `annotation` names: a builtin
    scalar, a Path, a SecretStr, or one of the values of a Literal alias of the model's module."""
    optional = _OPTIONAL.match(annotation)
    inner = (optional.group(1) or optional.group(2)) if optional else annotation
    if value is None:
        return optional is not None
    kinds: dict[str, tuple[type, ...]] = {"str": (str,), "bool": (bool,), "int": (int,), "float": (int, float),
                                          "Path": (str, Path), "SecretStr": (SecretStr,)}
    allowed = kinds.get(inner)
    if allowed is not None:
        return (bool in allowed or type(value) is not bool) and isinstance(value, allowed)
    import sys

    alias = getattr(sys.modules.get(model.__module__), inner, None)
    if repr(getattr(alias, "__origin__", None)) != "typing.Literal":
        return False
    return type(value) is str and value in alias.__args__  # type: ignore[union-attr]


class BaseModel:
    model_fields: ClassVar[dict[str, FieldInfo]] = {}
    model_config: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields: dict[str, FieldInfo] = {}
        for base in reversed(cls.__mro__[1:]):
            fields.update(getattr(base, "model_fields", {}))
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if name.startswith("_") or str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                continue
            declared = cls.__dict__.get(name, _MISSING)
            info = declared if isinstance(declared, FieldInfo) else FieldInfo(declared)
            info.annotation = str(annotation)
            info.convert = _converter(info.annotation)
            fields[name] = info
            if declared is not _MISSING:
                delattr(cls, name)  # as in pydantic, a default is no class attribute
        cls.model_fields = fields
        if cls.model_config.get("frozen"):
            cls.__hash__ = BaseModel._frozen_hash  # type: ignore[method-assign,assignment]

    def __init__(self, **data: Any) -> None:
        values: dict[str, Any] = {}
        for name, info in type(self).model_fields.items():
            if name in data:
                values[name] = info.convert(data[name])
            elif info.default_factory is not None:
                values[name] = info.default_factory()
            elif info.default is not _MISSING:
                values[name] = info.default
            else:
                raise TypeError(f"{type(self).__name__}: field {name!r} is required")
        object.__setattr__(self, "__dict__", values)

    @classmethod
    def model_validate(cls, data: dict[str, Any]) -> Any:
        """`cls(**data)` when every value already has its field's type; else pydantic validates
        `data` (and raises what it raises) and the model is built from what it made of them."""
        for name, value in data.items():
            info = cls.model_fields.get(name)
            if info is None or not _acceptable(cls, info.annotation, value):
                return cls(**_pydantic_validated(cls, data))
        return cls(**data)

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Any:
        if deep:
            raise NotImplementedError("model_copy(deep=True): the score path never asks for it")
        copied = object.__new__(type(self))
        object.__setattr__(copied, "__dict__", {**self.__dict__, **(update or {})})
        return copied

    def __setattr__(self, name: str, value: Any) -> None:
        if type(self).model_config.get("frozen"):
            raise TypeError(f"{type(self).__name__} is frozen")
        object.__setattr__(self, name, value)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(self.__dict__.get(name) == other.__dict__.get(name) for name in type(self).model_fields)

    __hash__ = None  # type: ignore[assignment]  # as pydantic's: only frozen models hash

    def _frozen_hash(self) -> int:
        return hash(type(self)) + hash(tuple(self.__dict__.get(name) for name in type(self).model_fields))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__.get(name)!r}" for name in type(self).model_fields)
        return f"{type(self).__name__}({shown})"


def _pydantic_validated(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """`data` as pydantic validates it for a pydantic model with the fields of `model` (a run whose
    settings come in an unusual form: a config file's "8" for a number, say, or a wrong value)."""
    import pydantic

    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        default = pydantic.Field(default_factory=info.default_factory) if info.default_factory else info.default
        fields[name] = (info.annotation, ... if info.is_required() else default)
    twin = pydantic.create_model(model.__name__, __config__=pydantic.ConfigDict(arbitrary_types_allowed=True),
                                 __module__=model.__module__, **fields)
    validated = twin.model_validate(data)
    return {name: getattr(validated, name) for name in validated.model_fields_set}
