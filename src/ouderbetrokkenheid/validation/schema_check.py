"""Schema validation of one document: the compiled validator decides, python-jsonschema explains.

python-jsonschema is ~100 times slower than the compiled validator, so it explains as little as
possible: in a records file, only the records that the compiled validator rejects one by one (and the
file without its records, for a problem at the top level). A pack of 100,000 records with a few bad
ones is then checked in about the time of a valid one.
"""

import difflib
import re
from collections.abc import Iterable
from typing import Any

from ouderbetrokkenheid.errors import Phrase, Problem
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.loading.documents import MAX_DEPTH, Document, check_depth
from ouderbetrokkenheid.schema import fast_validator, is_finite_number, validator

#: At most this many schema problems are reported per file (the rest are counted in one more problem).
MAX_PROBLEMS_PER_FILE = 100

_CODES = {
    "required": "schema-required",
    "additionalProperties": "schema-additional",
    "unevaluatedProperties": "schema-additional",
    "type": "schema-type",
    "enum": "schema-enum",
    "const": "schema-enum",
    "pattern": "schema-pattern",
    "format": "schema-format",
}

_HINTS = {
    "schema-additional": N_("Remove the field, or fix its spelling."),
    "schema-required": N_("Add the field; see the schema's 'required' list for this kind of record."),
    "schema-type": N_("Give a value of the expected type (a list needs '- item' lines in YAML)."),
    "schema-enum": N_("Use one of the listed codes (the vocabularies are in `ouderbetrokkenheid schemas`)."),
    "schema-pattern": N_(
        "Ids are 'pack/local-id' in lower case with - . _ ; language tags look like nl, fr, en, ary, nl-BE; "
        "URLs must start with http://, https:// or mailto:."
    ),
    "schema-format": N_("Write dates as YYYY-MM-DD and URLs as absolute http(s) addresses."),
    "schema": N_("See the JSON Schema for this kind of record."),
}


def _pointer(path: Iterable[Any]) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def _leaves(error: Any) -> list[Any]:
    """For anyOf/oneOf errors, the errors of the branch that came closest; otherwise the error."""
    if error.context:
        from jsonschema.exceptions import best_match

        return _leaves(best_match(error.context))
    return [error]


#: The record lists of a records file and the schema of one record of each.
RECORD_SCHEMAS = {
    "resources": "resource",
    "findings": "finding",
    "frameworks": "framework",
    "mappings": "mapping",
    "assessments": "assessment",
}


def _ends_with_newline(error: Any) -> bool:
    """Whether a ``pattern`` error is only a line break at the end: Python's ``$`` would accept it, but
    JSON Schema patterns are ECMA-262, whose ``$`` matches only at the very end of the text."""
    value = error.instance
    return (
        isinstance(value, str)
        and value.endswith("\n")
        and re.search(str(error.validator_value), value) is not None
    )


def _describe(error: Any, prefix: str = "") -> tuple[str, str, str, str]:
    """Return ``(code, pointer, message, hint)`` for one python-jsonschema error; *prefix* is the
    pointer of the value that was validated (a record in its file). The message and hint are ours
    (:class:`Phrase`, said in the user's language where they are shown), not python-jsonschema's
    English."""
    code = _CODES.get(error.validator, "schema")
    pointer = prefix + _pointer(error.absolute_path)
    hint: str = _HINTS[code]
    message = _message(error)
    if error.validator == "type" and not is_finite_number(error.instance):
        code = "not-finite"
        message = Phrase(
            N_("{value} is not a number that can be used here (NaN and infinities are refused)"),
            value=str(error.instance),
        )
        hint = N_("Give a finite number: YAML's .nan and .inf (and JSON's 1e400) are not allowed.")
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(error.schema.get("properties", {}))
        extra = [key for key in error.instance if key not in allowed]
        if extra:
            key = extra[0]
            pointer = prefix + _pointer([*error.absolute_path, key])
            message = Phrase(N_("unknown field '{field}'"), field=key)
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = (
                Phrase(
                    N_("Did you mean '{close}'? Allowed fields here: {fields}."),
                    close=close[0],
                    fields=", ".join(allowed),
                )
                if close
                else Phrase(N_("Allowed fields here: {fields}."), fields=", ".join(allowed))
            )
    elif error.validator == "pattern" and _ends_with_newline(error):
        message = Phrase(N_("{value} ends with a line break"), value=_shown(error.instance))
        hint = N_(
            "Remove the line break at the end (in YAML, a '|' block keeps one: write the value on the line of "
            "its key). Patterns follow JSON Schema's ECMA-262 rules, where '$' matches only at the very end "
            "of the text, so a final newline is not allowed."
        )
    elif error.validator == "pattern" and isinstance(error.schema, dict) and error.schema.get("description"):
        hint = str(error.schema["description"])  # one of PATTERN_DESCRIPTIONS: said in the user's language
    elif error.validator == "format":
        hint = {
            "uri": N_("Give an absolute address that starts with http://, https:// or mailto:."),
            "date": N_("Write dates as YYYY-MM-DD (2026-03-01)."),
            "date-time": N_("Write date-times as 2026-03-01T10:15:00Z or with an offset (+01:00)."),
        }.get(str(error.validator_value), hint)
    elif error.validator == "enum":
        close = difflib.get_close_matches(str(error.instance), [str(v) for v in error.validator_value], n=1)
        if close:
            hint = Phrase(N_("Did you mean '{close}'?"), close=close[0])
    return code, pointer, message, hint


