"""Hooks for this repository's own test runs (tests/ and plugins/*/tests/), not for the published
pytest plugin (``ouderbetrokkenheid.testing.pytest_plugin``), which pack authors load in their own runs.

**Required means required.** Some tests need a real client that a developer's machine may lack
(Chromium, Node.js with ajv, Java for ODK Validate, ``unshare``, LibreOffice ...); they skip with a
message saying what is missing, and ``-ra`` lists those messages at the end of the run. Under
``CI=true`` a skip is not allowed: it is turned into a failure that keeps the skip's message, so a CI
run can never go green without the checks it claims to make. ``xfail`` is not affected.
"""

import os
from typing import Any

import pytest

#: The values of ``CI`` that mean "this is a CI run" (CI systems set ``CI=true``).
_TRUE = {"1", "true", "yes", "on"}


def in_ci() -> bool:
    """Whether this run is a CI run (``CI`` is ``true``, ``1``, ``yes`` or ``on``)."""
    return os.environ.get("CI", "").strip().lower() in _TRUE


def _reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    longrepr: Any = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def _required(report: pytest.TestReport | pytest.CollectReport, where: str) -> None:
    report.outcome = "failed"
    report.longrepr = (
        f"{where} was SKIPPED under CI=true, where every test must run.\n"
        f"What is missing: {_reason(report)}\n"
        "Install it (.ci/run installs every client the tests need), or run without CI=true to allow skips."
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> pytest.TestReport:
    report: pytest.TestReport = yield
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        _required(report, item.nodeid)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> pytest.CollectReport:
    report: pytest.CollectReport = yield
    if in_ci() and report.skipped:
        _required(report, collector.nodeid or "a test module")
    return report
