"""The data model: frozen, slotted, keyword-only attrs classes. Pure: no I/O, imports nothing else of ours."""

from ouderbetrokkenheid.model.assessment import (
    Assessment,
    Band,
    Dimension,
    DimensionScore,
    Gap,
    GroupResult,
    Item,
    ItemGap,
    Option,
    RespondentGroup,
    Response,
    Result,
    Scale,
    Section,
)
from ouderbetrokkenheid.model.common import Agent, Link, Provenance, Source, Translation
from ouderbetrokkenheid.model.framework import Collection, Concept, Framework, Mapping
from ouderbetrokkenheid.model.pack import KINDS, ContentPack, PackManifest, Record, ThesaurusEntry
from ouderbetrokkenheid.model.resource import Effect, Finding, Rating, Resource
from ouderbetrokkenheid.model.text import LocalizedText, fallback_chain, is_language_tag
from ouderbetrokkenheid.model.vocabularies import VOCABULARIES, Term, Vocabulary

__all__ = [
    "KINDS",
    "VOCABULARIES",
    "Agent",
    "Assessment",
    "Band",
    "Collection",
    "Concept",
    "ContentPack",
    "Dimension",
    "DimensionScore",
    "Effect",
    "Finding",
    "Framework",
    "Gap",
    "GroupResult",
    "Item",
    "ItemGap",
    "Link",
    "LocalizedText",
    "Mapping",
    "Option",
    "PackManifest",
    "Provenance",
    "Rating",
    "Record",
    "Resource",
    "RespondentGroup",
    "Response",
    "Result",
    "Scale",
    "Section",
    "Source",
    "Term",
    "ThesaurusEntry",
    "Translation",
    "Vocabulary",
    "fallback_chain",
    "is_language_tag",
]