#: The descriptions of the schemas' patterns, shown as the hint of a ``schema-pattern`` problem; marked
#: here for the catalogue (tests/test_i18n.py checks that they are the schemas' descriptions).
PATTERN_DESCRIPTIONS = (
    N_("A BCP 47 tag of the form ll[-Scrp][-RR]: nl, fr, en, ar, ary, tr, zh-Hant, nl-BE."),
    N_("A calendar date, YYYY-MM-DD."),
    N_("A pack name: the namespace of every id in the pack."),
    N_(
        "An RFC 3339 date-time with an upper-case T, seconds 00-59 (no leap second) and a zone (Z or ±hh:mm): "
        "2026-03-01T10:15:00Z or +01:00."
    ),
    N_("An absolute http, https or mailto URL. No other scheme is ever accepted."),
    N_("An id inside one record (an item's link id, a scale, a group): a valid XLSForm name."),
    N_("Semantic version."),
    N_("pack/framework#concept."),
    N_("pack/local-id: lower case letters, digits and single . _ - between them."),
)

#: JSON types, as the messages name them.
_TYPES = {
    "string": N_("a text"),
    "array": N_("a list"),
    "object": N_("a mapping (field: value)"),
    "number": N_("a number"),
    "integer": N_("a whole number"),
    "boolean": N_("true or false"),
    "null": N_("empty (null)"),
}


def _shown(value: Any) -> str:
    """A value for a message: short, as Python writes it (strings quoted)."""
    text = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    return text if len(text) <= 60 else text[:57] + "..."


#: The message of each size rule of JSON Schema, with the limit as ``{n}``.
_LIMITS = {
    "minLength": N_("the text is shorter than {n} characters"),
    "maxLength": N_("the text is longer than {n} characters"),
    "minItems": N_("the list has fewer than {n} items"),
    "maxItems": N_("the list has more than {n} items"),
    "minProperties": N_("the mapping has fewer than {n} fields"),
    "maxProperties": N_("the mapping has more than {n} fields"),
}


