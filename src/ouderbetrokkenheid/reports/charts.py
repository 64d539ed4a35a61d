"""The report's charts as inline SVG, built in Python (no script, no font, nothing fetched).

* :func:`score_chart`: a horizontal bar per dimension per group on a 0-100 axis, with the band
  boundaries marked and the bands named.
* :func:`gap_chart`: a bar per perception gap, diverging from 0.

Both read in black and white: each group has its own fill *pattern* as well as its own colour, every
bar carries its number, and the groups are named beside their bars. Colours are dark enough for a 3:1
contrast against white. Each chart is ``role="img"`` with a ``<title>``, an ``aria-label`` and a
``<desc>`` that lists the numbers.
"""

import math

import attrs

from ouderbetrokkenheid.reports.markup import esc, lang_attrs
from ouderbetrokkenheid.reports.messages import compose, format_number
from ouderbetrokkenheid.reports.view import ReportView, Text

#: Chart width in SVG user units (the SVG scales to the page).
WIDTH = 760
FONT = 13
SMALL = 11
#: A white outline behind text that may cross a grid line, so it stays legible.
HALO = {"paint_order": "stroke", "stroke": "#fff", "stroke_width": 4, "stroke_linejoin": "round"}


@attrs.frozen(kw_only=True)
class Fill:
    """How one group's bars look: a colour and a pattern that also shows in black and white."""

    colour: str
    #: ``solid``, ``hatch`` (diagonal lines), ``dots``, ``lines`` (horizontal) or ``cross``.
    pattern: str


#: Group fills, in group order (repeated when there are more groups).
FILLS: tuple[Fill, ...] = (
    Fill(colour="#1f4e79", pattern="solid"),
    Fill(colour="#9c4200", pattern="hatch"),
    Fill(colour="#2e6b30", pattern="dots"),
    Fill(colour="#5b3a8c", pattern="lines"),
    Fill(colour="#3d3d3d", pattern="cross"),
)


def _pattern(pattern_id: str, fill: Fill) -> str:
    """An SVG ``<pattern>`` for *fill* (nothing for solid fills)."""
    head = f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="6" height="6"'
    ground = f'<rect width="6" height="6" fill="{fill.colour}"/>'
    if fill.pattern == "hatch":
        return (
            f'{head} patternTransform="rotate(45)">{ground}'
            '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern>'
        )
    if fill.pattern == "dots":
        return f'{head}>{ground}<circle cx="3" cy="3" r="1.3" fill="#fff"/></pattern>'
    if fill.pattern == "lines":
        return (
            f'{head}>{ground}<line x1="0" y1="3" x2="6" y2="3" stroke="#fff" stroke-width="1.5"/></pattern>'
        )
    if fill.pattern == "cross":
        return (
            f'{head}>{ground}<line x1="0" y1="3" x2="6" y2="3" stroke="#fff" stroke-width="1"/>'
            '<line x1="3" y1="0" x2="3" y2="6" stroke="#fff" stroke-width="1"/></pattern>'
        )
    return ""


def _paint(pattern_id: str, fill: Fill) -> str:
    return fill.colour if fill.pattern == "solid" else f"url(#{pattern_id})"


def _clip(value: str, width: float, size: int = FONT) -> str:
    """*value* shortened with ``…`` to about *width* user units (SVG text cannot wrap)."""
    room = max(4, int(width / (size * 0.56)))
    return value if len(value) <= room else value[: room - 1].rstrip() + "…"


def _text(x: float, y: float, value: Text | str, page_lang: str, **attributes: object) -> str:
    attrs_text = "".join(f' {k.replace("_", "-")}="{esc(v)}"' for k, v in attributes.items())
    lang = lang_attrs(value.lang, page_lang) if isinstance(value, Text) else ""
    return f'<text x="{x:.1f}" y="{y:.1f}"{attrs_text}{lang}>{esc(str(value))}</text>'


