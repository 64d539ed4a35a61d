"""The Sphinx extension that runs the documentation's commands (docs/commands.py): output shown as
run, an unexpected exit code fails the build, files and edits reach the next command, and a second
build is served from the cache, files included."""

import io
import sys

import pytest

from .conftest import ROOT

sphinx_application = pytest.importorskip("sphinx.application")
pytest.importorskip("myst_parser")
sys.path.insert(0, str(ROOT / "docs"))
import commands  # noqa: E402 - docs/commands.py, found through the path above


def build(tmp_path, page, name="first"):
    """Build *page* (MyST) with the extension as text; ``(the page, its lines stripped; warnings)``."""
    source = tmp_path / "src"
    source.mkdir(exist_ok=True)
    (source / "conf.py").write_text(
        'extensions = ["myst_parser", "commands"]\nsource_suffix = {".md": "markdown"}\n', encoding="utf-8"
    )
    (source / "index.md").write_text(page, encoding="utf-8")
    warnings = io.StringIO()
    app = sphinx_application.Sphinx(
        str(source),
        str(source),
        str(tmp_path / name / "text"),
        str(tmp_path / name / "doctrees"),
        "text",
        status=None,
        warning=warnings,
        freshenv=True,
    )
    app.build()
    text = (tmp_path / name / "text" / "index.txt").read_text(encoding="utf-8")
    # a second application in one process registers docutils' nodes and roles again: not our warning
    own = [line for line in warnings.getvalue().splitlines() if "is already registered" not in line]
    return "\n".join(line.strip() for line in text.splitlines()), "\n".join(own)


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(commands, "CACHE", tmp_path / "cache")


def test_parse_reads_variables_and_a_redirection():
    assert commands.parse("PYTHONPATH=src python -m pytest -q") == (
        {"PYTHONPATH": "src"},
        ["python", "-m", "pytest", "-q"],
        None,
    )
    assert commands.parse("ouderbetrokkenheid score A b.csv --format json > r.json  # c") == (
        {},
        ["ouderbetrokkenheid", "score", "A", "b.csv", "--format", "json"],
        "r.json",
    )


def test_trim_keeps_the_head_or_the_matching_lines():
    text = "a\nb\nc\nd"
    assert commands.trim(text, 2, None) == "a\nb\n..."
    assert commands.trim(text, None, "a|d") == "a\n...\nd"
    assert commands.trim(text, None, None) == text


def test_a_command_is_run_and_its_output_shown(tmp_path):
    html, warnings = build(
        tmp_path,
        "# T\n\n```{cli}\nouderbetrokkenheid validate examples/voorbeeldpack\n```\n",
    )
    assert not warnings, warnings
    assert "$ ouderbetrokkenheid validate examples/voorbeeldpack" in html
    assert "examples/voorbeeldpack: valid (0 error(s), 0 warning(s))" in html


def test_an_unexpected_exit_code_fails_the_build(tmp_path):
    _, warnings = build(
        tmp_path,
        "# T\n\n```{cli}\nouderbetrokkenheid show voorbeeld/nope --path examples/voorbeeldpack\n```\n",
    )
    assert "ended with exit code 2, not 0" in warnings
    _, warnings = build(
        tmp_path,
        "# T\n\n```{cli}\n:returncode: 2\nouderbetrokkenheid show voorbeeld/nope --path examples/voorbeeldpack\n```\n",
        "second",
    )
    assert not warnings, warnings


PAGE = """# T

```{cli-file} a.txt
first
second
```

```{cli-edit} a.txt
- second
+ changed
```

```{cli}
ouderbetrokkenheid schemas --out s
cat a.txt
ls s
```
"""


def test_files_and_edits_reach_the_commands_and_a_second_build_runs_nothing(tmp_path, monkeypatch):
    html, warnings = build(tmp_path, PAGE)
    assert not warnings, warnings
    assert "first\nchanged" in html
    assert "second" not in html.split("$ cat a.txt")[1]
    assert "pack.schema.json" in html  # ls sees what the command before it wrote

    def no_run(*args, **kwargs):
        raise AssertionError("a command ran although its result was cached")

    monkeypatch.setattr(commands, "execute", no_run)
    again, warnings = build(tmp_path, PAGE, "second")
    assert not warnings, warnings
    assert again.split("$ ouderbetrokkenheid schemas")[1] == html.split("$ ouderbetrokkenheid schemas")[1]


def test_an_edit_of_a_line_that_is_not_there_fails(tmp_path):
    _, warnings = build(
        tmp_path, "# T\n\n```{cli-file} a.txt\none\n```\n\n```{cli-edit} a.txt\n- two\n+ three\n```\n"
    )
    assert "has no line 'two'" in warnings


def test_a_synopsis_must_match_the_help(tmp_path):
    _, warnings = build(
        tmp_path, "# T\n\n```{cli-synopsis}\nouderbetrokkenheid validate [PATH ...] [--strict]\n```\n"
    )
    assert "missing: ['--max-file-size', '--no-plugins']" in warnings


def test_a_build_prunes_the_results_it_no_longer_uses(tmp_path):
    build(tmp_path, "# T\n\n```{cli}\necho one\n```\n")
    first = set(commands.CACHE.glob("*.json"))
    assert len(first) == 1
    build(tmp_path, "# T\n\n```{cli}\necho two\n```\n", "second")
    second = set(commands.CACHE.glob("*.json"))
    assert len(second) == 1 and not second & first  # the result of `echo one` is gone
    build(tmp_path, "# T\n\n```{cli}\necho two\n```\n", "third")
    assert set(commands.CACHE.glob("*.json")) == second  # a result still used is kept
