"""Finding things across all packs: filters, facet counts, ranked full-text search, related records.

>>> catalog = Catalog(library)                                          # doctest: +SKIP
>>> [hit.record.id for hit in catalog.search("thuis", lang="nl")][:3]  # doctest: +SKIP
"""

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from ouderbetrokkenheid.catalog.library import Library
from ouderbetrokkenheid.catalog.text import fold, terms
from ouderbetrokkenheid.model import Assessment, Finding, Framework, LocalizedText, Record, Resource

if TYPE_CHECKING:
    import numpy as np

#: The facets :meth:`Catalog.facets` counts, in display order.
FACETS = ("kind", "theme", "audience", "level", "language", "publisher", "access", "pack", "concept")

# Field weights for ranking: a match in a title counts more than one in a summary.
_WEIGHTS = {"title": 3.0, "labels": 2.0, "people": 1.5, "summary": 1.0, "other": 0.7}
_PREFIX_FACTOR = 0.6  # "thuis" in "thuisbetrokkenheid" counts a bit less than a whole word
_MIN_PREFIX = 3
_K1 = 1.2


@attrs.frozen(kw_only=True)
class Hit:
    """One search result: the record, its score, and the query terms it matched."""

    record: Record
    score: float
    matched: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Filters:
    """What :meth:`Catalog.filter` can select on. Each field takes one value or several (any of)."""

    kind: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    level: tuple[str, ...] = ()
    language: tuple[str, ...] = ()
    publisher: tuple[str, ...] = ()
    access: tuple[str, ...] = ()
    pack: tuple[str, ...] = ()
    concept: tuple[str, ...] = ()
    #: ``True``: free to have (a ``free`` resource, or one with a download/online/lend link).
    free: bool | None = None

    @classmethod
    def of(cls, **values: str | Iterable[str] | bool | None) -> "Filters":
        """Build filters from keyword arguments, accepting single values: ``Filters.of(theme="reading")``."""
        fields = {}
        for name, value in values.items():
            if value is None:
                continue
            if name == "free":
                fields[name] = value
            else:
                fields[name] = (value,) if isinstance(value, str) else tuple(value)  # type: ignore[arg-type]
        return cls(**fields)  # type: ignore[arg-type]

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) not in ((), None) for f in attrs.fields(Filters))


_FREE_ACCESS = {"online", "download", "lend"}


def _facet_values(resource: Resource, pack: str, concept_closure: dict[str, set[str]]) -> dict[str, set[str]]:
    concepts: set[str] = set()
    for concept in resource.concepts:
        concepts |= concept_closure.get(concept, {concept})
    return {
        "kind": {resource.kind},
        "theme": set(resource.themes),
        "audience": set(resource.audiences),
        "level": set(resource.levels),
        "language": set(resource.languages),
        "publisher": {agent.name for agent in resource.publisher},
        "access": {link.access for link in resource.links} | ({"free"} if resource.free else set()),
        "pack": {pack},
        "concept": concepts,
    }


