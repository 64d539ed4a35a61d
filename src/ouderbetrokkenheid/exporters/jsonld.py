"""The ``jsonld`` exporter: the library as linked data, one ``.jsonld`` document with a ``@graph``.

Resources are schema.org ``LearningResource`` plus their primary type (``Book``, ``WebSite`` ...) with
LRMI audience roles; frameworks are SKOS concept schemes with concepts and (ordered) collections;
crosswalk mappings are SKOS mapping triples plus an ``ob:Mapping`` node with SSSOM-style provenance.

The ``@context`` (``context.jsonld`` beside this module) is inlined, so the document expands offline.
Every key written is defined there: a key missing from the context would be silently dropped by a
JSON-LD processor, and the tests expand every export with pyld to prove none is.

Identifiers are absolute IRIs without invented domains:

* a pack: ``urn:ouderbetrokkenheid:vcov``
* a record or concept: ``urn:ouderbetrokkenheid:vcov/participatiehuis`` (``...#concept``)
* a term of a controlled vocabulary: ``urn:ouderbetrokkenheid:vocab:education-level#vl-lager``
  (a colon after ``vocab``, so that no pack named ``vocab`` can ever produce the same IRI)
* our own properties and classes: ``urn:ouderbetrokkenheid:terms#`` (prefix ``ob:``)
"""

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import attrs

from ouderbetrokkenheid.exporters.base import atomic_file
from ouderbetrokkenheid.exporters.progress import progress_steps
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.model import (
    VOCABULARIES,
    Agent,
    Assessment,
    ContentPack,
    Effect,
    Finding,
    Framework,
    Link,
    LocalizedText,
    PackManifest,
    Provenance,
    Rating,
    Record,
    Resource,
)
from ouderbetrokkenheid.model import (
    Mapping as CrosswalkMapping,
)
from ouderbetrokkenheid.model.pack import KINDS as RECORD_KINDS
from ouderbetrokkenheid.model.vocabularies import SCHEMA

if TYPE_CHECKING:
    from ouderbetrokkenheid.catalog.library import Library

KINDS = frozenset(RECORD_KINDS)

#: Every IRI of ours starts with this.
BASE = "urn:ouderbetrokkenheid:"
#: Our own properties and classes (the ``ob:`` prefix).
TERMS = BASE + "terms#"
#: Controlled vocabularies: ``VOCAB + name`` is the scheme, ``VOCAB + name + "#" + code`` a term.
VOCAB = BASE + "vocab:"

#: SPDX identifiers whose licence has a canonical URL.
SPDX_URLS: Mapping[str, str] = {
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC-BY-NC-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC-BY-NC-SA-4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "CC-BY-ND-4.0": "https://creativecommons.org/licenses/by-nd/4.0/",
    "CC-BY-NC-ND-4.0": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
}

_SKOS = "http://www.w3.org/2004/02/skos/core#"
_IRI_SAFE = "/#-._~"

Node = dict[str, Any]


@functools.cache
def context() -> dict[str, Any]:
    """The shipped ``@context`` object (the value of ``"@context"`` in ``context.jsonld``)."""
    import orjson

    data = orjson.loads(files("ouderbetrokkenheid.exporters").joinpath("context.jsonld").read_bytes())
    return data["@context"]


def record_iri(identifier: str) -> str:
    """The IRI of a pack, record or concept id (``vcov/boek`` -> ``urn:ouderbetrokkenheid:vcov/boek``)."""
    return BASE + quote(identifier, safe=_IRI_SAFE)


@functools.lru_cache(maxsize=1024)  # a few vocabularies' terms, asked for every record
def vocabulary_iri(name: str, code: str | None = None) -> str:
    """The IRI of the vocabulary *name*, or of its term *code*."""
    scheme = VOCAB + quote(name, safe=_IRI_SAFE)
    return scheme if code is None else f"{scheme}#{quote(code, safe=_IRI_SAFE)}"


