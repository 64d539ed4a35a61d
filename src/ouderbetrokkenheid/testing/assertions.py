"""Assertions for pack authors."""

from os import PathLike

from ouderbetrokkenheid.errors import Report
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


def assert_valid_pack(path: str | PathLike[str], *, strict: bool = True) -> Report:
    """Assert that the pack at *path* has no errors (and, when *strict*, no warnings either).

    The assertion message lists every problem with its location and hint. Returns the report.
    """
    report = validate_pack(path)
    failed = report.problems if strict else report.errors
    if failed:
        raise AssertionError(f"the pack at {path} has {len(failed)} problem(s):\n{_render(report)}")
    return report
