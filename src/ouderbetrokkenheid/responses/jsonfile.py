"""JSON files of responses: a list of Response objects (see ``response.schema.json``), or
``{"responses": [...]}``. Problems are located by JSON pointer, and by line and column."""

from pathlib import Path
from typing import Any

import attrs

from ouderbetrokkenheid.errors import Phrase, Problem, ProblemError, Severity
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.loading.documents import Document, read_document
from ouderbetrokkenheid.model import Assessment, Response
from ouderbetrokkenheid.responses.table import MAX_FILE_BYTES
from ouderbetrokkenheid.scoring.checks import (
    PointerLocator,
    ProblemList,
    ResponseError,
    Where,
    check_identity,
    inspect,
)
from ouderbetrokkenheid.scoring.responseset import ResponseSet

#: Lines and columns are found for problems only while that stays cheap (it rescans the text).
_LOCATE_BUDGET = 50_000_000
#: Fields whose schema errors are reported by the checks against the assessment instead.
_CHECKED_FIELDS = frozenset({"assessment", "version", "group", "answers"})


def read_json(
    path: Path, assessment: Assessment, *, group: str | None = None
) -> tuple[ResponseSet, PointerLocator]:
    """Read and check a JSON responses file; return the responses and how to locate their values.
    Raise :class:`ResponseError` with every problem when there is any."""
    try:
        document = read_document(path, max_bytes=MAX_FILE_BYTES) if path.suffix.lower() == ".json" else None
        if document is None:
            document = _read_as_json(path)
    except ProblemError as exc:
        raise ResponseError([_as_response_problem(p) for p in exc.problems]) from None
    data = document.data
    base = ""
    if isinstance(data, dict) and isinstance(data.get("responses"), list) and set(data) == {"responses"}:
        data, base = data["responses"], "/responses"
    if not isinstance(data, list):
        raise ResponseError(
            [
                _located(
                    document,
                    "",
                    N_('a responses file holds a list of responses, or {"responses": [...]}'),
                    N_("See response.schema.json for one response."),
                )
            ]
        )
    found = ProblemList()
    responses: list[Response] = []
    index: list[int] = []
    from ouderbetrokkenheid.schema import fast_validator

    valid = fast_validator("response").is_valid
    for position, entry in enumerate(data):
        at = f"{base}/{position}"
        if not isinstance(entry, dict):
            found.add(
                "response-syntax",
                N_("a response is an object"),
                Where(file=document.path, pointer=at),
                N_("See response.schema.json."),
            )
            continue
        if not valid(entry) and not _schema_problems(document, entry, at, found):
            continue
        responses.append(_response(entry))
        index.append(position)
    locator = PointerLocator(base=base, file=document.path, index=index.__getitem__)
    for row, response in enumerate(responses):
        check_identity(
            assessment,
            found,
            row=row,
            locator=locator,
            given_assessment=response.assessment,
            given_version=response.version,
        )
        if group is not None and response.group != group:
            found.add(
                "response-unknown-group",
                Phrase(
                    N_("the response's group is '{group}' but the group '{given}' was given"),
                    group=response.group,
                    given=group,
                ),
                locator.field(row, "group"),
                N_("Leave out the group argument to take each response's own group, or fix the response."),
            )
    responses_set = ResponseSet.from_responses(
        responses,
        assessment=assessment.id,
        version=assessment.version or "",
        link_ids=[item.link_id for item in assessment.items()],
    )
    checked, _, _ = inspect(assessment, responses_set, locator)
    found.merge(checked)
    if found:
        raise ResponseError(_with_lines(document, found.problems()))
    return responses_set, locator


def _read_as_json(path: Path) -> Document:
    """A JSON document from a file whose name does not end in ``.json``."""
    from ouderbetrokkenheid.loading.documents import parse_text
    from ouderbetrokkenheid.responses.table import read_text

    text = read_text(path)
    return Document(path=str(path), source=text, data=parse_text(text, "json", str(path)), format="json")


def _as_response_problem(problem: Problem) -> Problem:
    if problem.code in {"path-not-found", "file-too-large", "not-a-file", "os-error"}:
        return problem
    return attrs.evolve(problem, code="response-syntax")


def _located(document: Document, pointer: str, message: str, hint: str) -> Problem:
    problem = Problem(
        code="response-syntax",
        severity=Severity.ERROR,
        message=message,
        hint=hint,
        file=document.path,
        pointer=pointer,
    )
    return _with_lines(document, [problem])[0]


def _schema_problems(document: Document, entry: dict[str, Any], at: str, found: ProblemList) -> bool:
    """Report what the schema finds wrong with *entry*; return whether the checks against the
    assessment can still read it (the required fields are there, with the right types)."""
    from ouderbetrokkenheid.schema import validator
    from ouderbetrokkenheid.validation.schema_check import _describe

    readable = (
        all(isinstance(entry.get(key), str) for key in ("assessment", "version", "group", "respondent"))
        and isinstance(entry.get("answers"), dict)
        and all(isinstance(value, str) for value in entry["answers"].values())
    )
    for error in validator("response").iter_errors(entry):
        path = list(error.absolute_path)
        if readable and path and path[0] in _CHECKED_FIELDS:
            continue  # the checks against the assessment say it better
        _, pointer, message, hint = _describe(error)
        found.add("response-syntax", message, Where(file=document.path, pointer=at + pointer), hint)
    return readable


def _response(entry: dict[str, Any]) -> Response:
    from ouderbetrokkenheid.converter import structure

    try:
        return structure(entry, Response)
    except (ValueError, TypeError):
        # a submitted time the schema rejected: keep the rest (its problem is already reported)
        return structure({k: v for k, v in entry.items() if k != "submitted"}, Response)


def _with_lines(document: Document, problems: list[Problem]) -> list[Problem]:
    """*problems* with the line and column of their pointer (while that is cheap)."""
    budget = _LOCATE_BUDGET
    out = []
    for problem in problems:
        located = problem
        if problem.pointer is not None and problem.line is None and budget > 0:
            budget -= len(document.text)
            line, column = document.locate(problem.pointer)
            located = attrs.evolve(problem, line=line, column=column)
        out.append(located)
    return sorted(out, key=lambda p: (p.line is None, p.line or 0, p.column or 0))
