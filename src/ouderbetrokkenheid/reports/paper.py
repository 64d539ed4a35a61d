"""A printable paper form: one respondent group's questionnaire in one language, as one HTML page.

Per section a table: the items in the group's own wording, a box per answer option (the option labels
head the columns) and a separate "not applicable" column where the scale has one. The instrument id,
its version, the group, the language, each item's ``link_id`` and each option's code are printed small,
so that answers on paper can be typed in later; with ``codes=False`` (the e-toolkit site, whose quickscan
pages take answers without codes) the form shows no code at all, the group by its label. Text that is missing in the asked language falls back
(pack default, Dutch, English) and is marked with the language it is really in.

A form in a language that the assessment's provenance lists as a machine translation (parents' home
languages such as Arabic, Turkish or Polish; for some instruments Dutch or French), or whose interface
words are a machine-translated catalogue (:func:`ouderbetrokkenheid.i18n.machine_translated`), opens
with a notice, in that language with the Dutch beside it, that it is a machine translation by this
project that no person has checked, and how to send a correction: to the school that gave the form,
and to the pack's homepage or publisher's address when the pack states one (:func:`correction_address`). On a right-to-left page (``dir="rtl"``, see :mod:`ouderbetrokkenheid.model.direction`)
the layout mirrors through CSS logical properties and codes are isolated in ``<bdi>``.
"""

import difflib
import itertools
from collections.abc import Iterator

import attrs

from ouderbetrokkenheid import i18n
from ouderbetrokkenheid.errors import UnknownIdError
from ouderbetrokkenheid.i18n import N_, words
from ouderbetrokkenheid.model.assessment import Assessment, Item, Option, RespondentGroup, Scale
from ouderbetrokkenheid.model.pack import PackManifest
from ouderbetrokkenheid.model.text import LocalizedText
from ouderbetrokkenheid.reports.markup import FONTS, document, esc, isolate, lang_attrs, message, text
from ouderbetrokkenheid.reports.messages import compose, primary
from ouderbetrokkenheid.reports.view import Text, resolve, safe_url

CSS = f"""\
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; font-family: {FONTS}; font-size: 16px; line-height: 1.45; color: #111; background: #fff; }}
header, main, footer {{ max-width: 52rem; margin: 0 auto; padding: 0 1.25rem; }}
header {{ padding-top: 1.25rem; padding-bottom: .5rem; border-bottom: 3px solid #111; }}
h1 {{ font-size: 1.7rem; line-height: 1.2; margin: .1rem 0 .3rem; overflow-wrap: break-word; }}
h2 {{ font-size: 1.2rem; line-height: 1.25; margin: 1.5rem 0 .5rem; }}
p {{ margin: .3rem 0 .6rem; }}
.kicker {{ margin: 0; text-transform: uppercase; letter-spacing: .06em; font-size: .85rem; color: #444; }}
/* letter spacing would pull apart the joined letters of Arabic script */
[dir="rtl"] .kicker {{ letter-spacing: 0; }}
.for {{ font-size: 1.1rem; font-weight: bold; margin: 0 0 .3rem; }}
.meta {{ font-size: .72rem; color: #555; margin: .2rem 0; font-variant-numeric: tabular-nums; }}
.meta .fill {{ display: inline-block; min-width: 8em; border-bottom: 1px solid #555; }}
.instructions {{ border: 1px solid #111; padding: .4rem .9rem; margin: 1rem 0; }}
.machine-translation {{ border: 1px solid #111; border-inline-start: 6px solid #111; padding: .4rem .9rem;
  margin: 1rem 0 0; font-size: .95rem; background: #f7f7f7; }}
.machine-translation p {{ margin: .2rem 0; }}
.machine-translation a {{ overflow-wrap: anywhere; }}
.instructions h2 {{ margin-top: .3rem; font-size: 1.05rem; }}
.instructions ul {{ margin: .2rem 0 .4rem; padding-inline-start: 1.2rem; }}
table {{ border-collapse: collapse; width: 100%; margin: .3rem 0 1rem; table-layout: fixed; }}
th, td {{ border: 1px solid #555; padding: .35rem .4rem; vertical-align: middle; }}
thead th {{ font-size: .78rem; font-weight: bold; line-height: 1.2; text-align: center; vertical-align: bottom;
  overflow-wrap: break-word; hyphens: auto; border-bottom: 2px solid #111; }}
th.nr {{ text-align: center; font-weight: bold; }}
table.many thead th.opt {{ font-size: .64rem; }}
thead th.statement {{ text-align: start; }}
th.opt, td.opt {{ text-align: center; padding-inline: .2rem; }}
th.na, td.na {{ border-inline-start: 3px double #111; background: #f2f2f2; }}
td.statement {{ overflow-wrap: break-word; }}
td.statement .code {{ text-align: end; overflow-wrap: anywhere; }}
.box {{ display: inline-block; width: 1.05rem; height: 1.05rem; border: 1.5px solid #111; background: #fff;
  vertical-align: middle; }}
.code {{ display: block; font-size: .62rem; font-weight: normal; color: #555; line-height: 1.1; margin-top: .15rem; }}
tbody tr {{ height: 2.4rem; }}
footer {{ margin-top: 1.5rem; padding-bottom: 1.5rem; border-top: 1px solid #777; }}
footer .thanks {{ font-weight: bold; }}
/* a phone: the option headers stand upright, whole words, instead of breaking mid-word */
@media screen and (max-width: 40rem) {{
  thead th.opt {{ writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
    overflow-wrap: normal; hyphens: manual; text-align: start; vertical-align: middle; }}
  h1 {{ font-size: 1.45rem; }}
  table.many thead th.opt {{ font-size: .72rem; }}
  th.nr {{ white-space: nowrap; }}
  thead th.nr {{ font-size: .64rem; padding-inline: .05rem; }}
  thead th.statement {{ overflow-wrap: normal; hyphens: manual; }}
  td.statement {{ font-size: .9rem; padding-inline: .3rem; }}
  th.opt, td.opt {{ padding-inline: .1rem; }}
}}
@page {{ size: A4; margin: 14mm 12mm 16mm; }}
@media print {{
  body {{ font-size: 11pt; }}
  header, main, footer {{ max-width: none; padding-inline: 0; }}
  h2 {{ break-after: avoid; page-break-after: avoid; }}
  .instructions, table {{ break-inside: avoid; page-break-inside: avoid; }}
  tr {{ break-inside: avoid; page-break-inside: avoid; }}
  thead {{ display: table-header-group; }}
  th.na, td.na {{ background: none; }}
}}
"""


