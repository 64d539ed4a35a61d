"""The published JSON Schemas (Draft 2020-12): reading them, one offline registry, and validators.

Two validators are built from the same schemas:

* :func:`validator` is python-jsonschema with format checking. It explains every problem and is
  used to report errors.
* :func:`fast_validator` is jsonschema-rs (compiled). It only answers "valid or not" and is the fast
  path for data that is valid. The example corpus proves both give the same verdicts.

Nothing is ever fetched over the network: the registry holds our schemas and the 2020-12 meta-schemas,
and it has no ``retrieve`` function.
"""

import functools
import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema
    import jsonschema_rs
    import referencing

#: The major version of the schemas; part of every ``$id``.
SCHEMA_VERSION = 1
#: ``$id`` prefix of every schema.
ID_PREFIX = f"urn:ouderbetrokkenheid:schema:v{SCHEMA_VERSION}:"

#: The top-level kinds, each with a schema ``<kind>.schema.json``.
KINDS: tuple[str, ...] = (
    "defs",
    "pack",
    "records",
    "resource",
    "finding",
    "framework",
    "mapping",
    "assessment",
    "response",
    "result",
)


def schema_id(kind: str) -> str:
    """Return the ``$id`` of the schema for *kind*."""
    return ID_PREFIX + kind


def schema_filename(kind: str) -> str:
    """Return the file name of the schema for *kind*."""
    return f"{kind}.schema.json"


@functools.cache
def schema_text(kind: str) -> str:
    """Return the schema for *kind* exactly as shipped (the bytes of the published file)."""
    if kind not in KINDS:
        raise KeyError(f"unknown schema kind {kind!r}; known: {', '.join(KINDS)}")
    return resources.files("ouderbetrokkenheid.schemas").joinpath(schema_filename(kind)).read_text("utf-8")


def load_schema(kind: str) -> Mapping[str, Any]:
    """Return the schema for *kind* as a fresh ``dict``."""
    loaded: dict[str, Any] = json.loads(schema_text(kind))
    return loaded


@functools.cache
def registry() -> "referencing.Registry[Any]":
    """The offline registry with every schema of ours (and, through jsonschema, the meta-schemas)."""
    from jsonschema_specifications import REGISTRY as SPECIFICATIONS
    from referencing import Resource
    from referencing.jsonschema import DRAFT202012

    # Without "$schema" (the dialect is given here): python-jsonschema picks the validator class of a
    # referenced schema by its "$schema", which would drop our class (ECMA patterns, finite numbers)
    # in every schema reached through "$ref".
    ours = [
        (schema_id(kind), Resource(contents=_without_dialect(kind), specification=DRAFT202012))
        for kind in KINDS
    ]
    return SPECIFICATIONS.with_resources(ours).crawl()


def _without_dialect(kind: str) -> dict[str, Any]:
    return {key: value for key, value in load_schema(kind).items() if key != "$schema"}


def ecma_to_python(pattern: str) -> str:
    """Translate an ECMA-262 ``pattern`` (what JSON Schema specifies) to Python's ``re`` dialect.

    The one difference our schemas meet: ``$`` ends the input in ECMA-262 but also matches before a
    final newline in Python, so ``"nl\\n"`` would pass ``^[a-z]+$``. Unescaped ``$`` outside a
    character class becomes ``\\Z``.
    """
    out: list[str] = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            out.append("\\Z")
            continue
        out.append(char)
    return "".join(out)


@functools.cache
def _compiled(pattern: str) -> "re.Pattern[str]":
    return re.compile(ecma_to_python(pattern))


def _pattern(validator: Any, pattern: str, instance: Any, schema: Mapping[str, Any]) -> Any:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not _compiled(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def is_finite_number(value: Any) -> bool:
    """Whether *value* is not a float NaN or infinity (JSON has neither; YAML has ``.nan`` and ``.inf``)."""
    import math

    return not isinstance(value, float) or math.isfinite(value)


@functools.cache
def _validator_class() -> Any:
    """python-jsonschema's 2020-12 validator with ECMA-262 patterns, and without NaN or infinities
    among numbers, as jsonschema-rs and ajv (whose numbers are JSON's)."""
    from jsonschema import Draft202012Validator, validators

    base = Draft202012Validator.TYPE_CHECKER

    def number(checker: Any, instance: Any) -> bool:
        return bool(base.is_type(instance, "number")) and is_finite_number(instance)

    def integer(checker: Any, instance: Any) -> bool:
        return bool(base.is_type(instance, "integer")) and is_finite_number(instance)

    checker = base.redefine_many({"number": number, "integer": integer})
    return validators.extend(Draft202012Validator, {"pattern": _pattern}, type_checker=checker)


@functools.cache
def validator(kind: str) -> "jsonschema.protocols.Validator":
    """A python-jsonschema validator for *kind* that checks formats (``uri``, ``date``, ``date-time``)
    and reads ``pattern`` as ECMA-262 does (see :func:`ecma_to_python`)."""
    from jsonschema import Draft202012Validator

    cls = _validator_class()
    validator: jsonschema.protocols.Validator = cls(
        _without_dialect(kind),
        registry=registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    return validator


@functools.cache
def fast_validator(kind: str) -> "jsonschema_rs.Validator":
    """A compiled jsonschema-rs validator for *kind*, with the same schemas and format checks."""
    import jsonschema_rs

    rs_registry = jsonschema_rs.Registry([(schema_id(k), load_schema(k)) for k in KINDS])
    return jsonschema_rs.validator_for(
        load_schema(kind),
        registry=rs_registry,
        validate_formats=True,
        ignore_unknown_formats=False,
    )
