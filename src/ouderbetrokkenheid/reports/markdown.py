"""The report as Markdown (CommonMark with GFM tables): readable as plain text, safe when rendered.

Every piece of content is escaped: ``<`` never opens raw HTML, Markdown punctuation is backslash
escaped, and a link is written only for an ``http``, ``https`` or ``mailto`` URL.
"""

import re
from typing import TYPE_CHECKING

import attrs

from ouderbetrokkenheid.model.assessment import Assessment, Result
from ouderbetrokkenheid.reports.messages import compose, format_number
from ouderbetrokkenheid.reports.view import ReportView, ScoreView, Text, build_view, safe_url

if TYPE_CHECKING:
    from ouderbetrokkenheid.catalog.library import Library

_SPECIAL = re.compile(r"([\\`*_\[\]{}|#!~])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
#: What would start a list or a quote at the start of a line: ``- x``, ``+ x``, ``> x``, ``1. x``, ``1) x``.
_LINE_START = re.compile(r"^(\s*(?:\d{1,9}(?=[.)])|(?=[-+>])))([-+>.)])(?=\s|$)")
_SPACE = re.compile(r"\s+")


def escape(text: str | Text, *, line_start: bool = True) -> str:
    """*text* made inert in Markdown: on one line, with no raw HTML, entity, emphasis or table cell
    break; with *line_start*, also no list or quote marker at its start."""
    value = _SPACE.sub(" ", str(text))
    value = _ENTITY.sub("&amp;", value)
    value = value.replace("<", "&lt;").replace(">", "&gt;")
    value = _SPECIAL.sub(r"\\\1", value)
    return _LINE_START.sub(r"\1\\\2", value) if line_start else value


def _inline(text: str) -> str:
    return escape(text, line_start=False)


def link(title: str | Text, url: str | None) -> str:
    """A Markdown link to *url* when it is safe, else the escaped *title* alone."""
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
    return "\n".join(_Writer(view).lines()) + "\n"


@attrs.frozen
class _Writer:
    view: ReportView

    def m(self, key: str, **fields: str) -> str:
        """A catalogue message; *fields* are Markdown already."""
        return compose(key, self.view.lang, _inline, **fields)

    def num(self, value: float | None, digits: int = 1, *, signed: bool = False) -> str:
        """A number in the report's language, ``—`` when there is none."""
        return "—" if value is None else format_number(value, self.view.lang, digits, signed=signed)

    def lines(self) -> list[str]:
        """The whole report."""
        view, m = self.view, self.m
        out = [f"# {escape(view.title)}", ""]
        out += [
            f"{m('report')} · {escape(view.assessment)} · {m('version', version=escape(view.version))}",
            "",
        ]
        out += self.respondents()
        out += self.scores()
        out += self.gaps()
        for key, points in (("strengths", view.strengths), ("work_points", view.work_points)):
            out += [f"## {m(key)}", ""]
            if not points:
                out += [m("none"), ""]
                continue
            for point in points:
                band = point.score.band
                who = f"{escape(point.dimension.label)} — {escape(point.score.group.label)}"
                what = f"{escape(band.label) if band else '—'} ({self.num(point.score.score)})"
                out.append(f"- {m('label_value', label=who, value=what)}")
            out.append("")
        out += self.recommendations()
        out += ["---", "", m("min_group", n=str(view.min_group_size))]
        return out

    def respondents(self) -> list[str]:
        """Who answered; suppressed groups by name only."""
        view, m = self.view, self.m
        rows = [
            [
                escape(g.label),
                m("suppressed", n=str(view.min_group_size)) if g.respondents is None else str(g.respondents),
            ]
            for g in view.groups
        ]
        return [
            f"## {m('respondents')}",
            "",
            *_table([m("group"), m("respondents")], rows, ["---", "---:"]),
            "",
        ]

    def scores(self) -> list[str]:
        """A table per dimension with a row per shown group."""
        view, m = self.view, self.m
        out = [f"## {m('scores')}", ""]
        if view.bands:
            bands = ", ".join(
                f"{escape(b.label)} ({self.num(b.min, 0)}–{self.num(b.max, 0)})" for b in view.bands
            )
            out += [m("scores_intro", bands=bands), ""]
            explained = [b for b in view.bands if b.interpretation]
            if explained:
                out += [
                    f"- {m('label_value', label=escape(b.label), value=escape(b.interpretation or ''))}"
                    for b in explained
                ]
                out.append("")
        if view.suppressed_groups:
            names = ", ".join(escape(g.label) for g in view.suppressed_groups)
            out += [m("suppressed_note", n=str(view.min_group_size), groups=names), ""]
        scored = [d for d in view.dimensions if d.scores]
        if not scored:
            out += [m("no_scores"), ""]
        for dimension in scored:
            out += [f"### {escape(dimension.label)}", ""]
            out += _table(
                [m("group"), m("mean"), m("score"), m("band"), m("answers")],
                [self.score_row(s) for s in dimension.scores],
                ["---", "---:", "---:", "---", "---:"],
            )
            out.append("")
        return out

    def score_row(self, score: ScoreView) -> list[str]:
        """One group's row of a dimension table."""
        if score.band is not None:
            band = escape(score.band.label)
        else:
            band = self.m("no_answers") if not score.answers else "—"
        return [
            escape(score.group.label),
            self.num(score.mean, 2),
            self.num(score.score),
            band,
            str(score.answers),
        ]

    def gaps(self) -> list[str]:
        """The perception gaps with the items that differ most."""
        view, m = self.view, self.m
        out = [f"## {m('gaps')}", "", m("gaps_intro") if view.gaps else m("no_gaps"), ""]
        for gap in view.gaps:
            pair = m("gap_between", first=escape(gap.first.label), second=escape(gap.second.label))
            heading = m("label_value", label=escape(gap.dimension.label), value=pair)
            out += [f"### {m('label_value', label=heading, value=self.num(gap.difference, signed=True))}", ""]
            if gap.items:
                out += [m("gap_items"), ""]
                out += [f"- {escape(i.text)} ({self.num(i.difference, signed=True)})" for i in gap.items]
                out.append("")
        return out

    def recommendations(self) -> list[str]:
        """Resources per dimension, linked when they have a safe URL."""
        view, m = self.view, self.m
        out = [f"## {m('recommendations')}", ""]
        if not view.recommendations:
            out += [m("no_recommendations"), ""]
        for recommendation in view.recommendations:
            out += [f"### {escape(recommendation.dimension.label)}", ""]
            out += [f"- {link(r.title, r.url)}" for r in recommendation.resources]
            out.append("")
        return out
