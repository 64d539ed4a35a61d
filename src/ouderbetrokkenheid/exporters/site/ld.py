"""schema.org JSON-LD for a resource page: the ``jsonld`` exporter's node, made into web markup.

The ``jsonld`` exporter writes data for exchange: every language as a language map, our own ``ob:``
terms, and its own ``@context``. A web page wants the markup search engines read (see the standards
notes, §1.2: "one page per language with plain strings"): the ``https://schema.org`` context, plain
strings in the page's language, and schema.org terms only. :func:`page_node` derives that from
:func:`~ouderbetrokkenheid.exporters.jsonld.resource_node`: a key is kept when the exporter's context
maps it to the schema.org property of the same name, language maps become the text in the page's
language, IRIs typed ``@id`` become ``{"@id": ...}``, and URLs are kept only when they are http, https
or mailto.
"""

import functools
from typing import Any

from ouderbetrokkenheid.exporters.jsonld import VOCAB, context, resource_node
from ouderbetrokkenheid.model import ContentPack, LocalizedText, Resource
from ouderbetrokkenheid.model.text import fallback_chain
from ouderbetrokkenheid.reports.view import safe_url


@functools.cache
def _definition(key: str) -> tuple[str | None, str | None, str | None]:
    """``(iri, container, type)`` of *key* in the exporter's context."""
    found = context().get(key)
    if isinstance(found, str):
        return found, None, None
    if isinstance(found, dict):
        return found.get("@id"), found.get("@container"), found.get("@type")
    return None, None, None


@functools.cache
def _schema_type(name: str) -> bool:
    return context().get(name) == f"schema:{name}"


def _types(value: Any) -> Any:
    kept = [name for name in (value if isinstance(value, list) else [value]) if _schema_type(name)]
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else kept


def _localize(value: Any, lang: str, default: str | None) -> Any:
    """*value* (a node, a list or a literal) as web markup; ``None`` when nothing is left."""
    if isinstance(value, list):
        items = [item for item in (_localize(v, lang, default) for v in value) if item is not None]
        return items or None
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key == "@id":
            out[key] = item
            continue
        if key == "@type":
            kept = _types(item)
            if kept is not None:
                out[key] = kept
            continue
        iri, container, kind = _definition(key)
        if iri != f"schema:{key}":
            continue  # our own terms, or terms from other vocabularies
        if container == "@language" and isinstance(item, dict):
            text = LocalizedText(item).get_text(lang, default)
            if text:
                out[key] = text
            continue
        if kind == "@id":
            iris = item if isinstance(item, list) else [item]
            if key == "url":
                iris = [url for url in iris if isinstance(url, str) and safe_url(url)]
            nodes = [{"@id": i} if isinstance(i, str) else _localize(i, lang, default) for i in iris]
            nodes = [n for n in nodes if n]
            if nodes:
                out[key] = nodes[0] if len(nodes) == 1 else nodes
            continue
        localized = _localize(item, lang, default)
        if localized is not None and localized != {}:
            out[key] = localized
    return out or None


@functools.cache
def _chains(langs: tuple[str, ...], default: str | None) -> tuple[tuple[str, ...], ...]:
    return tuple(fallback_chain(lang, default) for lang in langs)


def _text(values: dict[str, str], chain: tuple[str, ...]) -> str:
    """``LocalizedText(values).get_text(lang, default)`` for the fallback *chain* of the two."""
    for tag in chain:
        text = values.get(tag)
        if text is not None:
            return text
    return next(iter(values.values()), "")


#: What :func:`_localize_all` does with the value of a key (see :func:`_rule`).
_ID, _TYPE, _SKIP, _LANGUAGE, _IRIS, _URLS, _NESTED = range(7)


@functools.cache
def _rule(key: str) -> int:
    """How :func:`_localize` treats the value of *key*, decided once per key (it depends on the
    exporter's context only). :data:`_LANGUAGE` is for language maps: a value of such a key that is
    not a map is walked as :data:`_NESTED`, as :func:`_localize` does."""
    if key == "@id":
        return _ID
    if key == "@type":
        return _TYPE
    iri, container, kind = _definition(key)
    if iri != f"schema:{key}":
        return _SKIP  # our own terms, or terms from other vocabularies
    if container == "@language" and kind != "@id":
        return _LANGUAGE
    if kind == "@id":
        return _URLS if key == "url" else _IRIS
    return _NESTED


@functools.cache
def _kept_types(value: str | tuple[str, ...]) -> Any:
    """:func:`_types` of a type or a tuple of types, remembered (a few combinations on every page)."""
    return _types(list(value) if isinstance(value, tuple) else value)


