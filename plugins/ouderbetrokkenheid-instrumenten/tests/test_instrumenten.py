"""Tests of the 'instrumenten' content pack: two example instruments written by this project, after
Lusse's ten success factors and Epstein's six types (with the NNPS prevalence scale). They validate
against the packs they build on, word every item for both groups in nl/fr/en, cover every factor and
type, and say everywhere that they are ours and not validated."""

import importlib.util
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from importlib.metadata import entry_points
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import attrs
import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid import LocalizedText, load_pack, validate_pack

LANGUAGES = ("nl", "fr", "en")
#: Parents' home languages in Brussels: only what a parent sees is given in them (machine translations).
HOME_LANGUAGES = ("ar", "tr", "pl", "ro", "es", "pt", "uk")
PROJECT = "ouderbetrokkenheid project"
SOURCE_TITLE = "Instruments written by the ouderbetrokkenheid project"
LUSSE = "instrumenten/succesfactoren-scan"
NNPS = "instrumenten/partnerschapsmeting"
#: The packs this one is validated with: itself, 'ref' (its dependency) and what 'ref' depends on.
PACK_MODULES = {
    "instrumenten": "ouderbetrokkenheid_instrumenten",
    "ref": "ouderbetrokkenheid_referentie",
    "ocb": "ouderbetrokkenheid_ocb",
    "vcov": "ouderbetrokkenheid_vcov",
}
EPSTEIN_TYPES = (
    "ref/epstein#parenting",
    "ref/epstein#communicating",
    "ref/epstein#volunteering",
    "ref/epstein#learning-at-home",
    "ref/epstein#decision-making",
    "ref/epstein#collaborating-with-the-community",
)
LUSSE_CLUSTERS = ("ref/lusse#cluster-a", "ref/lusse#cluster-b", "ref/lusse#cluster-c")
NNPS_LABELS = ("Not occurring", "Rarely", "Occasionally", "Frequently", "Extensively")
XLSFORM_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
#: The factor an item of the success factor scan asks about: `a1_welkom` -> cluster a, factor 1.
FACTOR_PREFIX = re.compile(r"^([abc])([0-9]+)_")


# --- fixtures ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pack_dirs() -> Iterator[dict[str, Path]]:
    """The pack folders of this pack and of the three packs it is validated with."""
    missing = [module for module in PACK_MODULES.values() if importlib.util.find_spec(module) is None]
    if missing:
        pytest.fail(
            f"these content packs must be installed to test 'instrumenten': {', '.join(missing)} "
            "(pip install -e plugins/ouderbetrokkenheid-referentie plugins/ouderbetrokkenheid-ocb "
            "plugins/ouderbetrokkenheid-vcov)"
        )
    with ExitStack() as stack:
        yield {
            name: stack.enter_context(as_file(files(module) / "pack"))
            for name, module in PACK_MODULES.items()
        }


@pytest.fixture(scope="module")
def library(pack_dirs: dict[str, Path]) -> Any:
    return ob.Library.discover(list(pack_dirs.values()), plugins=False)


@pytest.fixture(scope="module")
def pack(pack_dirs: dict[str, Path]) -> Any:
    return load_pack(pack_dirs["instrumenten"])


@pytest.fixture(scope="module")
def assessments(pack: Any) -> dict[str, Any]:
    return {assessment.id: assessment for assessment in pack.assessments}


@pytest.fixture(scope="module")
def lusse(assessments: dict[str, Any]) -> Any:
    return assessments[LUSSE]


@pytest.fixture(scope="module")
def nnps(assessments: dict[str, Any]) -> Any:
    return assessments[NNPS]


def texts(obj: Any, at: str = "") -> Iterator[tuple[str, LocalizedText]]:
    """Every multilingual text in *obj* (an attrs object, a tuple or a dict), with where it is."""
    if isinstance(obj, LocalizedText):
        yield at, obj
    elif attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            yield from texts(getattr(obj, field.name), f"{at}/{field.name}")
    elif isinstance(obj, tuple):
        for index, value in enumerate(obj):
            yield from texts(value, f"{at}/{index}")
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from texts(value, f"{at}/{key}")


def normalised(mean: float, scale: Any) -> float:
    """A mean on *scale* as 0-100: (mean - lowest score) / (highest - lowest) * 100."""
    scores = [option.score for option in scale.options if not option.not_applicable]
    return (mean - min(scores)) / (max(scores) - min(scores)) * 100


