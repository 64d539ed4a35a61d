"""The jsonld, csv and markdown exporters: content, atomic writes, progress, and the plugin wiring."""

import csv
import datetime
import html
import io
import json
import re
import tempfile
import types
from collections import Counter
from pathlib import Path

import markdown_it
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pyld import jsonld as pyld_jsonld

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.exporters import csv as csv_exporter
from ouderbetrokkenheid.exporters import jsonld as jsonld_exporter
from ouderbetrokkenheid.exporters import markdown as markdown_exporter
from ouderbetrokkenheid.exporters.base import Exporter
from ouderbetrokkenheid.exporters.csv import CsvExporter, join_list, neutralise, split_list
from ouderbetrokkenheid.exporters.jsonld import JsonLdExporter
from ouderbetrokkenheid.exporters.markdown import MarkdownExporter
from ouderbetrokkenheid.exporters.progress import progress_steps
from ouderbetrokkenheid.model import (
    Agent,
    Assessment,
    Band,
    Collection,
    Concept,
    ContentPack,
    Dimension,
    Effect,
    Finding,
    Framework,
    Item,
    Link,
    LocalizedText,
    Mapping,
    Option,
    PackManifest,
    Provenance,
    Rating,
    Resource,
    RespondentGroup,
    Scale,
    Section,
    Source,
    Translation,
)
from ouderbetrokkenheid.plugins import get_plugin_manager
from ouderbetrokkenheid.testing import strategies as obst

from .conftest import EXAMPLE_PACK, ROOT

LRMI_PARENT = "http://purl.org/dcx/lrmi-vocabs/educationalAudienceRole/parent"


def T(**values):
    return LocalizedText(values)


# -- libraries ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def bundled():
    """The packs shipped in plugins/ and the example pack, loaded from their folders."""
    folders = [*sorted(ROOT.glob("plugins/*/src/*/pack")), EXAMPLE_PACK]
    library = ob.Library.discover(folders, plugins=False)
    assert {"vcov", "ocb", "ref", "voorbeeld"} <= {pack.name for pack in library.packs}
    return library


def _ours(**extra):
    """Provenance of the test data: written here, by this project."""
    return Provenance(source="hier", status="example-authored-here", **extra)


