"""HTML pieces of the site: escaping, text that carries its own language, safe links, JSON inside
``<script>``, and the frame every page shares (landmarks, skip link, navigation, language switch).

Content from packs only ever reaches a page through :func:`esc` (``html.escape`` with quotes) or as
``textContent`` in the browser; a URL from a pack is only written when it is ``http``, ``https`` or
``mailto`` (:func:`~ouderbetrokkenheid.reports.view.safe_url`, checked here again whatever the schema said).
"""

import functools
import string
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ouderbetrokkenheid.exporters.site.messages import AUTONYMS, ui
from ouderbetrokkenheid.model.text import LocalizedText
from ouderbetrokkenheid.reports.markup import esc, isolate
from ouderbetrokkenheid.reports.markup import lang_attrs as _lang_attrs
from ouderbetrokkenheid.reports.messages import direction
from ouderbetrokkenheid.reports.view import Text, resolve, safe_url

if TYPE_CHECKING:
    import jinja2

__all__ = ["esc", "isolate", "lang_attrs", "resolve", "safe_url"]

#: What a page may load: its own files only. No request can leave the page, whatever the content.
CSP = (
    "default-src 'none'; script-src 'self' file:; style-src 'self' file:; img-src 'self' file: data:; "
    "base-uri 'none'; form-action 'self' file:"
)


def csp_meta() -> str:
    """The ``<meta>`` element that sets :data:`CSP` on a page."""
    return f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">'


@functools.lru_cache(maxsize=4096)
def lang_attrs(tag: str, page_lang: str) -> str:
    """:func:`ouderbetrokkenheid.reports.markup.lang_attrs`, remembered: a site asks it for a few pairs
    of languages, dozens of times per page."""
    return _lang_attrs(tag, page_lang)


def t(value: Text | str, lang: str) -> str:
    """*value* escaped; in a ``<span lang>`` when it is not in the page's language *lang* (as
    :func:`ouderbetrokkenheid.reports.markup.text`); followed by :func:`machine_mark` when it is a
    machine translation."""
    if isinstance(value, str):
        return esc(value)
    attrs = lang_attrs(value.lang, lang)
    body = f"<span{attrs}>{esc(value.text)}</span>" if attrs else esc(value.text)
    return f"{body} {machine_mark(lang)}" if value.machine else body


def inner(value: Text, lang: str) -> str:
    """The content of an element that carries *value*'s own language attributes (``<h1{lang_attrs}>``):
    *value* escaped, followed by :func:`machine_mark` when it is a machine translation."""
    if not value.machine:
        return esc(value.text)
    return f"{esc(value.text)} {machine_mark(lang, value.lang if lang_attrs(value.lang, lang) else '')}"


@functools.cache
def machine_label(lang: str) -> Text:
    """The words for a machine translation on a page in *lang* (the ``translation-method`` vocabulary)."""
    from ouderbetrokkenheid.model.vocabularies import VOCABULARIES

    return resolve(
        VOCABULARIES["translation-method"].term("machine").label, lang, None, "machine translation"
    )


@functools.cache
def machine_mark(lang: str, within: str = "") -> str:
    """The visible mark after a text that is a machine translation on a page in *lang*: "(traduction
    automatique)"; *within*: the language of the element it stands in, when not the page's."""
    label = machine_label(lang)
    return f'<span class="mt-mark"{lang_attrs(label.lang or lang, within or lang)}>({esc(label.text)})</span>'


@functools.cache
def _template(key: str, lang: str) -> tuple[tuple[tuple[str, str | None], ...], str]:
    """The message *key* for *lang* split into ``(escaped literal, field)`` pieces, and its ``lang`` marker."""
    message = ui(key, lang)
    pieces = tuple((esc(literal), field) for literal, field, _, _ in string.Formatter().parse(message.text))
    return pieces, lang_attrs(message.lang, lang)


def m(key: str, lang: str, /, **fields: str) -> str:
    """The site's message *key* as HTML; *fields* are HTML already. Marked with its language when the
    site has no words in *lang*."""
    if not fields:  # most messages are labels, asked for on every page
        return _plain(key, lang)
    body, marker = _filled(key, lang, fields)
    return f"<span{marker}>{body}</span>" if marker else body


