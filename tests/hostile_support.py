"""Helpers shared by the hostile-input corpus (``tests/test_hostile_*.py``).

Each case of the corpus is one input a malicious or clumsy user could give, and what must happen: a
clear problem with a stable code (or a refusal with an exit code), never a traceback, a hang or a
half-written output.
"""

import os
import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.cli import main

from .conftest import EXAMPLE_PACK

MANIFEST = (
    "name: t\nversion: 1.0.0\ntitle: {nl: T}\npublisher: {name: P}\nlicence: CC0-1.0\n"
    "languages: [nl]\nsources: [{id: s, title: S}]\n"
)
RESOURCE = "resources:\n  - id: t/a\n    kind: book\n    title: {nl: A}\n    provenance: {source: s, status: unverified}\n"


def small_pack(folder: Path, files: dict[str, str | bytes] | None = None, manifest: str = MANIFEST) -> Path:
    """A valid one-record pack in *folder*, plus *files* (name -> text or bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(manifest, "utf-8")
    (folder / "records.yaml").write_text(RESOURCE, "utf-8")
    for name, content in (files or {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    return folder


def example_copy(folder: Path, old: str = "", new: str = "") -> Path:
    """A copy of the example pack with *old* replaced by *new* in its records (once, and it must be there)."""
    shutil.copytree(EXAMPLE_PACK, folder)
    if old:
        records = folder / "records.yaml"
        text = records.read_text("utf-8")
        assert old in text, old
        records.write_text(text.replace(old, new, 1), "utf-8")
    return folder


def codes(report: "ob.Report") -> set[str]:
    return {problem.code for problem in report.errors}


def make_fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@contextmanager
def unix_socket(path: Path) -> Iterator[Path]:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        yield path
    finally:
        server.close()


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command line in-process; return ``(exit code, stdout, stderr)``."""
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_clean_error(code: int, out: str, err: str, expected_code: int = 1) -> None:
    """The command failed with *expected_code* and said why without a traceback or an internal error."""
    assert code == expected_code, (code, out, err)
    assert "Traceback" not in out + err
    assert "internal error" not in out + err
