"""The ``markdown`` exporter: a folder of Markdown pages, ready for a docs site (MkDocs, Sphinx with MyST).

``index.md`` lists every pack's records grouped by kind, and every resource, framework, finding and
assessment has its own page, named after its id (``vcov/boek`` -> ``vcov__boek.md``). Crosswalk mappings
are shown on the pages of both frameworks and in the index.

Pages are written in ``options["lang"]`` (default ``nl``); a label missing in that language falls back
along :func:`~ouderbetrokkenheid.fallback_chain` (the pack's default language, then ``nl``, ``en``).
Text from packs is escaped so that it can never become markup, HTML or a link, and only ``http``,
``https`` and ``mailto`` links are written.
"""

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import attrs

from ouderbetrokkenheid import urls
from ouderbetrokkenheid.exporters.base import atomic_folder
from ouderbetrokkenheid.exporters.jsonld import licence_url
from ouderbetrokkenheid.exporters.progress import progress_steps
from ouderbetrokkenheid.i18n import N_, NP_, words
from ouderbetrokkenheid.model import (
    VOCABULARIES,
    Agent,
    Assessment,
    Concept,
    ContentPack,
    Finding,
    Framework,
    LocalizedText,
    Provenance,
    Rating,
    Record,
    Resource,
)
from ouderbetrokkenheid.model import (
    Mapping as CrosswalkMapping,
)
from ouderbetrokkenheid.model.pack import KINDS as RECORD_KINDS

if TYPE_CHECKING:
    from ouderbetrokkenheid.catalog.library import Library

KINDS = frozenset(RECORD_KINDS)
INDEX = "index.md"
DEFAULT_LANGUAGE = "nl"
#: Link schemes that are written as links; any other URL is shown as text.


#: The words of the pages themselves (headings, field names): English msgids of the gettext catalogue.
UI: Mapping[str, str] = {
    "catalogue": N_("Catalogue"),
    "resources": N_("Resources"),
    "findings": N_("Research findings"),
    "frameworks": N_("Frameworks"),
    "assessments": N_("Instruments"),
    "mappings": NP_("between frameworks", "Crosswalks"),
    "authors": N_("Authors"),
    "publisher": N_("Publisher"),
    "year": N_("Year"),
    "edition": N_("Edition"),
    "isbn": N_("ISBN"),
    "languages": N_("Available in"),
    "free": N_("Free"),
    "yes": N_("yes"),
    "no": N_("no"),
    "licence": N_("Licence"),
    "part_of": N_("Part of"),
    "related": N_("See also"),
    "links": N_("Where to find it"),
    "provider": N_("via"),
    "pack": N_("Pack"),
    "id": N_("Id"),
    "concepts": NP_("markdown page", "Framework concepts"),
    "known_gaps": N_("What is not known"),
    "provenance": N_("Provenance"),
    "source": N_("Source"),
    "retrieved": N_("retrieved"),
    "locator": N_("Location in the source"),
    "source_language": N_("Source language"),
    "translations": N_("Translations"),
    "by": N_("by"),
    "note": N_("Note"),
    "sources": N_("Sources"),
    "effects": N_("Effects"),
    "metric": N_("Metric"),
    "value": N_("Value"),
    "reported_in": N_("Reported in"),
    "evidence": NP_("strength of evidence", "Evidence"),
    "cost": N_("Cost"),
    "caveats": N_("Caveats"),
    "concept_list": N_("Concepts"),
    "collections": N_("Collections"),
    "ordered": N_("in order"),
    "unordered": NP_("markdown page", "no ranking"),
    "expected_members": N_("According to the source there are {n}; not all names are known."),
    "described_in": N_("Described in"),
    "version": N_("Version"),
    "target": N_("What is assessed"),
    "framework": N_("Framework"),
    "groups": N_("Respondents"),
    "dimensions": N_("Dimensions"),
    "scales": N_("Answer scales"),
    "questions": N_("Questions"),
    "dimension": N_("dimension"),
    "scale": N_("scale"),
    "reverse": N_("reverse-scored"),
    "optional": N_("optional"),
    "weight": N_("weight"),
    "score": N_("score"),
    "not_scored": N_("not scored"),
    "bands": N_("What the scores mean"),
    "band": N_("Band"),
    "from": N_("From"),
    "to": N_("To"),
    "meaning": N_("Meaning"),
    "needs_work": N_("needs work"),
    "min_group_size": N_("Groups with fewer than {n} respondents are not reported."),
    "items_unknown": N_("The questions of this instrument are not known."),
    "confidence": N_("confidence"),
    "other_frameworks": N_("Crosswalks"),
    "back": N_("Back to the catalogue"),
}

