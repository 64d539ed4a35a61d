"""The instruments: a page listing every assessment with its printable forms, a page per assessment
with its questions (each group's own wording), scales, dimensions and score bands, and the printable
forms themselves (:func:`~ouderbetrokkenheid.reports.paper.render_paper_form`, one per group and
language)."""

from typing import Any

from markupsafe import Markup

from ouderbetrokkenheid.exporters.site.context import SaidOnce, SiteContext
from ouderbetrokkenheid.exporters.site.markup import (
    dl,
    esc,
    inner,
    labelled,
    lang_attrs,
    link,
    m,
    m_text,
    page,
    paragraphs,
    t,
    table_box,
    with_colon,
)
from ouderbetrokkenheid.exporters.site.messages import AUTONYMS
from ouderbetrokkenheid.exporters.site.paths import relative
from ouderbetrokkenheid.exporters.site.resource_page import agents, licence_html, provenance_section
from ouderbetrokkenheid.model import Assessment
from ouderbetrokkenheid.reports.messages import format_number


def has_forms(assessment: Assessment) -> bool:
    """Whether the assessment has questions to print (and so forms)."""
    return bool(assessment.groups) and bool(assessment.items())


def forms(ctx: SiteContext) -> list[tuple[str, Assessment, str, str]]:
    """Every printable form: ``(path, assessment, group id, language)``."""
    return [
        (ctx.form_name(assessment, group.id, lang), assessment, group.id, lang)
        for assessment in ctx.assessments
        if has_forms(assessment)
        for group in assessment.groups
        for lang in ctx.languages
    ]


def render_form(ctx: SiteContext, assessment: Assessment, group: str, lang: str) -> str:
    """The printable form of *assessment* for *group* in *lang* (a complete HTML document)."""
    from ouderbetrokkenheid.reports.paper import correction_address, render_paper_form

    return render_paper_form(
        assessment,
        group,
        lang=lang,
        default=ctx.default_of(assessment.id),
        codes=False,
        correction_url=correction_address(ctx.library.pack_of(assessment.id).manifest),
    )


def _form_links(ctx: SiteContext, assessment: Assessment, lang: str, path: str) -> str:
    if not has_forms(assessment):
        return f"<p>{m('items_unknown', lang)}</p>\n"
    rows = []
    for group in assessment.groups:
        group_label = t(ctx.label(group.label, lang, assessment.id, group.id), lang)
        ordered = [lang, *(other for other in ctx.languages if other != lang)]
        links = " · ".join(
            link(
                relative(path, ctx.form_name(assessment, group.id, other)),
                esc(AUTONYMS.get(other, other)),
                hreflang=other,
                lang=other,
            )
            for other in ordered
        )
        rows.append(f"<li>{labelled(group_label, links, lang)}</li>")
    return f'<ul class="forms">{"".join(rows)}</ul>\n'


def _quickscan_links(ctx: SiteContext, assessment: Assessment, lang: str, path: str) -> str:
    """Links to the quickscan of *assessment* per respondent group (``""`` when it cannot be taken)."""
    from ouderbetrokkenheid.exporters.site.quickscan_page import can_take

    if not can_take(assessment):
        return ""
    rows = [
        f"<li>{link(group['href'], group['label'])}</li>"
        for group in _quickscan_groups(ctx, assessment, lang, path)
    ]
    return f'<p class="qs-links"><strong>{with_colon(m("qs_fill_in", lang), lang)}</strong></p><ul class="forms">{"".join(rows)}</ul>\n'


def _quickscan_groups(ctx: SiteContext, assessment: Assessment, lang: str, path: str) -> list[dict[str, Any]]:
    """``{label, href}`` of the quickscan page of each respondent group of *assessment*."""
    from ouderbetrokkenheid.exporters.site.quickscan_page import quickscan_path
    from ouderbetrokkenheid.reports.paper import group_items

    return [
        {
            "label": Markup(t(ctx.label(group.label, lang, assessment.id, group.id), lang)),  # noqa: S704
            "href": relative(path, quickscan_path(ctx, assessment, group.id, lang)),
        }
        for group in assessment.groups
        if group_items(assessment, group.id)
    ]


