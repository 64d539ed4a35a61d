"""``ouderbetrokkenheid sheet template|import``: author a pack in a spreadsheet.

``sheet template --lang nl --out pakket.xlsx`` writes the empty workbook; ``sheet import pakket.xlsx
--out mijn-pakket`` turns a filled-in workbook (``.xlsx``, ``.ods`` or a folder of ``.csv`` files) into a
pack folder, or lists every problem by sheet and cell (``Bronnen!C7``) and writes nothing.
"""

from __future__ import annotations

import argparse

from ouderbetrokkenheid.cli import N_

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import Any

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``sheet`` command (with ``template`` and ``import``) to the *commands* subparsers."""
    sheet = commands.add_parser(
        "sheet",
        parents=[common],
        help=N_("author a pack in a spreadsheet: write the template, import a filled-in workbook"),
        description=N_("Author a pack in a spreadsheet (Excel, LibreOffice): no YAML, no Python packaging."),
    )
    actions = sheet.add_subparsers(dest="sheet_action", metavar="ACTION", parser_class=type(sheet))
    sub = actions.add_parser(
        "template",
        parents=[common],
        help=N_("write the empty workbook, with headers, help and drop-down lists in --lang (nl, fr, en)"),
    )
    sub.add_argument("--out", required=True, metavar="FILE.xlsx", help=N_("where to write the workbook"))
    sub.set_defaults(handler=run_template)
    sub = actions.add_parser(
        "import",
        parents=[common],
        help=N_("turn a filled-in workbook (.xlsx, .ods, a folder of .csv) into a pack folder"),
        description=N_(
            "Read the workbook, check the pack it holds, and write the pack folder (pack.yaml,"
            " records.yaml). Every problem is named by sheet and cell (Bronnen!C7); when there is an"
            " error, nothing is written."
        ),
        epilog=N_("Exit codes: 0 written, 1 problems (nothing written), 2 usage error."),
    )
    sub.add_argument(
        "source", metavar="FILE", help=N_("the workbook (.xlsx, .ods) or a folder of .csv files")
    )
    sub.add_argument("--out", required=True, metavar="PACKDIR", help=N_("the pack folder to write"))
    sub.add_argument(
        "--force", action="store_true", help=N_("replace PACKDIR when it exists and is not empty")
    )
    sub.set_defaults(handler=run_import)
    sheet.set_defaults(handler=lambda args, out: _usage(sheet))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_USAGE


def run_template(args: argparse.Namespace, out: Any) -> int:
    """Write the template."""
    from pathlib import Path

    import ouderbetrokkenheid as ob

    destination = Path(args.out)
    if destination.suffix.lower() != ".xlsx":
        out.error(
            out.say(
                N_("{file}: the template is an .xlsx workbook; give a name ending in .xlsx"), file=args.out
            ),
            code="usage",
        )
        return EXIT_USAGE
    ob.write_template(destination, out.lang or "nl")
    if out.json:
        out.data({"template": str(destination), "lang": out.lang or "nl"})
    else:
        out.line(out.say(N_("wrote {file}"), file=destination))
    return EXIT_OK


def run_import(args: argparse.Namespace, out: Any) -> int:
    """Import a workbook into a pack folder."""
    from pathlib import Path

    import ouderbetrokkenheid as ob

    source = Path(args.source)
    if not source.exists():
        out.error(out.say(N_("{file}: no such file or folder"), file=args.source), code="not-found")
        return EXIT_USAGE
    try:
        result = ob.import_workbook(source, Path(args.out), out.lang, force=args.force)
    except ob.ProblemError as exc:
        out.problems(exc.problems)
        return EXIT_INVALID
    if out.json:
        out.data(
            {
                "out": args.out,
                "pack": result.pack.name if result.pack else None,
                "records": sum(1 for _ in result.pack.records()) if result.pack else 0,
                "problems": [out.problem(p) for p in result.report.problems],
            }
        )
    else:
        out.problems(result.report.problems)
        count = sum(1 for _ in result.pack.records()) if result.pack else 0
        out.line(
            out.say.ngettext(
                "wrote {folder}: pack {name} with {n} record",
                "wrote {folder}: pack {name} with {n} records",
                count,
            ).format(folder=args.out, name=result.pack.name if result.pack else "?", n=count)
        )
    return EXIT_OK
