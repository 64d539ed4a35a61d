"""Checks across records: each rule has a test that breaks it."""

import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import ouderbetrokkenheid as ob


def edit(folder, change):
    """Load records.yaml of the example pack, let *change* edit the data, write it back."""
    path = folder / "records.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data), "utf-8")  # JSON is YAML
    return ob.validate_pack(folder)


def codes(report, severity=None):
    return sorted(p.code for p in report.problems if severity is None or p.severity is severity)


def test_the_example_pack_is_clean(example_pack):
    assert ob.validate_pack(example_pack).problems == ()


def test_duplicate_record_id_names_the_first(example_pack):
    def change(d):
        d["resources"].append(dict(d["resources"][0]))

    report = edit(example_pack, change)
    problem = next(p for p in report.errors if p.code == "duplicate-id")
    assert problem.pointer == "/resources/1/id"
    assert "/resources/0" in problem.message


def test_duplicate_id_across_files(example_pack):
    (example_pack / "more.json").write_text(
        json.dumps(
            {
                "findings": [
                    {
                        "id": "voorbeeld/oudercafe",
                        "claim": {"nl": "x", "fr": "x", "en": "x"},
                        "provenance": {"source": "voorbeeld", "status": "unverified"},
                    }
                ]
            }
        ),
        "utf-8",
    )
    report = ob.validate_pack(example_pack)
    problem = next(p for p in report.errors if p.code == "duplicate-id")
    assert problem.file.endswith("records.yaml")
    assert "more.json" in problem.message or problem.file.endswith("more.json")


def test_id_outside_the_namespace(example_pack):
    report = edit(example_pack, lambda d: d["resources"][0].update(id="ander/oudercafe"))
    assert "foreign-namespace" in codes(report)


def test_concept_id_outside_its_framework(example_pack):
    def change(d):
        d["frameworks"][0]["concepts"][0]["id"] = "voorbeeld/ander-kader#ontmoeten2"

    assert "foreign-namespace" in codes(edit(example_pack, change))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("resources", 0, "concepts"), ["voorbeeld/kader#bestaat-niet"]),
        (("resources", 0, "related"), ["voorbeeld/bestaat-niet"]),
        (("resources", 0, "part_of"), "voorbeeld/bestaat-niet"),
        (("findings", 0, "sources"), ["voorbeeld/bestaat-niet"]),
        (("mappings", 0, "object"), "voorbeeld/ander-kader#nope"),
        (("assessments", 0, "framework"), "voorbeeld/nope"),
        (("frameworks", 0, "collections", 0, "members"), ["voorbeeld/kader#nope"]),
        (("frameworks", 0, "concepts", 1, "broader"), "voorbeeld/kader#nope"),
    ],
)
def test_unknown_references(example_pack, path, value):
    def change(d):
        target = d
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    report = edit(example_pack, change)
    problem = next(p for p in report.errors if p.code == "unknown-reference")
    assert problem.pointer.startswith("/" + "/".join(map(str, path)))


def test_reference_into_an_undeclared_pack(example_pack):
    report = edit(
        example_pack, lambda d: d["resources"][0].update(concepts=["ocb/themas#thuisbetrokkenheid"])
    )
    assert "undeclared-dependency" in codes(report)


def test_reference_into_a_declared_pack_that_is_not_loaded_is_a_warning(example_pack):
    manifest = example_pack / "pack.yaml"
    manifest.write_text(manifest.read_text("utf-8") + "depends: [ocb]\n", "utf-8")
    report = edit(
        example_pack, lambda d: d["resources"][0].update(concepts=["ocb/themas#thuisbetrokkenheid"])
    )
    assert report.ok
    assert codes(report) == ["unresolved-external-reference"]
    checked = ob.validate_pack(
        example_pack, external=lambda identifier: identifier == "ocb/themas#thuisbetrokkenheid"
    )
    assert checked.problems == ()
    missing = ob.validate_pack(example_pack, external=lambda identifier: False)
    assert codes(missing) == ["unknown-reference"]


