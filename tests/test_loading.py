"""Bad input: each gets a clear problem with a code and a location, never a traceback."""

import json

import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.loading.documents import MAX_DEPTH, parse_text, read_document

MANIFEST = "name: t\nversion: 1.0.0\ntitle: {nl: T}\npublisher: {name: P}\nlicence: CC0-1.0\nlanguages: [nl]\nsources: [{id: s, title: S}]\n"
GOOD = {
    "id": "t/a",
    "kind": "book",
    "title": {"nl": "A"},
    "provenance": {"source": "s", "status": "unverified"},
}


def make_pack(tmp_path, files, manifest=MANIFEST):
    if manifest is not None:
        (tmp_path / "pack.yaml").write_text(manifest, "utf-8")
    for name, content in files.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    return tmp_path


def only(report, code):
    found = [p for p in report.problems if p.code == code]
    assert found, f"no {code!r} in {[p.code for p in report.problems]}"
    return found[0]


def test_valid_pack_loads(tmp_path):
    pack = ob.load_pack(make_pack(tmp_path, {"r.json": json.dumps({"resources": [GOOD]})}))
    assert pack.name == "t"
    assert pack.resources[0].title.get_text("nl") == "A"


def test_yaml_and_json_twins_give_equal_packs(tmp_path):
    json_pack = ob.load_pack(
        make_pack(tmp_path / "j", {"r.json": json.dumps({"resources": [GOOD]})})
        if (tmp_path / "j").mkdir() is None
        else None
    )
    yaml_text = "resources:\n  - id: t/a\n    kind: book\n    title: {nl: A}\n    provenance: {source: s, status: unverified}\n"
    yaml_pack = ob.load_pack(
        make_pack(tmp_path / "y", {"r.yaml": yaml_text}) if (tmp_path / "y").mkdir() is None else None
    )
    assert json_pack == yaml_pack


def test_missing_manifest(tmp_path):
    report = ob.validate_pack(make_pack(tmp_path, {"r.json": "{}"}, manifest=None))
    problem = only(report, "manifest-missing")
    assert problem.file == str(tmp_path)
    assert "pack.yaml" in problem.message


def test_missing_folder(tmp_path):
    only(ob.validate_pack(tmp_path / "nope"), "path-not-found")


def test_malformed_yaml_is_located(tmp_path):
    report = ob.validate_pack(make_pack(tmp_path, {"r.yaml": "resources:\n  - id: [t/a\n"}))
    problem = only(report, "syntax")
    assert problem.file.endswith("r.yaml")
    assert problem.line == 2
    assert problem.column is not None
    assert problem.hint


def test_malformed_json_is_located(tmp_path):
    report = ob.validate_pack(
        make_pack(tmp_path, {"r.json": '{\n  "resources": [\n    {"id": "t/a",}\n  ]\n}'})
    )
    problem = only(report, "syntax")
    assert (problem.line, problem.column) == (3, 17)


def test_duplicate_yaml_key_is_an_error_not_data_loss(tmp_path):
    report = ob.validate_pack(make_pack(tmp_path, {"r.yaml": "resources: []\nresources: []\n"}))
    assert only(report, "syntax").line == 2