# -- escaping ------------------------------------------------------------------------------------

#: Characters escaped with a backslash everywhere (CommonMark and Python-Markdown both accept these).
_BACKSLASHED = re.compile(r"([\\`*_{}\[\]#])")
#: Characters written as HTML entities (backslash escapes for them differ between renderers).
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "$": "&#36;", "~": "&#126;"}
_ENTITY_RE = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def escape(text: str) -> str:
    """*text* as inline Markdown that renders as itself: on one line, with no markup, HTML or link."""
    text = " ".join(text.split())
    text = _BACKSLASHED.sub(r"\\\1", text)
    text = _ENTITY_RE.sub(lambda m: _ENTITIES[m.group()], text)  # after: entities contain "#"
    text = _ORDERED_START.sub(r"\1\\\2", text)  # "1. " would start a list
    if text[:1] in {"-", "+", "=", ":", "%", "("}:  # a list item, a MyST fence, comment or target
        text = f"&#{ord(text[0])};{text[1:]}"
    return text


def paragraphs(text: str) -> str:
    """*text* as escaped Markdown paragraphs (blank lines in *text* separate paragraphs)."""
    parts = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(escape(part) for part in parts if part.strip())


def safe_url(url: str | None) -> str | None:
    """*url* ready for a Markdown link, or ``None`` when it may not be linked (:mod:`ouderbetrokkenheid.urls`)."""
    if urls.safe_url(url) is None:
        return None
    return quote(url, safe=":/?#[]@!$&'*+,;=%-._~")


def link(label: str, url: str | None) -> str:
    """``[label](url)`` with *label* escaped, or just the escaped label when *url* is not safe."""
    target = safe_url(url)
    if target is None:
        return escape(label)
    return f"[{escape(label) or escape(url or '')}]({target})"


def shown(text: str, fallback: str) -> str:
    """*text* escaped, or *fallback* escaped when *text* shows nothing (it is only whitespace)."""
    return escape(text) or escape(fallback)


def strong(text: str, fallback: str = "") -> str:
    """``**text**``, escaped; *fallback* when *text* shows nothing (``****`` would be a rule)."""
    visible = shown(text, fallback)
    return f"**{visible}**" if visible else ""


def emphasis(text: str) -> str:
    """``*text*``, escaped; nothing when *text* shows nothing."""
    visible = escape(text)
    return f"*{visible}*" if visible else ""


def page_name(identifier: str) -> str:
    """A safe file name for the page of *identifier* (``vcov/boek`` -> ``vcov__boek.md``)."""
    name = re.sub(r"[^A-Za-z0-9._-]", "_", identifier.replace("/", "__")).lstrip(".")
    return f"{name or '_'}.md"


def _anchor(concept_id: str) -> str:
    local = concept_id.rsplit("#", 1)[-1]
    return "c-" + re.sub(r"[^a-z0-9._-]", "-", local.lower())


def _truncate(text: str, size: int = 80) -> str:
    text = " ".join(text.split())
    if len(text) <= size:
        return text
    cut = text[:size].rsplit(" ", 1)[0] or text[:size]
    return cut + "…"


