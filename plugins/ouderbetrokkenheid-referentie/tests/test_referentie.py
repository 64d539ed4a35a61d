"""Tests of the 'ref' content pack: it validates, and it records the frameworks, effects and crosswalks
as its sources give them (and marks what is unknown or authored here)."""

import importlib.util
from collections import Counter
from collections.abc import Callable, Iterator
from importlib.metadata import entry_points
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import attrs
import pytest

from ouderbetrokkenheid import LocalizedText, load_pack, validate_pack

LANGUAGES = {"nl", "fr", "en"}
EPSTEIN_TYPES = (
    "ref/epstein#parenting",
    "ref/epstein#communicating",
    "ref/epstein#volunteering",
    "ref/epstein#learning-at-home",
    "ref/epstein#decision-making",
    "ref/epstein#collaborating-with-the-community",
)
OCB_THEMES = {
    "ocb/themas#gelijkwaardig-partnerschap",
    "ocb/themas#thuisbetrokkenheid",
    "ocb/themas#open-communicatie",
}


@pytest.fixture(scope="module")
def pack_dir() -> Iterator[Path]:
    with as_file(files("ouderbetrokkenheid_referentie") / "pack") as path:
        yield path


@pytest.fixture(scope="module")
def pack(pack_dir: Path) -> Any:
    return load_pack(pack_dir)


@pytest.fixture(scope="module")
def records(pack: Any) -> dict[str, Any]:
    return {record.id: record for record in pack.records()}


DEPENDENCIES = {"ocb": "ouderbetrokkenheid_ocb", "vcov": "ouderbetrokkenheid_vcov"}


def dependency_pack(name: str) -> Any:
    """The installed pack *name* (one of DEPENDENCIES), or None when its plugin is not installed."""
    module = DEPENDENCIES[name]
    if importlib.util.find_spec(module) is None:
        return None
    with as_file(files(module) / "pack") as path:
        return load_pack(path)


def known_ids(pack: Any) -> set[str]:
    """Ids of the records, concepts and collections of *pack*."""
    known = {record.id for record in pack.records()}
    for framework in pack.frameworks:
        known |= {concept.id for concept in framework.concepts}
        known |= {collection.id for collection in framework.collections}
    return known


def dependencies_lookup() -> Callable[[str], bool | None] | None:
    """An `external` lookup answering for ids of the installed 'ocb' and 'vcov' packs, or None when
    either is not installed."""
    packs = {name: dependency_pack(name) for name in DEPENDENCIES}
    if any(pack is None for pack in packs.values()):
        return None
    known = {name: known_ids(pack) for name, pack in packs.items()}

    def lookup(identifier: str) -> bool | None:
        name = identifier.split("/", 1)[0]
        return identifier in known[name] if name in known else None

    return lookup


@pytest.fixture(scope="module")
def vcov() -> Any:
    pack = dependency_pack("vcov")
    if pack is None:
        pytest.skip("the 'vcov' pack (ouderbetrokkenheid-vcov) is not installed")
    return pack


def references(record: Any) -> Iterator[str]:
    """Every id a record of this pack points at (sources, described_in, related, concepts, mapping ends,
    effect sources)."""
    for name in ("sources", "described_in", "related", "concepts", "part_of"):
        value = getattr(record, name, None)
        if isinstance(value, tuple):
            yield from (item for item in value if isinstance(item, str))
        elif isinstance(value, str):
            yield value
    for name in ("subject", "object"):
        value = getattr(record, name, None)
        if isinstance(value, str):
            yield value
    for effect in getattr(record, "effects", ()):
        if effect.source is not None:
            yield effect.source


# --- the pack as a whole -------------------------------------------------------------------------------


def test_plugin_ships_the_pack_folder() -> None:
    import ouderbetrokkenheid_referentie

    (folder,) = ouderbetrokkenheid_referentie.ob_packs()
    assert (folder / "pack.yaml").is_file()


def test_entry_point_is_registered() -> None:
    names = {ep.name: ep.value for ep in entry_points(group="ouderbetrokkenheid")}
    assert names.get("ref") == "ouderbetrokkenheid_referentie"


