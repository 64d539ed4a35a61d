"""Packs in spreadsheets: an empty template to author a pack, a pack written as a workbook, and the
import of a workbook (``.xlsx``, ``.ods`` or a folder of ``.csv`` files) into a pack folder, with every
problem located as the spreadsheet shows it (``Bronnen!C7``)."""

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ouderbetrokkenheid.sheets.importer import ImportResult, check_workbook, import_workbook
    from ouderbetrokkenheid.sheets.writer import write_workbook

#: Imported when first used: the ``xlsx`` exporter is registered by every command (``plugins`` lists it)
#: and must not pay for the importer and the writer.
_LAZY = {
    "ImportResult": "ouderbetrokkenheid.sheets.importer",
    "check_workbook": "ouderbetrokkenheid.sheets.importer",
    "import_workbook": "ouderbetrokkenheid.sheets.importer",
    "write_workbook": "ouderbetrokkenheid.sheets.writer",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def write_template(destination: Path, lang: str | None = "nl") -> None:
    """Write the empty workbook to author a pack in, with headers and help in *lang* (nl, fr, en)."""
    from ouderbetrokkenheid.sheets.writer import write_workbook

    write_workbook(destination, None, lang)


__all__ = ["ImportResult", "check_workbook", "import_workbook", "write_template", "write_workbook"]
