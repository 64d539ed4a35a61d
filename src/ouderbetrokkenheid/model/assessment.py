"""Assessments (quickscans, self-evaluation instruments), FHIR-Questionnaire-shaped, with what the
standards lack: respondent groups with parallel wording, dimensions, reverse items and score bands.
Also the answers (:class:`Response`) and what scoring makes of them (:class:`Result`)."""

import datetime

import attrs

from ouderbetrokkenheid.model.common import Agent, Provenance
from ouderbetrokkenheid.model.text import LocalizedText


@attrs.frozen(kw_only=True)
class Option:
    """One answer option of a scale."""

    #: The stored answer (``1`` ... ``5``, ``na``).
    code: str
    label: LocalizedText
    #: The value scoring uses; ``None`` for options that carry no score.
    score: float | None = None
    #: A "not applicable / don't know" option: excluded from every score.
    not_applicable: bool = False


@attrs.frozen(kw_only=True)
class Scale:
    """A reusable answer scale."""

    id: str
    options: tuple[Option, ...]
    label: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class RespondentGroup:
    """Who answers (the school team, parents, the parent council)."""

    id: str
    label: LocalizedText
    #: Vocabulary ``audience-role``.
    role: str


@attrs.frozen(kw_only=True)
class Dimension:
    """What a set of items measures; scores are reported per dimension."""

    id: str
    label: LocalizedText
    #: Framework concepts the dimension stands for; recommendations follow them.
    concepts: tuple[str, ...] = ()
    description: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class Item:
    """One question, worded for each respondent group that gets it."""

    #: Stable within the assessment (``a1_welcome``); a valid XLSForm name.
    link_id: str
    dimension: str
    scale: str
    #: Parallel wording: respondent group id -> text.
    text: dict[str, LocalizedText] = attrs.field(hash=False)
    reverse: bool = False
    weight: float = 1.0
    required: bool = True


@attrs.frozen(kw_only=True)
class Section:
    """A group of items shown together."""

    id: str
    title: LocalizedText
    items: tuple[Item, ...] = ()


@attrs.frozen(kw_only=True)
class Band:
    """A range of the 0-100 score with its interpretation. Bands cover 0 to 100 without gaps."""

    id: str
    min: float
    max: float
    label: LocalizedText
    interpretation: LocalizedText | None = None
    #: Dimensions that score in this band get recommendations.
    needs_work: bool = False


@attrs.frozen(kw_only=True)
class Assessment:
    """A self-assessment instrument. Its items may be unknown (``content_status: metadata-only``)."""

    id: str
    title: LocalizedText
    provenance: Provenance
    #: Required once an assessment has items (responses are bound to it); unknown for metadata-only ones.
    version: str | None = None
    summary: LocalizedText | None = None
    authors: tuple[Agent, ...] = ()
    publisher: tuple[Agent, ...] = ()
    content_status: str = "complete"
    known_gaps: LocalizedText | None = None
    #: What is assessed (a school, an ouderwerking).
    target: LocalizedText | None = None
    framework: str | None = None
    described_in: tuple[str, ...] = ()
    licence: str | None = None
    groups: tuple[RespondentGroup, ...] = ()
    scales: tuple[Scale, ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    sections: tuple[Section, ...] = ()
    bands: tuple[Band, ...] = ()
    #: Groups with fewer respondents are not reported (privacy).
    min_group_size: int = 5
    themes: tuple[str, ...] = ()

    def items(self) -> tuple[Item, ...]:
        """All items, in order."""
        return tuple(item for section in self.sections for item in section.items)


@attrs.frozen(kw_only=True)
class Response:
    """One respondent's answers to one version of an assessment."""

    assessment: str
    version: str
    group: str
    respondent: str
    #: link_id -> option code.
    answers: dict[str, str] = attrs.field(hash=False)
    submitted: datetime.datetime | None = None
    language: str | None = None


@attrs.frozen(kw_only=True)
class DimensionScore:
    """The score of one dimension for one respondent group."""

    dimension: str
    #: Scored answers (not-applicable answers excluded).
    answers: int
    #: Weighted mean on the scale's own values; ``None`` when nothing was answered.
    mean: float | None = None
    #: The mean normalised to 0-100.
    score: float | None = None
    band: str | None = None
    #: Option code -> count, not-applicable included.
    distribution: dict[str, int] = attrs.field(factory=dict, hash=False)


@attrs.frozen(kw_only=True)
class GroupResult:
    """The scores of one respondent group; empty when the group is suppressed."""

    group: str
    respondents: int
    suppressed: bool
    dimensions: tuple[DimensionScore, ...] = ()


@attrs.frozen(kw_only=True)
class ItemGap:
    """How far two groups' mean answers on one item lie apart (0-100 points)."""

    link_id: str
    difference: float


@attrs.frozen(kw_only=True)
class Gap:
    """The perception gap on one dimension between two groups: ``score(first) - score(second)``."""

    dimension: str
    first: str
    second: str
    difference: float
    items: tuple[ItemGap, ...] = ()


@attrs.frozen(kw_only=True)
class Result:
    """What scoring a set of responses gives."""

    assessment: str
    version: str
    min_group_size: int
    groups: tuple[GroupResult, ...] = ()
    gaps: tuple[Gap, ...] = ()
    #: Dimension id -> recommended resource ids, best first.
    recommendations: dict[str, tuple[str, ...]] = attrs.field(factory=dict, hash=False)