def licence_url(licence: str | None) -> str | None:
    """The URL of *licence* (an SPDX id or a URL): known SPDX ids are mapped, http(s) URLs are kept,
    anything else gives ``None``."""
    if licence is None:
        return None
    if licence.startswith(("http://", "https://")):
        return licence
    return SPDX_URLS.get(licence)


def _term_for(iri: str) -> str:
    """The shortest way to write *iri* with the shipped context: a term, a compact IRI, or itself."""
    if iri.startswith(SCHEMA):
        local = iri[len(SCHEMA) :]
        defined = context().get(local)
        return local if defined == f"schema:{local}" else f"schema:{local}"
    if iri.startswith(_SKOS):
        local = iri[len(_SKOS) :]
        defined = context().get(local)
        if isinstance(defined, dict) and defined.get("@id") == f"skos:{local}":
            return local
        return f"skos:{local}"
    return iri


def _compact(iri: str) -> str:
    """*iri* for an ``@id``-valued property: schema.org IRIs as ``schema:`` compact IRIs, so that they
    expand to the ``http://schema.org/`` IRIs the types use (the schema.org context's own form)."""
    return f"schema:{iri[len(SCHEMA) :]}" if iri.startswith(SCHEMA) else iri


def _clean(node: Node) -> Node:
    """Drop absent values (``None``, empty lists and maps) so that nothing is written without content."""
    # (an empty list or map is the only false value of those types; no list or map is made per test)
    return {
        key: value
        for key, value in node.items()
        if value is not None and (value or not isinstance(value, list | dict))
    }


def _text(text: LocalizedText | None) -> dict[str, str] | None:
    """A language map (``{"nl": ..., "fr": ...}``); the context declares ``"@container": "@language"``."""
    return None if text is None else text.to_dict()


def _year(year: int | None) -> str | None:
    return None if year is None else f"{year:04d}"


def _vocabulary_label(name: str, code: str) -> dict[str, str] | None:
    try:
        return VOCABULARIES[name].term(code).label.to_dict()
    except KeyError:
        return None


@functools.lru_cache(
    maxsize=4096
)  # a few hundred terms, on every record: one node each, shared (not changed)
def _defined_term(name: str, code: str) -> Node:
    """A term of one of our vocabularies, inline, with its labels."""
    return _clean(
        {
            "@id": vocabulary_iri(name, code),
            "@type": "DefinedTerm",
            "termCode": code,
            "name": _vocabulary_label(name, code),
            "inDefinedTermSet": vocabulary_iri(name),
        }
    )


@functools.lru_cache(maxsize=1024)  # as _defined_term
def _audience(code: str) -> Node:
    """An audience role: ``EducationalAudience`` with the LRMI ``educationalRole`` it matches."""
    try:
        term = VOCABULARIES["audience-role"].term(code)
    except KeyError:
        term = None
    return _clean(
        {
            "@id": vocabulary_iri("audience-role", code),
            "@type": "EducationalAudience",
            "educationalRole": None if term is None else term.match,
            "audienceType": None if term is None else term.label.to_dict(),
        }
    )


def _agent(agent: Agent) -> Node:
    try:
        match = VOCABULARIES["agent-kind"].term(agent.kind).match
    except KeyError:
        match = None
    return _clean({"@type": _term_for(match) if match else None, "name": agent.name, "url": agent.url})


def _agents(agents: Sequence[Agent]) -> list[Node]:
    return [_agent(agent) for agent in agents]


def _iris(identifiers: Sequence[str]) -> list[str]:
    return [record_iri(identifier) for identifier in identifiers]


def _licence(licence: str | None) -> Node:
    """``license`` (a URL) when there is one; the SPDX id under ``ob:licence`` when it is not a URL."""
    if licence is None:
        return {}
    url = licence_url(licence)
    return _clean({"license": url, "ob:licence": None if licence == url else licence})


