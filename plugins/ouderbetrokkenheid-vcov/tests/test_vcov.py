"""Tests of the vcov content pack: it validates, and it says what the E-toolkit says, no more."""

from collections import Counter
from collections.abc import Iterable, Iterator
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import pytest

from ouderbetrokkenheid import ContentPack, load_pack, validate_pack

LANGUAGES = ("nl", "fr", "en")
BOOKS_SECTION = "Boeken over ouderbetrokkenheid"


@pytest.fixture(scope="module")
def pack_dir() -> Iterator[Path]:
    with as_file(files("ouderbetrokkenheid_vcov") / "pack") as path:
        yield path


@pytest.fixture(scope="module")
def pack(pack_dir: Path) -> ContentPack:
    return load_pack(pack_dir)


def by_id(records: Iterable[Any]) -> dict[str, Any]:
    return {record.id: record for record in records}


def test_pack_validates_without_problems(pack_dir: Path) -> None:
    report = validate_pack(pack_dir)
    assert report.ok
    assert list(report.problems) == []


def test_manifest(pack: ContentPack) -> None:
    manifest = pack.manifest
    assert manifest.name == "vcov"
    assert manifest.languages == LANGUAGES
    assert manifest.licence == "CC-BY-4.0"
    assert manifest.publisher.name == "ouderbetrokkenheid project"
    assert manifest.publisher.kind == "organisation"
    seed = pack.source("seed-vcov-e-toolkit")
    assert seed.publisher == "VCOV"
    assert str(seed.retrieved) == "2026-11-22"
    assert seed.document == "003_194528fcea31bc20.txt"
    assert seed.url is None  # the seed's links were stripped


def test_record_counts(pack: ContentPack) -> None:
    assert len(pack.frameworks) == 3
    assert len(pack.resources) == 67
    assert len(pack.findings) == 4
    assert len(pack.assessments) == 4
    assert len(pack.mappings) == 0


def test_ids_are_unique_and_namespaced(pack: ContentPack) -> None:
    ids = [record.id for record in pack.records()]
    assert len(ids) == len(set(ids))
    assert all(identifier.startswith("vcov/") for identifier in ids)


def test_every_text_has_all_languages_and_translations_are_marked(pack: ContentPack) -> None:
    for record in pack.records():
        for field in ("title", "summary", "claim", "known_gaps"):
            text = getattr(record, field, None)
            if text is not None:
                assert set(text.languages) == set(LANGUAGES), (record.id, field)
        marked = {(t.language, t.method) for t in record.provenance.translations}
        assert marked == {("fr", "machine"), ("en", "machine")}, record.id
        assert record.provenance.status in {"from-source-document", "secondary-source"}, record.id


def test_no_record_claims_to_be_verified(pack: ContentPack) -> None:
    assert not [r.id for r in pack.records() if r.provenance.status == "verified"]


def test_no_link_has_a_url(pack: ContentPack) -> None:
    links = [link for resource in pack.resources for link in resource.links]
    assert all(link.url is None for link in links)
    assert all(link.provider for link in links)


# -- frameworks ---------------------------------------------------------------------------------


def test_participatiehuis_rooms_are_unordered_and_unknown(pack: ContentPack) -> None:
    huis = by_id(pack.frameworks)["vcov/participatiehuis"]
    assert huis.content_status == "partial"
    assert [a.name for a in huis.authors] == ["VCOV", "KOOGO", "GO! ouders"]
    collections = {c.id: c for c in huis.collections}
    rooms = collections["vcov/participatiehuis#kamers"]
    assert rooms.ordered is False
    assert rooms.members == ()
    assert rooms.expected_members is None
    assert "kamers" in huis.known_gaps["nl"]
    # the foundation and the five building blocks, and nothing that looks like a room
    labels = {c.label["nl"] for c in huis.concepts}
    assert labels == {"vertrouwen", "samen", "open", "gelijkwaardig", "constructief", "respectvol"}
    assert not any(label.startswith("mee") for label in labels)
    blocks = collections["vcov/participatiehuis#bouwstenen"]
    assert blocks.ordered is False
    assert len(blocks.members) == blocks.expected_members == 5
    assert "vcov/ouderbetrokkenheid-als-basis" in huis.described_in


