"""The page of one reference framework: its concepts (with their hierarchy and the resources aligned
with each), its collections (ordered or explicitly unordered), the resources aligned with it, and its
crosswalks to other frameworks."""

from ouderbetrokkenheid.exporters.site.context import SiteContext
from ouderbetrokkenheid.exporters.site.markup import (
    dl,
    esc,
    inner,
    labelled,
    lang_attrs,
    m,
    m_text,
    page,
    paragraphs,
    t,
    table_box,
)
from ouderbetrokkenheid.exporters.site.resource_page import agents, provenance_section
from ouderbetrokkenheid.model import Concept, Framework
from ouderbetrokkenheid.reports.messages import format_number


def _concept_item(
    ctx: SiteContext, framework: Framework, concept: Concept, lang: str, path: str, seen: set[str]
) -> str:
    seen.add(concept.id)
    owner = concept.id
    anchor = ctx.concept_anchors.get(concept.id, "")
    label = ctx.title(concept, lang)
    notation = f'<span class="notation">{esc(concept.notation)}</span> ' if concept.notation else ""
    parts = [f'<li id="{esc(anchor)}" class="concept">{notation}<strong>{t(label, lang)}</strong>']
    if concept.alt_labels:
        alts = ", ".join(t(ctx.label(alt, lang, owner), lang) for alt in concept.alt_labels)
        parts.append(f' <span class="muted">({labelled(m("alt_labels", lang), alts, lang)})</span>')
    if concept.definition is not None:
        parts.append(paragraphs(ctx.label(concept.definition, lang, owner), lang))
    aligned = ctx.by_concept.get(concept.id, [])
    if aligned:
        parts.append(
            '<ul class="aligned">'
            + "".join(f"<li>{ctx.ref(r.id, lang, path)}</li>" for r in aligned)
            + "</ul>"
        )
    children = [c for c in framework.narrower(concept.id) if c.id not in seen]
    if children:
        parts.append(
            "<ul>" + "".join(_concept_item(ctx, framework, c, lang, path, seen) for c in children) + "</ul>"
        )
    parts.append("</li>\n")
    return "".join(parts)


def concept_tree(ctx: SiteContext, framework: Framework, lang: str, path: str) -> str:
    """The concepts as nested lists (broader -> narrower), in the framework's order."""
    seen: set[str] = set()
    items = [_concept_item(ctx, framework, c, lang, path, seen) for c in framework.top_concepts()]
    # concepts whose broader concept is missing (or a cycle) are still shown
    items += [
        _concept_item(ctx, framework, c, lang, path, seen) for c in framework.concepts if c.id not in seen
    ]
    return f'<ul class="concepts">\n{"".join(items)}</ul>\n'


def order_badge(framework: Framework, lang: str) -> str:
    """Whether the framework's collections are ordered, unordered or both (``""`` without collections)."""
    kinds = {collection.ordered for collection in framework.collections}
    badges = []
    if True in kinds:
        badges.append(f'<span class="badge ordered">{m("ordered", lang)}</span>')
    if False in kinds:
        badges.append(f'<span class="badge unordered">{m("unordered", lang)}</span>')
    return " ".join(badges)


