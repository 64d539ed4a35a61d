"""``ouderbetrokkenheid assess ID --group G``: answer an assessment in the terminal.

Every answer is saved the moment it is given; a run that stops is continued by running the same
command again. The finished response is written as JSON (``--save FILE``).
"""

from __future__ import annotations

import argparse
import sys

from ouderbetrokkenheid.cli import N_

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

EXIT_OK = 0
EXIT_STOPPED = 1
EXIT_USAGE = 2


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``assess`` command to the *commands* subparsers."""
    sub = commands.add_parser(
        "assess",
        parents=[common],
        help=N_("answer an assessment in the terminal; answers are saved as they are given"),
        description=N_(
            "Ask the items of an assessment one by one (in --lang, with fallback) and save the response"
            " as JSON. Type an option's number or code; ? help, s skip (when not required), q stop."
            " Every answer is saved at once: run the same command again to continue a run that stopped."
        ),
        epilog=N_(
            "Exit codes: 0 the response is complete and saved, 1 the run stopped before the end (resumable), 2 usage error."
        ),
    )
    sub.add_argument("id", metavar="ID", help=N_("the assessment id (voorbeeld/mini-scan)"))
    sub.add_argument(
        "--group", required=True, metavar="G", help=N_("the respondent group (team, parents ...)")
    )
    sub.add_argument("--respondent", metavar="R", help=N_("the respondent id (default: a random one)"))
    sub.add_argument(
        "--save",
        metavar="FILE",
        help=N_(
            "where the response goes (default: <assessment>-<group>[-<respondent>].json here);"
            " its journal is FILE.journal.jsonl"
        ),
    )
    sub.add_argument(
        "--path", action="append", default=[], metavar="PATH", help=N_("extra pack folder (repeatable)")
    )
    sub.set_defaults(handler=run)


def default_save(assessment_id: str, group: str, respondent: str | None) -> Path:
    """``<local id>-<group>[-<respondent>].json`` in the current folder."""
    from pathlib import Path

    parts = [assessment_id.split("/", 1)[-1], group]
    if respondent:
        parts.append("".join(c if c.isalnum() or c in "-_." else "_" for c in respondent))
    return Path("-".join(parts) + ".json")


def run(args: argparse.Namespace, out: Any) -> int:
    """Run ``assess``: 0 when the response is complete, 1 when the run stopped early."""
    from pathlib import Path

    import ouderbetrokkenheid as ob
    from ouderbetrokkenheid.responses.interactive import run_assessment

    library = ob.Library.discover(list(args.path))
    if not library.report.ok and not out.json:
        out.problems(library.report.problems)
    from ouderbetrokkenheid.cli.commands import require_given
    from ouderbetrokkenheid.cli.mistakes import get_record, unknown
    from ouderbetrokkenheid.cli.score import _groups

    require_given(library, args.path, out)
    record = get_record(library, args.id, kind=ob.Assessment)
    groups = [group.id for group in record.groups]
    if args.group not in groups:
        raise unknown("unknown-group", "--group", args.group, _groups(record))
    save = Path(args.save) if args.save else default_save(record.id, args.group, args.respondent)
    response = run_assessment(
        record,
        args.group,
        save=save,
        stdin=sys.stdin,
        stdout=sys.stderr if out.json else sys.stdout,
        respondent=args.respondent,
        lang=out.lang,
        default_language=library.pack_of(record.id).manifest.default_language,
    )
    if response is None:
        return EXIT_STOPPED
    if out.json:
        out.data({"saved": str(save), "response": ob.unstructure(response)})
    return EXIT_OK