def write_page(folder: Path, name: str, text: str) -> None:
    """Write one page (UTF-8, ``\\n`` line ends)."""
    (folder / name).write_text(text, encoding="utf-8", newline="\n")


# -- pages ---------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Site:
    """Everything a page needs: the library, the language, and the page of every record."""

    library: "Library"
    lang: str
    pages: Mapping[str, str] = attrs.field(hash=False)

    @classmethod
    def build(cls, library: "Library", lang: str) -> "Site":
        """Name the page of every resource, finding, framework and assessment (unique names)."""
        pages: dict[str, str] = {}
        taken = {INDEX}
        for record in library:
            if isinstance(record, CrosswalkMapping):
                continue
            name = page_name(record.id)
            stem, number = name[:-3], 2
            while name in taken:
                name, number = f"{stem}-{number}.md", number + 1
            taken.add(name)
            pages[record.id] = name
        return cls(library=library, lang=lang, pages=pages)

    # -- words
    def ui(self, key: str, **values: Any) -> str:
        """A word of the page itself, in the page language."""
        return words(self.lang)(UI[key], **values)

    def text(self, text: LocalizedText | None, pack: ContentPack | None = None) -> str:
        """*text* in the page language, with fallback; ``""`` for none."""
        if text is None:
            return ""
        return text.get_text(self.lang, None if pack is None else pack.manifest.default_language)

    def term(self, vocabulary: str, code: str) -> str:
        """The label of *code* in *vocabulary*, or *code* itself when unknown."""
        try:
            return VOCABULARIES[vocabulary].term(code).label.get_text(self.lang)
        except KeyError:
            return code

    def field(self, vocabulary: str) -> str:
        """The name of a vocabulary (``Doelgroep``) as a field name."""
        return VOCABULARIES[vocabulary].label.get_text(self.lang)

    def pack_of(self, identifier: str) -> ContentPack | None:
        """The pack of *identifier*, if it is loaded."""
        return self.library.pack_of(identifier) if identifier in self.library else None

    # -- links
    def title(self, record: Record) -> str:
        """The plain-text title of a record."""
        pack = self.pack_of(record.id)
        if isinstance(record, Finding):
            return _truncate(self.text(record.claim, pack))
        if isinstance(record, CrosswalkMapping):
            return record.id
        return self.text(record.title, pack) or record.id

    def record_link(self, identifier: str) -> str:
        """A link to the page of *identifier*, or the escaped id when it has no page here."""
        name = self.pages.get(identifier)
        if name is None:
            return escape(identifier)
        return f"[{escape(self.title(self.library.get(identifier))) or escape(identifier)}]({name})"

    def concept_link(self, identifier: str, *, with_framework: bool = True) -> str:
        """A link to a concept on its framework's page (the framework named after it)."""
        if identifier not in self.library:
            return escape(identifier)
        try:
            framework, concept = self.library.concept(identifier)
        except KeyError:  # a record id, not a concept id
            return escape(identifier)
        pack = self.pack_of(framework.id)
        label = escape(self.text(concept.label, pack)) or escape(concept.id)
        name = self.pages.get(framework.id)
        text = label if name is None else f"[{label}]({name}#{_anchor(concept.id)})"
        if with_framework:
            text += f" ({escape(self.text(framework.title, pack))})"
        return text

    def agents(self, agents: Sequence[Agent]) -> str:
        """Agents as a list, each linked when it has a safe URL."""
        return "; ".join(link(agent.name, agent.url) for agent in agents)

    def licence(self, licence: str) -> str:
        """A licence, linked to its text when the URL is known."""
        return link(licence, licence_url(licence))

    # -- blocks
    def facts(self, rows: Iterable[tuple[str, str]]) -> str:
        """``- **Field:** value`` lines for the non-empty values (values already escaped)."""
        return "\n".join(f"- **{escape(key)}:** {value}" for key, value in rows if value)

    def known_gaps(self, text: LocalizedText | None, pack: ContentPack | None) -> list[str]:
        """The "what is not known" section, or nothing."""
        if text is None:
            return []
        return [f"## {escape(self.ui('known_gaps'))}", paragraphs(self.text(text, pack))]

    def provenance(self, provenance: Provenance, pack: ContentPack | None) -> list[str]:
        """The "provenance" section."""
        try:
            source = pack.source(provenance.source) if pack is not None else None
        except KeyError:
            source = None
        if source is None:
            source_text = escape(provenance.source)
        else:
            parts = [link(source.title, source.url)]
            parts += [escape(part) for part in (source.publisher, source.edition) if part]
            if source.year is not None:
                parts.append(str(source.year))
            if source.retrieved is not None:
                parts.append(f"{escape(self.ui('retrieved'))} {source.retrieved.isoformat()}")
            source_text = ", ".join(parts)
        translations = "; ".join(
            escape(
                f"{t.language} ({self.term('translation-method', t.method)}"
                + (f", {self.ui('by')} {t.by}" if t.by else "")
                + ")"
            )
            for t in provenance.translations
        )
        rows = [
            (self.field("verification"), escape(self.term("verification", provenance.status))),
            (self.ui("source"), source_text),
            (self.ui("locator"), escape(provenance.locator or "")),
            (self.ui("source_language"), escape(provenance.language)),
            (self.ui("translations"), translations),
            (self.ui("note"), escape(self.text(provenance.note, pack))),
        ]
        return [f"## {escape(self.ui('provenance'))}", self.facts(rows)]

    def footer(self) -> str:
        """The link back to the index."""
        return f"[{escape(self.ui('back'))}]({INDEX})"

    def crosswalks(self, framework: Framework) -> list[str]:
        """Mapping lines whose subject or object is a concept of *framework*."""
        own = {concept.id for concept in framework.concepts}
        return [
            self.mapping_line(mapping)
            for mapping in self.library.mappings()
            if mapping.subject in own or mapping.object in own
        ]

    def mapping_line(self, mapping: CrosswalkMapping) -> str:
        """``subject — predicate — object: justification (confidence, by)``."""
        pack = self.pack_of(mapping.id)
        justification = escape(self.text(mapping.justification, pack))
        extra = escape(
            f"{self.ui('confidence')} {mapping.confidence:g}, {self.ui('by')} {mapping.author.name}"
        )
        return (
            f"- {self.concept_link(mapping.subject)} — "
            f"*{escape(self.term('mapping-predicate', mapping.predicate))}* — "
            f"{self.concept_link(mapping.object)}: {justification} ({extra})"
        )


