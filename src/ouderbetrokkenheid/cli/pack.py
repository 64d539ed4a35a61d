"""``ouderbetrokkenheid pack install|remove|build|list``: packs without Python packaging.

``pack install PATH`` installs a pack folder, or an archive made by ``pack build``, in the user's data
folder; ``pack remove NAME`` removes it; ``pack build FOLDER`` makes the archive and a wheel.
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
    """Add the ``pack`` command to the *commands* subparsers."""
    pack = commands.add_parser(
        "pack",
        parents=[common],
        help=N_("install, remove or build packs from files (no pip needed)"),
        description=N_(
            "Install a pack for yourself from a folder or an archive, without Python packaging. Installed"
            " packs live in the user's data folder (OUDERBETROKKENHEID_PACKS_DIR overrides it) and are"
            " used like packs installed with pip."
        ),
    )
    actions = pack.add_subparsers(dest="pack_action", metavar="ACTION", parser_class=type(pack))
    sub = actions.add_parser(
        "install", parents=[common], help=N_("install a pack folder or an archive made by `pack build`")
    )
    sub.add_argument("path", metavar="PATH", help=N_("a pack folder (with pack.yaml) or a NAME-VERSION.zip"))
    sub.add_argument(
        "--replace", action="store_true", help=N_("replace a pack of the same name installed from a file")
    )
    sub.set_defaults(handler=run_install)
    sub = actions.add_parser(
        "remove", parents=[common], help=N_("remove a pack installed with `pack install`")
    )
    sub.add_argument("name", metavar="NAME", help=N_("the pack's name"))
    sub.set_defaults(handler=run_remove)
    sub = actions.add_parser(
        "build",
        parents=[common],
        help=N_("check a pack folder and make its archive (for pack install) and a wheel (for pip)"),
    )
    sub.add_argument("folder", metavar="FOLDER", help=N_("the pack folder"))
    sub.add_argument("--out", default="dist", metavar="DIR", help=N_("where to write them (default: dist)"))
    sub.set_defaults(handler=run_build)
    sub = actions.add_parser(
        "list", parents=[common], help=N_("the packs installed with `pack install`, and where")
    )
    sub.set_defaults(handler=run_list)
    pack.set_defaults(handler=lambda args, out: _usage(pack))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_USAGE


def run_install(args: argparse.Namespace, out: Any) -> int:
    """Install a pack."""
    from pathlib import Path

    import ouderbetrokkenheid as ob

    try:
        name, folder, warnings = ob.install_pack(Path(args.path), replace=args.replace)
    except ob.ProblemError as exc:
        out.problems(exc.problems)
        return EXIT_INVALID
    if out.json:
        out.data(
            {
                "installed": name,
                "folder": str(folder),
                "problems": [out.problem(p) for p in warnings.problems],
            }
        )
    else:
        out.problems(warnings.problems)
        out.line(out.say(N_("installed pack {name} in {folder}"), name=name, folder=folder))
    return EXIT_OK


def run_remove(args: argparse.Namespace, out: Any) -> int:
    """Remove a pack."""
    import ouderbetrokkenheid as ob

    try:
        folder = ob.remove_pack(args.name)
    except ob.ProblemError as exc:
        out.problems(exc.problems)
        return EXIT_INVALID
    if out.json:
        out.data({"removed": args.name, "folder": str(folder)})
    else:
        out.line(out.say(N_("removed pack {name} ({folder})"), name=args.name, folder=folder))
    return EXIT_OK


def run_build(args: argparse.Namespace, out: Any) -> int:
    """Build the archive and the wheel."""
    from pathlib import Path

    import ouderbetrokkenheid as ob

    try:
        archive, wheel = ob.build_pack(Path(args.folder), Path(args.out))
    except ob.ProblemError as exc:
        out.problems(exc.problems)
        return EXIT_INVALID
    if out.json:
        out.data({"archive": str(archive), "wheel": str(wheel)})
    else:
        out.line(
            out.say(
                N_("wrote {file} (for: {command})"),
                file=archive,
                command=f"ouderbetrokkenheid pack install {archive.name}",
            )
        )
        out.line(
            out.say(
                N_("wrote {file} (for: {command}, or upload to PyPI)"),
                file=wheel,
                command=f"pip install {wheel.name}",
            )
        )
    return EXIT_OK


def run_list(args: argparse.Namespace, out: Any) -> int:
    """List the packs installed from files."""
    import ouderbetrokkenheid as ob

    packs = ob.installed_packs()
    if out.json:
        out.data(
            {"folder": str(ob.packs_folder()), "packs": {name: str(path) for name, path in packs.items()}}
        )
    else:
        out.line(out.say(N_("packs installed from files, in {folder}:"), folder=ob.packs_folder()))
        for name, path in packs.items():
            out.line(f"  {name}  {path}")
        if not packs:
            out.line("  " + out.say(N_("(none)")))
    return EXIT_OK