def test_pack_validates_with_only_unresolved_external_references_when_alone(pack_dir: Path) -> None:
    report = validate_pack(pack_dir)
    assert report.ok
    assert {problem.code for problem in report.problems} <= {"unresolved-external-reference"}


def test_pack_validates_without_any_problem_against_the_ocb_and_vcov_packs(pack_dir: Path) -> None:
    lookup = dependencies_lookup()
    if lookup is None:
        pytest.skip("the 'ocb' or 'vcov' pack (ouderbetrokkenheid-ocb, -vcov) is not installed")
    report = validate_pack(pack_dir, external=lookup)
    assert report.ok
    assert list(report.problems) == []


def test_manifest(pack: Any) -> None:
    manifest = pack.manifest
    assert manifest.name == "ref"
    assert tuple(manifest.languages) == ("nl", "fr", "en")
    assert manifest.licence == "CC-BY-4.0"
    assert manifest.publisher.name == "ouderbetrokkenheid project"
    assert manifest.publisher.kind == "organisation"
    assert tuple(manifest.depends) == ("ocb", "vcov")


def test_number_of_records_per_kind(pack: Any) -> None:
    assert len(pack.frameworks) == 3
    assert len(pack.resources) == 14
    assert len(pack.findings) == 12
    assert len(pack.mappings) == 14
    assert len(pack.assessments) == 0


def test_every_id_is_in_the_ref_namespace(pack: Any) -> None:
    for record in pack.records():
        assert record.id.startswith("ref/"), record.id


def test_no_record_claims_to_be_verified(pack: Any) -> None:
    assert {record.provenance.status for record in pack.records()} <= {
        "secondary-source",
        "from-source-document",
        "example-authored-here",
    }


def test_every_provenance_source_is_declared(pack: Any) -> None:
    declared = {source.id for source in pack.manifest.sources}
    for record in pack.records():
        assert record.provenance.source in declared, record.id


def test_participatiehuis_sources_went_with_the_records(pack: Any) -> None:
    # the VCOV and GO! ouders pages are sources of the vcov pack now
    declared = {source.id for source in pack.manifest.sources}
    assert not {"vcov-participatiehuis", "go-ouders-participatiehuis"} & declared
    urls = {source.url for source in pack.manifest.sources}
    assert "https://www.vcov.be/ouderinfotheek/Communicatie/Het-participatiehuis" not in urls
    assert "https://www.go-ouders.be/het-participatiehuis" not in urls


def test_references_outside_this_pack_go_only_to_ocb_and_vcov(pack: Any) -> None:
    for record in pack.records():
        for target in references(record):
            assert target.split("/", 1)[0] in {"ref", "ocb", "vcov"}, (record.id, target)


def test_secondary_sources_have_no_retrieval_date(pack: Any) -> None:
    # domain research gives no retrieval dates; only the seed document has one
    for source in pack.manifest.sources:
        if source.id != "seed-etoolkit":
            assert source.retrieved is None, source.id


def test_translations_cover_the_other_languages_and_are_machine_made(pack: Any) -> None:
    for record in pack.records():
        provenance = record.provenance
        translated = {t.language for t in provenance.translations}
        assert translated | {provenance.language} == LANGUAGES, record.id
        assert provenance.language not in translated, record.id
        assert all(t.method == "machine" for t in provenance.translations), record.id


def _texts(value: Any) -> Iterator[LocalizedText]:
    if isinstance(value, LocalizedText):
        yield value
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _texts(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)


def test_every_text_has_all_three_languages_source_language_first(pack: Any) -> None:
    for record in pack.records():
        for text in _texts(record):
            assert set(text.languages) == LANGUAGES, (record.id, text)
        for name in ("title", "summary", "claim", "justification"):
            text = getattr(record, name, None)
            if text is not None:
                assert text.languages[0] == record.provenance.language, (record.id, name)


def test_no_link_has_a_url_that_is_not_a_declared_source(pack: Any) -> None:
    urls = {source.url for source in pack.manifest.sources if source.url}
    for resource in pack.resources:
        for link in resource.links:
            assert link.url in urls, (resource.id, link.url)


# --- Epstein --------------------------------------------------------------------------------------------


