"""The site's related-resources index ranks exactly as ``Catalog.related``, on generated catalogs."""

from hypothesis import given, settings
from hypothesis import strategies as st

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.exporters.site.related import RelatedIndex

PROV = ob.Provenance(source="test", status="example-authored-here")
THEMES = ("communication", "home-involvement", "diversity", "participation")
CONCEPTS = tuple(f"t/f#c{i}" for i in range(5))
IDS = tuple(f"t/r{i}" for i in range(14))


@st.composite
def catalogs(draw: st.DrawFn) -> ob.Library:
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=len(IDS), unique=True))
    others = st.sampled_from((*IDS, "t/elsewhere"))
    resources = tuple(
        ob.Resource(
            id=identifier,
            kind="book",
            title=ob.LocalizedText({"nl": identifier}),
            provenance=PROV,
            themes=tuple(draw(st.lists(st.sampled_from(THEMES), max_size=3, unique=True))),
            # repeats count twice in both implementations
            concepts=tuple(draw(st.lists(st.sampled_from(CONCEPTS), max_size=3))),
            related=tuple(draw(st.lists(others, max_size=2, unique=True))),
            part_of=draw(st.none() | others),
        )
        for identifier in ids
    )
    mappings = tuple(
        ob.Mapping(
            id=f"t/m{i}",
            subject=subject,
            predicate=predicate,
            object=obj,
            justification=ob.LocalizedText({"nl": "test"}),
            confidence=confidence,
            author=ob.Agent(name="test"),
            provenance=PROV,
        )
        for i, (subject, predicate, obj, confidence) in enumerate(
            draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(CONCEPTS),
                        st.sampled_from(("exact", "close", "broad", "narrow", "related")),
                        st.sampled_from((*CONCEPTS, "u/g#x")),
                        st.sampled_from((0.1, 0.3, 0.5, 0.6, 0.7, 0.9, 1.0)),
                    ),
                    max_size=4,
                )
            )
        )
    )
    manifest = ob.PackManifest(
        name="t",
        version="1.0.0",
        title=ob.LocalizedText({"nl": "t"}),
        publisher=ob.Agent(name="t"),
        licence="CC0-1.0",
        languages=("nl",),
    )
    return ob.Library([ob.ContentPack(manifest=manifest, resources=resources, mappings=mappings)])


@settings(max_examples=300, deadline=None)
@given(catalogs(), st.integers(min_value=1, max_value=12))
def test_related_ranks_as_the_catalog(library: ob.Library, limit: int) -> None:
    catalog = ob.Catalog(library)
    index = RelatedIndex(library)
    for resource in library.resources():
        expected = [hit.record.id for hit in catalog.related(resource.id, limit=limit)]
        assert [r.id for r in index.related(resource, limit)] == expected, resource.id


@settings(max_examples=100, deadline=None)
@given(catalogs())
def test_scores_are_the_catalogs_scores(library: ob.Library) -> None:
    catalog = ob.Catalog(library)
    index = RelatedIndex(library)
    for resource in library.resources():
        expected = {hit.record.id: hit.score for hit in catalog.related(resource.id, limit=len(IDS))}
        scores = index.scores(resource)
        got = {
            other.id: round(float(scores[i]), 4) for i, other in enumerate(index.resources) if scores[i] > 0
        }
        assert got == expected


@st.composite
def crowded_catalogs(draw: st.DrawFn) -> ob.Library:
    """Up to 120 resources over two concepts and two themes: large groups, long ties at the cut, many
    resources with one signature (the cache of ``RelatedIndex.related``), and explicit links and parts
    that take resources out of a cached list."""
    size = draw(st.integers(min_value=1, max_value=120))
    ids = [f"t/r{i:03d}" for i in range(size)]
    rng = draw(st.randoms(use_true_random=False))
    resources = tuple(
        ob.Resource(
            id=identifier,
            kind="book",
            title=ob.LocalizedText({"nl": identifier}),
            provenance=PROV,
            themes=tuple(rng.sample(THEMES[:2], rng.randint(0, 2))),
            concepts=tuple(rng.sample(CONCEPTS[:2], rng.randint(0, 2))),
            related=tuple(rng.sample(ids, min(len(ids), rng.choice((0, 0, 1, 3))))),
            part_of=rng.choice((None, None, ids[0], ids[-1])),
        )
        for identifier in ids
    )
    manifest = ob.PackManifest(
        name="t",
        version="1.0.0",
        title=ob.LocalizedText({"nl": "t"}),
        publisher=ob.Agent(name="t"),
        licence="CC0-1.0",
        languages=("nl",),
    )
    return ob.Library([ob.ContentPack(manifest=manifest, resources=resources)])


@settings(max_examples=60, deadline=None)
@given(crowded_catalogs(), st.integers(min_value=1, max_value=12), st.sampled_from((0, 1, 8)))
def test_crowded_catalogs_rank_as_the_catalog(library: ob.Library, limit: int, spare: int) -> None:
    """Catalog.related (every resource scored against every other) is the reference; the index ranks
    each signature once and reuses it, and ranks again when a page's own links leave too few."""
    catalog = ob.Catalog(library)
    index = RelatedIndex(library, spare=spare)
    for resource in library.resources():
        expected = [hit.record.id for hit in catalog.related(resource.id, limit=limit)]
        assert [r.id for r in index.related(resource, limit)] == expected, resource.id
