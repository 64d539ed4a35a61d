"""Hypothesis strategies for every model type; every object they build is valid against the schemas.

Exporter and plugin authors can fuzz their code with them::

    from hypothesis import given
    from ouderbetrokkenheid.testing import strategies as obst

    @given(obst.content_packs())
    def test_my_exporter(pack): ...

Each strategy is a function whose keyword arguments are sub-strategies, so one aspect can be narrowed
without rewriting the rest (``resources(kind=st.just("book"))``).
"""

import datetime
import itertools
import string
from typing import Any

from hypothesis import strategies as st

from ouderbetrokkenheid.model import (
    Agent,
    Assessment,
    Band,
    Collection,
    Concept,
    ContentPack,
    Dimension,
    DimensionScore,
    Effect,
    Finding,
    Framework,
    Gap,
    GroupResult,
    Item,
    ItemGap,
    Link,
    LocalizedText,
    Mapping,
    Option,
    PackManifest,
    Provenance,
    Rating,
    Resource,
    RespondentGroup,
    Response,
    Result,
    Scale,
    Section,
    Source,
    ThesaurusEntry,
    Translation,
)
from ouderbetrokkenheid.model.vocabularies import VOCABULARIES

SearchStrategy = st.SearchStrategy

_SLUG = st.from_regex(r"\A[a-z0-9]{1,8}([-._][a-z0-9]{1,6}){0,2}\Z")
namespaces = st.from_regex(r"\A[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,5})?\Z")
local_ids = st.from_regex(r"\A[a-z][a-z0-9_]{0,15}\Z")
source_ids = _SLUG
language_tags = st.one_of(
    st.sampled_from(
        ["nl", "fr", "en", "ar", "ary", "tr", "ber", "zgh", "ro", "pl", "nl-BE", "fr-BE", "zh-Hant"]
    ),
    st.from_regex(r"\A[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?\Z"),
)
_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
)
short_texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
)
years = st.integers(min_value=1800, max_value=2100)
dates = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))
urls = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}.example/{path}",
    st.sampled_from(["http", "https"]),
    st.from_regex(r"\A[a-z][a-z0-9-]{0,10}\Z"),
    st.text(alphabet=string.ascii_lowercase + string.digits + "-_/", max_size=15),
) | st.from_regex(r"\Amailto:[a-z]{1,8}@[a-z]{1,8}\.example\Z")


def vocabulary(name: str) -> SearchStrategy[str]:
    """A code of the vocabulary *name* (``resource-kind``, ``theme`` ...)."""
    return st.sampled_from(VOCABULARIES[name].codes)


def _codes(name: str, max_size: int = 3) -> SearchStrategy[tuple[str, ...]]:
    return st.lists(vocabulary(name), max_size=max_size, unique=True).map(tuple)


def localized_texts(
    languages: SearchStrategy[str] = language_tags, text: SearchStrategy[str] = _TEXT
) -> SearchStrategy[LocalizedText]:
    """Texts in one to three languages."""
    return st.dictionaries(languages, text, min_size=1, max_size=3).map(LocalizedText)


def record_ids(namespace: SearchStrategy[str] = namespaces) -> SearchStrategy[str]:
    """``pack/local-id``."""
    return st.builds(lambda ns, local: f"{ns}/{local}", namespace, _SLUG)


def concept_ids(framework: SearchStrategy[str] | None = None) -> SearchStrategy[str]:
    """``pack/framework#concept``."""
    return st.builds(lambda fw, local: f"{fw}#{local}", framework or record_ids(), _SLUG)


def _optional(strategy: SearchStrategy[Any]) -> SearchStrategy[Any]:
    return st.none() | strategy


def agents() -> SearchStrategy[Agent]:
    """People and organisations."""
    return st.builds(Agent, name=short_texts, kind=vocabulary("agent-kind"), url=_optional(urls))


def links() -> SearchStrategy[Link]:
    """Links with at least a URL, a provider or a label."""
    base = st.builds(
        Link,
        access=vocabulary("access"),
        url=_optional(urls),
        provider=_optional(short_texts),
        label=_optional(localized_texts()),
        languages=st.lists(language_tags, max_size=2, unique=True).map(tuple),
    )
    return base.filter(
        lambda link: link.url is not None or link.provider is not None or link.label is not None
    )