def _page(blocks: Iterable[str]) -> str:
    return "\n\n".join(block for block in blocks if block) + "\n"


def resource_page(site: Site, resource: Resource) -> str:
    """The page of a resource."""
    pack = site.pack_of(resource.id)
    facts = [
        (site.field("resource-kind"), escape(site.term("resource-kind", resource.kind))),
        (site.ui("authors"), site.agents(resource.authors)),
        (site.ui("publisher"), site.agents(resource.publisher)),
        (site.ui("year"), "" if resource.year is None else str(resource.year)),
        (site.ui("edition"), escape(resource.edition or "")),
        (site.ui("isbn"), escape(resource.isbn or "")),
        (site.ui("languages"), escape(", ".join(resource.languages))),
        (
            site.field("audience-role"),
            escape(", ".join(site.term("audience-role", c) for c in resource.audiences)),
        ),
        (
            site.field("education-level"),
            escape(", ".join(site.term("education-level", c) for c in resource.levels)),
        ),
        (site.field("theme"), escape(", ".join(site.term("theme", c) for c in resource.themes))),
        (site.ui("free"), "" if resource.free is None else site.ui("yes" if resource.free else "no")),
        (site.ui("licence"), "" if resource.licence is None else site.licence(resource.licence)),
        (site.ui("part_of"), "" if resource.part_of is None else site.record_link(resource.part_of)),
        (site.ui("pack"), "" if pack is None else escape(f"{site.text(pack.manifest.title)} ({pack.name})")),
        (site.ui("id"), escape(resource.id)),
    ]
    blocks = [
        f"# {shown(site.text(resource.title, pack), resource.id)}",
        "" if resource.subtitle is None else emphasis(site.text(resource.subtitle, pack)),
        "" if resource.summary is None else paragraphs(site.text(resource.summary, pack)),
        site.facts(facts),
    ]
    if resource.links:
        lines = []
        for item in resource.links:
            access = site.term("access", item.access)
            label = site.text(item.label, pack) or access
            parts = [link(label, item.url)]
            if label != access:
                parts.append(escape(access))
            if item.provider:
                parts.append(escape(f"{site.ui('provider')} {item.provider}"))
            if item.languages:
                parts.append(escape(", ".join(item.languages)))
            lines.append("- " + " — ".join(parts))
        blocks += [f"## {escape(site.ui('links'))}", "\n".join(lines)]
    if resource.concepts:
        blocks += [
            f"## {escape(site.ui('concepts'))}",
            "\n".join(f"- {site.concept_link(c)}" for c in resource.concepts),
        ]
    if resource.related:
        blocks += [
            f"## {escape(site.ui('related'))}",
            "\n".join(f"- {site.record_link(r)}" for r in resource.related),
        ]
    blocks += site.known_gaps(resource.known_gaps, pack)
    blocks += site.provenance(resource.provenance, pack)
    blocks.append(site.footer())
    return _page(blocks)


