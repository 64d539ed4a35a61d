"""The ``ouderbetrokkenheid`` command. Thin: it parses arguments, calls the public API and renders
what comes back. Heavy imports happen inside the commands, so ``--help`` starts fast.

Exit codes: 0 success, 1 invalid input or problems found, 2 usage error, 130 interrupted.
"""

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from ouderbetrokkenheid import __version__

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
DEBUG_ENV = "OUDERBETROKKENHEID_DEBUG"


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, with the width read without importing shutil (start-up time)."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        if width is None:
            try:
                width = int(os.environ.get("COLUMNS", "0")) or os.get_terminal_size().columns
            except (OSError, ValueError):
                width = 80
            width -= 2
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """An argument parser that uses :class:`_Formatter` (also for the commands' own parsers)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def _common(suppress: bool) -> argparse.ArgumentParser:
    """Options accepted before and after the command name."""
    default = argparse.SUPPRESS if suppress else None
    parent = _Parser(add_help=False)
    parent.add_argument(
        "--lang",
        metavar="TAG",
        default=default,
        help="language of labels and of the interface (BCP 47: nl, fr, en, ar ...); without it the "
        "interface follows the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else Dutch; labels fall back to "
        "the pack default, nl, en",
    )
    parent.add_argument(
        "--format",
        choices=("text", "json"),
        default=argparse.SUPPRESS if suppress else "text",
        dest="output",
        help="output for people (text, the default) or for scripts (json)",
    )
    return parent


#: Modules that add commands with ``add_parser(commands, common)`` and a ``handler``.
EXTENSION_COMMANDS: tuple[str, ...] = (
    "ouderbetrokkenheid.cli.assess",
    "ouderbetrokkenheid.cli.score",
    "ouderbetrokkenheid.cli.report",
    "ouderbetrokkenheid.cli.sheet",
    "ouderbetrokkenheid.cli.pack",
)


def add_filters(sub: argparse.ArgumentParser) -> None:
    """The catalog filters shared by ``search`` and ``export``."""
    group = sub.add_argument_group("filters (repeat an option for 'any of')")
    for name, help_text in (
        ("kind", "resource kind (book, brochure, guide ...)"),
        ("theme", "theme (home-involvement, communication ...)"),
        ("audience", "audience role (parent, teacher, school-team ...)"),
        ("level", "education level (vl-lager, fwb-primaire ...)"),
        ("language", "language the resource is in (nl, fr ...)"),
        ("publisher", "publisher name"),
        ("access", "online, download, lend, order, members, on-request"),
        ("concept", "framework concept id (ref/epstein#t4; broader concepts include narrower ones)"),
        ("pack", "pack name"),
    ):
        group.add_argument(f"--{name}", action="append", default=[], metavar="VALUE", help=help_text)
    group.add_argument("--free", action="store_true", default=None, help="only what can be had at no cost")
    group.add_argument(
        "--path", action="append", default=[], metavar="PATH", help="extra pack folder (repeatable)"
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command line."""
    parser = _Parser(
        prog="ouderbetrokkenheid",
        description="Parent-school partnership knowledge as structured data: validate, browse and export content packs.",
        parents=[_common(suppress=False)],
        epilog="Exit codes: 0 ok, 1 invalid input, 2 usage error. Plugins: OUDERBETROKKENHEID_DISABLE_PLUGINS=a,b.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = _common(suppress=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub = commands.add_parser(
        "plugins", parents=[common], help="list installed plugins, their hooks, packs and exporters"
    )
    sub.set_defaults(run="plugins")

    sub = commands.add_parser(
        "validate",
        parents=[common],
        help="check content pack folders and report every problem",
        description="Check pack folders (schema and cross-record rules). Without PATH, check the installed packs.",
    )
    sub.add_argument("paths", nargs="*", metavar="PATH", help="pack folders (holding pack.yaml)")
    sub.add_argument("--strict", action="store_true", help="treat warnings as errors")
    sub.add_argument(
        "--no-plugins", action="store_true", help="do not load installed packs to resolve references"
    )
    sub.add_argument(
        "--max-file-size",
        type=int,
        metavar="MIB",
        default=None,
        help="largest file to read, in MiB (default 32)",
    )
    sub.set_defaults(run="validate")

    sub = commands.add_parser(
        "schemas", parents=[common], help="list the JSON Schemas, or write them to a folder"
    )
    sub.add_argument("--out", metavar="DIR", help="write every schema into DIR")
    sub.set_defaults(run="schemas")

    sub = commands.add_parser("catalog", parents=[common], help="list the records of the installed packs")
    sub.add_argument("paths", nargs="*", metavar="PATH", help="extra pack folders")
    sub.add_argument("--kind", choices=("resources", "findings", "frameworks", "mappings", "assessments"))
    sub.add_argument("--pack", metavar="NAME", help="only this pack")
    sub.set_defaults(run="catalog")

    sub = commands.add_parser(
        "show", parents=[common], help="show one record: every language, provenance, links"
    )
    sub.add_argument(
        "id", metavar="ID", help="a record id (ocb/boekje-bij-de-thee) or concept id (ref/epstein#parenting)"
    )
    sub.add_argument(
        "--path", action="append", default=[], metavar="PATH", help="extra pack folder (repeatable)"
    )
    sub.set_defaults(run="show")

    sub = commands.add_parser(
        "search",
        parents=[common],
        help="search all packs as people type (Dutch, French, English: compounds, synonyms, typos)",
    )
    sub.add_argument(
        "query", nargs="?", default="", help="words to look for (empty: list what the filters select)"
    )
    add_filters(sub)
    sub.add_argument("--limit", type=int, default=20, help="how many results (default 20)")
    sub.add_argument("--facets", action="store_true", help="also print facet counts of every result")
    sub.add_argument(
        "--no-cache", action="store_true", help="build the search index anew instead of using the cached one"
    )
    sub.set_defaults(run="search")

    sub = commands.add_parser(
        "frameworks", parents=[common], help="show the frameworks as trees, ordered or not"
    )
    sub.add_argument("ids", nargs="*", metavar="ID", help="only these frameworks")
    sub.add_argument(
        "--path", action="append", default=[], metavar="PATH", help="extra pack folder (repeatable)"
    )
    sub.set_defaults(run="frameworks")

    sub = commands.add_parser("crosswalk", parents=[common], help="the mappings between two frameworks")
    sub.add_argument("first", metavar="A", help="a framework id (ocb/themas)")
    sub.add_argument("second", metavar="B", help="another framework id (ref/epstein)")
    sub.add_argument(
        "--path", action="append", default=[], metavar="PATH", help="extra pack folder (repeatable)"
    )
    sub.set_defaults(run="crosswalk")

    sub = commands.add_parser("new-pack", parents=[common], help="scaffold an installable content pack")
    sub.add_argument(
        "name", metavar="NAME", help="the pack's namespace (lower case, digits, hyphens: mijn-school)"
    )
    sub.add_argument("--dir", default=".", metavar="DIR", help="where to create it (default: here)")
    sub.add_argument("--publisher", default=None, help="the organisation that publishes the pack")
    sub.set_defaults(run="new_pack")

    for module in EXTENSION_COMMANDS:
        importlib.import_module(module).add_parser(commands, common)

    sub = commands.add_parser("export", parents=[common], help="export the packs with an exporter plugin")
    sub.add_argument("--to", dest="exporter", metavar="NAME", help="exporter name (see --list)")
    sub.add_argument("--out", metavar="PATH", help="file or folder to write")
    sub.add_argument("--list", action="store_true", help="list the installed exporters")
    sub.add_argument("--quiet", action="store_true", help="no progress on standard error")
    sub.add_argument(
        "--assessment", metavar="ID", help="only this assessment (exporters of instruments: xlsform)"
    )
    sub.add_argument(
        "--templates",
        metavar="DIR",
        help="a folder of templates that win over the site's own: logo, colours, extra pages (html)",
    )
    add_filters(sub)
    sub.set_defaults(run="export")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from ouderbetrokkenheid.cli import commands
    from ouderbetrokkenheid.errors import OuderbetrokkenheidError, ProblemError
    from ouderbetrokkenheid.i18n import LanguageTagError, checked_language

    try:
        args.lang, notice = checked_language(args.lang)
    except LanguageTagError as exc:
        parser.exit(EXIT_USAGE, f"ouderbetrokkenheid: error: {exc}\n")
    if notice:
        print(f"ouderbetrokkenheid: {notice}", file=sys.stderr)
    out = commands.Output(lang=args.lang, json=args.output == "json")
    try:
        handler = getattr(args, "handler", None) or getattr(commands, f"cmd_{args.run}")
        code: int = handler(args, out)
    except ProblemError as exc:
        out.problems(exc.problems)
        return EXIT_INVALID
    except OuderbetrokkenheidError as exc:
        out.error(str(exc))
        return EXIT_INVALID
    except KeyboardInterrupt:
        out.error("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # read-only place, disk full, file too large, permission: the user's to fix
        from ouderbetrokkenheid.loading.files import os_error_problem

        out.problems([os_error_problem(exc, writing=True)])
        return EXIT_INVALID
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        out.error(
            f"internal error: {type(exc).__name__}: {exc}\n"
            f"This is a bug of ouderbetrokkenheid {__version__}; run again with {DEBUG_ENV}=1 and report the traceback."
        )
        return 3
    return code


def run() -> None:
    """Entry point of the console script (and ``python -m ouderbetrokkenheid``)."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # ouderbetrokkenheid ... | head: the reader left; not an error
        # Python flushes stdout again at exit; point it at devnull so that makes no traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_OK
    sys.exit(code)
