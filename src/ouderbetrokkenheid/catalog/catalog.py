"""Finding things across all packs: filters, facet counts, ranked full-text search, related records.

>>> catalog = Catalog(library)                                          # doctest: +SKIP
>>> [hit.record.id for hit in catalog.search("thuis", lang="nl")][:3]  # doctest: +SKIP

How the search ranks is told in :mod:`ouderbetrokkenheid.catalog.index`. :meth:`Catalog.open` keeps
the index in the user's cache folder (:mod:`ouderbetrokkenheid.catalog.cache`) and reuses it while the
installed packs are unchanged, so a search from the command line does not load every pack again.
"""

import array
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ouderbetrokkenheid.catalog.analysis import fold
from ouderbetrokkenheid.catalog.cache import Cache, cache_folder, installed_key
from ouderbetrokkenheid.catalog.filters import FACETS, Filters, UnknownFilterError, facet_values, resolve
from ouderbetrokkenheid.catalog.index import LangIndex, Ranked, SparseRanked, rank, rank_sparse
from ouderbetrokkenheid.catalog.library import Library
from ouderbetrokkenheid.catalog.thesaurus import Group, groups
from ouderbetrokkenheid.model import Assessment, Finding, Framework, LocalizedText, Record, Resource

if TYPE_CHECKING:
    import numpy as np

    from ouderbetrokkenheid.catalog.index import Slot
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
    """What search needs of each record, as plain data and arrays (cached with the index)."""

    ids: list[str]
    types: list[str]
    kinds: list[str]
    packs: list[str]
    defaults: list[str]
    titles: list[dict[str, str]]
    #: Each document's place in id order (ties between equal scores go by id).
    id_rank: "array.array[int]"
    #: 1 for resources.
    resource: "array.array[int]"
    #: Facet -> value -> the documents that have it (sorted). Resources have every facet; other
    #: records only ``pack``.
    facet_docs: dict[str, dict[str, "array.array[int]"]]
    #: For the documents of a publication in several records (``same_as``): all of its documents,
    #: in id order. Other documents are their own publication.
    works: dict[int, tuple[int, ...]]
    #: The facet values of the documents in :attr:`works` (to count a publication once).
    work_values: dict[int, dict[str, set[str]]]
    problems: list["Problem"]

    def work(self, doc: int) -> tuple[int, ...]:
        """The documents of *doc*'s publication."""
        return self.works.get(doc, (doc,))


@attrs.frozen(kw_only=True)
class _Arrays:
    """Numpy views of a :class:`_Docs`' arrays (made when a query needs numpy; never stored)."""

    id_rank: "np.ndarray"
    resource: "np.ndarray"
    facet_docs: dict[str, dict[str, "np.ndarray"]]


def _arrays(docs: _Docs) -> _Arrays:
    import numpy as np

    return _Arrays(
        id_rank=np.frombuffer(docs.id_rank, dtype=np.int64),
        resource=np.frombuffer(docs.resource, dtype=np.int8).astype(bool),
        facet_docs={
            name: {code: np.frombuffer(found, dtype=np.int64) for code, found in by_code.items()}
            for name, by_code in docs.facet_docs.items()
        },
    )


#: A query that reads at most this many postings is ranked without numpy (:func:`rank_sparse`: about
#: 1 µs a posting, against a fixed ~1 ms with numpy); up to :data:`SPARSE_WITHOUT_NUMPY` when numpy is
#: not imported yet (importing it costs ~0.1 s, more than ranking that many in plain Python).
SPARSE = 2_000
SPARSE_WITHOUT_NUMPY = 100_000


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


def _values(
    library: Library, records: Sequence[Record]
) -> tuple[list[dict[str, set[str]]], list[dict[str, set[str]]]]:
    """Per record: its facet values, and the facet values the index knows as words (other records'
    themes too)."""
    closure = _closure(library)
    values = []
    index_values = []
    for record in records:
        pack = library.pack_of(record.id).name
        if isinstance(record, Resource):
            found = facet_values(record, pack, closure)
            values.append(found)
            index_values.append(found)
        else:
            values.append({"pack": {pack}})
            index_values.append({"pack": {pack}, "theme": set(getattr(record, "themes", ()))})
    return values, index_values


