"""The quickscan in the browser: for every instrument whose items are known, one page per respondent
group and language that a person (or a team in a meeting) fills in on a phone or a computer.

The page is the template ``quickscan.html`` with ``assets/quickscan.js``: answers are kept in the
browser's ``localStorage`` as they are given and never leave it; they can be downloaded as the JSON and
CSV files that ``ouderbetrokkenheid score`` reads, and printed. At the end the person's own scores per
dimension, with band and recommended resources, come from ``assets/ob-score.js`` (``OBScore.score``)
with the scoring bundle of the instrument, when the site has them.

A page whose questions or whose site words are a machine translation in its language (the parents' home
languages: a site built with ``--lang ar``, ``tr``, ``pl``, ...) opens with the machine-translation notice
of the paper forms (:func:`ouderbetrokkenheid.reports.paper.notice_html`), the Dutch beside it.
"""

import functools
from importlib.resources import files

from markupsafe import Markup

from ouderbetrokkenheid.errors import Phrase
from ouderbetrokkenheid.exporters.site.context import SaidOnce, SiteContext
from ouderbetrokkenheid.exporters.site.markup import lang_attrs, m_text, page, script_json, t
from ouderbetrokkenheid.exporters.site.messages import ui_language
from ouderbetrokkenheid.exporters.site.paths import relative, safe_name
from ouderbetrokkenheid.exporters.site.templates import TemplateFolderError
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.model import Assessment
from ouderbetrokkenheid.reports.paper import correction_address, group_items, needs_notice, notice_html

#: The script of the quickscan pages, under ``assets/``.
SCRIPT = "quickscan.js"
#: The scripts that score in the browser (the bundles of the instruments, then OBScore), from the
#: site's root, when this version of the site has them (:func:`scoring_available`).
SCORE_SCRIPTS = ("assets/score-bundles.js", "assets/ob-score.js")


def can_take(assessment: Assessment) -> bool:
    """Whether *assessment* can be filled in: its items, groups and version are known."""
    return bool(assessment.version) and bool(assessment.groups) and bool(assessment.items())


def quickscans(ctx: SiteContext) -> list[tuple[str, Assessment, str, str]]:
    """Every quickscan page: ``(path, assessment, group id, language)``."""
    return [
        (quickscan_path(ctx, assessment, group.id, lang), assessment, group.id, lang)
        for assessment in ctx.assessments
        if can_take(assessment)
        for group in assessment.groups
        if group_items(assessment, group.id)
        for lang in ctx.languages
    ]


def quickscan_path(ctx: SiteContext, assessment: Assessment, group: str, lang: str) -> str:
    """The page of the quickscan of *assessment* for *group* in *lang*, from the site root."""
    base = ctx.page_names["instruments"].name(assessment.id)
    return f"{lang}/quickscan/{base}-{safe_name(group)}.html"


@functools.cache
def scoring_available() -> bool:
    """Whether this version of the site scores in the browser: it ships ``ob-score.js`` and writes the
    scoring bundles (``assets/score-bundles.js``, made by the results page's module)."""
    try:
        from ouderbetrokkenheid.exporters.site.results_page import bundles_script  # noqa: F401
    except ImportError:
        return False
    return files("ouderbetrokkenheid.exporters.site").joinpath("static", "ob-score.js").is_file()


