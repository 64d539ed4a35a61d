"""Finding things across all packs: filters, facet counts, ranked full-text search, related records.

>>> catalog = Catalog(library)                                          # doctest: +SKIP
>>> [hit.record.id for hit in catalog.search("thuis", lang="nl")][:3]  # doctest: +SKIP

How the search ranks is told in :mod:`ouderbetrokkenheid.catalog.index`. :meth:`Catalog.open` keeps
the index in the user's cache folder (:mod:`ouderbetrokkenheid.catalog.cache`) and reuses it while the
installed packs are unchanged, so a search from the command line does not load every pack again.
"""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from ouderbetrokkenheid.catalog.analysis import fold
from ouderbetrokkenheid.catalog.cache import Cache, cache_folder, packs_key
from ouderbetrokkenheid.catalog.filters import FACETS, Filters, UnknownFilterError, facet_values, resolve
from ouderbetrokkenheid.catalog.index import LangIndex, Ranked, rank
from ouderbetrokkenheid.catalog.library import Library
from ouderbetrokkenheid.catalog.thesaurus import groups
from ouderbetrokkenheid.model import Assessment, Finding, Framework, LocalizedText, Record, Resource

if TYPE_CHECKING:
    from ouderbetrokkenheid.errors import Problem

__all__ = ["FACETS", "Catalog", "Filters", "Found", "Hit", "Results", "UnknownFilterError"]

_TYPES = {Resource: "resource", Framework: "framework", Finding: "finding", Assessment: "assessment"}


@attrs.frozen(kw_only=True)
class Hit:
    """One search result: the record, its score, the query words it matched, and the records of the
    same publication in other packs (``same_as``), shown as one result."""

    record: Record
    score: float
    matched: tuple[str, ...] = ()
    same_as: tuple[Record, ...] = ()


@attrs.frozen(kw_only=True)
class Found:
    """One result of :meth:`Catalog.find`, told without loading the record."""

    id: str
    #: ``resource``, ``framework``, ``finding`` or ``assessment``.
    type: str
    #: The resource kind (``book`` …), or the type for other records.
    kind: str
    pack: str
    title: LocalizedText
    #: The language of the pack, for the title's fallback.
    default_language: str
    score: float
    matched: tuple[str, ...] = ()
    #: ``(id, pack)`` of the records of the same publication in other packs.
    same_as: tuple[tuple[str, str], ...] = ()

    def title_in(self, lang: str | None) -> str:
        """The title in *lang* (with the usual fallback)."""
        return self.title.get_text(lang, self.default_language)


@attrs.frozen(kw_only=True)
class Results:
    """What :meth:`Catalog.find` returns."""

    #: The best results, at most the limit asked.
    hits: tuple[Found, ...]
    #: How many results there are in all (one per publication).
    total: int
    #: The query's words that matched no record at all (said, never silently dropped).
    unmatched: tuple[str, ...] = ()
    #: Counts per facet value over every result (not only the ones shown).
    facets: dict[str, dict[str, int]] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class _Docs:
    """What search needs of each record, as plain data (cached with the index)."""

    ids: list[str]
    types: list[str]
    kinds: list[str]
    packs: list[str]
    defaults: list[str]
    titles: list[dict[str, str]]
    #: Facet values (every facet for resources; the pack for other records).
    values: list[dict[str, set[str]]]
    #: Facet values the index knows as words (other records' themes too).
    index_values: list[dict[str, set[str]]]
    #: Per document, the documents of the same publication (itself included), in id order.
    works: list[tuple[int, ...]]
    problems: list["Problem"]


def _closure(library: Library) -> dict[str, set[str]]:
    """Each concept with its broader concepts, so filtering on a cluster finds its factors' resources."""
    parents = {c.id: c.broader for f in library.frameworks() for c in f.concepts}
    closure = {}
    for concept in parents:
        chain, current = {concept}, parents.get(concept)
        while current is not None and current not in chain:
            chain.add(current)
            current = parents.get(current)
        closure[concept] = chain
    return closure


def _records(library: Library) -> list[Record]:
    return [r for r in library if isinstance(r, Resource | Framework | Finding | Assessment)]


def _title(record: Record) -> LocalizedText:
    return record.claim if isinstance(record, Finding) else record.title  # type: ignore[union-attr]


