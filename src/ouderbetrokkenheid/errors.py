"""Problems and the exceptions that carry them.

A :class:`Problem` is data: a stable code, a severity, where it is (file, line, column, JSON pointer),
what is wrong and what to do. Only the CLI turns problems into text for a terminal.

What is wrong and what to do are English, as :class:`Phrase` (or a plain msgid marked ``N_``): the
English text itself, which also remembers its msgid and fields, so that the presentation layer shows it
in the user's language (:func:`in_words`) with the same fields filled in afterwards. The core never
looks in a catalogue.
"""

import enum
from collections.abc import Iterable
from typing import Any, Protocol

import attrs


class Phrase(str):
    """English text made from a msgid of the catalogue (marked ``N_``) and its ``{name}`` fields: it *is*
    the English text (a ``str``), and it keeps the msgid and fields to be said again in another language
    by :func:`in_words`. A field that is itself a :class:`Phrase` is translated too; any other field
    (a path, an id, a value the user gave) is shown as it is.

    >>> from ouderbetrokkenheid import Phrase
    >>> text = Phrase("no {kind} with id '{id}'", kind=Phrase("record"), id="x/y")
    >>> text, text.msgid, sorted(text.fields)
    ("no record with id 'x/y'", "no {kind} with id '{id}'", ['id', 'kind'])
    """

    msgid: str
    fields: dict[str, object]

    def __new__(cls, msgid: str, /, **fields: object) -> "Phrase":
        text = super().__new__(cls, msgid.format(**fields) if fields else msgid)
        text.msgid = msgid
        text.fields = fields
        return text

    def __reduce__(self) -> tuple[Any, ...]:  # pickled (the library cache) with its msgid and fields
        return (_phrase, (self.msgid, self.fields))


def _phrase(msgid: str, fields: dict[str, object]) -> Phrase:
    return Phrase(msgid, **fields)


class Said(Protocol):
    """What :func:`in_words` needs of the interface's words (:class:`ouderbetrokkenheid.i18n.Words`)."""

    def gettext(self, message: str) -> str: ...


def in_words(text: str, words: Said) -> str:
    """*text* (a :class:`Phrase`, or a plain English msgid) in the language of *words*, its fields filled
    in afterwards; text that is no msgid of the catalogue is shown as it is.

    >>> from ouderbetrokkenheid.errors import Phrase, in_words
    >>> class Upper:
    ...     def gettext(self, message):
    ...         return message.replace("more problems", "MORE PROBLEMS")
    >>> in_words(Phrase("{n} more problems", n=3), Upper())
    '3 MORE PROBLEMS'
    """
    if not text:
        return text
    if isinstance(text, Phrase):
        fields = {
            key: in_words(value, words) if isinstance(value, Phrase) else value
            for key, value in text.fields.items()
        }
        template = words.gettext(text.msgid)
        try:
            return template.format(**fields) if fields else template
        except (KeyError, IndexError, ValueError):  # a translation with broken fields: the English
            return str(text)
    return words.gettext(text)


