"""What a report shows, decided once for every output format.

:func:`build_view` turns a :class:`~ouderbetrokkenheid.model.Result` and its
:class:`~ouderbetrokkenheid.model.Assessment` into a :class:`ReportView`: every label resolved to one
language (and the language it really is in), every number that may be shown, in the order it is shown.
The Markdown and HTML renderers only format it.

Privacy is decided here: a suppressed group (or one with fewer respondents than the minimum of the
result or of the assessment, whichever is larger, whatever the result says) contributes its label and
nothing else. Its respondent count, its scores, and every gap
that involves it are dropped before any renderer sees them.
"""

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from ouderbetrokkenheid.model.assessment import Assessment, Gap, Result
from ouderbetrokkenheid.model.text import LocalizedText
from ouderbetrokkenheid.urls import safe_url

if TYPE_CHECKING:
    from ouderbetrokkenheid.catalog.library import Library

#: How many items a perception gap lists (those that differ most).
GAP_ITEMS = 3


@attrs.frozen(kw_only=True)
class Text:
    """A label in one language: the text and the language tag it is really written in; *machine* when
    that text is a machine translation (its record's ``provenance.translations`` says so), which is then
    marked wherever it is shown."""

    text: str
    lang: str = ""
    machine: bool = False

    def __str__(self) -> str:
        return self.text


def resolve(value: LocalizedText | None, lang: str | None, default: str | None, fallback: str = "") -> Text:
    """*value* in *lang* (with the fallback chain), as a :class:`Text`; *fallback* when absent."""
    if value is not None:
        found = value.resolve(lang, default)
        if found is not None:
            return Text(text=found[1], lang=found[0])
    return Text(text=fallback)


@attrs.frozen(kw_only=True)
class BandView:
    """A score band with its label."""

    id: str
    min: float
    max: float
    label: Text
    needs_work: bool
    interpretation: Text | None = None


@attrs.frozen(kw_only=True)
class GroupView:
    """A respondent group as the report names it; *respondents* is ``None`` when it is suppressed."""

    id: str
    label: Text
    suppressed: bool
    respondents: int | None


@attrs.frozen(kw_only=True)
class ScoreView:
    """One group's score on one dimension."""

    group: GroupView
    answers: int
    mean: float | None
    score: float | None
    band: BandView | None


@attrs.frozen(kw_only=True)
class DimensionView:
    """A dimension with the scores of the groups that are shown."""

    id: str
    label: Text
    scores: tuple[ScoreView, ...]


@attrs.frozen(kw_only=True)
class ItemGapView:
    """An item of a perception gap, worded as the first group reads it."""

    link_id: str
    text: Text
    difference: float


@attrs.frozen(kw_only=True)
class GapView:
    """The perception gap on one dimension between two shown groups."""

    dimension: DimensionView
    first: GroupView
    second: GroupView
    difference: float
    items: tuple[ItemGapView, ...]


@attrs.frozen(kw_only=True)
class PointView:
    """A strong point or a work point: one group's score on one dimension, in a telling band."""

    dimension: DimensionView
    score: ScoreView


@attrs.frozen(kw_only=True)
class ResourceView:
    """A recommended resource: its title (or its id, without a library) and a safe link, if any."""

    id: str
    title: Text
    url: str | None = None


@attrs.frozen(kw_only=True)
class RecommendationView:
    """The resources recommended for one dimension, best first."""

    dimension: DimensionView
    resources: tuple[ResourceView, ...]


@attrs.frozen(kw_only=True)
class ReportView:
    """Everything a report shows, language resolved."""

    #: The asked language (for ``lang`` attributes and number formats).
    lang: str
    assessment: str
    version: str
    title: Text
    min_group_size: int
    bands: tuple[BandView, ...]
    groups: tuple[GroupView, ...]
    dimensions: tuple[DimensionView, ...]
    gaps: tuple[GapView, ...]
    strengths: tuple[PointView, ...]
    work_points: tuple[PointView, ...]
    recommendations: tuple[RecommendationView, ...]

    @property
    def shown_groups(self) -> tuple[GroupView, ...]:
        """The groups whose numbers are shown."""
        return tuple(g for g in self.groups if not g.suppressed)

    @property
    def suppressed_groups(self) -> tuple[GroupView, ...]:
        """The groups that are named but not shown."""
        return tuple(g for g in self.groups if g.suppressed)


def _ordered(known: Iterable[str], present: Iterable[str]) -> list[str]:
    """The ids of *present*, in the order of *known*, unknown ones after them in their own order."""
    present = list(dict.fromkeys(present))
    order = {key: i for i, key in enumerate(known)}
    return sorted(present, key=lambda key: (order.get(key, len(order)), present.index(key)))


def default_language(assessment: Assessment, library: "Library | None") -> str | None:
    """The default language of the pack that holds *assessment*, when *library* has it."""
    if library is None or assessment.id not in library:
        return None
    return library.pack_of(assessment.id).manifest.default_language


