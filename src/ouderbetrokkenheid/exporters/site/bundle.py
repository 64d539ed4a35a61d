"""What a browser needs to score one assessment as Python does: the *scoring bundle*.

:func:`scoring_bundle` gives a JSON-ready mapping that ``assets/ob-score.js`` (a port of
:mod:`ouderbetrokkenheid.scoring` and of the response readers) scores and recommends from:

* ``assessment``: the assessment as the converter unstructures it;
* ``catalog``: the resources and crosswalk mappings that :func:`~ouderbetrokkenheid.scoring.recommend`
  could rank for it (every resource tied to one of its dimensions' concepts, directly or through a
  mapping, or sharing one of its themes; every other resource ranks zero and is never recommended),
  each resource with its title and the site's page path per language;
* ``limit``: resources per dimension (the command line's default, 5).

>>> import ouderbetrokkenheid as ob
>>> library = ob.Library.discover()
>>> bundle = scoring_bundle(library.get("voorbeeld/mini-scan"), library, languages=("nl",))
>>> sorted(bundle), bundle["assessment"]["id"]
(['assessment', 'catalog', 'limit'], 'voorbeeld/mini-scan')
"""

from collections.abc import Callable, Iterable
from typing import Any

from ouderbetrokkenheid.converter import unstructure
from ouderbetrokkenheid.model import Assessment
from ouderbetrokkenheid.scoring.recommend import Catalog, mapped_concepts

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
) -> dict[str, Any]:
    """The scoring bundle of *assessment* with the resources of *catalog* (a library).

    For each of *languages*, a resource gets ``title[lang]`` and ``title_lang[lang]`` from
    *title_of(resource, lang)* (``(text, the language it is really in)``; by default its title
    resolved through the fallback chain) and ``path[lang]`` from *path_of(resource id, lang)* (its page
    in the site, relative to the site's root; left out when ``None``).
    """
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
        }
        for lang in languages:
            if title_of is not None:
                text, real = title_of(resource, lang)
            else:
                found = resource.title.resolve(lang, None)
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
    }