#: The notice on a machine-translated form, as msgids of the word catalogue (``kind`` -> msgid). Its
#: translations into ar, tr, pl, ro, es, pt and uk are MACHINE TRANSLATIONS BY THIS PROJECT, not
#: reviewed, and marked so in their catalogues. ``"other"`` is said in a form's source language about its
#: other, machine-translated languages (the XLSForm carries every language in one form).
MACHINE_TRANSLATION_NOTICE: dict[str, str] = {
    "this": N_(
        "This is a machine translation by the ouderbetrokkenheid project. No one has checked it yet. "
        "Is something wrong or unclear? Please tell the school that gave you this form."
    ),
    "correction_url": N_("You can also send a correction here: {url}"),
    "other": N_(
        "The other languages of this form are machine translations by the ouderbetrokkenheid "
        "project. No one has checked them yet."
    ),
}


def machine_translated(assessment: Assessment, lang: str | None) -> bool:
    """Whether the assessment's provenance lists *lang* (or its primary language) as a machine
    translation."""
    wanted = {lang, primary(lang)} - {None, ""}
    return any(
        t.method == "machine" and (t.language in wanted or primary(t.language) in wanted)
        for t in assessment.provenance.translations
    )


def needs_notice(assessment: Assessment, lang: str | None) -> bool:
    """Whether a form of *assessment* in *lang* is (partly) a machine translation: its wording (the
    assessment's provenance) or the interface words around it (a machine-translated catalogue, such as
    the parents' home languages)."""
    return machine_translated(assessment, lang) or i18n.machine_translated(words(lang).lang)


def notice_text(lang: str | None, kind: str = "this", url: str | None = None) -> tuple[str, str]:
    """``(language, text)`` of the machine-translation notice *kind* (``this`` or ``other``) in *lang*,
    from the word catalogue (a language without the notice gets it in Dutch, and says so by the
    returned language); with *url* (a place the pack states for corrections), the sentence that
    points there is added. Never invents a place: without *url* the notice says to tell the school."""
    found = words(lang)
    body, tag = found.lookup(MACHINE_TRANSLATION_NOTICE[kind])
    if url:
        body += " " + words(tag).gettext(MACHINE_TRANSLATION_NOTICE["correction_url"]).format(url=url)
    return tag, body


def correction_address(manifest: PackManifest) -> str | None:
    """Where the pack says corrections can go: its ``homepage``, else its publisher's ``url``, when
    one is a safe ``http``/``https``/``mailto`` address; ``None`` when the pack states neither (the
    notice then names the school that gave the form only)."""
    return safe_url(manifest.homepage) or safe_url(manifest.publisher.url)