def band_of(assessment: Any, score: float) -> Any:
    """The band a score falls in: min inclusive, max exclusive (the last band includes 100)."""
    bands = sorted(assessment.bands, key=lambda band: band.min)
    for band in bands:
        if band.min <= score < band.max:
            return band
    assert score == bands[-1].max == 100
    return bands[-1]


# --- the pack as a whole -------------------------------------------------------------------------------


def test_plugin_ships_the_pack_folder() -> None:
    import ouderbetrokkenheid_instrumenten

    (folder,) = ouderbetrokkenheid_instrumenten.ob_packs()
    assert (folder / "pack.yaml").is_file()


def test_entry_point_is_registered() -> None:
    names = {ep.name: ep.value for ep in entry_points(group="ouderbetrokkenheid")}
    assert names.get("instrumenten") == "ouderbetrokkenheid_instrumenten"


def test_the_four_packs_load_together_without_any_problem(library: Any) -> None:
    assert list(library.report.problems) == []
    assert {pack.name for pack in library.packs} == set(PACK_MODULES)
    assert {assessment.id for assessment in library.assessments()} >= {LUSSE, NNPS}


def test_alone_the_pack_has_no_error_only_unchecked_references_to_ref(pack_dirs: dict[str, Path]) -> None:
    report = validate_pack(pack_dirs["instrumenten"])
    assert report.ok
    assert report.problems, "without 'ref' loaded its references cannot be checked"
    assert {problem.code for problem in report.problems} == {"unresolved-external-reference"}


def test_manifest(pack: Any) -> None:
    manifest = pack.manifest
    assert manifest.name == "instrumenten"
    assert tuple(manifest.languages) == LANGUAGES
    assert tuple(manifest.depends) == ("ref",)
    assert manifest.licence == "CC-BY-4.0"
    assert (manifest.publisher.name, manifest.publisher.kind) == (PROJECT, "organisation")


def test_the_only_source_is_this_project_without_url(pack: Any) -> None:
    (source,) = pack.manifest.sources
    assert source.title == SOURCE_TITLE
    assert source.publisher == PROJECT
    assert source.url is None


def test_the_pack_holds_exactly_two_assessments(pack: Any) -> None:
    assert set(Counter(type(record).__name__ for record in pack.records())) == {"Assessment"}
    assert [assessment.id for assessment in pack.assessments] == [NNPS, LUSSE]


# --- what both instruments share -----------------------------------------------------------------------


@pytest.mark.parametrize("record_id", [LUSSE, NNPS])
def test_marked_as_an_example_of_this_project_and_attributed_to_no_one_else(
    assessments: dict[str, Any], pack: Any, record_id: str
) -> None:
    assessment = assessments[record_id]
    assert assessment.provenance.status == "example-authored-here"
    assert assessment.provenance.source == pack.manifest.sources[0].id
    assert [(a.name, a.kind) for a in assessment.authors] == [(PROJECT, "organisation")]
    assert [(a.name, a.kind) for a in assessment.publisher] == [(PROJECT, "organisation")]
    assert assessment.licence == "CC-BY-4.0"


@pytest.mark.parametrize(
    ("record_id", "source_language"), [(LUSSE, "nl"), (NNPS, "en")], ids=["lusse", "nnps"]
)
def test_translations_are_marked_as_machine_made_by_this_project(
    assessments: dict[str, Any], record_id: str, source_language: str
) -> None:
    provenance = assessments[record_id].provenance
    assert provenance.language == source_language
    translated = {t.language: (t.method, t.by) for t in provenance.translations}
    expected = [lang for lang in (*LANGUAGES, *HOME_LANGUAGES) if lang != source_language]
    assert translated == dict.fromkeys(expected, ("machine", PROJECT))


@pytest.mark.parametrize("record_id", [LUSSE, NNPS])
def test_every_label_is_in_nl_fr_and_en(assessments: dict[str, Any], record_id: str) -> None:
    found = list(texts(assessments[record_id]))
    assert len(found) > 50
    for at, text in found:
        assert set(LANGUAGES) <= set(text) <= {*LANGUAGES, *HOME_LANGUAGES}, at
        assert all(value.strip() for value in text.values()), at


def parent_facing(assessment: Any) -> dict[str, LocalizedText]:
    """What a parent sees on the parents' form: the title, the parents' group, the section titles, the
    answer options and the parents' wording of every item."""
    seen = {"title": assessment.title}
    seen |= {f"group/{g.id}": g.label for g in assessment.groups if g.role == "parent"}
    seen |= {f"section/{s.id}": s.title for s in assessment.sections}
    seen |= {f"option/{sc.id}/{o.code}": o.label for sc in assessment.scales for o in sc.options}
    seen |= {f"item/{i.link_id}": i.text["parents"] for i in assessment.items()}
    return seen