def _provenance(provenance: Provenance, pack: ContentPack | None) -> Node:
    source: Node = {"ob:sourceId": provenance.source}
    try:
        declared = pack.source(provenance.source) if pack is not None else None
    except KeyError:
        declared = None
    if declared is not None:
        source = _clean(
            {
                "@type": "CreativeWork",
                "ob:sourceId": declared.id,
                "name": declared.title,
                "publisher": None if declared.publisher is None else {"name": declared.publisher},
                "datePublished": _year(declared.year),
                "version": declared.edition,
                "url": declared.url,
                "ob:retrieved": None if declared.retrieved is None else declared.retrieved.isoformat(),
                "ob:document": declared.document,
            }
        )
    return _clean(
        {
            "@type": "ob:Provenance",
            "ob:status": vocabulary_iri("verification", provenance.status),
            "ob:source": source,
            "ob:locator": provenance.locator,
            "ob:sourceLanguage": provenance.language,
            "ob:translation": [
                _clean(
                    {
                        "@type": "ob:Translation",
                        "inLanguage": translation.language,
                        "ob:method": vocabulary_iri("translation-method", translation.method),
                        "ob:translatedBy": translation.by,
                    }
                )
                for translation in provenance.translations
            ],
            "ob:note": _text(provenance.note),
        }
    )


def _primary_type(kind: str) -> str:
    try:
        match = VOCABULARIES["resource-kind"].term(kind).match
    except KeyError:
        match = None
    return _term_for(match) if match else "CreativeWork"


def _link(link: Link) -> Node:
    return _clean(
        {
            "@type": "ob:Link",
            "ob:access": vocabulary_iri("access", link.access),
            "url": link.url,
            "ob:provider": link.provider,
            "name": _text(link.label),
            "inLanguage": list(link.languages),
        }
    )


def resource_node(resource: Resource, pack: ContentPack | None) -> Node:
    """A resource as ``LearningResource`` plus its primary type."""
    primary = _primary_type(resource.kind)
    types = ["LearningResource"] if primary == "LearningResource" else ["LearningResource", primary]
    is_book = primary == "Book"
    isbn = resource.isbn
    return _clean(
        {
            "@id": record_iri(resource.id),
            "@type": types,
            "ob:pack": None if pack is None else record_iri(pack.name),
            "name": _text(resource.title),
            "alternativeHeadline": _text(resource.subtitle),
            "description": _text(resource.summary),
            "learningResourceType": _defined_term("resource-kind", resource.kind),
            "author": _agents(resource.authors),
            "publisher": _agents(resource.publisher),
            "datePublished": _year(resource.year),
            "bookEdition" if is_book else "version": resource.edition,
            "isbn": isbn if is_book else None,
            "identifier": None
            if is_book or isbn is None
            else {"@type": "PropertyValue", "propertyID": "ISBN", "value": isbn},
            "inLanguage": list(resource.languages),
            "audience": [_audience(code) for code in resource.audiences],
            "educationalLevel": [_defined_term("education-level", code) for code in resource.levels],
            "keywords": [_defined_term("theme", code) for code in resource.themes],
            "about": _iris(resource.concepts),
            "url": [link.url for link in resource.links if link.url is not None],
            "ob:link": [_link(link) for link in resource.links],
            "isAccessibleForFree": resource.free,
            **_licence(resource.licence),
            "isPartOf": None if resource.part_of is None else record_iri(resource.part_of),
            "relation": _iris(resource.related),
            "sameAs": _iris(resource.same_as),
            "ob:knownGaps": _text(resource.known_gaps),
            "ob:provenance": _provenance(resource.provenance, pack),
        }
    )


def _rating(rating: Rating | None) -> Node | None:
    if rating is None:
        return None
    return _clean(
        {
            "@type": "Rating",
            "ratingValue": rating.value,
            "bestRating": rating.max,
            "name": _text(rating.label),
        }
    )


