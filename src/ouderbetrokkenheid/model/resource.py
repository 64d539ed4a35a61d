"""Resources (books, brochures, websites, trainings, practice examples ...) and research findings."""

import attrs

from ouderbetrokkenheid.model.common import Agent, Link, Provenance
from ouderbetrokkenheid.model.text import LocalizedText


@attrs.frozen(kw_only=True)
class Resource:
    """Something a school, a parent council or a parent can read, use, follow or borrow."""

    #: ``pack/local-id``.
    id: str
    #: Vocabulary ``resource-kind``.
    kind: str
    title: LocalizedText
    provenance: Provenance
    subtitle: LocalizedText | None = None
    summary: LocalizedText | None = None
    authors: tuple[Agent, ...] = ()
    publisher: tuple[Agent, ...] = ()
    year: int | None = None
    edition: str | None = None
    isbn: str | None = None
    #: Languages the resource itself is available in (not the languages of this record's labels).
    languages: tuple[str, ...] = ()
    #: Vocabulary ``audience-role``.
    audiences: tuple[str, ...] = ()
    #: Vocabulary ``education-level``.
    levels: tuple[str, ...] = ()
    #: Vocabulary ``theme``.
    themes: tuple[str, ...] = ()
    #: Framework concepts (``pack/framework#concept``) the resource is about or helps with.
    concepts: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    #: ``True`` when it can be had at no cost, ``None`` when unknown.
    free: bool | None = None
    #: SPDX identifier or licence URL.
    licence: str | None = None
    #: The resource this one is part of (a chapter of a book, a page of a website).
    part_of: str | None = None
    #: Other resources of any pack.
    related: tuple[str, ...] = ()
    #: Records (in other packs) that describe the same publication (``schema:sameAs``): search shows
    #: them as one result that names every pack.
    same_as: tuple[str, ...] = ()
    #: What the source does not tell about this resource (its author, its exact title ...), said plainly.
    known_gaps: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class Rating:
    """A position on a small ordinal scale (EEF evidence padlocks 4 of 5, cost 1 of 5)."""

    value: int
    max: int
    label: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class Effect:
    """A quantified effect, tied to the edition of the source that reported it."""

    #: Vocabulary ``effect-metric``.
    metric: str
    value: float
    #: The edition or version of the source that gives this value (``Visible Learning (2009)``).
    edition: str | None = None
    year: int | None = None
    #: A resource that reports the value.
    source: str | None = None
    evidence: Rating | None = None
    cost: Rating | None = None
    note: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class Finding:
    """A research claim, with its sources and, where one is reported, its effect sizes."""

    id: str
    claim: LocalizedText
    provenance: Provenance
    #: Resources (studies, reports) that support the claim.
    sources: tuple[str, ...] = ()
    #: Effect sizes, one per edition when editions differ.
    effects: tuple[Effect, ...] = ()
    themes: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()
    caveats: tuple[LocalizedText, ...] = ()
