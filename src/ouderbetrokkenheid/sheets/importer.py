"""From a workbook to a pack folder: read, assemble, validate, and write only when nothing is wrong.

Every problem names its place as the spreadsheet shows it (``Bronnen!C7``) and says what to do, in the
author's language. Problems the pack validator finds in the assembled pack are traced back from their
JSON pointer to the cell (or row) the value came from.
"""

import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from ouderbetrokkenheid.errors import Phrase, Problem, ProblemError, Report, Severity, in_words
from ouderbetrokkenheid.i18n import words
from ouderbetrokkenheid.model import ContentPack
from ouderbetrokkenheid.sheets import layout
from ouderbetrokkenheid.sheets.columns import Column, header, normalise, recognise, sheet_name, sheet_names
from ouderbetrokkenheid.sheets.readers import RawSheet, SheetReadError, cell_name, read_workbook
from ouderbetrokkenheid.sheets.rows import CellValueError, parse_value
from ouderbetrokkenheid.sheets.words import LANGUAGES, all_words, language_of, word


@attrs.frozen(kw_only=True)
class ImportResult:
    """What an import gives: the pack (``None`` when there are errors), the data as it is written to
    ``pack.yaml`` and ``records.yaml``, and every problem."""

    pack: ContentPack | None
    manifest: dict[str, Any]
    records: dict[str, Any]
    report: Report


def detect_language(sheets: Iterable[RawSheet]) -> str:
    """The interface language of a workbook, from the name of its pack sheet (Dutch when unknown)."""
    names = {normalise(sheet.name) for sheet in sheets}
    for lang, name in all_words("sheet:pack").items():
        if normalise(name) in names:
            return lang
    return "nl"


def check_workbook(source: Path, lang: str | None = None) -> ImportResult:
    """Read the workbook at *source* and check the pack it holds. Never writes anything.

    :param lang: the language of the problems (``nl``, ``fr``, ``en``); by default, the workbook's.
    """
    try:
        sheets = read_workbook(source)
    except SheetReadError as exc:
        ui = language_of(lang)
        values = dict(exc.values)
        if isinstance(values.get("what"), tuple):
            key, number, *name = values["what"]
            values["what"] = word(f"what:{key}", ui, n=number, name=name[0] if name else number)
        problem = Problem(
            code=f"sheet-{exc.reason}" if exc.reason != "unreadable-csv" else "sheet-not-a-workbook",
            severity=Severity.ERROR,
            message=word(f"problem:{exc.reason}", ui, **values),
            hint=word(f"hint:{exc.reason}", ui),
            file=source.name,
        )
        return ImportResult(pack=None, manifest={}, records={}, report=Report(problems=(problem,)))
    ui = language_of(lang) if lang else detect_language(sheets)
    return _Assembler(sheets, ui).run()


def import_workbook(
    source: Path, destination: Path, lang: str | None = None, *, force: bool = False
) -> ImportResult:
    """Read the workbook at *source* and write the pack folder *destination* (``pack.yaml`` and
    ``records.yaml``). Raise :class:`~ouderbetrokkenheid.ProblemError` with every problem, and write
    nothing, when there are errors; an existing, non-empty *destination* is replaced only with *force*.
    """
    from ouderbetrokkenheid.exporters.base import atomic_folder

    ui = language_of(lang)
    if destination.exists() and any(destination.iterdir()) and not force:
        raise ProblemError(
            [
                Problem(
                    code="sheet-destination-exists",
                    severity=Severity.ERROR,
                    message=word("problem:destination-exists", ui, folder=str(destination)),
                    hint=word("hint:destination-exists", ui),
                    file=str(destination),
                )
            ]
        )
    result = check_workbook(source, lang)
    if not result.report.ok:
        raise ProblemError(result.report.problems)
    with atomic_folder(destination) as folder:
        _write_folder(folder, result.manifest, result.records)
    return result


