"""CSV files of responses: reading the text robustly, and turning a table into a checked
:class:`~ouderbetrokkenheid.scoring.ResponseSet`.

Both plain CSV files and KoboToolbox/ODK exports go through here; they differ only in what their
columns mean (a :class:`Layout`). One row is one respondent. Rows are numbered as the file's records,
the header being row 1, which is the file's line number unless a cell holds a line break.
"""

import csv
import datetime
import io
from collections.abc import Sequence
from pathlib import Path

import attrs

from ouderbetrokkenheid.errors import Phrase, Problem, Severity
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.model import Assessment, is_language_tag
from ouderbetrokkenheid.scoring.checks import (
    ProblemList,
    ResponseError,
    Where,
    check_identity,
    inspect,
)
from ouderbetrokkenheid.scoring.responseset import ResponseSet

#: Files larger than this are refused (bytes): a million answers take about 3 MiB of CSV, so the limit
#: allows some ten million. Reading CSV takes about 23 times its size in memory and 0.5 s per MiB, so
#: at most some 0.7 GiB and 15 s (``python benchmarks/bench_readers.py`` prints the figures).
MAX_FILE_BYTES = 32 * 1024 * 1024
#: The metadata columns a layout can give a role to.
FIELDS = ("respondent", "group", "version", "assessment", "submitted", "language")
_DELIMITERS = (",", ";", "\t")


@attrs.frozen(kw_only=True)
class Layout:
    """What the columns of a table mean: header index -> a metadata field or an item's link id.
    Columns in neither map are ignored (they were recognised as metadata of the survey tool)."""

    fields: dict[str, int] = attrs.field(factory=dict)
    items: dict[str, int] = attrs.field(factory=dict)
    #: Naive date-times in the ``submitted`` column are in UTC (a KoboToolbox export says so).
    naive_is_utc: bool = False


@attrs.frozen(kw_only=True)
class Table:
    """A parsed CSV file: its header and its rows with the row number of each."""

    file: str
    header: tuple[str, ...]
    rows: list[list[str]] = attrs.field(repr=False)
    lines: list[int] = attrs.field(repr=False)


@attrs.frozen(kw_only=True)
class TableLocator:
    """Locates values of a table by row number and column."""

    file: str
    header: tuple[str, ...]
    layout: Layout
    lines: Sequence[int] = attrs.field(repr=False)

    def _where(self, row: int | None, index: int | None) -> Where:
        line = 1 if row is None else self.lines[row]
        if index is None:
            return Where(file=self.file, line=line)
        return Where(file=self.file, line=line, column=index + 1, name=self.header[index])

    def item(self, row: int | None, link_id: str) -> Where:
        """Where the answer of *row* to *link_id* is."""
        return self._where(row, self.layout.items.get(link_id))

    def field(self, row: int | None, name: str) -> Where:
        """Where the row's *name* field is."""
        return self._where(row, self.layout.fields.get(name))


