"""Reading one YAML or JSON file into plain data, safely and within bounds.

Every failure becomes a :class:`~ouderbetrokkenheid.errors.Problem` with a code and a location,
raised as :class:`DocumentError`: a missing file, a file over the size limit, bytes that are not
UTF-8, malformed YAML or JSON, a YAML alias bomb, nesting that is too deep, a duplicate key.

YAML is parsed by yaml-rs as YAML 1.2: ``no`` stays the string ``"no"`` and dates stay strings, as
in JSON, so a YAML file and its JSON twin give the same data.
"""

import re
from pathlib import Path
from typing import Any

import attrs

from ouderbetrokkenheid.errors import Phrase, Problem, ProblemError, Severity
from ouderbetrokkenheid.i18n import N_

#: Files larger than this are refused (bytes). Override per call with ``max_bytes``.
MAX_FILE_BYTES = 32 * 1024 * 1024
#: Deeper nesting than this is refused; valid records nest far less.
MAX_DEPTH = 64
#: How many YAML events aliases may replay in one file (an alias bomb replays billions).
MAX_ALIAS_REPLAYS = 100_000

YAML_SUFFIXES = frozenset({".yaml", ".yml"})
JSON_SUFFIXES = frozenset({".json"})
DATA_SUFFIXES = YAML_SUFFIXES | JSON_SUFFIXES