def test_epstein_six_types_are_one_unordered_collection(records: dict[str, Any]) -> None:
    epstein = records["ref/epstein"]
    assert epstein.provenance.language == "en"
    assert tuple(c.id for c in epstein.concepts) == EPSTEIN_TYPES
    assert [c.notation for c in epstein.concepts] == ["1", "2", "3", "4", "5", "6"]
    assert all(c.broader is None and c.definition is not None for c in epstein.concepts)
    (types,) = epstein.collections
    assert types.ordered is False
    assert set(types.members) == set(EPSTEIN_TYPES)
    assert epstein.concept("ref/epstein#learning-at-home").label["en"] == "Learning at home"


def test_epstein_handbook_is_the_fourth_edition_2019(records: dict[str, Any]) -> None:
    handbook = records["ref/epstein-handbook-4"]
    assert handbook.kind == "book"
    assert handbook.year == 2019
    assert handbook.edition.startswith("4th")
    assert handbook.authors == ()  # no author list for this edition in the sources
    assert "ref/epstein-handbook-4" in records["ref/epstein"].described_in


def test_nnps_measure_names_its_five_authors_and_holds_no_items(records: dict[str, Any]) -> None:
    measure = records["ref/nnps-measure"]
    assert measure.kind == "instrument"
    assert [a.name for a in measure.authors] == [
        "Karen Clark Salinas",
        "Joyce L. Epstein",
        "Mavis G. Sanders",
        "Deborah Davis",
        "Inge Douglas",
    ]
    assert all(a.kind == "person" for a in measure.authors)
    assert measure.year is None
    assert set(measure.concepts) == set(EPSTEIN_TYPES)
    assert "Extensively" in measure.summary["en"]


# --- Lusse -------------------------------------------------------------------------------------------------


def test_lusse_ten_factors_each_under_one_of_three_clusters(records: dict[str, Any]) -> None:
    lusse = records["ref/lusse"]
    clusters = lusse.top_concepts()
    assert [c.id for c in clusters] == ["ref/lusse#cluster-a", "ref/lusse#cluster-b", "ref/lusse#cluster-c"]
    assert [c.notation for c in clusters] == ["A", "B", "C"]
    factors = [c for c in lusse.concepts if c.broader is not None]
    assert [c.notation for c in factors] == [str(n) for n in range(1, 11)]
    per_cluster = Counter(c.broader for c in factors)
    assert per_cluster == {"ref/lusse#cluster-a": 3, "ref/lusse#cluster-b": 4, "ref/lusse#cluster-c": 3}
    assert (
        lusse.concept("ref/lusse#factor-6").label["nl"]
        == "School voedt het gesprek tussen ouder en kind thuis."
    )
    assert lusse.concept("ref/lusse#factor-6").broader == "ref/lusse#cluster-b"


def test_lusse_book_and_phd(records: dict[str, Any]) -> None:
    book = records["ref/samen-werken-aan-schoolsucces"]
    assert [a.name for a in book.authors] == ["Mariëtte Lusse", "Diender"]
    assert [p.name for p in book.publisher] == ["Coutinho"]
    assert book.year is None
    phd = records["ref/een-kwestie-van-vertrouwen"]
    assert phd.kind == "thesis"
    assert phd.year == 2013
    assert [a.name for a in phd.authors] == ["Mariëtte Lusse"]
    assert set(records["ref/lusse"].described_in) == {book.id, phd.id}


def test_handboek_3_0_is_not_repeated_here(pack: Any) -> None:
    for resource in pack.resources:
        assert "3.0" not in resource.title["nl"], resource.id


# --- SDL gradaties; the participatiehuis is the vcov pack's ----------------------------------------------------------------


