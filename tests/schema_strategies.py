"""Hypothesis strategies generated from our JSON Schemas (the subset of 2020-12 they use), for the
schema -> model direction of the agreement tests. Written here because hypothesis-jsonschema is
unmaintained and breaks with current hypothesis."""

import datetime
import string
from typing import Any

from hypothesis import strategies as st

from ouderbetrokkenheid import schema as ob_schema

_RESOLVER = None


def _resolve(ref: str, base: str) -> tuple[dict[str, Any], str]:
    global _RESOLVER  # noqa: PLW0603
    if _RESOLVER is None:
        _RESOLVER = ob_schema.registry().resolver()
    uri = ref if ref.startswith("urn:") else base + ref
    resolved = _RESOLVER.lookup(uri)
    resource_base = uri.split("#", 1)[0]
    return resolved.contents, resource_base


_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12
)
_URL = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}.example/{path}",
    st.sampled_from(["http", "https"]),
    st.from_regex(r"\A[a-z][a-z0-9]{0,6}\Z"),
    st.text(alphabet=string.ascii_lowercase + "/-", max_size=8),
)


def from_schema(schema: dict[str, Any], base: str) -> st.SearchStrategy[Any]:
    if "$ref" in schema:
        target, target_base = _resolve(schema["$ref"], base)
        return from_schema(target, target_base)
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        merged_base = base
        for part in schema["allOf"]:
            if "$ref" in part:
                part, merged_base = _resolve(part["$ref"], base)  # noqa: PLW2901
            merged.update(part)
        return from_schema(merged, merged_base)
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema and "type" not in schema:
        return st.one_of([from_schema(branch, base) for branch in schema["anyOf"]])
    kind = schema.get("type")
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "uri":
            return _URL
        if fmt == "date":
            return st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1)).map(str)
        if fmt == "date-time":
            return st.datetimes(
                datetime.datetime(2000, 1, 1), datetime.datetime(2100, 1, 1), timezones=st.just(datetime.UTC)
            ).map(datetime.datetime.isoformat)
        if "pattern" in schema:
            strategy = st.from_regex(schema["pattern"], fullmatch=True)
            if "maxLength" in schema:
                strategy = strategy.filter(lambda s: len(s) <= schema["maxLength"])
            return strategy
        return _TEXT
    if kind == "integer":
        return st.integers(schema.get("minimum", -1000), schema.get("maximum", 1000))
    if kind == "number":
        low = schema.get("minimum", schema.get("exclusiveMinimum", -1000))
        return (
            st.floats(
                low, schema.get("maximum", 1000), allow_nan=False, exclude_min="exclusiveMinimum" in schema
            )
            .map(lambda x: round(x, 3))
            .filter(lambda x: x > low if "exclusiveMinimum" in schema else True)
        )
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        items = from_schema(schema.get("items", {}), base)
        unique = schema.get("uniqueItems", False)
        return st.lists(
            items,
            min_size=schema.get("minItems", 0),
            max_size=max(schema.get("minItems", 0), 2),
            unique_by=(repr) if unique else None,
        )
    if kind == "object":
        properties = schema.get("properties", {})
        if properties:
            required = [k for k in schema.get("required", []) if k != "$schema"]
            optional = [k for k in properties if k not in required and k != "$schema"]
            return st.fixed_dictionaries(
                {k: from_schema(properties[k], base) for k in required},
                optional={k: from_schema(properties[k], base) for k in optional},
            )
        keys = from_schema(schema.get("propertyNames", {"type": "string"}), base)
        values = from_schema(schema.get("additionalProperties", {"type": "string"}), base)
        return st.dictionaries(keys, values, min_size=schema.get("minProperties", 0), max_size=3)
    return st.nothing()


def instances(kind: str) -> st.SearchStrategy[Any]:
    """Data for *kind* built from its schema (filter with the real validator before use)."""
    return from_schema(ob_schema.load_schema(kind), ob_schema.schema_id(kind))
