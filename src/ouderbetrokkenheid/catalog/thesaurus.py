"""The words search treats as the same: synonym groups gathered from the installed packs and our
vocabularies.

A group is a set of labels (in any language) and, for a vocabulary term or a framework concept, the
facet value the labels name. Groups come from:

- the ``thesaurus`` of each pack manifest (preferred, alternative and hidden labels);
- the concepts of frameworks (label, ``alt_labels``, ``hidden_labels``): their labels also find the
  resources filed under the concept;
- the terms of the vocabularies that are facets (resource kind, education level, theme, audience):
  ``boek`` finds books, ``kleuter`` resources for nursery school, ``pesten`` resources on bullying;
- the word for "free" (:data:`FREE_LABELS`): ``gratis`` finds what is free to have.
"""

from collections.abc import Iterable, Iterator

import attrs

from ouderbetrokkenheid.model import VOCABULARIES, LocalizedText

#: Facets whose vocabulary labels are search words, and their vocabularies.
LABELLED_FACETS: dict[str, str] = {
    "kind": "resource-kind",
    "level": "education-level",
    "theme": "theme",
    "audience": "audience-role",
}

#: The words for "free to have", written by this project.
FREE_LABELS: tuple[tuple[str, str], ...] = (
    ("nl", "gratis"),
    ("nl", "kosteloos"),
    ("fr", "gratuit"),
    ("fr", "gratuite"),
    ("en", "free"),
    ("en", "free of charge"),
)

#: The facet value "free to have" (see :func:`ouderbetrokkenheid.catalog.facets.is_free`).
FREE = ("access", "free")


@attrs.frozen(kw_only=True)
class Group:
    """Labels that mean the same, and the facet value (or concept) they name, if any."""

    #: Where the group comes from (``vcov/thesaurus#ouderraad``, ``kind:book``, a concept id).
    key: str
    #: ``(language, text)`` pairs: preferred, alternative and hidden labels.
    labels: tuple[tuple[str, str], ...]
    #: ``(facet, value)`` the labels name (``("kind", "book")``, ``("concept", "ref/epstein#t2")``).
    value: tuple[str, str] | None = None
    #: How many of :attr:`labels` (the first ones) are preferred labels.
    preferred: int = 0


def _pairs(*texts: LocalizedText | None) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for text in texts:
        if text is not None:
            out.extend((lang, value) for lang, value in text.items())
    return out


def groups(library: Iterable[object]) -> Iterator[Group]:
    """Every synonym group of the packs in *library* (a :class:`~ouderbetrokkenheid.Library`) and
    of our vocabularies."""
    from ouderbetrokkenheid.model import Framework

    packs = getattr(library, "packs", ())
    for pack in packs:
        for entry in pack.manifest.thesaurus:
            yield Group(
                key=f"{pack.name}/thesaurus#{entry.id}",
                labels=tuple(_pairs(entry.label, *entry.alt_labels, *entry.hidden_labels)),
                preferred=len(entry.label),
            )
    for record in library:
        if isinstance(record, Framework):
            for concept in record.concepts:
                yield Group(
                    key=concept.id,
                    labels=tuple(_pairs(concept.label, *concept.alt_labels, *concept.hidden_labels)),
                    value=("concept", concept.id),
                    preferred=len(concept.label),
                )
    for facet, name in LABELLED_FACETS.items():
        for term in VOCABULARIES[name]:
            yield Group(
                key=f"{facet}:{term.code}",
                labels=tuple(_pairs(term.label, *term.alt_labels, *term.hidden_labels)),
                value=(facet, term.code),
                preferred=len(term.label),
            )
    yield Group(key="access:free", labels=FREE_LABELS, value=FREE)