def sources(source_id: SearchStrategy[str] = source_ids) -> SearchStrategy[Source]:
    """Source documents."""
    return st.builds(
        Source,
        id=source_id,
        title=short_texts,
        publisher=_optional(short_texts),
        year=_optional(years),
        edition=_optional(short_texts),
        url=_optional(urls),
        retrieved=_optional(dates),
        document=_optional(short_texts),
    )


def provenances(source: SearchStrategy[str] = source_ids) -> SearchStrategy[Provenance]:
    """Provenance records."""
    return st.builds(
        Provenance,
        source=source,
        status=vocabulary("verification"),
        locator=_optional(short_texts),
        language=language_tags,
        translations=st.lists(
            st.builds(
                Translation,
                language=language_tags,
                method=vocabulary("translation-method"),
                by=_optional(short_texts),
            ),
            max_size=2,
        ).map(tuple),
        note=_optional(localized_texts()),
    )


def resources(
    id: SearchStrategy[str] | None = None,
    kind: SearchStrategy[str] | None = None,
    provenance: SearchStrategy[Provenance] | None = None,
) -> SearchStrategy[Resource]:
    """Resources."""
    return st.builds(
        Resource,
        id=id or record_ids(),
        kind=kind or vocabulary("resource-kind"),
        title=localized_texts(),
        provenance=provenance or provenances(),
        subtitle=_optional(localized_texts()),
        summary=_optional(localized_texts()),
        authors=st.lists(agents(), max_size=2).map(tuple),
        publisher=st.lists(agents(), max_size=1).map(tuple),
        year=_optional(years),
        edition=_optional(short_texts),
        isbn=_optional(st.from_regex(r"\A(97[89])?[0-9]{9}[0-9X]\Z")),
        languages=st.lists(language_tags, max_size=2, unique=True).map(tuple),
        audiences=_codes("audience-role"),
        levels=_codes("education-level"),
        themes=_codes("theme"),
        concepts=st.lists(concept_ids(), max_size=2, unique=True).map(tuple),
        links=st.lists(links(), max_size=2).map(tuple),
        free=_optional(st.booleans()),
        licence=_optional(
            st.sampled_from(["CC-BY-4.0", "CC0-1.0", "https://creativecommons.org/licenses/by/4.0/"])
        ),
        part_of=_optional(record_ids()),
        related=st.lists(record_ids(), max_size=2, unique=True).map(tuple),
        same_as=st.lists(record_ids(), max_size=2, unique=True).map(tuple),
        known_gaps=_optional(localized_texts()),
    )


_FINITE = st.floats(min_value=-100, max_value=100, allow_nan=False, allow_infinity=False)


def ratings() -> SearchStrategy[Rating]:
    """Ordinal ratings (value at most max)."""
    return st.integers(1, 10).flatmap(
        lambda top: st.builds(
            Rating, value=st.integers(0, top), max=st.just(top), label=_optional(localized_texts())
        )
    )


def effects() -> SearchStrategy[Effect]:
    """Effect sizes."""
    return st.builds(
        Effect,
        metric=vocabulary("effect-metric"),
        value=_FINITE,
        edition=_optional(short_texts),
        year=_optional(years),
        source=_optional(record_ids()),
        evidence=_optional(ratings()),
        cost=_optional(ratings()),
        note=_optional(localized_texts()),
    )


def findings(id: SearchStrategy[str] | None = None) -> SearchStrategy[Finding]:
    """Research findings."""
    return st.builds(
        Finding,
        id=id or record_ids(),
        claim=localized_texts(),
        provenance=provenances(),
        sources=st.lists(record_ids(), max_size=2, unique=True).map(tuple),
        effects=st.lists(effects(), max_size=2).map(tuple),
        themes=_codes("theme"),
        concepts=st.lists(concept_ids(), max_size=2, unique=True).map(tuple),
        caveats=st.lists(localized_texts(), max_size=2).map(tuple),
    )