def _docs(library: Library, known: tuple[list[Record], list[dict[str, set[str]]]] | None = None) -> _Docs:
    """The documents table; *known*: the records and their facet values when already found."""
    import numpy as np

    if known is None:
        records = _records(library)
        values, _ = _values(library, records)
    else:
        records, values = known
    packs = [library.pack_of(r.id) for r in records]
    collected: dict[str, dict[str, list[int]]] = {name: defaultdict(list) for name in FACETS}
    for doc, found in enumerate(values):
        for name, codes in found.items():
            for code in codes:
                collected[name][code].append(doc)
    ids = [r.id for r in records]
    id_rank = np.empty(len(ids), dtype=np.int64)
    id_rank[np.argsort(np.asarray(ids, dtype=object), kind="stable")] = np.arange(len(ids))
    works = {d: work for d, work in enumerate(_works(records)) if len(work) > 1}
    return _Docs(
        ids=ids,
        types=[_TYPES[type(r)] for r in records],
        kinds=[r.kind if isinstance(r, Resource) else _TYPES[type(r)] for r in records],
        packs=[p.name for p in packs],
        defaults=[p.manifest.default_language for p in packs],
        titles=[_title(r).to_dict() for r in records],
        id_rank=array.array("q", id_rank.tolist()),
        resource=array.array("b", [isinstance(r, Resource) for r in records]),
        facet_docs={
            name: {code: array.array("q", found) for code, found in by_code.items()}
            for name, by_code in collected.items()
        },
        works=works,
        work_values={d: values[d] for d in works},
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
        self._arrays: _Arrays | None = None

    @classmethod
    def open(
        cls, paths: Iterable[str | PathLike[str]] = (), *, plugins: bool = True, cache: bool = True
    ) -> "Catalog":
        """The catalog of every installed pack (and the pack folders in *paths*), with its search
        index kept in the user's cache folder while the packs are unchanged (*cache*)."""
        given = [Path(p) for p in paths]
        catalog = cls(None)
        folder = cache_folder() if cache else None
        if folder is not None:
            key = installed_key(given, plugins=plugins)
            if key is not None:
                catalog._cache, catalog._key = Cache(folder), key

        def load() -> Library:
            # the packs stored under the same key, else loaded (and stored)
            return Library._cached(given, plugins, catalog._cache, catalog._key)

        catalog._load = load
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

    def _documents(self, known: tuple[list[Record], list[dict[str, set[str]]]] | None = None) -> _Docs:
        """The documents table (*known*: see :func:`_docs`)."""
        if self._docs is None:
            cached = self._cache.get(self._key, "docs") if self._cache and self._key else None
            if isinstance(cached, _Docs):
                self._docs = cached
            else:
                self._docs = _docs(self.library, known)
                if self._cache and self._key:
                    self._cache.put(self._key, "docs", self._docs)
        return self._docs

    def _numpy(self) -> _Arrays:
        if self._arrays is None:
            self._arrays = _arrays(self._documents())
        return self._arrays

    def works(self) -> list[tuple[int, ...]]:
        """Per document of the index: the documents of the same publication (``same_as``), itself
        included, in id order."""
        docs = self._documents()
        return [docs.work(d) for d in range(len(docs.ids))]

    def index(self, lang: str | None = None) -> LangIndex:
        """The index for the labels in *lang* (``None``: each pack's default language)."""
        return self.indexes([lang])[0]

    def indexes(self, langs: Iterable[str | None]) -> list[LangIndex]:
        """The indexes for each of *langs* (see :meth:`index`), built together: what they share (each
        record's facet values, the thesaurus's synonym groups) is found once, not per language."""
        langs = list(langs)
        shared: tuple[list[Record], list[str], list[dict[str, set[str]]], list[Group]] | None = None
        for lang in dict.fromkeys(langs):
            if lang in self._indexes:
                continue
            name = f"index-{lang or 'default'}"
            cached = self._cache.get(self._key, name) if self._cache and self._key else None
            if isinstance(cached, LangIndex):
                self._indexes[lang] = cached
                continue
            if shared is None:
                library = self.library
                records = _records(library)
                values, index_values = _values(library, records)
                docs = self._documents((records, values))  # the documents from the same values
                shared = (records, docs.defaults, index_values, list(groups(library)))
            built = LangIndex(*shared, lang)
            self._indexes[lang] = built
            if self._cache and self._key:
                self._cache.put(self._key, name, built)
        return [self._indexes[lang] for lang in langs]

    # -- filters and facets -----------------------------------------------------------------------
    def _facet_index(self) -> dict[str, dict[str, set[int]]]:
        if self._by_value is None:
            self._by_value = {
                name: {code: set(found.tolist()) for code, found in by_code.items()}
                for name, by_code in self._documents().facet_docs.items()
            }
        return self._by_value

    def resolve(self, filters: Filters) -> Filters:
        """*filters* with every value as a code: labels in any language become codes (``boek`` ->
        ``book``). Raise :class:`UnknownFilterError` (with close values) for a value no record has
        and no label names."""
        if not filters:
            return filters
        known = self._documents().facet_docs
        changes = {
            name: tuple(dict.fromkeys(resolve(name, value, known[name]) for value in getattr(filters, name)))
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
            r
            for d in chosen
            if docs.types[d] == "resource" and isinstance(r := self.library.get(docs.ids[d]), Resource)
        ]

    def facets(self, resources: Iterable[Resource] | None = None) -> dict[str, dict[str, int]]:
        """Counts per facet value over *resources* (default: all resources), most frequent first."""
        import numpy as np

        docs = self._documents()
        if self._position is None:
            self._position = {identifier: i for i, identifier in enumerate(docs.ids)}
        if resources is None:
            mask = self._numpy().resource.copy()
        else:
            mask = np.zeros(len(docs.ids), dtype=bool)
            mask[[self._position[r.id] for r in resources]] = True
        return _count(
            docs, self._numpy().facet_docs, lambda found: int(mask[found].sum()), mask.__getitem__, ()
        )

    # -- search ---------------------------------------------------------------------------------
    def find(
        self,
        query: str,
        *,
        lang: str | None = None,
        limit: int | None = 20,
        filters: Filters | None = None,
        facets: bool = True,
        **values: str | Iterable[str] | bool | None,
    ) -> Results:
        """Results for *query* typed in *lang*, best first, one per publication, with the words that
        matched nothing and (unless *facets* is false) facet counts over every result. An empty query
        lists the filtered resources. Needs no loaded records when the index is cached (see
        :meth:`open`)."""
        filters = self.resolve(filters or Filters.of(**values))
        allowed = self._allowed(filters)
        docs = self._documents()
        index = self.index(lang)
        slots = index.plan(query, lang)
        if not slots:
            return self._find_sparse(docs, index, slots, allowed, limit, facets)
        touched = index.touched(slots)
        if touched <= SPARSE or ("numpy" not in sys.modules and touched <= SPARSE_WITHOUT_NUMPY):
            return self._find_sparse(docs, index, slots, allowed, limit, facets)
        import numpy as np

        arrays = self._numpy()
        size = len(docs.ids)
        mask = None
        if allowed is not None:
            mask = np.zeros(size, dtype=bool)
            mask[list(allowed)] = True
        ranked = rank(index, slots, mask)
        order, scores = ranked.docs, ranked.scores
        spare = sum(len(work) - 1 for work in set(docs.works.values()))
        if limit is not None and len(order) > limit + spare:
            # only the best need sorting: every document scoring at least the (limit + spare)-th
            # best score (ties included, so the order among them is exact)
            threshold = -np.partition(-scores, limit + spare - 1)[limit + spare - 1]
            keep = scores >= threshold
            candidates, candidate_scores = order[keep], scores[keep]
        else:
            candidates, candidate_scores = order, scores
        sort = np.lexsort((arrays.id_rank[candidates], -candidate_scores))
        in_result = np.zeros(size, dtype=bool)
        in_result[order] = True
        duplicates = 0
        seen_works: set[tuple[int, ...]] = set()
        for work in docs.works.values():
            if work not in seen_works:
                seen_works.add(work)
                duplicates += max(0, int(in_result[list(work)].sum()) - 1)
        shown: list[tuple[int, float]] = []
        seen: set[tuple[int, ...]] = set()
        for position in sort.tolist():
            if limit is not None and len(shown) >= limit:
                break
            d, score = int(candidates[position]), float(candidate_scores[position])
            work = docs.work(d)
            if work in seen:
                continue
            seen.add(work)
            shown.append((d, score))
        counted: dict[str, dict[str, int]] = {}
        if facets:
            counted_mask = in_result & arrays.resource
            works = [w for w in set(docs.works.values()) if counted_mask[list(w)].any()]
            counted = _count(
                docs,
                arrays.facet_docs,
                lambda found: int(counted_mask[found].sum()),
                counted_mask.__getitem__,
                works,
            )
        return _results(docs, shown, ranked, len(order) - duplicates, counted)

    def _find_sparse(
        self,
        docs: _Docs,
        index: LangIndex,
        slots: Sequence["Slot"],
        allowed: set[int] | None,
        limit: int | None,
        facets: bool,
    ) -> Results:
        """:meth:`find` without numpy (:func:`~ouderbetrokkenheid.catalog.index.rank_sparse`): the same
        results, for queries that read few postings and for lists without words."""
        ranked: SparseRanked | None = None
        if not slots:  # no words: the resources that pass the filters, in document order
            order = [d for d, kind in enumerate(docs.resource) if kind and (allowed is None or d in allowed)]
            scores = [0.0] * len(order)
            ordered: Iterable[int] = range(len(order))
        else:
            ranked = rank_sparse(index, slots, allowed)
            order, scores = ranked.docs, ranked.scores
            ordered = sorted(range(len(order)), key=lambda p: (-scores[p], docs.id_rank[order[p]]))
        in_result = set(order)
        duplicates = 0
        seen_works: set[tuple[int, ...]] = set()
        for work in docs.works.values():
            if work not in seen_works:
                seen_works.add(work)
                duplicates += max(0, sum(1 for d in work if d in in_result) - 1)
        shown: list[tuple[int, float]] = []
        seen: set[tuple[int, ...]] = set()
        for position in ordered:
            if limit is not None and len(shown) >= limit:
                break
            d = order[position]
            work = docs.work(d)
            if work in seen:
                continue
            seen.add(work)
            shown.append((d, scores[position]))
        counted: dict[str, dict[str, int]] = {}
        if facets:
            members = {d for d in in_result if docs.resource[d]}
            works = [w for w in set(docs.works.values()) if any(d in members for d in w)]
            counted = _count(
                docs,
                docs.facet_docs,
                lambda found: sum(1 for d in found if d in members),
                members.__contains__,
                works,
            )
        return _results(docs, shown, ranked, len(order) - duplicates, counted)

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
        # equal sums tie whatever the order of their additions (3 x 0.8 + 1 and 1 + 3 x 0.8): by id
        scores.sort(key=lambda item: (-round(item[0], 9), item[1]))
        return [Hit(record=r, score=round(s, 4)) for s, _, r in scores[:limit]]


def _results(
    docs: _Docs,
    shown: list[tuple[int, float]],
    ranked: "Ranked | SparseRanked | None",
    total: int,
    counted: dict[str, dict[str, int]],
) -> Results:
    return Results(
        hits=tuple(
            Found(
                id=docs.ids[d],
                type=docs.types[d],
                kind=docs.kinds[d],
                pack=docs.packs[d],
                title=LocalizedText(docs.titles[d]),
                default_language=docs.defaults[d],
                score=float(score),
                matched=ranked.matched(d) if ranked is not None else (),
                same_as=tuple((docs.ids[o], docs.packs[o]) for o in docs.work(d) if o != d),
            )
            for d, score in shown
        ),
        total=total,
        unmatched=ranked.unmatched if ranked is not None else (),
        facets=counted,
    )


def _count(
    docs: _Docs,
    facet_docs: Mapping[str, Mapping[str, Any]],
    count_in: Callable[[Any], int],
    has: Callable[[int], Any],
    works: Iterable[tuple[int, ...]],
) -> dict[str, dict[str, int]]:
    """Facet counts over the documents counted: ``count_in(found)`` tells how many of *found* are,
    ``has(doc)`` whether *doc* is. Each publication in *works* (several documents) counts once per
    value, for every pack it is in."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for name, by_code in facet_docs.items():
        for code, found in by_code.items():
            n = count_in(found)
            if n:
                counts[name][code] = n
    for work in works:
        merged: dict[str, Counter[str]] = defaultdict(Counter)
        members = [d for d in work if has(d)] or list(work[:1])
        for d in work:
            for name, codes in docs.work_values.get(d, {}).items():
                merged[name].update(codes)
        for name, by_code in merged.items():
            for code, n in by_code.items():
                present = sum(1 for d in members if code in docs.work_values.get(d, {}).get(name, ()))
                # the work counts once: drop the extra members that have the value, add it when
                # only a member outside the results has it
                counts[name][code] += (1 if n else 0) - present
    return {
        name: dict(sorted(((k, v) for k, v in c.items() if v > 0), key=lambda kv: (-kv[1], kv[0])))
        for name, c in counts.items()
    }


def normalise_query(query: str) -> str:
    """The query as the index sees it (folded); for display."""
    return fold(query)
