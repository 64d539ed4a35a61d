"""Checking responses against their instrument: every problem found, each located, none dropped.

Pure: the checks see only data. Where a problem is (file, row, column, JSON pointer) is asked of a
:class:`Locator` that the reader of the input supplies; without one, problems carry a JSON pointer into
the responses as given (``/3/answers/welkom``).
"""

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

import attrs

from ouderbetrokkenheid.errors import CODES, Phrase, Problem, ProblemError, Severity
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.model import Assessment, Item, Response
from ouderbetrokkenheid.scoring.responseset import NO_ANSWER, ResponseSet, _picker

#: The problem codes of responses, with what they mean (the lead merges them into ``errors.CODES``).
RESPONSE_CODES: dict[str, str] = {code: text for code, text in CODES.items() if code.startswith("response-")}

#: The longest respondent id the response schema allows.
MAX_RESPONDENT_ID = 100
#: At most this many problems of one code are listed; the rest are counted in one more problem.
MAX_PER_CODE = 100


class ResponseError(ProblemError):
    """Responses do not fit their assessment, or a responses file is malformed; carries every problem."""


@attrs.frozen(kw_only=True)
class Where:
    """Where a value is in its input."""

    file: str | None = None
    #: 1-based; for CSV the row number counting the header as row 1.
    line: int | None = None
    #: 1-based column index.
    column: int | None = None
    pointer: str | None = None
    #: The column's name as the input spells it (``s1/welkom``), for messages.
    name: str | None = None


class Locator(Protocol):
    """Finds where a row's value is in the input; *row* ``None`` means the input as a whole (the
    header of a CSV file)."""

    def item(self, row: int | None, link_id: str) -> Where:
        """Where the answer of *row* to item *link_id* is."""
        ...

    def field(self, row: int | None, name: str) -> Where:
        """Where the row's ``respondent``, ``group``, ``version`` or ``assessment`` is."""
        ...


@attrs.frozen(kw_only=True)
class PointerLocator:
    """Locates rows as JSON pointers into a list of responses: ``{base}/{row}/answers/{link_id}``."""

    base: str = ""
    file: str | None = None
    #: Maps row numbers to indexes in the input (when rows were left out before checking).
    index: Callable[[int], int] = int

    def item(self, row: int | None, link_id: str) -> Where:
        """Where the answer of *row* to *link_id* is."""
        if row is None:
            return Where(file=self.file, pointer=self.base or "")
        return Where(file=self.file, pointer=f"{self.base}/{self.index(row)}/answers/{link_id}")

    def field(self, row: int | None, name: str) -> Where:
        """Where the row's *name* field is."""
        if row is None:
            return Where(file=self.file, pointer=self.base or "")
        return Where(file=self.file, pointer=f"{self.base}/{self.index(row)}/{name}")