@pytest.mark.parametrize("record_id", [LUSSE, NNPS])
def test_what_a_parent_sees_is_in_the_home_languages_and_nothing_else_is(
    assessments: dict[str, Any], record_id: str
) -> None:
    assessment = assessments[record_id]
    seen = parent_facing(assessment)
    assert len(seen) > 20
    for at, text in seen.items():
        assert set(text) == {*LANGUAGES, *HOME_LANGUAGES}, at
        assert all(text[lang].strip() for lang in HOME_LANGUAGES), at
        # a translation, not a copy of a source label
        assert not {text[lang] for lang in HOME_LANGUAGES} & {text[lang] for lang in LANGUAGES}, at
    ids = {id(text) for text in seen.values()}
    for at, text in texts(assessment):
        if id(text) not in ids:
            assert set(text) == set(LANGUAGES), f"{at} is not shown to parents but has {sorted(text)}"


@pytest.mark.parametrize("record_id", [LUSSE, NNPS])
def test_home_language_wording_keeps_the_items_apart_and_the_project_name_latin(
    assessments: dict[str, Any], record_id: str
) -> None:
    assessment = assessments[record_id]
    for lang in HOME_LANGUAGES:
        wordings = [item.text["parents"][lang] for item in assessment.items()]
        assert len(set(wordings)) == len(wordings), lang
        assert "ouderbetrokkenheid" in assessment.title[lang], lang
    # Arabic is written in Arabic script, Ukrainian in Cyrillic
    for item in assessment.items():
        assert re.search(r"[\u0600-\u06FF]", item.text["parents"]["ar"]), item.link_id
        assert re.search(r"[\u0400-\u04FF]", item.text["parents"]["uk"]), item.link_id


@pytest.mark.parametrize("record_id", [LUSSE, NNPS])
def test_every_item_is_worded_for_both_groups_in_every_language(
    assessments: dict[str, Any], record_id: str
) -> None:
    assessment = assessments[record_id]
    assert {(group.id, group.role) for group in assessment.groups} == {
        ("team", "school-team"),
        ("parents", "parent"),
    }
    for item in assessment.items():
        assert set(item.text) == {"team", "parents"}, item.link_id
        for group, text in item.text.items():
            expected = {*LANGUAGES, *HOME_LANGUAGES} if group == "parents" else set(LANGUAGES)
            assert set(text) == expected, (item.link_id, group)
        # parallel, not copied: the two groups get different sentences
        assert item.text["team"]["nl"] != item.text["parents"]["nl"], item.link_id


@pytest.mark.parametrize("record_id", [LUSSE, NNPS])
def test_team_items_speak_as_the_school_and_parent_items_as_the_parent(
    assessments: dict[str, Any], record_id: str
) -> None:
    for item in assessments[record_id].items():
        team = item.text["team"]["nl"].lower()
        parents = item.text["parents"]["nl"].lower()
        assert re.search(r"\b(wij|onze|ons)\b", team), (item.link_id, team)
        assert re.search(r"\b(ik|mij|mijn|mijne)\b", parents), (item.link_id, parents)
        assert not re.search(r"\b(ik|mij|mijn)\b", team), (item.link_id, team)


@pytest.mark.parametrize("record_id", [LUSSE, NNPS])
def test_link_ids_are_unique_xlsform_names(assessments: dict[str, Any], record_id: str) -> None:
    link_ids = [item.link_id for item in assessments[record_id].items()]
    assert len(link_ids) == len(set(link_ids))
    for link_id in link_ids:
        assert XLSFORM_NAME.match(link_id), link_id


@pytest.mark.parametrize("record_id", [LUSSE, NNPS])
def test_one_section_per_dimension_holding_only_that_dimension(
    assessments: dict[str, Any], record_id: str
) -> None:
    assessment = assessments[record_id]
    assert [s.id for s in assessment.sections] == [d.id for d in assessment.dimensions]
    for section in assessment.sections:
        assert section.items, section.id
        assert {item.dimension for item in section.items} == {section.id}


@pytest.mark.parametrize("record_id", [LUSSE, NNPS])
def test_every_item_uses_the_one_scale_whose_na_option_is_not_scored(
    assessments: dict[str, Any], record_id: str
) -> None:
    assessment = assessments[record_id]
    (scale,) = assessment.scales
    assert {item.scale for item in assessment.items()} == {scale.id}
    (na,) = [option for option in scale.options if option.not_applicable]
    assert (na.code, na.score) == ("na", None)
    assert na.label["nl"] == "Weet niet / niet van toepassing"


