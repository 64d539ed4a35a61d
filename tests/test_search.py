"""Search that finds what people mean: Snowball analysis, compounds both ways, typos, stop words, a
thesaurus from packs, words that are filters, honest results, one work one hit, the persisted index."""

import json
import shutil
from pathlib import Path

import attrs
import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.catalog import cache as cache_module
from ouderbetrokkenheid.catalog.analysis import question_verbs
from ouderbetrokkenheid.catalog.filters import is_free
from ouderbetrokkenheid.catalog.index import osa_distance
from ouderbetrokkenheid.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PACK = ROOT / "examples" / "voorbeeldpack"
PACKS = sorted(ROOT.glob("plugins/*/src/*/pack"))
PATHS = [argument for pack in PACKS for argument in ("--path", str(pack))]
PROV = ob.Provenance(source="s", status="unverified")
OURS = ob.Provenance(source="s", status="authored-here")


def text(**values):
    return ob.LocalizedText(values)


def resource(local, title, **fields):
    return ob.Resource(
        id=f"t/{local}", kind=fields.pop("kind", "brochure"), title=text(nl=title), provenance=PROV, **fields
    )


@pytest.fixture(scope="module")
def catalog():
    filler = tuple(resource(f"vul-{i}", f"Tips voor ouders nummer {i}") for i in range(30))
    resources = (
        resource("handboek", "Handboek ouderbetrokkenheid", kind="book"),
        resource("boek", "Een boek over de school"),
        resource("kansarmoede", "Kansarmoede in Brussel"),
        resource("ouderraad", "De ouderraad op school"),
        resource("comite", "Een oudercomité oprichten"),
        resource("communicatie", "Open communicatie"),
        resource("anderstalig", "Anderstalige ouders verwelkomen"),
        resource("meertalig", "Meertalige ouders en de school"),
        resource("kleuter", "Samen spelen", levels=("vl-kleuter",)),
        resource(
            "gratis", "Een gids om te downloaden", links=(ob.Link(access="download", url="https://x.be/a"),)
        ),
        resource(
            "verkocht",
            "Een boek te koop",
            kind="book",
            links=(ob.Link(access="online", url="https://x.be/preview"),),
        ),
        resource("thuis", "Leren", concepts=("t/kader#thuis",)),
        *filler,
    )
    framework = ob.Framework(
        id="t/kader",
        title=text(nl="Kader"),
        provenance=PROV,
        concepts=(
            ob.Concept(
                id="t/kader#thuis",
                label=text(nl="Thuisbetrokkenheid"),
                hidden_labels=(text(nl="thuisbetrokkenhijd"),),
            ),
        ),
    )
    manifest = ob.PackManifest(
        name="t",
        version="1.0.0",
        title=text(nl="T"),
        publisher=ob.Agent(name="T"),
        licence="CC0-1.0",
        languages=("nl",),
        thesaurus=(
            ob.ThesaurusEntry(
                id="ouderraad",
                label=text(nl="ouderraad", fr="conseil des parents"),
                alt_labels=(text(nl="oudercomité"),),
                provenance=OURS,
            ),
        ),
    )
    pack = ob.ContentPack(manifest=manifest, resources=resources, frameworks=(framework,))
    return ob.Catalog(ob.Library([pack]))


@pytest.fixture(scope="module")
def bundled():
    return ob.Catalog(ob.Library.discover(PACKS, plugins=False))


def ids(results):
    return [hit.id for hit in results.hits]


def test_compounds_both_ways(catalog):
    assert "t/handboek" in ids(catalog.find("boek", lang="nl"))  # the end of a compound
    found = catalog.find("handboek", lang="nl")
    assert ids(found)[0] == "t/handboek"
    assert "t/boek" in ids(found)  # the last part of the query's compound, less strongly
    assert found.hits[ids(found).index("t/boek")].score < found.hits[0].score
    assert "t/kansarmoede" in ids(catalog.find("armoede", lang="nl"))