def syntax(file: str, message: str, hint: str, line: int | None = None, column: int | None = None) -> Problem:
    """A ``response-syntax`` error."""
    return Problem(
        code="response-syntax",
        severity=Severity.ERROR,
        message=message,
        hint=hint,
        file=file,
        line=line,
        column=column,
    )


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The text of *path*: UTF-8 (a byte order mark dropped), else Windows-1252 (what Excel saves as
    "CSV" in Belgium); :class:`ResponseError` when it is neither or cannot be read: missing, not a
    regular file (a FIFO, a device, a dangling link), over *max_bytes*."""
    from ouderbetrokkenheid.loading.files import InputFileError, read_bytes

    name = str(path)
    try:
        raw = read_bytes(path, max_bytes, what="responses file")
    except InputFileError as exc:
        raise ResponseError(exc.problems) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:  # Excel's "CSV" in Belgium (and the rest of Western Europe) is Windows-1252
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            pass
        good = raw[: exc.start].decode("utf-8", "replace")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        raise ResponseError(
            [
                syntax(
                    name,
                    Phrase(N_("byte {byte} is not valid UTF-8"), byte=f"0x{raw[exc.start]:02x}"),
                    N_(
                        "Save the file as UTF-8 (in a spreadsheet: 'CSV UTF-8'; in KoboToolbox the exports are UTF-8)."
                    ),
                    line,
                    column,
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def sniff_delimiter(text: str) -> str:
    """``,``, ``;`` or a tab: the one the header line uses most (outside quotes); ``,`` on a tie."""
    first = text.split("\n", 1)[0]
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in first:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_table(text: str, file: str) -> Table:
    """Parse CSV *text* (delimiter sniffed); :class:`ResponseError` when it is not CSV."""
    if not text.strip():
        raise ResponseError(
            [syntax(file, N_("the file is empty"), N_("A responses file starts with a header row."), 1)]
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text), strict=True)
    try:
        header = tuple(cell.strip() for cell in next(reader))
        rows: list[list[str]] = []
        lines: list[int] = []
        line = 1
        for row in reader:
            line += 1
            if row and any(row):
                rows.append(row)
                lines.append(line)
    except csv.Error as exc:
        raise ResponseError(
            [
                syntax(
                    file,
                    Phrase(N_("malformed CSV: {detail}"), detail=str(exc)),
                    N_(
                        "Check the quotes around this row's cells (a cell with a quote inside must double it)."
                    ),
                    reader.line_num or 1,
                )
            ]
        ) from None
    return Table(file=file, header=header, rows=rows, lines=lines)


def build(
    table: Table,
    layout: Layout,
    assessment: Assessment,
    found: ProblemList,
    *,
    group: str | None = None,
) -> tuple[ResponseSet, TableLocator]:
    """The table's responses, checked against *assessment*, and how to locate their values; problems
    go to *found* (the caller raises them). Cells are stripped of spaces; option codes match
    case-insensitively (``NA`` is ``na``)."""
    locator = TableLocator(file=table.file, header=table.header, layout=layout, lines=table.lines)
    width = len(table.header)
    used = set(layout.fields.values()) | set(layout.items.values())
    for index, row in enumerate(table.rows):
        if len(row) < width:
            row.extend([""] * (width - len(row)))
        elif len(row) > width:
            extra = row[width:]
            if any(cell.strip() for cell in extra):
                found.add(
                    "response-syntax",
                    Phrase(N_("the row has {n} cells, the header {width}"), n=len(row), width=width),
                    Where(file=table.file, line=table.lines[index], column=width + 1),
                    N_("Every row has one cell per header column; check for a stray delimiter."),
                )
            del row[width:]
    columns: list[tuple[str, ...]] = (
        [tuple(column) for column in zip(*table.rows, strict=True)] if table.rows else [()] * width
    )
    for index, name in enumerate(table.header):
        if not name and index not in used and any(cell.strip() for cell in columns[index]):
            first = next(row for row, cell in enumerate(columns[index]) if cell.strip())
            found.add(
                "response-syntax",
                Phrase(N_("column {n} has no name but holds values"), n=index + 1),
                Where(file=table.file, line=table.lines[first], column=index + 1),
                N_("Give the column a header (a link id), or delete it."),
            )
    size = len(table.rows)

    def column(field: str) -> tuple[str, ...] | None:
        index = layout.fields.get(field)
        return None if index is None else _stripped(columns[index])

    respondents = column("respondent")
    if respondents is None:
        found.add(
            "response-syntax",
            N_("there is no respondent column"),
            Where(file=table.file, line=1),
            N_("Add a column with an id per respondent (a code, not a name)."),
        )
        respondents = tuple(f"row {line}" for line in table.lines)
    groups = _groups(column("group"), size, locator, found, group)
    for field in ("assessment", "version"):
        values = column(field)
        if values is None:
            continue
        expected = assessment.id if field == "assessment" else assessment.version
        if set(values) <= {expected}:
            continue
        for row, value in enumerate(values):
            if value != expected:
                check_identity(assessment, found, row=row, locator=locator, **{f"given_{field}": value})
    answers = {}
    for link_id, index in layout.items.items():
        answers[link_id] = _codes(_stripped(columns[index]), assessment, link_id)
    set_ = ResponseSet(
        assessment=assessment.id,
        version=assessment.version or "",
        respondents=respondents,
        groups=groups,
        answers=answers,
        submitted=_submitted(column("submitted"), locator, found, naive_is_utc=layout.naive_is_utc),
        languages=_languages(column("language"), locator, found),
    )
    given_groups = group is not None or "group" in layout.fields
    checked, _, _ = inspect(assessment, set_, locator, check_groups=given_groups)
    found.merge(checked)
    return set_, locator


def _stripped(values: tuple[str, ...]) -> tuple[str, ...]:
    if any(value != value.strip() for value in set(values)):
        return tuple(value.strip() for value in values)
    return values


def _codes(values: tuple[str, ...], assessment: Assessment, link_id: str) -> tuple[str, ...]:
    """*values* with codes written in another case mapped to the scale's codes."""
    item = next((item for item in assessment.items() if item.link_id == link_id), None)
    if item is None:
        return values
    scale = next(scale for scale in assessment.scales if scale.id == item.scale)
    codes = {option.code for option in scale.options}
    variants = {value: value.lower() for value in set(values) - codes if value.lower() in codes}
    if not variants:
        return values
    return tuple(variants.get(value, value) for value in values)


