"""Reading a workbook (``.xlsx``, ``.ods`` or a folder of ``.csv`` files) into plain rows of cells, within
bounds: a file that is not a workbook, a zip bomb, an XML entity bomb, too many rows or columns is
refused with a :class:`SheetReadError` before it costs much time or memory.

- ``.xlsx`` is read with openpyxl, streaming (read-only mode), with the values that formulas had when
  the file was last saved: formulas are never executed. openpyxl parses the sheets with defusedxml
  (installed with this package), which refuses entity declarations.
- ``.ods`` is read from its ``content.xml``, streaming, with defusedxml's parser.
- ``.csv`` files are read as UTF-8 (with or without a byte-order mark), or Windows-1252 when they are
  not UTF-8; the separator (``,`` or ``;``) is detected.
"""

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

#: Bounds on what is read. A workbook of an organisation's pack is far below them.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # unpacked / packed size of one member above which it is treated as a zip bomb
MAX_MEMBERS = 2_000
MAX_ROWS = 50_000  # rows with values, on one sheet
MAX_TOTAL_ROWS = 150_000  # rows with values, over the whole workbook
MAX_ROW_ELEMENTS = 200_000  # rows read, empty ones included
MAX_COLUMNS = 200
MAX_SHEETS = 100


class SheetReadError(Exception):
    """The input cannot be read as a workbook; *reason* is a words key, *values* fill it in."""

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(reason, values)
        self.reason = reason
        self.values = values


class CellError(str):
    """The value of a cell whose formula gives an error (``#DIV/0!``)."""

    __slots__ = ()


@attrs.define
class RawSheet:
    """One sheet as read: non-empty rows by 1-based number, cells by 1-based column."""

    name: str
    rows: list[tuple[int, dict[int, Any]]] = attrs.field(factory=list)
    hidden_rows: set[int] = attrs.field(factory=set)
    #: Merged ranges as ``(min_col, min_row, max_col, max_row)``.
    merged: list[tuple[int, int, int, int]] = attrs.field(factory=list)

    def fill_merged(self) -> None:
        """Give every cell of a merged range the value of its top-left cell (spreadsheets keep it only
        there)."""
        if not self.merged:
            return
        by_number = dict(self.rows)
        for min_col, min_row, max_col, max_row in self.merged:
            value = by_number.get(min_row, {}).get(min_col)
            if value is None:
                continue
            for number in range(min_row, min(max_row, min_row + MAX_ROWS) + 1):
                cells = by_number.setdefault(number, {})
                for column in range(min_col, min(max_col, MAX_COLUMNS) + 1):
                    cells.setdefault(column, value)
        self.rows = sorted(by_number.items())


def read_workbook(path: Path) -> list[RawSheet]:
    """Read the workbook at *path* (``.xlsx``, ``.ods`` or a folder of ``.csv`` files)."""
    if path.is_dir():
        return _read_csv_folder(path)
    if not path.is_file():
        raise SheetReadError("not-a-workbook", file=path.name)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SheetReadError("too-large", file=path.name, what=("bytes", size), limit=MAX_FILE_BYTES)
    if path.suffix.lower() == ".csv":
        return [_read_csv(path)]
    if not zipfile.is_zipfile(path):
        raise SheetReadError("not-a-workbook", file=path.name)
    with zipfile.ZipFile(path) as archive:
        _check_archive(archive, path.name)
        names = set(archive.namelist())
        if "content.xml" in names and "xl/workbook.xml" not in names:
            return _read_ods(archive, path.name)
        if "xl/workbook.xml" not in names:
            raise SheetReadError("not-a-workbook", file=path.name)
    return _read_xlsx(path)


def _check_archive(archive: zipfile.ZipFile, name: str) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise SheetReadError("too-large", file=name, what=("parts", len(infos)), limit=MAX_MEMBERS)
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise SheetReadError("unsafe", file=name, what=("unpacks", info.file_size, info.filename))
    if total > MAX_UNPACKED_BYTES:
        raise SheetReadError("too-large", file=name, what=("bytes", total), limit=MAX_UNPACKED_BYTES)


