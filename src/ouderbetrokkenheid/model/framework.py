"""Reference frameworks, SKOS-shaped: concepts with hierarchy, ordered and unordered collections,
and mappings between concepts of two frameworks (SSSOM-style provenance)."""

import datetime

import attrs

from ouderbetrokkenheid.model.common import Agent, Provenance
from ouderbetrokkenheid.model.text import LocalizedText


@attrs.frozen(kw_only=True)
class Concept:
    """One concept of a framework (a theme, a type, a success factor, a level)."""

    #: ``pack/framework#concept``.
    id: str
    label: LocalizedText
    definition: LocalizedText | None = None
    #: A short code as the source numbers it (``1``, ``A``, ``T3``).
    notation: str | None = None
    #: The id of the broader concept, if any.
    broader: str | None = None
    #: Other names of the concept (SKOS ``altLabel``): search finds the concept's resources by them.
    alt_labels: tuple[LocalizedText, ...] = ()
    #: Names search finds but never shows (SKOS ``hiddenLabel``): misspellings, old spellings.
    hidden_labels: tuple[LocalizedText, ...] = ()


@attrs.frozen(kw_only=True)
class Collection:
    """A named group of concepts: *ordered* (a ladder of levels) or explicitly *unordered*
    (the rooms of the participatiehuis, "all equally valuable")."""

    id: str
    label: LocalizedText
    ordered: bool
    members: tuple[str, ...] = ()
    #: How many members the source says there are, when their names are unknown.
    expected_members: int | None = None


@attrs.frozen(kw_only=True)
class Framework:
    """A reference framework for looking at parental involvement."""

    id: str
    title: LocalizedText
    provenance: Provenance
    summary: LocalizedText | None = None
    authors: tuple[Agent, ...] = ()
    publisher: tuple[Agent, ...] = ()
    year: int | None = None
    #: ``complete``, ``partial`` or ``metadata-only`` (vocabulary ``content-status``).
    content_status: str = "complete"
    #: What the sources do not tell (the names of the 7 dimensions ...), said plainly.
    known_gaps: LocalizedText | None = None
    concepts: tuple[Concept, ...] = ()
    collections: tuple[Collection, ...] = ()
    #: The resource that publishes the framework.
    described_in: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()

    def concept(self, concept_id: str) -> Concept:
        """Return the concept with *concept_id*; raise :class:`KeyError` if there is none."""
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        raise KeyError(concept_id)

    def top_concepts(self) -> tuple[Concept, ...]:
        """The concepts without a broader concept, in order."""
        return tuple(c for c in self.concepts if c.broader is None)

    def narrower(self, concept_id: str) -> tuple[Concept, ...]:
        """The concepts directly under *concept_id*, in order."""
        return tuple(c for c in self.concepts if c.broader == concept_id)


@attrs.frozen(kw_only=True)
class Mapping:
    """A crosswalk statement between two concepts: *subject* ``predicate`` *object*."""

    id: str
    subject: str
    #: ``exact``, ``close``, ``broad``, ``narrow`` or ``related`` (SKOS mapping properties).
    predicate: str
    object: str
    justification: LocalizedText
    #: 0 to 1.
    confidence: float
    author: Agent
    provenance: Provenance
    date: datetime.date | None = None