def _groups(
    values: tuple[str, ...] | None,
    size: int,
    locator: TableLocator,
    found: ProblemList,
    given: str | None,
) -> tuple[str, ...]:
    if values is None:
        if given is None:
            found.add(
                "response-unknown-group",
                N_("the file has no group column and no group was given"),
                locator.field(None, "group"),
                N_("Add a 'group' column, or give the group of every row (--group)."),
            )
            return ("",) * size
        return (given,) * size
    if given is None:
        return values
    out = []
    for row, value in enumerate(values):
        if value and value != given:
            found.add(
                "response-unknown-group",
                Phrase(
                    N_("the row's group is '{group}' but the group '{given}' was given"),
                    group=value,
                    given=given,
                ),
                locator.field(row, "group"),
                N_("Leave out the group argument to take each row's own group, or fix the row."),
            )
        out.append(value or given)
    return tuple(out)


def _submitted(
    values: tuple[str, ...] | None, locator: TableLocator, found: ProblemList, *, naive_is_utc: bool
) -> tuple[datetime.datetime | None, ...]:
    if values is None or not any(values):
        return ()
    out: list[datetime.datetime | None] = []
    for row, value in enumerate(values):
        if not value:
            out.append(None)
            continue
        try:
            moment = datetime.datetime.fromisoformat(value.replace(" ", "T", 1))
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC) if naive_is_utc else None
        if moment is None:
            found.add(
                "response-syntax",
                Phrase(N_("'{value}' is not a date and time with a time zone"), value=value),
                locator.field(row, "submitted"),
                N_("Write it as 2026-03-01T10:15:00+01:00 (or ...Z for UTC)."),
            )
        out.append(moment)
    return tuple(out)


def _languages(
    values: tuple[str, ...] | None, locator: TableLocator, found: ProblemList
) -> tuple[str | None, ...]:
    if values is None or not any(values):
        return ()
    bad = {value for value in set(values) if value and not is_language_tag(value)}
    for row, value in enumerate(values):
        if value in bad:
            found.add(
                "response-syntax",
                Phrase(N_("'{value}' is not a language tag"), value=value),
                locator.field(row, "language"),
                N_("Use a BCP 47 tag: nl, fr, en, ar, nl-BE ..."),
            )
    return tuple(value or None for value in values)