@st.composite
def frameworks(draw: st.DrawFn, id: SearchStrategy[str] | None = None) -> Framework:
    """Frameworks whose concepts, broader links and collection members are consistent."""
    framework_id = draw(id or record_ids())
    locals_ = draw(st.lists(_SLUG, max_size=5, unique=True))
    concept_list = []
    for index, local in enumerate(locals_):
        broader = draw(st.none() | st.sampled_from(locals_[:index])) if index else None
        concept_list.append(
            Concept(
                id=f"{framework_id}#{local}",
                label=draw(localized_texts()),
                definition=draw(_optional(localized_texts())),
                notation=draw(_optional(st.from_regex(r"\A[A-Z0-9]{1,3}\Z"))),
                broader=None if broader is None else f"{framework_id}#{broader}",
                alt_labels=tuple(draw(st.lists(localized_texts(), max_size=1))),
                hidden_labels=tuple(draw(st.lists(localized_texts(), max_size=1))),
            )
        )
    members = [c.id for c in concept_list]
    collection_locals = draw(st.lists(_SLUG.filter(lambda s: s not in locals_), max_size=2, unique=True))
    collection_list = tuple(
        Collection(
            id=f"{framework_id}#{local}",
            label=draw(localized_texts()),
            ordered=draw(st.booleans()),
            members=tuple(draw(st.lists(st.sampled_from(members), unique=True))) if members else (),
            expected_members=draw(_optional(st.integers(1, 20))),
        )
        for local in collection_locals
    )
    return Framework(
        id=framework_id,
        title=draw(localized_texts()),
        provenance=draw(provenances()),
        summary=draw(_optional(localized_texts())),
        authors=tuple(draw(st.lists(agents(), max_size=2))),
        publisher=tuple(draw(st.lists(agents(), max_size=1))),
        year=draw(_optional(years)),
        content_status=draw(vocabulary("content-status")),
        known_gaps=draw(_optional(localized_texts())),
        concepts=tuple(concept_list),
        collections=collection_list,
        described_in=tuple(draw(st.lists(record_ids(), max_size=2, unique=True))),
        themes=draw(_codes("theme")),
    )


def mappings(id: SearchStrategy[str] | None = None) -> SearchStrategy[Mapping]:
    """Crosswalk mappings."""
    return st.builds(
        Mapping,
        id=id or record_ids(),
        subject=concept_ids(),
        predicate=vocabulary("mapping-predicate"),
        object=concept_ids(),
        justification=localized_texts(),
        confidence=st.floats(0, 1),
        author=agents(),
        provenance=provenances(),
        date=_optional(dates),
    )


_SCORES = st.floats(min_value=-10, max_value=10, allow_nan=False).map(lambda x: round(x, 2))