@pytest.mark.parametrize("record_id", [LUSSE, NNPS])
def test_bands_cover_0_to_100_without_gap_or_overlap(assessments: dict[str, Any], record_id: str) -> None:
    bands = sorted(assessments[record_id].bands, key=lambda band: band.min)
    assert bands[0].min == 0
    assert bands[-1].max == 100
    for before, after in itertools.pairwise(bands):
        assert before.max == after.min
    assert all(band.interpretation is not None for band in bands)


@pytest.mark.parametrize("record_id", [LUSSE, NNPS])
def test_version_group_size_themes(assessments: dict[str, Any], record_id: str) -> None:
    assessment = assessments[record_id]
    assert assessment.version == "1.0"
    assert assessment.content_status == "complete"
    assert assessment.min_group_size == 5
    assert assessment.themes[0] == "self-assessment"


@pytest.mark.parametrize(
    ("record_id", "not_the_original"),
    [
        (
            LUSSE,
            {
                "nl": "niet de quickscan van dr. m. lusse",
                "fr": "pas le quickscan du dr m. lusse",
                "en": "not dr m. lusse's quickscan",
            },
        ),
        (NNPS, {"nl": "niet de nnps measure", "fr": "pas le nnps measure", "en": "not the nnps measure"}),
    ],
    ids=["lusse", "nnps"],
)
def test_summary_and_known_gaps_say_plainly_what_the_instrument_is_not(
    assessments: dict[str, Any], record_id: str, not_the_original: dict[str, str]
) -> None:
    assessment = assessments[record_id]
    not_validated = {"nl": "niet gevalideerd", "fr": "pas validé", "en": "not validated"}
    ours = {"nl": "voorbeeld", "fr": "exemple", "en": "example"}
    for lang in LANGUAGES:
        summary = assessment.summary[lang].lower()
        gaps = assessment.known_gaps[lang].lower()
        assert not_the_original[lang] in summary, (lang, "summary")
        assert not_the_original[lang] in gaps, (lang, "known_gaps")
        assert not_validated[lang] in summary and not_validated[lang] in gaps, lang
        assert ours[lang] in summary and ours[lang] in assessment.title[lang].lower(), lang
        assert "ouderbetrokkenheid" in summary, lang


# --- the success factor scan (Lusse) -------------------------------------------------------------------


def test_lusse_scan_is_built_on_lusse(lusse: Any) -> None:
    assert lusse.framework == "ref/lusse"
    assert lusse.described_in == ("ref/samen-werken-aan-schoolsucces", "ref/een-kwestie-van-vertrouwen")


def test_lusse_dimensions_are_the_three_clusters(lusse: Any, library: Any) -> None:
    assert tuple(d.concepts for d in lusse.dimensions) == tuple((c,) for c in LUSSE_CLUSTERS)
    for dimension in lusse.dimensions:
        _, cluster = library.concept(dimension.concepts[0])
        assert dimension.label == cluster.label


def test_every_lusse_factor_has_one_or_two_items_in_its_own_cluster(lusse: Any, library: Any) -> None:
    framework = library.get("ref/lusse")
    factors = {c.id: c for c in framework.concepts if c.broader is not None}
    assert len(factors) == 10
    cluster_of_dimension = {d.id: d.concepts[0] for d in lusse.dimensions}
    per_factor: Counter[str] = Counter()
    for item in lusse.items():
        match = FACTOR_PREFIX.match(item.link_id)
        assert match, f"{item.link_id} does not name its factor"
        letter, number = match.groups()
        factor = factors[f"ref/lusse#factor-{number}"]
        assert factor.broader == f"ref/lusse#cluster-{letter}", item.link_id
        assert cluster_of_dimension[item.dimension] == factor.broader, item.link_id
        per_factor[factor.id] += 1
    assert set(per_factor) == set(factors)
    assert set(per_factor.values()) <= {1, 2}
    assert 10 <= len(lusse.items()) <= 20


def test_lusse_item_count_per_cluster_matches_its_factors(lusse: Any, library: Any) -> None:
    framework = library.get("ref/lusse")
    factors_per_cluster = Counter(c.broader for c in framework.concepts if c.broader is not None)
    assert factors_per_cluster == {LUSSE_CLUSTERS[0]: 3, LUSSE_CLUSTERS[1]: 4, LUSSE_CLUSTERS[2]: 3}
    cluster_of_dimension = {d.id: d.concepts[0] for d in lusse.dimensions}
    items_per_cluster = Counter(cluster_of_dimension[item.dimension] for item in lusse.items())
    for cluster, factors in factors_per_cluster.items():
        assert factors <= items_per_cluster[cluster] <= 2 * factors, cluster