def test_typos_in_longer_words(catalog):
    assert ids(catalog.find("ouderbetrokkenhied", lang="nl")) == ["t/handboek"]
    assert ids(catalog.find("comunicatie", lang="nl")) == ["t/communicatie"]
    assert catalog.find("oepn", lang="nl").hits == ()  # short words must be right
    assert osa_distance("ouderbetrokkenhied", "ouderbetrokkenheid", 2) == 1
    # a second typo only in long words (twelve letters on): in shorter ones two typos make another
    # word (oprichten -> opdracht)
    assert ids(catalog.find("verwelkomen", lang="nl")) == ["t/anderstalig"]
    assert ids(catalog.find("verwelkemen", lang="nl")) == ["t/anderstalig"]
    assert catalog.find("verwalkemen", lang="nl").unmatched == ("verwalkemen",)
    assert osa_distance("abc", "xyz", 1) == 2


def test_a_question_works_like_its_content_words(catalog):
    question = catalog.find("hoe verwelkom ik anderstalige ouders?", lang="nl")
    assert ids(question) == ids(catalog.find("verwelkom anderstalige ouders", lang="nl"))
    assert ids(question)[0] == "t/anderstalig"


def test_a_common_word_alone_does_not_fill_the_list(catalog):
    found = catalog.find("anderstalige ouders", lang="nl")
    assert "t/anderstalig" in ids(found)
    assert not any(identifier.startswith("t/vul-") for identifier in ids(found))  # only "ouders"
    assert catalog.find("ouders", lang="nl").total > 30  # asked alone, it lists them all


def test_thesaurus_of_a_pack_below_exact_matches(catalog):
    found = ids(catalog.find("oudercomité", lang="nl"))
    assert found[:2] == ["t/comite", "t/ouderraad"]  # the exact word first, then its synonym
    assert ids(catalog.find("ouderraad", lang="nl"))[:2] == ["t/ouderraad", "t/comite"]
    # a label in another language is understood too
    assert "t/ouderraad" in ids(catalog.find("conseil des parents", lang="nl"))


def test_concept_labels_and_hidden_labels_find_the_concepts_resources(catalog):
    assert "t/thuis" in ids(catalog.find("thuisbetrokkenheid", lang="nl"))
    assert "t/thuis" in ids(catalog.find("thuisbetrokkenhijd", lang="nl"))


def test_words_that_name_facet_values(catalog):
    assert ids(catalog.find("kleuter", lang="nl")) == ["t/kleuter"]
    assert ids(catalog.find("gratis", lang="nl")) == ["t/gratis"]
    assert set(ids(catalog.find("boek", lang="nl"))[:3]) >= {"t/boek", "t/handboek"}


def test_free_means_downloadable_lendable_or_online_except_a_books_preview(catalog):
    free = [r.id for r in catalog.filter(free=True)]
    assert "t/gratis" in free
    assert "t/verkocht" not in free  # a book's online link is a preview or a shop
    marked = catalog.library.get("t/verkocht")
    assert is_free(attrs.evolve(marked, free=True))  # unless the record says it is free


def test_filter_values_as_labels_in_any_language(catalog):
    books = [r.id for r in catalog.filter(kind="book")]
    assert [r.id for r in catalog.filter(kind="boek")] == books
    assert [r.id for r in catalog.filter(kind="livre")] == books
    assert [r.id for r in catalog.filter(level="kleuter")] == ["t/kleuter"]
    with pytest.raises(ob.UnknownFilterError, match=r"unknown kind 'boeken'; did you mean book"):
        catalog.filter(kind="boeken")
    with pytest.raises(ob.UnknownFilterError) as caught:
        catalog.find("ouders", pack="x")
    assert caught.value.suggestions == ("t",)


def test_unmatched_words_are_said(catalog):
    found = catalog.find("boek xyzzyq", lang="nl")
    assert found.unmatched == ("xyzzyq",)
    assert "t/boek" in ids(found)


def test_scores_descend_and_facets_count_every_hit(bundled):
    for query in ("ouders", "communicatie met ouders", "boek", "école parents", "thuis"):
        found = bundled.find(query, lang="nl", limit=5)
        scores = [hit.score for hit in found.hits]
        assert scores == sorted(scores, reverse=True), query
        assert sum(found.facets["pack"].values()) >= len([h for h in found.hits if h.type == "resource"])
    everything = bundled.find("ouders", lang="nl", limit=None)
    few = bundled.find("ouders", lang="nl", limit=5)
    assert few.facets == everything.facets  # counted over every result, not the page shown
    assert few.total == everything.total == len(everything.hits)


