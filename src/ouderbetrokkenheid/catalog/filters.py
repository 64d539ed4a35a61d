"""Filters and facet values: what a record can be selected on, and filter values given as codes or as
labels in any language (``--kind boek``, ``--kind livre``, ``--kind book``).

An unknown value is an error that names close values, never a silent empty list.
"""

import difflib
from collections.abc import Iterable, Mapping

import attrs

from ouderbetrokkenheid.catalog.analysis import fold
from ouderbetrokkenheid.catalog.thesaurus import LABELLED_FACETS
from ouderbetrokkenheid.errors import OuderbetrokkenheidError
from ouderbetrokkenheid.model import VOCABULARIES, Resource

#: The facets :meth:`Catalog.facets <ouderbetrokkenheid.Catalog.facets>` counts, in display order.
FACETS = ("kind", "theme", "audience", "level", "language", "publisher", "access", "pack", "concept")

#: Link access that makes a resource free to have, unless the record says ``free: false``.
FREE_ACCESS = frozenset({"online", "download", "lend"})
#: Kinds whose ``online`` link is a preview or a shop page, not the work: a book is free only when
#: the record says so, or it can be downloaded or borrowed.
SOLD_KINDS = frozenset({"book", "book-chapter"})


class UnknownFilterError(OuderbetrokkenheidError, ValueError):
    """A filter value that no record has and no label names; the message lists close values."""

    def __init__(
        self, facet: str, value: str, suggestions: Iterable[str], choices: Iterable[str] = ()
    ) -> None:
        self.facet = facet
        self.value = value
        self.suggestions = tuple(suggestions)
        #: Every value the facet has (codes), for a list of what exists.
        self.choices = tuple(choices)
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown {facet} {value!r}{hint}")


@attrs.frozen(kw_only=True)
class Filters:
    """What :meth:`Catalog.filter <ouderbetrokkenheid.Catalog.filter>` can select on. Each field takes
    one value or several (any of)."""

    kind: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    level: tuple[str, ...] = ()
    language: tuple[str, ...] = ()
    publisher: tuple[str, ...] = ()
    access: tuple[str, ...] = ()
    pack: tuple[str, ...] = ()
    concept: tuple[str, ...] = ()
    #: ``True``: free to have (see :func:`is_free`); ``False``: not known to be free.
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


def is_free(resource: Resource) -> bool:
    """Whether *resource* is free to have: the record says ``free: true``; or it does not say
    ``free: false`` and can be downloaded or borrowed, or read online (except books, whose online
    link is a publisher's preview or shop page unless the record says otherwise)."""
    if resource.free is not None:
        return resource.free
    for link in resource.links:
        if link.access in ("download", "lend"):
            return True
        if link.access == "online" and resource.kind not in SOLD_KINDS:
            return True
    return False


def facet_values(
    resource: Resource, pack: str, concept_closure: Mapping[str, set[str]]
) -> dict[str, set[str]]:
    """The facet values of *resource*; a concept counts with its broader concepts."""
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
        "access": {link.access for link in resource.links} | ({"free"} if is_free(resource) else set()),
        "pack": {pack},
        "concept": concepts,
    }


def label_map(facet: str) -> dict[str, str]:
    """Folded labels (every language, alternative and hidden labels too) and codes -> code."""
    out: dict[str, str] = {}
    name = LABELLED_FACETS.get(facet) or {"access": "access"}.get(facet)
    if name is None:
        return out
    for term in VOCABULARIES[name]:
        out[fold(term.code)] = term.code
        for text in (term.label, *term.alt_labels, *term.hidden_labels):
            for _, value in text.items():
                out.setdefault(fold(value), term.code)
    if facet == "access":
        for word in ("free", "gratis", "gratuit"):
            out.setdefault(word, "free")
    return out


def resolve(facet: str, value: str, known: Iterable[str]) -> str:
    """The code *value* stands for in *facet*: itself when records have it (or the vocabulary knows
    it), else the code whose label it is; raise :class:`UnknownFilterError` with suggestions."""
    known = set(known)
    labels = label_map(facet)
    if value in known or value in labels.values():
        return value
    folded = fold(value).strip()
    if folded in labels:
        return labels[folded]
    for code in known:
        if fold(code) == folded:
            return code
    pool = sorted(known | set(labels.values()))
    close = difflib.get_close_matches(folded, [fold(c) for c in pool] + list(labels), n=3, cutoff=0.6)
    suggestions = list(
        dict.fromkeys(labels.get(c, next((p for p in pool if fold(p) == c), c)) for c in close)
    )
    if not suggestions:
        suggestions = pool[:8]
    raise UnknownFilterError(facet, value, suggestions, pool)