class _Index:
    """An inverted index over the records, for the labels of one language.

    Postings are numpy arrays with the BM25 term-frequency part already computed, so a query costs a
    few vector operations per matching index term, whatever the size of the catalog.
    """

    def __init__(self, records: Sequence[Record], lang: str | None, defaults: Sequence[str]) -> None:
        import numpy as np

        collected: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        lengths = []
        for doc, (record, default) in enumerate(zip(records, defaults, strict=True)):
            counts: dict[str, float] = defaultdict(float)
            length = 0
            for field, text in _fields(record, lang, default):
                weight = _WEIGHTS[field]
                for term in terms(text):
                    counts[term] += weight
                    length += 1
            for term, weight in counts.items():
                docs, weights = collected[term]
                docs.append(doc)
                weights.append(weight)
            lengths.append(max(length, 1))
        self.size = len(records)
        length_array = np.asarray(lengths, dtype=np.float64)
        average = float(length_array.mean()) if self.size else 1.0
        self.postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for term, (docs, weights) in collected.items():
            doc_array = np.asarray(docs, dtype=np.int64)
            weight_array = np.asarray(weights, dtype=np.float64)
            norm = (
                weight_array
                * (_K1 + 1)
                / (weight_array + _K1 * (0.25 + 0.75 * length_array[doc_array] / average))
            )
            idf = math.log(1 + (self.size - len(docs) + 0.5) / (len(docs) + 0.5))
            self.postings[term] = (doc_array, norm * idf)
        self.vocabulary = sorted(self.postings)

    def expand(self, term: str) -> list[tuple[str, float]]:
        """The index terms a query term matches: itself, and the words it starts (compounds)."""
        found = [(term, 1.0)] if term in self.postings else []
        if len(term) >= _MIN_PREFIX:
            start = bisect.bisect_left(self.vocabulary, term)
            for candidate in self.vocabulary[start:]:
                if not candidate.startswith(term):
                    break
                if candidate != term:
                    found.append((candidate, _PREFIX_FACTOR))
        return found

    def matched_terms(self, doc: int, query: Sequence[str]) -> list[str]:
        """The query terms that match document *doc* (for display)."""
        import numpy as np

        found = []
        for term in query:
            for index_term, _ in self.expand(term):
                docs = self.postings[index_term][0]
                position = int(np.searchsorted(docs, doc))
                if position < len(docs) and docs[position] == doc:
                    found.append(term)
                    break
        return found

    def score(self, query: Sequence[str], allowed: "np.ndarray | None") -> tuple["np.ndarray", "np.ndarray"]:
        """Per document: the summed scores and the number of query terms matched (0: no match)."""
        import numpy as np

        scores = np.zeros(self.size)
        matched = np.zeros(self.size, dtype=np.int64)
        for term in query:
            best = np.zeros(self.size)
            for index_term, factor in self.expand(term):
                docs, values = self.postings[index_term]
                best[docs] = np.maximum(best[docs], values * factor)
            if allowed is not None:
                best *= allowed
            scores += best
            matched += best > 0
        return scores, matched


def _text(value: LocalizedText | None, lang: str | None, default: str) -> str:
    return "" if value is None else value.get_text(lang, default)