def _rating(rating: Rating | None) -> str:
    return "" if rating is None else f"{rating.value}/{rating.max}"


def _cell(text: str) -> str:
    return text or " "


def finding_page(site: Site, finding: Finding) -> str:
    """The page of a research finding, with its effect sizes per edition."""
    pack = site.pack_of(finding.id)
    claim = site.text(finding.claim, pack)
    blocks = [f"# {shown(_truncate(claim), finding.id)}", paragraphs(claim)]
    if finding.effects:
        header = ["metric", "value", "edition", "year", "reported_in", "evidence", "cost", "note"]
        rows = [
            "| " + " | ".join(escape(site.ui(key)) for key in header) + " |",
            "|" + "---|" * len(header),
        ]
        for effect in finding.effects:
            cells = [
                escape(site.term("effect-metric", effect.metric)),
                f"{effect.value:g}",
                escape(effect.edition or ""),
                "" if effect.year is None else str(effect.year),
                "" if effect.source is None else site.record_link(effect.source),
                _rating(effect.evidence),
                _rating(effect.cost),
                escape(site.text(effect.note, pack)),
            ]
            rows.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
        blocks += [f"## {escape(site.ui('effects'))}", "\n".join(rows)]
    if finding.sources:
        blocks += [
            f"## {escape(site.ui('sources'))}",
            "\n".join(f"- {site.record_link(s)}" for s in finding.sources),
        ]
    if finding.caveats:
        blocks += [
            f"## {escape(site.ui('caveats'))}",
            "\n".join(f"- {escape(site.text(caveat, pack))}" for caveat in finding.caveats),
        ]
    facts = [
        (site.field("theme"), escape(", ".join(site.term("theme", c) for c in finding.themes))),
        (site.ui("concepts"), "; ".join(site.concept_link(c) for c in finding.concepts)),
        (site.ui("pack"), "" if pack is None else escape(f"{site.text(pack.manifest.title)} ({pack.name})")),
        (site.ui("id"), escape(finding.id)),
    ]
    blocks.append(site.facts(facts))
    blocks += site.provenance(finding.provenance, pack)
    blocks.append(site.footer())
    return _page(blocks)


