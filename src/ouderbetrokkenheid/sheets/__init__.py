"""Packs in spreadsheets: an empty template to author a pack, a pack written as a workbook, and the
import of a workbook (``.xlsx``, ``.ods`` or a folder of ``.csv`` files) into a pack folder, with every
problem located as the spreadsheet shows it (``Bronnen!C7``)."""

from ouderbetrokkenheid.sheets.importer import ImportResult, import_workbook, read_pack
from ouderbetrokkenheid.sheets.writer import write_workbook


def write_template(destination: "Path", lang: str | None = "nl") -> None:
    """Write the empty workbook to author a pack in, with headers and help in *lang* (nl, fr, en)."""
    write_workbook(destination, None, lang)


from pathlib import Path  # noqa: E402  (for the annotation above, kept out of the import block's way)

__all__ = ["ImportResult", "import_workbook", "read_pack", "write_template", "write_workbook"]
