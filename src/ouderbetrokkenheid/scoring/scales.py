"""Answer scales as numbers: their bounds, normalisation to 0-100 and reversal.

A scale's bounds are the lowest (*m*) and highest (*M*) score of its options that are not "not
applicable". An answer with score *s* normalises to ``(s - m) / (M - m) * 100``; on a reversed item it
counts as ``m + M - s``, which normalises to ``(M - s) / (M - m) * 100``.

>>> from ouderbetrokkenheid.model import LocalizedText, Option, Scale
>>> agree = Scale(id="agree", options=tuple(
...     Option(code=str(n), label=LocalizedText({"en": str(n)}), score=float(n)) for n in range(1, 5)))
>>> scale_bounds(agree)
(1.0, 4.0)
>>> normalise(3.0, 1.0, 4.0), normalise(3.0, 1.0, 4.0, reverse=True)
(66.66666666666666, 33.33333333333333)
"""

from ouderbetrokkenheid.model import Option, Scale

#: The normalised score of an answer on a scale whose scored options all have the same score (a scale
#: that cannot tell answers apart): the middle of 0-100, for reversed items too.
DEGENERATE_SCORE = 50.0


def is_scored(option: Option) -> bool:
    """Whether answers with *option* count in scores (not "not applicable", and it has a score)."""
    return not option.not_applicable and option.score is not None


def scale_bounds(scale: Scale) -> tuple[float, float] | None:
    """``(m, M)``: the lowest and highest score of the scored options; ``None`` when none is scored."""
    scores = [float(option.score) for option in scale.options if is_scored(option)]  # type: ignore[arg-type]
    if not scores:
        return None
    return min(scores), max(scores)


def reverse_score(value: float, low: float, high: float) -> float:
    """The score an answer *value* counts for on a reversed item: ``low + high - value``."""
    return low + high - value


def normalise(value: float, low: float, high: float, *, reverse: bool = False) -> float:
    """*value* on a scale from *low* to *high* as 0-100 (reversed when *reverse*)."""
    if high == low:
        return DEGENERATE_SCORE
    share = (high - value) if reverse else (value - low)
    return min(100.0, max(0.0, share / (high - low) * 100.0))
