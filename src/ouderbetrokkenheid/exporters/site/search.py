"""The search index the catalog page searches in the browser, one ``.js`` file per language.

It is :meth:`Catalog.index <ouderbetrokkenheid.Catalog.index>` itself, shipped: the sorted index terms
(Snowball stems, and the terms that stand for facet values) with their postings and BM25 weights; the
lexicon of every word of the records and the thesaurus with its stem; the stop words; the thesaurus's
phrases and what they expand to; the records of one publication (``same_as``). ``search.js`` is a port of
:meth:`LangIndex.plan <ouderbetrokkenheid.catalog.index.LangIndex.plan>` and
:func:`~ouderbetrokkenheid.catalog.index.rank` over that data: Python is the truth (no stemmer runs in the
browser: a query word is looked up in the lexicon), and a test in Chromium proves the two rank alike.

The file assigns a global (``OB_SEARCH[lang] = {...}``) and is loaded with ``<script src>``: ``fetch()``
of a local JSON file is refused under ``file://``; a script is not.
"""

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from ouderbetrokkenheid.catalog import index as ranking
from ouderbetrokkenheid.catalog.analysis import PRONOUNS, QUESTION_WORDS, STOP_WORDS, fold
from ouderbetrokkenheid.catalog.catalog import Catalog
from ouderbetrokkenheid.catalog.filters import is_free
from ouderbetrokkenheid.exporters.site.markup import m_text, machine_label, script_json, truncate
from ouderbetrokkenheid.exporters.site.messages import language_name
from ouderbetrokkenheid.model import VOCABULARIES, Assessment, Finding, Framework, Record, Resource
from ouderbetrokkenheid.reports.messages import primary
from ouderbetrokkenheid.reports.view import Text, resolve

#: The facets the catalog page offers, in display order: facet -> vocabulary (``None``: none).
FACETS: tuple[tuple[str, str | None], ...] = (
    ("theme", "theme"),
    ("audience", "audience-role"),
    ("level", "education-level"),
    ("kind", "resource-kind"),
    ("language", None),
    ("access", "access"),
)

#: The ``kind`` facet's values for records that are not resources.
RECORD_TYPES = {Framework: "framework", Finding: "finding", Assessment: "assessment"}

#: How many results the page shows before "show more".
PAGE_SIZE = 50


def indexed_records(catalog: Catalog) -> list[Record]:
    """The records in the order of the catalog's index (document numbers)."""
    return [r for r in catalog.library if isinstance(r, Resource | Framework | Finding | Assessment)]


def facet_values(record: Record) -> dict[str, list[str]]:
    """The facet values of *record* (resources have all facets; other records a kind and themes)."""
    if isinstance(record, Resource):
        access = list(dict.fromkeys(link.access for link in record.links))
        if is_free(record):
            access.append("free")
        return {
            "theme": list(dict.fromkeys(record.themes)),
            "audience": list(dict.fromkeys(record.audiences)),
            "level": list(dict.fromkeys(record.levels)),
            "kind": [record.kind],
            "language": list(dict.fromkeys(record.languages)),
            "access": access,
        }
    return {"theme": list(dict.fromkeys(getattr(record, "themes", ()))), "kind": [_record_type(record)]}


def _record_type(record: Record) -> str:
    return next(code for cls, code in RECORD_TYPES.items() if isinstance(record, cls))


def value_label(facet: str, code: str, lang: str) -> Text:
    """The label of a facet value in *lang*."""
    if facet == "language":
        return language_name(code, lang)
    if facet == "access" and code == "free":
        return Text(text=m_text("free", lang), lang="")
    if facet == "kind" and code in RECORD_TYPES.values():
        return Text(text=m_text(f"type_{code}", lang), lang="")
    vocabulary = dict(FACETS)[facet]
    if vocabulary is not None:
        try:
            return resolve(VOCABULARIES[vocabulary].term(code).label, lang, None, code)
        except KeyError:
            pass
    return Text(text=code, lang="")