def test_one_work_one_hit(bundled):
    found = bundled.find("warm welkom en wederkerig", lang="nl")
    first = found.hits[0]
    assert {first.id, *(other for other, _ in first.same_as)} == {
        "ocb/warm-welkom-en-wederkerig",
        "vcov/warm-welkom-en-wederkerig-2018",
    }
    assert {first.pack, *(pack for _, pack in first.same_as)} == {"ocb", "vcov"}
    assert all(hit.id not in {other for other, _ in first.same_as} for hit in found.hits)
    found = bundled.find("van eiland naar wij-land", lang="nl", limit=None).hits
    guides = [h for h in found if h.type == "resource" and "van-eiland" in h.id]
    assert len(guides) == 1  # the guide of two packs, once
    assert {guides[0].pack, *(pack for _, pack in guides[0].same_as)} == {"ocb", "vcov"}


def test_bundled_queries_of_the_issue(bundled):
    assert bundled.find("taalbarrière", lang="nl").hits
    assert bundled.find("oudercomité", lang="nl").hits
    assert bundled.find("thuistaal", lang="nl").hits
    assert bundled.find("gratis", lang="nl").hits
    books = ids(bundled.find("ouders", lang="nl", limit=None, kind="book"))
    assert {"ocb/handboek-ouderbetrokkenheid-3.0", "vcov/gezin-en-school-2011"} <= set(books)
    free = {r.id for r in bundled.filter(free=True)}
    assert "ref/samen-werken-aan-schoolsucces" not in free


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_says_unmatched_words_and_names_both_packs(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")  # the interface in English (the locale)
    monkeypatch.setenv(cache_module.CACHE_ENV, str(tmp_path / "cache"))
    code, out, _ = run(capsys, "search", "warm welkom xyzzyq", *PATHS)
    assert code == 0
    assert "no record has: xyzzyq" in out
    assert "packs vcov, ocb" in out or "packs ocb, vcov" in out
    code, out, _ = run(
        capsys, "--format", "json", "search", "warm welkom xyzzyq", "--facets", "--limit", "1", *PATHS
    )
    data = json.loads(out)
    assert data["unmatched"] == ["xyzzyq"]
    assert data["results"][0]["same_as"][0]["pack"] in {"ocb", "vcov"}
    assert data["total"] >= 1 and "facets" in data
    code, _, err = run(capsys, "search", "ouders", "--kind", "boeken", *PATHS)
    assert code == 2
    assert "--kind: 'boeken' is not a known value" in err and "did you mean: 'book'" in err


def test_cli_scores_are_in_descending_order(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv(cache_module.CACHE_ENV, str(tmp_path / "cache"))
    _, out, _ = run(capsys, "search", "anderstalige ouders", "--limit", "50", *PATHS)
    scores = [float(line.rsplit("score ", 1)[1].split()[0]) for line in out.splitlines() if "score " in line]
    assert scores and scores == sorted(scores, reverse=True)


# -- the persisted index ------------------------------------------------------------------------
def test_cache_is_reused_while_the_packs_are_unchanged(tmp_path, monkeypatch):
    monkeypatch.setenv(cache_module.CACHE_ENV, str(tmp_path / "cache"))
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE_PACK, pack)
    first = ob.Catalog.open([pack], plugins=False)
    assert ids(first.find("oudercafé", lang="nl")) == ["voorbeeld/oudercafe"]
    assert list((tmp_path / "cache").glob("*.pickle"))

    def refuse(*args, **kwargs):
        raise AssertionError("the packs were loaded although the index is cached")

    monkeypatch.setattr(ob.Library, "discover", refuse)
    again = ob.Catalog.open([pack], plugins=False)
    assert ids(again.find("oudercafé", lang="nl")) == ["voorbeeld/oudercafe"]
    assert again.find("oudercafé", lang="nl") == first.find("oudercafé", lang="nl")


def test_cache_is_invalidated_when_a_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv(cache_module.CACHE_ENV, str(tmp_path / "cache"))
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE_PACK, pack)
    assert ob.Catalog.open([pack], plugins=False).find("koffiekransje", lang="nl").hits == ()
    data = next(path for path in pack.rglob("*.yaml") if "oudercafe" in path.read_text("utf-8"))
    data.write_text(data.read_text("utf-8").replace("oudercafé", "koffiekransje", 1), "utf-8")
    assert ids(ob.Catalog.open([pack], plugins=False).find("koffiekransje", lang="nl"))