def full_pack() -> ContentPack:
    """A pack written for these tests that sets every field the exporters write, with text that tries
    to break out of CSV cells and Markdown (all of it example-authored-here)."""
    fw = "proef/kader"
    concepts = (
        Concept(id=f"{fw}#top", label=T(nl="Bovenaan", fr="En haut"), notation="1"),
        Concept(
            id=f"{fw}#kind",
            label=T(nl="Kind van top", en="Child of top"),
            broader=f"{fw}#top",
            definition=T(nl="Een *smal* begrip"),
            alt_labels=(T(nl="ander", fr="autre"), T(nl="nog een")),
        ),
        Concept(id=f"{fw}#los", label=T(nl="Los")),
    )
    framework = Framework(
        id=fw,
        title=T(nl="Proefkader", fr="Cadre d'essai", en="Test framework"),
        summary=T(nl="Een kader om te testen."),
        provenance=_ours(),
        authors=(Agent(name="ouderbetrokkenheid project"),),
        year=2026,
        content_status="partial",
        known_gaps=T(nl="Niets is echt."),
        concepts=concepts,
        collections=(
            Collection(
                id=f"{fw}#ladder",
                label=T(nl="Ladder"),
                ordered=True,
                members=(f"{fw}#los", f"{fw}#top"),
            ),
            Collection(
                id=f"{fw}#kamers",
                label=T(nl="Kamers"),
                ordered=False,
                members=(f"{fw}#kind",),
                expected_members=4,
            ),
        ),
        described_in=("proef/boek",),
        themes=("partnership",),
    )
    other = Framework(
        id="proef/ander",
        title=T(nl="Ander kader"),
        provenance=_ours(),
        concepts=(Concept(id="proef/ander#x", label=T(nl="Iks")),),
    )
    book = Resource(
        id="proef/boek",
        kind="book",
        title=T(nl="Een boek é", fr="Un livre è", en="A book", ar="كتاب"),
        subtitle=T(nl="=ondertitel"),
        summary=T(nl="Eerste alinea.\n\nTweede <script>alert(1)</script> alinea.", fr="Résumé"),
        provenance=_ours(
            locator="p. 3",
            translations=(Translation(language="fr", method="machine", by="ouderbetrokkenheid project"),),
            note=T(nl="Een noot"),
        ),
        authors=(Agent(name="Jan | Piet", kind="person"), Agent(name="-Min", kind="person")),
        publisher=(Agent(name="Uitgeverij", url="https://uitgeverij.example/"),),
        year=2019,
        edition="2de druk",
        isbn="9789000000000",
        languages=("nl", "fr-BE"),
        audiences=("parent", "school-team"),
        levels=("vl-lager",),
        themes=("communication", "reading"),
        concepts=(f"{fw}#kind", "elders/kader#onbekend"),
        links=(
            Link(access="online", url="https://boek.example/a b(c)", label=T(nl="Lees online")),
            Link(access="lend", provider="Bib"),
            Link(access="download", url="javascript:alert(1)"),
        ),
        free=True,
        licence="CC-BY-4.0",
        related=("proef/hoofdstuk", "elders/iets"),
        known_gaps=T(nl="@niet bekend", en="+unknown"),
    )
    chapter = Resource(
        id="proef/hoofdstuk",
        kind="book-chapter",
        title=T(nl="# [Hoofdstuk](javascript:alert(1)) *vet* <b>html</b> | pijp"),
        provenance=_ours(),
        licence="MIT",
        isbn="9789000000001",
        part_of="proef/boek",
    )
    site = Resource(
        id="proef/site",
        kind="website",
        title=T(nl="Website", fr="Site"),
        provenance=_ours(),
        licence="CC0-1.0",
        free=False,
    )
    web_licence = Resource(
        id="proef/les",
        kind="lesson-package",
        title=T(nl="\tLessen"),
        provenance=_ours(),
        licence="https://example.org/licence",
    )
    finding = Finding(
        id="proef/bevinding",
        claim=T(
            nl="Een bewering die lang genoeg is om afgekapt te worden in de index van de site, echt waar."
        ),
        provenance=_ours(),
        sources=("proef/boek",),
        effects=(
            Effect(
                metric="cohens-d",
                value=0.5,
                edition="Eerste editie",
                year=2009,
                source="proef/boek",
                evidence=Rating(value=3, max=5, label=T(nl="matig")),
                cost=Rating(value=1, max=5),
                note=T(nl="Voorbeeld"),
            ),
        ),
        themes=("research",),
        concepts=(f"{fw}#top",),
        caveats=(T(nl="Let op", fr="Attention"),),
    )
    mapping = Mapping(
        id="proef/map",
        subject=f"{fw}#top",
        predicate="close",
        object="proef/ander#x",
        justification=T(nl="Lijkt op elkaar (voorbeeld)."),
        confidence=0.4,
        author=Agent(name="ouderbetrokkenheid project"),
        provenance=_ours(),
        date=datetime.date(2026, 1, 2),
    )
    scale = Scale(
        id="eens",
        label=T(nl="Eens-oneens"),
        options=(
            Option(code="1", label=T(nl="Oneens"), score=1),
            Option(code="2", label=T(nl="Eens"), score=2),
            Option(code="na", label=T(nl="Weet niet"), not_applicable=True),
        ),
    )
    assessment = Assessment(
        id="proef/scan",
        title=T(nl="Proefscan", fr="Scan d'essai"),
        version="1.0",
        provenance=_ours(),
        framework=fw,
        licence="CC0-1.0",
        target=T(nl="Een school"),
        groups=(
            RespondentGroup(id="team", label=T(nl="Schoolteam"), role="school-team"),
            RespondentGroup(id="ouders", label=T(nl="Ouders", fr="Parents"), role="parent"),
        ),
        scales=(scale,),
        dimensions=(Dimension(id="d", label=T(nl="Dimensie"), concepts=(f"{fw}#top",)),),
        sections=(
            Section(
                id="s",
                title=T(nl="Deel een"),
                items=(
                    Item(
                        link_id="welkom",
                        dimension="d",
                        scale="eens",
                        text={"team": T(nl="Wij verwelkomen ouders."), "ouders": T(nl="Ik voel me welkom.")},
                    ),
                    Item(
                        link_id="drempel",
                        dimension="d",
                        scale="eens",
                        reverse=True,
                        text={"ouders": T(nl="De drempel is hoog.", fr="Le seuil est haut.")},
                    ),
                ),
            ),
        ),
        bands=(
            Band(id="laag", min=0, max=50, label=T(nl="Werkpunt"), needs_work=True),
            Band(id="hoog", min=50, max=100, label=T(nl="Sterk")),
        ),
    )
    manifest = PackManifest(
        name="proef",
        version="1.0.0",
        title=T(nl="Proefpakket", fr="Paquet d'essai"),
        publisher=Agent(name="ouderbetrokkenheid project"),
        licence="CC0-1.0",
        languages=("nl", "fr", "en"),
        sources=(Source(id="hier", title="Written for the tests of ouderbetrokkenheid", year=2026),),
    )
    return ContentPack(
        manifest=manifest,
        resources=(book, chapter, site, web_licence),
        findings=(finding,),
        frameworks=(framework, other),
        mappings=(mapping,),
        assessments=(assessment,),
    )


@pytest.fixture(scope="module")
def full():
    return ob.Library([full_pack()])


@st.composite
def rich_packs(draw):
    """Packs whose records use every field (the model strategies), ids unique across kinds; references
    may point outside the pack, as a plugin pack's may."""
    seen: set[str] = set()

    def unique(records):
        kept = []
        for record in records:
            if record.id not in seen:
                seen.add(record.id)
                kept.append(record)
        return tuple(kept)

    return ContentPack(
        manifest=draw(obst.manifests()),
        resources=unique(draw(st.lists(obst.resources(), max_size=3))),
        findings=unique(draw(st.lists(obst.findings(), max_size=2))),
        frameworks=unique(draw(st.lists(obst.frameworks(), max_size=2))),
        mappings=unique(draw(st.lists(obst.mappings(), max_size=2))),
        assessments=unique(draw(st.lists(obst.assessments(), max_size=1))),
    )


libraries = st.one_of(obst.content_packs(), rich_packs()).map(lambda pack: ob.Library([pack]))


# -- JSON-LD: nothing is dropped on expansion ------------------------------------------------------
def _offline(url, options=None):
    raise AssertionError(f"the document asked for a remote context: {url}")


def _expand(document):
    return pyld_jsonld.expand(document, {"documentLoader": _offline})


def _term(key, context):
    """``(IRI, container)`` of *key* under the shipped context, or ``None`` when it is not defined."""
    definition = context.get(key)
    if isinstance(definition, str):
        iri, container = definition, None
    elif isinstance(definition, dict):
        iri, container = definition.get("@id", key), definition.get("@container")
    elif ":" in key:
        iri, container = key, None
    else:
        return None
    prefix, _, suffix = iri.partition(":")
    if isinstance(context.get(prefix), str) and not suffix.startswith("//"):
        iri = context[prefix] + suffix
    return iri, container


def _count(value, container):
    if container == "@language" and isinstance(value, dict):
        return sum(len(v) if isinstance(v, list) else 1 for v in value.values())
    if container == "@list":
        return 1
    return len(value) if isinstance(value, list) else 1