def ordered_values(facet: str, present: set[str]) -> list[str]:
    """*present* values of *facet* in the vocabulary's order, unknown ones after it (sorted)."""
    vocabulary = dict(FACETS)[facet]
    known: list[str] = []
    if vocabulary is not None:
        known = [code for code in VOCABULARIES[vocabulary].codes if code in present]
    if facet == "kind":
        known += [code for code in RECORD_TYPES.values() if code in present]
    if facet == "access" and "free" in present:
        known.append("free")
    return known + sorted(present - set(known))


@attrs.frozen(kw_only=True)
class Shared:
    """What a site's search indexes share, whatever their language: each record's facet values,
    where they stand in each facet (the ``f`` of its entry) and its publication's records."""

    #: Facet -> the codes present, in the facet's order.
    codes: dict[str, list[str]]
    #: Per record: its facet values.
    values: list[dict[str, list[str]]]
    #: Per record: the positions of its values in each facet's codes.
    positions: list[list[list[int]]]
    #: Per record: the documents of its publication (``same_as``; itself alone when it has none).
    works: list[tuple[int, ...]]


def shared_part(catalog: Catalog, records: Sequence[Record]) -> Shared:
    """The part of every language's search index that does not depend on the language."""
    facet_codes: dict[str, set[str]] = {name: set() for name, _ in FACETS}
    per_doc = []
    for record in records:
        values = facet_values(record)
        per_doc.append(values)
        for name, codes in values.items():
            facet_codes[name].update(codes)
    codes = {name: ordered_values(name, facet_codes[name]) for name, _ in FACETS}
    where = {name: {code: i for i, code in enumerate(found)} for name, found in codes.items()}
    return Shared(
        codes=codes,
        values=per_doc,
        positions=[
            [[where[name][code] for code in values.get(name, ())] for name, _ in FACETS] for values in per_doc
        ],
        works=catalog.works(),
    )


def build_index(
    catalog: Catalog,
    records: Sequence[Record],
    lang: str,
    *,
    url_of: Callable[[Record], str],
    title_of: Callable[[Record], Text],
    summary_of: Callable[[Record], Text],
    year_of: Callable[[Record], str],
    shared: Shared | None = None,
) -> dict[str, Any]:
    """The index for pages in *lang*: documents, facets, browse order, vocabulary and postings.
    *shared*: what :func:`shared_part` found for these records (found here when not given)."""
    index = catalog.index(lang)
    if index.size != len(records):
        raise RuntimeError("the catalog's index and the site's records disagree")  # pragma: no cover
    if shared is None:
        shared = shared_part(catalog, records)
    facets = []
    for name, _ in FACETS:
        labels = [value_label(name, code, lang) for code in shared.codes[name]]
        facets.append(
            {
                "name": name,
                "label": m_text(f"facet_{name}", lang),
                "values": shared.codes[name],
                "labels": [label.text for label in labels],
                "langs": [_other(label.lang, lang) for label in labels],
            }
        )
    docs = []
    for record, values, positions in zip(records, shared.values, shared.positions, strict=True):
        title = title_of(record)
        summary = summary_of(record)
        doc: dict[str, Any] = {
            "id": record.id,
            "u": url_of(record),
            "t": title.text,
            "k": values["kind"][0],
            "f": positions,
        }
        if other := _other(title.lang, lang):
            doc["tl"] = other
        if summary.text:
            doc["s"] = truncate(summary.text)
            if other := _other(summary.lang, lang):
                doc["sl"] = other
        if year := year_of(record):
            doc["y"] = year
        if title.machine or summary.machine:  # shown after the item's kind: "(traduction automatique)"
            doc["m"] = 1
        docs.append(doc)
    type_order = {Resource: 0, Framework: 1, Assessment: 2, Finding: 3}
    browse = sorted(
        range(len(records)),
        key=lambda i: (type_order[type(records[i])], fold(docs[i]["t"]), records[i].id),
    )
    for doc, work in zip(docs, shared.works, strict=True):
        if len(work) > 1:
            doc["w"] = list(work)
    terms = sorted(index.postings)
    postings = []
    for term in terms:
        doc_array, weights = index.postings[term]
        flat: list[float] = [0] * (2 * len(doc_array))  # doc, weight, doc, weight, ...
        flat[0::2] = doc_array.tolist()
        flat[1::2] = weights.tolist()
        postings.append(flat)
    state = index.to_state()
    kind_labels = {code: value_label("kind", code, lang).text for code in sorted(shared.codes["kind"])}
    return {
        "lang": lang,
        "docs": docs,
        "facets": facets,
        "kinds": kind_labels,
        "mt": {"text": machine_label(lang).text, "lang": _other(machine_label(lang).lang, lang)},
        "browse": browse,
        "terms": terms,
        "post": postings,
        "surface": state["surface"],
        "stop": sorted(STOP_WORDS.get(index.lang, ())),
        "questions": sorted(QUESTION_WORDS.get(index.lang, ())),
        "pronouns": sorted(PRONOUNS.get(index.lang, ())),
        "phrases": state["phrases"],
        "exp": state["expansions"],
        "k": {
            "exact": ranking.EXACT,
            "compound": ranking.COMPOUND,
            "head": ranking.HEAD,
            "fuzzy": ranking.FUZZY,
            "verb": ranking.VERB,
            "minCompound": ranking.MIN_COMPOUND,
            "minFuzzy": ranking.MIN_FUZZY,
            "twoTypos": ranking.TWO_TYPOS,
            "common": ranking.COMMON,
            "minCommon": ranking.MIN_COMMON,
            "maxEnding": ranking.MAX_ENDING,
            "maxPhrase": ranking.MAX_PHRASE,
            "pseudo": ranking.PSEUDO,
        },
        "pageSize": PAGE_SIZE,
        "ui": {
            key: m_text(key, lang)
            for key in (
                "results_all",
                "results_n",
                "results_one",
                "results_none",
                "results_unmatched",
                "show_more",
            )
        },
    }


