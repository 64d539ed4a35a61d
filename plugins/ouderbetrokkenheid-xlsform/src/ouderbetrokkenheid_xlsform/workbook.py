"""Writing a :class:`~ouderbetrokkenheid_xlsform.form.Form` as an ``.xlsx`` workbook (openpyxl)."""

from pathlib import Path

from ouderbetrokkenheid_xlsform.form import Form

#: Widths (in characters) that keep the sheets readable when a person opens them.
_WIDTHS = {"type": 22, "name": 18, "list_name": 14, "calculation": 26, "form_title": 40}
_LABEL_WIDTH = 48


def write_workbook(form: Form, path: Path) -> None:
    """Write *form* to *path* (overwriting it). Cells are written as given: codes stay text, scores
    stay numbers, empty cells stay empty; a text that a spreadsheet would run as a formula gets a
    leading ``'``, by the rule every spreadsheet exporter shares (:func:`ouderbetrokkenheid.neutralise_formula`)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from ouderbetrokkenheid import neutralise_formula

    workbook = Workbook()
    default = workbook.active
    if default is not None:
        workbook.remove(default)
    bold = Font(bold=True)
    for sheet in form.sheets:
        worksheet = workbook.create_sheet(sheet.name)
        worksheet.append(list(sheet.columns))
        for row in sheet.rows:
            worksheet.append([neutralise_formula(cell) if isinstance(cell, str) else cell for cell in row])
        for index, column in enumerate(sheet.columns, start=1):
            worksheet.cell(row=1, column=index).font = bold
            width = _LABEL_WIDTH if "::" in column else _WIDTHS.get(column, 14)
            worksheet.column_dimensions[get_column_letter(index)].width = width
        worksheet.freeze_panes = "A2"
    workbook.save(path)