def notice_html(lang: str, url: str | None = None, css_class: str = "machine-translation") -> str:
    """The notice as an ``<aside>`` for a page in *lang*: in the page's language (or the language the
    catalogue has it in, marked), with *url* as a link; on a page in a language other than nl, fr and
    en, the Dutch text beside it, so that a teacher can read what the parent reads."""
    safe = safe_url(url)

    def paragraph(tag: str, body: str) -> str:
        html_body = esc(body)
        if safe:
            link = esc(safe)
            html_body = html_body.replace(link, f'<a href="{link}"><bdi>{link}</bdi></a>')
        return f"<p{lang_attrs(tag, lang)}>{html_body}</p>"

    found, body = notice_text(lang, url=safe)
    parts = [paragraph(found, body)]
    if found not in i18n.COMPLETE:
        parts.append(paragraph(*notice_text(i18n.FALLBACK, url=safe)))
    return f'<aside class="{css_class}" role="note">' + "".join(parts) + "</aside>\n"


#: Tables with many options get smaller column headers.
MANY = ' class="many"'


def _group(assessment: Assessment, group: str | RespondentGroup) -> RespondentGroup:
    group_id = group.id if isinstance(group, RespondentGroup) else group
    for candidate in assessment.groups:
        if candidate.id == group_id:
            return candidate
    known = [g.id for g in assessment.groups]
    raise UnknownIdError(
        f"respondent group of {assessment.id}", group_id, difflib.get_close_matches(group_id, known, n=3)
    )


def group_items(assessment: Assessment, group: str) -> tuple[Item, ...]:
    """The items *group* answers (those worded for it), in order."""
    return tuple(item for item in assessment.items() if group in item.text)


def render_paper_form(
    assessment: Assessment,
    group: str | RespondentGroup,
    *,
    lang: str | None,
    default: str | None = None,
    codes: bool = True,
    correction_url: str | None = None,
) -> str:
    """A printable HTML form of *assessment* for one respondent *group* (an id or the group) in *lang*;
    labels missing in *lang* fall back through *default* (the pack's default language), Dutch and
    English, and are marked with their real language. With *codes* false, no data-entry code (instrument,
    group, language, item and option codes) is printed. A form in a machine-translated language opens
    with a notice saying so; *correction_url* (:func:`correction_address` of the pack, when it states
    one) is where it sends corrections, besides the school. Raise
    :class:`~ouderbetrokkenheid.UnknownIdError` for a group the assessment does not have."""
    form = _Form(
        assessment=assessment,
        group=_group(assessment, group),
        lang=lang or default or "nl",
        default=default,
        scales={scale.id: scale for scale in assessment.scales},
        codes=codes,
        correction_url=correction_url,
    )
    return form.render()


