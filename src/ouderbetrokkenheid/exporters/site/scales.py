"""Effect sizes drawn against the scale of their metric, as inline SVG with a text alternative.

* ``cohens-d`` and ``hedges-g``: Hattie's barometer, −0.2 to 1.2, with its zones (reverse effects below
  0, developmental effects 0–0.15, teacher effects 0.15–0.40, the zone of desired effects 0.40–1.2) and
  the 0.40 hinge point;
* ``months-progress`` (EEF): −12 to 12 months, with the no-effect line at 0;
* ``correlation-r``: −1 to 1, with the no-effect line at 0.

A value outside its scale is drawn at the edge with an arrow and said to be beyond the scale. Every
chart has a ``<title>`` and ``<desc>`` (``role="img"``) and a visible legend; the values are also listed
as text beside it. Ratings (EEF evidence padlocks, cost) are drawn as a row of symbols with their text.
"""

from collections.abc import Sequence

import attrs

from ouderbetrokkenheid.exporters.site.markup import esc, isolate, m, m_text
from ouderbetrokkenheid.model import Effect, Rating
from ouderbetrokkenheid.reports.messages import format_number


@attrs.frozen(kw_only=True)
class Zone:
    """A stretch of a scale with a name (a zone of Hattie's barometer)."""

    start: float
    end: float
    key: str
    css: str


@attrs.frozen(kw_only=True)
class EffectScale:
    """The axis an effect metric is drawn on."""

    key: str
    minimum: float
    maximum: float
    ticks: tuple[float, ...]
    #: Decimals of the tick labels, and of values and zone boundaries.
    tick_digits: int
    digits: int
    zones: tuple[Zone, ...] = ()
    #: ``(value, message key)``: a reference line (the hinge point, no effect).
    line: tuple[float, str] | None = None


HATTIE = EffectScale(
    key="scale_hattie",
    minimum=-0.2,
    maximum=1.2,
    ticks=(-0.2, 0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2),
    tick_digits=1,
    digits=2,
    zones=(
        Zone(start=-0.2, end=0.0, key="zone_reverse", css="z-reverse"),
        Zone(start=0.0, end=0.15, key="zone_developmental", css="z-developmental"),
        Zone(start=0.15, end=0.40, key="zone_teacher", css="z-teacher"),
        Zone(start=0.40, end=1.2, key="zone_desired", css="z-desired"),
    ),
    line=(0.40, "hinge"),
)
MONTHS = EffectScale(
    key="scale_months",
    minimum=-12.0,
    maximum=12.0,
    ticks=(-12.0, -9.0, -6.0, -3.0, 0.0, 3.0, 6.0, 9.0, 12.0),
    tick_digits=0,
    digits=0,
    line=(0.0, "no_effect_line"),
)
CORRELATION = EffectScale(
    key="scale_correlation",
    minimum=-1.0,
    maximum=1.0,
    ticks=(-1.0, -0.5, 0.0, 0.5, 1.0),
    tick_digits=1,
    digits=2,
    line=(0.0, "no_effect_line"),
)

#: Effect metric (vocabulary ``effect-metric``) -> its scale.
SCALES: dict[str, EffectScale] = {
    "cohens-d": HATTIE,
    "hedges-g": HATTIE,
    "months-progress": MONTHS,
    "correlation-r": CORRELATION,
}

_WIDTH = 640
_LEFT = 34
_RIGHT = 24
_ZONE_H = 30
_LANE_H = 30
_AXIS_H = 34
_FONT = 12


def value_text(effect: Effect, lang: str) -> str:
    """The effect's value as text in *lang* (``0,49``; ``4 maanden``)."""
    scale = SCALES.get(effect.metric)
    digits = scale.digits if scale else 2
    number = format_number(effect.value, lang, digits=digits, signed=effect.metric == "months-progress")
    if effect.metric == "months-progress":
        return m_text("months_value", lang, value=number)
    return number


def zone_of(scale: EffectScale, value: float) -> Zone | None:
    """The zone *value* falls in (a boundary belongs to the zone above it)."""
    for zone in scale.zones:
        if zone.start <= value < zone.end or (zone is scale.zones[-1] and value >= zone.end):
            return zone
    if scale.zones and value < scale.zones[0].start:
        return scale.zones[0]
    return None


def _x(scale: EffectScale, value: float) -> float:
    span = scale.maximum - scale.minimum
    clamped = min(max(value, scale.minimum), scale.maximum)
    return _LEFT + (clamped - scale.minimum) / span * (_WIDTH - _LEFT - _RIGHT)


def _fits(label: str, width: float) -> bool:
    return len(label) * _FONT * 0.55 + 8 <= width


