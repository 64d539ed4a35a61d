"""Hostile corpus, plugins: a plugin that raises or calls ``sys.exit`` at import or in a hook, returns
garbage, or ships a pack that clashes with another. The program goes on, names the distribution,
and ``plugins`` exits 1."""

import importlib.metadata
import shutil
import sys
import types

import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid import hookspecs
from ouderbetrokkenheid.plugins import get_plugin_manager

from .conftest import EXAMPLE_PACK
from .hostile_support import run


class FakeDist:
    def __init__(self, name):
        self.name = name
        self.version = "6.6.6"


class FakeEntryPoint:
    def __init__(self, name, loader, dist):
        self.name = name
        self.value = f"{name}_module"
        self.group = hookspecs.PROJECT
        self.dist = FakeDist(dist)
        self._loader = loader

    def load(self):
        return self._loader()


@pytest.fixture
def installed(monkeypatch):
    plugins = []
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group=None, **_: list(plugins))
    monkeypatch.delenv("OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    return plugins


def module(name, **hooks):
    mod = types.ModuleType(name)
    for hook_name, function in hooks.items():
        setattr(mod, hook_name, ob.hookimpl(function))
    return mod


def good_packs():
    return module("good", ob_packs=lambda: [EXAMPLE_PACK])


def install(installed, name, loader):
    installed.append(FakeEntryPoint(name, loader, f"ouderbetrokkenheid-{name}"))


# -- faults at import and in hooks -------------------------------------------------------------
def _exit_at_import():
    sys.exit(3)


def _exit_zero_at_import():
    raise SystemExit(0)


def _exit_message_at_import():
    sys.exit("goodbye from the plugin")


def _error_at_import():
    raise RuntimeError("broken at import")


def _import_error():
    raise ImportError("No module named 'missing_dependency'")


def _exit_in_packs():
    return module("bad", ob_packs=lambda: sys.exit(4))


def _exit_in_exporters():
    return module("bad", ob_exporters=lambda: sys.exit(5))


def _error_in_packs():
    return module("bad", ob_packs=lambda: 1 / 0)


def _error_in_exporters():
    return module("bad", ob_exporters=lambda: {}["missing"])


def _recursion_in_hook():
    def forever():
        return forever()

    return module("bad", ob_packs=forever)


FAULTS = {
    "sys-exit-at-import": (_exit_at_import, "plugin-import"),
    "exit-0-at-import": (_exit_zero_at_import, "plugin-import"),
    "exit-message-at-import": (_exit_message_at_import, "plugin-import"),
    "error-at-import": (_error_at_import, "plugin-import"),
    "import-error": (_import_error, "plugin-import"),
    "sys-exit-in-ob_packs": (_exit_in_packs, "plugin-hook"),
    "sys-exit-in-ob_exporters": (_exit_in_exporters, "plugin-hook"),
    "error-in-ob_packs": (_error_in_packs, "plugin-hook"),
    "error-in-ob_exporters": (_error_in_exporters, "plugin-hook"),
    "recursion-in-hook": (_recursion_in_hook, "plugin-hook"),
}


@pytest.mark.parametrize("case", sorted(FAULTS))
def test_a_faulty_plugin_is_named_and_the_others_keep_working(installed, case):
    loader, expected = FAULTS[case]
    install(installed, "bad", loader)
    install(installed, "good", good_packs)
    host = get_plugin_manager()
    sources = host.pack_sources()
    exporters = host.exporters()
    assert [info.name for info, _ in sources] == ["good"]
    assert "json" in exporters
    problem = next(p for p in host.problems if p.code == expected)
    assert problem.file.startswith("ouderbetrokkenheid-bad")
    assert problem.is_error


@pytest.mark.parametrize("case", ["sys-exit-at-import", "sys-exit-in-ob_packs", "sys-exit-in-ob_exporters"])
@pytest.mark.parametrize(
    ("command", "expected_exit"),
    [
        (("plugins",), 1),
        (("validate",), 1),
        (("search", "ouders"), 0),
        (("export", "--list"), 0),
        (("catalog",), 0),
    ],
)
def test_sys_exit_in_a_plugin_does_not_end_any_command(installed, capsys, case, command, expected_exit):
    loader, _ = FAULTS[case]
    install(installed, "bad", loader)
    install(installed, "good", good_packs)
    code, out, err = run(capsys, *command)
    uses_exporters = command[0] in {"plugins", "export"}
    uses_packs = command[0] != "export"
    touched = case == "sys-exit-at-import" or (uses_exporters if "exporters" in case else uses_packs)
    # a command that never calls the broken hook is not hurt by it
    assert code == (expected_exit if touched or command[0] == "plugins" else 0), (out, err)
    assert ("ouderbetrokkenheid-bad" in err + out) == touched
    assert "Traceback" not in err


def test_ctrl_c_inside_a_plugin_still_stops_the_program(installed):
    def interrupted():
        raise KeyboardInterrupt

    install(installed, "bad", lambda: module("bad", ob_packs=interrupted))
    with pytest.raises(KeyboardInterrupt):
        get_plugin_manager().pack_sources()


# -- garbage results ------------------------------------------------------------------------------
class _Exploding:
    def __repr__(self):
        raise RuntimeError("repr fails too")


class _BadName:
    name = 42
    media_type = "x"
    extension = ""
    kinds = frozenset()
    description = ""

    def export(self, *args):
        return None


class _RaisingAttribute:
    @property
    def name(self):
        raise SystemExit(9)


PACK_GARBAGE = {
    "int": 42,
    "none-in-list": [None],
    "object": object(),
    "empty-string": "",
    "bytes": b"/tmp",
    "dict": {"name": "x"},
    "exploding-repr": _Exploding(),
    "long-repr": "x" * 0 or ["y" * 10_000],
}


@pytest.mark.parametrize("case", sorted(PACK_GARBAGE))
def test_garbage_from_ob_packs_is_a_plugin_result_problem(installed, capsys, case):
    value = PACK_GARBAGE[case]
    install(installed, "bad", lambda: module("bad", ob_packs=lambda: value))
    install(installed, "good", good_packs)
    host = get_plugin_manager()
    assert [info.name for info, _ in host.pack_sources()] == ["good"] or case == "long-repr"
    problems = [p for p in host.problems if p.code == "plugin-result"]
    if case == "long-repr":  # a string is a folder path: it does not exist, so the pack is left out
        library = ob.Library.discover(host=get_plugin_manager())
        assert not library.report.ok
        return
    assert problems and len(problems[0].message) < 300
    code, _, err = run(capsys, "plugins")
    assert code == 1 and "plugin-result" in err


EXPORTER_GARBAGE = {
    "int": 42,
    "none-in-list": [None],
    "no-export-method": types.SimpleNamespace(
        name="x", media_type="a", extension="", kinds=frozenset(), description=""
    ),
    "kinds-none": types.SimpleNamespace(
        name="x", media_type="a", extension="", kinds=None, description="", export=lambda *a: None
    ),
    "name-not-text": _BadName(),
    "raising-attribute": _RaisingAttribute(),
}


@pytest.mark.parametrize("case", sorted(EXPORTER_GARBAGE))
def test_garbage_from_ob_exporters_is_a_plugin_result_problem(installed, capsys, case):
    value = EXPORTER_GARBAGE[case]
    install(installed, "bad", lambda: module("bad", ob_exporters=lambda: value))
    host = get_plugin_manager()
    exporters = host.exporters()
    assert "x" not in exporters and "json" in exporters
    assert any(p.code == "plugin-result" for p in host.problems)
    code, out, err = run(capsys, "export", "--list")
    assert code == 0 and "json" in out and "Traceback" not in err


def test_a_hook_with_a_wrong_signature_is_reported(capsys):
    plugin = module("wrong", ob_packs=lambda surprise: [EXAMPLE_PACK])
    host = get_plugin_manager(plugins=[plugin], load_entry_points=False)
    assert any(p.code == "plugin-import" and "wrong" in p.message for p in host.problems)
    assert "json" in host.exporters()


# -- clashes --------------------------------------------------------------------------------------
def test_a_pack_named_like_another_names_both_distributions(installed, capsys, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(EXAMPLE_PACK, copy)
    install(installed, "good", good_packs)
    install(installed, "impostor", lambda: module("impostor", ob_packs=lambda: [copy]))
    library = ob.Library.discover()
    (problem,) = [p for p in library.report.problems if p.code == "duplicate-pack"]
    assert "ouderbetrokkenheid-good" in problem.message and "ouderbetrokkenheid-impostor" in problem.message
    code, _, err = run(capsys, "plugins")
    assert code == 1 and "duplicate-pack" in err
    code, _, err = run(capsys, "validate")
    assert code == 1 and "ouderbetrokkenheid-impostor" in err


def test_a_pack_object_clashing_with_a_folder_names_both(installed):
    pack = ob.load_pack(EXAMPLE_PACK)
    install(installed, "objects", lambda: module("objects", ob_packs=lambda: [pack]))
    install(installed, "folders", good_packs)
    problems = ob.Library.discover().report.problems
    clash = next(p for p in problems if p.code == "duplicate-pack")
    assert "ouderbetrokkenheid-objects" in clash.message and "ouderbetrokkenheid-folders" in clash.message


def test_validate_two_folders_holding_the_same_pack_fails_naming_both(capsys, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(EXAMPLE_PACK, copy)
    code, _, err = run(capsys, "validate", "--no-plugins", str(EXAMPLE_PACK), str(copy))
    assert code == 1
    assert "duplicate-pack" in err and str(copy) in err and str(EXAMPLE_PACK) in err
