"""Tests of the 'ocb' content pack: it validates, and it says what OCB's rubric page says, no more."""

from collections import Counter
from collections.abc import Iterator
from importlib.metadata import entry_points
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import attrs
import pytest

from ouderbetrokkenheid import load_pack, validate_pack

SEED_SOURCE = "ocb-rubriek-ouderbetrokkenheid"
SEED_DOCUMENT = "000_a8aff74bd4ba9219.txt"
LANGUAGES = {"nl", "fr", "en"}

THEMES = {
    "ocb/themas#gelijkwaardig-partnerschap",
    "ocb/themas#thuisbetrokkenheid",
    "ocb/themas#open-communicatie",
}
OUTCOMES = {
    "ocb/uitkomsten#welbevinden",
    "ocb/uitkomsten#werkhouding",
    "ocb/uitkomsten#sociaal-functioneren",
    "ocb/uitkomsten#cognitief-functioneren",
    "ocb/uitkomsten#schoolprestaties",
}
BOOKS = (
    "ocb/warm-welkom-en-wederkerig",
    "ocb/handboek-ouderbetrokkenheid-3.0",
    "ocb/van-eiland-naar-wij-land",
)


@pytest.fixture(scope="module")
def pack_dir() -> Iterator[Path]:
    with as_file(files("ouderbetrokkenheid_ocb") / "pack") as path:
        yield path


@pytest.fixture(scope="module")
def pack(pack_dir: Path) -> Any:
    return load_pack(pack_dir)


def by_id(pack: Any) -> dict[str, Any]:
    return {record.id: record for record in pack.records()}


# --- the pack as a whole ------------------------------------------------------------------------------


def test_pack_validates_without_errors_or_warnings(pack_dir: Path) -> None:
    report = validate_pack(pack_dir)
    assert report.ok
    assert list(report.problems) == []


def test_plugin_ships_the_pack_folder() -> None:
    from ouderbetrokkenheid_ocb import ob_packs

    [folder] = ob_packs()
    assert folder.joinpath("pack.yaml").is_file()


def test_entry_point_is_registered() -> None:
    [entry] = [ep for ep in entry_points(group="ouderbetrokkenheid") if ep.name == "ocb"]
    assert entry.value == "ouderbetrokkenheid_ocb"


def test_manifest(pack: Any) -> None:
    manifest = pack.manifest
    assert manifest.name == "ocb"
    assert tuple(manifest.languages) == ("nl", "fr", "en")
    assert manifest.publisher.name == "ouderbetrokkenheid project"
    assert manifest.publisher.kind == "organisation"
    assert manifest.licence == "CC-BY-4.0"
    [source] = manifest.sources
    assert source.id == SEED_SOURCE
    assert source.publisher == "Onderwijscentrum Brussel (OCB)"
    assert source.document == SEED_DOCUMENT
    assert str(source.retrieved) == "2026-11-22"
    # The seed's address was stripped: the source has no URL and no year.
    assert source.url is None
    assert source.year is None


def test_number_of_records_per_kind(pack: Any) -> None:
    assert len(pack.resources) == 10
    assert len(pack.findings) == 3
    assert len(pack.frameworks) == 2
    assert len(pack.mappings) == 0
    assert len(pack.assessments) == 0
    assert Counter(r.kind for r in pack.resources) == {
        "dossier": 4,
        "book": 2,
        "guide": 1,
        "practice-example": 1,
        "tip-list": 1,
        "toolkit": 1,
    }


def test_every_id_is_in_the_ocb_namespace(pack: Any) -> None:
    ids = [record.id for record in pack.records()]
    assert len(ids) == len(set(ids))
    assert all(record_id.startswith("ocb/") for record_id in ids)


# --- provenance -----------------------------------------------------------------------------------------


def test_every_record_comes_from_the_seed(pack: Any) -> None:
    for record in pack.records():
        provenance = record.provenance
        assert provenance.source == SEED_SOURCE, record.id
        # Nothing here was checked against an original publication.
        assert provenance.status == "from-source-document", record.id
        assert provenance.language == "nl", record.id
        assert provenance.locator, record.id
        assert {(t.language, t.method) for t in provenance.translations} == {
            ("fr", "machine"),
            ("en", "machine"),
        }, record.id


