"""The results page (``<lang>/results.html``): a coordinator drops response files and gets the report
that ``ouderbetrokkenheid report --to html`` gives, made in the browser.

Nothing leaves the machine: the files are read by ``assets/ob-score.js`` (the scoring and the readers,
ported from Python and proven equal by property tests) and the report is drawn by
``assets/ob-report.js`` (the report's view, sections and charts, ported the same way). What they need
of the library is in ``assets/score-bundles.js``: one scoring bundle per instrument whose items are
known (:func:`~ouderbetrokkenheid.exporters.site.bundle.scoring_bundle`).
"""

from typing import Any

from markupsafe import Markup

from ouderbetrokkenheid.exporters.site.bundle import scoring_bundle
from ouderbetrokkenheid.exporters.site.context import SiteContext
from ouderbetrokkenheid.exporters.site.markup import lang_attrs, m_text, page, script_json
from ouderbetrokkenheid.exporters.site.messages import ui
from ouderbetrokkenheid.exporters.site.results_words import RESULTS_MESSAGES
from ouderbetrokkenheid.model import Assessment
from ouderbetrokkenheid.reports import messages as report_messages

#: The scripts of the results page, from the site's root (after the bundles).
SCRIPTS = ("assets/score-bundles.js", "assets/ob-score.js", "assets/ob-report.js", "assets/ob-results.js")


def scorable(ctx: SiteContext) -> list[Assessment]:
    """The instruments whose items are known (those a results page can score)."""
    return [a for a in ctx.assessments if a.version is not None and a.items()]


def bundles_script(ctx: SiteContext) -> str:
    """``assets/score-bundles.js``: a script that sets ``OB_SCORE_BUNDLES`` (instrument id -> bundle)."""
    data = {
        assessment.id: scoring_bundle(
            assessment,
            ctx.library,
            languages=ctx.languages,
            title_of=lambda resource, lang: _title(ctx, resource, lang),
            path_of=ctx.path,
        )
        for assessment in scorable(ctx)
    }
    return (
        "/* ouderbetrokkenheid scoring bundles: generated, do not edit. */\n"
        f"window.OB_SCORE_BUNDLES = JSON.parse({script_json(script_json(data))});\n"
    )


def _title(ctx: SiteContext, resource: Any, lang: str) -> tuple[str, str]:
    text = ctx.title(resource, lang)
    return text.text, text.lang


def words(lang: str) -> dict[str, Any]:
    """What the page's script needs to say in *lang*: its own words and the report's catalogue."""
    return {
        "page": {key: ui(key, lang).text for key in RESULTS_MESSAGES},
        "report": {
            "lang": report_messages.ui_language(lang),
            "messages": report_messages.all_messages(lang),
            # the language of each message: a partial catalogue's missing words are Dutch, marked so
            "langs": report_messages.message_languages(lang),
        },
    }


def render_results(ctx: SiteContext, lang: str, path: str) -> str:
    """The results page in *lang* (the template ``results.html``)."""
    instruments = []
    for assessment in scorable(ctx):
        title = ctx.title(assessment, lang)
        # lang (and dir, when it differs from the page's) of a title in another language
        attributes = Markup(lang_attrs(title.lang, lang))  # noqa: S704 - escaped by lang_attrs
        instruments.append(
            {"id": assessment.id, "title": title.text, "lang": title.lang, "attrs": attributes}
        )
    return page(
        ctx.frame(path, lang, ""),
        title=m_text("results_title", lang),
        body="",
        template="results.html",
        scripts=SCRIPTS,
        instruments=instruments,
        words_json=Markup(script_json(words(lang))),  # noqa: S704 - script_json escapes < > &
    )