class _Counter:
    """Counts rows over the whole workbook and refuses what is beyond the bounds."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows = 0
        self.total = 0
        self.elements = 0

    def sheet(self) -> None:
        self.rows = 0

    def element(self) -> None:
        self.elements += 1
        if self.elements > MAX_ROW_ELEMENTS:
            raise SheetReadError(
                "too-large", file=self.name, what=("rows", MAX_ROW_ELEMENTS), limit=MAX_ROW_ELEMENTS
            )

    def row(self, column: int) -> None:
        if column > MAX_COLUMNS:
            raise SheetReadError(
                "too-large",
                file=self.name,
                what=("column", column),
                limit=MAX_COLUMNS,
            )

    def data_row(self) -> None:
        self.rows += 1
        self.total += 1
        if self.rows > MAX_ROWS:
            raise SheetReadError("too-large", file=self.name, what=("rows", MAX_ROWS), limit=MAX_ROWS)
        if self.total > MAX_TOTAL_ROWS:
            raise SheetReadError(
                "too-large",
                file=self.name,
                what=("rows", MAX_TOTAL_ROWS),
                limit=MAX_TOTAL_ROWS,
            )


# -- xlsx ------------------------------------------------------------------------------------------
def _read_xlsx(path: Path) -> list[RawSheet]:
    import warnings

    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    counter = _Counter(path.name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops (data validation ...)
            workbook = load_workbook(path, read_only=True, data_only=True, keep_links=False)
            try:
                if len(workbook.worksheets) > MAX_SHEETS:
                    raise SheetReadError(
                        "too-large",
                        file=path.name,
                        what=("sheets", len(workbook.worksheets)),
                        limit=MAX_SHEETS,
                    )
                return [_read_xlsx_sheet(workbook, sheet, counter) for sheet in workbook.worksheets]
            finally:
                workbook.close()
    except SheetReadError:
        raise
    except DefusedXmlException as exc:
        raise SheetReadError("unsafe", file=path.name, what=("entities", type(exc).__name__)) from exc
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        if "entit" in str(exc).lower() or "dtd" in str(exc).lower():
            raise SheetReadError("unsafe", file=path.name, what=("entities", str(exc)[:200])) from exc
        raise SheetReadError("not-a-workbook", file=path.name) from exc


def _read_xlsx_sheet(workbook: Any, worksheet: Any, counter: _Counter) -> RawSheet:
    # openpyxl's own streaming parser (what read-only worksheets use), driven here so that the merged
    # ranges and hidden rows, which read-only worksheets drop, are kept. openpyxl is pinned below 3.2.
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet._reader import WorkSheetParser

    sheet = RawSheet(name=worksheet.title)
    counter.sheet()
    if not hasattr(worksheet, "_get_source"):  # a chartsheet
        return sheet
    with worksheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            worksheet._shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for number, cells in parser.parse():
            counter.element()
            values: dict[int, Any] = {}
            for cell in cells:
                value = cell["value"]
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                counter.row(cell["column"])
                values[cell["column"]] = CellError(value) if cell["data_type"] == "e" else value
            if values:
                counter.data_row()
                sheet.rows.append((number, values))
        for number, row_attributes in parser.row_dimensions.items():
            if str(row_attributes.get("hidden", "0")).lower() in ("1", "true"):
                sheet.hidden_rows.add(int(number))
        if parser.merged_cells is not None:
            for merged in parser.merged_cells.mergeCell:
                sheet.merged.append(range_boundaries(merged.ref))
    return sheet


# -- ods -------------------------------------------------------------------------------------------
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _read_ods(archive: zipfile.ZipFile, name: str) -> list[RawSheet]:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    counter = _Counter(name)
    sheets: list[RawSheet] = []
    try:
        with archive.open("content.xml") as content:
            sheet: RawSheet | None = None
            number = 0
            for event, element in iterparse(content, events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == f"{{{_TABLE}}}table":
                        sheet = RawSheet(name=element.get(f"{{{_TABLE}}}name", f"Sheet{len(sheets) + 1}"))
                        sheets.append(sheet)
                        counter.sheet()
                        number = 0
                        _check_sheet_count(len(sheets), name)
                    continue
                if tag == f"{{{_TABLE}}}table-row" and sheet is not None:
                    repeat = int(element.get(f"{{{_TABLE}}}number-rows-repeated", "1"))
                    values = _ods_row(element, counter, sheet, number + 1)
                    hidden = element.get(f"{{{_TABLE}}}visibility", "visible") != "visible"
                    if values:
                        for _ in range(min(repeat, MAX_ROWS + 1)):
                            number += 1
                            counter.element()
                            counter.data_row()
                            sheet.rows.append((number, dict(values)))
                            if hidden:
                                sheet.hidden_rows.add(number)
                    else:
                        number += repeat  # empty rows (often repeated a million times) cost nothing
                    element.clear()
                elif tag == f"{{{_TABLE}}}table":
                    element.clear()
    except SheetReadError:
        raise
    except DefusedXmlException as exc:
        raise SheetReadError("unsafe", file=name, what=("entities", type(exc).__name__)) from exc
    except Exception as exc:
        raise SheetReadError("not-a-workbook", file=name) from exc
    return sheets


def _check_sheet_count(count: int, name: str) -> None:
    if count > MAX_SHEETS:
        raise SheetReadError("too-large", file=name, what=("sheets", count), limit=MAX_SHEETS)


def _ods_row(row: Any, counter: _Counter, sheet: RawSheet, number: int) -> dict[int, Any]:
    values: dict[int, Any] = {}
    column = 0
    for cell in row:
        if cell.tag not in (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"):
            continue
        repeat = int(cell.get(f"{{{_TABLE}}}number-columns-repeated", "1"))
        value = _ods_value(cell)
        columns = int(cell.get(f"{{{_TABLE}}}number-columns-spanned", "1"))
        rows = int(cell.get(f"{{{_TABLE}}}number-rows-spanned", "1"))
        if columns > 1 or rows > 1:  # a merged range: LibreOffice keeps the value in its first cell
            sheet.merged.append((column + 1, number, column + columns, number + rows - 1))
        if value is None:
            column += repeat
            continue
        counter.row(column + repeat)
        for _ in range(repeat):
            column += 1
            values[column] = value
    return values


_ODS_ERROR = re.compile(r"^(#[A-Z0-9/]+[!?]|#N/A|Err:[0-9]{3})$")


def _ods_value(cell: Any) -> Any:
    kind = cell.get(f"{{{_OFFICE}}}value-type")
    if kind is None:
        return None
    # the cell's own paragraphs only: a comment (office:annotation) holds paragraphs too
    text = "\n".join("".join(p.itertext()) for p in cell.findall(f"{{{_TEXT}}}p"))
    if cell.get(f"{{{_TABLE}}}formula") and _ODS_ERROR.match(text):
        return CellError(text)
    if kind in ("float", "percentage", "currency"):
        raw = cell.get(f"{{{_OFFICE}}}value", "")
        try:
            number = float(raw)
        except ValueError:
            return text or None
        return int(number) if number.is_integer() and "." not in raw and "e" not in raw.lower() else number
    if kind == "boolean":
        return cell.get(f"{{{_OFFICE}}}boolean-value", "false") == "true"
    if kind == "date":
        raw = cell.get(f"{{{_OFFICE}}}date-value", "")
        try:
            parsed = datetime.datetime.fromisoformat(raw)
        except ValueError:
            return text or None
        return parsed if "T" in raw else parsed.date()
    return text if text.strip() else None


# -- csv -------------------------------------------------------------------------------------------
def _read_csv_folder(folder: Path) -> list[RawSheet]:
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
    if not files:
        raise SheetReadError("not-a-workbook", file=folder.name)
    if len(files) > MAX_SHEETS:
        raise SheetReadError("too-large", file=folder.name, what=("sheets", len(files)), limit=MAX_SHEETS)
    counter = _Counter(folder.name)
    total = 0
    sheets = []
    for file in files:
        total += file.stat().st_size
        if total > MAX_FILE_BYTES:
            raise SheetReadError("too-large", file=folder.name, what=("bytes", total), limit=MAX_FILE_BYTES)
        counter.sheet()
        sheets.append(_read_csv(file, counter))
    return sheets


def _read_csv(path: Path, counter: _Counter | None = None) -> RawSheet:
    counter = counter or _Counter(path.name)
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise SheetReadError("too-large", file=path.name, what=("bytes", len(raw)), limit=MAX_FILE_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    sheet = RawSheet(name=path.stem)
    try:
        for number, row in enumerate(_csv_rows(text, delimiter), start=1):
            counter.element()
            values = {}
            for column, value in enumerate(row, start=1):
                if value.strip():
                    counter.row(column)
                    values[column] = value
            if values:
                counter.data_row()
                sheet.rows.append((number, values))
    except csv.Error as exc:
        raise SheetReadError("unreadable-csv", file=path.name, detail=str(exc)) from exc
    return sheet


def _csv_rows(text: str, delimiter: str) -> Iterator[list[str]]:
    csv.field_size_limit(1024 * 1024)
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


_CELL = re.compile(r"^([A-Z]{1,3})([0-9]+)$")


def cell_name(column: int, row: int) -> str:
    """``C7`` for column 3, row 7."""
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return f"{letters}{row}"