def test_cache_is_invalidated_when_a_pack_is_installed(tmp_path, monkeypatch):
    monkeypatch.setenv(cache_module.CACHE_ENV, str(tmp_path / "cache"))
    from ouderbetrokkenheid import plugins

    class Host:
        """The plugins installed: one pack, then two."""

        def __init__(self, folders):
            self.problems = []
            self.folders = folders

        def pack_sources(self):
            return [
                (plugins.PluginInfo(name=f"p{i}", distribution=f"d{i}", version="1"), f)
                for i, f in enumerate(self.folders)
            ]

    monkeypatch.setattr(plugins, "get_plugin_manager", lambda *a, **k: Host([str(PACKS[0])]))
    before = ob.Catalog.open()
    assert "voorbeeld/oudercafe" not in ids(before.find("oudercafé", lang="nl"))
    assert before.find("ouders", lang="nl").hits
    monkeypatch.setattr(
        plugins, "get_plugin_manager", lambda *a, **k: Host([str(PACKS[0]), str(EXAMPLE_PACK)])
    )
    after = ob.Catalog.open()
    assert ids(after.find("oudercafé", lang="nl"))[0] == "voorbeeld/oudercafe"


def test_library_is_kept_while_the_packs_are_unchanged(tmp_path, monkeypatch):
    monkeypatch.setenv(cache_module.CACHE_ENV, str(tmp_path / "cache"))
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE_PACK, pack)
    first = ob.Library.open([pack], plugins=False)
    assert "voorbeeld/oudercafe" in first
    discover = ob.Library.discover

    def refuse(*args, **kwargs):
        raise AssertionError("the packs were loaded although they are cached")

    monkeypatch.setattr(ob.Library, "discover", refuse)
    again = ob.Library.open([pack], plugins=False)
    assert again is not first
    assert [r.id for r in again] == [r.id for r in first]
    assert again.get("voorbeeld/oudercafe") == first.get("voorbeeld/oudercafe")
    assert again.report == first.report
    # a changed file: loaded anew (and so read again)
    data = next(path for path in pack.rglob("*.yaml") if "oudercafe" in path.read_text("utf-8"))
    data.write_text(data.read_text("utf-8").replace("oudercafé", "koffiekransje", 1), "utf-8")
    with pytest.raises(AssertionError, match="were loaded"):
        ob.Library.open([pack], plugins=False)
    monkeypatch.setattr(ob.Library, "discover", discover)
    changed = ob.Library.open([pack], plugins=False)
    assert "koffiekransje" in json.dumps(
        ob.unstructure(changed.get("voorbeeld/oudercafe")), ensure_ascii=False
    )
    # the search of a catalog over the cached packs loads nothing either
    monkeypatch.setattr(ob.Library, "discover", refuse)
    hits = ob.Catalog.open([pack], plugins=False).search("koffiekransje", lang="nl")
    assert [hit.record.id for hit in hits] == ["voorbeeld/oudercafe"]


