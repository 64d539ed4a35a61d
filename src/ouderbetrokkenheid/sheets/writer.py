"""Writing the workbook (``.xlsx``, openpyxl): the empty template, or a pack in it.

Headers and help notes are in the author's language; codes of controlled vocabularies are shown as
their labels in that language, with drop-down lists read from a hidden sheet of lists; text columns are
formatted as text, so that ``1-2`` stays ``1-2`` instead of becoming a date.
"""

import datetime
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ouderbetrokkenheid.exporters.base import atomic_file
from ouderbetrokkenheid.model import ContentPack, LocalizedText
from ouderbetrokkenheid.model.vocabularies import VOCABULARIES
from ouderbetrokkenheid.sheets import layout
from ouderbetrokkenheid.sheets.columns import Column, columns, header, sheet_name
from ouderbetrokkenheid.sheets.rows import choices, row_values, table_rows
from ouderbetrokkenheid.sheets.words import LANGUAGES, has_word, language_of, word

_WIDE = 40
_NARROW = 16


def template_languages(lang: str) -> tuple[str, ...]:
    """The text columns of a template: the author's language first, then the other two."""
    first = language_of(lang)
    return (first, *(other for other in LANGUAGES if other != first))


def pack_languages(pack: ContentPack) -> tuple[str, ...]:
    """The pack's languages, then any other language its texts use (so nothing is lost)."""
    found: list[str] = list(pack.manifest.languages)
    seen = set(found)
    extra: set[str] = set()

    def visit(value: Any) -> None:
        if isinstance(value, LocalizedText):
            extra.update(tag for tag in value.languages if tag not in seen)
        elif isinstance(value, (tuple, list)):
            for element in value:
                visit(element)
        elif isinstance(value, dict):
            for element in value.values():
                visit(element)
        elif hasattr(type(value), "__attrs_attrs__"):
            for attribute in type(value).__attrs_attrs__:
                visit(getattr(value, attribute.name))

    visit(pack.manifest)
    for record in pack.records():
        visit(record)
    return (*found, *sorted(extra))


def write_workbook(destination: Path, pack: ContentPack | None, lang: str | None) -> None:
    """Write *pack* (or, when ``None``, an empty template) to *destination*, atomically."""
    from openpyxl import Workbook

    lang = language_of(lang)
    languages = template_languages(lang) if pack is None else pack_languages(pack)
    workbook = Workbook()
    default = workbook.active
    if default is not None:
        workbook.remove(default)
    lists = _Lists(workbook, lang)
    for entry in layout.tables():
        cols = columns(entry, languages)
        worksheet = workbook.create_sheet(sheet_name(entry, lang))
        rows = (
            [] if pack is None else [row_values(entry, cols, k, o, lang) for k, o in table_rows(entry, pack)]
        )
        if entry.vertical:
            _write_vertical(worksheet, entry, cols, rows[0] if rows else [None] * len(cols), lang, lists)
        else:
            _write_table(worksheet, entry, cols, rows, lang, lists)
    lists.finish()
    with atomic_file(destination) as handle:
        workbook.save(handle)


def _write_table(
    worksheet: Any, entry: layout.Table, cols: list[Column], rows: list[list[Any]], lang: str, lists: "_Lists"
) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    last_row = max(len(rows) + 1, 500)
    for index, column in enumerate(cols, start=1):
        cell = worksheet.cell(row=1, column=index, value=header(entry, column, lang))
        cell.font = bold
        note = _help(entry, column, lang)
        if note:
            cell.comment = Comment(note, "ouderbetrokkenheid", width=300, height=120)
        letter = get_column_letter(index)
        worksheet.column_dimensions[letter].width = _WIDE if column.lang else _NARROW
        if _is_text(column):
            worksheet.column_dimensions[letter].number_format = "@"
        lists.validate(worksheet, column, f"{letter}2:{letter}{last_row}")
    for number, values in enumerate(rows, start=2):
        for index, value in enumerate(values, start=1):
            if value is not None:
                _set(worksheet.cell(row=number, column=index), value, cols[index - 1])
    worksheet.freeze_panes = "A2"


def _write_vertical(
    worksheet: Any, entry: layout.Table, cols: list[Column], values: list[Any], lang: str, lists: "_Lists"
) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    bold = Font(bold=True)
    worksheet.column_dimensions["A"].width = 32
    worksheet.column_dimensions["B"].width = 60
    worksheet.cell(row=1, column=1, value=word("header:field", lang)).font = bold
    worksheet.cell(row=1, column=2, value=word("header:value", lang)).font = bold
    worksheet.cell(row=1, column=3, value=word("help:pack", lang))
    for number, (column, value) in enumerate(zip(cols, values, strict=True), start=2):
        cell = worksheet.cell(row=number, column=1, value=header(entry, column, lang))
        note = _help(entry, column, lang)
        if note:
            cell.comment = Comment(note, "ouderbetrokkenheid", width=300, height=120)
        if value is not None:
            _set(worksheet.cell(row=number, column=2), value, column)
        elif _is_text(column):
            worksheet.cell(row=number, column=2).number_format = "@"
        lists.validate(worksheet, column, f"B{number}")
    worksheet.freeze_panes = "A2"


