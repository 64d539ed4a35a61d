"""Required means required: under ``CI=true`` a skipped test fails the run (the repository's
conftest.py); locally it stays a skip whose reason ``-ra`` prints. Run in a separate pytest process on a
throw-away project that uses the same conftest.py."""

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from .conftest import ROOT

TESTS = {
    "test_sample.py": """
        import pytest

        def test_runs():
            assert True

        def test_needs_a_client():
            pytest.skip("no Chromium at /nowhere/chromium: apt-get install chromium")

        @pytest.mark.skipif(True, reason="ODK Validate needs Java, which is not installed")
        def test_marked():
            pass

        @pytest.mark.xfail(reason="a known bug", strict=True)
        def test_expected_failure():
            assert False
    """,
    "test_module_level.py": """
        import pytest

        pytest.importorskip("a_module_that_does_not_exist_anywhere")

        def test_never_collected():
            pass
    """,
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "conftest.py", folder / "conftest.py")
    (folder / "pytest.ini").write_text("[pytest]\naddopts = -ra -p no:cacheprovider\n", encoding="utf-8")
    for name, text in TESTS.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def run(project, ci, name="test_sample.py"):
    env = {key: value for key, value in os.environ.items() if key not in {"CI", "PYTEST_ADDOPTS"}}
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", name],
        capture_output=True,
        text=True,
        cwd=project,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("ci", [None, "false"])
def test_locally_a_skip_stays_a_skip_and_says_why(project, ci):
    result = run(project, ci)
    assert result.returncode == 0, result.stdout
    summary = result.stdout.splitlines()[-1]
    assert "1 passed" in summary and "2 skipped" in summary and "1 xfailed" in summary
    assert "SKIPPED" in result.stdout
    assert "no Chromium at /nowhere/chromium" in result.stdout
    assert "ODK Validate needs Java" in result.stdout
    module = run(project, ci, "test_module_level.py")
    assert module.returncode == 5, module.stdout  # "no tests ran": nothing failed
    assert "1 skipped" in module.stdout.splitlines()[-1]


@pytest.mark.parametrize("ci", ["true", "1"])
def test_under_ci_every_skip_fails_and_names_what_is_missing(project, ci):
    result = run(project, ci)
    assert result.returncode == 1, result.stdout
    summary = result.stdout.splitlines()[-1]
    assert "skipped" not in summary
    # a skip in the call fails the test; a skipif mark (setup) makes an error: both fail the run
    assert "1 passed" in summary and "1 failed" in summary and "1 error" in summary and "1 xfailed" in summary
    assert "test_sample.py::test_needs_a_client was SKIPPED under CI=true" in result.stdout
    assert "What is missing: no Chromium at /nowhere/chromium: apt-get install chromium" in result.stdout
    assert "What is missing: ODK Validate needs Java, which is not installed" in result.stdout
    module = run(project, ci, "test_module_level.py")
    assert module.returncode != 0, module.stdout  # a collection error stops the run
    assert "skipped" not in module.stdout.splitlines()[-1]
    assert "test_module_level.py was SKIPPED under CI=true" in module.stdout
    assert "No module named 'a_module_that_does_not_exist_anywhere'" in module.stdout


@pytest.fixture
def dev(monkeypatch):
    """dev.py as a module (it is a script next to the repository's root, not part of the package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_test_stops_under_ci_when_a_client_is_missing(dev, monkeypatch, capsys):
    monkeypatch.setattr(dev, "CLIENTS", {"here": lambda: None, "gone": lambda: "Foo 3 for the bar tests"})
    monkeypatch.setattr(dev, "CI", True)
    with pytest.raises(SystemExit) as info:
        dev.clients()
    assert info.value.code == 1
    shown = capsys.readouterr().out
    assert "MISSING (required under CI=true): Foo 3 for the bar tests" in shown
    assert "1 required client(s) missing" in shown


def test_dev_test_says_locally_what_it_skips(dev, monkeypatch, capsys):
    monkeypatch.setattr(dev, "CLIENTS", {"here": lambda: None, "gone": lambda: "Foo 3 for the bar tests"})
    monkeypatch.setattr(dev, "CI", False)
    dev.clients()
    shown = capsys.readouterr().out
    assert "SKIPPED (missing): Foo 3 for the bar tests" in shown
    monkeypatch.setattr(dev, "CLIENTS", {"here": lambda: None})
    dev.clients()
    assert "nothing will be skipped" in capsys.readouterr().out


def test_dev_names_node_when_it_is_missing(dev, monkeypatch):
    monkeypatch.setattr(dev.shutil, "which", lambda name: None)
    assert "Node.js" in dev.ajv()
    assert "Java" in dev.java()
    assert "unshare" in dev.offline()
