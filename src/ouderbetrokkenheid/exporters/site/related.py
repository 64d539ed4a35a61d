"""Related resources for every resource at once, in time that grows with the catalog, not its square.

:meth:`Catalog.related <ouderbetrokkenheid.Catalog.related>` scores every resource against one record;
called for each page of a 10,000-resource site that is 10⁸ comparisons. :class:`RelatedIndex` gives the
same ranking (explicit links 5, parts of the same whole 2, shared concepts 3, concepts linked by a
crosswalk 3 × strength × confidence, 1 per shared theme; best first, then by id) without looking at
every resource for every page:

- The score of another resource splits into a *sparse* part (explicit links, parts of the same whole:
  a few resources), a *concept* part that depends only on the other resource's concepts (its *concept
  set*; a catalog has far fewer of them than resources) and a *theme* part, at most the number of the
  page's themes.
- The concept part is added up per concept set through the few concept sets that hold each concept
  (an inverted index: concept -> concept sets), the theme part per theme set (theme -> theme sets).
  Resources are grouped by concept set and theme set (a *group*), kept in id order; all groups are
  scored at once, only the few before the tenth best are opened, and the groups tied there in the
  order of their first id, until none can hold a smaller id.
- That concept and theme part depends only on the page's own concepts and themes (its *signature*).
  Many pages share one, so the best ``10 + spare`` by it are ranked once per signature and kept; a
  page drops itself and its explicit links and parts from them, adds those with their full score,
  and ranks again only when too few are left. The work grows with the signatures, which the
  vocabularies bound (27,440 for 100,000 generated realistic resources), not with the pages.

Scores are compared after rounding to nine decimals, so that equal sums (``3 × 0.8 + 1`` added in one
order or another) tie and fall back to the id. A property test checks the ranking against
``Catalog.related`` on generated catalogs.
"""

import heapq
from collections import defaultdict
from typing import TYPE_CHECKING

from ouderbetrokkenheid.model import Resource

if TYPE_CHECKING:
    import numpy as np

    from ouderbetrokkenheid.catalog.library import Library

#: How much each crosswalk predicate counts (as in ``Catalog.related``).
STRENGTH = {"exact": 1.0, "close": 0.8, "broad": 0.5, "narrow": 0.5, "related": 0.3}

#: Decimals kept when scores are compared (see the module's text).
DECIMALS = 9