def _other(tag: str, lang: str) -> str:
    """*tag* when it is another language than the page's, else ``""``."""
    return tag if tag and primary(tag) != primary(lang) else ""


def index_script(data: dict[str, Any]) -> str:
    """The ``search-index.<lang>.js`` file: a script that registers *data* under its language."""
    # JSON.parse of a string literal loads much faster than the same data as an object literal
    # (a cold load of the 10,000-resource index: about 0.9 s instead of about 2.6 s)
    literal = script_json(script_json(data))
    return (
        "/* ouderbetrokkenheid search index: generated, do not edit. */\n"
        "window.OB_SEARCH = window.OB_SEARCH || {};\n"
        f"window.OB_SEARCH[{script_json(data['lang'])}] = JSON.parse({literal});\n"
    )


class SiteSearch:
    """The search index data of a site's languages, made in one process one language after the
    other: the catalog's indexes for all of them at once (:meth:`Catalog.indexes`), :func:`shared_part`
    for the first language and kept until the last one is made. A language's data is kept for its
    pages until :meth:`release`."""

    def __init__(
        self,
        catalog: Catalog,
        records: Sequence[Record],
        languages: Sequence[str],
        *,
        url_of: Callable[[Record, str], str],
        title_of: Callable[[Record, str], Text],
        summary_of: Callable[[Record, str], Text],
        year_of: Callable[[Record], str],
    ) -> None:
        self._catalog, self._records, self._languages = catalog, records, tuple(languages)
        self._url_of, self._title_of, self._summary_of, self._year_of = url_of, title_of, summary_of, year_of
        self._data: dict[str, dict[str, Any]] = {}
        self._shared: Shared | None = None
        self._waiting = set(self._languages)

    def data(self, lang: str) -> dict[str, Any]:
        """The search index data for *lang* (made on first use)."""
        found = self._data.get(lang)
        if found is None:
            if self._shared is None:
                self._catalog.indexes(self._languages)
                self._shared = shared_part(self._catalog, self._records)
            found = self._data[lang] = build_index(
                self._catalog,
                self._records,
                lang,
                url_of=lambda record: self._url_of(record, lang),
                title_of=lambda record: self._title_of(record, lang),
                summary_of=lambda record: self._summary_of(record, lang),
                year_of=self._year_of,
                shared=self._shared,
            )
            self._waiting.discard(lang)
            if not self._waiting:
                self._shared = None  # every language made: memory given back
        return found

    def release(self, lang: str) -> None:
        """Forget the data for *lang* (its last page has read it)."""
        self._data.pop(lang, None)