def _is_text(column: Column) -> bool:
    return column.role != "value" or column.field is None or column.field.type in ("str", "text", "list")


def _set(cell: Any, value: Any, column: Column) -> None:
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # a text that starts with '=' stays a text, never a formula
        cell.number_format = "@"
    elif isinstance(value, datetime.date):
        cell.number_format = "yyyy-mm-dd"


def _help(entry: layout.Table, column: Column, lang: str) -> str:
    if column.role == "key":
        above = layout.ancestors(entry)
        if entry.parent == "*" or not above:
            return word("help:record", lang)
        return word("help:parent", lang, sheet=sheet_name(above[column.level], lang))
    if column.lang:
        name = f"language:{column.lang}"
        language = word(name, lang) if has_word(name) else column.lang
        return word("help:text", lang, language=language)
    field = column.field
    if field is None:
        return ""
    if field.path == ("id",) and entry.shape == "records":
        return word("help:id", lang, example=f"mijn-organisatie/{entry.key[:-1]}-1")
    if field.path[-1] == "source" and field.path[:1] == ("provenance",):
        return word("help:source", lang, sheet=sheet_name(layout.table("pack/sources"), lang))
    if field.path[-1] == "languages":
        return word("help:languages", lang)
    if field.vocabulary:
        return word("help:list" if field.type == "list" else "help:choice", lang)
    if field.type == "list":
        return word("help:many", lang)
    if field.path[-1] == "year":
        return word("help:year", lang)
    if field.path[-1] in _REFERENCES:
        return word("help:ref", lang)
    if field.path[-1] in ("url", "homepage"):
        return word("help:url", lang)
    if field.path[-1] == "licence":
        return word("help:licence", lang)
    return {
        "date": word("help:date", lang),
        "int": word("help:number", lang),
        "float": word("help:number", lang),
        "bool": word("help:bool", lang),
        "list": word("help:many", lang),
    }.get(field.type, word("help:free", lang))


#: Fields that hold ids of records or concepts.
_REFERENCES = frozenset(
    {
        "concepts",
        "related",
        "part_of",
        "described_in",
        "broader",
        "members",
        "subject",
        "object",
        "framework",
        "sources",
        "depends",
    }
)


class _Lists:
    """The hidden sheet of drop-down lists, and the data validations that use it."""

    def __init__(self, workbook: Any, lang: str) -> None:
        self.workbook = workbook
        self.lang = lang
        self.sheet: Any = None
        self.ranges: dict[str, str] = {}
        self.validations: dict[tuple[int, str, bool], Any] = {}

    def _range(self, name: str, values: Iterable[str]) -> str:
        from openpyxl.utils import get_column_letter, quote_sheetname

        if name not in self.ranges:
            if self.sheet is None:
                self.sheet = self.workbook.create_sheet(word("sheet:lists", self.lang))
                self.sheet.cell(row=1, column=1, value=word("help:lists", self.lang))
            index = len(self.ranges) + 1
            values = list(values)
            self.sheet.cell(row=2, column=index, value=name)
            for number, value in enumerate(values, start=3):
                cell = self.sheet.cell(row=number, column=index, value=value)
                cell.data_type = "s"
            letter = get_column_letter(index)
            title = quote_sheetname(self.sheet.title)
            self.ranges[name] = f"{title}!${letter}$3:${letter}${len(values) + 2}"
        return self.ranges[name]

    def validate(self, worksheet: Any, column: Column, cells: str) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        field = column.field
        if column.role != "value" or field is None or column.lang:
            return
        if field.vocabulary:
            vocabulary = VOCABULARIES[field.vocabulary]
            source = self._range(vocabulary.label.get_text(self.lang), choices(field.vocabulary, self.lang))
            several = field.type == "list"
        elif field.type == "bool":
            source = self._range(
                word("help:bool", self.lang), [word("yes", self.lang), word("no", self.lang)]
            )
            several = False
        else:
            return
        key = (id(worksheet), source, several)
        validation = self.validations.get(key)
        if validation is None:
            validation = DataValidation(
                type="list",
                formula1=source,
                allow_blank=True,
                # A list of several values ("a; b") is not one of the choices: allow it, with no warning.
                showErrorMessage=not several,
                errorStyle="stop",
                error=word("help:choice", self.lang),
            )
            worksheet.add_data_validation(validation)
            self.validations[key] = validation
        validation.add(cells)

    def finish(self) -> None:
        if self.sheet is not None:
            self.sheet.sheet_state = "hidden"
            last = len(self.workbook.sheetnames) - 1
            self.workbook.move_sheet(self.sheet, offset=last - self.workbook.index(self.sheet))
