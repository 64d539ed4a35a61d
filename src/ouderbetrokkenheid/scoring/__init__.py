"""Scoring responses to an assessment: pure functions, no I/O.

>>> result = score(assessment, responses)                     # doctest: +SKIP
>>> result = recommend(result, assessment, library)            # doctest: +SKIP

Readers that turn files into responses are in :mod:`ouderbetrokkenheid.responses`.
"""

from ouderbetrokkenheid.scoring.checks import (
    MAX_PER_CODE,
    RESPONSE_CODES,
    Locator,
    PointerLocator,
    ProblemList,
    ResponseError,
    Where,
    check_responses,
    collect_responses,
)
from ouderbetrokkenheid.scoring.recommend import (
    DIRECT_RANK,
    PREDICATE_RANK,
    THEME_RANK,
    rank_resources,
    recommend,
    weak_dimensions,
)
from ouderbetrokkenheid.scoring.responseset import NO_ANSWER, ResponseSet
from ouderbetrokkenheid.scoring.scales import (
    DEGENERATE_SCORE,
    is_scored,
    normalise,
    reverse_score,
    scale_bounds,
)
from ouderbetrokkenheid.scoring.score import GAP_ITEMS, band_for, score

__all__ = [
    "DEGENERATE_SCORE",
    "DIRECT_RANK",
    "GAP_ITEMS",
    "MAX_PER_CODE",
    "NO_ANSWER",
    "PREDICATE_RANK",
    "RESPONSE_CODES",
    "THEME_RANK",
    "Locator",
    "PointerLocator",
    "ProblemList",
    "ResponseError",
    "ResponseSet",
    "Where",
    "band_for",
    "check_responses",
    "collect_responses",
    "is_scored",
    "normalise",
    "rank_resources",
    "recommend",
    "reverse_score",
    "scale_bounds",
    "score",
    "weak_dimensions",
]
