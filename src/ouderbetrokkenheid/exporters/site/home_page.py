"""The home page: what a visitor comes to do (find material, take a quickscan, see what research says,
explore the frameworks), short ways in for a teacher, a parent council and a parent, then the themes of
the OCB rubric (the framework ``ocb/themas``: each concept with its resources and its crosswalks) and
every reference framework (ordered or not). The page is the template ``home.html``.

Also the site's root ``index.html``, which sends the visitor to the home page in the default language
and links all of them."""

from ouderbetrokkenheid.exporters.site.context import SiteContext
from ouderbetrokkenheid.exporters.site.framework_page import order_badge
from ouderbetrokkenheid.exporters.site.markup import (
    esc,
    frame_variables,
    labelled,
    lang_attrs,
    link,
    m,
    m_text,
    page,
    paragraphs,
    t,
    truncate,
)
from ouderbetrokkenheid.exporters.site.paths import relative
from ouderbetrokkenheid.model import Framework
from ouderbetrokkenheid.reports.view import Text

#: The framework whose concepts are the home page's themes.
HOME_FRAMEWORK = "ocb/themas"


def _themes(ctx: SiteContext, framework: Framework, lang: str, path: str) -> str:
    title = ctx.title(framework, lang)
    owner = framework.id
    cards = []
    for concept in framework.concepts:
        anchor = ctx.path(concept.id, lang)
        label = t(ctx.title(concept, lang), lang)
        heading = link(relative(path, anchor), label) if anchor else label
        body = [f'<li class="card theme">\n<h3>{heading}</h3>\n']
        if concept.definition is not None:
            body.append(paragraphs(ctx.label(concept.definition, lang, concept.id), lang))
        if concept.alt_labels:
            alts = ", ".join(t(ctx.label(alt, lang, concept.id), lang) for alt in concept.alt_labels)
            body.append(f'<p class="muted">{labelled(m("alt_labels", lang), alts, lang)}</p>\n')
        resources = ctx.by_concept.get(concept.id, [])
        if resources:
            body.append(
                "<ul>" + "".join(f"<li>{ctx.ref(r.id, lang, path)}</li>" for r in resources) + "</ul>\n"
            )
        else:
            body.append(f'<p class="muted">{m("no_resources_yet", lang)}</p>\n')
        elsewhere = [
            ctx.ref(mp.object if mp.subject == concept.id else mp.subject, lang, path, with_framework=True)
            for mp in ctx.crosswalks.get(framework.id, [])
            if concept.id in (mp.subject, mp.object)
        ]
        if elsewhere:
            body.append(
                f'<p class="small">{m("see_also_frameworks", lang)}</p><ul class="small">'
                + "".join(f"<li>{e}</li>" for e in dict.fromkeys(elsewhere))
                + "</ul>\n"
            )
        body.append("</li>\n")
        cards.append("".join(body))
    summary = ctx.label(framework.summary, lang, owner)
    target = ctx.path(framework.id, lang)
    heading = link(relative(path, target), t(title, lang)) if target else t(title, lang)
    return (
        f'<section aria-labelledby="themes">\n<h2 id="themes">{heading}</h2>\n'
        + (
            f"<p>{t(Text(text=truncate(summary.text, 400), lang=summary.lang), lang)}</p>\n"
            if summary.text
            else ""
        )
        + f'<ul class="grid">\n{"".join(cards)}</ul>\n</section>\n'
    )


def _frameworks(ctx: SiteContext, lang: str, path: str) -> str:
    cards = []
    for framework in ctx.frameworks:
        title = ctx.title(framework, lang)
        target = ctx.path(framework.id, lang)
        heading = link(relative(path, target), t(title, lang)) if target else t(title, lang)
        summary = ctx.label(framework.summary, lang, framework.id)
        facts = [m("n_concepts", lang, n=esc(len(framework.concepts)))]
        badge = order_badge(framework, lang)
        if badge:
            facts.append(badge)
        if framework.content_status != "complete":
            facts.append(t(ctx.term("content-status", framework.content_status, lang), lang))
        cards.append(
            f'<li class="card">\n<h3>{heading}</h3>\n'
            + (
                f"<p{lang_attrs(summary.lang, lang)}>{esc(truncate(summary.text, 260))}</p>\n"
                if summary.text
                else ""
            )
            + f'<p class="facts">{" · ".join(facts)}</p>\n</li>\n'
        )
    return (
        f'<section aria-labelledby="frameworks">\n<h2 id="frameworks">{m("frameworks", lang)}</h2>\n'
        f"<p>{m('home_frameworks_intro', lang)}</p>\n"
        f'<ul class="grid">\n{"".join(cards)}</ul>\n</section>\n'
    )


def render_home(ctx: SiteContext, lang: str, path: str) -> str:
    """The home page in *lang* (the template ``home.html``)."""
    from markupsafe import Markup

    themes = ""
    if HOME_FRAMEWORK in ctx.library:
        framework = ctx.library.get(HOME_FRAMEWORK)
        if isinstance(framework, Framework):
            themes = _themes(ctx, framework, lang, path)
    return page(
        ctx.frame(path, lang, "home"),
        title=m_text("home", lang),
        body="",
        template="home.html",
        counts={
            "resources": len(ctx.resources),
            "findings": len(ctx.findings),
            "frameworks": len(ctx.frameworks),
            "assessments": len(ctx.assessments),
        },
        themes=Markup(themes),  # noqa: S704 - made with esc/t/link
        frameworks=Markup(_frameworks(ctx, lang, path) if ctx.frameworks else ""),  # noqa: S704 - idem
    )


def render_root(ctx: SiteContext, default: str) -> str:
    """The root ``index.html`` (the template ``root.html``): straight on to the home page in *default*,
    with a link to every language."""
    from ouderbetrokkenheid.exporters.site.templates import render

    context = frame_variables(ctx.frame("index.html", default, ""), title="")
    return render(ctx.templates, "root.html", context)