class RelatedIndex:
    """Everything ``related`` needs, indexed once for a library's resources."""

    def __init__(self, library: "Library", *, spare: int = 8) -> None:
        import numpy as np

        #: How many more than asked are kept per signature (see :meth:`related`).
        self.spare = spare

        self.resources: tuple[Resource, ...] = library.resources()
        n = len(self.resources)
        self.position = {r.id: i for i, r in enumerate(self.resources)}
        by_id = sorted(range(n), key=lambda i: self.resources[i].id)
        self.id_rank = np.empty(n, dtype=np.int64)
        self.id_rank[by_id] = np.arange(n)
        self.rank: list[int] = self.id_rank.tolist()  # the same as Python ints, for the loops
        self.listed_by: dict[str, list[int]] = defaultdict(list)  # id -> resources that list it as related
        self.parts: dict[str, list[int]] = defaultdict(list)  # whole -> its parts
        concept_sets: dict[tuple[str, ...], int] = {}
        theme_sets: dict[frozenset[str], int] = {}
        self.concept_set = np.empty(n, dtype=np.int64)
        self.theme_set = np.empty(n, dtype=np.int64)
        # concept set -> theme set -> resources; theme set -> resources (both in id order)
        grouped: list[dict[int, list[int]]] = []
        by_theme_set: list[list[int]] = []
        for i in by_id:
            resource = self.resources[i]
            for other in resource.related:
                self.listed_by[other].append(i)
            if resource.part_of is not None:
                self.parts[resource.part_of].append(i)
            c = concept_sets.setdefault(tuple(sorted(resource.concepts)), len(concept_sets))
            t = theme_sets.setdefault(frozenset(resource.themes), len(theme_sets))
            if c == len(grouped):
                grouped.append({})
            if t == len(by_theme_set):
                by_theme_set.append([])
            self.concept_set[i] = c
            self.theme_set[i] = t
            grouped[c].setdefault(t, []).append(i)
            by_theme_set[t].append(i)
        # the groups (resources of one concept set and one theme set) laid out by concept set
        group_members: list[list[int]] = []
        group_theme_set: list[int] = []
        self.group_start = np.zeros(len(grouped) + 1, dtype=np.int64)
        for c, held_by_theme_set in enumerate(grouped):
            for t, held in held_by_theme_set.items():
                group_members.append(held)
                group_theme_set.append(t)
            self.group_start[c + 1] = len(group_members)
        self.group_members = group_members  # Python lists: only a few first items are read at once
        self.group_theme_set = np.array(group_theme_set, dtype=np.int64)
        self.group_concept_set = np.repeat(np.arange(len(grouped)), np.diff(self.group_start))
        self.group_size = np.array([len(held) for held in group_members], dtype=np.int64)
        self.group_first = np.array([self.rank[held[0]] for held in group_members], dtype=np.int64)
        self.by_theme_set = [np.array(held, dtype=np.int64) for held in by_theme_set]
        holders: dict[str, dict[int, int]] = defaultdict(dict)  # concept -> concept set -> repeats
        for concepts, c in concept_sets.items():
            for concept in concepts:
                holders[concept][c] = holders[concept].get(c, 0) + 1
        self.holders = {
            concept: (
                np.fromiter(held, np.int64, len(held)),
                np.fromiter(held.values(), np.float64, len(held)),
            )
            for concept, held in holders.items()
        }
        theme_holders: dict[str, list[int]] = defaultdict(list)
        for themes, t in theme_sets.items():
            for theme in themes:
                theme_holders[theme].append(t)
        self.theme_holders = {theme: np.array(held, dtype=np.int64) for theme, held in theme_holders.items()}
        self.mapped: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for mapping in library.mappings():
            weight = STRENGTH.get(mapping.predicate, 0.0) * mapping.confidence
            self.mapped[mapping.subject].append((mapping.object, weight))
            self.mapped[mapping.object].append((mapping.subject, weight))
        self._cache: dict[
            tuple[frozenset[str], frozenset[str], int], tuple[list[tuple[float, int, int]], bool]
        ] = {}

    def _concept_scores(self, resource: Resource) -> "np.ndarray":
        """The concept part of the score, per concept set."""
        import numpy as np

        score = np.zeros(len(self.group_start) - 1)
        for concept, weight in self._concept_weights(resource):
            held = self.holders.get(concept)
            if held is not None:
                score[held[0]] += weight * held[1]
        return score.round(DECIMALS)

    def _concept_weights(self, resource: Resource) -> list[tuple[str, float]]:
        """What each concept held by another resource adds to its score: 3 for the page's own
        concepts, 3 × strength × confidence for those a crosswalk links to them."""
        concepts = set(resource.concepts)
        mapped: dict[str, float] = {}
        for concept in concepts:
            for there, weight in self.mapped.get(concept, ()):
                mapped[there] = max(mapped.get(there, 0.0), weight)
        return [
            *((c, 3.0) for c in concepts),
            *((c, 3.0 * w) for c, w in mapped.items() if c not in concepts),
        ]

    def _theme_scores(self, resource: Resource) -> "np.ndarray":
        """The theme part of the score, per theme set."""
        import numpy as np

        score = np.zeros(len(self.by_theme_set))
        for theme in set(resource.themes):
            held = self.theme_holders.get(theme)
            if held is not None:
                score[held] += 1.0
        return score

    def _sparse(self, resource: Resource) -> dict[int, float]:
        """Explicit links and parts of the same whole: the few resources with a score of that kind."""
        sparse: dict[int, float] = defaultdict(float)
        explicit = {self.position[r] for r in resource.related if r in self.position}
        explicit.update(self.listed_by.get(resource.id, ()))
        for i in explicit:
            sparse[i] += 5.0
        if resource.part_of is not None:
            family = set(self.parts.get(resource.part_of, ()))
            if resource.part_of in self.position:
                family.add(self.position[resource.part_of])
            for i in family:
                sparse[i] += 2.0
        for i in self.parts.get(resource.id, ()):
            sparse[i] += 2.0
        return sparse

    def scores(self, resource: Resource) -> "np.ndarray":
        """The relatedness of every resource to *resource* (itself: -1): O(n), for tests and tools."""
        score = (
            self._concept_scores(resource)[self.concept_set] + self._theme_scores(resource)[self.theme_set]
        ).round(DECIMALS)
        for i, extra in self._sparse(resource).items():
            score[i] = round(score[i] + extra, DECIMALS)
        own = self.position.get(resource.id)
        if own is not None:
            score[own] = -1.0
        return score

    def related(self, resource: Resource, limit: int = 10) -> list[Resource]:
        """The resources most related to *resource*, best first (ties by id).

        The concept and theme part of the score depends only on the page's *signature* (its set of
        concepts and its set of themes), and many resources share one: the best ``limit + spare``
        by that part are ranked once per signature (:meth:`_dense`) and kept. A page takes them
        without itself and its explicit links and parts (scored apart, :meth:`_sparse`); only when
        that leaves fewer than *limit* of a list that was cut are they ranked again for the page."""
        import numpy as np

        sparse = self._sparse(resource)
        skip = set(sparse)
        own = self.position.get(resource.id)
        if own is not None:
            skip.add(own)
            sparse.pop(own, None)
        key = (frozenset(resource.concepts), frozenset(resource.themes), limit)
        cached = self._cache.get(key)
        concept_score: np.ndarray | None = None
        theme_score: np.ndarray | None = None
        if cached is None:
            concept_score = self._concept_scores(resource)
            theme_score = self._theme_scores(resource)
            best = self._dense(limit + self.spare, concept_score, theme_score, set())
            # complete: every resource with a score is in it
            cached = self._cache[key] = (best, len(best) < limit + self.spare)
        best, complete = cached
        found = [f for f in best if f[2] not in skip] if skip else list(best)
        if len(found) < limit and not complete:
            concept_score = self._concept_scores(resource) if concept_score is None else concept_score
            theme_score = self._theme_scores(resource) if theme_score is None else theme_score
            found = self._dense(limit, concept_score, theme_score, skip)
        if sparse:
            concept_score = self._concept_scores(resource) if concept_score is None else concept_score
            theme_score = self._theme_scores(resource) if theme_score is None else theme_score
            for i, extra in sparse.items():
                dense = concept_score[self.concept_set[i]] + theme_score[self.theme_set[i]]
                found.append((round(float(dense) + extra, DECIMALS), self.rank[i], i))
        found.sort(key=lambda f: (-f[0], f[1]))
        return [self.resources[i] for _, _, i in found[:limit]]

    def _dense(
        self, limit: int, concept_score: "np.ndarray", theme_score: "np.ndarray", skip: set[int]
    ) -> list[tuple[float, int, int]]:
        """The best *limit* resources outside *skip* by their concept and theme part, best first:
        ``(score, id rank, position)``. Every group (one concept set, one theme set) is scored at
        once; only the few groups before the cut are opened, and the groups tied at the cut in the
        order of their first id, until none can hold a smaller id."""
        import numpy as np

        need = limit + len(skip)  # enough from one group, whatever is skipped in it
        found: list[tuple[float, int, int]] = []  # (score, id rank, position)

        rank_of = self.rank

        def take(score: float, members: list[int]) -> None:
            taken = 0
            for i in members[:need]:
                if i not in skip:
                    found.append((score, rank_of[i], i))
                    taken += 1
                    if taken == limit:
                        return

        scores = (concept_score[self.group_concept_set] + theme_score[self.group_theme_set]).round(DECIMALS)
        groups = np.flatnonzero(scores > 0)
        if len(groups):
            scores = scores[groups]
            # at most `need` groups come before the cut (each holds a resource): only those are sorted
            top = np.argpartition(-scores, need - 1)[:need] if len(scores) > need else np.arange(len(scores))
            top = top[np.argsort(-scores[top], kind="stable")]
            enough = np.cumsum(np.minimum(self.group_size[groups[top]], need))
            cut = float(scores[top[min(int(np.searchsorted(enough, need)), len(top) - 1)]])
            above = scores > cut
            for g, score in zip(groups[above].tolist(), scores[above].tolist(), strict=True):
                take(score, self.group_members[g])
            # the tied groups in order of their first id: stop when none can hold a smaller id
            tied = groups[~above & (scores == cut)]
            if len(tied) > need:  # the `need` smallest first ids are enough (see take's `need`)
                tied = tied[np.argpartition(self.group_first[tied], need - 1)[:need]]
            ranks: list[int] = []  # the `limit` smallest id ranks taken at the cut, negated (a max-heap)
            for g in tied[np.argsort(self.group_first[tied])].tolist():
                if len(ranks) == limit and self.group_first[g] > -ranks[0]:
                    break
                before = len(found)
                take(cut, self.group_members[g])
                for _, rank, _ in found[before:]:
                    if len(ranks) < limit:
                        heapq.heappush(ranks, -rank)
                    elif rank < -ranks[0]:
                        heapq.heapreplace(ranks, -rank)
        found.sort(key=lambda f: (-f[0], f[1]))
        return found[:limit]