def _works(records: Sequence[Record]) -> list[tuple[int, ...]]:
    """Groups of records linked by ``same_as`` (either way, transitively)."""
    position = {record.id: i for i, record in enumerate(records)}
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, record in enumerate(records):
        for other in getattr(record, "same_as", ()):
            j = position.get(other)
            if j is not None:
                parent[find(i)] = find(j)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        members[find(i)].append(i)
    out: list[tuple[int, ...]] = [()] * len(records)
    for group in members.values():
        ordered = tuple(sorted(group, key=lambda d: records[d].id))
        for d in group:
            out[d] = ordered
    return out


def _docs(library: Library) -> _Docs:
    records = _records(library)
    closure = _closure(library)
    packs = [library.pack_of(r.id) for r in records]
    values = []
    index_values = []
    for record, pack in zip(records, packs, strict=True):
        if isinstance(record, Resource):
            found = facet_values(record, pack.name, closure)
            values.append(found)
            index_values.append(found)
        else:
            values.append({"pack": {pack.name}})
            index_values.append({"pack": {pack.name}, "theme": set(getattr(record, "themes", ()))})
    return _Docs(
        ids=[r.id for r in records],
        types=[_TYPES[type(r)] for r in records],
        kinds=[r.kind if isinstance(r, Resource) else _TYPES[type(r)] for r in records],
        packs=[p.name for p in packs],
        defaults=[p.manifest.default_language for p in packs],
        titles=[_title(r).to_dict() for r in records],
        values=values,
        index_values=index_values,
        works=_works(records),
        problems=list(library.report.problems),
    )


