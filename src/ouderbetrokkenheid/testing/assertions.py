"""Assertions for pack authors."""

from collections.abc import Iterable
from os import PathLike

from ouderbetrokkenheid.errors import Report
from ouderbetrokkenheid.loading.manifest import peek_manifest
from ouderbetrokkenheid.validation import validate_pack


def _render(report: Report) -> str:
    lines = []
    for problem in report.problems:
        lines.append(f"{problem.location()}: {problem.severity.value}[{problem.code}] {problem.message}")
        if problem.pointer:
            lines.append(f"    at {problem.pointer}")
        if problem.hint:
            lines.append(f"    hint: {problem.hint}")
    return "\n".join(lines)


def assert_valid_pack(
    path: str | PathLike[str], *, strict: bool = True, context: Iterable[str | PathLike[str]] | bool = True
) -> Report:
    """Assert that the pack at *path* has no errors (and, when *strict*, no warnings either).

    References into other packs (``depends``) are checked against *context*: ``True`` (the default)
    uses the installed packs, a list of folders uses those packs, ``False`` checks the pack alone.
    The assertion message lists every problem with its location and hint. Returns the report.
    """
    external = None
    if context is not False:
        from ouderbetrokkenheid.catalog.library import Library

        folders = [] if context is True else list(context)
        library = Library.discover(folders, plugins=context is True)
        own = peek_manifest(path)[0]
        names = {pack.name for pack in library.packs} - {own}

        def external(identifier: str) -> bool | None:
            namespace = identifier.split("/", 1)[0]
            return (identifier in library) if namespace in names else None

    report = validate_pack(path, external=external)
    failed = report.problems if strict else report.errors
    if failed:
        raise AssertionError(f"the pack at {path} has {len(failed)} problem(s):\n{_render(report)}")
    return report
