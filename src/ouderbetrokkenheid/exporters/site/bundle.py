"""What a browser needs to score one assessment as Python does: the *scoring bundle*.

:func:`scoring_bundle` gives a JSON-ready mapping that ``assets/ob-score.js`` (a port of
:mod:`ouderbetrokkenheid.scoring` and of the response readers) scores and recommends from:

* ``assessment``: the assessment as the converter unstructures it;
* ``catalog``: the resources and crosswalk mappings that :func:`~ouderbetrokkenheid.scoring.recommend`
  could rank for it (every resource tied to one of its dimensions' concepts, directly or through a
  mapping, or sharing one of its themes; every other resource ranks zero and is never recommended),
  each resource with its title and the site's page path per language;
* ``limit``: resources per dimension (the command line's default, 5);
* ``chains``: per language, the languages its labels fall back through (the assessment's pack's
  default language included), as the report resolves them.

>>> import ouderbetrokkenheid as ob
>>> library = ob.Library.discover()
>>> bundle = scoring_bundle(library.get("instrumenten/succesfactoren-scan"), library, languages=("nl",))
>>> sorted(bundle), bundle["assessment"]["id"]
(['assessment', 'catalog', 'chains', 'limit'], 'instrumenten/succesfactoren-scan')
"""

from collections.abc import Callable, Iterable
from typing import Any

from ouderbetrokkenheid.converter import unstructure
from ouderbetrokkenheid.model import Assessment
from ouderbetrokkenheid.model.text import fallback_chain
from ouderbetrokkenheid.scoring.recommend import Catalog, mapped_concepts
from ouderbetrokkenheid.urls import safe_url

#: Resources per dimension, as ``ouderbetrokkenheid score`` gives by default.
DEFAULT_LIMIT = 5


def scoring_bundle(
    assessment: Assessment,
    catalog: Catalog,
    *,
    languages: Iterable[str] = (),
    title_of: Callable[[Any, str], tuple[str, str]] | None = None,
    path_of: Callable[[str, str], str | None] | None = None,
    limit: int = DEFAULT_LIMIT,
    default: str | None = None,
) -> dict[str, Any]:
    """The scoring bundle of *assessment* with the resources of *catalog* (a library).

    For each of *languages*, a resource gets ``title[lang]`` and ``title_lang[lang]`` from
    *title_of(resource, lang)* (``(text, the language it is really in)``; by default its title
    resolved as the report resolves it, through its pack's default language when *catalog* is a
    library) and ``path[lang]`` from *path_of(resource id, lang)* (its page in the site, relative to
    the site's root; left out when ``None``). ``url`` is its first safe link, as the report links it.
    *default* is the language labels fall back to (by default the default language of the
    assessment's pack, when *catalog* is a library).
    """
    default = default or _default_language(catalog, assessment.id)
    concepts = {concept for dimension in assessment.dimensions for concept in dimension.concepts}
    mappings = [m for m in catalog.mappings() if m.subject in concepts or m.object in concepts]
    reachable = concepts | set(mapped_concepts(concepts, mappings))
    themes = set(assessment.themes)
    resources = []
    for resource in catalog.resources():
        if not (reachable.intersection(resource.concepts) or themes.intersection(resource.themes)):
            continue
        entry: dict[str, Any] = {
            "id": resource.id,
            "concepts": list(resource.concepts),
            "themes": list(resource.themes),
            "title": {},
            "title_lang": {},
            "path": {},
            "url": next((u for link in resource.links if (u := safe_url(link.url))), None),
        }
        for lang in languages:
            if title_of is not None:
                text, real = title_of(resource, lang)
            else:
                found = resource.title.resolve(lang, _default_language(catalog, resource.id) or default)
                text, real = (found[1], found[0]) if found else (resource.id, "")
            entry["title"][lang] = text
            entry["title_lang"][lang] = real
            path = path_of(resource.id, lang) if path_of is not None else None
            if path is not None:
                entry["path"][lang] = path
        resources.append(entry)
    return {
        "assessment": unstructure(assessment),
        "catalog": {
            "resources": resources,
            "mappings": [
                {
                    "subject": m.subject,
                    "object": m.object,
                    "predicate": m.predicate,
                    "confidence": float(m.confidence),
                }
                for m in mappings
            ],
        },
        "limit": limit,
        "chains": {lang: list(fallback_chain(lang, default)) for lang in languages},
    }


def _default_language(catalog: Catalog, identifier: str) -> str | None:
    """The default language of the pack holding *identifier*, when *catalog* is a library that has it."""
    pack_of = getattr(catalog, "pack_of", None)
    if pack_of is None or identifier not in catalog:  # type: ignore[operator]
        return None
    return str(pack_of(identifier).manifest.default_language)