class ProblemList:
    """Problems as they are found, at most :data:`MAX_PER_CODE` per code (the rest are counted)."""

    def __init__(self, *, limit: int = MAX_PER_CODE) -> None:
        self.limit = limit
        self._problems: list[Problem] = []
        self._listed: Counter[str] = Counter()
        self._more: Counter[str] = Counter()
        self._files: dict[str, str | None] = {}

    def __bool__(self) -> bool:
        return bool(self._problems)

    def add(self, code: str, message: str, where: Where, hint: str = "") -> None:
        """Add one error; *where*'s column name is added to the message."""
        if self._listed[code] >= self.limit:
            self._more[code] += 1
            return
        self._listed[code] += 1
        self._files.setdefault(code, where.file)
        if where.name is not None:
            message = Phrase(N_("{message} (column '{column}')"), message=message, column=where.name)
        self._problems.append(
            Problem(
                code=code,
                severity=Severity.ERROR,
                message=message,
                hint=hint,
                file=where.file,
                line=where.line,
                column=where.column,
                pointer=where.pointer,
            )
        )

    def extend(self, problems: Iterable[Problem]) -> None:
        """Add problems found elsewhere (not counted against the limit)."""
        self._problems.extend(problems)

    def merge(self, other: "ProblemList") -> None:
        """Add the problems of *other*, with its count of those not listed."""
        self._problems.extend(other._problems)
        self._more.update(other._more)
        for code, file in other._files.items():
            self._files.setdefault(code, file)

    def problems(self) -> list[Problem]:
        """Every problem listed, in the order of their location, then one per code that had more."""
        listed = sorted(
            self._problems,
            key=lambda p: (p.file or "", p.line or 0, p.column or 0, p.pointer or "", p.code),
        )
        for code, count in self._more.items():
            listed.append(
                Problem(
                    code=code,
                    severity=Severity.ERROR,
                    message=Phrase(N_("more problems of this kind were not listed: {n}"), n=count),
                    hint=N_("Fix the ones listed and read the responses again."),
                    file=self._files.get(code),
                )
            )
        return listed

    def raise_if_any(self) -> None:
        """Raise :class:`ResponseError` with every problem, if there is one."""
        if self._problems:
            raise ResponseError(self.problems())


# -- the checks ----------------------------------------------------------------------------------
def check_responses(
    assessment: Assessment, responses: ResponseSet, locator: Locator | None = None
) -> list[Problem]:
    """Every problem of *responses* against *assessment* (empty when they fit): the assessment and
    version, each row's group and respondent id, and each answer against its item and scale."""
    found, _, _ = inspect(assessment, responses, locator)
    return found.problems()


def inspect(
    assessment: Assessment,
    responses: ResponseSet,
    locator: Locator | None = None,
    *,
    check_groups: bool = True,
) -> tuple[ProblemList, dict[str, list[int]], dict[str, dict[str, Counter[str]]]]:
    """Check *responses* (as :func:`check_responses`) and count them on the way: return the problems,
    the rows of each group and group -> link_id -> option code -> count. Without *check_groups*, the
    rows' groups are not checked (the caller has reported that the input gives none)."""
    locator = locator or PointerLocator()
    found = ProblemList()
    if responses.assessment != assessment.id:
        found.add(*_wrong_assessment(assessment, responses.assessment, locator.field(None, "assessment")))
    if responses.version != assessment.version:
        found.add(*_wrong_version(assessment, responses.version, locator.field(None, "version")))
    rows_by_group = responses.rows_by_group()
    declared = {group.id for group in assessment.groups}
    for group, rows in rows_by_group.items():
        if check_groups and group not in declared:
            for row in rows:
                found.add(*_unknown_group(assessment, group, locator.field(row, "group")))
    _check_respondents(responses.respondents, locator, found)
    items = {item.link_id: item for item in assessment.items()}
    size = len(responses)
    counts: dict[str, dict[str, Counter[str]]] = {group: {} for group in rows_by_group}
    pickers = {group: _picker(rows, size) for group, rows in rows_by_group.items()}
    for link_id, column in responses.answers.items():
        item = items.get(link_id)
        if item is None:
            for row, code in enumerate(column):
                if code != NO_ANSWER:
                    found.add(
                        "response-unknown-item",
                        Phrase(
                            N_("{assessment} has no item '{item}'"), assessment=assessment.id, item=link_id
                        ),
                        locator.item(row, link_id),
                        _unknown_item_hint(assessment, link_id),
                    )
            continue
        _check_column(assessment, item, column, rows_by_group, pickers, counts, locator, found)
    for link_id, item in items.items():
        if link_id in responses.answers or not item.required:
            continue
        asked = [group for group in rows_by_group if group in item.text]
        if asked:
            found.add(
                "response-missing-answer",
                Phrase(
                    N_("required item '{item}' has no answers at all (asked of {groups})"),
                    item=link_id,
                    groups=", ".join(asked),
                ),
                locator.item(None, link_id),
                N_("Add the item's answers (a column named after its link id)."),
            )
    return found, rows_by_group, counts