def test_unknown_source(example_pack):
    report = edit(example_pack, lambda d: d["resources"][0]["provenance"].update(source="elders"))
    problem = next(p for p in report.errors if p.code == "unknown-source")
    assert problem.pointer == "/resources/0/provenance/source"


def test_unknown_source_of_a_thesaurus_entry(example_pack):
    manifest = example_pack / "pack.yaml"
    data = yaml.safe_load(manifest.read_text("utf-8"))
    declared = data["sources"][0]["id"]
    ours = {"status": "authored-here"}
    data["thesaurus"] = [
        {"id": "goed", "label": {"nl": "oudercafé"}, "provenance": {**ours, "source": declared}},
        {"id": "fout", "label": {"nl": "ouderavond"}, "provenance": {**ours, "source": "nergens"}},
    ]
    manifest.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    report = ob.validate_pack(example_pack)
    assert codes(report) == ["unknown-source"]
    problem = report.errors[0]
    assert problem.pointer == "/thesaurus/1/provenance/source"
    assert problem.file.endswith("pack.yaml") and problem.line is not None
    assert "'fout'" in problem.message and "'nergens'" in problem.message


def test_broader_cycle(example_pack):
    def change(d):
        concepts = d["frameworks"][0]["concepts"]
        concepts[0]["broader"] = concepts[1]["id"]
        concepts[1]["broader"] = concepts[0]["id"]

    assert "broader-cycle" in codes(edit(example_pack, change))


@pytest.mark.parametrize(
    "bands",
    [
        [(0, 50), (60, 100)],  # a gap
        [(0, 60), (50, 100)],  # an overlap
        [(10, 100)],  # does not start at 0
        [(0, 90)],  # does not end at 100
        [(0, 50), (50, 50), (50, 100)],  # an empty band
    ],
)
def test_score_bands_must_cover_0_to_100(example_pack, bands):
    def change(d):
        d["assessments"][0]["bands"] = [
            {"id": f"b{i}", "min": lo, "max": hi, "label": {"nl": "x", "fr": "x", "en": "x"}}
            for i, (lo, hi) in enumerate(bands)
        ]

    assert "band-coverage" in codes(edit(example_pack, change))


def test_items_must_use_declared_scales_dimensions_and_groups(example_pack):
    def change(d):
        item = d["assessments"][0]["sections"][0]["items"][0]
        item["scale"] = "nope"
        item["dimension"] = "nope"
        item["text"]["grandparents"] = {"nl": "x", "fr": "x", "en": "x"}

    report = edit(example_pack, change)
    assert codes(report, ob.Severity.ERROR).count("unknown-reference") == 3


def test_duplicate_link_ids_and_option_codes(example_pack):
    def change(d):
        assessment = d["assessments"][0]
        items = assessment["sections"][0]["items"]
        items[1]["link_id"] = items[0]["link_id"]
        options = assessment["scales"][0]["options"]
        options[1]["code"] = options[0]["code"]

    assert codes(edit(example_pack, change), ob.Severity.ERROR).count("duplicate-id") == 2


def test_option_without_score(example_pack):
    def change(d):
        del d["assessments"][0]["scales"][0]["options"][0]["score"]

    assert "scale-scores" in codes(edit(example_pack, change))


def test_assessment_with_items_needs_a_version(example_pack):
    assert "missing-version" in codes(edit(example_pack, lambda d: d["assessments"][0].pop("version")))


def test_content_status_must_match_content(example_pack):
    report = edit(example_pack, lambda d: d["assessments"][0].update(content_status="metadata-only"))
    assert "content-status" in codes(report)
    report = edit(example_pack, lambda d: d["frameworks"][1].update(concepts=[]))
    assert "content-status" in codes(report)


