"""Recommendations: for each dimension that needs work, the resources of the library that help with it.

A dimension needs work when, in any reported (not suppressed) group, its score falls in a band marked
``needs_work``. A resource is ranked by how it is tied to the dimension:

* it is about one of the dimension's concepts: :data:`DIRECT_RANK`;
* it is about a concept that a crosswalk mapping ties to one of them (either direction):
  :data:`PREDICATE_RANK` of the mapping's predicate times its confidence (the best mapping counts);
* plus :data:`THEME_RANK` for each theme it shares with the assessment.

Resources that rank above zero are listed best first; equal ranks are ordered by id, so the same
library always gives the same list.
"""

from collections.abc import Iterable
from typing import Protocol

import attrs

from ouderbetrokkenheid.model import Assessment, Mapping, Resource, Result

#: A resource about one of the dimension's own concepts.
DIRECT_RANK = 2.0
#: A resource about a concept mapped to one of the dimension's concepts, by the mapping's predicate
#: (multiplied by the mapping's confidence).
PREDICATE_RANK: dict[str, float] = {"exact": 1.5, "close": 1.5, "broad": 1.0, "narrow": 1.0, "related": 0.5}
#: For each theme a resource shares with the assessment.
THEME_RANK = 0.1


class Catalog(Protocol):
    """What recommending needs of a library (a :class:`~ouderbetrokkenheid.Library` has both)."""

    def resources(self) -> tuple[Resource, ...]:
        """Every resource."""
        ...

    def mappings(self) -> tuple[Mapping, ...]:
        """Every crosswalk mapping."""
        ...


def weak_dimensions(result: Result, assessment: Assessment) -> list[str]:
    """The dimensions (in the assessment's order) whose band needs work in some reported group."""
    needs_work = {band.id for band in assessment.bands if band.needs_work}
    weak = {
        score.dimension
        for group in result.groups
        if not group.suppressed
        for score in group.dimensions
        if score.band in needs_work
    }
    return [d.id for d in assessment.dimensions if d.id in weak]


def mapped_concepts(concepts: Iterable[str], mappings: Iterable[Mapping]) -> dict[str, float]:
    """Concept -> the best rank of a mapping that ties it to one of *concepts* (not *concepts* itself)."""
    own = set(concepts)
    ranks: dict[str, float] = {}
    for mapping in mappings:
        weight = PREDICATE_RANK.get(mapping.predicate, 0.0) * mapping.confidence
        for here, there in ((mapping.subject, mapping.object), (mapping.object, mapping.subject)):
            if here in own and there not in own and weight > ranks.get(there, 0.0):
                ranks[there] = weight
    return ranks


def rank_resources(
    concepts: Iterable[str],
    themes: Iterable[str],
    resources: Iterable[Resource],
    mappings: Iterable[Mapping],
) -> list[tuple[str, float]]:
    """``(resource id, rank)`` of every resource tied to *concepts* or sharing *themes*, best first."""
    own = set(concepts)
    mapped = mapped_concepts(own, mappings)
    shared_themes = set(themes)
    ranked = []
    for resource in resources:
        if own.intersection(resource.concepts):
            rank = DIRECT_RANK
        else:
            rank = max((mapped.get(concept, 0.0) for concept in resource.concepts), default=0.0)
        rank += THEME_RANK * len(shared_themes.intersection(resource.themes))
        if rank > 0:
            ranked.append((resource.id, rank))
    ranked.sort(key=lambda pair: (-pair[1], pair[0]))
    return ranked


def recommend(result: Result, assessment: Assessment, library: Catalog, *, limit: int = 5) -> Result:
    """A copy of *result* whose ``recommendations`` list, for each dimension that needs work, up to
    *limit* resource ids of *library* (every pack loaded in it), best first. A dimension that needs
    work but has no resource tied to it is listed with an empty tuple."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    resources = library.resources()
    mappings = library.mappings()
    concepts = {d.id: d.concepts for d in assessment.dimensions}
    recommendations = {
        dimension: tuple(
            resource_id
            for resource_id, _ in rank_resources(concepts[dimension], assessment.themes, resources, mappings)[
                :limit
            ]
        )
        for dimension in weak_dimensions(result, assessment)
    }
    return attrs.evolve(result, recommendations=recommendations)