def _check_column(
    assessment: Assessment,
    item: Item,
    column: Sequence[str],
    rows_by_group: Mapping[str, Sequence[int]],
    pickers: Mapping[str, Callable[[Sequence[str]], Sequence[str]]],
    counts: dict[str, dict[str, Counter[str]]],
    locator: Locator,
    found: ProblemList,
) -> None:
    scale = next(scale for scale in assessment.scales if scale.id == item.scale)
    allowed = {option.code for option in scale.options}
    off = set(column) - allowed - {NO_ANSWER}
    if off:
        codes = ", ".join(option.code for option in scale.options)
        for row, code in enumerate(column):
            if code in off:
                found.add(
                    "response-off-scale",
                    Phrase(
                        N_("answer '{answer}' to item '{item}' is not on scale '{scale}'"),
                        answer=code,
                        item=item.link_id,
                        scale=scale.id,
                    ),
                    locator.item(row, item.link_id),
                    Phrase(N_("Give one of the option codes: {codes}."), codes=codes),
                )
    declared = {group.id for group in assessment.groups}
    for group, rows in rows_by_group.items():
        tally = Counter(pickers[group](column))
        counts[group][item.link_id] = tally
        if group not in declared:
            continue
        answered = len(rows) - tally[NO_ANSWER]
        if group not in item.text and answered:
            asked = ", ".join(item.text) or Phrase(N_("no group"))
            for row in rows:
                if column[row] != NO_ANSWER:
                    found.add(
                        "response-unknown-item",
                        Phrase(
                            N_("item '{item}' is not asked of group '{group}'"),
                            item=item.link_id,
                            group=group,
                        ),
                        locator.item(row, item.link_id),
                        Phrase(
                            N_(
                                "It is asked of: {groups}. Leave it empty for '{group}', or check the row's group."
                            ),
                            groups=asked,
                            group=group,
                        ),
                    )
        elif group in item.text and item.required and tally[NO_ANSWER]:
            na = [option.code for option in scale.options if option.not_applicable]
            hint = (
                Phrase(
                    N_("The item is required: give an answer ({codes} if it does not apply)."),
                    codes=" / ".join(repr(c) for c in na),
                )
                if na
                else N_("The item is required: give an answer.")
            )
            for row in rows:
                if column[row] == NO_ANSWER:
                    found.add(
                        "response-missing-answer",
                        Phrase(N_("required item '{item}' has no answer"), item=item.link_id),
                        locator.item(row, item.link_id),
                        hint,
                    )


def _check_respondents(respondents: Sequence[str], locator: Locator, found: ProblemList) -> None:
    for row, respondent in enumerate(respondents):
        if not respondent or len(respondent) > MAX_RESPONDENT_ID:
            found.add(
                "response-syntax",
                N_("the respondent id is empty")
                if not respondent
                else Phrase(N_("the respondent id is longer than {n} characters"), n=MAX_RESPONDENT_ID),
                locator.field(row, "respondent"),
                N_("Give every response a short respondent id (a code that does not identify the person)."),
            )
    if len(set(respondents)) == len(respondents):
        return
    first: dict[str, int] = {}
    for row, respondent in enumerate(respondents):
        if not respondent:
            continue
        earlier = first.setdefault(respondent, row)
        if earlier != row:
            before = locator.field(earlier, "respondent")
            found.add(
                "response-duplicate-respondent",
                Phrase(
                    N_("respondent '{respondent}' occurs twice; first at {place}"),
                    respondent=respondent,
                    place=describe(before),
                ),
                locator.field(row, "respondent"),
                N_("Each respondent answers once: remove the duplicate or give it its own id."),
            )


def describe(where: Where) -> str:
    """*where* for a message: ``file:line`` or ``file /pointer``."""
    if where.line is not None:
        return ":".join(str(part) for part in (where.file or "<input>", where.line) if part is not None)
    return f"{where.file + ' ' if where.file else ''}{where.pointer or ''}".strip() or "<input>"