def effect_chart(effects: Sequence[Effect], lang: str, chart_id: str) -> str:
    """One SVG with *effects* (all of one metric) on their scale, with its legend; ``""`` for a metric
    without a known scale."""
    if not effects or effects[0].metric not in SCALES:
        return ""
    scale = SCALES[effects[0].metric]
    from ouderbetrokkenheid.model import VOCABULARIES

    try:
        metric_label = VOCABULARIES["effect-metric"].term(effects[0].metric).label
        metric = metric_label.get_text(lang)
    except KeyError:
        metric = effects[0].metric
    title = m_text("chart_title", lang, metric=metric, scale=m_text(scale.key, lang))
    chart_id = esc(chart_id)
    numbered = len(effects) > 1
    top = _ZONE_H if scale.zones else 10
    bottom = top + _LANE_H * len(effects)
    height = bottom + _AXIS_H
    body: list[str] = []
    descriptions: list[str] = []
    # zones (or a plain band) behind the lanes
    if scale.zones:
        for zone in scale.zones:
            x0, x1 = _x(scale, zone.start), _x(scale, zone.end)
            body.append(
                f'<rect class="{zone.css}" x="{x0:.1f}" y="0" width="{x1 - x0:.1f}" height="{bottom}"/>'
            )
            name = m_text(zone.key, lang)
            if _fits(name, x1 - x0):
                body.append(
                    f'<text x="{(x0 + x1) / 2:.1f}" y="19" text-anchor="middle" class="zone-label">{esc(name)}</text>'
                )
    else:
        body.append(
            f'<rect class="z-plain" x="{_x(scale, scale.minimum):.1f}" y="{top}" '
            f'width="{_x(scale, scale.maximum) - _x(scale, scale.minimum):.1f}" height="{bottom - top}"/>'
        )
    if scale.line is not None:
        value, key = scale.line
        x = _x(scale, value)
        body.append(f'<line class="refline" x1="{x:.1f}" y1="{max(top - 6, 0)}" x2="{x:.1f}" y2="{bottom}"/>')
    # lanes: one per effect
    for index, effect in enumerate(effects, 1):
        y = top + _LANE_H * (index - 1) + _LANE_H / 2
        x = _x(scale, effect.value)
        text = value_text(effect, lang)
        outside = not scale.minimum <= effect.value <= scale.maximum
        if numbered:
            body.append(f'<text x="6" y="{y + 4:.1f}" class="lane-number">{index}</text>')
        if outside:
            direction = 1 if effect.value > scale.maximum else -1
            tip = x + 8 * direction
            body.append(
                f'<path class="marker" d="M{x:.1f} {y - 7:.1f} L{tip:.1f} {y:.1f} L{x:.1f} {y + 7:.1f} Z"/>'
            )
        else:
            body.append(f'<circle class="marker" cx="{x:.1f}" cy="{y:.1f}" r="6"/>')
        right = x < _WIDTH - _RIGHT - 90
        anchor = "start" if right else "end"
        tx = x + (12 if right else -12)
        shown = text + (f" ({m_text('beyond_scale', lang)})" if outside else "")
        body.append(
            f'<text x="{tx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" class="value">{esc(shown)}</text>'
        )
        zone = zone_of(scale, effect.value)
        described = (
            shown
            if zone is None
            else m_text("effect_in_zone", lang, value=shown, zone=m_text(zone.key, lang))
        )
        descriptions.append((f"{index}. " if numbered else "") + described)
    # axis
    body.append(
        f'<line class="axis" x1="{_x(scale, scale.minimum):.1f}" y1="{bottom}" '
        f'x2="{_x(scale, scale.maximum):.1f}" y2="{bottom}"/>'
    )
    for tick in scale.ticks:
        x = _x(scale, tick)
        body.append(f'<line class="tick" x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 5}"/>')
        body.append(
            f'<text x="{x:.1f}" y="{bottom + 19}" text-anchor="middle" class="tick-label">'
            f"{esc(format_number(tick, lang, digits=scale.tick_digits))}</text>"
        )
    legend = []
    for zone in scale.zones:
        # a range in <bdi> on a right-to-left page: "−0.20 – 0.00" keeps its order among Arabic words
        start, end = (esc(format_number(x, lang, digits=scale.digits)) for x in (zone.start, zone.end))
        legend.append(
            f'<li><span class="swatch {zone.css}" aria-hidden="true"></span>{m(zone.key, lang)} '
            f"({isolate(f'{start} – {end}', lang)})</li>"
        )
    if scale.line is not None:
        value, key = scale.line
        legend.append(
            f'<li><span class="swatch refline" aria-hidden="true"></span>'
            f"{m(key, lang, value=isolate(esc(format_number(value, lang, digits=scale.digits)), lang))}</li>"
        )
    note = f'<p class="chart-note">{m("hinge_note", lang)}</p>' if scale is HATTIE else ""
    return (
        f'<figure class="chart">\n<svg class="scale" viewBox="0 0 {_WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">\n'
        f'<title id="{chart_id}-t">{esc(title)}</title>\n'
        f'<desc id="{chart_id}-d">{esc("; ".join(descriptions))}</desc>\n' + "\n".join(body) + "\n</svg>\n"
        f'<figcaption><ul class="legend">{"".join(legend)}</ul>{note}</figcaption>\n</figure>\n'
    )


def rating_symbols(rating: Rating, lang: str, kind: str) -> str:
    """A rating (EEF padlocks, cost) as a row of *rating.max* symbols, *rating.value* of them filled,
    with its value as text; *kind* is ``evidence`` (padlocks) or ``cost`` (coins)."""
    value, maximum = max(0, min(rating.value, rating.max)), max(rating.max, 1)
    said = m_text("rating_of", lang, value=str(rating.value), max=str(rating.max))
    symbols = []
    for index in range(maximum):
        x = index * 20 + 2
        filled = "on" if index < value else "off"
        if kind == "evidence":
            symbols.append(
                f'<path class="lock-shackle {filled}" d="M{x + 4} 9 V6 a4 4 0 0 1 8 0 V9"/>'
                f'<rect class="lock {filled}" x="{x + 1}" y="9" width="14" height="10" rx="2"/>'
            )
        else:
            symbols.append(f'<circle class="coin {filled}" cx="{x + 8}" cy="11" r="7"/>')
    svg = (
        f'<svg class="rating" viewBox="0 0 {maximum * 20 + 4} 22" width="{maximum * 20 + 4}" height="22" '
        f'aria-hidden="true" xmlns="http://www.w3.org/2000/svg">{"".join(symbols)}</svg>'
    )
    return f'{svg} <span class="rating-text">{esc(said)}</span>'