def _svg(chart_id: str, height: float, title: str, desc: str, defs: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="{WIDTH}" height="{height:.0f}" aria-label="{esc(title)}" '
        f'aria-describedby="{chart_id}-desc" font-size="{FONT}">'
        f"<title>{esc(title)}</title>"
        f'<desc id="{chart_id}-desc">{esc(desc)}</desc>'
        f"<defs>{defs}</defs>" + "".join(body) + "</svg>"
    )


def score_chart(view: ReportView, chart_id: str = "chart-scores") -> str:
    """The bar chart of the scores of the shown groups per dimension, 0-100, bands marked."""
    lang = view.lang
    groups = view.shown_groups
    fills = {g.id: FILLS[i % len(FILLS)] for i, g in enumerate(groups)}
    dimensions = [d for d in view.dimensions if d.scores]
    longest = max((len(g.label.text) for g in groups), default=6)
    left = min(240.0, max(110.0, longest * FONT * 0.56 + 24))
    right = 58.0
    plot = WIDTH - left - right

    def x(score: float) -> float:
        return left + max(0.0, min(100.0, score)) / 100 * plot

    top, row, title_row, gap = 30.0, 24.0, 22.0, 10.0
    height = top + sum(title_row + row * len(d.scores) + gap for d in dimensions) + 28
    bottom = height - 26
    body: list[str] = []
    # The bands: alternating light zones, their names on top, dashed lines at the boundaries.
    for i, band in enumerate(view.bands):
        x0, x1 = x(band.min), x(band.max)
        shade = "#f0f0f0" if i % 2 == 0 else "#ffffff"
        body.append(
            f'<rect x="{x0:.1f}" y="{top - 4:.1f}" width="{x1 - x0:.1f}" height="{bottom - top + 4:.1f}" fill="{shade}"/>'
        )
        body.append(
            _text(
                (x0 + x1) / 2,
                top - 12,
                Text(text=_clip(band.label.text, x1 - x0, SMALL), lang=band.label.lang),
                lang,
                text_anchor="middle",
                font_size=SMALL,
                fill="#333",
                font_weight="bold" if band.needs_work else "normal",
            )
        )
        if band.min > 0:
            body.append(
                f'<line x1="{x0:.1f}" y1="{top - 4:.1f}" x2="{x0:.1f}" y2="{bottom:.1f}" '
                'stroke="#555" stroke-width="1" stroke-dasharray="4 3"/>'
            )
    # The axis.
    body.append(
        f'<line x1="{left:.1f}" y1="{bottom:.1f}" x2="{x(100):.1f}" y2="{bottom:.1f}" stroke="#333"/>'
    )
    for tick in range(0, 101, 25):
        body.append(
            f'<line x1="{x(tick):.1f}" y1="{bottom:.1f}" x2="{x(tick):.1f}" y2="{bottom + 4:.1f}" stroke="#333"/>'
        )
        body.append(_text(x(tick), bottom + 17, str(tick), lang, text_anchor="middle", font_size=SMALL))
    # The bars.
    y = top + 4
    descriptions = []
    for dimension in dimensions:
        body.append(
            _text(
                0,
                y + 14,
                Text(text=_clip(dimension.label.text, WIDTH), lang=dimension.label.lang),
                lang,
                font_weight="bold",
            )
        )
        y += title_row
        parts = []
        for score in dimension.scores:
            group = score.group
            body.append(
                _text(
                    left - 8,
                    y + 15,
                    Text(text=_clip(group.label.text, left - 12), lang=group.label.lang),
                    lang,
                    text_anchor="end",
                )
            )
            if score.score is None:
                note = compose("no_answers", lang, str)
                body.append(_text(left + 6, y + 15, note, lang, font_style="italic", fill="#333"))
                parts.append(f"{group.label.text} {note}")
            else:
                number = format_number(score.score, lang)
                width = max(1.5, x(score.score) - left)
                paint = _paint(f"{chart_id}-p{groups.index(group)}", fills[group.id])
                body.append(
                    f'<rect x="{left:.1f}" y="{y + 4:.1f}" width="{width:.1f}" height="16" fill="{paint}" '
                    f'stroke="#111" stroke-width="0.75"/>'
                )
                body.append(_text(left + width + 5, y + 16.5, number, lang, font_weight="bold"))
                band = f" ({score.band.label.text})" if score.band else ""
                parts.append(f"{group.label.text} {number}{band}")
            y += row
        y += gap
        descriptions.append(f"{dimension.label.text}: {'; '.join(parts)}")
    defs = "".join(_pattern(f"{chart_id}-p{i}", fills[g.id]) for i, g in enumerate(groups))
    title = compose("chart_scores", lang, str)
    return _svg(chart_id, height, title, ". ".join(descriptions), defs, body)


