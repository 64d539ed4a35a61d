"""Packs installed from a folder or an archive: install, list, use, refuse, remove, build."""

import base64
import hashlib
import importlib
import shutil
import stat
import sys
import zipfile

import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.cli import main

from .conftest import EXAMPLE_PACK


@pytest.fixture(autouse=True)
def store(tmp_path, monkeypatch):
    folder = tmp_path / "store"
    monkeypatch.setenv("OUDERBETROKKENHEID_PACKS_DIR", str(folder))
    return folder


def _snapshot(folder):
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_packs_folder_follows_the_override(store):
    assert ob.packs_folder() == store


def test_packs_folder_defaults_to_the_users_data_folder(monkeypatch):
    import platformdirs

    monkeypatch.delenv("OUDERBETROKKENHEID_PACKS_DIR")
    assert ob.packs_folder() == platformdirs.user_data_path("ouderbetrokkenheid", appauthor=False) / "packs"


def test_install_a_folder_and_use_it_like_any_pack(store):
    name, folder, _warnings = ob.install_pack(EXAMPLE_PACK)
    assert name == "voorbeeld" and folder == store / "voorbeeld"
    assert ob.installed_packs() == {"voorbeeld": folder}
    host = ob.get_plugin_manager()
    sources = [
        (info, item)
        for info, item in host.pack_sources()
        if info.name == "ouderbetrokkenheid.builtin.userpacks"
    ]
    assert [str(item) for _, item in sources] == [str(folder)]
    assert sources[0][0].builtin
    library = ob.Library.discover()
    assert library.pack("voorbeeld") == ob.load_pack(EXAMPLE_PACK)
    assert any(hit.record.id == "voorbeeld/oudercafe" for hit in ob.Catalog(library).search("oudercafé"))


def test_plugins_lists_where_packs_come_from(store, capsys):
    ob.install_pack(EXAMPLE_PACK)
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert (
        "ouderbetrokkenheid.builtin.userpacks  (built-in)\n    hooks: ob_packs\n    packs: voorbeeld" in out
    )
    assert main(["pack", "list"]) == 0
    assert str(store / "voorbeeld") in capsys.readouterr().out


def test_a_pack_with_errors_is_refused_and_nothing_changes(store, example_pack):
    ob.install_pack(EXAMPLE_PACK)
    before = _snapshot(store)
    broken = example_pack
    (broken / "pack.yaml").write_text(
        (broken / "pack.yaml").read_text().replace("name: voorbeeld", "name: ander")
    )
    with pytest.raises(ob.ProblemError) as caught:
        ob.install_pack(broken)
    assert {p.code for p in caught.value.problems} >= {"foreign-namespace"}
    assert all(str(broken) in (p.file or "") for p in caught.value.problems)
    assert _snapshot(store) == before


def test_a_name_clash_is_refused_and_named(store, example_pack, tmp_path):
    ob.install_pack(EXAMPLE_PACK)
    before = _snapshot(store)
    with pytest.raises(ob.ProblemError) as caught:
        ob.install_pack(EXAMPLE_PACK)
    (problem,) = caught.value.problems
    assert problem.code == "pack-clash" and "'voorbeeld'" in problem.message and "--replace" in problem.hint
    assert _snapshot(store) == before
    # a pack installed by a plugin (here: a bundled pack) cannot be shadowed
    plugin_pack = next(p for p in sorted((EXAMPLE_PACK.parent.parent / "plugins").glob("*/src/*/pack")))
    name = ob.peek_manifest(plugin_pack)[0]

    class Plugin:
        @ob.hookimpl
        def ob_packs(self):
            return [plugin_pack]

    import ouderbetrokkenheid.plugins as plugins

    original = plugins.get_plugin_manager
    copy = tmp_path / "copy"
    shutil.copytree(plugin_pack, copy)
    try:
        plugins_list = [Plugin()]
        ob_get = lambda **kwargs: original(plugins=plugins_list, **kwargs)  # noqa: E731
        plugins.get_plugin_manager = ob_get
        with pytest.raises(ob.ProblemError) as caught:
            ob.install_pack(copy)
    finally:
        plugins.get_plugin_manager = original
    (problem,) = caught.value.problems
    assert problem.code == "pack-clash" and f"'{name}'" in problem.message and "plugin" in problem.message
    assert _snapshot(store) == before


def test_replace_and_remove(store, example_pack):
    ob.install_pack(EXAMPLE_PACK)
    (example_pack / "pack.yaml").write_text(
        (example_pack / "pack.yaml").read_text().replace('version: "1.0.0"', 'version: "1.1.0"')
    )
    ob.install_pack(example_pack, replace=True)
    assert (
        ob.Library.discover().pack("voorbeeld").manifest.version
        == ob.load_pack(example_pack).manifest.version
    )
    assert ob.remove_pack("voorbeeld") == store / "voorbeeld"
    assert ob.installed_packs() == {}
    with pytest.raises(ob.ProblemError) as caught:
        ob.remove_pack("voorbeeld")
    assert caught.value.problems[0].code == "pack-not-installed"


def test_build_then_install_the_archive(store, tmp_path, capsys):
    assert main(["pack", "build", str(EXAMPLE_PACK), "--out", str(tmp_path / "dist")]) == 0
    archive = tmp_path / "dist" / "voorbeeld-1.0.0.zip"
    assert archive.is_file()
    assert main(["pack", "install", str(archive)]) == 0
    assert ob.Library.discover().pack("voorbeeld") == ob.load_pack(EXAMPLE_PACK)
    assert main(["pack", "remove", "voorbeeld"]) == 0
    assert not (store / "voorbeeld").exists()