class Severity(enum.Enum):
    """How bad a problem is: errors make a pack invalid, warnings do not (unless ``--strict``)."""

    ERROR = "error"
    WARNING = "warning"


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input, located as precisely as it can be."""

    #: A stable slug (``duplicate-id``, ``schema-enum``); see :data:`CODES`.
    code: str
    severity: Severity
    message: str
    hint: str = ""
    file: str | None = None
    #: 1-based line and column, when known.
    line: int | None = None
    column: int | None = None
    #: RFC 6901 JSON pointer into the file's data (``/resources/3/title``).
    pointer: str | None = None

    @property
    def is_error(self) -> bool:
        """Whether this problem makes its input invalid."""
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping (``severity`` as its string value; absent fields left out)."""
        out: dict[str, object] = {"code": self.code, "severity": self.severity.value, "message": self.message}
        for key in ("hint", "file", "line", "column", "pointer"):
            value = getattr(self, key)
            if value not in (None, ""):
                out[key] = value
        return out

    def in_words(self, words: Said) -> tuple[str, str]:
        """The message and the hint in the language of *words* (see :func:`in_words`)."""
        return in_words(self.message, words), in_words(self.hint, words)

    def location(self, words: Said | None = None) -> str:
        """``file:line:column`` (as much as is known), for messages; *words*: the file's description in
        their language, when it is one (``folder PATH``, ``given directly``), not a path."""
        file = self.file or "<input>"
        parts = [in_words(file, words) if words is not None and isinstance(file, Phrase) else file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@attrs.frozen(kw_only=True)
class Report:
    """All problems found in one run, in the order found."""

    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of severity error."""
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems of severity warning."""
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def ok(self) -> bool:
        """``True`` when there is no error (warnings allowed)."""
        return not self.errors

    def __add__(self, other: "Report") -> "Report":
        return Report(problems=self.problems + other.problems)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping with counts and every problem."""
        return {
            "ok": self.ok,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [p.to_dict() for p in self.problems],
        }


class OuderbetrokkenheidError(Exception):
    """Base class of every exception this library raises on purpose. Its message may be a
    :class:`Phrase`, which :meth:`in_words` says in the user's language."""

    def in_words(self, words: Said) -> str:
        """The message in the language of *words* (see :func:`in_words`)."""
        first = self.args[0] if len(self.args) == 1 else None
        return in_words(first, words) if isinstance(first, str) else str(self)


class ProblemError(OuderbetrokkenheidError):
    """An error that carries one or more :class:`Problem` records."""

    def __init__(self, problems: Iterable[Problem], message: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        first = self.problems[0] if self.problems else None
        if message is None:
            message = f"{first.location()}: {first.message}" if first is not None else "invalid input"
            if len(self.problems) > 1:
                message += f" (and {len(self.problems) - 1} more problem(s))"
        super().__init__(message)

    @property
    def report(self) -> Report:
        """The problems as a :class:`Report`."""
        return Report(problems=self.problems)


class PackError(ProblemError):
    """A content pack could not be loaded because it has errors."""


class LibraryError(ProblemError):
    """Packs could not be combined (the same id in two packs)."""


class UnknownIdError(OuderbetrokkenheidError, KeyError):
    """No record, concept or exporter has the given id."""

    def __init__(self, kind: str, key: str, suggestions: Iterable[str] = ()) -> None:
        self.kind = kind
        self.key = key
        self.suggestions = tuple(suggestions)
        message = f"no {kind} with id {key!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownValueError(OuderbetrokkenheidError, ValueError):
    """A value the user gave (an id, a filter value, a respondent group, an exporter, a pack) that names
    nothing: with the close values (*suggestions*, matched over codes and labels in every language) and
    what exists (*choices*). The command line shows it in the user's language and exits 2.

    *code* is stable (``unknown-id``, ``unknown-concept``, ``unknown-value``, ``unknown-group``,
    ``unknown-exporter``, ``unknown-pack``, ``not-an-assessment``, ``not-a-framework``); *option* is
    the option or argument that took the value (``--kind``, ``ID``).
    """

    def __init__(
        self,
        *,
        code: str,
        option: str,
        value: str,
        suggestions: Iterable[str] = (),
        choices: Iterable[str] = (),
    ) -> None:
        self.code = code
        self.option = option
        self.value = value
        self.suggestions = tuple(suggestions)
        self.choices = tuple(choices)
        message = f"{option}: {value!r} is unknown ({code})"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)


#: Every problem code, with what it means. Codes are stable: tools may match on them.
CODES: dict[str, str] = {
    "path-not-found": "The given path does not exist.",
    "manifest-missing": "A pack folder has no pack.yaml (or pack.json).",
    "file-too-large": "A file is larger than the size limit.",
    "not-a-file": "A path is not a regular file: a folder, a named pipe (FIFO), a socket, a device, or a link that is dangling or loops.",
    "link-outside": "A file in a pack folder is a link that leads out of the pack; it is not read.",
    "os-error": "The operating system refused to read or write a path (permission, read-only place, disk full, file too large).",
    "key-not-string": "A YAML mapping has a key that is not a string (a number, null, a list or a mapping).",
    "not-finite": "A number is NaN or infinite (YAML's .nan, .inf); the schemas allow finite numbers only.",
    "number-too-large": "A YAML integer is beyond 64 bits.",
    "not-utf8": "A file is not valid UTF-8 text.",
    "syntax": "A file is not well-formed YAML or JSON.",
    "alias-limit": "A YAML file expands aliases beyond the limit (an alias bomb).",
    "too-deep": "A file nests deeper than the limit.",
    "not-a-mapping": "A file's top level is not a mapping.",
    "schema-required": "A required field is missing.",
    "schema-additional": "A field is not allowed (unknown key, often a typo).",
    "schema-type": "A value has the wrong type.",
    "schema-enum": "A value is not in the controlled vocabulary.",
    "schema-pattern": "A value does not have the required form (an id, a language tag, a URL).",
    "schema-format": "A value is not a valid URI, date or date-time.",
    "schema": "A value breaks another rule of the JSON Schema.",
    "duplicate-id": "Two records (or concepts, items, options) have the same id.",
    "foreign-namespace": "An id does not start with its pack's (or framework's) namespace.",
    "unknown-reference": "A reference points at a record, concept, scale, item or group that does not exist.",
    "unknown-source": "A provenance names a source the manifest does not declare.",
    "undeclared-dependency": "A reference points into a pack the manifest does not list in depends.",
    "unresolved-external-reference": "A reference into another pack could not be checked (that pack is not loaded).",
    "broader-cycle": "A concept is (indirectly) broader than itself.",
    "concept-depth": "A chain of broader concepts is deeper than the limit (MAX_CONCEPT_DEPTH).",
    "missing-version": "An assessment with items has no version.",
    "band-coverage": "Score bands do not cover 0-100 exactly once.",
    "scale-scores": "An answer option that is not 'not applicable' has no score.",
    "missing-translation": "A required label lacks one of the pack's declared languages.",
    "content-status": "A record's content does not match its declared content_status.",
    "duplicate-pack": "Two packs have the same name.",
    "result-mismatch": "A result contradicts its assessment or the library: a band that does not fit the score, a group below the minimum size that is shown, a group or dimension twice, a recommended record that does not exist.",
    "response-unknown-item": "An answer is given to an item the assessment does not have (or does not ask of the respondent's group).",
    "response-off-scale": "An answer is not one of the option codes of the item's scale.",
    "response-missing-answer": "A required item has no answer.",
    "response-wrong-version": "Responses are for another version of the assessment than the one loaded.",
    "response-wrong-assessment": "Responses are for another assessment.",
    "response-unknown-group": "A respondent group is not one of the assessment's groups (or none is given).",
    "response-duplicate-respondent": "The same respondent id occurs twice.",
    "response-syntax": "A responses file is malformed (not UTF-8, not CSV or JSON of the expected shape, a bad cell).",
    "xlsform-skipped": "An assessment (or group) has nothing to put in a form and was left out of the XLSForm export.",
    "xlsform-partial": "A partial assessment was exported; its forms hold only the known items.",
    "xlsform-no-items": "The assessment asked for has no items, so there is no form to make.",
    "xlsform-not-an-assessment": "The id asked for is not an assessment.",
    "xlsform-name-clash": "A section or item name clashes with a field of the form (start, end, meta, ob_*) or another name.",
    "sheet-not-a-workbook": "A file given as a workbook is not one (.xlsx, .ods or a folder of .csv files).",
    "sheet-too-large": "A workbook is beyond the bounds (file size, rows, columns, sheets).",
    "sheet-unsafe": "A workbook holds something a workbook does not (a zip bomb, XML entity declarations).",
    "sheet-no-pack-sheet": "A workbook has no sheet with the pack's own data.",
    "sheet-unknown-sheet": "A sheet of a workbook is not a sheet of the template (it is not read).",
    "sheet-unknown-header": "A column of a sheet is not a column of the template (it is not read).",
    "sheet-duplicate-header": "A column appears twice on a sheet.",
    "sheet-formula-error": "A formula in a cell gives an error (#DIV/0!, #REF! ...).",
    "sheet-date-cell": "A cell became a date where text belongs (1-2 typed into a cell not formatted as text).",
    "sheet-not-a-number": "A cell holds no number, date or yes/no where one belongs.",
    "sheet-not-in-list": "A cell holds a value that is not in its drop-down list.",
    "sheet-merged": "Cells are merged; the value counts for every cell of the range.",
    "sheet-hidden-row": "A hidden row is read like any other.",
    "sheet-no-parent": "A row belongs to a row (by id) that is not on the sheet above it.",
    "sheet-missing-key": "A row does not say which row above it belongs to.",
    "sheet-cell": "A value read from a workbook is not right.",
    "sheet-destination-exists": "The folder to import into exists and is not empty.",
    "archive-unsafe": "A pack archive is refused: absolute or ../ paths, links, other files than a pack's, too large.",
    "pack-clash": "A pack to install has the name or ids of a pack that is installed already.",
    "pack-not-installed": "No pack of that name was installed from a file.",
    "plugin-import": "A plugin could not be imported.",
    "plugin-hook": "A plugin raised an exception inside a hook.",
    "plugin-result": "A plugin returned something that is not a pack or an exporter.",
    "duplicate-exporter": "Two plugins provide an exporter with the same name.",
}
