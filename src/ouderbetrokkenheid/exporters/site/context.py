"""What every page of the site needs: the library and its catalog, page names and links, labels in
the page's language with their real language, and the indexes that tie records together (resources per
concept, crosswalks per framework, related resources)."""

import functools
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from ouderbetrokkenheid.catalog.catalog import Catalog
from ouderbetrokkenheid.catalog.library import Library
from ouderbetrokkenheid.exporters.site.markup import Frame, esc, link, m, machine_mark, t
from ouderbetrokkenheid.exporters.site.messages import language_name
from ouderbetrokkenheid.exporters.site.paths import Names, relative, safe_name
from ouderbetrokkenheid.exporters.site.related import RelatedIndex
from ouderbetrokkenheid.exporters.site.search import indexed_records
from ouderbetrokkenheid.model import (
    VOCABULARIES,
    Assessment,
    Concept,
    Finding,
    Framework,
    LocalizedText,
    Mapping,
    Record,
    Resource,
)
from ouderbetrokkenheid.model.text import fallback_chain
from ouderbetrokkenheid.reports.view import Text, resolve


@functools.cache
def _chain(lang: str, default: str | None) -> tuple[str, ...]:
    return fallback_chain(lang, default)


class SiteContext:
    """The library as the site sees it. Built once per export; pages are rendered from it."""

    def __init__(
        self, library: Library, languages: Sequence[str], version: str, templates: Path | None = None
    ) -> None:
        from ouderbetrokkenheid.exporters.site.templates import environment

        self.library = library
        #: The template environment: the package's templates, and the organisation's (*templates*).
        self.templates = environment(templates)
        self.catalog = Catalog(library)
        self.languages = tuple(languages)
        self.version = version
        self.records = indexed_records(self.catalog)
        # lookups that never raise (Library.get suggests close matches on a miss: costly in a loop)
        self.by_id: dict[str, Record] = {record.id: record for record in library}
        self.concepts: dict[str, tuple[Framework, Concept]] = {
            concept.id: (framework, concept)
            for framework in library.frameworks()
            for concept in framework.concepts
        }
        self.resources = library.resources()
        self.frameworks = library.frameworks()
        self.findings = library.findings()
        self.assessments = library.assessments()
        self.mappings = library.mappings()
        self.page_names = {
            "resources": Names(r.id for r in self.resources),
            "frameworks": Names(f.id for f in self.frameworks),
            "instruments": Names(a.id for a in self.assessments),
        }
        self.finding_anchors = Names(f.id for f in self.findings)
        self.concept_anchors: dict[str, str] = {}
        self.mapping_anchors = Names(mp.id for mp in self.mappings)
        for framework in self.frameworks:
            anchors = Names()
            for concept in framework.concepts:
                self.concept_anchors[concept.id] = "c-" + anchors.name(concept.id.rsplit("#", 1)[-1])
        self.by_concept: dict[str, list[Resource]] = defaultdict(list)
        for resource in self.resources:
            for concept in dict.fromkeys(resource.concepts):
                self.by_concept[concept].append(resource)
        self.crosswalks: dict[str, list[Mapping]] = defaultdict(list)
        for mapping in self.mappings:
            owners = {self.framework_of(mapping.subject), self.framework_of(mapping.object)}
            for owner in owners - {None}:
                self.crosswalks[owner.id].append(mapping)  # type: ignore[union-attr]
        self._defaults = {pack.name: pack.manifest.default_language for pack in library.packs}
        #: Record (and concept) id -> the languages its texts were machine-translated into, and the
        #: source language they were translated from.
        self._machine: dict[str, tuple[frozenset[str], str]] = {}
        for record in (*self.resources, *self.frameworks, *self.findings, *self.assessments, *self.mappings):
            provenance = record.provenance
            machine = frozenset(tr.language for tr in provenance.translations if tr.method == "machine")
            if machine:
                self._machine[record.id] = (machine, provenance.language)
                if isinstance(record, Framework):  # its concepts' labels and definitions too
                    self._machine.update(
                        dict.fromkeys((c.id for c in record.concepts), (machine, provenance.language))
                    )
        self.form_names = Names()
        self._terms: dict[tuple[str, str, str], Text] = {}
        self._paths: dict[tuple[str, str], str | None] = {}
        self._refs: dict[tuple[str, str, int, bool], str] = {}
        #: Pieces of HTML that many pages share, made once (keyed by what they depend on; only read).
        self.fragments: dict[tuple[object, ...], str] = {}
        self._related: RelatedIndex | None = None
        self._related_cache: dict[str, tuple[Resource, ...]] = {}
        self._shared_of: tuple[Record | None, dict[str, Any]] = (None, {})
        self.pack_credits = tuple(
            (
                resolve(pack.manifest.title, None, pack.manifest.default_language, pack.name),
                Text(text=pack.manifest.publisher.name),
                pack.manifest.licence,
            )
            for pack in library.packs
        )

    # -- languages and labels --------------------------------------------------------------------
    def default_of(self, identifier: str) -> str | None:
        """The default language of the pack that holds *identifier*."""
        return self._defaults.get(identifier.split("/", 1)[0])

    def is_machine(self, value: LocalizedText | None, tag: str, owner: str) -> bool:
        """Whether *value*'s text in *tag* (a text of the record or concept *owner*) is a machine
        translation (see :meth:`label`)."""
        if value is None:
            return False
        text = value.get(tag)
        return text is not None and self._is_machine(value, text, tag, owner)

    def label(self, value: LocalizedText | None, lang: str, owner: str, fallback: str = "") -> Text:
        """*value* in *lang*, falling back through the default language of *owner*'s pack (as
        :meth:`LocalizedText.resolve <ouderbetrokkenheid.LocalizedText.resolve>` does; its chain cached)."""
        if value is None or not value:
            return Text(text=fallback)
        text = value.get(lang)  # the first of every chain (the page's own language): most texts have it
        if text is not None:
            return Text(text=text, lang=lang, machine=self._is_machine(value, text, lang, owner))
        for tag in _chain(lang, self.default_of(owner)):
            text = value.get(tag)
            if text is not None:
                return Text(text=text, lang=tag, machine=self._is_machine(value, text, tag, owner))
        tag = next(iter(value))
        return Text(text=value[tag], lang=tag, machine=self._is_machine(value, value[tag], tag, owner))

    def _is_machine(self, value: LocalizedText, text: str, tag: str, owner: str) -> bool:
        """Whether *text* (*value* in *tag*) is a machine translation: its record says *tag* was
        machine-translated, and the text is not the source's own (a title kept in its original
        language in every language is no translation)."""
        found = self._machine.get(owner)
        return found is not None and tag in found[0] and value.get(found[1]) != text

    def term(self, vocabulary: str, code: str, lang: str) -> Text:
        """The label of *code* in *vocabulary* (the code itself when it is not in the vocabulary)."""
        key = (vocabulary, code, lang)
        found = self._terms.get(key)
        if found is None:
            try:
                found = resolve(VOCABULARIES[vocabulary].term(code).label, lang, None, code)
            except KeyError:
                found = Text(text=code)
            self._terms[key] = found
        return found

    def term_html(self, vocabulary: str, code: str, lang: str) -> str:
        """:meth:`term` as HTML (escaped, marked with its language when it is not *lang*'s), made once
        per vocabulary, code and language: every resource page shows a few dozen."""
        key = ("term", vocabulary, code, lang)
        found = self.fragments.get(key)
        if found is None:
            found = self.fragments[key] = t(self.term(vocabulary, code, lang), lang)
        return found

    def language_html(self, code: str, lang: str) -> str:
        """The name of the language *code* on a page in *lang*, as HTML (see :meth:`term_html`)."""
        key = ("language", code, lang)
        found = self.fragments.get(key)
        if found is None:
            found = self.fragments[key] = t(language_name(code, lang), lang)
        return found

    def title(self, record: Record | Concept, lang: str) -> Text:
        """The name of a record (a finding's claim) or concept in *lang*."""
        if isinstance(record, Finding):
            return self.label(record.claim, lang, record.id, record.id)
        if isinstance(record, Concept):
            return self.label(record.label, lang, record.id, record.id)
        if isinstance(record, Mapping):
            return Text(text=record.id)
        return self.label(record.title, lang, record.id, record.id)

    def summary(self, record: Record, lang: str) -> Text:
        """A record's summary (a finding's first caveat) in *lang*, possibly empty."""
        if isinstance(record, Finding):
            return self.label(record.caveats[0] if record.caveats else None, lang, record.id)
        return self.label(getattr(record, "summary", None), lang, record.id)

    # -- pages and links -------------------------------------------------------------------------
    def framework_of(self, concept_id: str) -> Framework | None:
        """The framework that defines *concept_id*, if it is loaded."""
        found = self.concepts.get(concept_id)
        return None if found is None else found[0]

    def path(self, identifier: str, lang: str) -> str | None:
        """The page (and anchor) of a record or concept, from the site root; ``None`` if it has none."""
        key = (identifier, lang)
        if key not in self._paths:
            self._paths[key] = self._path(identifier, lang)
        return self._paths[key]

    def _path(self, identifier: str, lang: str) -> str | None:
        for folder, names in self.page_names.items():
            if identifier in names:
                return f"{lang}/{folder}/{names.name(identifier)}.html"
        if identifier in self.finding_anchors:
            return f"{lang}/evidence.html#f-{self.finding_anchors.name(identifier)}"
        if identifier in self.concept_anchors:
            framework = self.framework_of(identifier)
            if framework is not None:
                page = self.page_names["frameworks"].name(framework.id)
                return f"{lang}/frameworks/{page}.html#{self.concept_anchors[identifier]}"
        if identifier in self.mapping_anchors:
            return None
        return None

    def ref(self, identifier: str, lang: str, from_page: str, *, with_framework: bool = False) -> str:
        """A link to the page of *identifier*, labelled with its title; when it has no page here (a
        record of a pack that is not loaded) a note saying so, the id in a ``data-id`` attribute.
        Made once for the pages at the same depth (a relative link depends on nothing else)."""
        key = (identifier, lang, from_page.count("/"), with_framework)
        found = self._refs.get(key)
        if found is None:
            found = self._refs[key] = self._ref(identifier, lang, from_page, with_framework=with_framework)
        return found

    def _ref(self, identifier: str, lang: str, from_page: str, *, with_framework: bool) -> str:
        target = self.path(identifier, lang)
        record: Record | Concept | None = self.by_id.get(identifier)
        if record is None and identifier in self.concepts:
            record = self.concepts[identifier][1]
        if record is None or target is None:
            return f'<span class="muted" data-id="{esc(identifier)}">{m("not_loaded", lang)}</span>'
        body = t(self.title(record, lang), lang)
        if with_framework and isinstance(record, Concept):
            framework = self.framework_of(identifier)
            if framework is not None:
                body += f' <span class="muted">({t(self.title(framework, lang), lang)})</span>'
        return link(relative(from_page, target), body)

    def frame(self, path: str, lang: str, section: str) -> Frame:
        """The frame of the page at *path*."""
        return Frame(
            path=path,
            lang=lang,
            languages=self.languages,
            section=section,
            packs=self.pack_credits,
            version=self.version,
            templates=self.templates,
        )

    def prepare(self) -> None:
        """Build now what pages otherwise build on first use (the related-resources index), so that
        processes forked afterwards share it instead of each building its own."""
        if self._related is None and self.resources:
            self._related = RelatedIndex(self.library)

    def related_positions(self, resources: Sequence[Resource]) -> list[list[int]]:
        """The related resources of each of *resources*, as positions in the index (small to send
        from one process to another)."""
        self.prepare()
        assert self._related is not None
        position = self._related.position
        return [[position[r.id] for r in self.related(resource)] for resource in resources]

    def remember_related(self, resource: Resource, positions: Sequence[int]) -> None:
        """Take *positions* (from :meth:`related_positions`, maybe in another process) as the related
        resources of *resource*."""
        self.prepare()
        assert self._related is not None
        self._related_cache[resource.id] = tuple(self._related.resources[p] for p in positions)

    def related(self, resource: Resource) -> tuple[Resource, ...]:
        """The resources related to *resource* (computed once for all languages)."""
        if resource.id not in self._related_cache:
            if self._related is None:
                self._related = RelatedIndex(self.library)
            self._related_cache[resource.id] = tuple(self._related.related(resource))
        return self._related_cache[resource.id]

    def shared(self, record: Record) -> dict[str, Any]:
        """A place for the pieces of HTML of *record*'s pages that do not depend on the language (its
        authors, its texts in every language ...), made for its first page and read by the others. A
        record's pages in every language follow each other, so only the last record's are kept: the
        memory a site takes does not grow with its records."""
        if self._shared_of[0] is not record:
            self._shared_of = (record, {})
        return self._shared_of[1]

    def form_name(self, assessment: Assessment, group: str, lang: str) -> str:
        """The file of the printable form of *assessment* for *group* in *lang*, from the site root."""
        base = self.page_names["instruments"].name(assessment.id)
        key = "\x00".join((assessment.id, group, lang))
        return f"forms/{self.form_names.name(key, f'{base}-{safe_name(group)}-{safe_name(lang)}')}.html"


class SaidOnce:
    """The labels of one record for a page or table of many (a quickscan's questions, an instrument's
    answers and bands): not marked one by one as machine translations; :meth:`mark` says it once (by a
    section's heading), when any was one. *quiet* false: each is marked as usual."""

    def __init__(self, ctx: SiteContext, lang: str, owner: str, *, quiet: bool = True) -> None:
        self.ctx, self.lang, self.owner, self.quiet = ctx, lang, owner, quiet
        self.machine = False

    def __call__(self, value: LocalizedText | None, fallback: str = "") -> Text:
        found = self.ctx.label(value, self.lang, self.owner, fallback)
        if not found.machine or not self.quiet:
            return found
        self.machine = True
        return attrs.evolve(found, machine=False)

    def mark(self) -> str:
        return f" {machine_mark(self.lang)}" if self.machine else ""