def test_cli_commands_use_the_kept_packs(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(cache_module.CACHE_ENV, str(tmp_path / "cache"))
    assert main(["catalog", str(EXAMPLE_PACK)]) == 0
    listed = capsys.readouterr().out

    def refuse(*args, **kwargs):
        raise AssertionError("the packs were loaded although they are cached")

    monkeypatch.setattr(ob.Library, "discover", refuse)
    assert main(["catalog", str(EXAMPLE_PACK)]) == 0
    assert capsys.readouterr().out == listed
    assert main(["show", "voorbeeld/oudercafe", "--path", str(EXAMPLE_PACK)]) == 0
    assert "voorbeeld/oudercafe" in capsys.readouterr().out


def test_a_library_that_cannot_be_pickled_is_just_not_kept(tmp_path):
    store = cache_module.Cache(tmp_path)
    store.put("key", "library", lambda: None)
    assert store.get("key", "library") is None
    assert not list(tmp_path.iterdir())


def test_cache_off_and_unwritable(tmp_path, monkeypatch):
    monkeypatch.setenv(cache_module.CACHE_ENV, "")
    assert cache_module.cache_folder() is None
    assert ob.Catalog.open([EXAMPLE_PACK], plugins=False).find("oudercafé", lang="nl").hits
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(cache_module.CACHE_ENV, str(blocked / "cache"))
    assert ob.Catalog.open([EXAMPLE_PACK], plugins=False).find("oudercafé", lang="nl").hits


def test_cache_keeps_a_few_keys(tmp_path):
    store = cache_module.Cache(tmp_path)
    for number in range(cache_module.KEEP + 3):
        store.put(f"key{number}", "docs", number)
    kept = {path.name.split(".", 1)[0] for path in tmp_path.glob("*.pickle")}
    assert len(kept) == cache_module.KEEP
    assert f"key{cache_module.KEEP + 2}" in kept
    assert store.get("key0", "docs") is None
    (tmp_path / "broken.docs.pickle").write_bytes(b"not a pickle")
    assert store.get("broken", "docs") is None


def test_a_limited_search_is_the_start_of_the_full_one(bundled, catalog):
    for searched in (bundled, catalog):
        for query in ("ouders", "boek", "anderstalige ouders", "school", "tips voor ouders", "warm welkom"):
            full = searched.find(query, lang="nl", limit=None, facets=False)
            for limit in (1, 3, 10):
                part = searched.find(query, lang="nl", limit=limit, facets=False)
                assert part.hits == full.hits[:limit], (query, limit)
                assert part.total == full.total


@pytest.fixture(scope="module")
def weighing():
    """Records that tell the ranking's weighing apart (see each test)."""
    long_summary = text(nl=" ".join(f"woord{i}" for i in range(80)))
    filler = tuple(
        resource(
            f"vul-{i}", f"Ouderbetrokkenheid op school, deel {i}", summary=text(nl="Een tekst voor ouders.")
        )
        for i in range(12)
    )
    resources = (
        resource("titel", "Pesten", summary=long_summary),
        resource(
            "samenvatting", "Tips voor de klas", summary=text(nl="Over pesten en over pesten op school.")
        ),
        resource("zeldzaam", "Ouderparticipatie"),
        resource("betrekken", "Ouders betrekken", summary=text(nl="Zo betrek je ouders bij de school.")),
        resource(
            "anderstalig", "Anderstalige ouders", summary=text(nl="Voor ouders die een andere taal spreken.")
        ),
        resource("thema", "Samen naar school", themes=("multilingualism",)),
        *filler,
    )
    manifest = ob.PackManifest(
        name="t",
        version="1.0.0",
        title=text(nl="T"),
        publisher=ob.Agent(name="T"),
        licence="CC0-1.0",
        languages=("nl",),
        thesaurus=(
            ob.ThesaurusEntry(
                id="ouderbetrokkenheid",
                label=text(nl="ouderbetrokkenheid"),
                alt_labels=(text(nl="ouderparticipatie"),),
                provenance=OURS,
            ),
            ob.ThesaurusEntry(
                id="anderstalig",
                label=text(nl="anderstalig"),
                alt_labels=(text(nl="taalbarrière"),),
                provenance=OURS,
            ),
        ),
    )
    return ob.Catalog(ob.Library([ob.ContentPack(manifest=manifest, resources=resources)]))


def test_a_title_match_is_not_weakened_by_a_long_summary(weighing):
    # BM25F: the title's count is normalised by the title's length, not by the whole record's
    assert ids(weighing.find("pesten", lang="nl"))[0] == "t/titel"


def test_a_rarer_synonym_weighs_no_more_than_the_word_typed(weighing):
    found = ids(weighing.find("ouderbetrokkenheid", lang="nl"))
    assert "t/zeldzaam" in found  # found through the thesaurus ...
    assert found[-1] == "t/zeldzaam"  # ... but below every record with the word itself


def test_the_verb_of_a_question_weighs_less_than_its_topic(weighing):
    assert ids(weighing.find("hoe betrek ik anderstalige ouders", lang="nl"))[0] == "t/anderstalig"
    # the same words not as a question: the verb is a word like the others
    assert ids(weighing.find("ouders betrekken", lang="nl"))[0] == "t/betrekken"


def test_a_thesaurus_entry_named_like_a_theme_finds_the_themes_records(weighing):
    # the entry "anderstalig" is also a label of the theme multilingualism: its alternative
    # label "taalbarrière" finds the record that has only the theme
    assert "t/thema" in ids(weighing.find("taalbarrière", lang="nl"))


def test_question_verbs():
    assert question_verbs(["hoe", "betrek", "ik", "ouders"], "nl") == {1}
    assert question_verbs(["comment", "aider", "on", "les", "parents"], "fr") == {1}
    assert question_verbs(["ouders", "betrekken"], "nl") == set()
    assert question_verbs(["hoe", "ik"], "nl") == set()


# -- two ways to rank, one result ----------------------------------------------------------------
def _both_ways(searched, monkeypatch, query, lang, **options):
    """``find`` ranked without numpy (rank_sparse) and with it (rank)."""
    from ouderbetrokkenheid.catalog import catalog as catalog_module

    monkeypatch.setattr(catalog_module, "SPARSE", 10**12)
    sparse = searched.find(query, lang=lang, **options)
    monkeypatch.setattr(catalog_module, "SPARSE", -1)
    monkeypatch.setattr(catalog_module, "SPARSE_WITHOUT_NUMPY", -1)
    dense = searched.find(query, lang=lang, **options)
    return sparse, dense


def test_ranking_without_numpy_is_the_same(bundled, catalog, monkeypatch):
    """rank_sparse (the command line's way for queries that read few postings, no numpy imported)
    gives exactly what rank gives: the same hits, scores, matched and unmatched words, totals and
    facets, on the bundled packs (the judged queries and seeded variations of them) and on a
    catalog of generated records, with and without filters and limits."""
    import random

    import yaml

    judged = yaml.safe_load((ROOT / "benchmarks" / "judged_queries.yaml").read_text("utf-8"))["queries"]
    rng = random.Random(20261205)
    cases = [(q["q"], q["lang"]) for q in judged]
    for _ in range(150):
        q, lang = rng.choice(cases)
        words = q.split()
        rng.shuffle(words)
        cut = words[: rng.randint(1, len(words))]
        if rng.random() < 0.3:
            word = rng.choice(cut)
            cut.append(word[: max(3, len(word) - rng.randint(0, 3))])
        cases.append((" ".join(cut), lang))
    options = [
        {"limit": None},
        {"limit": 3},
        {"limit": 10, "kind": "boek"},
        {"limit": None, "free": True},
        {"limit": 5, "pack": "vcov", "facets": False},
    ]
    compared = 0
    for searched in (bundled, catalog):
        for query, lang in [*cases, ("", "nl"), ("ouders", "nl"), ("boek", "nl")]:
            for option in options:
                if searched is catalog and option.get("pack"):
                    continue
                sparse, dense = _both_ways(searched, monkeypatch, query, lang, **option)
                assert sparse == dense, (query, lang, option)
                compared += 1
    assert compared > 1000
    numbers = [hit.score for hit in bundled.find("ouders", lang="nl", limit=None).hits]
    assert len(set(numbers)) > 10  # real scores were compared, not only zeros


def test_lacking_a_very_common_word_does_not_lower_the_coverage(weighing):
    # "school" is in most of these records: with the rarer "pesten" in the query, a record on bullying
    # is not the less covered for lacking it, and the title match wins over a summary match
    found = weighing.find("pesten op school", lang="nl")
    assert ids(found)[:2] == ["t/titel", "t/samenvatting"]
    assert found.hits[1].matched == ("pesten", "school")  # matching it still counts in the score
    assert found.hits[0].score == weighing.find("pesten", lang="nl").hits[0].score