def _concept_tree(site: Site, framework: Framework, pack: ContentPack | None) -> str:
    lines: list[str] = []
    seen: set[str] = set()

    def add(concept: Concept, depth: int) -> None:
        if concept.id in seen:
            return
        seen.add(concept.id)
        text = f'<a id="{_anchor(concept.id)}"></a>{strong(site.text(concept.label, pack), concept.id)}'
        if concept.notation:
            text = f"{escape(concept.notation)} {text}"
        if concept.definition is not None:
            text += f" — {escape(site.text(concept.definition, pack))}"
        alt = [site.text(label, pack) for label in concept.alt_labels]
        if alt:
            text += f" ({escape('; '.join(alt))})"
        lines.append("    " * depth + "- " + text)
        for child in framework.narrower(concept.id):
            add(child, depth + 1)

    for concept in framework.top_concepts():
        add(concept, 0)
    for concept in framework.concepts:  # broader outside the framework, or a cycle
        add(concept, 0)
    return "\n".join(lines)


def framework_page(site: Site, framework: Framework) -> str:
    """The page of a framework: its concepts as a nested list, its collections, its crosswalks."""
    pack = site.pack_of(framework.id)
    facts = [
        (site.ui("authors"), site.agents(framework.authors)),
        (site.ui("publisher"), site.agents(framework.publisher)),
        (site.ui("year"), "" if framework.year is None else str(framework.year)),
        (site.field("content-status"), escape(site.term("content-status", framework.content_status))),
        (site.ui("described_in"), "; ".join(site.record_link(r) for r in framework.described_in)),
        (site.field("theme"), escape(", ".join(site.term("theme", c) for c in framework.themes))),
        (site.ui("pack"), "" if pack is None else escape(f"{site.text(pack.manifest.title)} ({pack.name})")),
        (site.ui("id"), escape(framework.id)),
    ]
    blocks = [
        f"# {shown(site.text(framework.title, pack), framework.id)}",
        "" if framework.summary is None else paragraphs(site.text(framework.summary, pack)),
        site.facts(facts),
    ]
    if framework.concepts:
        blocks += [f"## {escape(site.ui('concept_list'))}", _concept_tree(site, framework, pack)]
    if framework.collections:
        blocks.append(f"## {escape(site.ui('collections'))}")
        for collection in framework.collections:
            blocks.append(f"### {shown(site.text(collection.label, pack), collection.id)}")
            members = [site.concept_link(m, with_framework=False) for m in collection.members]
            if collection.ordered:
                blocks.append(f"*{escape(site.ui('ordered'))}*")
                blocks.append("\n".join(f"{n}. {member}" for n, member in enumerate(members, 1)))
            else:
                blocks.append(f"*{escape(site.ui('unordered'))}*")
                blocks.append("\n".join(f"- {member}" for member in members))
            if collection.expected_members is not None and collection.expected_members != len(members):
                blocks.append(escape(site.ui("expected_members", n=collection.expected_members)))
    crosswalks = site.crosswalks(framework)
    if crosswalks:
        blocks += [f"## {escape(site.ui('other_frameworks'))}", "\n".join(crosswalks)]
    blocks += site.known_gaps(framework.known_gaps, pack)
    blocks += site.provenance(framework.provenance, pack)
    blocks.append(site.footer())
    return _page(blocks)