#: Localised nodes of our vocabularies' terms: ``(key, @id, langs, default)`` -> the node they were
#: made from and one localised node per language.
_TERMS: dict[tuple[str, str, tuple[str, ...], str | None], tuple[dict[str, Any], list[Any]]] = {}


def _localize_all(value: Any, langs: tuple[str, ...], default: str | None, key: str = "") -> list[Any]:
    """:func:`_localize` of *value* for each of *langs* at once (one walk; equal to calling it per
    language). The results may share their parts that do not depend on the language (only read).

    A node of one of our vocabularies' terms (its ``@id`` under :data:`~ouderbetrokkenheid.exporters.
    jsonld.VOCAB`: a resource's kind, audiences, levels, themes) is made by the ``jsonld`` exporter
    from the vocabulary alone, so the same ``@id`` under the same *key* is the same node on many
    pages: it is localised once and shared by the pages whose node equals it (a comparison of two
    small maps is far cheaper than a walk; a node that differs is localised again)."""
    count = len(langs)
    if isinstance(value, list):
        columns = [_localize_all(v, langs, default, key) for v in value]
        return [[column[i] for column in columns if column[i] is not None] or None for i in range(count)]
    if not isinstance(value, dict):
        return [value] * count
    node_id = value.get("@id")
    if isinstance(node_id, str) and node_id.startswith(VOCAB):
        memo = (key, node_id, langs, default)
        found = _TERMS.get(memo)
        if found is None or found[0] != value:
            if len(_TERMS) >= 4096:  # a bound, in case of very many vocabularies or languages
                _TERMS.clear()
            found = _TERMS[memo] = (value, _localize_node(value, langs, default))
        return found[1]
    return _localize_node(value, langs, default)


def _localize_node(node: dict[str, Any], langs: tuple[str, ...], default: str | None) -> list[Any]:
    """:func:`_localize_all` of the map *node*."""
    count = len(langs)
    outs: list[dict[str, Any]] = [{} for _ in range(count)]
    for key, item in node.items():
        rule = _rule(key)
        if rule == _SKIP:
            continue
        if rule == _ID:
            for out in outs:
                out[key] = item
            continue
        if rule == _TYPE:
            kept = _kept_types(tuple(item) if isinstance(item, list) else item)
            if kept is not None:
                for out in outs:
                    out[key] = kept
            continue
        if rule == _LANGUAGE and isinstance(item, dict):
            for out, chain in zip(outs, _chains(langs, default), strict=True):
                text = _text(item, chain)
                if text:
                    out[key] = text
            continue
        if rule in (_IRIS, _URLS):
            iris = item if isinstance(item, list) else [item]
            if rule == _URLS:
                iris = [url for url in iris if isinstance(url, str) and safe_url(url)]
            columns = [
                [{"@id": i}] * count if isinstance(i, str) else _localize_all(i, langs, default, key)
                for i in iris
            ]
            for n, out in enumerate(outs):
                nodes = [column[n] for column in columns if column[n]]
                if nodes:
                    out[key] = nodes[0] if len(nodes) == 1 else nodes
            continue
        if not isinstance(item, dict | list):  # a literal: the same in every language
            if item is not None:
                for out in outs:
                    out[key] = item
            continue
        for out, localized in zip(outs, _localize_all(item, langs, default, key), strict=True):
            if localized is not None and localized != {}:
                out[key] = localized
    return [out or None for out in outs]


#: The page nodes of the last few resources in every language asked (a resource's pages in each
#: language follow each other).
_RECENT: dict[
    tuple[int, int], tuple[Resource, ContentPack | None, tuple[str, ...], dict[str, dict[str, Any]]]
] = {}


def page_node(
    resource: Resource, pack: ContentPack | None, lang: str, languages: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The schema.org JSON-LD object for the page of *resource* in *lang*. With *languages* (the
    site's, *lang* among them) the objects of the resource's pages in all of them are made together
    from one :func:`~ouderbetrokkenheid.exporters.jsonld.resource_node` and one walk over it, and
    remembered for the next calls (the same objects as one call per language would give)."""
    langs = languages if lang in languages else (lang,)
    key = (id(resource), id(pack))
    hit = _RECENT.get(key)
    if hit is not None and hit[0] is resource and hit[1] is pack and lang in hit[3]:
        return hit[3][lang]
    default = pack.manifest.default_language if pack is not None else None
    nodes = _localize_all(resource_node(resource, pack), langs, default)
    found = {
        tag: {"@context": "https://schema.org", **(node or {})}
        for tag, node in zip(langs, nodes, strict=True)
    }
    if len(_RECENT) >= 8:
        del _RECENT[next(iter(_RECENT))]
    _RECENT[key] = (resource, pack, langs, found)
    return found[lang]
