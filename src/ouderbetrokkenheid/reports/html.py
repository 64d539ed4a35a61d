"""The report as one self-contained HTML5 page: inline CSS (with a print stylesheet), inline SVG
charts, no script, no font or image to fetch. It reads on screen and on paper, in colour or in black
and white.

Landmarks (``header``, ``main``, ``footer``), headings in order (``h1`` > ``h2`` > ``h3``), tables with
header cells, charts with a text alternative, and every label marked with its language when it falls
back to another one than the page's.
"""

from typing import TYPE_CHECKING

import attrs

from ouderbetrokkenheid.model.assessment import Assessment, Result
from ouderbetrokkenheid.reports.charts import gap_chart, score_chart
from ouderbetrokkenheid.reports.markup import FONTS, document, esc, isolate, link, message, text
from ouderbetrokkenheid.reports.messages import compose, format_number
from ouderbetrokkenheid.reports.view import PointView, ReportView, ScoreView, Text, build_view

if TYPE_CHECKING:
    from ouderbetrokkenheid.catalog.library import Library

NUMERIC = ' class="num"'

CSS = f"""\
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; font-family: {FONTS}; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #fff; }}
header, main, footer {{ max-width: 52rem; margin: 0 auto; padding: 0 1.25rem; }}
header {{ padding-top: 1.5rem; padding-bottom: .75rem; border-bottom: 3px solid #1a1a1a; }}
h1 {{ font-size: 1.9rem; line-height: 1.2; margin: .1rem 0 .4rem; overflow-wrap: break-word; }}
h2 {{ font-size: 1.35rem; line-height: 1.25; margin: 2.25rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid #999; }}
h3 {{ font-size: 1.08rem; line-height: 1.3; margin: 1.4rem 0 .4rem; }}
p, ul {{ margin: .4rem 0 .8rem; }}
.kicker {{ margin: 0; text-transform: uppercase; letter-spacing: .06em; font-size: .85rem; color: #444; }}
/* letter spacing would pull apart the joined letters of Arabic script */
[dir="rtl"] .kicker {{ letter-spacing: 0; }}
.meta, .note, figcaption, footer {{ color: #444; }}
.meta {{ margin: 0; }}
.note {{ font-style: italic; }}
table {{ border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }}
th, td {{ border: 1px solid #8c8c8c; padding: .3rem .55rem; text-align: start; vertical-align: top; }}
thead th {{ background: #ebebeb; border-bottom: 2px solid #1a1a1a; }}
table.scores {{ table-layout: fixed; }}
table.scores th:nth-child(1) {{ width: 28%; }}
table.scores th:nth-child(2) {{ width: 13%; }}
table.scores th:nth-child(3) {{ width: 19%; }}
table.scores th:nth-child(5) {{ width: 15%; }}
.num {{ text-align: end; font-variant-numeric: tabular-nums; }}
td.num {{ white-space: nowrap; }}
.suppressed {{ font-style: italic; color: #444; }}
.needs-work {{ font-weight: bold; }}
.needs-work::before {{ content: "▲ "; font-size: .8em; }}
dl.bands {{ margin: .4rem 0 .8rem; }}
dl.bands dt {{ font-weight: bold; }}
dl.bands dd {{ margin: 0 0 .3rem; margin-inline-start: 1.25rem; }}
figure {{ margin: 1rem 0 1.25rem; }}
/* the charts keep their left-to-right axes on a right-to-left page; their labels still read right to left */
figure svg {{ display: block; width: 100%; height: auto; font-family: {FONTS}; direction: ltr; }}
figcaption {{ font-size: .9rem; margin-top: .3rem; }}
ul.points li, ul.items li {{ margin: .15rem 0; }}
a {{ color: #0b4f8a; }}
footer {{ margin-top: 2.5rem; padding-top: .6rem; padding-bottom: 1.5rem; border-top: 1px solid #999; font-size: .9rem; }}
/* a phone: long words in the title and the score tables' headers wrap instead of widening the page */
@media screen and (max-width: 40rem) {{
  h1 {{ font-size: 1.5rem; }}
  table.scores th, table.scores td {{ padding-inline: .25rem; font-size: .85rem; }}
  table.scores thead th {{ overflow-wrap: anywhere; hyphens: auto; }}
}}
@page {{ size: A4; margin: 16mm 14mm 18mm; }}
@media print {{
  body {{ font-size: 10.5pt; }}
  header, main, footer {{ max-width: none; padding-inline: 0; }}
  h2, h3 {{ break-after: avoid; page-break-after: avoid; }}
  h2 {{ margin-top: 1.4rem; }}
  table, figure, li {{ break-inside: avoid; page-break-inside: avoid; }}
  thead {{ display: table-header-group; }}
  thead th {{ background: none; }}
  a {{ color: inherit; }}
  a[href]::after {{ content: " <" attr(href) ">"; font-size: .85em; word-break: break-all; }}
}}
"""


