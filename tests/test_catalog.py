"""Catalog: search as people type Dutch, filters, facets, related records."""

import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.catalog.analysis import analyse, fold, stem


def text(**values):
    return ob.LocalizedText(values)


PROV = ob.Provenance(source="s", status="unverified")


def resource(local, title, *, summary=None, **fields):
    return ob.Resource(
        id=f"t/{local}",
        kind=fields.pop("kind", "brochure"),
        title=title,
        summary=summary,
        provenance=PROV,
        **fields,
    )


@pytest.fixture(scope="module")
def catalog():
    framework = ob.Framework(
        id="t/kader",
        title=text(nl="Kader"),
        provenance=PROV,
        concepts=(
            ob.Concept(id="t/kader#thuis", label=text(nl="Thuisbetrokkenheid", fr="Implication à la maison")),
            ob.Concept(id="t/kader#leren", label=text(nl="Leren thuis"), broader="t/kader#thuis"),
            ob.Concept(id="t/kader#school", label=text(nl="Op school")),
        ),
    )
    other = ob.Framework(
        id="t/ander",
        title=text(nl="Ander kader"),
        provenance=PROV,
        concepts=(ob.Concept(id="t/ander#home", label=text(nl="Thuis")),),
    )
    resources = (
        resource(
            "thuis",
            text(nl="Thuisbetrokkenheid stimuleren", fr="Stimuler l'implication à la maison"),
            themes=("home-involvement",),
            concepts=("t/kader#leren",),
            audiences=("parent",),
            links=(ob.Link(access="lend", provider="Obib"),),
            levels=("vl-kleuter",),
        ),
        resource(
            "ouders",
            text(nl="Ouders betrekken op school", en="Involving parents at school"),
            summary=text(nl="Over de ouderraad en de kinderen."),
            themes=("participation",),
            concepts=("t/kader#school",),
            links=(ob.Link(access="order", provider="uitgever"),),
        ),
        resource(
            "kind",
            text(nl="Een kind op school"),
            themes=("participation",),
            kind="book",
            publisher=(ob.Agent(name="Acco"),),
        ),
        resource("ecole", text(nl="Schoolbrochure", fr="Brochure de l'école"), free=True, languages=("fr",)),
        resource("deel", text(nl="Hoofdstuk over thuis"), part_of="t/kind", kind="book-chapter"),
        resource("anders", text(nl="Iets anders"), concepts=("t/ander#home",)),
    )
    mapping = ob.Mapping(
        id="t/map",
        subject="t/kader#leren",
        predicate="close",
        object="t/ander#home",
        justification=text(nl="x"),
        confidence=0.8,
        author=ob.Agent(name="wij"),
        provenance=PROV,
    )
    manifest = ob.PackManifest(
        name="t",
        version="1.0.0",
        title=text(nl="T"),
        publisher=ob.Agent(name="T"),
        licence="CC0-1.0",
        languages=("nl", "fr"),
    )
    pack = ob.ContentPack(
        manifest=manifest, resources=resources, frameworks=(framework, other), mappings=(mapping,)
    )
    return ob.Catalog(ob.Library([pack]))


def ids(items):
    return [getattr(item, "record", item).id for item in items]


@pytest.mark.parametrize(
    ("word", "same"),
    [
        ("ouders", "ouder"),
        ("kinderen", "kind"),
        ("scholen", "school"),
        ("gesprekken", "gesprek"),
        ("boekjes", "boek"),
        ("leerlingen", "leerling"),
        ("talen", "taal"),
        ("communicaties", "communicatie"),
        ("gelijkwaardige", "gelijkwaardig"),
        ("mogelijkheden", "mogelijkheid"),
        ("meertalige", "meertaligheid"),
        ("voorlezen", "voorlees"),
    ],
)
def test_stems_join_inflections(word, same):
    assert stem(word, "nl") == stem(same, "nl")


@pytest.mark.parametrize(
    ("lang", "word", "same"),
    [
        ("fr", "écoles", "ecole"),
        ("fr", "parents", "parent"),
        ("en", "reading", "read"),
        ("en", "schools", "school"),
    ],
)
def test_french_and_english_stems(lang, word, same):
    assert stem(word, lang) == stem(same, lang)


def test_fold_and_analyse():
    assert fold("Één École") == "een ecole"
    assert analyse("Ouders' KINDEREN, thuis!", "nl") == ["ouder", "kind", "thuis"]
    # stop words go, unless the query has nothing else
    assert analyse("hoe betrek ik de ouders", "nl") == ["betrek", "ouder"]
    assert analyse("comment impliquer les parents", "fr") == analyse("impliquer parents", "fr")
    assert analyse("wie", "nl") == ["wie"]


