"""Scoring: responses to one assessment -> scores per respondent group and dimension, and the
perception gaps between groups.

The rules (all in :func:`score`):

* an answer's score is its option's ``score``; on a reversed item it counts as ``m + M - s`` (see
  :mod:`ouderbetrokkenheid.scoring.scales`); normalised it is ``(s - m) / (M - m) * 100``;
* "not applicable" answers (and options without a score) count in the distribution only;
* a dimension's ``mean`` and ``score`` are weighted means over every scored answer of the group to the
  dimension's items, each answer weighted by its item's ``weight``; ``mean`` is on the scales' own
  values, ``score`` on 0-100;
* the band is the one with ``min <= score < max`` (the last band also takes 100);
* a group with fewer respondents than the minimum group size is suppressed: its count is reported,
  nothing else, and it takes part in no gap;
* a gap is ``score(first) - score(second)`` for every pair of reported groups (in the assessment's
  order) and every dimension both have a score for, with the items whose mean answers differ most.

Answers are counted per option before any arithmetic, and the weighted sums are computed exactly (as
fractions) and rounded once, so the order of the respondents cannot change a result, not even in the
last bit, and raising an answer can never lower a score through rounding.
"""

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs

from ouderbetrokkenheid.model import (
    Assessment,
    Band,
    DimensionScore,
    Gap,
    GroupResult,
    ItemGap,
    Response,
    Result,
)
from ouderbetrokkenheid.scoring.checks import ResponseError, collect_responses, inspect
from ouderbetrokkenheid.scoring.responseset import ResponseSet
from ouderbetrokkenheid.scoring.scales import is_scored, normalise, reverse_score, scale_bounds

#: How many items a gap lists.
GAP_ITEMS = 5


@attrs.frozen(kw_only=True)
class _ItemPlan:
    """What scoring needs of one item: per option code ``(value, normalised)`` or ``None`` (not scored)."""

    link_id: str
    dimension: str
    weight: float
    groups: frozenset[str]
    values: dict[str, tuple[float, float] | None] = attrs.field(hash=False)


def _plans(assessment: Assessment) -> list[_ItemPlan]:
    scales = {scale.id: scale for scale in assessment.scales}
    plans = []
    for item in assessment.items():
        scale = scales[item.scale]
        bounds = scale_bounds(scale)
        values: dict[str, tuple[float, float] | None] = {}
        for option in scale.options:
            if bounds is None or not is_scored(option):
                values[option.code] = None
                continue
            low, high = bounds
            raw = float(option.score)  # type: ignore[arg-type]
            value = reverse_score(raw, low, high) if item.reverse else raw
            values[option.code] = (value, normalise(raw, low, high, reverse=item.reverse))
        plans.append(
            _ItemPlan(
                link_id=item.link_id,
                dimension=item.dimension,
                weight=float(item.weight),
                groups=frozenset(item.text),
                values=values,
            )
        )
    return plans


def band_for(bands: Iterable[Band], value: float) -> Band | None:
    """The band *value* falls in: ``min <= value < max``, and 100 belongs to the band ending at 100."""
    for band in bands:
        if band.min <= value < band.max or (value == band.max == 100):
            return band
    return None


def score(
    assessment: Assessment,
    responses: ResponseSet | Iterable[Response],
    *,
    min_group_size: int | None = None,
) -> Result:
    """Score *responses* to *assessment*.

    *responses* is a :class:`ResponseSet` (what the readers give) or any iterable of
    :class:`~ouderbetrokkenheid.model.Response`. They are checked first: when any does not fit the
    assessment (another version, an unknown item or group, an answer off the scale, a required answer
    missing, a respondent twice), :class:`~ouderbetrokkenheid.scoring.ResponseError` is raised with
    every problem; nothing is left out silently. *min_group_size* defaults to the assessment's.
    """
    if assessment.version is None or not assessment.items():
        raise ValueError(f"{assessment.id} has no items and no version: it cannot be scored")
    size = assessment.min_group_size if min_group_size is None else min_group_size
    if not 1 <= size <= 1000:
        raise ValueError(f"the minimum group size must be 1 to 1000, not {size}")
    if isinstance(responses, ResponseSet):
        found, rows_by_group, counts = inspect(assessment, responses)
        found.raise_if_any()
    else:
        responses_set, problems = collect_responses(responses, assessment)
        if problems:
            raise ResponseError(problems)
        rows_by_group, counts = responses_set.rows_by_group(), responses_set.counts()
    plans = _plans(assessment)
    bands = sorted(assessment.bands, key=lambda b: b.min)
    groups: list[GroupResult] = []
    item_means: dict[str, dict[str, float]] = {}
    for group in assessment.groups:
        respondents = len(rows_by_group.get(group.id, ()))
        if respondents < size:
            groups.append(GroupResult(group=group.id, respondents=respondents, suppressed=True))
            continue
        group_counts = counts.get(group.id, {})
        dimensions = tuple(
            _dimension(
                dimension.id, [p for p in plans if p.dimension == dimension.id], group.id, group_counts, bands
            )
            for dimension in assessment.dimensions
            if any(p.dimension == dimension.id and group.id in p.groups for p in plans)
        )
        item_means[group.id] = _item_means(plans, group.id, group_counts)
        groups.append(
            GroupResult(group=group.id, respondents=respondents, suppressed=False, dimensions=dimensions)
        )
    return Result(
        assessment=assessment.id,
        version=assessment.version,
        min_group_size=size,
        groups=tuple(groups),
        gaps=_gaps(assessment, plans, groups, item_means),
    )