@attrs.frozen(kw_only=True)
class _Form:
    assessment: Assessment
    group: RespondentGroup
    lang: str
    default: str | None
    scales: dict[str, Scale]
    codes: bool = True
    correction_url: str | None = None

    def t(self, value: Text) -> str:
        """A label, escaped and marked with its language when that is not the page's."""
        return text(value, self.lang)

    def label(self, value: LocalizedText | None, fallback: str = "") -> Text:
        """*value* in the page's language, or its fallback."""
        return resolve(value, self.lang, self.default, fallback)

    def m(self, key: str, **fields: str) -> str:
        """A catalogue message; *fields* are HTML already."""
        return message(key, self.lang, **fields)

    def render(self) -> str:
        """The whole page."""
        assessment, group, m = self.assessment, self.group, self.m
        title = self.label(assessment.title, assessment.id)
        group_label = self.label(group.label, group.id)
        items = group_items(assessment, group.id)
        has_na = any(
            option.not_applicable
            for item in items
            if item.scale in self.scales
            for option in self.scales[item.scale].options
        )
        fields = (
            (
                ("meta_instrument", self.iso(esc(assessment.id))),
                ("meta_version", self.iso(esc(assessment.version or "—"))),
                ("meta_group", self.iso(esc(group.id))),
                ("meta_language", self.iso(esc(self.lang))),
                ("meta_respondent", '<span class="fill"></span>'),
            )
            if self.codes
            else (
                ("meta_version", self.iso(esc(assessment.version or "—"))),
                ("meta_group", self.t(group_label)),
                ("meta_respondent", '<span class="fill"></span>'),
            )
        )
        meta = (
            '<p class="meta">'
            + " · ".join(m("label_value", label=m(key), value=value) for key, value in fields)
            + "</p>\n"
        )
        header = (
            "<header>\n"
            f'<p class="kicker">{m("form_title")}</p>\n'
            f"<h1>{self.t(title)}</h1>\n"
            f'<p class="for">{m("form_for", group=self.t(group_label))}</p>\n'
            f"{meta}{self.notice()}</header>\n"
        )
        instructions = [m("instruction_tick")]
        if has_na:
            instructions.append(m("instruction_na"))
        instructions.append(m("instruction_honest"))
        parts = [
            '<section class="instructions" aria-labelledby="instructions">\n'
            f'<h2 id="instructions">{m("instructions")}</h2>\n<ul>\n'
            + "".join(f"<li>{line}</li>\n" for line in instructions)
            + "</ul>\n</section>\n"
        ]
        number = itertools.count(1)
        for index, section in enumerate(assessment.sections, 1):
            mine = [item for item in section.items if group.id in item.text]
            if not mine:
                continue
            heading = f"section-{index}"
            tables = [
                self.table(self.scales.get(scale_id), list(run), heading, number)
                for scale_id, run in itertools.groupby(mine, key=lambda item: item.scale)
            ]
            parts.append(
                f'<section class="part" aria-labelledby="{heading}">\n'
                f'<h2 id="{heading}">{self.t(self.label(section.title, section.id))}</h2>\n'
                + "".join(tables)
                + "</section>\n"
            )
        footer = f'<footer>\n<p class="thanks">{m("thanks")}</p>\n{meta}</footer>\n'
        return document(
            lang=self.lang,
            title=f"{compose('form_title', self.lang, str)}: {title.text} — {group_label.text}",
            css=CSS,
            body=header + "<main>\n" + "".join(parts) + "</main>\n" + footer,
            meta={
                "ouderbetrokkenheid:assessment": assessment.id,
                "ouderbetrokkenheid:version": assessment.version or "",
                "ouderbetrokkenheid:group": group.id,
                "ouderbetrokkenheid:language": self.lang,
            },
        )

    def iso(self, html_text: str) -> str:
        """An id, code or number isolated from the words around it on a right-to-left page."""
        return isolate(html_text, self.lang)

    def notice(self) -> str:
        """The machine-translation notice, when the form's wording or its interface words are a
        machine translation in the form's language."""
        if not needs_notice(self.assessment, self.lang):
            return ""
        return notice_html(self.lang, self.correction_url)

    def table(self, scale: Scale | None, items: list[Item], heading: str, number: Iterator[int]) -> str:
        """A table of *items* that share one scale: a column per scored option, then the
        not-applicable ones."""
        options: list[Option] = list(scale.options) if scale is not None else []
        ordered = [o for o in options if not o.not_applicable] + [o for o in options if o.not_applicable]

        def css(option: Option) -> str:
            return "opt na" if option.not_applicable else "opt"

        head = (
            f'<th scope="col" class="nr">{self.m("number")}</th>'
            f'<th scope="col" class="statement">{self.m("statement")}</th>'
            + "".join(
                f'<th scope="col" class="{css(o)}">{self.t(self.label(o.label, o.code))}'
                f"{self.code(o.code)}</th>"
                for o in ordered
            )
        )
        rows = []
        for item in items:
            boxes = "".join(
                f'<td class="{css(o)}"><span class="box" aria-hidden="true"></span></td>' for o in ordered
            )
            rows.append(
                f'<tr data-link-id="{esc(item.link_id)}">'
                f'<th scope="row" class="nr">{self.iso(str(next(number)))}</th>'
                f'<td class="statement">{self.t(self.label(item.text[self.group.id], item.link_id))}'
                f"{self.code(item.link_id)}</td>"
                f"{boxes}</tr>"
            )
        return (
            f'<table{MANY if len(ordered) > 5 else ""} aria-labelledby="{heading}">\n'
            f"{self.columns(len(ordered))}"
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n"
        )

    def code(self, code: str) -> str:
        """A data-entry code, printed small, when the form shows codes."""
        return f'<span class="code">{self.iso(esc(code))}</span>' if self.codes else ""

    @staticmethod
    def columns(options: int) -> str:
        """Column widths: the number 6%, the options at most 10.5% each and 60% together, the statement
        takes the rest."""
        width = min(10.5, 60 / max(options, 1))
        cols = f'<col style="width: {width:.1f}%">' * options
        return f'<colgroup><col style="width: 6%"><col>{cols}</colgroup>\n'
