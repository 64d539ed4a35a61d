"""Content packs: a manifest and the records it ships."""

from collections.abc import Iterator

import attrs

from ouderbetrokkenheid.model.assessment import Assessment
from ouderbetrokkenheid.model.common import Agent, Provenance, Source
from ouderbetrokkenheid.model.framework import Framework, Mapping
from ouderbetrokkenheid.model.resource import Finding, Resource
from ouderbetrokkenheid.model.text import LocalizedText

#: The kinds of record a pack holds, as they are named in records files and on :class:`ContentPack`.
KINDS: tuple[str, ...] = ("resources", "findings", "frameworks", "mappings", "assessments")

#: Anything with an ``id`` that a pack holds.
Record = Resource | Finding | Framework | Mapping | Assessment


@attrs.frozen(kw_only=True)
class ThesaurusEntry:
    """Words that mean the same for search: a SKOS concept with its preferred, alternative and hidden
    labels. A query for any of them also finds the others, weighted below an exact match."""

    #: Unique within the pack (``ouderraad``).
    id: str
    label: LocalizedText
    #: Other words for the same thing (SKOS ``altLabel``); one language per entry is fine.
    alt_labels: tuple[LocalizedText, ...] = ()
    #: Words search understands but never shows (SKOS ``hiddenLabel``): misspellings, old spellings.
    hidden_labels: tuple[LocalizedText, ...] = ()
    #: Who wrote the entry: ``authored-here`` for the words this project wrote.
    provenance: Provenance


@attrs.frozen(kw_only=True)
class PackManifest:
    """``pack.yaml``: who publishes the pack, under which licence, in which languages."""

    #: The namespace of every id in the pack (``vcov``).
    name: str
    version: str
    title: LocalizedText
    publisher: Agent
    #: SPDX identifier (``CC-BY-4.0``) or licence URL.
    licence: str
    #: The languages labels are given in; the first is the pack's default.
    languages: tuple[str, ...]
    summary: LocalizedText | None = None
    homepage: str | None = None
    sources: tuple[Source, ...] = ()
    #: Other packs whose ids this pack refers to (crosswalks, alignments).
    depends: tuple[str, ...] = ()
    #: Synonyms for search that the pack contributes.
    thesaurus: tuple[ThesaurusEntry, ...] = ()

    @property
    def default_language(self) -> str:
        """The first declared language."""
        return self.languages[0]


@attrs.frozen(kw_only=True)
class ContentPack:
    """A loaded, validated pack."""

    manifest: PackManifest
    resources: tuple[Resource, ...] = ()
    findings: tuple[Finding, ...] = ()
    frameworks: tuple[Framework, ...] = ()
    mappings: tuple[Mapping, ...] = ()
    assessments: tuple[Assessment, ...] = ()

    @property
    def name(self) -> str:
        """The pack's namespace."""
        return self.manifest.name

    def records(self) -> Iterator[Record]:
        """Every record, kind by kind, in file order."""
        yield from self.resources
        yield from self.findings
        yield from self.frameworks
        yield from self.mappings
        yield from self.assessments

    def source(self, source_id: str) -> "Source":
        """Return the manifest's source with *source_id*; raise :class:`KeyError` if there is none."""
        for source in self.manifest.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)