def _fields(record: Record, lang: str | None, default: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if isinstance(record, Resource):
        out += [
            ("title", _text(record.title, lang, default)),
            ("title", _text(record.subtitle, lang, default)),
        ]
        out += [("summary", _text(record.summary, lang, default))]
        out += [("people", agent.name) for agent in (*record.authors, *record.publisher)]
        out += [("other", " ".join(record.themes)), ("other", record.kind)]
    elif isinstance(record, Framework):
        out += [
            ("title", _text(record.title, lang, default)),
            ("summary", _text(record.summary, lang, default)),
        ]
        for concept in record.concepts:
            out.append(("labels", _text(concept.label, lang, default)))
            out += [("labels", _text(alt, lang, default)) for alt in concept.alt_labels]
            out.append(("summary", _text(concept.definition, lang, default)))
        out += [("people", agent.name) for agent in (*record.authors, *record.publisher)]
    elif isinstance(record, Finding):
        out += [("title", _text(record.claim, lang, default))]
        out += [("summary", _text(caveat, lang, default)) for caveat in record.caveats]
    elif isinstance(record, Assessment):
        out += [
            ("title", _text(record.title, lang, default)),
            ("summary", _text(record.summary, lang, default)),
        ]
        out += [("labels", _text(d.label, lang, default)) for d in record.dimensions]
    return out


class Catalog:
    """Search, filters, facets and related records over a :class:`~ouderbetrokkenheid.Library`.

    Indexes are built on first use, one per language asked, and kept.
    """

    def __init__(self, library: Library) -> None:
        self.library = library
        records = [r for r in library if isinstance(r, Resource | Framework | Finding | Assessment)]
        self._records: list[Record] = records
        self._position = {record.id: i for i, record in enumerate(records)}
        packs = {record.id: library.pack_of(record.id) for record in records}
        self._defaults = [packs[r.id].manifest.default_language for r in records]
        self._pack_names = [packs[r.id].name for r in records]
        self._indexes: dict[str | None, _Index] = {}
        self._closure = self._concept_closure()
        self._by_value: dict[str, dict[str, set[int]]] | None = None
        self._facets: list[dict[str, set[str]]] = [
            _facet_values(r, pack, self._closure) if isinstance(r, Resource) else {"pack": {pack}}
            for r, pack in zip(records, self._pack_names, strict=True)
        ]

    def _concept_closure(self) -> dict[str, set[str]]:
        """Each concept with its broader concepts, so filtering on a cluster finds its factors' resources."""
        parents = {c.id: c.broader for f in self.library.frameworks() for c in f.concepts}
        closure = {}
        for concept in parents:
            chain, current = {concept}, parents.get(concept)
            while current is not None and current not in chain:
                chain.add(current)
                current = parents.get(current)
            closure[concept] = chain
        return closure

    def index(self, lang: str | None = None) -> _Index:
        """The index for the labels in *lang* (``None``: each pack's default language)."""
        if lang not in self._indexes:
            self._indexes[lang] = _Index(self._records, lang, self._defaults)
        return self._indexes[lang]

    # -- filters and facets -----------------------------------------------------------------------
    def _facet_index(self) -> dict[str, dict[str, set[int]]]:
        if self._by_value is None:
            by_value: dict[str, dict[str, set[int]]] = {name: defaultdict(set) for name in FACETS}
            for doc, values in enumerate(self._facets):
                for name, found in values.items():
                    for value in found:
                        by_value[name][value].add(doc)
            self._by_value = by_value
        return self._by_value

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
            free = set().union(*(index["access"].get(a, set()) for a in (*_FREE_ACCESS, "free")))
            resources = {d for d, r in enumerate(self._records) if isinstance(r, Resource)}
            docs = free if filters.free else resources - free
            allowed = docs if allowed is None else allowed & docs
        return allowed if allowed is not None else set(range(len(self._records)))

    def filter(
        self, filters: Filters | None = None, **values: str | Iterable[str] | bool | None
    ) -> list[Resource]:
        """The resources that match every filter (within a filter, any of its values)."""
        filters = filters or Filters.of(**values)
        allowed = self._allowed(filters)
        docs = range(len(self._records)) if allowed is None else sorted(allowed)
        return [r for d in docs if isinstance(r := self._records[d], Resource)]

    def facets(self, resources: Iterable[Resource] | None = None) -> dict[str, dict[str, int]]:
        """Counts per facet value over *resources* (default: all resources), most frequent first."""
        chosen = list(resources) if resources is not None else self.filter()
        counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
        for resource in chosen:
            for name, values in self._facets[self._position[resource.id]].items():
                counts[name].update(values)
        return {name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for name, c in counts.items()}

    # -- search ---------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        lang: str | None = None,
        limit: int | None = 20,
        filters: Filters | None = None,
        **values: str | Iterable[str] | bool | None,
    ) -> list[Hit]:
        """Records matching *query* in the labels of *lang*, best first.

        Records that match more of the query's words rank first; within that, by BM25 relevance with
        titles weighing most. An empty query lists the filtered resources.
        """
        filters = filters or Filters.of(**values)
        allowed = self._allowed(filters)
        query_terms = list(dict.fromkeys(terms(query)))
        if not query_terms:
            return [Hit(record=r, score=0.0) for r in self.filter(filters)][:limit]
        import numpy as np

        index = self.index(lang)
        mask = None
        if allowed is not None:
            mask = np.zeros(index.size)
            mask[list(allowed)] = 1.0
        scores, matched = index.score(query_terms, mask)
        candidates = np.flatnonzero(matched)
        if limit is not None and len(candidates) > limit:
            # rank by (words matched, score): a combined key, then an exact sort of the best few
            key = matched[candidates] * (scores.max() + 1.0) + scores[candidates]
            candidates = candidates[np.argpartition(-key, limit)[: limit * 2]]
        ranked = sorted(
            candidates.tolist(), key=lambda doc: (-matched[doc], -scores[doc], self._records[doc].id)
        )
        hits = []
        for doc in ranked:
            record = self._records[doc]
            words = set(index.matched_terms(doc, query_terms))
            hits.append(
                Hit(
                    record=record,
                    score=round(float(scores[doc]), 4),
                    matched=tuple(t for t in query_terms if t in words),
                )
            )
        return hits if limit is None else hits[:limit]

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


def normalise_query(query: str) -> str:
    """The query as the index sees it (folded); for display."""
    return fold(query)