def render_instruments(ctx: SiteContext, lang: str, path: str) -> str:
    """The list of instruments in *lang* (the template ``instruments.html``)."""
    from ouderbetrokkenheid.exporters.site.quickscan_page import can_take

    def head(assessment: Assessment) -> dict[str, Any]:
        target = ctx.path(assessment.id, lang)
        return {
            "title": Markup(t(ctx.title(assessment, lang), lang)),  # noqa: S704 - escaped by t
            "href": relative(path, target) if target else "",
        }

    instruments = []
    for assessment in ctx.assessments:
        summary = ctx.label(assessment.summary, lang, assessment.id)
        ordered = [lang, *(other for other in ctx.languages if other != lang)]
        forms = [
            {
                "label": Markup(t(ctx.label(group.label, lang, assessment.id, group.id), lang)),  # noqa: S704
                "forms": [
                    {
                        "href": relative(path, ctx.form_name(assessment, group.id, other)),
                        "lang": other,
                        "name": AUTONYMS.get(other, other),
                    }
                    for other in ordered
                ],
            }
            for group in (assessment.groups if has_forms(assessment) else ())
        ]
        instruments.append(
            {
                **head(assessment),
                "summary": Markup(paragraphs(summary, lang) if summary.text else ""),  # noqa: S704
                "status": Markup(t(ctx.term("content-status", assessment.content_status, lang), lang)),  # noqa: S704
                "forms": forms,
            }
        )
    quickscans = [
        {**head(a), "groups": _quickscan_groups(ctx, a, lang, path)} for a in ctx.assessments if can_take(a)
    ]
    return page(
        ctx.frame(path, lang, "instruments"),
        title=m_text("instruments", lang),
        body="",
        template="instruments.html",
        quickscans=quickscans,
        instruments=instruments,
    )


def render_assessment(ctx: SiteContext, assessment: Assessment, lang: str, path: str) -> str:
    """The page of one assessment in *lang*."""
    owner = assessment.id
    title = ctx.title(assessment, lang)
    parts = [f'<p class="kicker">{m("type_assessment", lang)}</p>\n']
    parts.append(f"<h1{lang_attrs(title.lang, lang)}>{inner(title, lang)}</h1>\n")
    summary = ctx.label(assessment.summary, lang, owner)
    if summary.text:
        parts.append(paragraphs(summary, lang, "lead"))
    target = ctx.label(assessment.target, lang, owner)
    rows = [
        (m("version", lang), esc(assessment.version or "")),
        (m("target", lang), t(target, lang) if target.text else ""),
        (m("framework", lang), ctx.ref(assessment.framework, lang, path) if assessment.framework else ""),
        (m("authors", lang), agents(assessment.authors)),
        (m("publisher", lang), agents(assessment.publisher)),
        (m("licence", lang), licence_html(assessment.licence)),
        (m("content_status", lang), t(ctx.term("content-status", assessment.content_status, lang), lang)),
        (m("described_in", lang), ", ".join(ctx.ref(r, lang, path) for r in assessment.described_in)),
    ]
    parts.append(dl(rows))
    if assessment.known_gaps is not None:
        parts.append(
            f'<section aria-labelledby="gaps">\n<h2 id="gaps">{m("known_gaps", lang)}</h2>\n'
            f"{paragraphs(ctx.label(assessment.known_gaps, lang, owner), lang)}</section>\n"
        )
    parts.append(
        f'<section aria-labelledby="forms">\n<h2 id="forms">{m("forms", lang)}</h2>\n'
        f"{_quickscan_links(ctx, assessment, lang, path)}"
        f"{_form_links(ctx, assessment, lang, path)}"
        + (
            f"<p>{m('min_group_size', lang, n=esc(assessment.min_group_size))}</p>\n"
            if has_forms(assessment)
            else ""
        )
        + "</section>\n"
    )
    if assessment.dimensions:
        items = []
        for dimension in assessment.dimensions:
            concepts = ", ".join(ctx.ref(c, lang, path, with_framework=True) for c in dimension.concepts)
            description = ctx.label(dimension.description, lang, owner)
            items.append(
                f'<li id="d-{esc(dimension.id)}"><strong>{t(ctx.label(dimension.label, lang, owner, dimension.id), lang)}</strong>'
                + (f" — {concepts}" if concepts else "")
                + (paragraphs(description, lang) if description.text else "")
                + "</li>"
            )
        parts.append(
            f'<section aria-labelledby="dimensions">\n<h2 id="dimensions">{m("dimensions", lang)}</h2>\n'
            f"<ul>{''.join(items)}</ul>\n</section>\n"
        )
    if assessment.sections:
        parts.append(_questions(ctx, assessment, lang))
    if assessment.scales:
        parts.append(_scales(ctx, assessment, lang))
    if assessment.bands:
        parts.append(_bands(ctx, assessment, lang))
    parts.append(provenance_section(ctx, assessment.provenance, owner, lang))
    return page(
        ctx.frame(path, lang, "instruments"),
        title=title.text,
        body="".join(parts),
        template="assessment.html",
    )


def _scale_heading(number: int) -> str:
    return f"scale-{number}"