def test_sdl_gradaties_are_ordered_meedoen_meedenken_meebeslissen(records: dict[str, Any]) -> None:
    sdl = records["ref/sdl-gradaties"]
    (levels,) = sdl.collections
    assert levels.ordered is True
    order = list(levels.members)
    assert (
        order.index("ref/sdl-gradaties#meedoen")
        < order.index("ref/sdl-gradaties#meedenken")
        < order.index("ref/sdl-gradaties#meebeslissen")
    )
    assert len(order) == 3
    assert sdl.content_status == "partial"
    assert "lager niveau" in sdl.known_gaps["nl"]
    assert sdl.concept("ref/sdl-gradaties#meedenken").alt_labels[0]["nl"] == "Inspraak"
    assert sdl.concept("ref/sdl-gradaties#meebeslissen").alt_labels[0]["nl"] == "Meebeheer"
    assert "Aandachtspunten" in sdl.concept("ref/sdl-gradaties#meedenken").definition["nl"]


def test_ref_has_no_participatiehuis_of_its_own(pack: Any) -> None:
    # VCOV's framework lives only in the vcov pack (vcov/participatiehuis); no ref crosswalk maps it,
    # and whatever in ref points at a participatiehuis record points into vcov.
    for record in pack.records():
        assert "participatiehuis" not in record.id, record.id
        for target in references(record):
            if "participatiehuis" in target:
                assert target.startswith("vcov/participatiehuis"), (record.id, target)
    for framework in pack.frameworks:
        assert "participatiehuis" not in framework.title["nl"].lower(), framework.id
        assert not any("participatiehuis" in c.id for c in framework.concepts), framework.id


def test_no_ref_resource_duplicates_a_vcov_resource(pack: Any, vcov: Any) -> None:
    vcov_titles = {resource.title["nl"].casefold() for resource in vcov.resources}
    vcov_urls = {link.url for resource in vcov.resources for link in resource.links if link.url}
    vcov_urls |= {source.url for source in vcov.manifest.sources if source.url}
    for resource in pack.resources:
        title = resource.title["nl"].casefold()
        # same title, or one title is the other with a subtitle (e.g. Bakker et al. 2013)
        assert not any(t.startswith(title) or title.startswith(t) for t in vcov_titles), resource.id
        for link in resource.links:
            assert link.url not in vcov_urls, (resource.id, link.url)


def test_references_into_vcov_resolve(pack: Any, vcov: Any) -> None:
    known = known_ids(vcov)
    targets = {t for record in pack.records() for t in references(record) if t.startswith("vcov/")}
    assert targets == {
        "vcov/naar-de-kern-2021",
        "vcov/hattie-2014-lijst-van-effecten-op-prestaties",
        "vcov/bakker-2013-leraren-en-ouderbetrokkenheid",
    }
    assert targets <= known


# --- evidence ---------------------------------------------------------------------------------------------


def test_hattie_effects_have_two_editions_with_different_values(records: dict[str, Any]) -> None:
    hattie = records["ref/bevinding-hattie-ouderbetrokkenheid"]
    by_value = {effect.value: effect for effect in hattie.effects}
    assert set(by_value) == {0.51, 0.49}
    assert by_value[0.51].year == 2009 and "Visible Learning" in by_value[0.51].edition
    assert (
        by_value[0.49].year == 2014
        and by_value[0.49].source == "vcov/hattie-2014-lijst-van-effecten-op-prestaties"
    )
    assert by_value[0.51].source == "ref/visible-learning-2009"
    assert tuple(hattie.sources) == (
        "vcov/hattie-2014-lijst-van-effecten-op-prestaties",
        "vcov/naar-de-kern-2021",
        "ref/visible-learning-2009",
    )
    assert by_value[0.51].edition != by_value[0.49].edition
    assert all(effect.metric == "cohens-d" for effect in hattie.effects)
    assert hattie.provenance.status == "from-source-document"
    assert len(hattie.caveats) == 2


def test_metax_parental_programs_is_a_separate_influence(records: dict[str, Any]) -> None:
    metax = records["ref/bevinding-metax-parental-programs"]
    (effect,) = metax.effects
    assert effect.value == 0.40
    assert effect.year == 2026
    assert "1.4" in effect.edition
    assert any("hinge point" in caveat["en"] for caveat in metax.caveats)