@pytest.mark.parametrize(
    ("path", "pointer"),
    [
        (("resources", 0, "title"), "/resources/0/title"),
        (("frameworks", 0, "concepts", 0, "label"), "/frameworks/0/concepts/0/label"),
        (
            ("assessments", 0, "sections", 0, "items", 0, "text", "parents"),
            "/assessments/0/sections/0/items/0/text/parents",
        ),
        (("assessments", 0, "scales", 0, "options", 2, "label"), "/assessments/0/scales/0/options/2/label"),
        (("mappings", 0, "justification"), "/mappings/0/justification"),
    ],
)
def test_missing_translation_is_a_warning_located_at_the_text(example_pack, path, pointer):
    def change(d):
        target = d
        for part in path:
            target = target[part]
        del target["fr"]

    report = edit(example_pack, change)
    assert report.ok
    (problem,) = report.problems
    assert problem.code == "missing-translation"
    assert problem.severity is ob.Severity.WARNING
    assert problem.pointer == pointer
    assert "fr" in problem.message


def test_warnings_do_not_stop_loading(example_pack):
    edit(example_pack, lambda d: d["resources"][0]["title"].pop("en"))
    assert ob.load_pack(example_pack).resources[0].title.languages == ("nl", "fr")


@pytest.mark.parametrize("required", [(), ("nl",), ("nl", "fr", "en"), ("nl", "ar"), ("xx",)])
def test_quick_coverage_test_agrees_with_the_walk_that_locates(required):
    """The loader first asks a quick, generated test whether a record misses a language anywhere, and
    only walks it (building pointers) when it does: both must agree on every bundled record."""
    from pathlib import Path

    from ouderbetrokkenheid.validation.semantic import _coverage_test, _uncovered

    root = Path(__file__).resolve().parent.parent / "plugins"
    packs = [ob.load_pack(folder) for folder in sorted(root.glob("*/src/*/pack"))]
    records = [
        r
        for pack in packs
        for kind in ("resources", "findings", "frameworks", "mappings", "assessments")
        for r in getattr(pack, kind)
    ]
    assert {type(r).__name__ for r in records} >= {
        "Resource",
        "Finding",
        "Framework",
        "Mapping",
        "Assessment",
    }
    wanted = frozenset(required)
    verdicts = set()
    for record in records:
        missing: list = []
        _uncovered(record, wanted, "", missing)
        assert _coverage_test(type(record))(record, wanted) is (not missing), record.id
        verdicts.add(not missing)
    if required in ((), ("nl",)):
        assert verdicts == {True}
    if required == ("xx",):
        assert verdicts == {False}


def _reference_pool():
    """Ids a resource may point at: records and concepts of the pack (one without '#', as a framework
    may wrongly name a concept), missing ids of the pack, ids of a declared dependency (found, missing
    or not loaded) and of an undeclared pack."""
    return [
        "p/r0",
        "p/bare",
        "p/r1",
        "p/kader",
        "p/kader#a",
        "p/kader#b",
        "p/gone",
        "p/kader#gone",
        "p/r0#a",
        "dep/found",
        "dep/missing",
        "dep/kader#found",
        "other/x",
        "unloaded/y",
    ]


def _external(target):
    namespace = target.split("/", 1)[0]
    if namespace == "unloaded":
        return None
    return "found" in target


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_quick_reference_test_gives_the_problems_of_the_full_check(data):
    """The cross-record checks take the shortcuts of the common case: the ids indexed at once when none
    is foreign or used twice, resources cleared by a quick test (declared source, every language, every
    reference to the pack, looked up all at once), the others checked in full, and in that full check
    a quick test of references before the generators. With the shortcuts and without them (ids indexed
    one by one, the full check for every record), the same problems, in the same order, for packs with
    duplicate ids, foreign ids, undeclared sources, missing languages, broken, external and unresolvable
    references, and framework members that are wrong or used twice."""
    from ouderbetrokkenheid.model import Concept, Provenance

    pool = st.sampled_from(_reference_pool())
    text = ob.LocalizedText({"nl": "t"})
    provenance = Provenance(source="s", status="unverified")
    members = st.lists(
        st.sampled_from(["p/kader#a", "p/kader#b", "p/other#c", "p/bare"]), min_size=1, max_size=3
    )
    framework = ob.Framework(
        id=data.draw(st.sampled_from(["p/kader", "p/r0", "q/kader"])),
        title=text,
        provenance=provenance,
        concepts=tuple(Concept(id=member, label=text) for member in data.draw(members)),
    )
    ids = st.sampled_from(["p/r0", "p/r1", "p/r2", "p/r3", "q/r0", "p"])
    titles = st.sampled_from([text, text, ob.LocalizedText({"fr": "t"})])
    provenances = st.sampled_from([provenance, provenance, Provenance(source="t", status="unverified")])
    resources = [
        ob.Resource(
            id=data.draw(ids) if data.draw(st.booleans()) else f"p/r{index}",
            kind="book",
            title=data.draw(titles),
            provenance=data.draw(provenances),
            concepts=tuple(data.draw(st.lists(pool, max_size=3))),
            related=tuple(data.draw(st.lists(pool, max_size=3))),
            part_of=data.draw(st.none() | pool),
            same_as=tuple(data.draw(st.lists(pool, max_size=2))),
        )
        for index in range(data.draw(st.integers(1, 4)))
    ]
    records = [framework, *resources]
    if data.draw(st.booleans()):
        records.reverse()
    _problems_both_ways(records)