def _effect(effect: Effect) -> Node:
    return _clean(
        {
            "@type": "ob:Effect",
            "ob:metric": vocabulary_iri("effect-metric", effect.metric),
            "ob:value": effect.value,
            "ob:edition": effect.edition,
            "datePublished": _year(effect.year),
            "ob:reportedIn": None if effect.source is None else record_iri(effect.source),
            "ob:evidence": _rating(effect.evidence),
            "ob:cost": _rating(effect.cost),
            "description": _text(effect.note),
        }
    )


def finding_node(finding: Finding, pack: ContentPack | None) -> Node:
    """A research finding as a schema.org ``Claim`` and an ``ob:Finding`` with its effect sizes."""
    return _clean(
        {
            "@id": record_iri(finding.id),
            "@type": ["Claim", "ob:Finding"],
            "ob:pack": None if pack is None else record_iri(pack.name),
            "text": _text(finding.claim),
            "citation": _iris(finding.sources),
            "ob:effect": [_effect(effect) for effect in finding.effects],
            "keywords": [_defined_term("theme", code) for code in finding.themes],
            "about": _iris(finding.concepts),
            "ob:caveat": [{"@type": "ob:Caveat", "description": _text(caveat)} for caveat in finding.caveats],
            "ob:provenance": _provenance(finding.provenance, pack),
        }
    )


def framework_nodes(framework: Framework, pack: ContentPack | None) -> list[Node]:
    """A framework as a SKOS concept scheme, followed by its concepts and collections."""
    scheme = record_iri(framework.id)
    nodes = [
        _clean(
            {
                "@id": scheme,
                "@type": "ConceptScheme",
                "ob:pack": None if pack is None else record_iri(pack.name),
                "prefLabel": _text(framework.title),
                "description": _text(framework.summary),
                "author": _agents(framework.authors),
                "publisher": _agents(framework.publisher),
                "datePublished": _year(framework.year),
                "ob:contentStatus": vocabulary_iri("content-status", framework.content_status),
                "ob:knownGaps": _text(framework.known_gaps),
                "hasTopConcept": _iris([c.id for c in framework.top_concepts()]),
                "subjectOf": _iris(framework.described_in),
                "keywords": [_defined_term("theme", code) for code in framework.themes],
                "ob:provenance": _provenance(framework.provenance, pack),
            }
        )
    ]
    for concept in framework.concepts:
        nodes.append(
            _clean(
                {
                    "@id": record_iri(concept.id),
                    "@type": "Concept",
                    "prefLabel": _text(concept.label),
                    "altLabel": _labels(concept.alt_labels),
                    "hiddenLabel": _labels(concept.hidden_labels),
                    "definition": _text(concept.definition),
                    "notation": concept.notation,
                    "inScheme": scheme,
                    "topConceptOf": scheme if concept.broader is None else None,
                    "broader": None if concept.broader is None else record_iri(concept.broader),
                    "narrower": _iris([c.id for c in framework.narrower(concept.id)]),
                }
            )
        )
    for collection in framework.collections:
        members = _iris(collection.members)
        nodes.append(
            _clean(
                {
                    "@id": record_iri(collection.id),
                    "@type": "OrderedCollection" if collection.ordered else "Collection",
                    "prefLabel": _text(collection.label),
                    "inScheme": scheme,
                    "ob:ordered": collection.ordered,
                    "memberList": {"@list": members} if collection.ordered and members else None,
                    "member": None if collection.ordered else members,
                    "ob:expectedMembers": collection.expected_members,
                }
            )
        )
    return nodes


