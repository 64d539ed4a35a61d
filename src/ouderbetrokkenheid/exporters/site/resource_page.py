"""The page of one resource: what it is, where to find it, the frameworks it is about, its related
resources, its labels in every language, and where the record comes from."""

from ouderbetrokkenheid.exporters.site.context import SiteContext
from ouderbetrokkenheid.exporters.site.ld import page_node
from ouderbetrokkenheid.exporters.site.markup import (
    dl,
    esc,
    external,
    inline_list,
    inner,
    labelled,
    lang_attrs,
    m,
    machine_mark,
    page,
    paragraphs,
    script_json,
    t,
)
from ouderbetrokkenheid.exporters.site.paths import relative
from ouderbetrokkenheid.model import Agent, ContentPack, Link, LocalizedText, Provenance, Resource
from ouderbetrokkenheid.reports.messages import direction
from ouderbetrokkenheid.reports.view import safe_url


def agents(items: tuple[Agent, ...]) -> str:
    """Authors or publishers, each linked to its URL when it has a safe one."""
    return ", ".join(external(agent.url, esc(agent.name)) for agent in items)


def licence_html(licence: str | None) -> str:
    """A licence: an SPDX id as text, a licence URL as a link."""
    if licence is None:
        return ""
    from ouderbetrokkenheid.exporters.jsonld import licence_url

    return external(licence_url(licence), esc(licence))


def provenance_section(ctx: SiteContext, provenance: Provenance, owner: str, lang: str) -> str:
    """Where a record comes from: its source document, how far it was checked, its translations."""
    try:
        pack = ctx.library.pack_of(owner)
        source = pack.source(provenance.source)
    except Exception:
        pack = source = None
    if source is not None:
        # the same for every record of the pack that holds the record (by the pack itself, not by the
        # id's prefix: a pack built in Python may hold ids that start with another pack's name)
        key = ("source", id(pack), provenance.source)
        source_html = ctx.fragments.get(key)
        if source_html is None:
            bits = [external(source.url, esc(source.title))]
            bits += [esc(v) for v in (source.publisher, source.edition, source.year) if v is not None]
            source_html = ", ".join(bits)
            if source.document:  # the file the record was read from: for the maintainers, not shown
                source_html = f'<span data-document="{esc(source.document)}">{source_html}</span>'
            ctx.fragments[key] = source_html
    else:
        source_html = f'<span data-source="{esc(provenance.source)}">{m("source_unknown", lang)}</span>'
    translations = [
        m(
            "translated_by",
            lang,
            method=labelled(
                ctx.language_html(tr.language, lang),
                ctx.term_html("translation-method", tr.method, lang),
                lang,
            ),
            by=esc(tr.by or "—"),
        )
        for tr in provenance.translations
    ]
    rows = [
        (m("source", lang), source_html),
        (m("retrieved", lang), esc(source.retrieved.isoformat()) if source and source.retrieved else ""),
        (m("locator", lang), esc(provenance.locator or "")),
        (m("status", lang), ctx.term_html("verification", provenance.status, lang)),
        (m("source_language", lang), ctx.language_html(provenance.language, lang)),
        (m("translations", lang), inline_list(translations)),
    ]
    note = ""
    if provenance.note is not None:
        note = paragraphs(ctx.label(provenance.note, lang, owner), lang)
    return (
        f'<section aria-labelledby="provenance">\n<h2 id="provenance">{m("provenance", lang)}</h2>\n'
        f"{dl(rows)}{note}</section>\n"
    )


def _link_item(ctx: SiteContext, item: Link, owner: str, lang: str) -> str:
    access = ctx.term_html("access", item.access, lang)
    label = ctx.label(item.label, lang, owner)
    body = t(label, lang) if label.text else access
    parts = [external(item.url, body)]
    if label.text:
        parts.append(f'<span class="muted">({access})</span>')
    if item.provider:
        parts.append(m("via", lang, provider=esc(item.provider)))
    if item.languages:
        parts.append(
            '<span class="muted">'
            + ", ".join(ctx.language_html(code, lang) for code in item.languages)
            + "</span>"
        )
    if safe_url(item.url):
        parts.append(f'<span class="url">{esc(item.url)}</span>')
    return "<li>" + " ".join(parts) + "</li>"


def _in_languages(resource: Resource) -> list[tuple[str, str]]:
    """``(tag, HTML)``: the title, subtitle and summary in each language the record has, each block
    marked with its language (the same on the record's page in every language)."""
    tags = dict.fromkeys(
        tag
        for value in (resource.title, resource.subtitle, resource.summary)
        if value is not None
        for tag in value.languages
    )
    blocks = []
    for tag in tags:

        def get(value: LocalizedText | None, tag: str = tag) -> str:
            return "" if value is None else value.get(tag, "")

        title, subtitle, summary = get(resource.title), get(resource.subtitle), get(resource.summary)
        content = f'<p class="lt-title">{esc(title)}</p>' if title else ""
        content += f'<p class="lt-subtitle">{esc(subtitle)}</p>' if subtitle else ""
        content += "".join(f"<p>{esc(' '.join(p.split()))}</p>" for p in summary.split("\n\n") if p.strip())
        blocks.append(
            (tag, f'<div lang="{esc(tag)}" dir="{direction(tag)}" class="in-language">{content}</div>\n')
        )
    return blocks


