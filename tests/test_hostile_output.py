"""Hostile corpus, output and faults: control characters on the terminal, formulas in spreadsheets,
operating-system errors while writing (exit 1, earlier output intact, nothing temporary left),
leftovers of a killed export, honest exit codes."""

import errno
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.exporters.base import atomic_file, atomic_folder, remove_leftovers

from .conftest import EXAMPLE_PACK
from .hostile_support import assert_clean_error, example_copy, run, small_pack

TITLE = "nl: Voorbeeld van een oudercafé"


# -- control characters on the terminal ---------------------------------------------------------
ESCAPES = {
    "retitle": "\x1b]0;pwned\x07",
    "clear-screen": "\x1b[2J\x1b[H",
    "c1-csi": "\x9b2J",
    "carriage-return": "\rFAKE",
    "backspaces": "\x08\x08\x08",
    "delete": "\x7f",
}


def _escaped_pack(tmp_path: Path, value: str) -> Path:
    encoded = json.dumps("Titel " + value + " einde")  # a JSON string is a YAML string
    return example_copy(tmp_path / "p", TITLE, "nl: " + encoded)


@pytest.mark.parametrize("case", sorted(ESCAPES))
@pytest.mark.parametrize("command", ["show", "catalog"])
def test_control_characters_in_content_are_shown_escaped(capsys, tmp_path, case, command):
    folder = _escaped_pack(tmp_path, ESCAPES[case])
    args = ["show", "voorbeeld/oudercafe", "--path"] if command == "show" else ["catalog"]
    code, out, err = run(capsys, *args, str(folder), "--lang", "nl")
    assert code == 0, err
    assert "Titel " in out
    for char in ESCAPES[case]:
        if ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0:
            assert char not in out + err
    assert "\\x" in out


def test_json_output_escapes_c1_controls(capsys, tmp_path):
    folder = _escaped_pack(tmp_path, "\x9b2J\x1b[2J")
    code, out, _ = run(capsys, "--format", "json", "show", "voorbeeld/oudercafe", "--path", str(folder))
    assert code == 0
    assert "\x9b" not in out and "\x1b" not in out
    assert json.loads(out)["record"]["title"]["nl"] == "Titel \x9b2J\x1b[2J einde"  # the data is intact


def test_control_characters_in_file_names_are_shown_escaped(capsys, tmp_path):
    folder = small_pack(tmp_path / "p", {"bad\x1b]0;x\x07name.yaml": "resources: [1]\n"})
    code, _out, err = run(capsys, "validate", "--no-plugins", str(folder))
    assert code == 1
    assert "\x1b" not in err and "\x07" not in err
    assert "bad\\x1b]0;x\\x07name.yaml" in err


def test_the_terminal_run_of_an_assessment_escapes_its_content(tmp_path):
    folder = example_copy(
        tmp_path / "p", "nl: Ik voel me welkom op school.", "nl: " + json.dumps("Welkom\x1b[2J?")
    )
    assessment = ob.load_pack(folder).assessments[0]
    from ouderbetrokkenheid.responses.interactive import run_assessment

    shown = io.StringIO()
    run_assessment(
        assessment, "parents", save=tmp_path / "r.json", stdin=io.StringIO("q\n"), stdout=shown, lang="nl"
    )
    assert "\x1b" not in shown.getvalue() and "Welkom\\x1b[2J?" in shown.getvalue()


