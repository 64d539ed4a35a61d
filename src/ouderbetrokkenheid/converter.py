"""The one cattrs converter: model objects <-> JSON-ready data.

Structuring trusts its input: data is validated against the JSON Schemas *before* it is structured
(cattrs is not a validator, it coerces silently), so scalars pass through untouched. That keeps
loading fast. Unstructuring leaves out fields that equal their default, which gives the canonical,
compact form that the schemas describe.
"""

import datetime
import functools
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from cattrs.preconf.json import JsonConverter, make_converter

from ouderbetrokkenheid.model import LocalizedText

T = TypeVar("T")


def _identity(value: Any, _type: Any) -> Any:
    return value


def _float(value: Any, _type: Any) -> float:
    # JSON integers for float fields (``weight: 1``) become floats, so model values compare and
    # unstructure the same whether they were written as 1 or 1.0.
    return float(value)


def _structure_text(value: Any, _type: Any) -> LocalizedText:
    return LocalizedText(value)


def _structure_str_tuple(value: Any, _type: Any) -> tuple[str, ...]:
    return tuple(value)


@functools.cache
def get_converter() -> JsonConverter:
    """Return the converter (built once)."""
    return build_converter()


def build_converter(*, forbid_extra_keys: bool = False) -> JsonConverter:
    """Build a converter. The library uses one (:func:`get_converter`); tests build a strict twin that
    refuses keys the model does not know, to prove the model holds every field the schemas allow."""
    converter = make_converter(
        omit_if_default=True, detailed_validation=False, forbid_extra_keys=forbid_extra_keys
    )
    for scalar in (str, int, bool):
        converter.register_structure_hook(scalar, _identity)
    converter.register_structure_hook(float, _float)
    converter.register_structure_hook_func(lambda t: t == tuple[str, ...], _structure_str_tuple)
    converter.register_structure_hook(LocalizedText, _structure_text)
    converter.register_unstructure_hook(LocalizedText, LocalizedText.to_dict)
    converter.register_structure_hook(datetime.date, lambda v, _: datetime.date.fromisoformat(v))
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_structure_hook(datetime.datetime, lambda v, _: datetime.datetime.fromisoformat(v))
    converter.register_unstructure_hook(datetime.datetime, datetime.datetime.isoformat)
    # Fast paths for the shapes the model uses most: tuples of records and optional values. cattrs'
    # generic hooks check and dispatch per element; with validated input a direct call is enough.
    converter.register_structure_hook_factory(_is_tuple_of, functools.partial(_tuple_hook, converter))
    converter.register_structure_hook_factory(_is_optional, functools.partial(_optional_hook, converter))
    return converter


def _is_tuple_of(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis and args[0] is not str


def _tuple_hook(converter: JsonConverter, cls: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    item = typing.get_args(cls)[0]
    hook = converter.get_structure_hook(item)
    if item is LocalizedText:
        return lambda value, _: tuple(map(LocalizedText, value))
    return lambda value, _: tuple([hook(element, item) for element in value])


def _is_optional(cls: Any) -> bool:
    if typing.get_origin(cls) not in (types.UnionType, typing.Union):
        return False
    args = [a for a in typing.get_args(cls) if a is not type(None)]
    return len(args) == 1 and len(typing.get_args(cls)) == 2


def _optional_hook(converter: JsonConverter, cls: Any) -> Callable[[Any, Any], Any]:
    (inner,) = (a for a in typing.get_args(cls) if a is not type(None))
    if inner in (str, int, bool):
        return _identity
    if inner is LocalizedText:
        return lambda value, _: None if value is None else LocalizedText(value)
    hook = converter.get_structure_hook(inner)
    return lambda value, _: None if value is None else hook(value, inner)


def structure(data: Any, cls: type[T]) -> T:
    """Build a *cls* object from JSON-ready *data* that has already been validated."""
    return get_converter().structure(data, cls)


def _msgspec_hook(
    cls: type,
    value: Any,
    _text: type[LocalizedText] = LocalizedText,
    _new: Callable[[type], Any] = object.__new__,
    _set: Callable[[object, str, object], None] = object.__setattr__,
) -> Any:
    if cls is _text:
        # The parsed data is dropped once the records are built, so a text can take its dict: what
        # LocalizedText.adopt does, written out (msgspec calls this for every text of every record).
        if type(value) is dict:
            text = _new(_text)
            _set(text, "_values", value)
            return text
        return _text(value)
    raise NotImplementedError(cls)


@functools.cache
def structurer(cls: type[T]) -> Callable[[Any], T]:
    """A function that structures validated data into the record class *cls*, fast (for loops).

    The objects are built by ``msgspec.convert`` (in C, straight from the parsed data into the attrs
    classes) instead of cattrs' generated Python: the same objects (the suite compares both on every
    example record and on generated ones), about half the time. Only for data already validated
    against the schemas: msgspec checks types but not the schemas' patterns, enums and lengths. The
    texts take the dicts of *data* as they are (no copy): pass data that is not used afterwards.
    """
    import msgspec

    convert = functools.partial(msgspec.convert, type=cls, dec_hook=_msgspec_hook)
    defaults = absent_defaults(cls)
    if not defaults:
        return convert

    def build(data: Any) -> T:
        # The fields a record leaves out, given their defaults first: msgspec asks every field it did
        # not set ``hasattr``, and on a slotted class that raises and formats an AttributeError for
        # each absent one (about 7 of a resource's 20 optional fields); one dict merge in C is cheaper.
        return convert({**defaults, **data})

    return build


def absent_defaults(cls: type) -> dict[str, Any]:
    """The optional fields of the attrs class *cls* whose default is ``None`` or an empty tuple, with
    that default as parsed JSON gives it to :func:`structurer` (``None``, ``()``): building from data
    that holds them gives the object that leaving them out gives."""
    defaults: dict[str, Any] = {}
    for field in attrs.fields(cls):
        default = field.default
        if isinstance(default, attrs.Factory) and not default.takes_self:
            default = default.factory()
        if default is None or (type(default) is tuple and not default):
            defaults[field.name] = default
    return defaults


def unstructure(obj: Any) -> Any:
    """Turn a model object into JSON-ready data (defaults left out)."""
    return get_converter().unstructure(obj)