def test_seven_dimensions_are_metadata_only(pack: ContentPack) -> None:
    dims = by_id(pack.frameworks)["vcov/7-dimensies"]
    assert dims.content_status == "metadata-only"
    assert dims.concepts == ()
    (collection,) = dims.collections
    assert collection.expected_members == 7
    assert collection.members == ()
    assert dims.known_gaps is not None
    assert {p.name for p in dims.publisher} == {"Kruispunt Migratie-Integratie", "integratiecentra"}
    assert "Samaey" in dims.summary["nl"]
    assert dims.described_in == ("vcov/naar-een-krachtige-samenwerking-werkkader",)


def test_van_eiland_naar_wij_land_has_three_actors(pack: ContentPack) -> None:
    wij = by_id(pack.frameworks)["vcov/van-eiland-naar-wij-land"]
    assert wij.content_status == "partial"
    assert [c.label["nl"] for c in wij.concepts] == ["ouders", "school", "leerling"]
    guide = by_id(pack.resources)["vcov/van-eiland-naar-wij-land-inspiratiegids"]
    assert set(guide.concepts) == {c.id for c in wij.concepts}
    assert guide.levels == ("vl-secundair",)


def test_framework_publications_exist_and_are_described_in(pack: ContentPack) -> None:
    resources = by_id(pack.resources)
    for framework in pack.frameworks:
        assert framework.described_in
        for target in framework.described_in:
            assert target in resources


# -- research -----------------------------------------------------------------------------------


def test_hattie_effect_is_049_with_its_year(pack: ContentPack) -> None:
    finding = by_id(pack.findings)["vcov/ouders-betrokken-bij-school-presteren-beter-hattie-2014"]
    (effect,) = finding.effects
    assert effect.metric == "cohens-d"
    assert effect.value == pytest.approx(0.49)
    assert effect.year == 2014
    assert "2014" in effect.edition
    assert effect.source == "vcov/hattie-2014-lijst-van-effecten-op-prestaties"
    assert "0,40" in effect.note["nl"]
    assert "vcov/naar-de-kern-2021" in finding.sources
    report = by_id(pack.resources)["vcov/naar-de-kern-2021"]
    assert report.year == 2021
    assert "p. 64" in report.summary["nl"]


def test_every_finding_points_at_resources(pack: ContentPack) -> None:
    resources = by_id(pack.resources)
    for finding in pack.findings:
        assert finding.sources, finding.id
        assert all(source in resources for source in finding.sources)


def test_research_attribution(pack: ContentPack) -> None:
    resources = by_id(pack.resources)
    thesis = resources["vcov/masterproef-vanhoenacker-2017"]
    assert (thesis.kind, thesis.year, [a.name for a in thesis.authors]) == ("thesis", 2017, ["Vanhoenacker"])
    bellens = resources["vcov/bellens-de-fraine-2012-effectief-basisonderwijs"]
    assert [a.name for a in bellens.authors] == ["Bellens", "De Fraine"]
    assert bellens.year == 2012
    radboud = resources["vcov/bakker-2013-leraren-en-ouderbetrokkenheid"]
    assert [p.name for p in radboud.publisher] == ["Radboud Universiteit"]
    assert radboud.year == 2013
    # the authors are not in the seed: the record must say where they come from
    assert "bakker-2013-researchgate" in radboud.provenance.note["nl"]


# -- books --------------------------------------------------------------------------------------


def test_six_books_as_the_seed_gives_them(pack: ContentPack) -> None:
    books = [r for r in pack.resources if r.kind == "book" and r.provenance.locator == BOOKS_SECTION]
    assert len(books) == 6
    facts = {b.id: ([a.name for a in b.authors], [p.name for p in b.publisher], b.year) for b in books}
    assert facts == {
        "vcov/gezin-en-school-2011": (["VLOR"], ["Acco"], 2011),
        "vcov/handelingsgericht-werken-2018": (
            ["Pameijer", "Denys", "Timbremont", "Van De Veire"],
            ["Acco"],
            2018,
        ),
        "vcov/warm-welkom-en-wederkerig-2018": (
            ["De Mets", "Peleman", "Seghers", "Vervaeke", "Van Laere"],
            ["VBJK", "SDL", "UGent"],
            2018,
        ),
        "vcov/zonder-wrijving-geen-glans-2020": (["VLOR"], ["Lannoo Campus"], 2020),
        "vcov/basisschool-als-fundament-2015": (["VLOR"], ["Acco"], 2015),
        "vcov/geen-kat-op-school-2021": (["An Ryckmans", "Sanne Verstraelen"], ["Politeia"], 2021),
    }