def _problems_both_ways(records):
    """The problems of *records* in a pack 'p' (languages: nl; source: s; depends on 'dep' and
    'unloaded'), found with the checks' shortcuts and without them, which must be the same."""
    from ouderbetrokkenheid.loading.documents import Document
    from ouderbetrokkenheid.validation.semantic import Located, _Checker

    text = ob.LocalizedText({"nl": "t"})
    manifest = ob.PackManifest(
        name="p",
        version="1.0.0",
        title=text,
        publisher=ob.Agent(name="P"),
        licence="CC-BY-4.0",
        languages=("nl",),
        sources=(ob.Source(id="s", title="S"),),
        depends=("dep", "unloaded"),
    )
    document = Document(path="records.json", source=b"{}", data=None, format="json")
    located = [
        Located(record=record, document=document, pointer=f"/records/{index}")
        for index, record in enumerate(records)
    ]

    class Full(_Checker):
        def index_at_once(self, ids):
            return False

        def quick(self):
            ids, *_ = super().quick()
            return ids, list(range(len(self.located))), set(), set()

        def resolves(self, record):
            return False

    problems = list(_Checker(manifest, located, _external).run())
    assert problems == list(Full(manifest, located, _external).run())
    checker = _Checker(manifest, located, _external)
    list(checker.run())
    for where in located:
        if isinstance(where.record, ob.Resource) and checker.resolves(where.record):
            assert list(checker.resource(where, where.record)) == []
    return problems


@pytest.mark.parametrize(
    ("record_id", "part_of", "found"),
    [
        ("p/r1", "p/r1", True),
        ("p/r1", "p/kader#a", True),
        ("p/r1", "p/kader#gone", False),
        ("p/r1", "p/bare", False),  # a concept named without '#' is not a record
        ("p/r0#a", "p/r0#a", False),  # with '#', a concept, even if a record has that id
    ],
)
def test_part_of_is_a_record_or_with_a_hash_a_concept(record_id, part_of, found):
    """``part_of`` names a concept when it has a '#', else a record: the shortcuts of the checks keep
    the two apart as the full check does."""
    from ouderbetrokkenheid.model import Concept, Provenance

    text = ob.LocalizedText({"nl": "t"})
    provenance = Provenance(source="s", status="unverified")
    framework = ob.Framework(
        id="p/kader",
        title=text,
        provenance=provenance,
        concepts=(Concept(id="p/kader#a", label=text), Concept(id="p/bare", label=text)),
    )
    records = [
        framework,
        ob.Resource(id=record_id, kind="book", title=text, provenance=provenance),
        ob.Resource(id="p/r2", kind="book", title=text, provenance=provenance, part_of=part_of),
    ]
    problems = _problems_both_ways(records)
    assert [p.code for p in problems if p.pointer.endswith("/part_of")] == (
        [] if found else ["unknown-reference"]
    )