def test_eef_toolkit_current_and_2018_values(records: dict[str, Any]) -> None:
    eef = records["ref/bevinding-eef-parental-engagement"]
    effects = {effect.value: effect for effect in eef.effects}
    assert set(effects) == {4, 3}
    current = effects[4]
    assert current.metric == "months-progress"
    assert (current.evidence.value, current.evidence.max) == (4, 5)
    assert (current.cost.value, current.cost.max) == (1, 5)
    assert effects[3].year == 2018
    assert current.edition != effects[3].edition
    early = records["ref/bevinding-eef-early-years-parental-engagement"]
    assert [e.value for e in early.effects] == [5]


def test_eef_guidance_report_has_four_recommendations(records: dict[str, Any]) -> None:
    report = records["ref/eef-working-with-parents-2018"]
    assert report.year == 2018
    summary = report.summary["en"]
    assert all(f"{n}. " in summary for n in range(1, 5))
    assert "5. " not in summary
    assert "ORIM" in summary


def test_review_findings_state_only_found_numbers(records: dict[str, Any]) -> None:
    assert "111" in records["ref/bevinding-bakker-2013-thuisbetrokkenheid"].claim["nl"]
    assert "54" in records["ref/bevinding-bakker-2013-thuisbetrokkenheid"].claim["nl"]
    assert "25 studies" in records["ref/bevinding-fan-chen-2001"].claim["en"]
    assert records["ref/bevinding-fan-chen-2001"].effects == ()  # r values were not found in a source
    assert "37 studies" in records["ref/bevinding-castro-2015"].claim["en"]
    assert "9 meta-analyses" in records["ref/bevinding-wilder-2014"].claim["en"]
    assert "12 meta-analyses" in records["ref/bevinding-driessen-2021"].claim["en"]
    assert "drie posities" in records["ref/bevinding-onderwijsraad-2010-ouderposities"].claim["nl"]
    for finding_id in (
        "ref/bevinding-bakker-2013-thuisbetrokkenheid",
        "ref/bevinding-fan-chen-2001",
        "ref/bevinding-castro-2015",
        "ref/bevinding-wilder-2014",
        "ref/bevinding-driessen-2021",
        "ref/bevinding-onderwijsraad-2010-ouderposities",
    ):
        finding = records[finding_id]
        assert finding.sources
        assert all(source in records or source.startswith("vcov/") for source in finding.sources)
        assert finding.provenance.status == "secondary-source"
    bakker = records["ref/bevinding-bakker-2013-thuisbetrokkenheid"]
    assert tuple(bakker.sources) == ("vcov/bakker-2013-leraren-en-ouderbetrokkenheid",)
    assert bakker.provenance.source == "researchgate-bakker-2013"


# --- crosswalks -------------------------------------------------------------------------------------------


def test_all_mappings_are_authored_here_with_confidence_in_range(pack: Any) -> None:
    for mapping in pack.mappings:
        assert mapping.provenance.status == "example-authored-here", mapping.id
        assert mapping.provenance.source == "crosswalks-project"
        assert mapping.author.name == "ouderbetrokkenheid project"
        assert mapping.author.kind == "organisation"
        assert 0 <= mapping.confidence <= 1
        assert mapping.confidence <= 0.7, mapping.id  # crosswalks are readings, not equivalences
        assert mapping.predicate in {"exact", "close", "broad", "narrow", "related"}
        assert mapping.predicate != "exact", mapping.id


def test_crosswalks_cover_the_three_ocb_themes(pack: Any) -> None:
    subjects = {m.subject for m in pack.mappings if m.subject.startswith("ocb/")}
    assert subjects == OCB_THEMES


def test_key_crosswalks(pack: Any) -> None:
    triples = {(m.subject, m.predicate, m.object) for m in pack.mappings}
    assert ("ocb/themas#thuisbetrokkenheid", "close", "ref/epstein#learning-at-home") in triples
    assert ("ocb/themas#open-communicatie", "close", "ref/epstein#communicating") in triples
    assert ("ocb/themas#gelijkwaardig-partnerschap", "related", "ref/epstein#decision-making") in triples
    assert ("ocb/themas#thuisbetrokkenheid", "narrow", "ref/lusse#factor-6") in triples
    assert ("ocb/themas#open-communicatie", "close", "ref/lusse#factor-5") in triples
    assert ("ref/sdl-gradaties#meebeslissen", "broad", "ref/epstein#decision-making") in triples