def _write_folder(
    folder: Path, manifest: dict[str, Any], records: dict[str, Any], *, readable: bool = True
) -> None:
    """Write ``pack.yaml`` and ``records.yaml`` (or their JSON twins when YAML would not read back
    the same: PyYAML writes YAML 1.1, the loader reads YAML 1.2, and ``1e3`` is a number only in 1.2)."""
    import orjson

    for name, data in (("pack", manifest), ("records", records)):
        if name == "records" and not data:
            continue
        text = _yaml(data) if readable else None
        if text is not None:
            (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
        else:
            (folder / f"{name}.json").write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")


def _yaml(data: Any) -> str | None:
    """*data* as YAML, or ``None`` when the loader would read the text back as other data."""
    import yaml

    from ouderbetrokkenheid.loading.documents import parse_text

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
    try:
        same = parse_text(text, "yaml") == data
    except Exception:
        same = False
    return text if same else None


# -- assembling ------------------------------------------------------------------------------------
class _Place(NamedTuple):  # one per cell read: a named tuple is cheaper to make than an attrs class
    sheet: str
    row: int
    column: int | None = None

    def __str__(self) -> str:
        if self.column is None:
            return f"{self.sheet}!{self.row}:{self.row}"
        return f"{self.sheet}!{cell_name(self.column, self.row)}"


class _Assembler:
    def __init__(self, sheets: list[RawSheet], lang: str) -> None:
        self.sheets = sheets
        self.lang = lang
        self.problems: list[Problem] = []
        self.rows_of: dict[int, _Place] = {}  # id(dict) -> the row it came from
        self.cells_of: dict[tuple[int, str], _Place] = {}  # (id(dict), key) -> the cell
        self.headers: dict[tuple[str, str], _Place] = {}  # (table key, field path) -> header place
        self.columns_of: dict[tuple[str, int], dict[str, int]] = {}

    def problem(self, reason: str, place: Any, severity: Severity = Severity.ERROR, **values: Any) -> None:
        hint_key = f"hint:{reason}"
        hint = word(hint_key, self.lang, **values) if hint_key in _HINTS else ""
        self.problems.append(
            Problem(
                code=f"sheet-{reason}" if reason in _OWN_CODES else _OWN_CODES_DEFAULT,
                severity=severity,
                message=word(f"problem:{reason}", self.lang, **values),
                hint=hint,
                file=str(place),
            )
        )

    # -- the run --------------------------------------------------------------------------------
    def run(self) -> ImportResult:
        by_table: dict[str, RawSheet] = {}
        known = {entry.key: sheet_names(entry) for entry in layout.tables()}
        ignored = {normalise(name) for name in all_words("sheet:lists").values()}
        ignored |= {normalise(name) for name in all_words("sheet:help").values()}
        for sheet in self.sheets:
            folded = normalise(sheet.name)
            key = next((k for k, names in known.items() if folded in names), None)
            if key is None:
                if folded not in ignored and sheet.rows:
                    self.problem("unknown-sheet", sheet.name, Severity.WARNING, sheet=sheet.name)
                continue
            sheet.fill_merged()
            for min_col, min_row, max_col, max_row in sheet.merged:
                if max_row > 1:
                    span = f"{cell_name(min_col, min_row)}:{cell_name(max_col, max_row)}"
                    self.problem("merged", f"{sheet.name}!{span}", Severity.WARNING, range=span)
            for number in sorted(sheet.hidden_rows):
                if any(n == number for n, _ in sheet.rows):
                    self.problem(
                        "hidden-row", f"{sheet.name}!{number}:{number}", Severity.WARNING, row=number
                    )
            by_table[key] = sheet
        if "pack" not in by_table:
            self.problem("no-pack-sheet", "", sheet=word("sheet:pack", self.lang))
            return self._result({}, {})
        manifest = self._manifest(by_table["pack"])
        records: dict[str, list[dict[str, Any]]] = {}
        index: dict[str, dict[tuple[str, ...], Any]] = {}
        by_id: dict[str, dict[str, Any]] = {}
        for entry in layout.tables():
            if entry.key == "pack" or entry.key not in by_table:
                continue
            self._table(entry, by_table[entry.key], manifest, records, index, by_id)
        ordered = {kind: records[kind] for kind in layout.RECORD_CLASSES if records.get(kind)}
        self.sheets = []  # the cells are in the records now; let the raw rows go before validation
        by_table.clear()
        return self._result(manifest, ordered)

    def _result(self, manifest: dict[str, Any], records: dict[str, Any]) -> ImportResult:
        if any(p.is_error for p in self.problems):
            return ImportResult(
                pack=None, manifest=manifest, records=records, report=Report(problems=tuple(self.problems))
            )
        pack, report = self._validate(manifest, records)
        return ImportResult(
            pack=pack, manifest=manifest, records=records, report=Report(problems=(*self.problems, *report))
        )

    # -- one sheet --------------------------------------------------------------------------------
    def _header(
        self, entry: layout.Table, sheet: RawSheet, row: dict[int, Any], number: int
    ) -> dict[int, Column]:
        found: dict[int, Column] = {}
        seen: dict[Column, int] = {}
        for index, text in sorted(row.items()):
            column = recognise(entry, str(text))
            if column is None:
                self.problem(
                    "unknown-header",
                    _Place(sheet.name, number, index),
                    Severity.WARNING,
                    header=str(text).strip(),
                    sheet=sheet.name,
                )
                continue
            if column in seen:
                self.problem("duplicate-header", _Place(sheet.name, number, index), header=str(text).strip())
                continue
            seen[column] = index
            found[index] = column
        return found

    def _manifest(self, sheet: RawSheet) -> dict[str, Any]:
        entry = layout.table("pack")
        data: dict[str, Any] = {}
        rows = sheet.rows[1:] if sheet.rows and sheet.rows[0][0] == 1 else sheet.rows
        self.rows_of[id(data)] = _Place(sheet.name, 1)
        for number, cells in rows:
            name = cells.get(1)
            if name is None:
                continue
            column = recognise(entry, str(name))
            if column is None:
                self.problem(
                    "unknown-header",
                    _Place(sheet.name, number, 1),
                    Severity.WARNING,
                    header=str(name),
                    sheet=sheet.name,
                )
                continue
            self._put(data, column, cells.get(2), _Place(sheet.name, number, 2))
            assert column.field is not None
            self.headers[("pack", ".".join(column.field.path))] = _Place(sheet.name, number, 2)
        return data

    def _table(
        self,
        entry: layout.Table,
        sheet: RawSheet,
        manifest: dict[str, Any],
        records: dict[str, list[dict[str, Any]]],
        index: dict[str, dict[tuple[str, ...], Any]],
        by_id: dict[str, dict[str, Any]],
    ) -> None:
        if not sheet.rows:
            return
        header_number, header_row = sheet.rows[0]
        cols = self._header(entry, sheet, header_row, header_number)
        for column in cols.values():
            if column.field is not None:
                place_index = next(i for i, c in cols.items() if c == column)
                self.headers[(entry.key, ".".join(column.field.path))] = _Place(
                    sheet.name, header_number, place_index
                )
        own = index.setdefault(entry.key, {})
        for number, cells in sheet.rows[1:]:
            data: Any = {}
            keys: list[str | None] = [None] * sum(1 for c in cols.values() if c.role == "key")
            mapkey: str | None = None
            ok = True
            for position, column in cols.items():
                value = cells.get(position)
                place = _Place(sheet.name, number, position)
                if column.role == "key":
                    keys[column.level] = (
                        None if value is None else str(parse_value(None, value, self.lang) or "") or None
                    )
                    continue
                if column.role == "mapkey":
                    mapkey = None if value is None else str(parse_value(None, value, self.lang))
                    continue
                if not self._put(data, column, value, place):
                    ok = False
            if not ok or (not data and all(k is None for k in keys) and mapkey is None):
                continue
            self.rows_of[id(data)] = _Place(sheet.name, number)
            # where the row belongs
            key_columns = [c for c in cols.items() if c[1].role == "key"]
            if any(k is None for k in keys) or (entry.shape == "textmap" and mapkey is None):
                missing = next(
                    (
                        p
                        for p, c in cols.items()
                        if (c.role == "key" and keys[c.level] is None)
                        or (c.role == "mapkey" and mapkey is None)
                    ),
                    None,
                )
                if missing is None and not key_columns and entry.parent not in (None, "pack"):
                    missing = 1
                label = header(entry, cols[missing], self.lang) if missing in cols else "?"
                self.problem("missing-key", _Place(sheet.name, number, missing or 1), header=label)
                continue
            if entry.parent not in (None, "pack") and not key_columns:
                self.problem(
                    "missing-key",
                    _Place(sheet.name, number, 1),
                    header=header(entry, Column(role="key"), self.lang),
                )
                continue
            parent = self._parent(
                entry, tuple(k for k in keys if k is not None), manifest, index, by_id, sheet, number
            )
            if parent is None and entry.shape != "records":
                continue
            if entry.shape == "records":
                records.setdefault(entry.key, []).append(data)
                if isinstance(data.get("id"), str):
                    by_id.setdefault(data["id"], data)
                    own.setdefault((data["id"],), data)
                continue
            container = parent
            for name in entry.path[:-1]:
                container = container.setdefault(name, {})
            if entry.shape == "textmap":
                container.setdefault(entry.path[-1], {})[mapkey] = data
                self.cells_of[(id(container[entry.path[-1]]), mapkey or "")] = _Place(sheet.name, number)
                continue
            container.setdefault(entry.path[-1], []).append(data)
            if entry.id_field and isinstance(data.get(entry.id_field), str):
                own.setdefault((*[k for k in keys if k is not None], data[entry.id_field]), data)

    def _parent(
        self,
        entry: layout.Table,
        keys: tuple[str, ...],
        manifest: dict[str, Any],
        index: dict[str, dict[tuple[str, ...], Any]],
        by_id: dict[str, dict[str, Any]],
        sheet: RawSheet,
        number: int,
    ) -> Any:
        if entry.shape == "records":
            return None
        if entry.parent == "pack":
            return manifest
        if entry.parent == "*":
            found = by_id.get(keys[0])
            where = word("sheet:resources", self.lang)
        else:
            assert entry.parent is not None
            found = index.get(entry.parent, {}).get(keys)
            where = sheet_name(layout.table(entry.parent), self.lang)
        if found is None:
            self.problem(
                "no-parent", _Place(sheet.name, number, len(keys)), key=" / ".join(keys), sheet=where
            )
        return found

    def _put(self, data: dict[str, Any], column: Column, value: Any, place: _Place) -> bool:
        """Parse *value* into *data* at *column*'s place; ``False`` (and a problem) when it cannot be used."""
        try:
            parsed = parse_value(column.field if not column.lang else None, value, self.lang)
        except CellValueError as exc:
            hint = f"hint:{exc.reason}"
            self.problems.append(
                Problem(
                    code=f"sheet-{exc.reason}",
                    severity=Severity.ERROR,
                    message=word(f"problem:{exc.reason}", self.lang, **exc.values),
                    hint=word(hint, self.lang, **exc.values) if hint in _HINTS else "",
                    file=str(place),
                )
            )
            return False
        if parsed is None or parsed == []:
            return True
        path = column.field.path if column.field is not None else ()
        container = data
        for name in path[:-1]:
            inner = container.setdefault(name, {})
            self.rows_of.setdefault(id(inner), place)
            container = inner
        if column.lang:
            texts = container.setdefault(path[-1], {}) if path else data
            texts[column.lang] = parsed
            self.cells_of[(id(texts), column.lang)] = place
            if path:
                self.cells_of.setdefault((id(container), path[-1]), place)
        else:
            container[path[-1]] = parsed
            self.cells_of[(id(container), path[-1])] = place
        return True

    # -- validation, traced back to cells -------------------------------------------------------
    def _validate(
        self, manifest: dict[str, Any], records: dict[str, Any]
    ) -> tuple[ContentPack | None, list[Problem]]:
        from ouderbetrokkenheid.validation import check_pack

        with tempfile.TemporaryDirectory(prefix="ob-sheet-") as folder:
            _write_folder(Path(folder), manifest, records, readable=False)
            pack, report = check_pack(Path(folder))
        if not report.problems:
            return pack, []
        # only now, when there is something to locate: JSON pointer -> the cell or row it came from
        places: dict[str, dict[str, _Place]] = {"pack.yaml": {}, "records.yaml": {}}
        self._trace(manifest, "", places["pack.yaml"])
        self._trace(records, "", places["records.yaml"])
        problems = [self._relocate(problem, places, manifest, records) for problem in report.problems]
        return pack, problems

    def _trace(self, value: Any, pointer: str, places: dict[str, _Place]) -> None:
        if isinstance(value, dict):
            if id(value) in self.rows_of:
                places[pointer] = self.rows_of[id(value)]
            for key, inner in value.items():
                inner_pointer = f"{pointer}/{_escape(str(key))}"
                cell = self.cells_of.get((id(value), str(key)))
                if cell is not None:
                    places[inner_pointer] = cell
                self._trace(inner, inner_pointer, places)
        elif isinstance(value, list):
            for position, inner in enumerate(value):
                self._trace(inner, f"{pointer}/{position}", places)

    def _relocate(
        self,
        problem: Problem,
        places: dict[str, dict[str, _Place]],
        manifest: dict[str, Any],
        records: dict[str, Any],
    ) -> Problem:
        file = (Path(problem.file).stem + ".yaml") if problem.file else ""  # the validated copy is JSON
        table_places = places.get(file, {})
        pointer = problem.pointer or ""
        place: Any = None
        # the field the schema says is missing (a field of the message: validation/schema_check.py)
        missing = problem.message.fields.get("field") if isinstance(problem.message, Phrase) else None
        if isinstance(missing, str) and problem.code == "schema-required":
            row = _lookup(table_places, pointer)
            name = missing
            if file == "pack.yaml":
                dotted = ".".join([*[s for s in pointer.split("/") if s], name])
                row = self.headers.get(("pack", dotted), row)
                if isinstance(row, _Place) and row.column is not None:
                    message = word(
                        "problem:required", self.lang, header=self._header_name(file, pointer, name)
                    )
                    return attrs.evolve(
                        problem,
                        file=str(row),
                        line=None,
                        column=None,
                        pointer=None,
                        message=message,
                        hint=word("hint:required", self.lang),
                    )
            if isinstance(row, _Place):
                column = self._column_of(row.sheet, name, file)
                place = _Place(row.sheet, row.row, column) if column else row
                message = word("problem:required", self.lang, header=self._header_name(file, pointer, name))
                return attrs.evolve(
                    problem,
                    file=str(place),
                    line=None,
                    column=None,
                    pointer=None,
                    message=message,
                    hint=word("hint:required", self.lang),
                )
        place = _lookup(table_places, pointer)
        said = words(self.lang)  # the checks' words, in the workbook's language like the rest
        detail = in_words(problem.message, said)
        return attrs.evolve(
            problem,
            file=str(place) if place is not None else problem.file,
            line=None if place is not None else problem.line,
            column=None if place is not None else problem.column,
            pointer=None if place is not None else problem.pointer,
            message=word(
                "problem:invalid" if problem.code.startswith("schema") else "problem:rule",
                self.lang,
                detail=detail,
            ),
            hint=word("hint:schema", self.lang)
            if problem.code.startswith("schema")
            else in_words(problem.hint, said),
        )

    def _column_of(self, sheet: str, name: str, file: str) -> int | None:
        for (key, path), place in self.headers.items():
            if (
                place.sheet == sheet
                and path.split(".")[-1] == name
                and (key == "pack") == (file == "pack.yaml")
            ):
                return place.column
        return None

    def _header_name(self, file: str, pointer: str, name: str) -> str:
        from ouderbetrokkenheid.sheets.columns import field_label

        return field_label((name,), self.lang)


_OWN_CODES = frozenset(
    {
        "not-a-workbook",
        "too-large",
        "unsafe",
        "no-pack-sheet",
        "unknown-sheet",
        "unknown-header",
        "duplicate-header",
        "formula-error",
        "date-cell",
        "not-a-number",
        "not-in-list",
        "merged",
        "hidden-row",
        "no-parent",
        "missing-key",
    }
)
_OWN_CODES_DEFAULT = "sheet-cell"
#: The reasons that have a hint in the words: the own codes and a few that are not codes of their own.
_HINTS = frozenset(
    f"hint:{reason}" for reason in (*_OWN_CODES, "required", "unreadable-csv", "destination-exists")
)


def _lookup(places: dict[str, _Place], pointer: str) -> _Place | None:
    while True:
        if pointer in places:
            return places[pointer]
        if not pointer:
            return None
        pointer = pointer.rsplit("/", 1)[0]


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


__all__ = ["LANGUAGES", "ImportResult", "check_workbook", "detect_language", "import_workbook"]
