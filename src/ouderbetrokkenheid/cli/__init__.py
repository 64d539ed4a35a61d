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


def N_(message: str) -> str:  # noqa: N802 - the gettext convention (ouderbetrokkenheid.i18n.N_, without its imports)
    """Mark *message* for the word catalogue; the help formatter translates it."""
    return message


#: argparse's own words (its gettext msgids), so that the catalogue has them.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("one of the arguments %s is required"),
    N_("show program's version number and exit"),
)


class _State:
    """What :func:`main` sees in the arguments before parsing."""

    #: The interface's words while the parser works (from ``--lang`` or the locale): argparse's own
    #: words and the help texts are shown in them.
    say: "Words | None" = None
    #: Whether ``--format json`` was asked for: then a usage error is JSON on standard output too.
    json = False


TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

    from ouderbetrokkenheid.cli.commands import Output
    from ouderbetrokkenheid.i18n import Words


def _gettext(message: str) -> str:
    return _State.say.gettext(message) if _State.say is not None else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    say = _State.say
    return say.ngettext(singular, plural, n) if say is not None else (singular if n == 1 else plural)


# argparse says its own words ("usage:", "options", "error:", "invalid choice ...") with the
# gettext and ngettext of its module namespace: they are looked up in our catalogue (cli/words.py
# lists their msgids).
argparse._ = _gettext  # type: ignore[attr-defined]
argparse.ngettext = _ngettext  # type: ignore[attr-defined]


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, with the width read without importing shutil (start-up time), and the
    help texts, descriptions and headings in the interface language (they are msgids marked with N_)."""

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

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return _gettext(action.help) if action.help else action.help

    def add_text(self, text: str | None) -> None:
        super().add_text(_gettext(text) if text and text is not argparse.SUPPRESS else text)

    def start_section(self, heading: str | None) -> None:
        super().start_section(_gettext(heading) if heading else heading)


class _Parser(argparse.ArgumentParser):
    """An argument parser that uses :class:`_Formatter` (also for the commands' own parsers); its
    errors are JSON on standard output when ``--format json`` was asked for."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> "NoReturn":  # type: ignore[override]
        if _State.json:
            import json

            usage = self.format_usage().strip()
            data = {"ok": False, "error": {"code": "usage", "message": message, "usage": usage}}
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            self.exit(EXIT_USAGE)
        super().error(message)


def _prescan(argv: Sequence[str]) -> tuple[str | None, bool]:
    """``--lang`` and whether ``--format json`` is among *argv*, before parsing (wherever they stand)."""
    lang, wanted = None, False
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        following = argv[index + 1] if index + 1 < len(argv) else None
        if arg == "--lang" and following is not None:
            lang = following
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
        elif (arg == "--format" and following == "json") or arg == "--format=json":
            wanted = True
    return lang, wanted


def _common(suppress: bool) -> argparse.ArgumentParser:
    """Options accepted before and after the command name."""
    default = argparse.SUPPRESS if suppress else None
    parent = _Parser(add_help=False)
    parent.add_argument(
        "--lang",
        metavar="TAG",
        default=default,
        help=N_(
            "language of labels and of the interface (BCP 47: nl, fr, en, ar ...); without it the "
            "interface follows the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else Dutch; labels fall back to "
            "the pack default, nl, en"
        ),
    )
    parent.add_argument(
        "--format",
        choices=("text", "json"),
        default=argparse.SUPPRESS if suppress else "text",
        dest="output",
        help=N_("output for people (text, the default) or for scripts (json)"),
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
    group = sub.add_argument_group(N_("filters (repeat an option for 'any of')"))
    for name, help_text in (
        ("kind", N_("resource kind (book, brochure, guide ...)")),
        ("theme", N_("theme (home-involvement, communication ...)")),
        ("audience", N_("audience role (parent, teacher, school-team ...)")),
        ("level", N_("education level (vl-lager, vl-kleuter ...)")),
        ("language", N_("language the resource is in (nl, en ...)")),
        ("publisher", N_("publisher name")),
        ("access", N_("online, download, lend, order, members, on-request")),
        (
            "concept",
            N_(
                "framework concept id or label (ref/epstein#learning-at-home; broader concepts include narrower ones)"
            ),
        ),
        ("pack", N_("pack name")),
    ):
        group.add_argument(f"--{name}", action="append", default=[], metavar="VALUE", help=help_text)
    group.add_argument(
        "--free", action="store_true", default=None, help=N_("only what can be had at no cost")
    )
    group.add_argument(
        "--path", action="append", default=[], metavar="PATH", help=N_("extra pack folder (repeatable)")
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command line."""
    parser = _Parser(
        prog="ouderbetrokkenheid",
        description=N_(
            "Parent-school partnership knowledge as structured data: validate, browse and export content packs."
        ),
        parents=[_common(suppress=False)],
        epilog=N_(
            "Exit codes: 0 ok, 1 invalid input, 2 usage error. Plugins: OUDERBETROKKENHEID_DISABLE_PLUGINS=a,b."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=N_("show program's version number and exit"),
    )
    common = _common(suppress=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub = commands.add_parser(
        "plugins", parents=[common], help=N_("list installed plugins, their hooks, packs and exporters")
    )
    sub.set_defaults(run="plugins")

    sub = commands.add_parser(
        "validate",
        parents=[common],
        help=N_("check content pack folders and report every problem"),
        description=N_(
            "Check pack folders (schema and cross-record rules). Without PATH, check the installed packs."
        ),
    )
    sub.add_argument("paths", nargs="*", metavar="PATH", help=N_("pack folders (holding pack.yaml)"))
    sub.add_argument("--strict", action="store_true", help=N_("treat warnings as errors"))
    sub.add_argument(
        "--no-plugins", action="store_true", help=N_("do not load installed packs to resolve references")
    )
    sub.add_argument(
        "--max-file-size",
        type=int,
        metavar="MIB",
        default=None,
        help=N_("largest file to read, in MiB (default 32)"),
    )
    sub.set_defaults(run="validate")

    sub = commands.add_parser(
        "schemas", parents=[common], help=N_("list the JSON Schemas, or write them to a folder")
    )
    sub.add_argument("--out", metavar="DIR", help=N_("write every schema into DIR"))
    sub.set_defaults(run="schemas")

    sub = commands.add_parser("catalog", parents=[common], help=N_("list the records of the installed packs"))
    sub.add_argument("paths", nargs="*", metavar="PATH", help=N_("extra pack folders"))
    sub.add_argument("--kind", choices=("resources", "findings", "frameworks", "mappings", "assessments"))
    sub.add_argument("--pack", metavar="NAME", help=N_("only this pack"))
    sub.set_defaults(run="catalog")

    sub = commands.add_parser(
        "show", parents=[common], help=N_("show one record: every language, provenance, links")
    )
    sub.add_argument(
        "id",
        metavar="ID",
        help=N_("a record id (ocb/boekje-bij-de-thee) or concept id (ref/epstein#parenting)"),
    )
    sub.add_argument(
        "--path", action="append", default=[], metavar="PATH", help=N_("extra pack folder (repeatable)")
    )
    sub.set_defaults(run="show")

    sub = commands.add_parser(
        "search",
        parents=[common],
        help=N_("search all packs as people type (Dutch, French, English: compounds, synonyms, typos)"),
    )
    sub.add_argument(
        "query", nargs="?", default="", help=N_("words to look for (empty: list what the filters select)")
    )
    add_filters(sub)
    sub.add_argument("--limit", type=int, default=20, help=N_("how many results (default 20)"))
    sub.add_argument("--facets", action="store_true", help=N_("also print facet counts of every result"))
    sub.add_argument(
        "--no-cache",
        action="store_true",
        help=N_("build the search index anew instead of using the cached one"),
    )
    sub.set_defaults(run="search")

    sub = commands.add_parser(
        "frameworks", parents=[common], help=N_("show the frameworks as trees, ordered or not")
    )
    sub.add_argument("ids", nargs="*", metavar="ID", help=N_("only these frameworks"))
    sub.add_argument(
        "--path", action="append", default=[], metavar="PATH", help=N_("extra pack folder (repeatable)")
    )
    sub.set_defaults(run="frameworks")

    sub = commands.add_parser("crosswalk", parents=[common], help=N_("the mappings between two frameworks"))
    sub.add_argument("first", metavar="A", help=N_("a framework id (ocb/themas)"))
    sub.add_argument("second", metavar="B", help=N_("another framework id (ref/epstein)"))
    sub.add_argument(
        "--path", action="append", default=[], metavar="PATH", help=N_("extra pack folder (repeatable)")
    )
    sub.set_defaults(run="crosswalk")

    sub = commands.add_parser("new-pack", parents=[common], help=N_("scaffold an installable content pack"))
    sub.add_argument(
        "name", metavar="NAME", help=N_("the pack's namespace (lower case, digits, hyphens: mijn-school)")
    )
    sub.add_argument("--dir", default=".", metavar="DIR", help=N_("where to create it (default: here)"))
    sub.add_argument("--publisher", default=None, help=N_("the organisation that publishes the pack"))
    sub.set_defaults(run="new_pack")

    for module in EXTENSION_COMMANDS:
        importlib.import_module(module).add_parser(commands, common)

    sub = commands.add_parser("export", parents=[common], help=N_("export the packs with an exporter plugin"))
    sub.add_argument("--to", dest="exporter", metavar="NAME", help=N_("exporter name (see --list)"))
    sub.add_argument("--out", metavar="PATH", help=N_("file or folder to write"))
    sub.add_argument("--list", action="store_true", help=N_("list the installed exporters"))
    sub.add_argument("--quiet", action="store_true", help=N_("no progress on standard error"))
    sub.add_argument(
        "--assessment", metavar="ID", help=N_("only this assessment (exporters of instruments: xlsform)")
    )
    sub.add_argument(
        "--templates",
        metavar="DIR",
        help=N_("a folder of templates that win over the site's own: logo, colours, extra pages (html)"),
    )
    sub.add_argument(
        "--home-languages",
        metavar="TAGS",
        help=N_(
            "more languages the site is also written in, such as the parents' home languages: ar,tr "
            "(html; the site still opens in --lang)"
        ),
    )
    sub.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help=N_("processes that write the pages (html; default: one per processor from 3,000 pages, else 1)"),
    )
    add_filters(sub)
    sub.set_defaults(run="export")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    from ouderbetrokkenheid.i18n import LanguageTagError, checked_language, interface_language, words

    tag, _State.json = _prescan(argv)
    try:
        _State.say = words(interface_language(tag))
    except ValueError:  # a malformed tag: the parser's words in the locale's language; reported below
        _State.say = words(interface_language(None))
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from ouderbetrokkenheid.cli import commands

    try:
        args.lang, notice = checked_language(args.lang)
    except LanguageTagError as exc:
        _State.say = words(interface_language(None))  # the message is in the locale's words
        if args.output == "json":
            commands.Output(lang=None, json=True).error(str(exc), code="language-tag")
            return EXIT_USAGE
        parser.exit(EXIT_USAGE, f"ouderbetrokkenheid: {_gettext('error')}: {exc}\n")
    if notice:
        print(f"ouderbetrokkenheid: {notice}", file=sys.stderr)
    out = commands.Output(lang=args.lang, json=args.output == "json")
    return _run(args, out)


def _run(args: argparse.Namespace, out: "Output") -> int:
    """Run the command of *args*; turn every error into its message and exit code."""
    from ouderbetrokkenheid.catalog.filters import UnknownFilterError
    from ouderbetrokkenheid.cli import commands
    from ouderbetrokkenheid.errors import (
        OuderbetrokkenheidError,
        ProblemError,
        UnknownIdError,
        UnknownValueError,
    )

    try:
        handler = getattr(args, "handler", None) or getattr(commands, f"cmd_{args.run}")
        code: int = handler(args, out)
    except ProblemError as exc:
        out.problems(exc.problems)
        return EXIT_INVALID
    except UnknownValueError as exc:
        out.mistake(exc)
        return EXIT_USAGE
    except UnknownFilterError as exc:
        out.mistake(commands.filter_mistake(exc))
        return EXIT_USAGE
    except UnknownIdError as exc:
        out.mistake(commands.id_mistake(exc, args))
        return EXIT_USAGE
    except OuderbetrokkenheidError as exc:
        out.error(exc.in_words(out.say))
        return EXIT_INVALID
    except KeyboardInterrupt:
        out.error(out.say(commands.N_("interrupted")), code="interrupted")
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
            out.say(
                commands.N_(
                    "internal error: {error}\nThis is a bug of ouderbetrokkenheid {version}; run again with "
                    "{variable}=1 and report the traceback."
                ),
                error=f"{type(exc).__name__}: {exc}",
                version=__version__,
                variable=DEBUG_ENV,
            ),
            code="internal-error",
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