def assessment_page(site: Site, assessment: Assessment) -> str:
    """The page of an assessment: groups, dimensions, scales, the items per section with the wording for
    each group, and the score bands."""
    pack = site.pack_of(assessment.id)
    groups = {group.id: group for group in assessment.groups}
    dimensions = {dimension.id: dimension for dimension in assessment.dimensions}
    scales = {scale.id: scale for scale in assessment.scales}
    facts = [
        (site.ui("version"), escape(assessment.version or "")),
        (site.ui("authors"), site.agents(assessment.authors)),
        (site.ui("publisher"), site.agents(assessment.publisher)),
        (site.ui("target"), escape(site.text(assessment.target, pack))),
        (
            site.ui("framework"),
            "" if assessment.framework is None else site.record_link(assessment.framework),
        ),
        (site.ui("described_in"), "; ".join(site.record_link(r) for r in assessment.described_in)),
        (site.ui("licence"), "" if assessment.licence is None else site.licence(assessment.licence)),
        (site.field("content-status"), escape(site.term("content-status", assessment.content_status))),
        (site.field("theme"), escape(", ".join(site.term("theme", c) for c in assessment.themes))),
        (site.ui("pack"), "" if pack is None else escape(f"{site.text(pack.manifest.title)} ({pack.name})")),
        (site.ui("id"), escape(assessment.id)),
    ]
    blocks = [
        f"# {shown(site.text(assessment.title, pack), assessment.id)}",
        "" if assessment.summary is None else paragraphs(site.text(assessment.summary, pack)),
        site.facts(facts),
    ]
    if assessment.groups:
        blocks += [
            f"## {escape(site.ui('groups'))}",
            "\n".join(
                f"- {escape(site.text(g.label, pack))} ({escape(site.term('audience-role', g.role))})"
                for g in assessment.groups
            ),
        ]
    if assessment.dimensions:
        lines = []
        for dimension in assessment.dimensions:
            text = f"- {strong(site.text(dimension.label, pack), dimension.id)}"
            if dimension.description is not None:
                text += f" — {escape(site.text(dimension.description, pack))}"
            if dimension.concepts:
                text += " (" + "; ".join(site.concept_link(c) for c in dimension.concepts) + ")"
            lines.append(text)
        blocks += [f"## {escape(site.ui('dimensions'))}", "\n".join(lines)]
    if assessment.scales:
        blocks.append(f"## {escape(site.ui('scales'))}")
        for scale in assessment.scales:
            blocks.append(f"### {shown(site.text(scale.label, pack), scale.id)}")
            blocks.append(
                "\n".join(
                    f"- {escape(option.code)}: {escape(site.text(option.label, pack))} ("
                    + (
                        escape(site.ui("not_scored"))
                        if option.not_applicable or option.score is None
                        else f"{escape(site.ui('score'))} {option.score:g}"
                    )
                    + ")"
                    for option in scale.options
                )
            )
    if assessment.sections:
        blocks.append(f"## {escape(site.ui('questions'))}")
        for section in assessment.sections:
            blocks.append(f"### {shown(site.text(section.title, pack), section.id)}")
            lines = []
            for number, item in enumerate(section.items, 1):
                dimension = dimensions.get(item.dimension)
                scale = scales.get(item.scale)
                about = [
                    f"{site.ui('dimension')}: "
                    + (item.dimension if dimension is None else site.text(dimension.label, pack)),
                    f"{site.ui('scale')}: "
                    + (item.scale if scale is None or scale.label is None else site.text(scale.label, pack)),
                ]
                if item.reverse:
                    about.append(site.ui("reverse"))
                if not item.required:
                    about.append(site.ui("optional"))
                if item.weight != 1:
                    about.append(f"{site.ui('weight')} {item.weight:g}")
                lines.append(f"{number}. {strong(item.link_id)} ({escape('; '.join(about))})")
                for group_id, wording in item.text.items():
                    group = groups.get(group_id)
                    label = group_id if group is None else site.text(group.label, pack)
                    lines.append(f"    - *{escape(label)}:* {escape(site.text(wording, pack))}")
            blocks.append("\n".join(lines))
    elif assessment.content_status == "metadata-only":
        blocks.append(escape(site.ui("items_unknown")))
    if assessment.bands:
        header = ["band", "from", "to", "meaning"]
        rows = [
            "| " + " | ".join(escape(site.ui(key)) for key in header) + " |",
            "|" + "---|" * len(header),
        ]
        for band in assessment.bands:
            label = site.text(band.label, pack)
            if band.needs_work:
                label += f" ({site.ui('needs_work')})"
            cells = [
                escape(label),
                f"{band.min:g}",
                f"{band.max:g}",
                escape(site.text(band.interpretation, pack)),
            ]
            rows.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
        blocks += [f"## {escape(site.ui('bands'))}", "\n".join(rows)]
        if assessment.sections:
            blocks.append(escape(site.ui("min_group_size", n=assessment.min_group_size)))
    blocks += site.known_gaps(assessment.known_gaps, pack)
    blocks += site.provenance(assessment.provenance, pack)
    blocks.append(site.footer())
    return _page(blocks)