def _texts(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every localized text inside *value* (an attrs record), with where it is."""
    if hasattr(value, "get_text") and hasattr(value, "languages"):
        yield path, value
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _texts(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}")


def test_every_text_has_all_three_languages(pack: Any) -> None:
    found = 0
    for record in pack.records():
        for path, text in _texts(record, record.id):
            found += 1
            assert set(text.languages) == LANGUAGES, path
            assert text.languages[0] == "nl", path
    assert found > 50


# --- frameworks -----------------------------------------------------------------------------------------


def test_the_three_themes_are_one_unordered_collection(pack: Any) -> None:
    themas = by_id(pack)["ocb/themas"]
    assert {c.id for c in themas.concepts} == THEMES
    [collection] = themas.collections
    assert collection.ordered is False
    assert set(collection.members) == THEMES
    # No hierarchy and no ranking: the seed gives none.
    assert all(c.broader is None for c in themas.concepts)
    assert all(c.notation is None for c in themas.concepts)


def test_the_themes_are_named_but_not_defined(pack: Any) -> None:
    themas = by_id(pack)["ocb/themas"]
    # The seed only names the aspects ("... enzovoort"): no definitions, and the gap is said.
    assert all(c.definition is None for c in themas.concepts)
    assert themas.content_status == "partial"
    assert "enzovoort" in themas.known_gaps["nl"]
    assert themas.described_in == ("ocb/rubriek-ouderbetrokkenheid",)


def test_the_five_outcomes_are_one_unordered_collection(pack: Any) -> None:
    uitkomsten = by_id(pack)["ocb/uitkomsten"]
    assert {c.id for c in uitkomsten.concepts} == OUTCOMES
    [collection] = uitkomsten.collections
    assert collection.ordered is False
    assert set(collection.members) == OUTCOMES
    labels = {c.label["nl"] for c in uitkomsten.concepts}
    assert labels == {
        "Welbevinden",
        "Werkhouding",
        "Sociaal functioneren",
        "Cognitief functioneren",
        "Schoolprestaties",
    }


# --- findings -------------------------------------------------------------------------------------------


def test_positive_effect_finding_links_the_outcomes_without_effect_size(pack: Any) -> None:
    finding = by_id(pack)["ocb/positief-effect-op-leerlingen"]
    assert finding.claim["nl"].startswith("Ouderbetrokkenheid heeft een positief effect op leerlingen")
    assert set(finding.concepts) == OUTCOMES
    # The seed gives no effect size and names no study.
    assert finding.effects == ()
    assert finding.sources == ()
    assert finding.caveats


def test_brussels_context_is_a_finding_about_diversity_language_and_poverty(pack: Any) -> None:
    finding = by_id(pack)["ocb/brusselse-context"]
    assert {"diversity", "multilingualism", "poverty"} <= set(finding.themes)
    assert "des te belangrijker" in finding.claim["nl"]
    assert finding.effects == ()
    assert finding.sources == ()
    assert finding.concepts == ("ocb/themas#open-communicatie",)


# --- resources ------------------------------------------------------------------------------------------


def test_sub_rubrics_are_part_of_the_rubric_and_aligned_to_their_theme(pack: Any) -> None:
    records = by_id(pack)
    rubric = records["ocb/rubriek-ouderbetrokkenheid"]
    assert rubric.kind == "dossier"
    assert set(rubric.concepts) == THEMES
    expected = {
        "ocb/rubriek-gelijkwaardig-partnerschap": "ocb/themas#gelijkwaardig-partnerschap",
        "ocb/rubriek-thuisbetrokkenheid": "ocb/themas#thuisbetrokkenheid",
        "ocb/rubriek-open-communicatie": "ocb/themas#open-communicatie",
    }
    for resource_id, concept in expected.items():
        resource = records[resource_id]
        assert resource.part_of == "ocb/rubriek-ouderbetrokkenheid"
        assert resource.concepts == (concept,)


def test_home_involvement_offers_ouderprikkels_tips_and_a_note(pack: Any) -> None:
    records = by_id(pack)
    tips = records["ocb/tips-ouderprikkels"]
    note = records["ocb/briefje-vragen-over-school"]
    assert tips.kind == "tip-list"
    assert note.kind == "toolkit"
    for resource in (tips, note):
        assert resource.part_of == "ocb/rubriek-thuisbetrokkenheid"
        assert resource.concepts == ("ocb/themas#thuisbetrokkenheid",)
    assert "ouderprikkels" in records["ocb/rubriek-thuisbetrokkenheid"].summary["nl"]


def test_boekje_bij_de_thee(pack: Any) -> None:
    example = by_id(pack)["ocb/boekje-bij-de-thee"]
    assert example.kind == "practice-example"
    assert example.title["nl"] == "Boekje bij de thee"
    summary = example.summary["nl"]
    assert "Sint-Jozefschool in Evere" in summary
    assert "voorleesmoment voor ouders en kinderen na de schooltijd" in summary
    assert example.themes == ("reading",)


def test_handboek_is_by_peter_de_vries_with_the_correction_noted(pack: Any) -> None:
    handboek = by_id(pack)["ocb/handboek-ouderbetrokkenheid-3.0"]
    assert handboek.title["en"] == "Parental involvement handbook 3.0 (Handboek ouderbetrokkenheid 3.0)"
    assert [(a.name, a.kind) for a in handboek.authors] == [("Peter de Vries", "person")]
    note = handboek.provenance.note
    assert "noemt geen auteur" in note["nl"]
    assert "Lusse" in note["nl"]
    # Publisher, year and edition are not in the seed.
    assert handboek.publisher == ()
    assert handboek.year is None
    assert handboek.edition is None


def test_no_other_record_has_authors_publisher_or_year(pack: Any) -> None:
    for resource in pack.resources:
        if resource.id == "ocb/handboek-ouderbetrokkenheid-3.0":
            continue
        assert resource.authors == (), resource.id
        assert resource.publisher == (), resource.id
        assert resource.year is None, resource.id


def test_no_link_has_a_url(pack: Any) -> None:
    links = [link for resource in pack.resources for link in resource.links]
    assert links
    assert all(link.url is None for link in links)


def test_each_book_can_be_lent_from_the_obib(pack: Any) -> None:
    records = by_id(pack)
    for book_id in BOOKS:
        [link] = records[book_id].links
        assert link.access == "lend"
        assert link.provider == "Obib van OCB"
    # Only the books name where they can be had.
    assert {r.id for r in pack.resources if r.links} == set(BOOKS)


def test_download_and_order_without_provider_are_noted_not_linked(pack: Any) -> None:
    records = by_id(pack)
    assert "Download het boek" in records["ocb/warm-welkom-en-wederkerig"].provenance.note["nl"]
    assert "Download het boek" in records["ocb/van-eiland-naar-wij-land"].provenance.note["nl"]
    assert "Bestel het boek" in records["ocb/handboek-ouderbetrokkenheid-3.0"].provenance.note["nl"]


def test_warm_welkom_is_for_nursery_and_tells_the_amif_project(pack: Any) -> None:
    book = by_id(pack)["ocb/warm-welkom-en-wederkerig"]
    assert book.kind == "book"
    assert book.levels == ("vl-kleuter",)
    summary = book.summary["nl"]
    assert "Zeven proeftuinen" in summary
    assert "AMIF-project 'kleuterparticipatie via ouderbetrokkenheid'" in summary
    assert "twee jaar" in summary


def test_van_eiland_naar_wij_land(pack: Any) -> None:
    guide = by_id(pack)["ocb/van-eiland-naar-wij-land"]
    assert guide.kind == "guide"
    assert guide.levels == ("vl-secundair",)
    summary = guide.summary["nl"]
    assert "drie actoren: ouders - school - leerling" in summary
    assert "onderzoeksproject rond ouderbetrokkenheid in Brussel in opdracht" in summary
    # The seed only says "het Steunpunt": no author is recorded.
    assert guide.authors == ()
