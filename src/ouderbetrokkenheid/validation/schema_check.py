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

from ouderbetrokkenheid.errors import Problem
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
    "schema-additional": "Remove the field, or fix its spelling.",
    "schema-required": "Add the field; see the schema's 'required' list for this kind of record.",
    "schema-type": "Give a value of the expected type (a list needs '- item' lines in YAML).",
    "schema-enum": "Use one of the listed codes (the vocabularies are in `ouderbetrokkenheid schemas`).",
    "schema-pattern": (
        "Ids are 'pack/local-id' in lower case with - . _ ; language tags look like nl, fr, en, ary, nl-BE;"
        " URLs must start with http://, https:// or mailto:."
    ),
    "schema-format": "Write dates as YYYY-MM-DD and URLs as absolute http(s) addresses.",
    "schema": "See the JSON Schema for this kind of record.",
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
    pointer of the value that was validated (a record in its file)."""
    code = _CODES.get(error.validator, "schema")
    pointer = prefix + _pointer(error.absolute_path)
    hint = _HINTS[code]
    message = error.message
    if error.validator == "type" and not is_finite_number(error.instance):
        code = "not-finite"
        message = f"{error.instance} is not a number that can be used here (NaN and infinities are refused)"
        hint = "Give a finite number: YAML's .nan and .inf (and JSON's 1e400) are not allowed."
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(error.schema.get("properties", {}))
        extra = [key for key in error.instance if key not in allowed]
        if extra:
            key = extra[0]
            pointer = prefix + _pointer([*error.absolute_path, key])
            message = f"unknown field {key!r}"
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"Did you mean {close[0]!r}? " if close else ""
            hint += "Allowed fields here: " + ", ".join(allowed) + "."
    elif error.validator == "pattern" and _ends_with_newline(error):
        message = f"{error.instance!r} ends with a line break"
        hint = (
            "Remove the line break at the end (in YAML, a '|' block keeps one: write the value on the"
            " line of its key). Patterns follow JSON Schema's ECMA-262 rules, where '$' matches only at"
            " the very end of the text, so a final newline is not allowed."
        )
    elif error.validator == "pattern" and isinstance(error.schema, dict) and error.schema.get("description"):
        message = f"{error.instance!r} does not have the required form"
        hint = str(error.schema["description"])
    elif error.validator == "format":
        hint = {
            "uri": "Give an absolute address that starts with http://, https:// or mailto:.",
            "date": "Write dates as YYYY-MM-DD (2026-03-01).",
            "date-time": "Write date-times as 2026-03-01T10:15:00Z or with an offset (+01:00).",
        }.get(str(error.validator_value), hint)
    elif error.validator == "enum":
        message = f"{error.instance!r} is not one of: " + ", ".join(map(str, error.validator_value))
        close = difflib.get_close_matches(str(error.instance), [str(v) for v in error.validator_value], n=1)
        if close:
            hint = f"Did you mean {close[0]!r}?"
    return code, pointer, message, hint


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
                        "more problems in this file were not reported",
                        hint="Fix the ones above and validate again.",
                    )
                )
                return problems
            code, pointer, message, hint = _describe(leaf, prefix)
            problems.append(document.problem(code, message, pointer=pointer, hint=hint))
    if not problems:  # the two validators disagree: never let that pass silently
        problems.append(
            document.problem(
                "schema",
                "the compiled validator rejects this file but gives no reason",
                hint="Please report this as a bug of ouderbetrokkenheid, with the file.",
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