def _message(error: Any) -> str:
    """What is wrong, in words of the catalogue, for one python-jsonschema error."""
    rule, expected, value = error.validator, error.validator_value, error.instance
    if rule == "required" and isinstance(value, dict):
        missing = [field for field in expected if field not in value]
        return Phrase(
            N_("the required field '{field}' is missing"), field=missing[0] if missing else expected
        )
    if rule in ("additionalProperties", "unevaluatedProperties"):
        found = re.findall(r"'([^']*)'", error.message)
        return Phrase(N_("a field that is not allowed here: {fields}"), fields=", ".join(found) or "?")
    if rule == "type":
        types = [expected] if isinstance(expected, str) else list(expected)
        kinds = [Phrase(_TYPES[t]) if t in _TYPES else str(t) for t in types]
        shown = (
            kinds[0]
            if len(kinds) == 1
            else Phrase(N_("{first} or {second}"), first=kinds[0], second=kinds[1])
        )
        return Phrase(N_("{value} is not {type}"), value=_shown(value), type=shown)
    if rule == "enum":
        return Phrase(
            N_("{value} is not one of: {codes}"), value=_shown(value), codes=", ".join(map(str, expected))
        )
    if rule == "const":
        return Phrase(N_("{value} must be {expected}"), value=_shown(value), expected=_shown(expected))
    if rule == "pattern":
        return Phrase(N_("{value} does not have the required form"), value=_shown(value))
    if rule == "format":
        return Phrase(N_("{value} is not a valid {format}"), value=_shown(value), format=expected)
    if rule in _LIMITS:
        return Phrase(_LIMITS[rule], n=expected)
    if rule == "uniqueItems":
        return N_("the list holds the same value twice")
    bounds = {
        "minimum": N_("{value} is below the minimum {n}"),
        "maximum": N_("{value} is above the maximum {n}"),
        "exclusiveMinimum": N_("{value} must be above {n}"),
        "exclusiveMaximum": N_("{value} must be below {n}"),
        "multipleOf": N_("{value} is not a multiple of {n}"),
    }
    if rule in bounds:
        return Phrase(bounds[rule], value=_shown(value), n=expected)
    if rule == "oneOf":
        return N_("the value fits more than one of the allowed forms")
    if rule in ("anyOf", "not"):
        return N_("the value has none of the allowed forms")
    if rule in ("dependentRequired", "dependencies") and isinstance(value, dict):
        return Phrase(
            N_("a field is missing that another field needs: {detail}"),
            detail=", ".join(
                f"{key} -> {', '.join(need)}"
                for key, need in expected.items()
                if key in value and isinstance(need, list)
            ),
        )
    return Phrase(N_("the value breaks the rule '{rule}' of the JSON Schema"), rule=rule)


def schema_problems(document: Document, kind: str) -> list[Problem]:
    """Validate *document* against the schema for *kind*; return its problems (empty when valid)."""
    if fast_validator(kind).is_valid(document.data):
        return []
    return _problems(document, _errors(document.data, kind, document.path))


def records_problems(
    document: Document, top: dict[str, Any], bad: list[tuple[str, str, Any]]
) -> list[Problem]:
    """Explain a records file read record by record: *top* is the file with empty record lists, *bad*
    holds ``(pointer, schema kind, data)`` of every record the compiled validator rejected."""
    check_depth(top, document.path)
    errors = [("", error) for error in _sorted_errors(top, "records")]
    for pointer, kind, data in bad:
        check_depth(data, document.path, MAX_DEPTH - 2)  # a record is two levels down in its file
        errors.extend((pointer, error) for error in _sorted_errors(data, kind))
    return _problems(document, errors)


def _problems(document: Document, errors: list[tuple[str, Any]]) -> list[Problem]:
    problems: list[Problem] = []
    for prefix, error in errors:
        for leaf in _leaves(error):
            if len(problems) == MAX_PROBLEMS_PER_FILE:
                problems.append(
                    document.problem(
                        "schema",
                        N_("more problems in this file were not reported"),
                        hint=N_("Fix the ones above and validate again."),
                    )
                )
                return problems
            code, pointer, message, hint = _describe(leaf, prefix)
            problems.append(document.problem(code, message, pointer=pointer, hint=hint))
    if not problems:  # the two validators disagree: never let that pass silently
        problems.append(
            document.problem(
                "schema",
                N_("the compiled validator rejects this file but gives no reason"),
                hint=N_("Please report this as a bug of ouderbetrokkenheid, with the file."),
            )
        )
    return problems


def _sorted_errors(data: Any, kind: str) -> list[Any]:
    return sorted(validator(kind).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))


def _errors(data: Any, kind: str, path: str) -> list[tuple[str, Any]]:
    """``(prefix, error)`` for every python-jsonschema error of *data*. For a records file, the
    compiled validator first picks the records that are wrong; only those are explained, each against
    its own schema (the records schema only refers to them), then the file with empty record lists.
    What is explained is first checked for depth (python-jsonschema recurses)."""
    if kind != "records" or not isinstance(data, dict):
        check_depth(data, path)
        return [("", error) for error in _sorted_errors(data, kind)]
    shell = {
        key: [] if key in RECORD_SCHEMAS and isinstance(value, list) else value for key, value in data.items()
    }
    check_depth(shell, path)
    found = [("", error) for error in _sorted_errors(shell, kind)]
    for key, record_kind in RECORD_SCHEMAS.items():
        records = data.get(key)
        if not isinstance(records, list):
            continue
        fast = fast_validator(record_kind)
        for index, record in enumerate(records):
            if not fast.is_valid(record):
                check_depth(record, path, MAX_DEPTH - 2)  # the record is two levels down in its file
                found.extend((f"/{key}/{index}", error) for error in _sorted_errors(record, record_kind))
    return found