class Catalog:
    """Search, filters, facets and related records over a :class:`~ouderbetrokkenheid.Library`.

    Indexes are built on first use, one per language asked, and kept (by :meth:`open`, also on disk).
    """

    def __init__(self, library: Library | None) -> None:
        self._library: Library | None = library
        self._load: Callable[[], Library] | None = None
        self._docs: _Docs | None = None
        self._indexes: dict[str | None, LangIndex] = {}
        self._cache: Cache | None = None
        self._key: str | None = None
        self._by_value: dict[str, dict[str, set[int]]] | None = None
        self._position: dict[str, int] | None = None

    @classmethod
    def open(
        cls, paths: Iterable[str | PathLike[str]] = (), *, plugins: bool = True, cache: bool = True
    ) -> "Catalog":
        """The catalog of every installed pack (and the pack folders in *paths*), with its search
        index kept in the user's cache folder while the packs are unchanged (*cache*)."""
        given = [Path(p) for p in paths]

        def load() -> Library:
            return Library.discover(given, plugins=plugins)

        catalog = cls(None)
        catalog._load = load
        folder = cache_folder() if cache else None
        if folder is not None:
            key = _installed_key(given, plugins=plugins)
            if key is not None:
                catalog._cache, catalog._key = Cache(folder), key
        return catalog

    @property
    def library(self) -> Library:
        """The library (loaded on first use when the catalog came from :meth:`open`)."""
        if self._library is None:
            if self._load is None:
                raise ValueError("a Catalog needs a Library (or use Catalog.open())")
            self._library = self._load()
        return self._library

    @property
    def problems(self) -> list["Problem"]:
        """The problems found when the packs were loaded (kept with a cached index)."""
        return self._documents().problems

    def _documents(self) -> _Docs:
        if self._docs is None:
            cached = self._cache.get(self._key, "docs") if self._cache and self._key else None
            if isinstance(cached, _Docs):
                self._docs = cached
            else:
                self._docs = _docs(self.library)
                if self._cache and self._key:
                    self._cache.put(self._key, "docs", self._docs)
        return self._docs

    def works(self) -> list[tuple[int, ...]]:
        """Per document of the index: the documents of the same publication (``same_as``), itself
        included, in id order."""
        return self._documents().works

    def index(self, lang: str | None = None) -> LangIndex:
        """The index for the labels in *lang* (``None``: each pack's default language)."""
        if lang not in self._indexes:
            name = f"index-{lang or 'default'}"
            cached = self._cache.get(self._key, name) if self._cache and self._key else None
            if isinstance(cached, LangIndex):
                self._indexes[lang] = cached
            else:
                docs = self._documents()
                library = self.library
                records = _records(library)
                built = LangIndex(records, docs.defaults, docs.index_values, groups(library), lang)
                self._indexes[lang] = built
                if self._cache and self._key:
                    self._cache.put(self._key, name, built)
        return self._indexes[lang]

    # -- filters and facets -----------------------------------------------------------------------
    def _facet_index(self) -> dict[str, dict[str, set[int]]]:
        if self._by_value is None:
            by_value: dict[str, dict[str, set[int]]] = {name: defaultdict(set) for name in FACETS}
            for doc, values in enumerate(self._documents().values):
                for name, found in values.items():
                    for value in found:
                        by_value[name][value].add(doc)
            self._by_value = by_value
        return self._by_value

    def resolve(self, filters: Filters) -> Filters:
        """*filters* with every value as a code: labels in any language become codes (``boek`` ->
        ``book``). Raise :class:`UnknownFilterError` (with close values) for a value no record has
        and no label names."""
        if not filters:
            return filters
        index = self._facet_index()
        changes = {
            name: tuple(dict.fromkeys(resolve(name, value, index[name]) for value in getattr(filters, name)))
            for name in FACETS
            if getattr(filters, name)
        }
        return attrs.evolve(filters, **changes)

    def _allowed(self, filters: Filters) -> set[int] | None:
        """The documents that pass *filters* (``None``: no filter, all pass)."""
        if not filters:
            return None
        index = self._facet_index()
        allowed: set[int] | None = None
        for name in FACETS:
            wanted = getattr(filters, name)
            if not wanted:
                continue
            docs = set().union(*(index[name].get(value, set()) for value in wanted))
            allowed = docs if allowed is None else allowed & docs
        if filters.free is not None:
            free = index["access"].get("free", set())
            resources = {d for d, t in enumerate(self._documents().types) if t == "resource"}
            docs = free if filters.free else resources - free
            allowed = docs if allowed is None else allowed & docs
        return allowed if allowed is not None else set(range(len(self._documents().ids)))

    def filter(
        self, filters: Filters | None = None, **values: str | Iterable[str] | bool | None
    ) -> list[Resource]:
        """The resources that match every filter (within a filter, any of its values)."""
        filters = self.resolve(filters or Filters.of(**values))
        allowed = self._allowed(filters)
        docs = self._documents()
        chosen = range(len(docs.ids)) if allowed is None else sorted(allowed)
        return [
            r for d in chosen if docs.types[d] == "resource" and isinstance(r := self.library.get(docs.ids[d]), Resource)
        ]

    def facets(self, resources: Iterable[Resource] | None = None) -> dict[str, dict[str, int]]:
        """Counts per facet value over *resources* (default: all resources), most frequent first."""
        docs = self._documents()
        if self._position is None:
            self._position = {identifier: i for i, identifier in enumerate(docs.ids)}
        chosen = (
            [self._position[r.id] for r in resources]
            if resources is not None
            else [d for d, t in enumerate(docs.types) if t == "resource"]
        )
        return _count(docs, [(d,) for d in chosen])

    # -- search ---------------------------------------------------------------------------------
    def find(
        self,
        query: str,
        *,
        lang: str | None = None,
        limit: int | None = 20,
        filters: Filters | None = None,
        **values: str | Iterable[str] | bool | None,
    ) -> Results:
        """Results for *query* typed in *lang*, best first, one per publication, with the words that
        matched nothing and facet counts over every result. An empty query lists the filtered
        resources. Needs no loaded records when the index is cached (see :meth:`open`)."""
        filters = self.resolve(filters or Filters.of(**values))
        allowed = self._allowed(filters)
        docs = self._documents()
        index = self.index(lang)
        slots = index.plan(query, lang)
        if not slots:
            chosen = range(len(docs.ids)) if allowed is None else sorted(allowed)
            listed = [d for d in chosen if docs.types[d] == "resource"]
            ranked = Ranked(docs=listed, scores=dict.fromkeys(listed, 0.0), matched={}, unmatched=(), slots=())
        else:
            import numpy as np

            mask = None
            if allowed is not None:
                mask = np.zeros(index.size, dtype=np.uint8)
                mask[list(allowed)] = 1
            ranked = rank(index, slots, mask)
        order = ranked.docs if not slots else sorted(ranked.docs, key=lambda d: (-ranked.scores[d], docs.ids[d]))
        heads: list[int] = []
        seen: set[tuple[int, ...]] = set()
        for d in order:
            work = docs.works[d]
            if work not in seen:
                seen.add(work)
                heads.append(d)
        shown = heads if limit is None else heads[:limit]
        return Results(
            hits=tuple(
                Found(
                    id=docs.ids[d],
                    type=docs.types[d],
                    kind=docs.kinds[d],
                    pack=docs.packs[d],
                    title=LocalizedText(docs.titles[d]),
                    default_language=docs.defaults[d],
                    score=ranked.scores[d],
                    matched=ranked.matched.get(d, ()),
                    same_as=tuple((docs.ids[o], docs.packs[o]) for o in docs.works[d] if o != d),
                )
                for d in shown
            ),
            total=len(heads),
            unmatched=ranked.unmatched,
            facets=_count(docs, [docs.works[d] for d in heads if docs.types[d] == "resource"]),
        )

    def search(
        self,
        query: str,
        *,
        lang: str | None = None,
        limit: int | None = 20,
        filters: Filters | None = None,
        **values: str | Iterable[str] | bool | None,
    ) -> list[Hit]:
        """Records matching *query* in the labels of *lang*, best first (see :meth:`find`), with the
        records themselves."""
        results = self.find(query, lang=lang, limit=limit, filters=filters, **values)
        library = self.library
        return [
            Hit(
                record=library.get(found.id),
                score=found.score,
                matched=found.matched,
                same_as=tuple(library.get(other) for other, _ in found.same_as),
            )
            for found in results.hits
        ]

    # -- related --------------------------------------------------------------------------------
    def related(self, identifier: str, *, limit: int = 10) -> list[Hit]:
        """Resources related to *identifier* through explicit links, shared concepts (also across
        crosswalks), shared themes and parts of the same whole, best first."""
        record = self.library.get(identifier)
        concepts = set(getattr(record, "concepts", ()))
        if isinstance(record, Framework):
            concepts |= {c.id for c in record.concepts}
        mapped: dict[str, float] = {}
        strength = {"exact": 1.0, "close": 0.8, "broad": 0.5, "narrow": 0.5, "related": 0.3}
        for mapping in self.library.mappings():
            for here, there in ((mapping.subject, mapping.object), (mapping.object, mapping.subject)):
                if here in concepts:
                    mapped[there] = max(
                        mapped.get(there, 0.0), strength[mapping.predicate] * mapping.confidence
                    )
        themes = set(getattr(record, "themes", ()))
        explicit = set(getattr(record, "related", ()))
        part_of = getattr(record, "part_of", None)
        scores: list[tuple[float, str, Resource]] = []
        for candidate in self.library.resources():
            if candidate.id == identifier:
                continue
            score = 0.0
            if candidate.id in explicit or identifier in candidate.related:
                score += 5.0
            if part_of is not None and part_of in (candidate.id, candidate.part_of):
                score += 2.0
            if candidate.part_of == identifier:
                score += 2.0
            for concept in candidate.concepts:
                if concept in concepts:
                    score += 3.0
                elif concept in mapped:
                    score += 3.0 * mapped[concept]
            score += 1.0 * len(themes & set(candidate.themes))
            if score > 0:
                scores.append((score, candidate.id, candidate))
        scores.sort(key=lambda item: (-item[0], item[1]))
        return [Hit(record=r, score=round(s, 4)) for s, _, r in scores[:limit]]