def mapping_nodes(mapping: CrosswalkMapping, pack: ContentPack | None) -> list[Node]:
    """The SKOS triple ``subject <predicate> object`` and an ``ob:Mapping`` node that says who asserted
    it, why and how confidently (SSSOM-style)."""
    try:
        predicate = VOCABULARIES["mapping-predicate"].term(mapping.predicate).match
    except KeyError:
        predicate = None
    predicate = predicate or f"{_SKOS}relatedMatch"
    subject, obj = record_iri(mapping.subject), record_iri(mapping.object)
    return [
        _clean(
            {
                "@id": record_iri(mapping.id),
                "@type": "ob:Mapping",
                "ob:pack": None if pack is None else record_iri(pack.name),
                "ob:subject": subject,
                "ob:predicate": predicate,
                "ob:object": obj,
                "ob:justification": _text(mapping.justification),
                "ob:confidence": mapping.confidence,
                "author": _agent(mapping.author),
                "dateCreated": None if mapping.date is None else mapping.date.isoformat(),
                "ob:provenance": _provenance(mapping.provenance, pack),
            }
        ),
        {"@id": subject, _term_for(predicate): [obj]},
    ]


def assessment_node(assessment: Assessment, pack: ContentPack | None) -> Node:
    """An assessment instrument, described (its items are in the ``json`` export)."""
    roles = list(dict.fromkeys(group.role for group in assessment.groups))
    concepts = list(dict.fromkeys(c for dimension in assessment.dimensions for c in dimension.concepts))
    return _clean(
        {
            "@id": record_iri(assessment.id),
            "@type": ["ob:Assessment", "CreativeWork"],
            "ob:pack": None if pack is None else record_iri(pack.name),
            "name": _text(assessment.title),
            "description": _text(assessment.summary),
            "version": assessment.version,
            "author": _agents(assessment.authors),
            "publisher": _agents(assessment.publisher),
            **_licence(assessment.licence),
            "ob:contentStatus": vocabulary_iri("content-status", assessment.content_status),
            "ob:knownGaps": _text(assessment.known_gaps),
            "ob:target": _text(assessment.target),
            "isBasedOn": None if assessment.framework is None else record_iri(assessment.framework),
            "subjectOf": _iris(assessment.described_in),
            "keywords": [_defined_term("theme", code) for code in assessment.themes],
            "audience": [_audience(role) for role in roles],
            "about": _iris(concepts),
            "ob:itemCount": None if assessment.content_status == "metadata-only" else len(assessment.items()),
            "ob:provenance": _provenance(assessment.provenance, pack),
        }
    )


def _labels(labels: tuple[LocalizedText, ...]) -> dict[str, list[str]]:
    """SKOS alternative or hidden labels, language by language."""
    out: dict[str, list[str]] = {}
    for label in labels:
        for lang, text in label.items():
            out.setdefault(lang, []).append(text)
    return out


def thesaurus_nodes(pack: ContentPack) -> list[Node]:
    """A pack's thesaurus: a SKOS scheme of concepts whose labels search treats as the same words."""
    manifest = pack.manifest
    if not manifest.thesaurus:
        return []
    scheme = record_iri(f"{manifest.name}/thesaurus")
    nodes: list[Node] = [{"@id": scheme, "@type": "ConceptScheme", "ob:pack": record_iri(manifest.name)}]
    nodes.extend(
        _clean(
            {
                "@id": record_iri(f"{manifest.name}/thesaurus#{entry.id}"),
                "@type": "Concept",
                "prefLabel": _text(entry.label),
                "altLabel": _labels(entry.alt_labels),
                "hiddenLabel": _labels(entry.hidden_labels),
                "inScheme": scheme,
                "ob:provenance": _provenance(entry.provenance, pack),
            }
        )
        for entry in manifest.thesaurus
    )
    return nodes


def pack_node(manifest: PackManifest) -> Node:
    """A content pack as a schema.org ``Dataset``."""
    return _clean(
        {
            "@id": record_iri(manifest.name),
            "@type": "Dataset",
            "name": _text(manifest.title),
            "description": _text(manifest.summary),
            "version": manifest.version,
            "publisher": _agent(manifest.publisher),
            **_licence(manifest.licence),
            "inLanguage": list(manifest.languages),
            "url": manifest.homepage,
            "ob:depends": _iris(manifest.depends),
        }
    )


