"""Hostile corpus, pack files: odd file types, malformed and huge files, hostile numbers, deep concept
chains. Every case ends in a located problem with a stable code (or loads, where it is harmless);
nothing hangs, nothing is skipped silently, nothing outside the pack is read or echoed."""

import json
import os
import signal
from pathlib import Path

import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.validation.semantic import MAX_CONCEPT_DEPTH

from .hostile_support import codes, example_copy, make_fifo, run, small_pack, unix_socket

SECRET = "root:x:0:0:SECRET-LINE-THAT-MUST-NOT-BE-ECHOED\n"


@pytest.fixture(autouse=True)
def _never_hang():
    """A case that blocks (a FIFO read) fails after 20 s instead of hanging the suite."""

    def stop(*_):
        raise TimeoutError("the reader blocked")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


# -- odd file types -----------------------------------------------------------------------------
def _fifo(folder: Path) -> None:
    make_fifo(folder / "pipe.yaml")


def _dangling(folder: Path) -> None:
    (folder / "gone.yaml").symlink_to(folder / "does-not-exist.yaml")


def _self_loop(folder: Path) -> None:
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")


def _two_loop(folder: Path) -> None:
    (folder / "a.yaml").symlink_to(folder / "b.yaml")
    (folder / "b.yaml").symlink_to(folder / "a.yaml")


def _device(folder: Path) -> None:
    (folder / "zero.yaml").symlink_to("/dev/zero")


def _null_device(folder: Path) -> None:
    (folder / "null.json").symlink_to("/dev/null")


def _folder(folder: Path) -> None:
    (folder / "records-folder.yaml").mkdir()
    (folder / "records-folder.yaml" / "inner.yaml").write_text("resources: []\n", "utf-8")


def _outside(folder: Path) -> None:
    outside = folder.parent / "elsewhere.yaml"
    outside.write_text(SECRET, "utf-8")
    (folder / "linked.yaml").symlink_to(outside)


def _system_file(folder: Path) -> None:
    (folder / "passwd.yaml").symlink_to("/etc/passwd")