def render_html(
    result: Result,
    assessment: Assessment,
    *,
    lang: str | None,
    library: "Library | None" = None,
    default: str | None = None,
) -> str:
    """The report on *result* as a self-contained HTML5 document in *lang* (labels fall back through
    *default*, the pack's default language, then Dutch and English). With *library*, recommendations
    show resource titles and links; without it, their ids."""
    view = build_view(result, assessment, lang=lang, library=library, default=default)
    page = _Page(view)
    title = compose("report_of", view.lang, str, title=view.title.text)
    return document(
        lang=view.lang,
        title=title,
        css=CSS,
        body=page.body(),
        meta={"ouderbetrokkenheid:assessment": view.assessment, "ouderbetrokkenheid:version": view.version},
    )


@attrs.frozen
class _Page:
    view: ReportView

    def m(self, key: str, **fields: str) -> str:
        """A catalogue message; *fields* are HTML already."""
        return message(key, self.view.lang, **fields)

    def t(self, value: Text | str) -> str:
        """A label, escaped and marked with its language when that is not the page's."""
        return text(value, self.view.lang)

    def num(self, value: float | None, digits: int = 1, *, signed: bool = False) -> str:
        """A number in the page's language, ``—`` when there is none; isolated on a right-to-left page,
        so that a sign stays before its digits."""
        if value is None:
            return "—"
        return isolate(format_number(value, self.view.lang, digits, signed=signed), self.view.lang)

    def body(self) -> str:
        """Header, main and footer."""
        view, m = self.view, self.m
        header = (
            "<header>\n"
            f'<p class="kicker">{m("report")}</p>\n'
            f"<h1>{self.t(view.title)}</h1>\n"
            f'<p class="meta">{isolate(esc(view.assessment), view.lang)}'
            f" · {m('version', version=isolate(esc(view.version), view.lang))}"
            f" · {m('min_group', n=str(view.min_group_size))}</p>\n"
            "</header>\n"
        )
        sections = [
            self.respondents(),
            self.scores(),
            self.gaps(),
            self.points("strengths", view.strengths),
            self.points("work_points", view.work_points),
            self.recommendations(),
        ]
        from ouderbetrokkenheid import __version__

        footer = f"<footer>\n<p>{m('generated', version=esc(__version__))}</p>\n</footer>\n"
        return header + "<main>\n" + "".join(sections) + "</main>\n" + footer

    def section(self, key: str, content: str) -> str:
        """A ``<section>`` labelled by its ``<h2>``."""
        return f'<section aria-labelledby="{key}">\n<h2 id="{key}">{self.m(key)}</h2>\n{content}</section>\n'

    def respondents(self) -> str:
        """Who answered; suppressed groups by name only."""
        view, m = self.view, self.m
        rows = []
        for group in view.groups:
            if group.respondents is None:
                cell = f'<td class="suppressed">{m("suppressed", n=str(view.min_group_size))}</td>'
            else:
                cell = f'<td class="num">{group.respondents}</td>'
            rows.append(f'<tr><th scope="row">{self.t(group.label)}</th>{cell}</tr>')
        table = (
            '<table aria-labelledby="respondents">\n'
            f'<thead><tr><th scope="col">{m("group")}</th><th scope="col">{m("respondents")}</th></tr></thead>\n'
            "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n"
        )
        return self.section("respondents", table)

    def scores(self) -> str:
        """The bar chart, then a table per dimension."""
        view, m = self.view, self.m
        parts = []
        if view.bands:
            bands = ", ".join(
                f"{self.t(b.label)} ({self.num(b.min, 0)}–{self.num(b.max, 0)})" for b in view.bands
            )
            parts.append(f"<p>{m('scores_intro', bands=bands)}</p>\n")
            explained = [b for b in view.bands if b.interpretation]
            if explained:
                terms = "".join(
                    f"<dt>{self.t(b.label)}</dt><dd>{self.t(b.interpretation or '')}</dd>\n"
                    for b in explained
                )
                parts.append(f'<dl class="bands">\n{terms}</dl>\n')
        if view.suppressed_groups:
            names = ", ".join(self.t(g.label) for g in view.suppressed_groups)
            parts.append(
                f'<p class="note">{m("suppressed_note", n=str(view.min_group_size), groups=names)}</p>\n'
            )
        scored = [d for d in view.dimensions if d.scores]
        if not scored:
            parts.append(f"<p>{m('no_scores')}</p>\n")
            return self.section("scores", "".join(parts))
        parts.append(
            f"<figure>\n{score_chart(view)}\n<figcaption>{m('chart_scores')}</figcaption>\n</figure>\n"
        )
        for index, dimension in enumerate(scored, 1):
            heading = f"dimension-{index}"
            head = "".join(
                f'<th scope="col"{NUMERIC if key in {"mean", "score", "answers"} else ""}>{m(key)}</th>'
                for key in ("group", "mean", "score", "band", "answers")
            )
            rows = "\n".join(self.score_row(s) for s in dimension.scores)
            parts.append(
                f'<h3 id="{heading}">{self.t(dimension.label)}</h3>\n'
                f'<table class="scores" aria-labelledby="{heading}">\n<thead><tr>{head}</tr></thead>\n'
                f"<tbody>\n{rows}\n</tbody>\n</table>\n"
            )
        return self.section("scores", "".join(parts))

    def score_row(self, score: ScoreView) -> str:
        """One group's row of a dimension table."""
        if score.band is not None:
            css = ' class="needs-work"' if score.band.needs_work else ""
            band = f"<td{css}>{self.t(score.band.label)}</td>"
        elif not score.answers:
            band = f'<td class="suppressed">{self.m("no_answers")}</td>'
        else:
            band = "<td>—</td>"
        return (
            f'<tr><th scope="row">{self.t(score.group.label)}</th>'
            f'<td class="num">{self.num(score.mean, 2)}</td>'
            f'<td class="num">{self.num(score.score)}</td>'
            f'{band}<td class="num">{score.answers}</td></tr>'
        )

    def gaps(self) -> str:
        """The gap chart, then per gap the items that differ most."""
        view, m = self.view, self.m
        if not view.gaps:
            return self.section("gaps", f"<p>{m('no_gaps')}</p>\n")
        parts = [
            f"<p>{m('gaps_intro')}</p>\n",
            f"<figure>\n{gap_chart(view)}\n<figcaption>{m('chart_gaps')}</figcaption>\n</figure>\n",
        ]
        for gap in view.gaps:
            pair = m("gap_between", first=self.t(gap.first.label), second=self.t(gap.second.label))
            heading = m("label_value", label=self.t(gap.dimension.label), value=pair)
            number = f'<span class="num">{self.num(gap.difference, signed=True)}</span>'
            parts.append(f"<h3>{m('label_value', label=heading, value=number)}</h3>\n")
            if gap.items:
                items = "\n".join(
                    f'<li>{self.t(i.text)} <span class="num">({self.num(i.difference, signed=True)})</span></li>'
                    for i in gap.items
                )
                parts.append(f'<p>{m("gap_items")}</p>\n<ul class="items">\n{items}\n</ul>\n')
        return self.section("gaps", "".join(parts))

    def points(self, key: str, points: tuple[PointView, ...]) -> str:
        """Strong points or work points."""
        if not points:
            return self.section(key, f"<p>{self.m('none')}</p>\n")
        items = []
        for point in points:
            who = f"{self.t(point.dimension.label)} — {self.t(point.score.group.label)}"
            band = point.score.band
            what = f"{self.t(band.label) if band else '—'} ({self.num(point.score.score)})"
            items.append(f"<li>{self.m('label_value', label=who, value=what)}</li>")
        return self.section(key, '<ul class="points">\n' + "\n".join(items) + "\n</ul>\n")

    def recommendations(self) -> str:
        """Resources per dimension, linked when they have a safe URL."""
        view = self.view
        if not view.recommendations:
            return self.section("recommendations", f"<p>{self.m('no_recommendations')}</p>\n")
        parts = []
        for recommendation in view.recommendations:
            items = "\n".join(f"<li>{link(self.t(r.title), r.url)}</li>" for r in recommendation.resources)
            parts.append(f"<h3>{self.t(recommendation.dimension.label)}</h3>\n<ul>\n{items}\n</ul>\n")
        return self.section("recommendations", "".join(parts))
