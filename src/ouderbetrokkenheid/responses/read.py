"""Reading responses from files: CSV, JSON, or a KoboToolbox/ODK export; each checked against its
assessment, every problem reported at once, nothing dropped silently."""

from collections.abc import Iterable, Sequence
from os import PathLike
from pathlib import Path

from ouderbetrokkenheid.errors import Phrase
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.model import Assessment
from ouderbetrokkenheid.responses.jsonfile import read_json
from ouderbetrokkenheid.responses.layouts import csv_layout, kobo_layout, looks_like_kobo
from ouderbetrokkenheid.responses.table import build, parse_table, read_text
from ouderbetrokkenheid.scoring.checks import Locator, ProblemList, ResponseError, describe
from ouderbetrokkenheid.scoring.responseset import ResponseSet

#: Input formats; ``odk`` is another name for ``kobo`` (the two export alike).
FORMATS = ("csv", "json", "kobo", "odk")


def detect_format(path: Path, text: str | None = None) -> str:
    """``json`` for a ``.json`` file (or text starting with ``[`` or ``{``), ``kobo`` for a CSV file
    whose header has KoboToolbox/ODK columns, else ``csv``."""
    if path.suffix.lower() in {".json", ".jsonl"}:
        return "json"
    if text is None:
        text = read_text(path)
    if text.lstrip()[:1] in {"[", "{"}:
        return "json"
    header = parse_table(text.split("\n", 1)[0] + "\n", str(path)).header if text.strip() else ()
    return "kobo" if looks_like_kobo(header) else "csv"


def read_responses(
    path: str | PathLike[str],
    assessment: Assessment,
    *,
    group: str | None = None,
    format: str | None = None,
) -> ResponseSet:
    """Read the responses in *path* and check them against *assessment*.

    *format* is ``csv``, ``json``, ``kobo`` (or ``odk``), or ``None`` to tell from the file. *group* is
    the respondent group of rows that do not name one (a row that names another is an error).
    Raise :class:`~ouderbetrokkenheid.scoring.ResponseError` carrying every problem (unknown item,
    answer off the scale, missing required answer, wrong version or assessment, unknown group,
    duplicate respondent, malformed file), each with its file, row and column (or JSON pointer).
    """
    return _read(Path(path), assessment, group=group, format=format)[0]


def _read(
    file: Path, assessment: Assessment, *, group: str | None, format: str | None
) -> tuple[ResponseSet, Locator]:
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown responses format {format!r}; known: {', '.join(FORMATS)}")
    if assessment.version is None or not assessment.items():
        raise ValueError(f"{assessment.id} has no items: there is nothing to answer")
    if format == "json" or (format is None and file.suffix.lower() == ".json"):
        return read_json(file, assessment, group=group)
    text = read_text(file)
    chosen = format or detect_format(file, text)
    if chosen == "json":
        return read_json(file, assessment, group=group)
    table = parse_table(text, str(file))
    found = ProblemList()
    make_layout = kobo_layout if chosen in {"kobo", "odk"} else csv_layout
    layout = make_layout(table.header, assessment, table.file, found)
    responses, locator = build(table, layout, assessment, found, group=group)
    found.raise_if_any()
    return responses, locator


def read_many(
    paths: Iterable[str | PathLike[str]],
    assessment: Assessment,
    *,
    group: str | None = None,
    format: str | None = None,
) -> ResponseSet:
    """Read several files (as :func:`read_responses`) into one set. Every file is read even when an
    earlier one has problems, and a respondent id in two files is a duplicate too."""
    sets: list[ResponseSet] = []
    locators: list[Locator] = []
    problems = []
    for path in paths:
        try:
            responses, locator = _read(Path(path), assessment, group=group, format=format)
            sets.append(responses)
            locators.append(locator)
        except ResponseError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ResponseError(problems)
    if not sets:
        raise ValueError("no responses file given")
    _check_across(sets, locators)
    return ResponseSet.concat(sets)


def _check_across(sets: Sequence[ResponseSet], locators: Sequence[Locator]) -> None:
    """A respondent in two files (duplicates within one file are reported by its own checks)."""
    seen: dict[str, tuple[int, int]] = {}
    found = ProblemList()
    for index, responses in enumerate(sets):
        for row, respondent in enumerate(responses.respondents):
            first = seen.setdefault(respondent, (index, row))
            if first[0] != index:
                before = locators[first[0]].field(first[1], "respondent")
                found.add(
                    "response-duplicate-respondent",
                    Phrase(
                        N_("respondent '{respondent}' is in another file too: first at {place}"),
                        respondent=respondent,
                        place=describe(before),
                    ),
                    locators[index].field(row, "respondent"),
                    N_("Each respondent answers once: remove one of the two, or give it its own id."),
                )
    found.raise_if_any()