def vocabulary_nodes() -> list[Node]:
    """Our controlled vocabularies, each a ``DefinedTermSet`` and SKOS scheme, with every term and the
    public term it matches (``skos:broadMatch``: an LRMI audience role, a schema.org type ...)."""
    nodes: list[Node] = []
    for vocabulary in VOCABULARIES.values():
        scheme = vocabulary_iri(vocabulary.name)
        nodes.append(
            {"@id": scheme, "@type": ["DefinedTermSet", "ConceptScheme"], "name": _text(vocabulary.label)}
        )
        nodes.extend(
            _clean(
                {
                    "@id": vocabulary_iri(vocabulary.name, term.code),
                    "@type": ["DefinedTerm", "Concept"],
                    "termCode": term.code,
                    "name": _text(term.label),
                    "inDefinedTermSet": scheme,
                    "inScheme": scheme,
                    "altLabel": _labels(term.alt_labels),
                    "hiddenLabel": _labels(term.hidden_labels),
                    "broadMatch": None if term.match is None else _compact(term.match),
                    "ob:educationSystem": term.system,
                }
            )
            for term in vocabulary.terms
        )
    return nodes


def record_nodes(record: Record, pack: ContentPack | None) -> list[Node]:
    """The graph nodes of one record."""
    if isinstance(record, Resource):
        return [resource_node(record, pack)]
    if isinstance(record, Finding):
        return [finding_node(record, pack)]
    if isinstance(record, Framework):
        return framework_nodes(record, pack)
    if isinstance(record, CrosswalkMapping):
        return mapping_nodes(record, pack)
    return [assessment_node(record, pack)]


def graph_nodes(
    library: "Library", step: Callable[[], None] | None = None, *, vocabularies: bool = True
) -> Iterator[Node]:
    """Every node of the document, pack by pack, then (unless *vocabularies* is false) our controlled
    vocabularies; *step* is called after each record."""
    for pack in library.packs:
        yield pack_node(pack.manifest)
        yield from thesaurus_nodes(pack)
        for record in pack.records():
            yield from record_nodes(record, pack)
            if step is not None:
                step()
    if vocabularies:
        yield from vocabulary_nodes()


def document(library: "Library", *, vocabularies: bool = True) -> dict[str, Any]:
    """The whole export as one JSON-LD object (``@context`` inline, ``@graph``)."""
    return {"@context": context(), "@graph": list(graph_nodes(library, vocabularies=vocabularies))}


def _indented(data: bytes, prefix: bytes) -> bytes:
    return b"\n".join(prefix + line for line in data.split(b"\n"))


@attrs.frozen
class JsonLdExporter:
    """JSON-LD: schema.org/LRMI resources and SKOS frameworks in one ``@graph``."""

    name: str = "jsonld"
    media_type: str = "application/ld+json"
    extension: str = ".jsonld"
    kinds: frozenset[str] = KINDS
    description: str = N_("linked data: schema.org/LRMI resources, SKOS frameworks and crosswalks (JSON-LD)")

    def export(self, library: "Library", destination: Path, options: Mapping[str, Any]) -> None:
        """Write the library to *destination* atomically, one record at a time (``options["progress"]``
        is told after each)."""
        import orjson

        step = progress_steps(options, len(library))
        with atomic_file(destination) as handle:
            handle.write(b'{\n  "@context": ')
            handle.write(_indented(orjson.dumps(context(), option=orjson.OPT_INDENT_2), b"  ").lstrip())
            handle.write(b',\n  "@graph": [')
            separator = b"\n"
            for node in graph_nodes(library, step):
                handle.write(separator)
                handle.write(_indented(orjson.dumps(node, option=orjson.OPT_INDENT_2), b"    "))
                separator = b",\n"
            handle.write(b"\n  ]\n}\n")
