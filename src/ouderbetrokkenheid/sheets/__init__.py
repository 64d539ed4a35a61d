"""Packs in spreadsheets: an empty template to author a pack, a pack written as a workbook, and the
import of a workbook (``.xlsx``, ``.ods`` or a folder of ``.csv`` files) into a pack folder, with every
problem located as the spreadsheet shows it (``Bronnen!C7``)."""

from pathlib import Path

from ouderbetrokkenheid.sheets.importer import ImportResult, check_workbook, import_workbook
from ouderbetrokkenheid.sheets.writer import write_workbook


def write_template(destination: Path, lang: str | None = "nl") -> None:
    """Write the empty workbook to author a pack in, with headers and help in *lang* (nl, fr, en)."""
    write_workbook(destination, None, lang)


__all__ = ["ImportResult", "check_workbook", "import_workbook", "write_template", "write_workbook"]