def _dimension(
    dimension: str,
    plans: list[_ItemPlan],
    group: str,
    counts: Mapping[str, Counter[str]],
    bands: list[Band],
) -> DimensionScore:
    distribution: dict[str, int] = {}
    total = Fraction(0)
    values = Fraction(0)
    normalised = Fraction(0)
    answers = 0
    for plan in plans:
        if group not in plan.groups:
            continue
        tally = counts.get(plan.link_id, Counter())
        weight = Fraction(plan.weight)
        for code, scored in plan.values.items():
            count = tally.get(code, 0)
            distribution[code] = distribution.get(code, 0) + count
            if not count or scored is None:
                continue
            answers += count
            share = weight * count
            total += share
            values += share * Fraction(scored[0])
            normalised += share * Fraction(scored[1])
    if not answers:
        return DimensionScore(dimension=dimension, answers=0, distribution=distribution)
    value = min(100.0, max(0.0, float(normalised / total)))
    band = band_for(bands, value)
    return DimensionScore(
        dimension=dimension,
        answers=answers,
        mean=float(values / total),
        score=value,
        band=band.id if band is not None else None,
        distribution=distribution,
    )


def _item_means(plans: list[_ItemPlan], group: str, counts: Mapping[str, Counter[str]]) -> dict[str, float]:
    """link_id -> the group's mean normalised answer, for the items it answered."""
    means = {}
    for plan in plans:
        if group not in plan.groups:
            continue
        tally = counts.get(plan.link_id, Counter())
        answered = 0
        total = Fraction(0)
        for code, scored in plan.values.items():
            count = tally.get(code, 0)
            if count and scored is not None:
                answered += count
                total += count * Fraction(scored[1])
        if answered:
            means[plan.link_id] = float(total / answered)
    return means


def _gaps(
    assessment: Assessment,
    plans: list[_ItemPlan],
    groups: list[GroupResult],
    item_means: Mapping[str, Mapping[str, float]],
) -> tuple[Gap, ...]:
    reported = [g for g in groups if not g.suppressed]
    order = {plan.link_id: index for index, plan in enumerate(plans)}
    gaps = []
    for first, second in itertools.combinations(reported, 2):
        scores_first = {d.dimension: d.score for d in first.dimensions}
        scores_second = {d.dimension: d.score for d in second.dimensions}
        for dimension in assessment.dimensions:
            a, b = scores_first.get(dimension.id), scores_second.get(dimension.id)
            if a is None or b is None:
                continue
            means_a, means_b = item_means[first.group], item_means[second.group]
            items = [
                ItemGap(
                    link_id=plan.link_id, difference=_clamp(means_a[plan.link_id] - means_b[plan.link_id])
                )
                for plan in plans
                if plan.dimension == dimension.id and plan.link_id in means_a and plan.link_id in means_b
            ]
            items.sort(key=lambda gap: (-abs(gap.difference), order[gap.link_id]))
            gaps.append(
                Gap(
                    dimension=dimension.id,
                    first=first.group,
                    second=second.group,
                    difference=_clamp(a - b),
                    items=tuple(items[:GAP_ITEMS]),
                )
            )
    return tuple(gaps)


def _clamp(value: float) -> float:
    return min(100.0, max(-100.0, value))