def build_view(
    result: Result,
    assessment: Assessment,
    *,
    lang: str | None,
    library: "Library | None" = None,
    default: str | None = None,
) -> ReportView:
    """Resolve what a report on *result* shows, in *lang* (falling back through *default*, the pack's
    default language, taken from *library* when not given)."""
    default = default or default_language(assessment, library)
    lang = lang or default or "nl"

    def label(value: LocalizedText | None, fallback: str) -> Text:
        return resolve(value, lang, default, fallback)

    bands = tuple(
        BandView(
            id=b.id,
            min=b.min,
            max=b.max,
            label=label(b.label, b.id),
            needs_work=b.needs_work,
            interpretation=label(b.interpretation, "") if b.interpretation else None,
        )
        for b in sorted(assessment.bands, key=lambda b: b.min)
    )
    band_by_id = {b.id: b for b in bands}
    group_defs = {g.id: g for g in assessment.groups}
    dimension_defs = {d.id: d for d in assessment.dimensions}

    # The stricter of the two minimums holds: a result cannot lower the assessment's privacy floor.
    minimum = max(result.min_group_size, assessment.min_group_size)
    results = {g.group: g for g in result.groups}
    groups: list[GroupView] = []
    for group_id in _ordered(group_defs, results):
        found = results[group_id]
        hidden = found.suppressed or found.respondents < minimum
        definition = group_defs.get(group_id)
        groups.append(
            GroupView(
                id=group_id,
                label=label(definition.label if definition else None, group_id),
                suppressed=hidden,
                respondents=None if hidden else found.respondents,
            )
        )
    shown = {g.id: g for g in groups if not g.suppressed}

    scores: dict[str, list[ScoreView]] = {}
    for group_id, group in shown.items():
        for score in results[group_id].dimensions:
            scores.setdefault(score.dimension, []).append(
                ScoreView(
                    group=group,
                    answers=score.answers,
                    mean=score.mean,
                    score=score.score,
                    band=_band(score.band, band_by_id),
                )
            )
    visible_gaps = [g for g in result.gaps if g.first in shown and g.second in shown]
    dimension_ids = _ordered(dimension_defs, [*scores, *(gap.dimension for gap in visible_gaps)])
    dimension_ids += [d for d in _ordered(dimension_defs, result.recommendations) if d not in dimension_ids]
    dimensions = {
        d: DimensionView(
            id=d,
            label=label(dimension_defs[d].label if d in dimension_defs else None, d),
            scores=tuple(scores.get(d, ())),
        )
        for d in dimension_ids
    }

    top = bands[-1] if bands and not bands[-1].needs_work else None
    all_scores = [(dimensions[d], s) for d in dimension_ids for s in dimensions[d].scores]
    work = sorted(
        (p for p in all_scores if p[1].band is not None and p[1].band.needs_work and p[1].score is not None),
        key=lambda p: p[1].score or 0.0,
    )
    strong = sorted(
        (p for p in all_scores if top is not None and p[1].band == top and p[1].score is not None),
        key=lambda p: -(p[1].score or 0.0),
    )

    return ReportView(
        lang=lang,
        assessment=assessment.id,
        version=result.version,
        title=label(assessment.title, assessment.id),
        min_group_size=minimum,
        bands=bands,
        groups=tuple(groups),
        dimensions=tuple(dimensions.values()),
        gaps=_gaps(visible_gaps, assessment, dimensions, shown, lang, default),
        strengths=tuple(PointView(dimension=d, score=s) for d, s in strong),
        work_points=tuple(PointView(dimension=d, score=s) for d, s in work),
        recommendations=_recommendations(result, dimensions, library, lang, default),
    )


def _band(band_id: str | None, bands: Mapping[str, BandView]) -> BandView | None:
    if band_id is None:
        return None
    found = bands.get(band_id)
    if found is not None:
        return found
    # A band the assessment does not define: shown by its id, never counted as a strong or work point.
    return BandView(id=band_id, min=0.0, max=0.0, label=Text(text=band_id), needs_work=False)


def _gaps(
    visible: Iterable[Gap],
    assessment: Assessment,
    dimensions: Mapping[str, DimensionView],
    shown: Mapping[str, GroupView],
    lang: str,
    default: str | None,
) -> tuple[GapView, ...]:
    items = {item.link_id: item for item in assessment.items()}
    gaps = []
    for gap in visible:  # a gap with a suppressed group would disclose its score: never given here
        listed = sorted(
            (i for i in gap.items if i.difference != 0), key=lambda i: (-abs(i.difference), i.link_id)
        )[:GAP_ITEMS]
        views = []
        for item_gap in listed:
            item = items.get(item_gap.link_id)
            wording = None
            if item is not None:
                wording = item.text.get(gap.first) or next(iter(item.text.values()), None)
            views.append(
                ItemGapView(
                    link_id=item_gap.link_id,
                    text=resolve(wording, lang, default, item_gap.link_id),
                    difference=item_gap.difference,
                )
            )
        gaps.append(
            GapView(
                dimension=dimensions[gap.dimension],
                first=shown[gap.first],
                second=shown[gap.second],
                difference=gap.difference,
                items=tuple(views),
            )
        )
    order = {d: i for i, d in enumerate(dimensions)}
    return tuple(sorted(gaps, key=lambda g: order[g.dimension.id]))


def _recommendations(
    result: Result,
    dimensions: Mapping[str, DimensionView],
    library: "Library | None",
    lang: str,
    default: str | None,
) -> tuple[RecommendationView, ...]:
    views = []
    for dimension_id in dimensions:
        ids = result.recommendations.get(dimension_id, ())
        if not ids:
            continue
        resources = []
        for resource_id in ids:
            title = Text(text=resource_id)
            url = None
            record = library.get(resource_id) if library is not None and resource_id in library else None
            if record is not None and isinstance(getattr(record, "title", None), LocalizedText):
                pack_default = library.pack_of(resource_id).manifest.default_language if library else None
                title = resolve(record.title, lang, pack_default or default, resource_id)
                url = next((u for link in getattr(record, "links", ()) if (u := safe_url(link.url))), None)
            resources.append(ResourceView(id=resource_id, title=title, url=url))
        views.append(RecommendationView(dimension=dimensions[dimension_id], resources=tuple(resources)))
    return tuple(views)
