"""The one cattrs converter: model objects <-> JSON-ready data.

Structuring trusts its input: data is validated against the JSON Schemas *before* it is structured
(cattrs is not a validator, it coerces silently), so scalars pass through untouched. That keeps
loading fast. Unstructuring leaves out fields that equal their default, which gives the canonical,
compact form that the schemas describe.
"""

import datetime
import functools
from typing import Any, TypeVar

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
    return converter


def structure(data: Any, cls: type[T]) -> T:
    """Build a *cls* object from JSON-ready *data* that has already been validated."""
    return get_converter().structure(data, cls)


def unstructure(obj: Any) -> Any:
    """Turn a model object into JSON-ready data (defaults left out)."""
    return get_converter().unstructure(obj)
