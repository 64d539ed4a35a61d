"""The report as Markdown (CommonMark with GFM tables): readable as plain text, safe when rendered.

Every piece of content is escaped: ``<`` never opens raw HTML, Markdown punctuation is backslash
escaped, and a link is written only for an ``http``, ``https`` or ``mailto`` URL.
"""

import re
from typing import TYPE_CHECKING

from ouderbetrokkenheid.model.assessment import Assessment, Result
from ouderbetrokkenheid.reports.messages import format_number, message
from ouderbetrokkenheid.reports.view import ReportView, ScoreView, Text, build_view, safe_url

if TYPE_CHECKING:
    from ouderbetrokkenheid.catalog.library import Library

_SPECIAL = re.compile(r"([\\`*_\[\]{}|#!~])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+(?=[.)]))")


def escape(text: str | Text) -> str:
    """*text* made inert in Markdown: on one line, with no raw HTML, entity or emphasis."""
    value = " ".join(str(text).split())
    value = _ENTITY.sub("&amp;", value)
    value = value.replace("<", "&lt;").replace(">", "&gt;")
    value = _SPECIAL.sub(r"\\\1", value)
    return _LINE_START.sub(r"\1\\\2", value)


def _link(title: str | Text, url: str | None) -> str:
    url = safe_url(url)
    if url is None:
        return escape(title)
    target = url.replace("(", "%28").replace(")", "%29")
    return f"[{escape(title)}]({target})"


def _table(header: list[str], rows: list[list[str]], align: list[str]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def render_markdown(
    result: Result,
    assessment: Assessment,
    *,
    lang: str | None,
    library: "Library | None" = None,
    default: str | None = None,
) -> str:
    """The report on *result* as Markdown, in *lang* (labels fall back through *default*, the pack's
    default language, then Dutch and English). With *library*, recommendations show resource titles and
    links; without it, their ids."""
    view = build_view(result, assessment, lang=lang, library=library, default=default)
    return "\n".join(_lines(view)) + "\n"


def _lines(view: ReportView) -> list[str]:
    lang = view.lang

    def num(value: float | None, digits: int = 1, *, signed: bool = False) -> str:
        return "—" if value is None else format_number(value, lang, digits, signed=signed)

    def m(key: str, **fields: object) -> str:
        return escape(message(key, lang, **fields))

    out = [f"# {escape(view.title)}", ""]
    out += [
        f"{m('report')} · {escape(view.assessment)} · {m('version', version=view.version)}",
        "",
    ]

    out += [f"## {m('respondents')}", ""]
    out += _table(
        [m("group"), m("respondents")],
        [
            [
                escape(g.label),
                m("suppressed", n=view.min_group_size) if g.respondents is None else str(g.respondents),
            ]
            for g in view.groups
        ],
        ["---", "---:"],
    )
    out.append("")

    out += [f"## {m('scores')}", ""]
    if view.bands:
        bands = ", ".join(f"{b.label} ({num(b.min, 0)}–{num(b.max, 0)})" for b in view.bands)
        out += [m("scores_intro", bands=bands), ""]
    if view.suppressed_groups:
        names = ", ".join(str(g.label) for g in view.suppressed_groups)
        out += [m("suppressed_note", n=view.min_group_size, groups=names), ""]
    scored = [d for d in view.dimensions if d.scores]
    if not scored:
        out += [m("no_scores"), ""]
    for dimension in scored:
        out += [f"### {escape(dimension.label)}", ""]
        out += _table(
            [m("group"), m("mean"), m("score"), m("band"), m("answers")],
            [_score_row(s, num, m) for s in dimension.scores],
            ["---", "---:", "---:", "---", "---:"],
        )
        out.append("")

    out += [f"## {m('gaps')}", ""]
    if view.gaps:
        out += [m("gaps_intro"), ""]
    else:
        out += [m("no_gaps"), ""]
    for gap in view.gaps:
        pair = m("gap_between", first=gap.first.label, second=gap.second.label)
        out += [f"### {escape(gap.dimension.label)}: {pair}: {num(gap.difference, signed=True)}", ""]
        if gap.items:
            out += [m("gap_items"), ""]
            out += [f"- {escape(i.text)} ({num(i.difference, signed=True)})" for i in gap.items]
            out.append("")

    for key, points in (("strengths", view.strengths), ("work_points", view.work_points)):
        out += [f"## {m(key)}", ""]
        if not points:
            out += [m("none"), ""]
            continue
        for point in points:
            band = point.score.band
            out.append(
                f"- {escape(point.dimension.label)} — {escape(point.score.group.label)}: "
                f"{escape(band.label) if band else '—'} ({num(point.score.score)})"
            )
        out.append("")

    out += [f"## {m('recommendations')}", ""]
    if not view.recommendations:
        out += [m("no_recommendations"), ""]
    for recommendation in view.recommendations:
        out += [f"### {escape(recommendation.dimension.label)}", ""]
        out += [f"- {_link(r.title, r.url)}" for r in recommendation.resources]
        out.append("")

    out += ["---", "", m("min_group", n=view.min_group_size)]
    return out


def _score_row(score: ScoreView, num: object, m: object) -> list[str]:
    assert callable(num)
    assert callable(m)
    band = escape(score.band.label) if score.band else ("—" if score.answers else m("no_answers"))
    return [
        escape(score.group.label),
        num(score.mean, 2),
        num(score.score),
        band,
        str(score.answers),
    ]