def _unknown_item_hint(assessment: Assessment, link_id: str) -> str:
    import difflib

    links = [item.link_id for item in assessment.items()]
    close = difflib.get_close_matches(link_id, links, n=1)
    if close:
        return Phrase(
            N_("Did you mean '{close}'? The items of {assessment} are: {items}."),
            close=close[0],
            assessment=assessment.id,
            items=", ".join(links),
        )
    return Phrase(
        N_("The items of {assessment} are: {items}."), assessment=assessment.id, items=", ".join(links)
    )


def _wrong_assessment(assessment: Assessment, given: str, where: Where) -> tuple[str, str, Where, str]:
    return (
        "response-wrong-assessment",
        Phrase(
            N_("these are responses to '{given}', not to '{assessment}'"),
            given=given,
            assessment=assessment.id,
        )
        if given
        else N_("no assessment given"),
        where,
        Phrase(
            N_("Score them with the assessment they answer, or give '{assessment}'."),
            assessment=assessment.id,
        ),
    )


def _wrong_version(assessment: Assessment, given: str, where: Where) -> tuple[str, str, Where, str]:
    return (
        "response-wrong-version",
        Phrase(
            N_("these are responses to version '{given}' of {assessment}; the loaded version is '{version}'"),
            given=given,
            assessment=assessment.id,
            version=assessment.version,
        )
        if given
        else Phrase(
            N_("no version given (the loaded version of {assessment} is '{version}')"),
            assessment=assessment.id,
            version=assessment.version,
        ),
        where,
        N_(
            "Answers are bound to one version of an assessment: score them with the pack version they were "
            "given for."
        ),
    )


def _unknown_group(assessment: Assessment, group: str, where: Where) -> tuple[str, str, Where, str]:
    groups = ", ".join(g.id for g in assessment.groups)
    return (
        "response-unknown-group",
        Phrase(N_("{assessment} has no respondent group '{group}'"), assessment=assessment.id, group=group)
        if group
        else N_("no respondent group given"),
        where,
        Phrase(N_("The groups of {assessment} are: {groups}."), assessment=assessment.id, groups=groups),
    )


def check_identity(
    assessment: Assessment,
    found: ProblemList,
    *,
    row: int | None,
    locator: Locator,
    given_assessment: str | None = None,
    given_version: str | None = None,
) -> None:
    """Add a problem to *found* when a row names another assessment or version (``None``: not given)."""
    if given_assessment is not None and given_assessment != assessment.id:
        found.add(*_wrong_assessment(assessment, given_assessment, locator.field(row, "assessment")))
    if given_version is not None and given_version != assessment.version:
        found.add(*_wrong_version(assessment, given_version, locator.field(row, "version")))


def unknown_group(assessment: Assessment, group: str, where: Where) -> tuple[str, str, Where, str]:
    """The arguments of :meth:`ProblemList.add` for a row whose group is not declared."""
    return _unknown_group(assessment, group, where)


def collect_responses(
    responses: Iterable[Response], assessment: Assessment, locator: Locator | None = None
) -> tuple[ResponseSet, list[Problem]]:
    """Put *responses* in a :class:`ResponseSet` for *assessment* and check them all."""
    rows = list(responses)
    locator = locator or PointerLocator()
    found = ProblemList()
    for row, response in enumerate(rows):
        check_identity(
            assessment,
            found,
            row=row,
            locator=locator,
            given_assessment=response.assessment,
            given_version=response.version,
        )
    responses_set = ResponseSet.from_responses(
        rows,
        assessment=assessment.id,
        version=assessment.version or "",
        link_ids=[item.link_id for item in assessment.items()],
    )
    checked, _, _ = inspect(assessment, responses_set, locator)
    found.merge(checked)
    return responses_set, found.problems()