def _sorted(site: Site, records: Iterable[Record]) -> list[Record]:
    return sorted(records, key=lambda record: (site.title(record).casefold(), record.id))


def _links(site: Site, records: Iterable[Record]) -> str:
    return "\n".join(f"- {site.record_link(record.id)}" for record in _sorted(site, records))


def index_page(site: Site) -> str:
    """``index.md``: every pack, its records grouped by kind (resources also by resource kind)."""
    blocks = [f"# {escape(site.ui('catalogue'))}"]
    for pack in site.library.packs:
        blocks.append(f"## {escape(site.text(pack.manifest.title, pack))} ({escape(pack.name)})")
        if pack.manifest.summary is not None:
            blocks.append(paragraphs(site.text(pack.manifest.summary, pack)))
        for key, records in (
            ("frameworks", pack.frameworks),
            ("assessments", pack.assessments),
            ("findings", pack.findings),
        ):
            if records:
                blocks += [f"### {escape(site.ui(key))}", _links(site, records)]
        if pack.resources:
            blocks.append(f"### {escape(site.ui('resources'))}")
            order = list(VOCABULARIES["resource-kind"].codes)
            kinds = sorted(
                {r.kind for r in pack.resources},
                key=lambda kind: (order.index(kind) if kind in order else len(order), kind),
            )
            for kind in kinds:
                blocks.append(f"#### {escape(site.term('resource-kind', kind))}")
                blocks.append(_links(site, [r for r in pack.resources if r.kind == kind]))
        if pack.mappings:
            blocks += [
                f"### {escape(site.ui('mappings'))}",
                "\n".join(site.mapping_line(mapping) for mapping in pack.mappings),
            ]
    return _page(blocks)


#: The page builder of each record type that has a page.
PAGE_BUILDERS: tuple[tuple[type, Callable[[Site, Any], str]], ...] = (
    (Resource, resource_page),
    (Finding, finding_page),
    (Framework, framework_page),
    (Assessment, assessment_page),
)


def record_page(site: Site, record: Record) -> str:
    """The page of *record* (a resource, finding, framework or assessment)."""
    for cls, build in PAGE_BUILDERS:
        if isinstance(record, cls):
            return build(site, record)
    raise TypeError(f"no page for {type(record).__name__} records")


@attrs.frozen
class MarkdownExporter:
    """A folder of Markdown pages with an index, for a docs site."""

    name: str = "markdown"
    media_type: str = "text/markdown"
    extension: str = ""
    kinds: frozenset[str] = KINDS
    description: str = N_(
        "a folder of Markdown pages (one per resource, framework, finding and instrument) with an index"
    )

    def export(self, library: "Library", destination: Path, options: Mapping[str, Any]) -> None:
        """Write the pages into the folder *destination* atomically (``options["lang"]``: the page
        language; ``options["progress"]`` is told after each page)."""
        site = Site.build(library, options.get("lang") or DEFAULT_LANGUAGE)
        step = progress_steps(options, len(site.pages))
        with atomic_folder(destination) as folder:
            for record in library:
                name = site.pages.get(record.id)
                if name is None:
                    continue
                write_page(folder, name, record_page(site, record))
                step()
            write_page(folder, INDEX, index_page(site))