def _filled(key: str, lang: str, fields: dict[str, str]) -> tuple[str, str]:
    """The message *key* for *lang* with *fields* (HTML) put in, and its ``lang`` marker."""
    pieces, marker = _template(key, lang)
    return "".join(literal + ("" if field is None else fields[field]) for literal, field in pieces), marker


@functools.cache
def _plain(key: str, lang: str) -> str:
    """:func:`m` of a message without fields."""
    pieces, marker = _template(key, lang)
    for _, field in pieces:
        if field is not None:
            raise KeyError(field)  # as m() with the fields left out
    body = "".join(literal for literal, _ in pieces)
    return f"<span{marker}>{body}</span>" if marker else body


def labelled(label: str, value: str, lang: str) -> str:
    """*label* and *value* (both HTML) joined as *lang* writes a label and its value ("Status: checked",
    French "Statut : vérifié"). Not marked with a language: the separator is the page's, the parts
    carry their own markers."""
    return _filled("label_value", lang, {"label": label, "value": value})[0]


def with_colon(label: str, lang: str) -> str:
    """*label* (HTML) followed by a colon as *lang* writes it (French: a space before it)."""
    return _filled("label_colon", lang, {"label": label})[0]


def m_text(key: str, lang: str, /, **fields: str) -> str:
    """The site's message *key* as plain text (for ``<title>``, ``aria-label``, JSON), *fields* plain."""
    return ui(key, lang).text.format(**fields) if fields else ui(key, lang).text


def label(value: LocalizedText | None, lang: str, default: str | None, fallback: str = "") -> Text:
    """*value* in *lang* along the fallback chain, as :class:`Text` (text and its real language)."""
    return resolve(value, lang, default, fallback)


def paragraphs(value: Text, lang: str, css_class: str = "") -> str:
    """*value* as ``<p>`` elements (blank lines separate paragraphs), marked with its language."""
    chunks = [esc(" ".join(chunk.split())) for chunk in value.text.split("\n\n")]
    chunks = [chunk for chunk in chunks if chunk]
    marker = lang_attrs(value.lang, lang)
    if value.machine and chunks:  # said once, after the last paragraph's text
        chunks[-1] += " " + machine_mark(lang, value.lang if marker else "")
    klass = f' class="{css_class}"' if css_class else ""
    return "".join(f"<p{klass}{marker}>{chunk}</p>\n" for chunk in chunks)


def link(href: str, body_html: str, **attributes: str) -> str:
    """A link to one of the site's own pages (*href* is relative and ours; escaped all the same)."""
    extra = "".join(f' {name.replace("_", "-")}="{esc(value)}"' for name, value in attributes.items())
    return f'<a href="{esc(href)}"{extra}>{body_html}</a>'


def external(url: str | None, body_html: str) -> str:
    """A link out of the site when *url* is a safe ``http``/``https``/``mailto`` URL, else *body_html*."""
    target = safe_url(url)
    if target is None:
        return body_html
    return f'<a href="{esc(target)}" rel="noopener noreferrer" class="out">{body_html}</a>'


#: Characters written as ``\\u`` escapes in JSON inside scripts (``str.replace`` is far faster than
#: ``str.translate`` on the megabytes of a search index).
_SCRIPT_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def script_json(data: Any) -> str:
    """*data* as JSON that is safe inside a ``<script>`` element or a ``.js`` file: ``<``, ``>``, ``&``
    and the line separators are written as ``\\u`` escapes, so ``</script>`` can never appear."""
    import orjson

    text = orjson.dumps(data).decode("utf-8")
    for character, escape in _SCRIPT_ESCAPES:
        if character in text:
            text = text.replace(character, escape)
    return text


def truncate(value: str, size: int = 220) -> str:
    """*value* on one line, cut at a word boundary near *size* characters (with ``…``)."""
    value = " ".join(value.split())
    if len(value) <= size:
        return value
    cut = value[:size].rsplit(" ", 1)[0] or value[:size]
    return cut.rstrip(",.;:") + "…"


def table_box(table_html: str, label: str, lang: str) -> str:
    """*table_html* in a box that scrolls sideways on its own when the table is wider than the screen
    (a focusable region named "Table: *label*", plain text, so that a keyboard can scroll it too)."""
    name = m_text("table_of", lang, name=label)
    return f'<div class="table-box" role="region" tabindex="0" aria-label="{esc(name)}">{table_html}</div>\n'