def gap_chart(view: ReportView, chart_id: str = "chart-gaps") -> str:
    """The perception gaps: a bar per gap from 0, to the right when the first group scores higher."""
    lang = view.lang
    largest = max((abs(g.difference) for g in view.gaps), default=0.0)
    reach = min(100.0, max(25.0, math.ceil(largest / 25) * 25))
    side = 64.0
    plot = WIDTH - 2 * side
    centre = side + plot / 2

    def x(difference: float) -> float:
        return centre + max(-reach, min(reach, difference)) / reach * plot / 2

    top, title_row, row, gap = 34.0, 22.0, 24.0, 8.0
    height = top + len(view.gaps) * (title_row + row + gap) + 30
    bottom = height - 26
    positive = Fill(colour="#1f4e79", pattern="solid")
    negative = Fill(colour="#9c4200", pattern="hatch")
    body = [
        _text(side, 14, "← " + compose("chart_gaps_left", lang, str), lang, font_size=SMALL, fill="#333"),
        _text(
            WIDTH - side,
            14,
            compose("chart_gaps_right", lang, str) + " →",
            lang,
            font_size=SMALL,
            fill="#333",
            text_anchor="end",
        ),
        f'<line x1="{centre:.1f}" y1="{top - 10:.1f}" x2="{centre:.1f}" y2="{bottom:.1f}" stroke="#111" stroke-width="1.5"/>',
        f'<line x1="{side:.1f}" y1="{bottom:.1f}" x2="{WIDTH - side:.1f}" y2="{bottom:.1f}" stroke="#333"/>',
    ]
    for step in (-1.0, -0.5, 0.0, 0.5, 1.0):
        tick = x(step * reach)
        body.append(
            f'<line x1="{tick:.1f}" y1="{bottom:.1f}" x2="{tick:.1f}" y2="{bottom + 4:.1f}" stroke="#333"/>'
        )
        if step:
            body.append(
                f'<line x1="{tick:.1f}" y1="{top - 10:.1f}" x2="{tick:.1f}" y2="{bottom:.1f}" '
                'stroke="#999" stroke-width="0.75" stroke-dasharray="2 3"/>'
            )
        label = format_number(step * reach, lang, 0, signed=True)
        body.append(_text(tick, bottom + 17, label, lang, text_anchor="middle", font_size=SMALL))
    y = top
    descriptions = []
    for item in view.gaps:
        pair = compose("gap_between", lang, str, first=item.first.label.text, second=item.second.label.text)
        heading = compose("label_value", lang, str, label=item.dimension.label.text, value=pair)
        body.append(_text(side, y + 14, _clip(heading, plot), lang, font_weight="bold", **HALO))
        y += title_row
        number = format_number(item.difference, lang, signed=True)
        end = x(item.difference)
        start, width = min(centre, end), max(1.5, abs(end - centre))
        fill = positive if item.difference >= 0 else negative
        body.append(
            f'<rect x="{start:.1f}" y="{y + 4:.1f}" width="{width:.1f}" height="16" '
            f'fill="{_paint(f"{chart_id}-neg", fill)}" stroke="#111" stroke-width="0.75"/>'
        )
        if item.difference >= 0:
            body.append(_text(start + width + 5, y + 16.5, number, lang, font_weight="bold"))
        else:
            body.append(_text(start - 5, y + 16.5, number, lang, font_weight="bold", text_anchor="end"))
        descriptions.append(f"{heading}: {number}")
        y += row + gap
    title = compose("chart_gaps", lang, str)
    defs = _pattern(f"{chart_id}-neg", negative)
    return _svg(chart_id, height, title, ". ".join(descriptions), defs, body)
