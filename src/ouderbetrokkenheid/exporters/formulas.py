"""One rule for every exporter that writes a spreadsheet (CSV, XLSForm, xlsx): a cell that a
spreadsheet program would run as a formula is written as text.

Excel, LibreOffice and Google Sheets run a cell as a formula when it starts, possibly after
whitespace, with ``=``, ``+``, ``-`` or ``@`` (fullwidth forms included), or with a tab or a carriage
return. Such a cell gets a leading ``'``, which the programs read as "this is text" (OWASP's advice on
CSV injection). Content from a pack is never trusted to be harmless: a title ``=HYPERLINK(...)``
would otherwise become a live link in the reader's spreadsheet.
"""

from typing import TypeVar

#: What a formula starts with in Excel, LibreOffice and Google Sheets (fullwidth forms included).
FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")

T = TypeVar("T")


def neutralise_formula(cell: str) -> str:
    """Prefix *cell* with ``'`` when a spreadsheet would read it as a formula.

    >>> from ouderbetrokkenheid import neutralise_formula
    >>> neutralise_formula("=1+1"), neutralise_formula("  @SUM(A1)"), neutralise_formula("1 + 1")
    ("'=1+1", "'  @SUM(A1)", '1 + 1')
    """
    if cell and (cell[0] in FORMULA_STARTS or cell.lstrip()[:1] in FORMULA_STARTS):
        return "'" + cell
    return cell


def neutralise_value(value: T) -> T:
    """:func:`neutralise_formula` for a string; any other cell value (a number, ``None``) as it is."""
    if isinstance(value, str):
        return neutralise_formula(value)  # type: ignore[return-value]
    return value