def dl(rows: Iterable[tuple[str, str]], css_class: str = "meta") -> str:
    """A description list of ``(term_html, value_html)`` rows, leaving out empty values."""
    items = [f"<dt>{term}</dt><dd>{value}</dd>\n" for term, value in rows if value]
    return f'<dl class="{css_class}">\n' + "".join(items) + "</dl>\n" if items else ""


def inline_list(items: Sequence[str], css_class: str = "inline") -> str:
    """HTML items as a ``<ul>`` shown on one line."""
    if not items:
        return ""
    return f'<ul class="{css_class}">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


@attrs.frozen(kw_only=True)
class Frame:
    """What the shared frame of a page needs to know."""

    #: The page's path from the site root (``nl/resources/vcov__boek.html``).
    path: str
    lang: str
    #: Every site language, in switch order.
    languages: tuple[str, ...]
    #: Which main menu entry is current (``home``, ``catalog``, ``evidence``, ``instruments``) or ``""``.
    section: str
    #: ``(text, link)`` pairs for the footer's attribution of each pack.
    packs: tuple[tuple[Text, Text, str], ...]
    version: str
    #: The site's template environment (:func:`ouderbetrokkenheid.exporters.site.templates.environment`).
    templates: "jinja2.Environment" = attrs.field(eq=False)


MENU = (
    ("home", "index.html"),
    ("catalog", "catalog.html"),
    ("evidence", "evidence.html"),
    ("instruments", "instruments.html"),
)


@functools.lru_cache(maxsize=64)
def _shared_frame(
    lang: str, languages: tuple[str, ...], packs: tuple[tuple[Text, Text, str], ...]
) -> dict[str, Any]:
    """The parts of the frame every page in *lang* shares (menu, language switch, pack credits),
    made once per language instead of once per page; the templates only read them."""
    from markupsafe import Markup

    return {
        "menu": [(key, target, Markup(m(key, lang))) for key, target in MENU],  # noqa: S704 - escaped by m
        # each language's name in its own direction: العربية on a Dutch page, Nederlands on an Arabic one
        "languages": [
            {"code": other, "name": AUTONYMS.get(other, other), "dir": direction(other)}
            for other in languages
        ],
        "packs": [
            {
                "title": Markup(t(title, lang)),  # noqa: S704 - escaped by t
                "publisher": Markup(t(publisher, lang)),  # noqa: S704
                # a code such as CC-BY-4.0 keeps its order among Arabic words (<bdi> on a right-to-left page)
                "licence": Markup(isolate(esc(licence), lang)),  # noqa: S704 - escaped here
            }
            for title, publisher, licence in packs
        ],
        "csp_meta": Markup(csp_meta()),  # noqa: S704 - ours
    }


def frame_variables(frame: Frame, *, title: str, search_box: bool = True) -> dict[str, Any]:
    """What ``base.html`` needs to draw the frame of the page *frame* with the plain-text *title*."""

    lang, path = frame.lang, frame.path
    here = path.split("/", 1)[1] if "/" in path else path  # the page within its language folder
    return {
        "lang": lang,
        "dir": direction(lang),
        "root": "../" * path.count("/"),
        "here": here,
        "path": path,
        "title": title,
        "version": frame.version,
        "section": frame.section if (frame.section, here) in MENU else "",
        **_shared_frame(lang, frame.languages, frame.packs),
        "search_box": search_box,
        "scripts": (),
        "head": "",
        "body": "",
    }


def page(
    frame: Frame,
    *,
    title: str,
    body: str,
    head: str = "",
    scripts: Sequence[str] = (),
    search_box: bool = True,
    template: str,
    **variables: Any,
) -> str:
    """A complete page from the template *template* (which extends ``base.html``): *title* is plain
    text, *body* the HTML inside ``<main>`` (starting with its ``<h1>``) for templates that show it,
    *head* extra HTML for ``<head>``, *scripts* extra script paths from the site root, *variables*
    what the template needs besides."""
    from markupsafe import Markup

    from ouderbetrokkenheid.exporters.site.templates import render

    context = frame_variables(frame, title=title, search_box=search_box)
    context.update(body=Markup(body), head=Markup(head), scripts=tuple(scripts), **variables)  # noqa: S704
    return render(frame.templates, template, context)