def _questions(ctx: SiteContext, assessment: Assessment, lang: str) -> str:
    label = SaidOnce(ctx, lang, assessment.id)
    groups = assessment.groups
    dimensions = {d.id: label(d.label, d.id) for d in assessment.dimensions}
    scale_numbers = {s.id: n for n, s in enumerate(assessment.scales, 1)}
    used = {item.scale for item in assessment.items()}
    one_scale = len(used) == 1 and next(iter(used)) in scale_numbers
    header = (
        f'<th scope="col">{m("number", lang)}</th>'
        + "".join(f'<th scope="col">{t(label(g.label, g.id), lang)}</th>' for g in groups)
        + f'<th scope="col">{m("dimension", lang)}</th>'
        + ("" if one_scale else f'<th scope="col">{m("scale", lang)}</th>')
    )
    blocks = []
    if one_scale:
        number = scale_numbers[next(iter(used))]
        blocks.append(
            f"<p>{m('one_scale', lang, scale=link('#' + _scale_heading(number), m('scale_n', lang, n=str(number))))}</p>\n"
        )
    number = 0
    for section in assessment.sections:
        rows = []
        for item in section.items:
            number += 1
            texts = "".join(
                f"<td>{t(label(item.text.get(g.id)), lang) if g.id in item.text else '—'}</td>"
                for g in groups
            )
            flags = [
                m(key, lang) for key, on in (("reverse", item.reverse), ("optional", not item.required)) if on
            ]
            dimension = dimensions.get(item.dimension)
            scale = ""
            if not one_scale:
                at = scale_numbers.get(item.scale)
                scale = (
                    link("#" + _scale_heading(at), m("scale_n", lang, n=str(at))) if at else esc(item.scale)
                )
            flagged = f'<br><span class="muted">{", ".join(flags)}</span>' if flags else ""
            rows.append(
                f'<tr data-link-id="{esc(item.link_id)}"><th scope="row">{number}</th>{texts}'
                f"<td>{t(dimension, lang) if dimension else esc(item.dimension)}"
                + ("" if one_scale else f"</td><td>{scale}")
                + f"{flagged}</td></tr>\n"
            )
        blocks.append(
            f"<h3>{t(label(section.title, section.id), lang)}</h3>\n"
            + table_box(
                f"<table>\n<thead><tr>{header}</tr></thead>\n<tbody>\n{''.join(rows)}</tbody>\n</table>",
                label(section.title, m_text("questions", lang)).text,
                lang,
            )
        )
    return (
        f'<section aria-labelledby="questions">\n<h2 id="questions">{m("questions", lang)}{label.mark()}</h2>\n'
        + "".join(blocks)
        + "</section>\n"
    )


def _scales(ctx: SiteContext, assessment: Assessment, lang: str) -> str:
    label = SaidOnce(ctx, lang, assessment.id)
    blocks = []
    for number, scale in enumerate(assessment.scales, 1):
        rows = "".join(
            f'<tr data-code="{esc(o.code)}"><td>{t(label(o.label, o.code), lang)}</td>'
            f'<td class="num">'
            + (
                m("not_scored", lang)
                if o.not_applicable or o.score is None
                else esc(format_number(o.score, lang, digits=0 if o.score == int(o.score) else 1))
            )
            + "</td></tr>"
            for o in scale.options
        )
        blocks.append(
            f'<h3 id="{_scale_heading(number)}">{m("scale_n", lang, n=str(number))}: '
            f"{t(label(scale.label, ''), lang)}</h3>\n"
            f'<table><thead><tr><th scope="col">{m("answer", lang)}</th>'
            f'<th scope="col">{m("score", lang)}</th></tr></thead><tbody>{rows}</tbody></table>\n'
        )
    return (
        f'<section aria-labelledby="scales">\n<h2 id="scales">{m("scales", lang)}{label.mark()}</h2>\n'
        + "".join(blocks)
        + "</section>\n"
    )


def _bands(ctx: SiteContext, assessment: Assessment, lang: str) -> str:
    label = SaidOnce(ctx, lang, assessment.id)
    rows = []
    for band in assessment.bands:
        meaning = label(band.interpretation)
        flag = f' <span class="badge">{m("needs_work", lang)}</span>' if band.needs_work else ""
        rows.append(
            f"<tr><td>{t(label(band.label, band.id), lang)}{flag}</td>"
            f'<td class="num">{esc(format_number(band.min, lang, digits=0))} – {esc(format_number(band.max, lang, digits=0))}</td>'
            f"<td>{t(meaning, lang) if meaning.text else ''}</td></tr>"
        )
    return (
        f'<section aria-labelledby="bands">\n<h2 id="bands">{m("bands", lang)}{label.mark()}</h2>\n'
        + table_box(
            f'<table><thead><tr><th scope="col">{m("band", lang)}</th><th scope="col">{m("range", lang)}</th>'
            f'<th scope="col">{m("meaning", lang)}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>',
            m_text("bands", lang),
            lang,
        )
        + "</section>\n"
    )