def render_framework(ctx: SiteContext, framework: Framework, lang: str, path: str) -> str:
    """The page of *framework* in *lang*, at *path* from the site root."""
    owner = framework.id
    title = ctx.title(framework, lang)
    parts = [f'<p class="kicker">{m("type_framework", lang)}</p>\n']
    parts.append(f"<h1{lang_attrs(title.lang, lang)}>{inner(title, lang)}</h1>\n")
    summary = ctx.label(framework.summary, lang, owner)
    if summary.text:
        parts.append(paragraphs(summary, lang, "lead"))
    rows = [
        (m("authors", lang), agents(framework.authors)),
        (m("publisher", lang), agents(framework.publisher)),
        (m("year", lang), esc(framework.year) if framework.year is not None else ""),
        (m("content_status", lang), t(ctx.term("content-status", framework.content_status, lang), lang)),
        (m("themes", lang), ", ".join(t(ctx.term("theme", code, lang), lang) for code in framework.themes)),
        (m("described_in", lang), ", ".join(ctx.ref(r, lang, path) for r in framework.described_in)),
    ]
    parts.append(dl(rows))
    if framework.known_gaps is not None:
        parts.append(
            f'<section aria-labelledby="gaps">\n<h2 id="gaps">{m("known_gaps", lang)}</h2>\n'
            f"{paragraphs(ctx.label(framework.known_gaps, lang, owner), lang)}</section>\n"
        )
    if framework.concepts:
        parts.append(
            f'<section aria-labelledby="concepts">\n<h2 id="concepts">{m("concept_list", lang)}</h2>\n'
            f"{concept_tree(ctx, framework, lang, path)}</section>\n"
        )
    if framework.collections:
        blocks = []
        for collection in framework.collections:
            badge = m("ordered" if collection.ordered else "unordered", lang)
            tag = "ol" if collection.ordered else "ul"
            members = "".join(f"<li>{ctx.ref(member, lang, path)}</li>" for member in collection.members)
            note = ""
            if collection.expected_members is not None and collection.expected_members > len(
                collection.members
            ):
                note = (
                    f'<p class="muted">{m("expected_members", lang, n=esc(collection.expected_members))}</p>'
                )
            blocks.append(
                f"<h3>{t(ctx.label(collection.label, lang, owner, collection.id), lang)} "
                f'<span class="badge {"ordered" if collection.ordered else "unordered"}">{badge}</span></h3>\n'
                + (f'<{tag} class="members">{members}</{tag}>\n' if members else "")
                + note
            )
        parts.append(
            f'<section aria-labelledby="collections">\n<h2 id="collections">{m("collections", lang)}</h2>\n'
            + "".join(blocks)
            + "</section>\n"
        )
    own = {c.id for c in framework.concepts}
    aligned = [r for r in ctx.resources if own.intersection(r.concepts)]
    items = "".join(f"<li>{ctx.ref(r.id, lang, path)}</li>" for r in aligned)
    parts.append(
        f'<section aria-labelledby="aligned">\n<h2 id="aligned">{m("aligned", lang)}</h2>\n'
        + (f"<ul>{items}</ul>\n" if items else f"<p>{m('aligned_none', lang)}</p>\n")
        + "</section>\n"
    )
    parts.append(_crosswalks(ctx, framework, lang, path))
    parts.append(provenance_section(ctx, framework.provenance, owner, lang))
    return page(
        ctx.frame(path, lang, "home"), title=title.text, body="".join(parts), template="framework.html"
    )


#: The columns of a crosswalk table (message keys); on a phone each row stands as a card of its cells,
#: each cell named by its column (``data-label``).
CROSSWALK_COLUMNS = (
    "mapping_subject",
    "relation",
    "mapping_object",
    "confidence",
    "justification",
    "mapped_by",
)


NUMBER = ' class="num"'


def _crosswalks(ctx: SiteContext, framework: Framework, lang: str, path: str) -> str:
    own = {c.id for c in framework.concepts}
    rows = []
    for mapping in ctx.crosswalks.get(framework.id, []):
        subject, obj = (
            ctx.ref(concept, lang, path, with_framework=concept not in own)
            for concept in (mapping.subject, mapping.object)
        )
        predicate = t(ctx.term("mapping-predicate", mapping.predicate, lang), lang)
        by = esc(mapping.author.name) + (f", {esc(mapping.date.isoformat())}" if mapping.date else "")
        anchor = "m-" + ctx.mapping_anchors.name(mapping.id)
        cells = (
            subject,
            predicate,
            obj,
            esc(format_number(mapping.confidence, lang, digits=2)),
            t(ctx.label(mapping.justification, lang, mapping.id), lang),
            by,
        )
        rows.append(
            f'<tr id="{esc(anchor)}">'
            + "".join(
                f'<td data-label="{esc(m_text(key, lang))}"{NUMBER if key == "confidence" else ""}>{cell}</td>'
                for key, cell in zip(CROSSWALK_COLUMNS, cells, strict=True)
            )
            + "</tr>\n"
        )
    heading = f'<h2 id="crosswalks">{m("crosswalks", lang)}</h2>\n'
    if not rows:
        return f'<section aria-labelledby="crosswalks">\n{heading}<p>{m("crosswalks_none", lang)}</p>\n</section>\n'
    header = "".join(f'<th scope="col">{m(key, lang)}</th>' for key in CROSSWALK_COLUMNS)
    return (
        f'<section aria-labelledby="crosswalks">\n{heading}'
        + table_box(
            f'<table class="stack">\n<thead><tr>{header}</tr></thead>\n<tbody>\n{"".join(rows)}</tbody>\n</table>',
            m_text("crosswalks", lang),
            lang,
        )
        + "</section>\n"
    )