@attrs.frozen(kw_only=True)
class Document:
    """A parsed file: its path, its source (kept for locating problems) and its data.

    JSON files keep their bytes (orjson parses bytes, and a str of a large file can take four times
    the memory); the text is decoded only when a problem has to be located. A document made with
    :meth:`reread` keeps nothing of its file: the bytes are read again when a problem must be located
    (a large pack then does not hold every file's bytes while it loads).
    """

    path: str
    source: str | bytes = attrs.field(repr=False)
    data: Any = attrs.field(repr=False, eq=False)
    format: str
    #: For a document made by :meth:`reread`: the size in bytes of the file as it was read.
    size: int | None = attrs.field(default=None, repr=False)
    _decoded: dict[str, str] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    _cache: dict[str, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    @classmethod
    def reread(cls, path: str, source: bytes, fmt: str = "json") -> "Document":
        """A document of the file *path* (read as *source*) that does not keep the bytes; they are read
        again on first use, and used only when the file still has the same size."""
        return cls(path=path, source=b"", data=None, format=fmt, size=len(source))

    def _source(self) -> str | bytes | None:
        """The source, read again for a :meth:`reread` document (``None`` when that fails, or the file
        has changed size since)."""
        if self.size is None:
            return self.source
        if "source" not in self._cache:
            from ouderbetrokkenheid.loading.files import InputFileError, read_bytes

            try:
                raw = read_bytes(self.path, max(self.size + 3, 1))
            except InputFileError:
                raw = None
            if raw is not None and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            self._cache["source"] = raw if raw is not None and len(raw) == self.size else None
        source: bytes | None = self._cache["source"]
        return source

    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        """Return the 1-based ``(line, column)`` of the value at *pointer*, or ``(None, None)``.

        In a JSON file, a value inside an item of a top-level list (a record) is found from where that
        item starts: the file is indexed once (one pass), then only the record is read, so locating
        many problems in a large file costs about one reading of it, not one per problem.
        """
        from ouderbetrokkenheid.loading.positions import locate, locate_in_span, record_spans, split_pointer

        source = self._source()
        if source is None:
            return None, None
        parts = split_pointer(pointer)
        if self.format == "json" and isinstance(source, bytes) and len(parts) >= 2 and parts[1].isdigit():
            if "index" not in self._cache:
                self._cache["index"] = record_spans(source)
            spans = self._cache["index"]
            items = None if spans is None else spans.get(parts[0])
            if items is not None and int(parts[1]) < len(items):
                return locate_in_span(source, items[int(parts[1])], parts[2:])
        return locate(self.text, self.format, pointer)

    @property
    def text(self) -> str:
        """The file's text (decoded on first use for JSON files; empty when a :meth:`reread` document's
        file can no longer be read as it was)."""
        source = self._source()
        if source is None:
            return ""
        if isinstance(source, str):
            return source
        cached = self._decoded.get("text")
        if cached is None:
            cached = self._decoded["text"] = source.decode("utf-8")
        return cached

    def without_data(self) -> "Document":
        """This document without its parsed data (records keep it for locating, not the data)."""
        return attrs.evolve(self, data=None)

    def problem(
        self,
        code: str,
        message: str,
        *,
        pointer: str = "",
        hint: str = "",
        severity: Severity = Severity.ERROR,
    ) -> Problem:
        """A :class:`Problem` located at *pointer* in this document."""
        line, column = self.locate(pointer)
        return Problem(
            code=code,
            severity=severity,
            message=message,
            hint=hint,
            file=self.path,
            line=line,
            column=column,
            pointer=pointer,
        )


class DocumentError(ProblemError):
    """A file could not be read or parsed."""


def _fail(
    path: str, code: str, message: str, hint: str, line: int | None = None, column: int | None = None
) -> DocumentError:
    problem = Problem(
        code=code,
        severity=Severity.ERROR,
        message=message,
        hint=hint,
        file=path,
        line=line,
        column=column,
        pointer="" if line is None else None,
    )
    return DocumentError([problem])


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


_YAML_POSITION = re.compile(r"line (\d+), column (\d+)")


def parse_text(text: str | bytes, fmt: str, path: str = "<input>") -> Any:
    """Parse *text* as ``"yaml"`` or ``"json"``; raise :class:`DocumentError` when it is malformed."""
    if fmt == "json":
        import orjson

        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            if "depth limit" in exc.msg or "recursion" in exc.msg:
                return _raise_too_deep(path)
            line, column = exc.lineno, exc.colno
            raise _fail(
                path,
                "syntax",
                Phrase(N_("malformed JSON: {detail}"), detail=exc.msg),
                N_("Fix the JSON at this position (a missing comma, quote or bracket is the usual cause)."),
                line,
                column,
            ) from None
    import yaml_rs

    try:
        limits = yaml_rs.AliasLimits(max_total_replayed_events=MAX_ALIAS_REPLAYS)
        data = yaml_rs.loads(text, parse_datetime=False, alias_limits=limits)
    except TypeError:  # yaml-rs cannot make a '? [a, b]' or '? {...}' key holding a list a dict key
        found = re.search(r"^([ \t]*)\?[ \t]", text, re.MULTILINE)
        line = text.count("\n", 0, found.start()) + 1 if found else None
        raise _fail(
            path,
            "key-not-string",
            Phrase(
                N_("a key of the mapping at {pointer} is not a string but {key}"),
                pointer="/" if found and not found[1] else "?",
                key="? ...",
            ),
            N_(
                "Keys are field names or ids: quote the key ('1': ..., 'null': ...), and do not use '? [a, b]' or '? {...}' keys."
            ),
            line,
            len(found[1]) + 1 if found else None,
        ) from None
    except yaml_rs.YAMLDecodeError as exc:
        message = str(exc)
        if "alias" in message and "limit" in message:
            raise _fail(
                path,
                "alias-limit",
                N_("YAML aliases expand beyond the limit (an alias bomb?)"),
                N_("Write the data out instead of nesting aliases; packs rarely need aliases at all."),
            ) from None
        found = _YAML_POSITION.search(message)
        line, column = (
            (int(found[1]), int(found[2]) + 1) if found else (None, None)
        )  # yaml-rs columns are 0-based
        if found is None and "duplicate" in message:
            from ouderbetrokkenheid.loading.positions import find_duplicate_key

            line, column = find_duplicate_key(text)
        summary = message.strip().splitlines()[-1] if message.strip() else "malformed YAML"
        if "recursion" in message or "depth" in message:
            return _raise_too_deep(path, line, column)
        raise _fail(
            path,
            "syntax",
            Phrase(N_("malformed YAML: {detail}"), detail=summary),
            N_(
                "Fix the YAML at this position: check the indentation, a missing colon, or an unclosed quote or bracket."
            ),
            line,
            column,
        ) from None
    _check_yaml_data(data, text, path)
    return data


#: YAML integers are refused from this magnitude on (JSON readers give a float, or refuse them).
MAX_YAML_INTEGER = 2**63


def _check_yaml_data(data: Any, text: str | bytes, path: str) -> None:
    """Raise ``key-not-string`` for the first mapping key that is not a string (YAML allows ``1:``,
    ``null:``, ``? [a, b]``; JSON and the schemas do not), and ``number-too-large`` for an integer
    beyond 64 bits. Iterative; stops at :data:`MAX_DEPTH`.

    Most files are clean: orjson then writes the data as indented JSON without complaint (in C; it
    refuses a key that is not a string, and with ``OPT_STRICT_INTEGER`` any integer beyond 53 bits), and
    the nesting is read from the indentation: a value nested deeper than :data:`MAX_DEPTH` starts a line
    with at least ``2 * MAX_DEPTH`` spaces (line breaks inside strings are escaped). Otherwise the walk
    below finds what is wrong, and where.
    """
    import orjson

    try:
        dumped = orjson.dumps(data, option=orjson.OPT_STRICT_INTEGER | orjson.OPT_INDENT_2)
    except (TypeError, orjson.JSONEncodeError):
        pass
    else:
        if _TOO_DEEP in dumped:
            _raise_too_deep(path)
        return
    stack: list[tuple[Any, str, int]] = [(data, "", 1)]
    while stack:
        value, pointer, depth = stack.pop()
        if depth > MAX_DEPTH:
            _raise_too_deep(path)
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= MAX_YAML_INTEGER:
            from ouderbetrokkenheid.loading.positions import locate

            source = text if isinstance(text, str) else text.decode("utf-8", "replace")
            line, column = locate(source, "yaml", pointer)
            raise _fail(
                path,
                "number-too-large",
                Phrase(
                    N_("the integer at {pointer} has {n} digits, beyond 64 bits"),
                    pointer=pointer or "/",
                    n=len(str(abs(value))),
                ),
                N_("Give a smaller number; no field of a pack or a result needs one this large."),
                line,
                column,
            )
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    from ouderbetrokkenheid.loading.positions import locate

                    source = text if isinstance(text, str) else text.decode("utf-8", "replace")
                    line, column = locate(source, "yaml", pointer)
                    shown = type(key).__name__ if isinstance(key, tuple | frozenset) else repr(key)
                    raise _fail(
                        path,
                        "key-not-string",
                        Phrase(
                            N_("a key of the mapping at {pointer} is not a string but {key}"),
                            pointer=pointer or "/",
                            key=shown[:40],
                        ),
                        N_(
                            "Keys are field names or ids: quote the key ('1': ..., 'null': ...), and do not use '? [a, b]' or '? {...}' keys."
                        ),
                        line,
                        column,
                    )
                escaped = key.replace("~", "~0").replace("/", "~1")
                stack.append((item, f"{pointer}/{escaped}", depth + 1))
        elif isinstance(value, list):
            stack.extend((item, f"{pointer}/{index}", depth + 1) for index, item in enumerate(value))


#: In JSON indented by two spaces, a line that starts with this is nested deeper than MAX_DEPTH.
_TOO_DEEP = b"\n" + b" " * (2 * MAX_DEPTH)


def _raise_too_deep(path: str, line: int | None = None, column: int | None = None) -> Any:
    raise _fail(
        path,
        "too-deep",
        Phrase(N_("the data nests deeper than {n} levels"), n=MAX_DEPTH),
        N_("Records nest only a few levels deep; this file is probably not a pack file."),
        line,
        column,
    )


def check_depth(data: Any, path: str, limit: int = MAX_DEPTH) -> None:
    """Raise :class:`DocumentError` when *data* nests deeper than *limit* (iterative, no recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            _raise_too_deep(path)
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)


def read_document(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Read and parse one ``.yaml``, ``.yml`` or ``.json`` file.

    The file must be a regular file of at most *max_bytes* bytes (see
    :func:`~ouderbetrokkenheid.loading.files.read_bytes`); mapping keys must be strings.
    """
    file = Path(path)
    name = str(path)
    suffix = file.suffix.lower()
    fmt = "json" if suffix in JSON_SUFFIXES else "yaml"
    from ouderbetrokkenheid.loading.files import InputFileError, read_bytes

    try:
        raw = read_bytes(file, max_bytes)
    except InputFileError as exc:
        raise DocumentError(exc.problems) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if fmt == "json":  # orjson parses the bytes; a str of a large file can take four times the memory
        try:
            return Document(path=name, source=raw, data=parse_text(raw, fmt, name), format=fmt)
        except DocumentError:
            _decode(raw, name)  # not UTF-8 is the better explanation, when it is the cause
            raise
    text = _decode(raw, name)
    return Document(path=name, source=text, data=parse_text(text, fmt, name), format=fmt)


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", "replace")
        line, column = _line_col(good, len(good))
        raise _fail(
            name,
            "not-utf8",
            Phrase(
                N_("byte {byte} at offset {offset} is not valid UTF-8"),
                byte=f"0x{raw[exc.start]:02x}",
                offset=exc.start,
            ),
            N_("Save the file as UTF-8 (in most editors: 'Save with encoding' > UTF-8)."),
            line,
            column,
        ) from None
