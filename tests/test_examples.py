"""The scripts in examples/ run (CI runs them here)."""

import os
import subprocess
import sys

import pytest

from .conftest import ROOT

EXAMPLES = ROOT / "examples"


def run(name, *args):
    env = {**os.environ, "OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD": ""}
    return subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args], capture_output=True, text=True, env=env, check=False
    )


def test_developer_example():
    result = run("developer_query.py", "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert "voorbeeld/kader: Cadre d'exemple (2 concepts, ordered)" in result.stdout


def test_organisation_example_valid_and_invalid(tmp_path):
    result = run("organisation_validate.py")
    assert result.returncode == 0, result.stderr
    assert "valid, 0 error(s), 0 warning(s)" in result.stdout
    result = run("organisation_validate.py", str(tmp_path))
    assert result.returncode == 1
    assert "manifest-missing" in result.stdout


def test_other_tool_example_uses_the_schemas_alone():
    # Run it with the package made unimportable: it must not need it.
    blocker = "import runpy, sys; sys.modules['ouderbetrokkenheid'] = None; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')"
    result = subprocess.run(
        [sys.executable, "-c", blocker, str(EXAMPLES / "other_tool_validate.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "valid record: True" in result.stdout
    assert "javascript:alert(1)" in result.stdout


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.py")))
def test_every_example_is_tested(name):
    assert name in (EXAMPLES.parent / "tests" / "test_examples.py").read_text("utf-8")
