"""Exports get the file modes the user's umask asks for, like any file the user writes.

``atomic_file`` and ``atomic_folder`` write through ``mkstemp``/``mkdtemp``, which make 0600 files and
0700 folders; without their ``chmod`` every export would be readable by its owner only, whatever the
umask. Checked from outside: through the public exporters, under several umasks.
"""

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.exporters.base import atomic_file, atomic_folder
from ouderbetrokkenheid.exporters.csv import CsvExporter
from ouderbetrokkenheid.exporters.json import JsonExporter
from ouderbetrokkenheid.exporters.jsonld import JsonLdExporter
from ouderbetrokkenheid.exporters.markdown import MarkdownExporter
from ouderbetrokkenheid.exporters.site import SiteExporter

from .conftest import EXAMPLE_PACK

UMASKS = [0o022, 0o027, 0o002]


@pytest.fixture(params=UMASKS, ids=lambda mask: f"umask-{mask:03o}")
def umask(request) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


@pytest.fixture(scope="module")
def library():
    return ob.Library.discover([EXAMPLE_PACK], plugins=False)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_atomic_file_follows_the_umask(tmp_path, umask):
    target = tmp_path / "out.txt"
    with atomic_file(target, "w") as handle:
        handle.write("x")
    assert mode(target) == 0o666 & ~umask


def test_atomic_folder_follows_the_umask(tmp_path, umask):
    target = tmp_path / "site"
    with atomic_folder(target) as folder:
        (folder / "index.html").write_text("x", encoding="utf-8")
    assert mode(target) == 0o777 & ~umask
    assert mode(target / "index.html") == 0o666 & ~umask


@pytest.mark.parametrize("exporter", [JsonExporter(), CsvExporter(), JsonLdExporter()], ids=lambda e: e.name)
def test_file_exports_are_readable_as_the_umask_allows(library, tmp_path, umask, exporter):
    target = tmp_path / f"export{exporter.extension}"
    exporter.export(library, target, {"lang": "nl"})
    assert mode(target) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left behind


@pytest.mark.parametrize("exporter", [MarkdownExporter(), SiteExporter()], ids=lambda e: e.name)
def test_folder_exports_are_readable_as_the_umask_allows(library, tmp_path, exporter):
    previous = os.umask(0o027)  # group may read, others nothing
    try:
        target = tmp_path / exporter.name
        exporter.export(library, target, {"lang": "nl"})
    finally:
        os.umask(previous)
    assert mode(target) == 0o750
    wrong = {
        path.relative_to(target).as_posix(): oct(mode(path))
        for path in [*target.rglob("*")]
        if mode(path) != (0o750 if path.is_dir() else 0o640)
    }
    assert wrong == {}