def test_yaml_alias_bomb_is_refused_quickly(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    report = ob.validate_pack(make_pack(tmp_path, {"bomb.yaml": "\n".join(lines) + "\n"}))
    only(report, "alias-limit")


def test_file_over_the_size_limit_is_refused_without_reading(tmp_path):
    big = tmp_path / "big"
    big.mkdir()
    make_pack(big, {})
    with (big / "huge.json").open("wb") as handle:  # a 50 MB file, sparse on disk
        handle.truncate(50 * 1024 * 1024)
    problem = only(ob.validate_pack(big), "file-too-large")
    assert "50.0 MiB" in problem.message
    assert "--max-file-size" in problem.hint


def test_a_file_is_read_whole_up_to_the_limit_and_refused_one_byte_beyond(tmp_path):
    from ouderbetrokkenheid.loading.files import InputFileError, read_bytes

    data = bytes(range(256)) * 12_289  # over 3 MiB: more than one read of the old 1 MiB chunks
    path = tmp_path / "data.json"
    path.write_bytes(data)
    assert read_bytes(path, len(data)) == data
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    assert read_bytes(empty, 0) == b""
    with pytest.raises(InputFileError) as refused:
        read_bytes(path, len(data) - 1)
    assert refused.value.problems[0].code == "file-too-large"


def test_a_file_that_grows_after_its_size_was_read_is_read_to_the_end_or_refused(tmp_path, monkeypatch):
    """The size the system gave may be short (the file grew since, or is one whose size is not known
    beforehand, as /proc's): the rest is read too, and still never past the limit."""
    import os

    from ouderbetrokkenheid.loading import files
    from ouderbetrokkenheid.loading.files import InputFileError, read_bytes

    data = b"x" * (3 << 20)
    path = tmp_path / "growing.json"
    path.write_bytes(data)
    real = os.fstat

    def stale(fd):  # the size as it was before the file grew
        info = real(fd)
        return os.stat_result((*info[:6], 10, *info[7:10]))

    monkeypatch.setattr(files.os, "fstat", stale)
    read: list[int] = []
    real_read = os.read

    def counted(fd, n):
        chunk = real_read(fd, n)
        read.append(len(chunk))
        return chunk

    monkeypatch.setattr(files.os, "read", counted)
    assert read_bytes(path, len(data)) == data
    read.clear()
    limit = len(data) // 2
    with pytest.raises(InputFileError) as refused:
        read_bytes(path, limit)
    assert refused.value.problems[0].code == "file-too-large"
    assert sum(read) == limit + 1  # never past the limit: one byte beyond it tells it is too large


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_deep_nesting_is_refused(tmp_path, fmt):
    depth = 5000
    text = "[" * depth + "]" * depth
    if fmt == "yaml":
        text = "resources: " + text
    report = ob.validate_pack(make_pack(tmp_path, {f"deep.{fmt}": text}))
    assert {p.code for p in report.errors} & {"too-deep", "syntax"}


def test_nesting_within_parser_limits_but_beyond_ours_is_refused(tmp_path):
    value = "x"
    for _ in range(MAX_DEPTH + 5):
        value = [value]
    report = ob.validate_pack(make_pack(tmp_path, {"deep.json": json.dumps({"resources": [value]})}))
    only(report, "too-deep")


def test_non_utf8_file(tmp_path):
    report = ob.validate_pack(make_pack(tmp_path, {"r.yaml": b"resources:\n  - id: caf" + b"\xe9\n"}))
    problem = only(report, "not-utf8")
    assert problem.line == 2
    assert "0xe9" in problem.message


def test_utf8_bom_is_accepted(tmp_path):
    pack = ob.load_pack(make_pack(tmp_path, {"r.json": "\ufeff" + json.dumps({"resources": [GOOD]})}))
    assert len(pack.resources) == 1


@pytest.mark.parametrize(
    ("change", "code", "pointer"),
    [
        ({"year": "2011"}, "schema-type", "/resources/0/year"),
        ({"titel": {"nl": "x"}}, "schema-additional", "/resources/0/titel"),
        ({"id": "t/met spatie"}, "schema-pattern", "/resources/0/id"),
        ({"kind": "boek"}, "schema-enum", "/resources/0/kind"),
        (
            {"links": [{"access": "online", "url": "javascript:alert(1)"}]},
            "schema-pattern",
            "/resources/0/links/0/url",
        ),
        (
            {"links": [{"access": "online", "url": "http://exa mple.org"}]},
            "schema-pattern",
            "/resources/0/links/0/url",
        ),
        ({"title": {"NL": "x"}}, "schema-pattern", "/resources/0/title"),
        ({"title": {}}, "schema", "/resources/0/title"),
    ],
)
def test_schema_problems_are_coded_and_located(tmp_path, change, code, pointer):
    record = {**GOOD, **change}
    text = json.dumps({"resources": [record]}, indent=2)
    report = ob.validate_pack(make_pack(tmp_path, {"r.json": text}))
    problem = only(report, code)
    assert problem.pointer.startswith(pointer)
    assert problem.line is not None and problem.line > 1
    assert problem.hint


def test_unknown_key_suggests_the_right_one(tmp_path):
    report = ob.validate_pack(
        make_pack(tmp_path, {"r.json": json.dumps({"resources": [{**GOOD, "sumary": {"nl": "x"}}]})})
    )
    assert "'summary'" in only(report, "schema-additional").hint


def test_missing_required_field(tmp_path):
    record = {k: v for k, v in GOOD.items() if k != "title"}
    problem = only(
        ob.validate_pack(make_pack(tmp_path, {"r.json": json.dumps({"resources": [record]})})),
        "schema-required",
    )
    assert "'title'" in problem.message
    assert problem.pointer == "/resources/0"


def test_every_problem_of_every_file_in_one_run(tmp_path):
    files = {
        "a.yaml": "resources:\n  - id: [broken\n",
        "b.json": json.dumps({"resources": [{**GOOD, "kind": "boek"}, {**GOOD, "id": "t/b", "year": "x"}]}),
        "c.json": json.dumps({"resources": [{**GOOD, "id": "t/c", "concepts": ["t/nope#x"]}]}),
    }
    report = ob.validate_pack(make_pack(tmp_path, files))
    codes = sorted(p.code for p in report.errors)
    assert codes == ["schema-enum", "schema-type", "syntax", "unknown-reference"]


def test_locating_in_yaml_points_at_the_value(tmp_path):
    text = "resources:\n  - id: t/a\n    kind: book\n    title: {nl: A}\n    year: not-a-year\n    provenance: {source: s, status: unverified}\n"
    problem = only(ob.validate_pack(make_pack(tmp_path, {"r.yaml": text})), "schema-type")
    assert (problem.line, problem.column) == (5, 11)


def test_top_level_must_be_a_mapping(tmp_path):
    only(ob.validate_pack(make_pack(tmp_path, {"r.yaml": "- a\n- b\n"})), "not-a-mapping")


def test_manifest_errors_stop_early_with_location(tmp_path):
    report = ob.validate_pack(make_pack(tmp_path, {}, manifest="name: T T\nversion: one\n"))
    codes = {p.code for p in report.errors}
    assert {"schema-pattern", "schema-required"} <= codes
    assert all(p.file.endswith("pack.yaml") for p in report.errors)


def test_load_pack_raises_with_every_error(tmp_path):
    folder = make_pack(
        tmp_path,
        {"r.json": json.dumps({"resources": [{**GOOD, "kind": "x"}, {**GOOD, "id": "t/b", "kind": "y"}]})},
    )
    with pytest.raises(ob.PackError) as info:
        ob.load_pack(folder)
    assert len(info.value.problems) == 2
    assert "r.json" in str(info.value)


def test_parse_text_yaml_is_yaml_1_2():
    assert parse_text("a: no\nb: 2020-01-01\nc: on\n", "yaml") == {"a": "no", "b": "2020-01-01", "c": "on"}


def test_read_document_refuses_a_folder(tmp_path):
    with pytest.raises(ob.ProblemError) as info:
        read_document(tmp_path)
    assert info.value.problems[0].code == "path-not-found"


def test_hidden_folders_and_other_files_are_ignored(tmp_path):
    folder = make_pack(tmp_path, {"r.json": json.dumps({"resources": [GOOD]}), "notes.txt": "x"})
    (folder / ".git").mkdir()
    (folder / ".git" / "junk.json").write_text("not json", "utf-8")
    assert ob.validate_pack(folder).problems == ()


def test_peek_manifest_reads_name_and_depends_without_validating(tmp_path):
    assert ob.peek_manifest(tmp_path) == (None, ())
    (tmp_path / "pack.yaml").write_text("name: t\ndepends: [a, 3]\nversion: nonsense\n", "utf-8")
    assert ob.peek_manifest(tmp_path) == ("t", ("a",))
    (tmp_path / "pack.yaml").write_text("name: [unclosed\n", "utf-8")
    assert ob.peek_manifest(tmp_path) == (None, ())


def test_records_file_with_scattered_bad_records_explains_each_one(tmp_path):
    """Only the records the compiled validator rejects are explained, each located in its file; the
    trailing newline of a language tag is explained too (ECMA-262 '$' ends the text)."""
    records = [{**GOOD, "id": f"t/r{index}"} for index in range(300)]
    records[7] = {**records[7], "year": "2011"}
    records[150] = {**records[150], "title": {"nl\n": "A"}}
    records[299] = {**records[299], "languages": ["nl\n"]}
    text = json.dumps({"resources": records}, indent=2)
    report = ob.validate_pack(make_pack(tmp_path, {"r.json": text, "y.yaml": text}))
    for name in ("r.json", "y.yaml"):
        found = {
            (p.code, p.pointer)
            for p in report.errors
            if p.file.endswith(name) and p.code.startswith("schema")
        }
        assert found == {
            ("schema-type", "/resources/7/year"),
            ("schema-pattern", "/resources/150/title"),
            ("schema-pattern", "/resources/299/languages/0"),
        }, name
    newline = [p for p in report.errors if p.pointer == "/resources/299/languages/0"]
    assert all("line break" in p.message and "ECMA-262" in p.hint for p in newline)
    assert all(p.line is not None and p.line > 1 for p in report.errors)
    assert not [p for p in report.errors if p.code == "schema"]  # never "no reason"
    # the valid records of both files are still checked across records: the same ids twice
    assert len([p for p in report.errors if p.code == "duplicate-id"]) == 297


#: How the test below breaks a record: field, bad value, expected code, pointer below the record.
BREAKS = (
    ("year", "2011", "schema-type", "/year"),
    ("kind", "boek", "schema-enum", "/kind"),
    ("title", {"nl\n": "A"}, "schema-pattern", "/title"),  # a trailing newline in a language tag
    ("languages", ["nl", "nl\n"], "schema-pattern", "/languages/1"),
    ("titel", {"nl": "A"}, "schema-additional", "/titel"),
)


def test_a_hundred_scattered_bad_records_are_each_located_and_explained(tmp_path):
    """100 invalid records scattered over three JSON files (indented, compact, CRLF): every one is
    reported once, at its record and pointer, with the line and column where the value is (checked
    against a scan of the whole text), and says what is wrong."""
    import random

    from ouderbetrokkenheid.loading.positions import locate, record_spans

    rng = random.Random(13)
    broken = sorted(rng.sample(range(3000), 100))
    files, expected = {}, {}
    for number, (name, indent, newline) in enumerate(
        (("a.json", 2, "\n"), ("b.json", None, "\n"), ("c.json", 1, "\r\n"))
    ):
        records = [
            {**GOOD, "id": f"t/r{number * 1000 + i}", "title": {"nl": "é" * (i % 7 + 1)}} for i in range(1000)
        ]
        for place in broken:
            if number * 1000 <= place < (number + 1) * 1000:
                field, value, code, at = BREAKS[place % len(BREAKS)]
                records[place - number * 1000][field] = value
                expected[(name, f"/resources/{place - number * 1000}{at}")] = code
        text = json.dumps({"$schema": "urn:x", "resources": records}, indent=indent, ensure_ascii=False)
        files[name] = text.replace("\n", newline)
    report = ob.validate_pack(make_pack(tmp_path, files))
    found = {}
    for problem in report.errors:
        name = problem.file.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
        if name == "pack.yaml" or problem.code == "unknown-reference":
            continue
        key = (name, problem.pointer)
        assert key not in found, key
        found[key] = problem
        assert (problem.line, problem.column) == locate(files[name], "json", problem.pointer), key
        assert problem.message and problem.hint
    assert {key: p.code for key, p in found.items()} == expected
    newlines = [p for (_, pointer), p in found.items() if p.code == "schema-pattern"]
    assert newlines and all("line break" in p.message for p in newlines)
    assert set(files) == {name for name, _ in found}
    # each file was indexed in one pass (the records' places), not scanned again for each problem
    assert all(len(record_spans(text.encode())["resources"]) == 1000 for text in files.values())
    assert record_spans(b'{"resources": [], "resources": [1]}') is None  # a repeated key: scanned instead


def test_top_level_problem_of_a_json_records_file_is_explained(tmp_path):
    text = json.dumps({"resources": [GOOD], "extra": 1, "findings": "not a list"})
    report = ob.validate_pack(make_pack(tmp_path, {"r.json": text}))
    assert {(p.code, p.pointer) for p in report.errors} == {
        ("schema-additional", "/extra"),
        ("schema-type", "/findings"),
    }
    text = json.dumps({"resources": [GOOD], "extra": [1]})  # every value a list: one pass splits them
    report = ob.validate_pack(make_pack(tmp_path, {"r.json": text}))
    assert {(p.code, p.pointer, p.line) for p in report.errors} == {("schema-additional", "/extra", 1)}


def test_loading_leaves_the_garbage_collector_as_it_was(tmp_path, monkeypatch):
    import gc

    calls = []
    monkeypatch.setattr(gc, "disable", lambda: calls.append("disable"))
    pack = ob.load_pack(make_pack(tmp_path, {"r.json": json.dumps({"resources": [GOOD]})}))
    assert len(pack.resources) == 1 and not calls


def test_a_json_records_document_keeps_no_bytes_and_reads_them_again_to_locate(tmp_path):
    from ouderbetrokkenheid.loading.documents import Document

    path = tmp_path / "r.json"
    raw = json.dumps({"resources": [GOOD, GOOD]}, indent=2).encode()
    path.write_bytes(b"\xef\xbb\xbf" + raw)
    document = Document.reread(str(path), raw)
    assert document.source == b""
    from ouderbetrokkenheid.loading.positions import locate

    assert document.locate("/resources/1/kind") == locate(raw.decode(), "json", "/resources/1/kind")
    assert document.locate("/resources/1/kind")[0] > 10
    changed = Document.reread(str(path), raw + b" ")  # the file is no longer what was read
    assert changed.locate("/resources/1/kind") == (None, None)
    assert changed.text == ""
    gone = Document.reread(str(tmp_path / "gone.json"), raw)
    assert gone.problem("schema-type", "x", pointer="/resources/0").line is None


def test_yaml_nesting_read_from_the_indentation_agrees_with_the_walk():
    """Clean YAML data is checked for depth from orjson's indented output (no Python walk): the same
    verdict as the walk, around the limit, with side branches, empty containers and line breaks in
    strings."""
    import random

    from ouderbetrokkenheid.loading.documents import DocumentError, _check_yaml_data, check_depth

    rng = random.Random(64)

    def make(depth):
        if depth <= 0:
            return rng.choice([1, "x", None, [], {}, "a\n" + " " * 200 + "b"])
        side = rng.choice([1, "y", [], {}, [2]])
        if rng.random() < 0.5:
            return [side, make(depth - 1)] if rng.random() < 0.5 else [make(depth - 1)]
        return {"s": side, "k": make(depth - 1)}

    def verdict(check):
        try:
            check()
        except DocumentError as exc:
            return exc.problems[0].code
        return "ok"

    seen = set()
    for _ in range(400):
        data = make(rng.randint(MAX_DEPTH - 8, MAX_DEPTH + 8))
        found = verdict(lambda data=data: _check_yaml_data(data, "", "p.yaml"))
        assert found == verdict(lambda data=data: check_depth(data, "p.yaml"))
        seen.add(found)
    assert seen == {"ok", "too-deep"}


def test_a_yaml_key_holding_a_list_is_a_problem_not_a_traceback(tmp_path):
    """yaml-rs raises TypeError for '? {...}' with a list inside (found by the result reader's fuzz)."""
    from ouderbetrokkenheid.loading.documents import DocumentError

    path = tmp_path / "result.yaml"
    path.write_text('? {"groups": [1, 2]}\n: 1\n', encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    problem = caught.value.problems[0]
    assert problem.code == "key-not-string" and problem.line == 1
