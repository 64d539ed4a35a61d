import shutil

import pytest

import ouderbetrokkenheid as ob

from .conftest import EXAMPLE_PACK


@pytest.fixture(scope="module")
def pack():
    return ob.load_pack(EXAMPLE_PACK)


def test_get_and_kinds(pack):
    library = ob.Library([pack])
    assert library.get("voorbeeld/oudercafe").kind == "practice-example"
    assert len(library) == len(list(pack.records()))
    assert "voorbeeld/kader#ontmoeten" in library
    framework, concept = library.concept("voorbeeld/kader#ontmoeten")
    assert framework.id == "voorbeeld/kader"
    assert concept.label.get_text("en") == "Meeting"
    assert [f.id for f in library.frameworks()] == ["voorbeeld/kader", "voorbeeld/ander-kader"]
    assert library.counts() == {
        "voorbeeld": {"resources": 1, "findings": 1, "frameworks": 2, "mappings": 1, "assessments": 1}
    }
    assert library.pack_of("voorbeeld/mini-scan") is pack


def test_unknown_id_suggests(pack):
    library = ob.Library([pack])
    with pytest.raises(ob.UnknownIdError) as info:
        library.get("voorbeeld/oudercaffe")
    assert "voorbeeld/oudercafe" in str(info.value)
    with pytest.raises(KeyError):
        library.concept("voorbeeld/kader#nope")


def test_the_same_id_in_two_packs_is_an_error_naming_both(tmp_path, pack):
    other = tmp_path / "ander"
    shutil.copytree(EXAMPLE_PACK, other)
    manifest = other / "pack.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("name: voorbeeld", "name: ander"), "utf-8")
    records = other / "records.yaml"
    text = records.read_text("utf-8").replace("voorbeeld/", "ander/")
    text = text.replace("id: ander/mini-scan", "id: voorbeeld/mini-scan")  # one clash
    records.write_text(text, "utf-8")
    renamed = ob.check_pack(other)[0]
    assert renamed is None  # it is not in its own namespace: foreign-namespace
    fake = ob.ContentPack(
        manifest=ob.PackManifest(
            name="ander",
            version="1.0.0",
            title=ob.LocalizedText({"nl": "A"}),
            publisher=ob.Agent(name="A"),
            licence="CC0-1.0",
            languages=("nl",),
        ),
        assessments=pack.assessments,
    )
    with pytest.raises(ob.LibraryError) as info:
        ob.Library([pack, fake])
    (problem,) = info.value.problems
    assert problem.code == "duplicate-id"
    assert "'voorbeeld'" in problem.message and "'ander'" in problem.message


def test_two_packs_with_one_name(pack):
    with pytest.raises(ob.LibraryError) as info:
        ob.Library([pack, pack])
    assert info.value.problems[0].code == "duplicate-pack"


def test_discover_paths_reports_bad_packs_and_keeps_good_ones(tmp_path):
    (tmp_path / "empty").mkdir()
    library = ob.Library.discover([EXAMPLE_PACK, tmp_path / "empty"], plugins=False)
    assert [p.name for p in library.packs] == ["voorbeeld"]
    assert {p.code for p in library.report.errors} == {"manifest-missing", "path-not-found"}


def test_discover_orders_packs_by_dependencies(tmp_path):
    dependent = tmp_path / "afhankelijk"
    dependent.mkdir()
    (dependent / "pack.yaml").write_text(
        "name: afhankelijk\nversion: 1.0.0\ntitle: {nl: A}\npublisher: {name: A}\nlicence: CC0-1.0\n"
        "languages: [nl]\nsources: [{id: s, title: S}]\ndepends: [voorbeeld]\n",
        "utf-8",
    )
    (dependent / "r.yaml").write_text(
        "resources:\n  - id: afhankelijk/r\n    kind: book\n    title: {nl: R}\n"
        "    concepts: [voorbeeld/kader#ontmoeten]\n    provenance: {source: s, status: unverified}\n",
        "utf-8",
    )
    library = ob.Library.discover([dependent, EXAMPLE_PACK], plugins=False)
    assert library.report.problems == ()
    assert [p.name for p in library.packs] == ["voorbeeld", "afhankelijk"]
    (dependent / "r.yaml").write_text(
        (dependent / "r.yaml").read_text("utf-8").replace("#ontmoeten", "#weg"), "utf-8"
    )
    library = ob.Library.discover([dependent, EXAMPLE_PACK], plugins=False)
    assert "unknown-reference" in {p.code for p in library.report.errors}


def test_the_same_id_twice_in_one_pack_given_directly(pack):
    twice = ob.ContentPack(manifest=pack.manifest, resources=pack.resources * 2)
    with pytest.raises(ob.LibraryError) as info:
        ob.Library([twice])
    assert "used twice in pack 'voorbeeld'" in str(info.value)


def test_a_folder_given_by_path_replaces_the_installed_pack_of_that_name():
    from ouderbetrokkenheid.plugins import get_plugin_manager

    installed = ob.load_pack(EXAMPLE_PACK)

    class Plugin:
        @staticmethod
        @ob.hookimpl
        def ob_packs():
            return [installed]

    host = get_plugin_manager(plugins=[Plugin()], load_entry_points=False)
    library = ob.Library.discover([EXAMPLE_PACK], host=host)
    assert library.report.problems == ()  # no duplicate-pack
    assert library.pack("voorbeeld") is not installed


def test_assert_valid_pack_checks_references_against_context(tmp_path):
    from ouderbetrokkenheid.testing import assert_valid_pack

    dependent = tmp_path / "afh"
    dependent.mkdir()
    (dependent / "pack.yaml").write_text(
        "name: afh\nversion: 1.0.0\ntitle: {nl: A}\npublisher: {name: A}\nlicence: CC0-1.0\n"
        "languages: [nl]\nsources: [{id: s, title: S}]\ndepends: [voorbeeld]\n",
        "utf-8",
    )
    (dependent / "r.yaml").write_text(
        "resources:\n  - id: afh/r\n    kind: book\n    title: {nl: R}\n"
        "    concepts: [voorbeeld/kader#ontmoeten]\n    provenance: {source: s, status: unverified}\n",
        "utf-8",
    )
    with pytest.raises(AssertionError, match="unresolved-external-reference"):
        assert_valid_pack(dependent, context=False)
    assert assert_valid_pack(dependent, context=[EXAMPLE_PACK]).problems == ()
    (dependent / "r.yaml").write_text(
        (dependent / "r.yaml").read_text("utf-8").replace("#ontmoeten", "#weg"), "utf-8"
    )
    with pytest.raises(AssertionError, match="unknown-reference"):
        assert_valid_pack(dependent, context=[EXAMPLE_PACK])