def test_lusse_has_at_least_two_reverse_items_and_they_are_worded_negatively(lusse: Any) -> None:
    reverse = {item.link_id: item for item in lusse.items() if item.reverse}
    assert set(reverse) == {"a1_aarzelen", "b5_eenrichting", "b7_alleen_problemen"}
    # negative wording: hesitating, one-way contact, contact mainly about problems
    for item in reverse.values():
        team = item.text["team"]["nl"].lower()
        assert any(word in team for word in ("aarzelen", "vooral")), team


def test_lusse_scale_is_a_four_point_agreement_scale(lusse: Any) -> None:
    (scale,) = lusse.scales
    scored = [(o.code, o.score, o.label["nl"]) for o in scale.options if not o.not_applicable]
    assert scored == [
        ("1", 1, "Helemaal oneens"),
        ("2", 2, "Oneens"),
        ("3", 3, "Eens"),
        ("4", 4, "Helemaal eens"),
    ]


def test_lusse_bands(lusse: Any) -> None:
    bands = [(b.id, b.min, b.max, b.needs_work) for b in lusse.bands]
    assert bands == [
        ("werkpunt", 0, 50, True),
        ("op_weg", 50, 75, False),
        ("sterk", 75, 100, False),
    ]


# --- the partnership measure (Epstein, NNPS scale) -----------------------------------------------------


def test_nnps_measure_is_built_on_epstein(nnps: Any) -> None:
    assert nnps.framework == "ref/epstein"
    assert nnps.described_in == ("ref/epstein-handbook-4", "ref/nnps-measure")


def test_nnps_dimensions_are_the_six_types_one_each(nnps: Any, library: Any) -> None:
    assert tuple(d.concepts for d in nnps.dimensions) == tuple((t,) for t in EPSTEIN_TYPES)
    for dimension in nnps.dimensions:
        _, concept = library.concept(dimension.concepts[0])
        assert dimension.label == concept.label


def test_every_epstein_type_has_two_or_three_items(nnps: Any) -> None:
    type_of_dimension = {d.id: d.concepts[0] for d in nnps.dimensions}
    per_type = Counter(type_of_dimension[item.dimension] for item in nnps.items())
    assert set(per_type) == set(EPSTEIN_TYPES)
    assert set(per_type.values()) <= {2, 3}
    assert not any(item.reverse for item in nnps.items())


def test_nnps_scale_has_the_five_labels_of_the_measure(nnps: Any) -> None:
    (scale,) = nnps.scales
    scored = [o for o in scale.options if not o.not_applicable]
    assert [(o.code, o.score) for o in scored] == [(str(n), n) for n in range(1, 6)]
    assert tuple(o.label["en"] for o in scored) == NNPS_LABELS
    # the same Dutch and French labels as the 'ref' record of the Measure uses
    assert [o.label["nl"] for o in scored] == ["Komt niet voor", "Zelden", "Af en toe", "Vaak", "Uitgebreid"]
    assert [o.label["fr"] for o in scored] == [
        "N'a pas lieu",
        "Rarement",
        "Occasionnellement",
        "Fréquemment",
        "De manière étendue",
    ]


def test_nnps_labels_match_the_ref_record_of_the_measure(nnps: Any, library: Any) -> None:
    summary = library.get("ref/nnps-measure").summary
    (scale,) = nnps.scales
    for option in scale.options:
        if not option.not_applicable:
            for lang in LANGUAGES:
                assert option.label[lang] in summary[lang], (option.code, lang)


def test_nnps_strong_band_starts_at_a_mean_of_4(nnps: Any) -> None:
    (scale,) = nnps.scales
    strong = [band for band in nnps.bands if not band.needs_work]
    assert [(b.id, b.min, b.max, b.label["en"]) for b in strong] == [
        ("sterk", 75, 100, "Strong and prominent")
    ]
    assert strong[0].label["nl"] == "Sterk en prominent"
    assert normalised(4, scale) == 75
    assert band_of(nnps, normalised(4, scale)) is strong[0]
    assert band_of(nnps, normalised(5, scale)) is strong[0]
    # a mean of 1, 2, 3 or just under 4 needs improvement
    for mean in (1, 2, 3, 3.99):
        band = band_of(nnps, normalised(mean, scale))
        assert band.needs_work, mean
        assert band.label["en"] == "Needs improvement"