def _nested_outside(folder: Path) -> None:
    outside = folder.parent / "other.json"
    outside.write_text(json.dumps({"resources": []}), "utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "linked.json").symlink_to(outside)


TYPE_CASES = {
    "fifo": (_fifo, {"not-a-file"}),
    "dangling-link": (_dangling, {"not-a-file"}),
    "self-loop-link": (_self_loop, {"not-a-file"}),
    "two-link-loop": (_two_loop, {"not-a-file"}),
    "link-to-dev-zero": (_device, {"link-outside"}),
    "link-to-dev-null": (_null_device, {"link-outside"}),
    "link-outside-pack": (_outside, {"link-outside"}),
    "link-to-system-file": (_system_file, {"link-outside"}),
    "nested-link-outside": (_nested_outside, {"link-outside"}),
}


@pytest.mark.parametrize("case", sorted(TYPE_CASES))
def test_odd_record_files_are_errors_never_silent_skips(tmp_path, case):
    make, expected = TYPE_CASES[case]
    folder = small_pack(tmp_path / "p")
    make(folder)
    report = ob.validate_pack(folder)
    assert expected <= codes(report), [p.to_dict() for p in report.problems]
    assert not report.ok
    assert all(SECRET.strip() not in p.message + p.hint for p in report.problems)


def test_a_folder_named_like_a_file_is_entered_not_read(tmp_path):
    folder = small_pack(tmp_path / "p")
    _folder(folder)
    (folder / "records-folder.yaml" / "inner.yaml").write_text(RECORD_B, "utf-8")
    assert {r.id for r in ob.load_pack(folder).resources} == {"t/a", "t/b"}


def test_socket_record_file_is_an_error(tmp_path):
    folder = small_pack(tmp_path / "p")
    with unix_socket(folder / "s.yaml"):
        report = ob.validate_pack(folder)
    assert "not-a-file" in codes(report)


@pytest.mark.parametrize("target", ["/etc/passwd", "/dev/zero", "OUTSIDE"])
def test_manifest_link_leaving_the_pack_is_refused_unread(tmp_path, target):
    outside = tmp_path / "secret.yaml"
    outside.write_text(SECRET, "utf-8")
    folder = small_pack(tmp_path / "p")
    (folder / "pack.yaml").unlink()
    (folder / "pack.yaml").symlink_to(outside if target == "OUTSIDE" else target)
    report = ob.validate_pack(folder)
    assert codes(report) == {"link-outside"}
    text = json.dumps(report.to_dict())
    assert "SECRET" not in text and "root:" not in text


@pytest.mark.parametrize("kind", ["fifo", "dangling", "loop"])
def test_odd_manifest_is_an_error(tmp_path, kind):
    folder = small_pack(tmp_path / "p")
    (folder / "pack.yaml").unlink()
    if kind == "fifo":
        make_fifo(folder / "pack.yaml")
    elif kind == "dangling":
        (folder / "pack.yaml").symlink_to(folder / "nowhere.yaml")
    else:
        (folder / "pack.yaml").symlink_to(folder / "pack.yaml")
    assert codes(ob.validate_pack(folder)) == {"not-a-file"}


def test_a_link_inside_the_pack_is_read(tmp_path):
    folder = small_pack(tmp_path / "p")
    (folder / "records.yaml").rename(folder / "real.yml")
    (folder / "records.yaml").symlink_to(folder / "real.yml")
    with pytest.raises(ob.PackError) as info:  # read twice: the same id in two files
        ob.load_pack(folder)
    assert codes(info.value.report) == {"duplicate-id"}


def test_links_outside_can_be_allowed_explicitly(tmp_path):
    shared = tmp_path / "shared.yaml"
    shared.write_text(RECORD_B, "utf-8")
    folder = small_pack(tmp_path / "p")
    (folder / "more.yaml").symlink_to(shared)
    assert "link-outside" in codes(ob.validate_pack(folder))
    pack = ob.load_pack(folder, allow_outside_links=True)
    assert {r.id for r in pack.resources} == {"t/a", "t/b"}


RECORD_B = "resources:\n  - id: t/b\n    kind: book\n    title: {nl: B}\n    provenance: {source: s, status: unverified}\n"


# -- malformed and huge files -------------------------------------------------------------------
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)
MALFORMED: dict[str, tuple[str, str | bytes, str]] = {
    "not-utf8": ("x.yaml", b"resources:\n  - id: t/\xff\n", "not-utf8"),
    "latin1-json": ("x.json", b'{"resources": [{"id": "caf\xe9"}]}', "not-utf8"),
    "alias-bomb": ("x.yaml", BOMB, "alias-limit"),
    "deep-yaml": ("x.yaml", "a: " + "[" * 200 + "]" * 200 + "\n", "too-deep"),
    "deep-json": ("x.json", "[" * 100_000 + "]" * 100_000, "too-deep"),
    "duplicate-key": ("x.yaml", "resources: []\nresources: []\n", "syntax"),
    "complex-key": ("x.yaml", "? [a, b]\n: 1\n", "key-not-string"),
    "mapping-key": ("x.yaml", "? {a: 1}\n: 1\n", "key-not-string"),
    "int-key": ("x.yaml", "resources:\n  - id: t/z\n    1: x\n", "key-not-string"),
    "null-key": ("x.yaml", "null: x\n", "key-not-string"),
    "bool-key": ("x.yaml", "true: x\n", "key-not-string"),
    "float-key": ("x.yaml", "1.5: x\n", "key-not-string"),
    "huge-integer": ("x.yaml", "resources:\n  - id: t/z\n    year: " + "9" * 400 + "\n", "number-too-large"),
    "tab-indent": ("x.yaml", "resources:\n\t- id: t/z\n", "syntax"),
    "unclosed-quote": ("x.yaml", 'resources: ["abc\n', "syntax"),
    "json-trailing-comma": ("x.json", '{"resources": [],}', "syntax"),
    "json-nan-literal": ("x.json", '{"resources": [NaN]}', "syntax"),
    "json-infinity-literal": ("x.json", '{"resources": [Infinity]}', "syntax"),
    "json-huge-number": ("x.json", '{"resources": [1e400]}', "syntax"),
    "top-level-list": ("x.yaml", "- a\n- b\n", "not-a-mapping"),
    "top-level-scalar": ("x.json", '"just a string"', "not-a-mapping"),
    "python-tag": (
        "x.yaml",
        "resources: !!python/object:os.system {}\n",
        "schema-type",
    ),  # a tag runs nothing
    "binary-garbage": ("x.yaml", bytes(range(256)), "not-utf8"),
    "nul-bytes": ("x.json", b'{"resources": []}\x00\x00', "syntax"),
    "zip-archive": ("x.json", b"PK\x03\x04" + b"\x00" * 40, "syntax"),
    "two-documents": ("x.yaml", "resources: []\n---\nfindings: []\n", "not-a-mapping"),
    "empty-file": ("x.yaml", "", "not-a-mapping"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_files_get_a_located_problem(tmp_path, case):
    name, content, expected = MALFORMED[case]
    folder = small_pack(tmp_path / "p", {name: content})
    report = ob.validate_pack(folder)
    assert expected in codes(report), [p.to_dict() for p in report.problems]
    problem = next(p for p in report.errors if p.code == expected)
    assert problem.file is not None and problem.file.endswith(name)


def test_a_huge_sparse_file_is_refused_unread(tmp_path):
    folder = small_pack(tmp_path / "p")
    with (folder / "huge.json").open("wb") as handle:
        handle.truncate(40 * 1024 * 1024)
    assert "file-too-large" in codes(ob.validate_pack(folder))


def test_a_smaller_limit_is_honoured(tmp_path):
    folder = small_pack(tmp_path / "p", {"more.yaml": "resources: []\n" + "#" * 5000 + "\n"})
    assert "file-too-large" in codes(ob.validate_pack(folder, max_bytes=4096))


@pytest.mark.parametrize("case", ["fifo", "dangling-link", "link-to-system-file"])
def test_validate_command_exits_1_on_odd_files(capsys, tmp_path, case):
    make, _ = TYPE_CASES[case]
    folder = small_pack(tmp_path / "p")
    make(folder)
    code, out, err = run(capsys, "validate", "--no-plugins", str(folder))
    assert code == 1 and "invalid" in out
    assert "Traceback" not in err and "root:" not in err


# -- numbers ------------------------------------------------------------------------------------
NUMBER_PLACES = {
    "mapping-confidence": ("confidence: 0.5", "confidence: VALUE"),
    "option-score": ("score: 1}", "score: VALUE}"),
    "band-min": ("{id: werkpunt, min: 0,", "{id: werkpunt, min: VALUE,"),
    "band-max": ("min: 75, max: 100,", "min: 75, max: VALUE,"),
    "item-weight": ("reverse: true", "reverse: true\n            weight: VALUE"),
}
NOT_FINITE = {"nan": ".nan", "inf": ".inf", "minus-inf": "-.inf"}


@pytest.mark.parametrize("value", sorted(NOT_FINITE))
@pytest.mark.parametrize("place", sorted(NUMBER_PLACES))
def test_nan_and_infinities_are_refused_with_a_located_reason(tmp_path, place, value):
    old, new = NUMBER_PLACES[place]
    folder = example_copy(tmp_path / "p", old, new.replace("VALUE", NOT_FINITE[value]))
    report = ob.validate_pack(folder)
    problem = next(p for p in report.errors if p.code == "not-finite")
    assert problem.line is not None and problem.pointer
    assert "NaN and infinities" in problem.message
    assert not any("gives no reason" in p.message for p in report.problems)


@pytest.mark.parametrize("kind", ["mapping", "assessment", "finding", "result"])
def test_both_validators_refuse_non_finite_numbers(kind):
    from ouderbetrokkenheid import schema

    examples = sorted((Path(__file__).parents[1] / "schemas" / "examples" / "valid" / kind).glob("*.json"))
    data = json.loads(examples[0].read_text("utf-8"))
    replaced = _replace_first_number(data, float("nan"))
    assert replaced, f"no number in {examples[0]}"
    assert not schema.fast_validator(kind).is_valid(data)
    assert not schema.validator(kind).is_valid(data)


def _replace_first_number(data, value) -> bool:
    stack = [data]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, item in list(items):
            if isinstance(item, int | float) and not isinstance(item, bool):
                node[key] = value
                return True
            stack.append(item)
    return False


# -- depth --------------------------------------------------------------------------------------
def _chain_pack(folder: Path, depth: int) -> Path:
    concepts = [{"id": "t/f#c0", "label": {"nl": "C0"}}]
    concepts += [
        {"id": f"t/f#c{i}", "label": {"nl": f"C{i}"}, "broader": f"t/f#c{i - 1}"} for i in range(1, depth)
    ]
    framework = {
        "id": "t/f",
        "title": {"nl": "F"},
        "concepts": concepts,
        "provenance": {"source": "s", "status": "unverified"},
    }
    return small_pack(folder, {"f.json": json.dumps({"frameworks": [framework]})})


def test_a_concept_chain_600_deep_is_refused_by_validation(tmp_path):
    report = ob.validate_pack(_chain_pack(tmp_path / "p", 600))
    problem = next(p for p in report.errors if p.code == "concept-depth")
    assert str(MAX_CONCEPT_DEPTH) in problem.message and problem.line is not None
    assert sum(p.code == "concept-depth" for p in report.problems) == 1  # said once, not 568 times


@pytest.mark.parametrize("exporter", ["html", "markdown", "jsonld", "json", "csv"])
def test_the_deepest_chain_validation_accepts_exports(tmp_path, exporter):
    folder = _chain_pack(tmp_path / "p", MAX_CONCEPT_DEPTH)
    library = ob.Library.discover([folder], plugins=False)
    assert library.report.ok, library.report.problems
    exporters = ob.get_plugin_manager(load_entry_points=False).exporters()
    _, chosen = exporters[exporter]
    out = tmp_path / ("out" + chosen.extension)
    chosen.export(library, out, {})
    assert out.exists()


def test_one_level_deeper_is_refused(tmp_path):
    assert "concept-depth" in codes(ob.validate_pack(_chain_pack(tmp_path / "p", MAX_CONCEPT_DEPTH + 1)))


def test_hidden_files_are_still_ignored(tmp_path):
    folder = small_pack(tmp_path / "p")
    os.mkfifo(folder / ".hidden.yaml")
    assert ob.validate_pack(folder).ok