def render_quickscan(ctx: SiteContext, assessment: Assessment, group: str, lang: str, path: str) -> str:
    """The quickscan page of *assessment* for *group* in *lang*."""
    owner = assessment.id
    the_group = next(g for g in assessment.groups if g.id == group)
    scales = {scale.id: scale for scale in assessment.scales}
    asked = {item.link_id for item in group_items(assessment, group)}
    # a page whose words are a machine translation says so once, at its top (the notice below); its
    # questions and answers are then not marked one by one
    noticed = needs_notice(assessment, lang)
    label = SaidOnce(ctx, lang, owner, quiet=noticed)
    sections = []
    number = 0
    for section in assessment.sections:
        items = []
        for item in section.items:
            if item.link_id not in asked:
                continue
            number += 1
            scale = scales[item.scale]
            items.append(
                {
                    "number": number,
                    "link_id": item.link_id,
                    "text": Markup(t(label(item.text[group]), lang)),  # noqa: S704 - escaped by t
                    "required": item.required,
                    "options": [
                        {
                            "code": option.code,
                            "label": Markup(t(label(option.label, option.code), lang)),  # noqa: S704
                            "not_applicable": option.not_applicable,
                        }
                        for option in scale.options
                    ],
                }
            )
        if items:
            title = label(section.title, "")
            sections.append({"title": Markup(t(title, lang)) if title.text else "", "questions": items})  # noqa: S704
    labels = {
        "dimensions": {d.id: label(d.label, d.id).text for d in assessment.dimensions},
        "bands": {
            b.id: {"label": label(b.label, b.id).text, "needs_work": b.needs_work} for b in assessment.bands
        },
        "resources": {
            resource.id: [relative(path, ctx.path(resource.id, lang) or ""), ctx.title(resource, lang).text]
            for resource in ctx.resources
        },
        "items": [link_id for s in sections for link_id in (i["link_id"] for i in s["questions"])],
        "required": [i["link_id"] for s in sections for i in s["questions"] if i["required"]],
    }
    title = label(assessment.title, assessment.id)
    group_label = label(the_group.label, the_group.id)
    scoring = scoring_available()
    other_groups = [
        {
            "label": Markup(t(label(g.label, g.id), lang)),  # noqa: S704
            "href": relative(path, quickscan_path(ctx, assessment, g.id, lang)),
        }
        for g in assessment.groups
        if g.id != group and group_items(assessment, g.id)
    ]
    assessment_page = ctx.path(assessment.id, lang)
    # the quickscan's wording or the site's words in this language are a machine translation: said at the
    # top, in the page's language with the Dutch beside it, with where to send a correction
    notice = (
        notice_html(
            lang, correction_address(ctx.library.pack_of(owner).manifest), "notice machine-translation"
        )
        if noticed
        else ""
    )
    html = page(
        ctx.frame(path, lang, "instruments"),
        title=f"{title.text} — {group_label.text}",
        body="",
        template="quickscan.html",
        scripts=(*(SCORE_SCRIPTS if scoring else ()), f"assets/{SCRIPT}"),
        assessment={
            "id": assessment.id,
            "version": assessment.version,
            "title": Markup(t(title, lang)),  # noqa: S704
            "href": relative(path, assessment_page) if assessment_page else "",
        },
        group={"id": group, "label": Markup(t(group_label, lang))},  # noqa: S704
        other_groups=other_groups,
        sections=sections,
        count=number,
        labels=Markup(script_json(labels)),  # noqa: S704 - script_json escapes <, >, &
        # the words the script writes (progress, missing questions) are the site's: marked when they
        # are in another language than the page
        words_attrs=Markup(lang_attrs(ui_language(lang), lang)),  # noqa: S704 - escaped by lang_attrs
        paper_href=relative(path, ctx.form_name(assessment, group, lang)),
        file_stem=safe_name(f"{ctx.page_names['instruments'].name(assessment.id)}-{group}"),
        print_title=m_text("qs_print_title", lang),
        machine_notice=Markup(notice),  # noqa: S704 - escaped by notice_html
    )
    if notice and notice not in html:  # an organisation's quickscan.html that leaves the notice out
        raise TemplateFolderError(
            Phrase(
                N_(
                    "{template}: the words of the quickscan '{id}' in '{lang}' are a machine translation "
                    "and the page no longer says so (keep {variable} in your {template})"
                ),
                template="quickscan.html",
                id=assessment.id,
                lang=lang,
                variable="{{ machine_notice }}",
            )
        )
    return html