def _languages_section(ctx: SiteContext, resource: Resource, lang: str) -> str:
    """The title, subtitle and summary in each language the record has, each under its language's name
    in *lang*."""
    shared = ctx.shared(resource)
    blocks = shared.get("in-languages")
    if blocks is None:
        blocks = shared["in-languages"] = _in_languages(resource)
    machine = {
        tag
        for tag, _ in blocks
        if any(
            ctx.is_machine(v, tag, resource.id) for v in (resource.title, resource.subtitle, resource.summary)
        )
    }
    return (
        f'<section aria-labelledby="languages">\n<h2 id="languages">{m("all_languages", lang)}</h2>\n'
        + "".join(
            f"<h3>{ctx.language_html(tag, lang)}"
            + (f" {machine_mark(lang)}" if tag in machine else "")  # said beside the language's name
            + f"</h3>\n{html}"
            for tag, html in blocks
        )
        + "</section>\n"
    )


def _pack_title(ctx: SiteContext, pack: ContentPack, lang: str) -> str:
    """The title of the pack that holds a record, in *lang* (marked when in another language): the
    words its publisher chose, not the pack's short name. The same on every page of the pack's records."""
    key = ("pack-title", id(pack), lang)
    found = ctx.fragments.get(key)
    if found is None:
        title = ctx.label(pack.manifest.title, lang, pack.name, pack.name)
        found = ctx.fragments[key] = t(title, lang)
    return found


def render_resource(ctx: SiteContext, resource: Resource, lang: str, path: str) -> str:
    """The page of *resource* in *lang*, at *path* from the site root."""
    owner = resource.id
    title = ctx.title(resource, lang)
    subtitle = ctx.label(resource.subtitle, lang, owner)
    summary = ctx.label(resource.summary, lang, owner)
    head = [f'<p class="kicker">{ctx.term_html("resource-kind", resource.kind, lang)}</p>\n']
    head.append(f"<h1{lang_attrs(title.lang, lang)}>{inner(title, lang)}</h1>\n")
    if subtitle.text:
        head.append(paragraphs(subtitle, lang, "subtitle"))
    if summary.text:
        head.append(paragraphs(summary, lang, "lead"))
    try:
        pack = ctx.library.pack_of(owner)
    except Exception:
        pack = None
    free = {True: m("yes", lang), False: m("no", lang), None: ""}[resource.free]
    part_of = ctx.ref(resource.part_of, lang, path) if resource.part_of else ""
    shared = ctx.shared(resource)
    if "authors" not in shared:  # the same in every language
        shared["authors"], shared["publisher"] = agents(resource.authors), agents(resource.publisher)
    rows = [
        (m("authors", lang), shared["authors"]),
        (m("publisher", lang), shared["publisher"]),
        (m("year", lang), esc(resource.year) if resource.year is not None else ""),
        (m("edition", lang), esc(resource.edition or "")),
        (m("isbn", lang), esc(resource.isbn or "")),
        (
            m("languages", lang),
            ", ".join(ctx.language_html(code, lang) for code in resource.languages),
        ),
        (
            m("audiences", lang),
            ", ".join(ctx.term_html("audience-role", code, lang) for code in resource.audiences),
        ),
        (
            m("levels", lang),
            ", ".join(ctx.term_html("education-level", code, lang) for code in resource.levels),
        ),
        (m("themes", lang), ", ".join(ctx.term_html("theme", code, lang) for code in resource.themes)),
        (m("free_field", lang), free),
        (m("licence", lang), licence_html(resource.licence)),
        (m("part_of", lang), part_of),
        (m("pack", lang), _pack_title(ctx, pack, lang) if pack is not None else esc(owner.split("/", 1)[0])),
    ]
    sections = ["".join(head), dl(rows)]
    links = [_link_item(ctx, item, owner, lang) for item in resource.links]
    sections.append(
        f'<section aria-labelledby="links">\n<h2 id="links">{m("links", lang)}</h2>\n'
        + (f'<ul class="links">{"".join(links)}</ul>\n' if links else f"<p>{m('no_links', lang)}</p>\n")
        + "</section>\n"
    )
    if resource.concepts:
        items = [
            f"<li>{ctx.ref(concept, lang, path, with_framework=True)}</li>"
            for concept in dict.fromkeys(resource.concepts)
        ]
        sections.append(
            f'<section aria-labelledby="concepts">\n<h2 id="concepts">{m("concepts", lang)}</h2>\n'
            f"<ul>{''.join(items)}</ul>\n</section>\n"
        )
    if resource.known_gaps is not None:
        sections.append(
            f'<section aria-labelledby="gaps">\n<h2 id="gaps">{m("known_gaps", lang)}</h2>\n'
            f"{paragraphs(ctx.label(resource.known_gaps, lang, owner), lang)}</section>\n"
        )
    related = ctx.related(resource)
    if related:
        items = []
        for other in related:
            key = ("related", other.id, lang, path.count("/"))  # the same item on every page at this depth
            item = ctx.fragments.get(key)
            if item is None:
                target = ctx.path(other.id, lang)
                other_title = ctx.title(other, lang)
                kind = ctx.term_html("resource-kind", other.kind, lang)
                body = t(other_title, lang)
                anchor = f'<a href="{esc(relative(path, target))}">{body}</a>' if target else body
                item = ctx.fragments[key] = f'<li>{anchor} <span class="muted">{kind}</span></li>'
            items.append(item)
        sections.append(
            f'<section aria-labelledby="related">\n<h2 id="related">{m("related", lang)}</h2>\n'
            f"<ul>{''.join(items)}</ul>\n</section>\n"
        )
    sections.append(_languages_section(ctx, resource, lang))
    sections.append(provenance_section(ctx, resource.provenance, owner, lang))
    ld = f'<script type="application/ld+json">{script_json(page_node(resource, pack, lang, ctx.languages))}</script>\n'
    return page(
        ctx.frame(path, lang, "catalog"),
        title=title.text,
        body="".join(sections),
        head=ld,
        template="resource.html",
    )