@st.composite
def assessments(draw: st.DrawFn, id: SearchStrategy[str] | None = None, min_items: int = 0) -> Assessment:
    """Assessments whose items refer to declared groups, scales and dimensions, with bands covering 0-100."""
    group_ids = draw(st.lists(local_ids, min_size=1, max_size=3, unique=True))
    groups = tuple(
        RespondentGroup(id=g, label=draw(localized_texts()), role=draw(vocabulary("audience-role")))
        for g in group_ids
    )
    scale_ids = draw(st.lists(local_ids, min_size=1, max_size=2, unique=True))
    scales = []
    for scale_id in scale_ids:
        codes = draw(st.lists(st.from_regex(r"\A[a-z0-9_]{1,4}\Z"), min_size=2, max_size=6, unique=True))
        options = []
        for code in codes:
            na = draw(st.booleans()) and len(options) > 0
            options.append(
                Option(
                    code=code,
                    label=draw(localized_texts()),
                    # the schema allows a score on an N/A option; scoring must still leave it out
                    score=draw(_optional(_SCORES)) if na else draw(_SCORES),
                    not_applicable=na,
                )
            )
        scales.append(Scale(id=scale_id, options=tuple(options), label=draw(_optional(localized_texts()))))
    dimension_ids = draw(st.lists(local_ids, min_size=1, max_size=3, unique=True))
    dimensions = tuple(
        Dimension(
            id=d,
            label=draw(localized_texts()),
            concepts=tuple(draw(st.lists(concept_ids(), max_size=2, unique=True))),
            description=draw(_optional(localized_texts())),
        )
        for d in dimension_ids
    )
    link_ids = draw(st.lists(local_ids, min_size=min_items, max_size=6, unique=True))
    items = tuple(
        Item(
            link_id=link_id,
            dimension=draw(st.sampled_from(dimension_ids)),
            scale=draw(st.sampled_from(scale_ids)),
            text={
                g: draw(localized_texts())
                for g in draw(st.lists(st.sampled_from(group_ids), min_size=1, unique=True))
            },
            reverse=draw(st.booleans()),
            weight=draw(st.floats(0.1, 10).map(lambda x: round(x, 2))),
            required=draw(st.booleans()),
        )
        for link_id in link_ids
    )
    sections = (Section(id="s", title=draw(localized_texts()), items=items),) if items else ()
    cuts = sorted(draw(st.lists(st.integers(1, 99), max_size=3, unique=True)))
    edges = [0, *cuts, 100]
    bands = tuple(
        Band(
            id=f"b{i}",
            min=float(lo),
            max=float(hi),
            label=draw(localized_texts()),
            interpretation=draw(_optional(localized_texts())),
            needs_work=draw(st.booleans()),
        )
        for i, (lo, hi) in enumerate(itertools.pairwise(edges))
    )
    return Assessment(
        id=draw(id or record_ids()),
        title=draw(localized_texts()),
        version=draw(st.from_regex(r"\A[0-9]{1,2}(\.[0-9]{1,2}){0,2}\Z"))
        if items
        else draw(_optional(st.just("1.0"))),
        provenance=draw(provenances()),
        summary=draw(_optional(localized_texts())),
        authors=tuple(draw(st.lists(agents(), max_size=1))),
        content_status="complete" if items else "metadata-only",
        known_gaps=draw(_optional(localized_texts())),
        target=draw(_optional(localized_texts())),
        framework=draw(_optional(record_ids())),
        licence=draw(_optional(st.just("CC-BY-4.0"))),
        groups=groups,
        scales=tuple(scales),
        dimensions=dimensions,
        sections=sections,
        bands=bands,
        min_group_size=draw(st.integers(1, 20)),
        themes=draw(_codes("theme")),
    )


def manifests(name: SearchStrategy[str] = namespaces) -> SearchStrategy[PackManifest]:
    """Pack manifests."""
    return st.builds(
        PackManifest,
        name=name,
        version=st.from_regex(r"\A(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]?)\.(0|[1-9][0-9]?)\Z"),
        title=localized_texts(),
        publisher=agents(),
        licence=st.sampled_from(["CC-BY-4.0", "CC0-1.0", "MIT"]),
        languages=st.lists(language_tags, min_size=1, max_size=3, unique=True).map(tuple),
        summary=_optional(localized_texts()),
        homepage=_optional(urls),
        sources=st.lists(sources(), max_size=2).map(tuple),
        depends=st.lists(namespaces, max_size=2, unique=True).map(tuple),
        thesaurus=st.lists(thesaurus_entries(), max_size=2).map(tuple),
    )


def thesaurus_entries() -> SearchStrategy[ThesaurusEntry]:
    """Thesaurus entries of a pack manifest (synonyms for search)."""
    return st.builds(
        ThesaurusEntry,
        id=st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}\Z"),
        label=localized_texts(),
        alt_labels=st.lists(localized_texts(), max_size=2).map(tuple),
        hidden_labels=st.lists(localized_texts(), max_size=1).map(tuple),
        provenance=provenances(),
    )