def test_case_and_diacritics_are_folded(catalog):
    assert ids(catalog.search("ECOLE", lang="fr"))[0] == "t/ecole"
    assert ids(catalog.search("école", lang="fr")) == ids(catalog.search("ecole", lang="fr"))


def test_plural_finds_singular(catalog):
    assert "t/kind" in ids(catalog.search("kinderen", lang="nl"))
    assert "t/ouders" in ids(catalog.search("ouder", lang="nl"))


def test_compound_prefix(catalog):
    hits = ids(catalog.search("thuis", lang="nl"))
    assert "t/thuis" in hits  # thuis -> Thuisbetrokkenheid
    assert "t/kader" in hits  # through its concepts' labels


def test_searches_the_labels_of_the_asked_language(catalog):
    assert ids(catalog.search("maison", lang="fr"))[0] == "t/thuis"
    assert "t/thuis" not in ids(catalog.search("maison", lang="nl"))
    assert ids(catalog.search("involving", lang="en")) == ["t/ouders"]
    assert ids(catalog.search("betrekken", lang="en")) == []  # the en title is searched, not the nl one


def test_more_matched_words_rank_first(catalog):
    hits = catalog.search("ouders school", lang="nl")
    assert hits[0].record.id == "t/ouders"
    assert hits[0].matched == ("ouders", "school")  # the words as typed
    assert all(len(h.matched) <= 2 for h in hits)


def test_title_outranks_summary(catalog):
    hits = catalog.search("kinderen", lang="nl")
    assert ids(hits)[:2] == ["t/kind", "t/ouders"]  # t/kind has it in the title


def test_filters_combine(catalog):
    assert ids(catalog.filter(theme="participation")) == ["t/ouders", "t/kind"]
    assert ids(catalog.filter(theme="participation", kind="book")) == ["t/kind"]
    assert ids(catalog.filter(kind=["book", "book-chapter"])) == ["t/kind", "t/deel"]
    assert ids(catalog.filter(access="lend")) == ["t/thuis"]
    assert ids(catalog.filter(free=True)) == ["t/thuis", "t/ecole"]  # free, or lendable
    assert ids(catalog.filter(language="fr")) == ["t/ecole"]
    assert ids(catalog.filter(publisher="Acco")) == ["t/kind"]
    assert ids(catalog.filter(level="vl-kleuter", audience="parent")) == ["t/thuis"]
    assert catalog.filter(theme="bullying") == []


def test_concept_filter_includes_narrower(catalog):
    assert ids(catalog.filter(concept="t/kader#thuis")) == ["t/thuis"]


def test_search_with_filters(catalog):
    assert set(ids(catalog.search("school", lang="nl", theme="participation"))) == {"t/ouders", "t/kind"}


def test_facets(catalog):
    facets = catalog.facets()
    assert facets["theme"] == {"participation": 2, "home-involvement": 1}
    assert facets["access"]["lend"] == 1
    assert facets["kind"]["brochure"] == 4
    narrowed = catalog.facets(catalog.filter(kind="book"))
    assert narrowed["publisher"] == {"Acco": 1}


def test_empty_query_lists_filtered(catalog):
    assert ids(catalog.search("", theme="participation")) == ["t/ouders", "t/kind"]


def test_related_through_parts_concepts_and_crosswalks(catalog):
    related = ids(catalog.related("t/thuis"))
    assert related[0] == "t/anders"  # concept mapped through a crosswalk
    assert ids(catalog.related("t/kind"))[0] == "t/deel"  # its chapter
    assert "t/kind" in ids(catalog.related("t/ouders"))  # shared theme


def test_unknown_related_id(catalog):
    with pytest.raises(ob.UnknownIdError):
        catalog.related("t/nope")


def test_indexes_built_together_equal_each_built_alone(catalog):
    """``Catalog.indexes`` finds what the languages share once; every index (and the documents
    table made from the same facet values) is the one a fresh catalog builds for that language alone."""
    library = catalog.library
    together = ob.Catalog(library)
    langs = ["nl", "fr", None, "nl"]
    built = together.indexes(langs)
    assert built[0] is built[3] is together.index("nl")
    for lang, index in zip(langs, built, strict=True):
        alone = ob.Catalog(library).index(lang)
        assert index.to_state() == alone.to_state()
        assert sorted(index.postings) == sorted(alone.postings)
        for term, (docs, weights) in alone.postings.items():
            assert index.postings[term][0].tolist() == docs.tolist()
            assert index.postings[term][1].tolist() == weights.tolist()
    assert together._documents() == ob.Catalog(library)._documents()