def test_de_mets_chapter_is_part_of_the_vlor_book(pack: ContentPack) -> None:
    chapter = by_id(pack.resources)["vcov/basisschool-als-fundament-2015-de-mets-partnerschapsmodel"]
    assert chapter.kind == "book-chapter"
    assert chapter.part_of == "vcov/basisschool-als-fundament-2015"
    assert [a.name for a in chapter.authors] == ["Jan De Mets"]


# -- quickscans ---------------------------------------------------------------------------------


def test_quickscans_have_no_items(pack: ContentPack) -> None:
    assert {a.id for a in pack.assessments} == {
        "vcov/quickscan-activiteiten",
        "vcov/quickscan-alle-ouders",
        "vcov/quickscan-in-beeld",
        "vcov/knelpuntentest",
    }
    resources = by_id(pack.resources)
    for assessment in pack.assessments:
        assert assessment.content_status == "metadata-only"
        assert assessment.version is None
        assert assessment.items() == ()
        assert assessment.sections == assessment.scales == assessment.groups == assessment.bands == ()
        assert assessment.known_gaps is not None
        assert assessment.described_in
        assert all(resources[r].kind in {"instrument", "guide"} for r in assessment.described_in)


def test_lusse_quickscan_is_credited_as_the_basis(pack: ContentPack) -> None:
    scan = by_id(pack.assessments)["vcov/quickscan-in-beeld"]
    assert "naar de quickscan van dr. M. Lusse" in scan.summary["nl"]
    assert "vcov/quickscan-lusse" in scan.described_in


def test_activities_quickscan_procedure_comes_from_the_secondary_source(pack: ContentPack) -> None:
    scan = by_id(pack.assessments)["vcov/quickscan-activiteiten"]
    assert scan.provenance.source == "vcov-gids-fiche-3-2"
    assert scan.provenance.status == "secondary-source"
    assert "schoolteam" in scan.summary["nl"]
    assert "rechtstreeks" in scan.summary["nl"]


# -- levels, audiences and the rest of the seed -------------------------------------------------


def test_levels_follow_the_seed(pack: ContentPack) -> None:
    resources = by_id(pack.resources)
    assert resources["vcov/handleiding-smartschool-sint-truiden"].levels == ("vl-okan",)
    assert resources["vcov/toolbox-onderwijs"].levels == ("vl-kleuter",)
    assert resources["vcov/oefenkans-nederlands"].levels == ("vl-kleuter", "vl-lager", "vl-secundair")
    assert resources["vcov/warm-welkom-en-wederkerig-2018"].levels == ("vl-kleuter",)


def test_every_section_of_the_seed_is_covered(pack: ContentPack) -> None:
    sections = Counter(
        r.provenance.locator for r in pack.resources if r.provenance.source == "seed-vcov-e-toolkit"
    )
    assert sections["Onderzoek over ouderbetrokkenheid"] == 9
    assert sections[BOOKS_SECTION] == 7  # six books and one chapter
    assert sections["Info en tips over ouderbetrokkenheid"] == 17
    assert sections["Aan de slag met concreet materiaal"] == 15
    assert sections["VCOV-brochures en -vormingen"] == 11
    kinds = Counter(r.kind for r in pack.resources)
    assert kinds["training"] == 1
    assert kinds["instrument"] == 5


def test_steunpunt_lists_its_four_websites(pack: ContentPack) -> None:
    steunpunt = by_id(pack.resources)["vcov/steunpunt-diversiteit-en-leren"]
    assert set(steunpunt.related) == {
        "vcov/diversiteit-in-actie",
        "vcov/meertaligheid-be",
        "vcov/metrotaal-mind-the-gap",
        "vcov/samen-met-ouders",
    }


def test_the_plugin_hook_ships_the_pack(pack_dir: Path) -> None:
    import ouderbetrokkenheid_vcov

    (shipped,) = ouderbetrokkenheid_vcov.ob_packs()
    assert (shipped / "pack.yaml").is_file()