# -- formulas in spreadsheets -------------------------------------------------------------------
FORMULAS = ['=HYPERLINK("http://example.org")', "+1+1", "-2+3", "@SUM(A1)", "  =1", "＝1"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_xlsform_and_csv_neutralise_formulas_alike(tmp_path, formula):
    import ouderbetrokkenheid_xlsform
    from openpyxl import load_workbook

    folder = example_copy(tmp_path / "p", "nl: Ik voel me welkom op school.", "nl: " + json.dumps(formula))
    library = ob.Library.discover([folder], plugins=False)
    ouderbetrokkenheid_xlsform.XLSFormExporter().export(library, tmp_path / "forms", {})
    cells = []
    for book in (tmp_path / "forms").glob("*.xlsx"):
        for sheet in load_workbook(book).worksheets:
            cells += [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert ob.neutralise_formula(formula) in {cell.value for cell in cells}
    assert ob.neutralise_formula(formula).startswith("'")


# -- operating-system errors while writing --------------------------------------------------------
FAULTS = {
    "read-only": errno.EROFS,
    "no-space": errno.ENOSPC,
    "quota": errno.EDQUOT,
    "file-too-large": errno.EFBIG,
    "permission": errno.EACCES,
}


@pytest.mark.parametrize("to", ["json", "markdown"])
@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_os_errors_while_exporting_are_clear_errors(capsys, tmp_path, monkeypatch, fault, to):
    out = tmp_path / ("export.json" if to == "json" else "export")
    code, _, _ = run(capsys, "export", "--to", to, "--out", str(out), "--path", str(EXAMPLE_PACK))
    assert code == 0
    before = sorted(p.name for p in tmp_path.iterdir())

    def refuse(*args, **kwargs):
        raise OSError(FAULTS[fault], os.strerror(FAULTS[fault]))

    monkeypatch.setattr(tempfile, "mkstemp" if to == "json" else "mkdtemp", refuse)
    code, stdout, err = run(capsys, "export", "--to", to, "--out", str(out), "--path", str(EXAMPLE_PACK))
    assert_clean_error(code, stdout, err)
    assert "os-error" in err and str(out) in err and "hint:" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # the earlier export, and nothing else


def test_a_real_file_size_limit_ends_in_a_clear_error(tmp_path):
    out = tmp_path / "export.json"
    command = [sys.executable, "-m", "ouderbetrokkenheid", "export", "--to", "json", "--out", str(out)]
    command += ["--path", str(EXAMPLE_PACK)]
    env = {**os.environ, "OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD": "1"}
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert first.returncode == 0, first.stderr
    earlier = out.read_bytes()

    def limit():  # what a full disk looks like to a program: writes fail with EFBIG past 2 KiB
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    second = subprocess.run(command, capture_output=True, text=True, env=env, check=False, preexec_fn=limit)
    assert second.returncode == 1, second.stderr
    assert "os-error" in second.stderr and "Traceback" not in second.stderr
    assert out.read_bytes() == earlier
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json"]


def test_writing_below_a_file_is_a_clear_error(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    code, out, err = run(capsys, "export", "--to", "json", "--out", str(blocker / "x.json"))
    assert_clean_error(code, out, err)
    assert "os-error" in err


def test_a_report_onto_a_folder_is_a_clear_error(capsys, tmp_path):
    result = tmp_path / "result.json"
    result.write_text(
        json.dumps({"assessment": "voorbeeld/mini-scan", "version": "1.0", "min_group_size": 5}), "utf-8"
    )
    (tmp_path / "report.md").mkdir()
    code, out, err = run(
        capsys, "report", "voorbeeld/mini-scan", str(result), "--out", str(tmp_path / "report.md"),
        "--path", str(EXAMPLE_PACK),
    )  # fmt: skip
    assert_clean_error(code, out, err)
    assert "os-error" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md", "result.json"]


# -- leftovers of a killed export ---------------------------------------------------------------
def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.parametrize("kind", ["folder", "file"])
def test_the_next_export_removes_what_a_killed_one_left(tmp_path, kind):
    destination = tmp_path / ("site" if kind == "folder" else "out.json")
    dead = _dead_pid()
    leftovers = [
        tmp_path / f".{destination.name}.{dead}.k3j2.tmp",
        tmp_path / f".{destination.name}.old-{dead}",
    ]
    alive = tmp_path / f".{destination.name}.{os.getppid()}.zz.tmp"  # a running export: kept
    for path in [*leftovers, alive]:
        path.mkdir()
        (path / "index.html").write_text("half", "utf-8")
    unrelated = tmp_path / ".other.123.tmp"
    unrelated.mkdir()
    if kind == "folder":
        with atomic_folder(destination) as folder:
            (folder / "index.html").write_text("new", "utf-8")
    else:
        with atomic_file(destination) as handle:
            handle.write(b"{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [destination.name, alive.name, unrelated.name]
    )


def test_old_unnamed_leftovers_go_only_when_stale(tmp_path):
    destination = tmp_path / "site"
    fresh = tmp_path / ".site.abcdefgh.tmp"
    stale = tmp_path / ".site.ijklmnop.tmp"
    fresh.mkdir()
    stale.mkdir()
    os.utime(stale, (1_000_000, 1_000_000))
    assert remove_leftovers(destination) == [stale]
    assert fresh.exists()


# -- honest exit codes ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "command",
    [
        ["export", "--to", "json", "--out", "OUT"],
        ["export", "--to", "markdown", "--out", "OUT"],
        ["catalog", "BROKEN"],
        ["show", "t/a"],
        ["frameworks"],
        ["score", "voorbeeld/mini-scan", "answers.csv"],
        ["report", "voorbeeld/mini-scan", "result.json", "--out", "OUT.md"],
    ],
    ids=lambda c: "-".join(c[:3]),
)
def test_asking_for_a_pack_with_errors_fails_and_writes_nothing(capsys, tmp_path, command):
    broken = small_pack(tmp_path / "broken", {"bad.yaml": "resources: [1]\n"})
    args = [str(tmp_path / "out") if part == "OUT" else part for part in command]
    args = [str(tmp_path / "out.md") if part == "OUT.md" else part for part in args]
    if "BROKEN" in args:
        args = [str(broken) if part == "BROKEN" else part for part in args]
    else:
        args += ["--path", str(broken)]
    code, out, err = run(capsys, *args)
    assert code == 1, (out, err)
    assert "has errors" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists() and not (tmp_path / "out.md").exists()


def test_ctrl_c_in_assess_exits_130_and_keeps_the_answers(capsys, tmp_path, monkeypatch):
    class Keyboard(io.StringIO):
        def __init__(self):
            super().__init__()
            self.lines = ["4\n"]

        def readline(self, *args):
            if self.lines:
                return self.lines.pop()
            raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", Keyboard())
    save = tmp_path / "r.json"
    code, _out, err = run(
        capsys, "assess", "voorbeeld/mini-scan", "--group", "parents", "--respondent", "p1",
        "--save", str(save), "--path", str(EXAMPLE_PACK),
    )  # fmt: skip
    assert code == 130 and "interrupted" in err
    journal = [p for p in tmp_path.iterdir() if p.name != "r.json"]
    assert len(journal) == 1 and '"answer": "4"' in journal[0].read_text("utf-8")