@st.composite
def content_packs(draw: st.DrawFn, max_records: int = 3) -> ContentPack:
    """Internally consistent packs: ids in the pack's namespace and unique, provenance sources declared,
    references that resolve. They load back from disk without errors (warnings aside)."""
    name = draw(namespaces)
    source_list = draw(st.lists(sources(), min_size=1, max_size=2, unique_by=lambda s: s.id))
    source_strategy = st.sampled_from([s.id for s in source_list])
    languages = ("nl",)
    manifest = PackManifest(
        name=name,
        version="1.0.0",
        title=LocalizedText({"nl": draw(_TEXT)}),
        publisher=draw(agents()),
        licence="CC0-1.0",
        languages=languages,
        sources=tuple(source_list),
    )
    own_ids = st.builds(lambda local: f"{name}/{local}", _SLUG)
    locals_ = draw(st.lists(own_ids, max_size=max_records * 2, unique=True))
    resource_ids, framework_ids = locals_[::2], locals_[1::2]
    nl = localized_texts(languages=st.just("nl"))
    provenance = provenances(source=source_strategy).map(
        lambda p: Provenance(source=p.source, status=p.status, language="nl")
    )
    framework_list = tuple(
        Framework(
            id=fid,
            title=draw(nl),
            provenance=draw(provenance),
            content_status="complete",
            concepts=(Concept(id=f"{fid}#c", label=draw(nl)),),
        )
        for fid in framework_ids
    )
    concept_pool = [c.id for f in framework_list for c in f.concepts]
    resource_list = tuple(
        Resource(
            id=rid,
            kind=draw(vocabulary("resource-kind")),
            title=draw(nl),
            provenance=draw(provenance),
            themes=draw(_codes("theme")),
            concepts=tuple(draw(st.lists(st.sampled_from(concept_pool), unique=True)))
            if concept_pool
            else (),
        )
        for rid in resource_ids
    )
    return ContentPack(manifest=manifest, resources=resource_list, frameworks=framework_list)


def responses() -> SearchStrategy[Response]:
    """Responses (not tied to a particular assessment)."""
    return st.builds(
        Response,
        assessment=record_ids(),
        version=st.just("1.0"),
        group=local_ids,
        respondent=short_texts,
        answers=st.dictionaries(local_ids, st.from_regex(r"\A[a-z0-9_]{1,4}\Z"), max_size=4),
        submitted=_optional(
            st.datetimes(
                min_value=datetime.datetime(2000, 1, 1),
                max_value=datetime.datetime(2100, 1, 1),
                timezones=st.just(datetime.UTC),
            )
        ),
        language=_optional(language_tags),
    )


def results() -> SearchStrategy[Result]:
    """Results (shape only; see the scoring module for results that follow from responses)."""
    scores = st.builds(
        DimensionScore,
        dimension=local_ids,
        answers=st.integers(0, 100),
        mean=_optional(_SCORES),
        score=_optional(st.floats(0, 100)),
        band=_optional(local_ids),
        distribution=st.dictionaries(st.from_regex(r"\A[a-z0-9_]{1,4}\Z"), st.integers(0, 50), max_size=3),
    )
    groups = st.builds(
        GroupResult,
        group=local_ids,
        respondents=st.integers(0, 100),
        suppressed=st.booleans(),
        dimensions=st.lists(scores, max_size=2).map(tuple),
    )
    gaps = st.builds(
        Gap,
        dimension=local_ids,
        first=local_ids,
        second=local_ids,
        difference=st.floats(-100, 100),
        items=st.lists(
            st.builds(ItemGap, link_id=local_ids, difference=st.floats(-100, 100)), max_size=2
        ).map(tuple),
    )
    return st.builds(
        Result,
        assessment=record_ids(),
        version=st.just("1.0"),
        min_group_size=st.integers(1, 20),
        groups=st.lists(groups, max_size=2).map(tuple),
        gaps=st.lists(gaps, max_size=2).map(tuple),
        recommendations=st.dictionaries(
            local_ids, st.lists(record_ids(), max_size=2, unique=True).map(tuple), max_size=2
        ),
    )


#: The strategy for each schema kind that holds one model object.
BY_KIND: dict[str, Any] = {
    "resource": resources,
    "finding": findings,
    "framework": frameworks,
    "mapping": mappings,
    "assessment": assessments,
    "pack": manifests,
    "response": responses,
    "result": results,
}