def _count(docs: _Docs, works: Iterable[Sequence[int]]) -> dict[str, dict[str, int]]:
    """Facet counts, one per work (a publication in two packs counts once, for both packs)."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for work in works:
        merged: dict[str, set[str]] = defaultdict(set)
        for d in work:
            for name, found in docs.values[d].items():
                merged[name] |= found
        for name, found in merged.items():
            counts[name].update(found)
    return {name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for name, c in counts.items()}


def _installed_key(given: Sequence[Path], *, plugins: bool) -> str | None:
    """The cache key of the installed packs plus the folders *given*; ``None`` when a plugin hands
    over a pack object (which has no files to watch)."""
    sources: list[tuple[str, str, Path | None]] = []
    if plugins:
        from ouderbetrokkenheid.plugins import get_plugin_manager

        host = get_plugin_manager()
        for info, item in host.pack_sources():
            if not isinstance(item, str | PathLike):
                return None
            sources.append((f"{info.name}:{info.distribution}", str(info.version), Path(item).resolve()))
        if host.problems:
            return None  # a failing plugin: load and report every time
    sources.extend(("", "", path.resolve()) for path in given)
    return packs_key(sources)


def normalise_query(query: str) -> str:
    """The query as the index sees it (folded); for display."""
    return fold(query)

