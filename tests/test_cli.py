"""The command line: exit codes, JSON output, problems rendered without tracebacks."""

import json
import subprocess
import sys

import pytest

from ouderbetrokkenheid.cli import main

from .conftest import EXAMPLE_PACK, ROOT


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_no_command_prints_help_and_exits_2(capsys):
    code, out, _ = run(capsys)
    assert code == 2
    assert "validate" in out


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["validate", "--format", "xml"])
    assert info.value.code == 2


def test_validate_valid_pack(capsys):
    code, out, err = run(capsys, "validate", str(EXAMPLE_PACK))
    assert code == 0
    assert "valid (0 error(s), 0 warning(s))" in out
    assert err == ""


def test_validate_invalid_pack_text(capsys, example_pack):
    (example_pack / "bad.yaml").write_text("resources:\n  - id: voorbeeld/x\n    kind: boek\n", "utf-8")
    code, out, err = run(capsys, "validate", str(example_pack))
    assert code == 1
    assert "bad.yaml:3:11: error[schema-enum] 'boek' is not one of" in err
    assert "hint: Did you mean 'book'?" in err
    assert "Traceback" not in err
    assert "invalid (3 error(s)" in out  # the kind, and the missing title and provenance


def test_validate_json_format_after_the_command(capsys, example_pack):
    (example_pack / "bad.json").write_text("{", "utf-8")
    code, out, _ = run(capsys, "validate", str(example_pack), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["ok"] is False
    (problem,) = data["problems"]
    assert problem["code"] == "syntax"
    assert problem["file"].endswith("bad.json")
    assert {"line", "column", "hint", "severity", "message"} <= set(problem)


def test_validate_strict_fails_on_warnings(capsys, example_pack):
    records = example_pack / "records.yaml"
    records.write_text(
        records.read_text("utf-8").replace("      en: Example of a parents' café\n", ""), "utf-8"
    )
    assert run(capsys, "validate", str(example_pack))[0] == 0
    assert run(capsys, "validate", "--strict", str(example_pack))[0] == 1


def test_validate_missing_path(capsys, tmp_path):
    code, _, err = run(capsys, "validate", str(tmp_path / "nope"))
    assert code == 1
    assert "path-not-found" in err


def test_validate_max_file_size(capsys, example_pack):
    code, _, _err = run(capsys, "validate", "--max-file-size", "0", str(example_pack))
    assert code == 2


def test_schemas_list_and_write(capsys, tmp_path):
    code, out, _ = run(capsys, "schemas", "--format", "json")
    assert code == 0
    kinds = {row["kind"] for row in json.loads(out)["schemas"]}
    assert {"resource", "framework", "assessment", "pack", "response", "result"} <= kinds
    code, out, _ = run(capsys, "schemas", "--out", str(tmp_path))
    assert code == 0
    for path in (ROOT / "schemas").glob("*.schema.json"):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes()


def test_show_record_in_all_languages(capsys):
    code, out, _ = run(capsys, "show", "voorbeeld/oudercafe", "--path", str(EXAMPLE_PACK))
    assert code == 0
    for text in (
        "Voorbeeld van een oudercafé",
        "Exemple d'un café des parents",
        "Example of a parents' café",
        "example-authored-here",
        "source document:",
        "access: on-request",
    ):
        assert text in out


def test_show_json_and_concepts(capsys):
    code, out, _ = run(capsys, "--format", "json", "show", "voorbeeld/mini-scan", "--path", str(EXAMPLE_PACK))
    assert code == 0
    assert json.loads(out)["record"]["version"] == "1.0"
    code, out, _ = run(capsys, "show", "voorbeeld/kader#ontmoeten", "--path", str(EXAMPLE_PACK))
    assert code == 0
    assert "voorbeeld/kader#ontmoeten  (concept of voorbeeld/kader)" in out
    assert "en: Meeting" in out


def test_show_unknown_id_suggests(capsys):
    code, _, err = run(capsys, "show", "voorbeeld/oudercafee", "--path", str(EXAMPLE_PACK))
    assert code == 1
    assert "did you mean 'voorbeeld/oudercafe'" in err


def test_catalog_lang(capsys):
    code, out, _ = run(capsys, "--lang", "fr", "catalog", str(EXAMPLE_PACK))
    assert code == 0
    assert "Exemple d'un café des parents" in out
    assert out.rstrip().endswith("dans 1 paquet")  # the interface's words in French too
    assert "records" not in out


def test_plugins_lists_builtins(capsys):
    code, out, _ = run(capsys, "plugins", "--format", "json")
    assert code == 0
    row, userpacks = json.loads(out)["plugins"]
    assert row["builtin"] and row["exporters"] == ["json", "jsonld", "csv", "markdown", "html", "xlsx"]
    assert userpacks["builtin"] and userpacks["hooks"] == ["ob_packs"]


def test_export_json_round_trips(capsys, tmp_path):
    import ouderbetrokkenheid as ob

    target = tmp_path / "out" / "catalog.json"
    code, _out, _ = run(capsys, "export", "--to", "json", "--out", str(target), "--path", str(EXAMPLE_PACK))
    assert code == 0
    data = json.loads(target.read_text("utf-8"))
    (entry,) = data["packs"]
    assert ob.schema.validator("pack").is_valid(entry["manifest"])
    records = {k: v for k, v in entry.items() if k != "manifest"}
    assert ob.schema.validator("records").is_valid(records)
    original = ob.load_pack(EXAMPLE_PACK)
    rebuilt = ob.ContentPack(
        manifest=ob.structure(entry["manifest"], ob.PackManifest),
        **{
            kind: tuple(ob.structure(r, cls) for r in records.get(kind, ()))
            for kind, cls in (
                ("resources", ob.Resource),
                ("findings", ob.Finding),
                ("frameworks", ob.Framework),
                ("mappings", ob.Mapping),
                ("assessments", ob.Assessment),
            )
        },
    )
    assert rebuilt == original
    assert [p.name for p in target.parent.iterdir()] == ["catalog.json"]  # no temporary file left


def test_export_failure_leaves_the_earlier_export_untouched(tmp_path, monkeypatch):
    import ouderbetrokkenheid as ob
    from ouderbetrokkenheid.exporters import json as json_exporter

    target = tmp_path / "catalog.json"
    target.write_text("earlier export", "utf-8")

    def explode(library):
        raise RuntimeError("disk full")

    monkeypatch.setattr(json_exporter, "library_data", explode)
    library = ob.Library.discover([EXAMPLE_PACK], plugins=False)
    with pytest.raises(RuntimeError):
        json_exporter.JsonExporter().export(library, target, {})
    assert target.read_text("utf-8") == "earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["catalog.json"]


def test_export_lists_and_refuses_unknown(capsys):
    assert run(capsys, "export", "--list")[0] == 0
    code, _, err = run(capsys, "export", "--to", "pdf", "--out", "x")
    assert code == 2
    assert "no exporter named 'pdf'" in err


def test_internal_errors_are_reported_without_traceback(capsys, monkeypatch):
    from ouderbetrokkenheid.cli import commands

    def boom(args, out):
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(commands, "cmd_schemas", boom)
    code, _, err = run(capsys, "schemas")
    assert code == 3
    assert "internal error: ZeroDivisionError: oops" in err
    assert "Traceback" not in err


def test_python_dash_m_works():
    result = subprocess.run(
        [sys.executable, "-m", "ouderbetrokkenheid", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("ouderbetrokkenheid ")


def test_help_imports_nothing_heavy():
    code = (
        "import sys\nfrom ouderbetrokkenheid.cli import build_parser\nbuild_parser().format_help()\n"
        "print(sorted(m for m in ('jsonschema', 'pluggy', 'attrs', 'cattrs', 'yaml', 'jsonschema_rs') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


def test_search_text_and_json(capsys):
    code, out, _ = run(capsys, "search", "oudercafé", "--path", str(EXAMPLE_PACK))
    assert code == 0
    assert "voorbeeld/oudercafe" in out
    code, out, _ = run(
        capsys, "--lang", "en", "search", "café", "--path", str(EXAMPLE_PACK), "--format", "json", "--facets"
    )
    data = json.loads(out)
    assert data["results"][0]["id"] == "voorbeeld/oudercafe"
    assert data["results"][0]["title"] == "Example of a parents' café"
    assert data["facets"]["theme"] == {"communication": 1}


def test_search_filters(capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")  # the interface in English (the locale), the content as it is
    code, out, _ = run(
        capsys, "search", "--theme", "communication", "--level", "fwb-primaire", "--path", str(EXAMPLE_PACK)
    )
    assert code == 0 and "voorbeeld/oudercafe" in out
    code, out, _ = run(capsys, "search", "--theme", "bullying", "--path", str(EXAMPLE_PACK))
    assert out.strip() == "no results"


def test_frameworks_tree_marks_ordered_collections(capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")  # the interface in English (the locale), the content as it is
    code, out, _ = run(capsys, "frameworks", "voorbeeld/kader", "--path", str(EXAMPLE_PACK))
    assert code == 0
    assert "Niveaus (ordered):" in out
    assert "1. Ontmoeten" in out and "2. Meedenken" in out
    code, out, _ = run(capsys, "--lang", "fr", "frameworks", "voorbeeld/kader", "--path", str(EXAMPLE_PACK))
    assert "Niveaux (ordonné):" in out


def test_crosswalk(capsys):
    code, out, _ = run(
        capsys,
        "--lang",
        "en",
        "crosswalk",
        "voorbeeld/kader",
        "voorbeeld/ander-kader",
        "--path",
        str(EXAMPLE_PACK),
    )
    assert code == 0
    assert "1 mapping" in out
    assert "Meeting  --close match (0.5)-->  Contact" in out
    code, _, err = run(
        capsys, "crosswalk", "voorbeeld/kader", "voorbeeld/oudercafe", "--path", str(EXAMPLE_PACK)
    )
    assert code == 1 and "not a framework" in err


def test_show_lists_related(capsys):
    _code, out, _ = run(
        capsys, "show", "voorbeeld/oudercafe", "--path", str(EXAMPLE_PACK), "--format", "json"
    )
    assert json.loads(out)["related"] == []


def test_export_with_filters(capsys, tmp_path):
    target = tmp_path / "c.json"
    code, _, _ = run(
        capsys,
        "export",
        "--to",
        "json",
        "--out",
        str(target),
        "--theme",
        "bullying",
        "--path",
        str(EXAMPLE_PACK),
    )
    assert code == 0
    (entry,) = json.loads(target.read_text("utf-8"))["packs"]
    assert "resources" not in entry  # filtered away
    assert entry["frameworks"]  # other kinds are kept
    code, _, err = run(
        capsys,
        "export",
        "--to",
        "json",
        "--out",
        str(target),
        "--pack",
        "andere",
        "--path",
        str(EXAMPLE_PACK),
    )
    assert code == 1  # an unknown filter value is an error that names the packs, not an empty export
    assert "unknown pack 'andere'" in err
    assert "voorbeeld" in err


def test_new_pack_scaffold_validates_and_passes_its_own_tests(capsys, tmp_path):
    code, _out, _ = run(
        capsys, "new-pack", "mijn-school", "--dir", str(tmp_path), "--publisher", "Basisschool De Voorbeeld"
    )
    assert code == 0
    root = tmp_path / "ouderbetrokkenheid-mijn-school"
    pack = root / "src" / "ouderbetrokkenheid_mijn_school" / "pack"
    assert run(capsys, "validate", "--strict", str(pack))[0] == 0
    import tomllib

    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))
    assert project["project"]["entry-points"]["ouderbetrokkenheid"] == {
        "mijn-school": "ouderbetrokkenheid_mijn_school"
    }
    env = {**__import__("os").environ, "PYTHONPATH": str(root / "src")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(root / "tests")],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
    code, _, err = run(capsys, "new-pack", "mijn-school", "--dir", str(tmp_path))
    assert code == 1 and "already exists" in err
    code, _, err = run(capsys, "new-pack", "Mijn School", "--dir", str(tmp_path))
    assert code == 1 and "not a valid pack name" in err


def test_a_failing_exporter_plugin_is_named(capsys, monkeypatch, tmp_path):
    from ouderbetrokkenheid.exporters import json as json_exporter

    def explode(library):
        raise ValueError("plugin bug")

    monkeypatch.setattr(json_exporter, "library_data", explode)
    code, _, err = run(
        capsys, "export", "--to", "json", "--out", str(tmp_path / "x.json"), "--path", str(EXAMPLE_PACK)
    )
    assert code == 1
    assert "exporter 'json' of ouderbetrokkenheid.builtin.exporters failed: ValueError: plugin bug" in err
    assert not (tmp_path / "x.json").exists()


def test_broken_pipe_is_quiet(tmp_path):
    import os

    command = f"{sys.executable} -m ouderbetrokkenheid schemas | head -1"
    result = subprocess.run(
        command,
        shell=True,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("defs")
