"""The plugin system: entry points, isolation of failing plugins, disabling, hooks."""

import importlib.metadata
import sys
import types

import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid import hookspecs
from ouderbetrokkenheid.plugins import get_plugin_manager

from .conftest import EXAMPLE_PACK


class FakeDist:
    def __init__(self, name, version="1.2.3"):
        self.name = name
        self.version = version


class FakeEntryPoint:
    def __init__(self, name, loader, dist):
        self.name = name
        self.value = f"{name}_module"
        self.group = hookspecs.PROJECT
        self.dist = FakeDist(dist)
        self._loader = loader

    def load(self):
        return self._loader()


def module(name, **hooks):
    mod = types.ModuleType(name)
    for hook_name, function in hooks.items():
        setattr(mod, hook_name, ob.hookimpl(function))
    return mod


def packs_plugin(name="goodpack"):
    def ob_packs():
        return [EXAMPLE_PACK]

    return module(name, ob_packs=ob_packs)


def broken_import():
    raise ImportError("No module named 'missing_dependency'")


@pytest.fixture
def entry_points(monkeypatch):
    installed = []

    def fake(group=None, **_):
        assert group == hookspecs.PROJECT
        return list(installed)

    monkeypatch.setattr(importlib.metadata, "entry_points", fake)
    monkeypatch.delenv("OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    return installed


def test_builtins_are_registered_as_plugins():
    host = get_plugin_manager(load_entry_points=False)
    exporters, userpacks = host.plugins()
    assert exporters.builtin and userpacks.builtin
    assert exporters.hooks == ("ob_exporters",)
    assert userpacks.hooks == ("ob_packs",)
    assert "json" in host.exporters()


def test_entry_point_plugin_is_loaded_with_its_distribution(entry_points):
    entry_points.append(FakeEntryPoint("goodpack", packs_plugin, "ouderbetrokkenheid-goodpack"))
    host = get_plugin_manager()
    info = host.info("goodpack")
    assert (info.distribution, info.version, info.hooks) == (
        "ouderbetrokkenheid-goodpack",
        "1.2.3",
        ("ob_packs",),
    )
    assert [item for _, item in host.pack_sources()] == [EXAMPLE_PACK]
    library = ob.Library.discover(host=host)
    assert [p.name for p in library.packs] == ["voorbeeld"]


def test_a_plugin_that_fails_to_import_is_reported_by_distribution_and_others_work(entry_points):
    entry_points.append(FakeEntryPoint("broken", broken_import, "ouderbetrokkenheid-broken"))
    entry_points.append(FakeEntryPoint("goodpack", packs_plugin, "ouderbetrokkenheid-goodpack"))
    host = get_plugin_manager()
    (problem,) = host.problems
    assert problem.code == "plugin-import"
    assert problem.file == "ouderbetrokkenheid-broken"
    assert "missing_dependency" in problem.message
    assert "OUDERBETROKKENHEID_DISABLE_PLUGINS=broken" in problem.hint
    assert len(ob.Library.discover(host=host).packs) == 1


def test_a_plugin_that_raises_in_a_hook_is_isolated(entry_points):
    def ob_packs():
        raise RuntimeError("boom")

    entry_points.append(
        FakeEntryPoint("raiser", lambda: module("raiser", ob_packs=ob_packs), "ouderbetrokkenheid-raiser")
    )
    entry_points.append(FakeEntryPoint("goodpack", packs_plugin, "ouderbetrokkenheid-goodpack"))
    library = ob.Library.discover()
    assert [p.name for p in library.packs] == ["voorbeeld"]
    (problem,) = library.report.problems
    assert (problem.code, problem.file) == ("plugin-hook", "ouderbetrokkenheid-raiser 1.2.3")
    assert "boom" in problem.message


@pytest.mark.parametrize("name", ["broken", "ouderbetrokkenheid-broken"])
def test_disable_by_entry_point_or_distribution_name(entry_points, monkeypatch, name):
    entry_points.append(FakeEntryPoint("broken", broken_import, "ouderbetrokkenheid-broken"))
    monkeypatch.setenv("OUDERBETROKKENHEID_DISABLE_PLUGINS", f" other , {name} ")
    host = get_plugin_manager()
    assert host.problems == []
    assert [i.name for i in host.plugins()] == [
        "ouderbetrokkenheid.builtin.exporters",
        "ouderbetrokkenheid.builtin.userpacks",
    ]


def test_autoload_switch(entry_points, monkeypatch):
    entry_points.append(FakeEntryPoint("broken", broken_import, "ouderbetrokkenheid-broken"))
    monkeypatch.setenv("OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert get_plugin_manager().problems == []


def test_the_same_entry_point_found_twice_is_loaded_once(entry_points):
    calls = []

    def load():
        calls.append(1)
        return packs_plugin()

    entry_points.extend([FakeEntryPoint("goodpack", load, "d"), FakeEntryPoint("goodpack", load, "d")])
    get_plugin_manager()
    assert calls == [1]


def test_unknown_hook_name_is_a_warning_naming_the_plugin():
    def ob_pack():  # a typo of ob_packs
        return []

    host = get_plugin_manager(plugins=[module("typo", ob_pack=ob_pack)], load_entry_points=False)
    (problem,) = host.problems
    assert problem.severity is ob.Severity.WARNING
    assert "'ob_pack'" in problem.message


def test_plugins_returning_packs_and_objects(tmp_path):
    pack = ob.load_pack(EXAMPLE_PACK)

    def ob_packs():
        return pack  # a single pack, not a list, is accepted too

    library = ob.Library.discover(
        host=get_plugin_manager(plugins=[module("obj", ob_packs=ob_packs)], load_entry_points=False)
    )
    assert library.pack("voorbeeld") is pack


def test_duplicate_exporter_names_both_plugins():
    class Clash:
        name = "json"
        media_type = "application/json"
        extension = ".json"
        kinds = frozenset()
        description = "clash"

        def export(self, library, destination, options):
            raise AssertionError

    def ob_exporters():
        return [Clash()]

    host = get_plugin_manager(plugins=[module("clasher", ob_exporters=ob_exporters)], load_entry_points=False)
    exporters = host.exporters()
    assert exporters["json"][0].builtin  # built-ins are registered last, so called first
    (problem,) = host.problems
    assert problem.code == "duplicate-exporter"
    assert "clasher" in problem.message
    assert "ouderbetrokkenheid.builtin.exporters" in problem.message


def test_non_exporter_results_are_reported():
    host = get_plugin_manager(
        plugins=[module("bad", ob_exporters=lambda: ["not an exporter"])], load_entry_points=False
    )
    assert "json" in host.exporters()
    assert [p.code for p in host.problems] == ["plugin-result"]


def test_call_order_is_last_registered_first():
    calls = []

    def make(name):
        def ob_packs():
            calls.append(name)
            return []

        return module(name, ob_packs=ob_packs)

    host = get_plugin_manager(plugins=[make("first"), make("second")], load_entry_points=False)
    host.pack_sources()
    assert calls == ["second", "first"]


def test_hook_implementations_may_take_fewer_arguments():
    assert set(hookspecs.PackSpecs.ob_packs.__code__.co_varnames[:1]) == {"self"}


def test_every_hook_is_documented():
    for specs in (hookspecs.PackSpecs, hookspecs.ExporterSpecs):
        for name, function in vars(specs).items():
            if name.startswith("ob_"):
                assert function.__doc__ and ":return:" in function.__doc__, name


def test_importing_the_package_imports_no_plugin_machinery():
    code = "import sys, ouderbetrokkenheid; print('pluggy' in sys.modules, 'jsonschema' in sys.modules)"
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False"]