def test_the_wheel_is_a_plugin(tmp_path, monkeypatch):
    _, wheel = ob.build_pack(EXAMPLE_PACK, tmp_path / "dist")
    assert wheel.name == "ouderbetrokkenheid_pack_voorbeeld-1.0.0-py3-none-any.whl"
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(wheel) as zipped:
        names = zipped.namelist()
        record = zipped.read("ouderbetrokkenheid_pack_voorbeeld-1.0.0.dist-info/RECORD").decode()
        for line in record.splitlines():
            path, digest, size = line.split(",")
            if digest:
                data = zipped.read(path)
                expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                assert digest == f"sha256={expected}" and int(size) == len(data)
        entry_points = zipped.read(
            "ouderbetrokkenheid_pack_voorbeeld-1.0.0.dist-info/entry_points.txt"
        ).decode()
        zipped.extractall(unpacked)
    assert "ouderbetrokkenheid_pack_voorbeeld/pack/pack.yaml" in names
    assert entry_points == "[ouderbetrokkenheid]\nvoorbeeld = ouderbetrokkenheid_pack_voorbeeld\n"
    monkeypatch.syspath_prepend(str(unpacked))
    module = importlib.import_module("ouderbetrokkenheid_pack_voorbeeld")
    try:
        library = ob.Library.discover(host=ob.get_plugin_manager(plugins=[module], load_entry_points=False))
        assert library.pack("voorbeeld") == ob.load_pack(EXAMPLE_PACK)
    finally:
        sys.modules.pop("ouderbetrokkenheid_pack_voorbeeld", None)


def test_building_a_pack_with_errors_is_refused(example_pack, tmp_path):
    (example_pack / "records.yaml").write_text("resources: [{id: x}]\n")
    with pytest.raises(ob.ProblemError):
        ob.build_pack(example_pack, tmp_path / "dist")
    assert not (tmp_path / "dist").exists()


# -- hostile archives --------------------------------------------------------------------------------
def _archive(path, members):
    with zipfile.ZipFile(path, "w") as zipped:
        for name, data, mode in members:
            info = zipfile.ZipInfo(name)
            info.external_attr = mode << 16
            zipped.writestr(info, data)
    return path


_PACK = [(p.name, p.read_bytes(), 0o100644) for p in sorted(EXAMPLE_PACK.iterdir())]


@pytest.mark.parametrize(
    ("member", "words"),
    [
        (("../evil.yaml", b"x: 1", 0o100644), "leaves the pack folder"),
        (("sub/../../evil.yaml", b"x: 1", 0o100644), "leaves the pack folder"),
        (("/etc/evil.yaml", b"x: 1", 0o100644), "absolute path"),
        (("link.yaml", b"/etc/passwd", stat.S_IFLNK | 0o777), "symbolic link"),
        (("run.sh", b"rm -rf /", 0o100755), "a file of a kind a pack does not hold"),
    ],
)
def test_unsafe_archives_are_refused(store, tmp_path, member, words):
    ob.install_pack(EXAMPLE_PACK)
    before = _snapshot(store)
    archive = _archive(tmp_path / "evil.zip", [*_PACK, member])
    with pytest.raises(ob.ProblemError) as caught:
        ob.install_pack(archive, replace=True)
    (problem,) = caught.value.problems
    assert problem.code == "archive-unsafe" and words in problem.message
    assert _snapshot(store) == before
    assert not (tmp_path / "evil.yaml").exists()


def test_an_archive_bomb_is_refused(store, tmp_path, monkeypatch):
    import ouderbetrokkenheid.packstore as packstore

    monkeypatch.setattr(packstore, "MAX_UNPACKED_BYTES", 1024 * 1024)
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, data, _ in _PACK:
            zipped.writestr(name, data)
        zipped.writestr("big.txt", b"0" * (2 * 1024 * 1024))
    with pytest.raises(ob.ProblemError) as caught:
        ob.install_pack(archive)
    assert caught.value.problems[0].code == "archive-unsafe"
    assert ob.installed_packs() == {}


def test_a_renamed_file_is_not_an_archive(store, tmp_path):
    path = tmp_path / "pack.zip"
    path.write_bytes(b"%PDF-1.7\n")
    with pytest.raises(ob.ProblemError) as caught:
        ob.install_pack(path)
    assert caught.value.problems[0].code == "archive-unsafe"


def test_a_run_without_autoload_never_sees_the_users_packs(store, monkeypatch):
    """OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD=1 (as the test suite sets it) skips the user's data
    folder too, unless OUDERBETROKKENHEID_PACKS_DIR names a folder on purpose."""
    import ouderbetrokkenheid.packstore as packstore

    ob.install_pack(EXAMPLE_PACK)
    assert "voorbeeld" in {pack.name for pack in ob.Library.discover().packs}
    monkeypatch.delenv("OUDERBETROKKENHEID_PACKS_DIR")
    monkeypatch.setattr(packstore, "packs_folder", lambda: store)  # as if it were the user's data folder
    assert ob.installed_packs() == {"voorbeeld": store / "voorbeeld"}
    assert "voorbeeld" not in {pack.name for pack in ob.Library.discover().packs}