def _compact_properties(value, context, found, path="$"):
    """Count ``(property IRI, number of values)`` over every node object of the compacted document."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            _compact_properties(item, context, found, f"{path}[{index}]")
        return
    if not isinstance(value, dict) or "@value" in value:
        return
    if "@list" in value:
        _compact_properties(value["@list"], context, found, path)
        return
    for key, item in value.items():
        where = f"{path}.{key}"
        if key in {"@context", "@id"}:
            continue
        if key == "@graph":
            _compact_properties(item, context, found, where)
            continue
        assert item is not None and item != [] and item != {}, f"{where}: an empty value is written"
        if key == "@type":
            found["@type", len(item) if isinstance(item, list) else 1] += 1
            continue
        assert not key.startswith("@"), f"{where}: unexpected keyword"
        term = _term(key, context)
        assert term is not None, f"{where}: {key!r} is not defined in the context and would be dropped"
        iri, container = term
        found[iri, _count(item, container)] += 1
        if container != "@language":
            _compact_properties(item, context, found, where)


def _absolute(iri):
    return iri.startswith("_:") or (
        re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", iri) is not None
        and not iri.startswith(pyld_jsonld.DEFAULT_BASE_IRI)
    )


def _expanded_properties(value, found):
    if isinstance(value, list):
        for item in value:
            _expanded_properties(item, found)
        return
    if not isinstance(value, dict) or "@value" in value:
        return
    if "@list" in value:
        _expanded_properties(value["@list"], found)
        return
    for key, item in value.items():
        if key == "@id":
            assert _absolute(item), f"relative @id {item!r}"
        elif key == "@type":
            assert all(_absolute(t) for t in item), f"relative @type {item!r}"
            found["@type", len(item)] += 1
        else:
            assert _absolute(key), f"relative property {key!r}"
            found[key, len(item)] += 1
            _expanded_properties(item, found)


def assert_nothing_dropped(document):
    """Expand *document* offline with pyld; every property of every node (and every value of it)
    must still be there, under an absolute IRI."""
    before, after = Counter(), Counter()
    _compact_properties(document, document["@context"], before)
    _expanded_properties(_expand(document), after)
    assert after == before, f"lost: {before - after}; unexpected: {after - before}"


def test_the_check_catches_a_term_missing_from_the_context():
    """The check itself can fail: an undefined key is reported before pyld silently drops it."""
    document = {
        "@context": jsonld_exporter.context(),
        "@graph": [{"@id": "urn:ouderbetrokkenheid:x/y", "name": {"nl": "a"}, "title": "dropped"}],
    }
    assert "http://schema.org/title" not in json.dumps(_expand(document))
    with pytest.raises(AssertionError, match="'title' is not defined in the context"):
        assert_nothing_dropped(document)


def test_the_check_catches_a_value_lost_on_expansion():
    context = {**jsonld_exporter.context(), "broken": {"@id": "schema:name", "@type": "@id"}}
    document = {"@context": context, "@graph": [{"@id": "urn:x:y", "broken": [None, "urn:a"]}]}
    with pytest.raises(AssertionError):
        assert_nothing_dropped(document)


def test_jsonld_bundled_packs_expand_without_loss(bundled, tmp_path):
    target = tmp_path / "library.jsonld"
    JsonLdExporter().export(bundled, target, {})
    document = json.loads(target.read_text("utf-8"))
    assert document == json.loads(json.dumps(jsonld_exporter.document(bundled)))
    assert_nothing_dropped(document)


def test_jsonld_full_pack_expands_without_loss(full):
    assert_nothing_dropped(jsonld_exporter.document(full))


def test_every_context_term_is_used(bundled, full):
    """No dead terms: each term of the shipped context occurs in the bundled or the full export."""
    used: set[str] = set()

    def walk(value):
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                used.add(key)
                if key == "@type":
                    used.update(item if isinstance(item, list) else [item])
                elif key != "@context":
                    walk(item)

    for library in (bundled, full):
        walk(jsonld_exporter.document(library))
    # the types and predicates that vocabulary codes map to are reachable by data even when unused here
    for name in ("resource-kind", "mapping-predicate"):
        used.update(jsonld_exporter._term_for(term.match) for term in ob.VOCABULARIES[name])
    context = jsonld_exporter.context()
    prefixes = {"schema", "skos", "dct", "xsd", "ob"}
    unused = sorted(term for term in context if not term.startswith("@") and term not in prefixes | used)
    assert unused == []


def test_context_file_is_complete_and_local():
    raw = json.loads(
        (ROOT / "src" / "ouderbetrokkenheid" / "exporters" / "context.jsonld").read_text("utf-8")
    )
    assert raw == {"@context": jsonld_exporter.context()}
    assert isinstance(raw["@context"], dict)  # no remote context
    assert "@vocab" not in raw["@context"]  # so that an undefined key is caught, not guessed
    # every schema.org type a resource kind or agent kind maps to has a term
    for name in ("resource-kind", "agent-kind"):
        for term in ob.VOCABULARIES[name]:
            assert ":" not in jsonld_exporter._term_for(term.match), term


def _nodes(document):
    return {node["@id"]: node for node in document["@graph"] if "@type" in node}


def test_jsonld_resource(full):
    nodes = _nodes(jsonld_exporter.document(full))
    book = nodes["urn:ouderbetrokkenheid:proef/boek"]
    assert book["@type"] == ["LearningResource", "Book"]
    assert book["ob:pack"] == "urn:ouderbetrokkenheid:proef"
    assert book["name"] == {"nl": "Een boek é", "fr": "Un livre è", "en": "A book", "ar": "كتاب"}
    assert book["inLanguage"] == ["nl", "fr-BE"]
    assert book["isAccessibleForFree"] is True
    assert book["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert book["ob:licence"] == "CC-BY-4.0"  # the SPDX id is kept beside its URL
    assert book["isbn"] == "9789000000000"
    assert book["bookEdition"] == "2de druk"
    assert book["datePublished"] == "2019"
    assert [a["@type"] for a in book["author"]] == ["Person", "Person"]
    assert book["publisher"] == [
        {"@type": "Organization", "name": "Uitgeverij", "url": "https://uitgeverij.example/"}
    ]
    parent, team = book["audience"]
    assert parent["@type"] == "EducationalAudience"
    assert parent["educationalRole"] == LRMI_PARENT
    assert parent["@id"] == "urn:ouderbetrokkenheid:vocab:audience-role#parent"
    assert team["educationalRole"].endswith("/teacher")
    (level,) = book["educationalLevel"]
    assert level == {
        "@id": "urn:ouderbetrokkenheid:vocab:education-level#vl-lager",
        "@type": "DefinedTerm",
        "termCode": "vl-lager",
        "name": {
            "nl": "lager onderwijs",
            "fr": "enseignement primaire (néerlandophone)",
            "en": "primary (Dutch-language)",
        },
        "inDefinedTermSet": "urn:ouderbetrokkenheid:vocab:education-level",
    }
    assert [k["termCode"] for k in book["keywords"]] == ["communication", "reading"]
    assert book["about"] == [
        "urn:ouderbetrokkenheid:proef/kader#kind",
        "urn:ouderbetrokkenheid:elders/kader#onbekend",
    ]
    assert book["url"] == ["https://boek.example/a b(c)", "javascript:alert(1)"]
    assert book["relation"] == [
        "urn:ouderbetrokkenheid:proef/hoofdstuk",
        "urn:ouderbetrokkenheid:elders/iets",
    ]
    provenance = book["ob:provenance"]
    assert provenance["ob:status"] == "urn:ouderbetrokkenheid:vocab:verification#example-authored-here"
    assert provenance["ob:source"]["name"] == "Written for the tests of ouderbetrokkenheid"
    assert provenance["ob:locator"] == "p. 3"
    assert book["ob:knownGaps"] == {"nl": "@niet bekend", "en": "+unknown"}

    chapter = nodes["urn:ouderbetrokkenheid:proef/hoofdstuk"]
    assert chapter["@type"] == ["LearningResource", "Chapter"]
    assert chapter["isPartOf"] == "urn:ouderbetrokkenheid:proef/boek"
    assert "license" not in chapter and chapter["ob:licence"] == "MIT"  # no URL for MIT: kept as SPDX
    assert "isAccessibleForFree" not in chapter  # unknown: not said
    site = nodes["urn:ouderbetrokkenheid:proef/site"]
    assert site["@type"] == ["LearningResource", "WebSite"]
    assert site["license"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert site["isAccessibleForFree"] is False
    lessons = nodes["urn:ouderbetrokkenheid:proef/les"]
    assert lessons["@type"] == ["LearningResource"]
    assert lessons["license"] == "https://example.org/licence"


def test_jsonld_framework_is_skos(full):
    document = jsonld_exporter.document(full)
    nodes = _nodes(document)
    scheme = nodes["urn:ouderbetrokkenheid:proef/kader"]
    assert scheme["@type"] == "ConceptScheme"
    assert scheme["prefLabel"] == {"nl": "Proefkader", "fr": "Cadre d'essai", "en": "Test framework"}
    assert scheme["hasTopConcept"] == [
        "urn:ouderbetrokkenheid:proef/kader#top",
        "urn:ouderbetrokkenheid:proef/kader#los",
    ]
    assert scheme["subjectOf"] == ["urn:ouderbetrokkenheid:proef/boek"]
    assert scheme["ob:contentStatus"] == "urn:ouderbetrokkenheid:vocab:content-status#partial"
    top = nodes["urn:ouderbetrokkenheid:proef/kader#top"]
    child = nodes["urn:ouderbetrokkenheid:proef/kader#kind"]
    assert top["@type"] == "Concept" and top["notation"] == "1"
    assert top["topConceptOf"] == top["inScheme"] == "urn:ouderbetrokkenheid:proef/kader"
    assert top["narrower"] == ["urn:ouderbetrokkenheid:proef/kader#kind"]
    assert child["broader"] == "urn:ouderbetrokkenheid:proef/kader#top"
    assert "topConceptOf" not in child
    assert child["altLabel"] == {"nl": ["ander", "nog een"], "fr": ["autre"]}
    assert child["definition"] == {"nl": "Een *smal* begrip"}
    ladder = nodes["urn:ouderbetrokkenheid:proef/kader#ladder"]
    assert ladder["@type"] == "OrderedCollection"
    assert ladder["memberList"] == {
        "@list": ["urn:ouderbetrokkenheid:proef/kader#los", "urn:ouderbetrokkenheid:proef/kader#top"]
    }
    rooms = nodes["urn:ouderbetrokkenheid:proef/kader#kamers"]
    assert rooms["@type"] == "Collection" and rooms["ob:ordered"] is False
    assert rooms["member"] == ["urn:ouderbetrokkenheid:proef/kader#kind"]
    assert rooms["ob:expectedMembers"] == 4

    skos = "http://www.w3.org/2004/02/skos/core#"
    expanded = {node["@id"]: node for node in _expand(document) if skos + "prefLabel" in node}
    labels = expanded["urn:ouderbetrokkenheid:proef/kader#top"][skos + "prefLabel"]
    assert {"@value": "En haut", "@language": "fr"} in labels
    members = expanded["urn:ouderbetrokkenheid:proef/kader#ladder"][skos + "memberList"][0]["@list"]
    assert [m["@id"] for m in members] == [
        "urn:ouderbetrokkenheid:proef/kader#los",
        "urn:ouderbetrokkenheid:proef/kader#top",
    ]


def test_jsonld_mapping_finding_assessment_pack(full):
    document = jsonld_exporter.document(full)
    graph = document["@graph"]
    assert {
        "@id": "urn:ouderbetrokkenheid:proef/kader#top",
        "closeMatch": ["urn:ouderbetrokkenheid:proef/ander#x"],
    } in graph
    nodes = _nodes(document)
    mapping = nodes["urn:ouderbetrokkenheid:proef/map"]
    assert mapping["@type"] == "ob:Mapping"
    assert mapping["ob:predicate"] == "http://www.w3.org/2004/02/skos/core#closeMatch"
    assert mapping["ob:confidence"] == 0.4
    assert mapping["dateCreated"] == "2026-01-02"
    assert mapping["author"] == {"@type": "Organization", "name": "ouderbetrokkenheid project"}

    finding = nodes["urn:ouderbetrokkenheid:proef/bevinding"]
    assert finding["@type"] == ["Claim", "ob:Finding"]
    assert finding["citation"] == ["urn:ouderbetrokkenheid:proef/boek"]
    (effect,) = finding["ob:effect"]
    assert effect["ob:metric"] == "urn:ouderbetrokkenheid:vocab:effect-metric#cohens-d"
    assert effect["ob:value"] == 0.5
    assert effect["ob:evidence"] == {
        "@type": "Rating",
        "ratingValue": 3,
        "bestRating": 5,
        "name": {"nl": "matig"},
    }
    assert finding["ob:caveat"] == [
        {"@type": "ob:Caveat", "description": {"nl": "Let op", "fr": "Attention"}}
    ]

    scan = nodes["urn:ouderbetrokkenheid:proef/scan"]
    assert scan["@type"] == ["ob:Assessment", "CreativeWork"]
    assert scan["isBasedOn"] == "urn:ouderbetrokkenheid:proef/kader"
    assert [a["educationalRole"] for a in scan["audience"]][1] == LRMI_PARENT
    assert scan["ob:itemCount"] == 2

    pack = nodes["urn:ouderbetrokkenheid:proef"]
    assert pack["@type"] == "Dataset"
    assert pack["license"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert pack["inLanguage"] == ["nl", "fr", "en"]
    vocabulary = nodes["urn:ouderbetrokkenheid:vocab:audience-role#parent-council"]
    assert vocabulary["broadMatch"] == LRMI_PARENT
    assert vocabulary["inScheme"] == "urn:ouderbetrokkenheid:vocab:audience-role"
    book = nodes["urn:ouderbetrokkenheid:vocab:resource-kind#book"]
    assert book["broadMatch"] == "schema:Book"  # expands to http://schema.org/Book, like the types


def test_licence_urls():
    assert jsonld_exporter.licence_url("CC-BY-4.0") == "https://creativecommons.org/licenses/by/4.0/"
    assert jsonld_exporter.licence_url("CC0-1.0") == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert jsonld_exporter.licence_url("https://example.org/l") == "https://example.org/l"
    assert jsonld_exporter.licence_url("MIT") is None
    assert jsonld_exporter.licence_url(None) is None


# -- CSV ------------------------------------------------------------------------------------------
def _read_csv(path):
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # BOM, so that spreadsheets read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_columns_and_rows(full, tmp_path):
    target = tmp_path / "resources.csv"
    CsvExporter().export(full, target, {})
    with target.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[:3] == ["id", "pack", "kind"]
    assert header[3:7] == ["title:nl", "title:fr", "title:en", "title:ar"]
    assert header[-4:] == ["known_gaps:nl", "known_gaps:fr", "known_gaps:en", "known_gaps:ar"]
    assert "summary:fr" in header and "subtitle:ar" in header
    rows = _read_csv(target)
    assert [r["id"] for r in rows] == ["proef/boek", "proef/hoofdstuk", "proef/site", "proef/les"]
    book = rows[0]
    assert book["pack"] == "proef" and book["kind"] == "book"
    assert (book["title:nl"], book["title:fr"], book["title:ar"]) == ("Een boek é", "Un livre è", "كتاب")
    assert book["summary:nl"] == "Eerste alinea.\n\nTweede <script>alert(1)</script> alinea."
    assert book["summary:en"] == ""
    assert split_list(book["authors"]) == ["Jan | Piet", "-Min"]  # the separator inside a value is escaped
    assert book["authors"] == "Jan \\| Piet | -Min"
    assert book["year"] == "2019" and book["isbn"] == "9789000000000"
    assert book["languages"] == "nl | fr-BE"
    assert book["audiences"] == "parent | school-team"
    assert book["levels"] == "vl-lager"
    assert book["access"] == "online | download | lend"  # vocabulary order
    assert book["urls"] == "https://boek.example/a b(c) | javascript:alert(1)"
    assert book["free"] == "true"
    assert book["licence"] == "CC-BY-4.0"
    assert book["related"] == "proef/hoofdstuk | elders/iets"
    assert book["provenance_status"] == "example-authored-here"
    assert book["provenance_source"] == "Written for the tests of ouderbetrokkenheid"
    assert rows[1]["part_of"] == "proef/boek" and rows[1]["free"] == ""
    assert rows[2]["free"] == "false"


def test_csv_neutralises_formulas(full, tmp_path):
    target = tmp_path / "resources.csv"
    CsvExporter().export(full, target, {})
    book, _, _, lessons = _read_csv(target)
    assert book["subtitle:nl"] == "'=ondertitel"
    assert book["known_gaps:nl"] == "'@niet bekend"
    assert book["known_gaps:en"] == "'+unknown"
    assert lessons["title:nl"] == "'\tLessen"
    assert book["title:nl"] == "Een boek é"  # nothing else is touched


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+31 2", "'+31 2"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("  =x", "'  =x"),
        ("\n@x", "'\n@x"),
        ("＝1", "'＝1"),
        ("a=b", "a=b"),
        ("", ""),
        ("1 - 2", "1 - 2"),
    ],
)
def test_neutralise(cell, expected):
    assert neutralise(cell) == expected


@given(st.text())
def test_neutralised_cells_never_start_a_formula(cell):
    out = neutralise(cell)
    assert out in {cell, "'" + cell}
    assert out[:1] not in csv_exporter.FORMULA_STARTS
    assert out.lstrip()[:1] not in csv_exporter.FORMULA_STARTS


@given(st.lists(st.text(), min_size=1).filter(lambda values: values != [""]))
@example([" a ", " b "])  # spaces of the values themselves, first and last included, are kept
@example(["a\\", "|", "\\|"])
def test_list_cells_split_back(values):
    assert split_list(join_list(values)) == values


def test_a_cell_ending_in_a_lone_backslash_keeps_it():
    assert split_list("a\\") == ["a\\"]  # written by hand, not by join_list: nothing to unescape
    assert split_list("a | b\\") == ["a", "b\\"]


def test_csv_row_of_a_resource_with_only_the_required_fields():
    resource = Resource(
        id="p/kaal",
        kind="book",
        title=T(nl="Kaal"),
        provenance=_ours(),
    )
    row = csv_exporter.row(resource, None, ["nl", "fr"])
    assert row["id"] == "p/kaal" and row["title:nl"] == "Kaal"
    assert row["title:fr"] == ""  # a language the text lacks is an empty cell
    assert row["pack"] == ""  # no pack
    assert row["provenance_source"] == "hier"  # without a pack, the source's id
    for column in ("year", "edition", "isbn", "licence", "part_of"):
        assert row[column] == "", column
    assert all(isinstance(cell, str) for cell in row.values())


def test_csv_language_order():
    assert csv_exporter.language_order({"tr", "en", "ar", "nl", "fr"}) == ["nl", "fr", "en", "ar", "tr"]
    assert csv_exporter.language_order({"fr", "ary"}) == ["fr", "ary"]


def test_csv_bundled(bundled, tmp_path):
    target = tmp_path / "resources.csv"
    CsvExporter().export(bundled, target, {})
    rows = _read_csv(target)
    assert [r["id"] for r in rows] == [r.id for r in bundled.resources()]
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())


# -- Markdown -------------------------------------------------------------------------------------

ALLOWED_TAGS = {
    "p", "a", "ul", "ol", "li", "h1", "h2", "h3", "h4", "em", "strong",
    "table", "thead", "tbody", "tr", "th", "td", "br",
}  # fmt: skip


def _render(text):
    return markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def _export_markdown(library, folder, lang=None):
    MarkdownExporter().export(library, folder, {} if lang is None else {"lang": lang})
    return {path.name: path.read_text("utf-8") for path in folder.iterdir()}


def assert_site_is_safe(pages):
    """Every page renders to allowed tags only; every link is http(s)/mailto or an existing page and
    anchor."""
    anchors = {name: set(re.findall(r'<a id="([^"]+)"></a>', text)) for name, text in pages.items()}
    for name, text in pages.items():
        rendered = _render(text)
        tags = set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", rendered))
        assert tags <= ALLOWED_TAGS, f"{name}: {tags - ALLOWED_TAGS}"
        for raw in re.findall(r'href="([^"]*)"', rendered):
            href = html.unescape(raw)
            if href.startswith(("http://", "https://", "mailto:")):
                continue
            page, _, anchor = href.partition("#")
            assert page in pages, f"{name}: link to missing page {href!r}"
            assert not anchor or anchor in anchors[page], f"{name}: link to missing anchor {href!r}"
        for match in re.finditer(r"<a ([^>]*)>", rendered):
            assert re.fullmatch(r'(href="[^"]*"|id="c-[a-z0-9._-]+")', match.group(1)), match.group()


def test_markdown_pages_and_index(full, tmp_path):
    pages = _export_markdown(full, tmp_path / "site")
    assert set(pages) == {
        "index.md",
        "proef__boek.md",
        "proef__hoofdstuk.md",
        "proef__site.md",
        "proef__les.md",
        "proef__bevinding.md",
        "proef__kader.md",
        "proef__ander.md",
        "proef__scan.md",
    }
    index = pages["index.md"]
    for name in pages.keys() - {"index.md"}:
        assert f"]({name})" in index
    assert index.index("### Kaders") < index.index("### Instrumenten") < index.index("### Bronnen")
    assert "#### boek" in index and "#### website" in index
    assert "### Overeenkomsten tussen kaders" in index
    assert_site_is_safe(pages)


def test_markdown_resource_page(full, tmp_path):
    page = _export_markdown(full, tmp_path / "site")["proef__boek.md"]
    assert page.startswith("# Een boek é\n")
    assert "Tweede &lt;script&gt;alert(1)&lt;/script&gt; alinea." in page
    assert "- **Auteurs:** Jan &#124; Piet; &#45;Min" in page
    assert "- **Doelgroep:** ouder, schoolteam" in page
    assert "- **Onderwijsniveau:** lager onderwijs" in page
    assert "[CC-BY-4.0](https://creativecommons.org/licenses/by/4.0/)" in page
    assert "Lees online" in page and "boek.example" not in page  # a URL with a space is never linked
    assert 'href="javascript' not in _render(page)  # the unsafe link is left out, its access kind stays
    assert "- te downloaden" in page
    assert "[Kind van top](proef__kader.md#c-kind) (Proefkader)" in page
    assert "elders/kader\\#onbekend" in page  # a concept that is not loaded stays visible, unlinked
    assert "## Wat niet bekend is" in page and "## Herkomst" in page
    assert "voorbeeld geschreven door dit project" in page
    assert "fr (automatische vertaling, door ouderbetrokkenheid project)" in page
    chapter = _export_markdown(full, tmp_path / "site2")["proef__hoofdstuk.md"]
    heading = chapter.splitlines()[0]
    assert _render(heading).strip() == (
        "<h1># [Hoofdstuk](javascript:alert(1)) *vet* &lt;b&gt;html&lt;/b&gt; | pijp</h1>"
    )
    assert "[Een boek é](proef__boek.md)" in chapter  # part of


def test_markdown_framework_page(full, tmp_path):
    page = _export_markdown(full, tmp_path / "site")["proef__kader.md"]
    lines = page.splitlines()
    top = next(i for i, line in enumerate(lines) if 'id="c-top"' in line)
    assert lines[top].startswith("- 1 <a id=")
    assert lines[top + 1].startswith('    - <a id="c-kind"></a>**Kind van top** — Een \\*smal\\* begrip')
    assert "*in volgorde*\n\n1. [Los](proef__kader.md#c-los)\n2. [Bovenaan](proef__kader.md#c-top)" in page
    assert "*geen rangorde*\n\n- [Kind van top](proef__kader.md#c-kind)" in page
    assert "Volgens de bron zijn er 4" in page
    assert "*komt nauw overeen*" in page and "[Iks](proef__ander.md#c-x)" in page
    other = _export_markdown(full, tmp_path / "site2")["proef__ander.md"]
    assert "[Bovenaan](proef__kader.md#c-top)" in other  # the crosswalk shows on both sides


def test_markdown_assessment_and_finding_pages(full, tmp_path):
    pages = _export_markdown(full, tmp_path / "site")
    scan = pages["proef__scan.md"]
    assert "1. **welkom** (dimensie: Dimensie; schaal: Eens-oneens)" in scan
    assert "    - *Schoolteam:* Wij verwelkomen ouders." in scan
    assert "    - *Ouders:* Ik voel me welkom." in scan
    assert "2. **drempel** (dimensie: Dimensie; schaal: Eens-oneens; omgekeerd gescoord)" in scan
    assert "- na: Weet niet (telt niet mee)" in scan
    assert "| Werkpunt (werkpunt) | 0 | 50 |" in scan
    finding = pages["proef__bevinding.md"]
    assert finding.startswith(
        "# Een bewering die lang genoeg is om afgekapt te worden in de index van de site,…\n"
    )
    assert (
        "| effectgrootte (Cohen's d) | 0.5 | Eerste editie | 2009 | [Een boek é](proef__boek.md) | 3/5 | 1/5 |"
        in finding
    )
    assert "- Let op" in finding


def test_markdown_language_and_fallback(full, tmp_path):
    french = _export_markdown(full, tmp_path / "fr", lang="fr")
    assert french["proef__boek.md"].startswith("# Un livre è\n")
    assert "## Provenance" in french["proef__boek.md"]
    assert "### Cadres de référence" in french["index.md"]
    assert "    - *Parents:* Le seuil est haut." in french["proef__scan.md"]
    assert "    - *Schoolteam:* Wij verwelkomen ouders." in french["proef__scan.md"]  # falls back to nl
    arabic = _export_markdown(full, tmp_path / "ar", lang="ar")
    assert arabic["proef__boek.md"].startswith("# كتاب\n")
    assert arabic["proef__site.md"].startswith("# Website\n")  # pack default (nl)
    assert "## Herkomst" in arabic["proef__boek.md"]  # page words fall back to nl


def test_markdown_bundled(bundled, tmp_path):
    pages = _export_markdown(bundled, tmp_path / "site")
    expected = sum(
        len(pack.resources) + len(pack.findings) + len(pack.frameworks) + len(pack.assessments)
        for pack in bundled.packs
    )
    assert len(pages) == expected + 1
    assert_site_is_safe(pages)
    house = pages["vcov__participatiehuis.md"]
    assert "*geen rangorde*" in house


@given(libraries)
def test_generated_packs_export_to_all_three_formats(library):
    """One generated library, three checks (generating is the slow part): JSON-LD expands without
    loss, the CSV reads back, the Markdown site is safe and its links resolve."""
    assert_nothing_dropped(jsonld_exporter.document(library, vocabularies=False))
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.csv"
        CsvExporter().export(library, target, {})
        rows = _read_csv(target)
        pages = _export_markdown(library, Path(folder) / "site")
    resources = library.resources()
    assert [r["id"] for r in rows] == [r.id for r in resources]
    for row, resource in zip(rows, resources, strict=True):
        for lang, text in resource.title.items():
            assert row[f"title:{lang}"] == neutralise(text)
        assert row["authors"] == neutralise(join_list(a.name for a in resource.authors))
    assert_site_is_safe(pages)


@given(st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc"))))
def test_escaped_text_renders_as_itself(text):
    expected = " ".join(text.split())
    escaped = markdown_exporter.escape(text)
    assert "\n" not in escaped
    paragraph = _render(escaped).strip()
    assert html.unescape(paragraph.removeprefix("<p>").removesuffix("</p>")) == expected
    item = _render("- " + escaped).strip()
    assert html.unescape(re.sub(r"</?(ul|li)>|\n", "", item)) == expected
    heading = _render("# " + escaped).strip()
    assert html.unescape(heading.removeprefix("<h1>").removesuffix("</h1>")) == expected
    cell = _render(f"| a |\n|---|\n| {escaped or ' '} |")
    assert html.unescape(re.search(r"<td>(.*?)</td>|<td></td>", cell, re.S).group(1) or "") == expected


def test_blank_labels_do_not_become_markup(tmp_path):
    """A label that is only whitespace shows the id instead (``****`` would render as a rule)."""
    framework = Framework(
        id="leeg/kader",
        title=T(nl=" "),
        provenance=_ours(),
        concepts=(Concept(id="leeg/kader#c", label=T(nl=" ")),),
    )
    manifest = PackManifest(
        name="leeg",
        version="1.0.0",
        title=T(nl="Leeg"),
        publisher=Agent(name="ouderbetrokkenheid project"),
        licence="CC0-1.0",
        languages=("nl",),
    )
    pages = _export_markdown(
        ob.Library([ContentPack(manifest=manifest, frameworks=(framework,))]), tmp_path / "s"
    )
    assert_site_is_safe(pages)
    assert pages["leeg__kader.md"].startswith("# leeg/kader\n")
    assert '<a id="c-c"></a>**leeg/kader\\#c**' in pages["leeg__kader.md"]
    assert "[leeg/kader](leeg__kader.md)" in pages["index.md"]
    assert markdown_exporter.strong(" ") == markdown_exporter.emphasis(" ") == ""


def test_page_names_are_safe():
    assert markdown_exporter.page_name("vcov/boek-1.2_x") == "vcov__boek-1.2_x.md"
    assert markdown_exporter.page_name("../../etc/passwd") == "__..__etc__passwd.md"
    assert markdown_exporter.safe_url("javascript:alert(1)") is None
    assert markdown_exporter.safe_url("MAILTO:a@b.example") == "MAILTO:a@b.example"
    assert (
        markdown_exporter.safe_url("https://x.example/a b") is None
    )  # whitespace: one rule for every output
    assert markdown_exporter.safe_url("https://x.example/a(b)") == "https://x.example/a%28b%29"


# -- atomic writes and progress, for all three -----------------------------------------------------
EXPORTERS = [
    pytest.param(JsonLdExporter(), "out.jsonld", jsonld_exporter, "record_nodes", id="jsonld"),
    pytest.param(CsvExporter(), "out.csv", csv_exporter, "row", id="csv"),
    pytest.param(MarkdownExporter(), "site", markdown_exporter, "write_page", id="markdown"),
]


def _snapshot(path):
    if path.is_dir():
        return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*"))}
    return path.read_bytes()


def _fail_on_third_call(module, function_name, monkeypatch):
    original = getattr(module, function_name)
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full (simulated)")
        return original(*args, **kwargs)

    monkeypatch.setattr(module, function_name, failing)
    return calls


@pytest.mark.parametrize(("exporter", "name", "module", "function_name"), EXPORTERS)
def test_a_failed_export_leaves_nothing_and_keeps_the_earlier_one(
    exporter, name, module, function_name, full, bundled, tmp_path, monkeypatch
):
    destination = tmp_path / name
    exporter.export(bundled, destination, {})
    earlier = _snapshot(destination)
    calls = _fail_on_third_call(module, function_name, monkeypatch)
    with pytest.raises(RuntimeError, match="simulated"):
        exporter.export(full, destination, {})
    assert len(calls) == 3  # it failed mid-way, after writing part of the new export
    assert _snapshot(destination) == earlier
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file or folder left

    fresh = tmp_path / "fresh" / name
    calls.clear()
    with pytest.raises(RuntimeError, match="simulated"):
        exporter.export(full, fresh, {})
    assert list(fresh.parent.iterdir()) == []


@pytest.mark.parametrize(("exporter", "name", "module", "function_name"), EXPORTERS)
def test_progress_is_reported_per_record(exporter, name, module, function_name, full, tmp_path):
    calls = []
    exporter.export(full, tmp_path / name, {"progress": lambda done, total: calls.append((done, total))})
    totals = {"jsonld": len(full), "csv": 4, "markdown": 8}
    total = totals[exporter.name]
    assert calls == [(done, total) for done in range(total + 1)]


def test_progress_helper():
    assert progress_steps({}, 3)() is None
    with pytest.raises(TypeError, match="progress"):
        progress_steps({"progress": 3}, 1)


# -- plugin wiring --------------------------------------------------------------------------------
def _plugin():
    plugin = types.ModuleType("export_plugin")

    def ob_exporters():
        return [JsonLdExporter(), CsvExporter(), MarkdownExporter()]

    plugin.ob_exporters = ob.hookimpl(ob_exporters)
    return plugin


def test_exporters_work_through_the_hook(full, tmp_path):
    host = get_plugin_manager(plugins=[_plugin()], load_entry_points=False)
    exporters = host.exporters()
    for name, cls in (("jsonld", JsonLdExporter), ("csv", CsvExporter), ("markdown", MarkdownExporter)):
        _, exporter = exporters[name]
        assert isinstance(exporter, cls) and isinstance(exporter, Exporter)
        target = tmp_path / f"out{exporter.extension}" if exporter.extension else tmp_path / "site"
        exporter.export(full, target, {"lang": "nl"})
        assert target.exists()
    assert "json" in exporters


def test_builtin_plugin_provides_all_four():
    host = get_plugin_manager(load_entry_points=False)
    assert {"json", "jsonld", "csv", "markdown"} <= set(host.exporters())


def test_exporters_describe_themselves():
    for exporter in (JsonLdExporter(), CsvExporter(), MarkdownExporter()):
        assert isinstance(exporter, Exporter)
        assert exporter.description and exporter.media_type
    assert (JsonLdExporter().extension, CsvExporter().extension, MarkdownExporter().extension) == (
        ".jsonld",
        ".csv",
        "",
    )


def test_csv_reads_with_the_csv_module_from_memory(full, tmp_path):
    """The written bytes are plain CSV: CRLF rows, quoted multi-line cells."""
    target = tmp_path / "x.csv"
    CsvExporter().export(full, target, {})
    text = target.read_bytes().decode("utf-8-sig")
    assert text.count("\r\n") >= 5
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 5 and len({len(r) for r in rows}) == 1
