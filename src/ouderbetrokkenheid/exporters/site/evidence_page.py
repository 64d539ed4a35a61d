"""The evidence page: every research finding with its sources, caveats and, where one is reported, its
effect sizes drawn against the scale of their metric (one lane per edition of the source)."""

from itertools import groupby

from ouderbetrokkenheid.exporters.site.context import SiteContext
from ouderbetrokkenheid.exporters.site.markup import (
    esc,
    inline_list,
    inner,
    labelled,
    lang_attrs,
    m,
    m_text,
    page,
    paragraphs,
    t,
)
from ouderbetrokkenheid.exporters.site.scales import SCALES, effect_chart, rating_symbols, value_text
from ouderbetrokkenheid.model import Effect, Finding


def _effect_item(ctx: SiteContext, finding: Finding, effect: Effect, lang: str, path: str) -> str:
    metric = t(ctx.term("effect-metric", effect.metric, lang), lang)
    value = f"<strong>{esc(value_text(effect, lang))}</strong>"
    bits = [value if effect.metric == "months-progress" else f'{value} <span class="muted">{metric}</span>']
    if effect.edition or effect.year is not None:
        edition = effect.edition or ""
        if effect.year is not None and str(effect.year) not in edition:
            edition = f"{edition} ({effect.year})".strip()
        bits.append(m("reported_in", lang, edition=esc(edition)))
    if effect.source:
        bits.append(ctx.ref(effect.source, lang, path))
    lines = [f"<p>{'; '.join(bits)}</p>"]
    for key, rating, kind in (
        ("evidence_rating", effect.evidence, "evidence"),
        ("cost_rating", effect.cost, "cost"),
    ):
        if rating is None:
            continue
        said = ""
        if rating.label is not None:
            said = " — " + t(ctx.label(rating.label, lang, finding.id), lang)
        line = labelled(m(key, lang), rating_symbols(rating, lang, kind) + said, lang)
        lines.append(f'<p class="rating-line">{line}</p>')
    if effect.note is not None:
        lines.append(paragraphs(ctx.label(effect.note, lang, finding.id), lang, "note"))
    return "<li>" + "".join(lines) + "</li>\n"


def _finding(ctx: SiteContext, finding: Finding, lang: str, path: str, level: int) -> str:
    anchor = "f-" + ctx.finding_anchors.name(finding.id)
    claim = ctx.title(finding, lang)
    heading = f"h{level}"
    marker = lang_attrs(claim.lang, lang)
    parts = [f'<article id="{esc(anchor)}" class="finding" aria-labelledby="{esc(anchor)}-h">\n']
    parts.append(f'<{heading} id="{esc(anchor)}-h"{marker}>{inner(claim, lang)}</{heading}>\n')
    if finding.effects:
        by_metric = groupby(sorted(finding.effects, key=lambda e: e.metric), key=lambda e: e.metric)
        for number, (metric, effects) in enumerate(by_metric, 1):
            listed = list(effects)
            if metric in SCALES:
                parts.append(effect_chart(listed, lang, f"{anchor}-chart-{number}"))
            tag = "ol" if len(listed) > 1 else "ul"
            parts.append(
                f'<{tag} class="effects">'
                + "".join(_effect_item(ctx, finding, e, lang, path) for e in listed)
                + f"</{tag}>\n"
            )
    sub = f"h{level + 1}"
    if finding.sources:
        parts.append(
            f"<{sub}>{m('sources', lang)}</{sub}>\n<ul>"
            + "".join(f"<li>{ctx.ref(s, lang, path)}</li>" for s in finding.sources)
            + "</ul>\n"
        )
    if finding.caveats:
        parts.append(
            f"<{sub}>{m('caveats', lang)}</{sub}>\n<ul>"
            + "".join(
                f"<li>{t(ctx.label(caveat, lang, finding.id), lang)}</li>" for caveat in finding.caveats
            )
            + "</ul>\n"
        )
    tags = [ctx.ref(c, lang, path, with_framework=True) for c in finding.concepts]
    tags += [t(ctx.term("theme", code, lang), lang) for code in finding.themes]
    if tags:
        parts.append(f'<div class="tags">{inline_list(tags)}</div>\n')
    status = t(ctx.term("verification", finding.provenance.status, lang), lang)
    parts.append(f'<p class="muted small">{labelled(m("status", lang), status, lang)}</p>\n')
    parts.append("</article>\n")
    return "".join(parts)


def render_evidence(ctx: SiteContext, lang: str, path: str) -> str:
    """The evidence page in *lang*."""
    with_effects = [f for f in ctx.findings if f.effects]
    without = [f for f in ctx.findings if not f.effects]
    parts = [f'<h1>{m("evidence", lang)}</h1>\n<p class="lead">{m("evidence_intro", lang)}</p>\n']
    for key, findings in (("with_effects", with_effects), ("without_effects", without)):
        if not findings:
            continue
        parts.append(
            f'<section aria-labelledby="{key}">\n<h2 id="{key}">{m(key, lang)}</h2>\n'
            + "".join(_finding(ctx, f, lang, path, 3) for f in findings)
            + "</section>\n"
        )
    return page(
        ctx.frame(path, lang, "evidence"),
        title=m_text("evidence", lang),
        body="".join(parts),
        template="evidence.html",
    )
